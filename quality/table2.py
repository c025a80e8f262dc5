"""Table 2 of *Make it count* as quality markers, each tagged with the 4Pi standards and the
essential elements it serves, and whether the app can judge it from its own data.

Pure data, no models: the data migration and `ensure_marker_catalogue` both read it. The
tags are this project's reading of seeds 000 and 003; organisations can add their own
markers beside these.
"""

from django.utils.text import slugify

from involvement.reference import load_reference

TABLE2 = "table2-quality-markers"
ACTORS = {"organisation": "organisation", "individual_involved": "individual"}

# catalogue key: (4Pi standards, essential elements, how the app judges it)
TAGS = {
    "principles-of-involvement-are-discussed-and-agreed": (
        ["principles"],
        ["ownership", "commitment"],
        "",
    ),
    "purpose-of-involvement-is-agreed-and-written-down": (
        ["purpose"],
        ["structure", "ownership"],
        "purpose_agreed",
    ),
    "strategy-for-involvement-is-drawn-up": (
        ["purpose", "process"],
        ["structure", "commitment"],
        "",
    ),
    "good-practice-guidelines-are-used": (["process"], ["structure"], ""),
    "monitoring-and-assessing-processes-are-agreed-beforehand": (
        ["purpose", "impact"],
        ["structure", "feedback"],
        "",
    ),
    "attempts-are-made-to-make-recruitment-reflective-of-population": (
        ["presence"],
        ["inclusion", "equality"],
        "",
    ),
    "appropriate-compensation-is-given": (
        ["principles", "process"],
        ["equality", "mutual_respect"],
        "",
    ),
    "transparency-in-the-involvement-process": (
        ["principles", "process"],
        ["mutual_respect", "ownership"],
        "",
    ),
    "venues-are-accessible-to-all-users": (["presence", "process"], ["inclusion"], ""),
    "timing-allowed-for-real-consideration-and-influence-on-decisions": (
        ["process", "impact"],
        ["ownership"],
        "",
    ),
    "appropriate-notice-is-given-to-users": (
        ["process"],
        ["inclusion", "mutual_respect"],
        "notice_given",
    ),
    "users-are-involved-at-every-level-within-the-organisation": (
        ["presence"],
        ["ownership", "equality"],
        "",
    ),
    "there-are-a-number-of-different-ways-for-people-to-be-involved": (
        ["presence", "process"],
        ["inclusion"],
        "",
    ),
    "relevant-training-is-available-to-develop-their-involvement": (
        ["process"],
        ["personal_development"],
        "",
    ),
    "percentage-of-users-who-are-invited-compared-to-those-who-volunteered": (
        ["presence"],
        ["inclusion"],
        "invited_volunteered",
    ),
    "appropriate-outcomes-and-process-measures-are-used-which-are-relevant-to-users": (
        ["impact"],
        ["feedback", "ownership"],
        "",
    ),
    "these-processes-are-reviewed-regularly": (["impact", "process"], ["commitment"], ""),
    "users-involved-are-representative-of-people-affected-by-services": (
        ["presence"],
        ["inclusion", "equality"],
        "",
    ),
    "evaluation-processes-are-conducted-with-individuals-wherever-possible": (
        ["impact"],
        ["feedback", "ownership"],
        "",
    ),
    "closed-the-loop-staff-are-required-to-act-on-feedback": (
        ["impact"],
        ["feedback", "commitment"],
        "",
    ),
    "exit-and-development-strategies-are-created-for-users-who-want-to-progress": (
        ["impact"],
        ["personal_development"],
        "",
    ),
    "changes-made-are-communicated-to-those-involved": (
        ["impact"],
        ["feedback"],
        "changes_communicated",
    ),
    "people-understood-role-and-purpose": (["purpose"], ["ownership"], "feedback:understood_role"),
    "felt-able-to-disagree-with-facilitators": (
        ["principles"],
        ["mutual_respect", "equality"],
        "feedback:able_to_disagree",
    ),
    "they-felt-listened-to": (
        ["principles", "process"],
        ["mutual_respect"],
        "feedback:listened_to",
    ),
    "peoples-expectations-were-met": (
        ["process", "impact"],
        ["commitment"],
        "feedback:expectations_met",
    ),
    "people-felt-their-input-made-a-difference-and-was-worthwhile": (
        ["impact"],
        ["ownership", "feedback"],
        "feedback:made_difference",
    ),
    "they-continue-to-be-involved-afterwards": (
        ["impact"],
        ["commitment", "personal_development"],
        "feedback:stay_involved",
    ),
    "they-increase-engagement-with-the-organisation": (["impact"], ["commitment"], ""),
}


def _text(item) -> str:
    return item["text"] if isinstance(item, dict) else item


def table2_markers() -> list[dict]:
    """Every Table 2 marker as the fields of a QualityMarker."""
    data = load_reference(TABLE2)
    markers, position = [], 0
    for actor_key, actor in ACTORS.items():
        for stage, items in data["markers"][actor_key].items():
            for item in items:
                text = _text(item)
                key = slugify(text)
                standards, elements, judged_by = TAGS[key]
                position += 1
                markers.append(
                    {
                        "actor": actor,
                        "stage": stage,
                        "text": text,
                        "standards": standards,
                        "elements": elements,
                        "judged_by": judged_by,
                        "catalogue_key": key,
                        "position": position,
                    }
                )
    return markers
