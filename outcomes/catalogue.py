"""Table 1 of *Make it count* as outcome measures: what kind of value each holds, where the
value comes from, and which ones the app computes itself.

Pure data and functions, no models: the data migration and `ensure_measure_catalogue` both
read it, so a new organisation gets the same catalogue as the ones migrated.
"""

from django.utils.text import slugify

from involvement.reference import load_reference

TABLE1 = "table1-outcome-measures"

TIERS = [("outputs", "output"), ("outcomes", "outcome"), ("longer_term", "longer_term")]
# What a Table 1 item holds when nothing below says otherwise.
TIER_DEFAULTS = {
    "output": ("count", "recorded"),
    "outcome": ("narrative", "recorded"),
    "longer_term": ("narrative", "observed"),
}

# The outputs the app already has the data for: computed, never typed.
COMPUTED = {
    "number-of-users-involved": "users_involved",
    "number-of-staff-involved": "staff_involved",
    "range-of-users-involved-ageethnicityabilitygender": "range_of_users",
    "range-of-users-involved": "range_of_users",
    "number-of-events-held": "events_held",
    "number-of-events-involving-users": "events_held",
    "whether-users-are-invited-compared-to-volunteered": "invited_volunteered",
    "percentage-of-users-who-felt-valued-in-the-process": "felt_valued",
    "percentage-of-users-who-understood-the-process-they-were-involved-with": "understood",
    "number-of-users-who-met-peers": "met_peers",
    "numbers-of-users-completing-training": "completed_training",
    "number-of-users-completing-training": "completed_training",
    "number-of-users-in-a-position-of-influence-at-different-levels-across-the-organisation": (
        "in_influence_roles"
    ),
    "percentage-of-initiatives-which-are-user-led-to-completion": "user_led",
}
COMPUTED_KINDS = {
    "users_involved": "count",
    "staff_involved": "count",
    "range_of_users": "count",
    "events_held": "count",
    "invited_volunteered": "percentage",
    "felt_valued": "percentage",
    "understood": "percentage",
    "met_peers": "count",
    "completed_training": "count",
    "in_influence_roles": "count",
    "user_led": "percentage",
}

# Change the people involved report themselves, before and after, on a 1 to 5 scale.
# (plain question, easy-read question)
SELF_REPORTED = {
    "users-have-improved-self-esteem": (
        "How do you feel about yourself?",
        "How good do you feel about yourself?",
    ),
    "improved-user-knowledge": (
        "How much do you know about the things this work is about?",
        "How much do you know about this?",
    ),
    "improved-user-skills": (
        "How good are your skills for this kind of work?",
        "How good are you at this kind of work?",
    ),
    "improved-user-confidence": ("How confident do you feel?", "How sure of yourself are you?"),
    "improved-user-engagement": (
        "How much do you take part in decisions about your support?",
        "How much do you have a say in your support?",
    ),
    "opportunities-to-meet-people-social-contact": (
        "How much contact do you have with other people?",
        "How often do you meet other people?",
    ),
    "users-have-improved-well-being": ("How is your well-being?", "How do you feel in yourself?"),
    "users-can-give-and-receive-peer-support": (
        "How able are you to give and get support from people with similar experiences?",
        "Can you help people like you, and get help from them?",
    ),
}

OVERRIDES = {
    "percentage-of-users-who-had-access-to-training-to-develop-their-skills": ("percentage",),
    "range-of-training-available-to-users": ("narrative",),
    "percentage-of-departments-and-projects-involving-users": ("percentage",),
    "percentage-of-departmentsprojects-involving-users-in-various-ways": ("percentage",),
    "percentage-of-services-and-products-which-include-user-feedback": ("percentage",),
    "percentage-of-users-who-have-opportunity-to-have-their-peers-evaluate-services-they-receive": (
        "percentage",
    ),
    "percentage-of-services-which-are-co-delivered-by-a-user": ("percentage",),
    "further-opportunities-for-learning-and-development": ("count",),
    "altered-decisions-because-of-service-user-influence": ("count",),
    "changes-to-products-and-service": ("count",),
    "an-altered-set-of-outcomes-relevant-to-user-is-defined": ("yes_no",),
    "staff-have-improved-self-esteem": ("scale",),
    "improved-staff-knowledge": ("scale",),
    "improved-staff-understanding-of-user-experience": ("scale",),
    "improved-staff-commitment": ("scale",),
    "staff-understanding-of-users-needs-is-improved": ("scale",),
    "staff-feel-more-confident-in-work": ("scale",),
    "staff-members-more-responsive-to-user-input-and-leadership": ("scale",),
    "users-input-informs-staff-approach": ("narrative", "observed"),
    "views-of-those-involved-are-more-clearly-represented": ("narrative", "observed"),
    "increased-number-of-users-graduating-from-services": ("count", "recorded"),
    "more-users-graduate-from-services": ("count", "recorded"),
    "gone-on-to-do-other-involvement-work-in-the-community": ("count", "recorded"),
    "user-progression-into-roles-of-responsibility-and-influence-ie-from-user-to-expert-to-"
    "leader": ("count", "recorded"),
}


# Counts of things rather than people: no one can be picked out from them.
NOT_PEOPLE = {
    "number-of-events-held",
    "number-of-events-involving-users",
    "further-opportunities-for-learning-and-development",
    "altered-decisions-because-of-service-user-influence",
    "changes-to-products-and-service",
}


def _text(item) -> str:
    return item["text"] if isinstance(item, dict) else item


def _kind_and_source(key: str, tier: str) -> tuple[str, str, str]:
    """(kind, source, computed key) for one Table 1 item."""
    if key in COMPUTED:
        return COMPUTED_KINDS[COMPUTED[key]], "computed", COMPUTED[key]
    if key in SELF_REPORTED:
        return "scale", "self_reported", ""
    kind, source = TIER_DEFAULTS[tier]
    override = OVERRIDES.get(key, ())
    return (override[0] if override else kind), (override[1] if len(override) > 1 else source), ""


def table1_measures() -> list[dict]:
    """Every Table 1 item as the fields of a measure, with `aim_key` naming its aim. The same
    words under two aims are two measures: Table 1 lists them per aim, sometimes in
    different tiers."""
    measures = []
    for aim in load_reference(TABLE1)["aims"]:
        position, used = 0, set()
        for section, tier in TIERS:
            for item in aim.get(section, []):
                name = _text(item)
                key = slugify(name.replace(":", ""))
                kind, source, computed_key = _kind_and_source(key, tier)
                # "Improved staff: commitment" and "Improved staff commitment" both appear.
                while key in used:
                    key += "-2"
                used.add(key)
                question, easy = SELF_REPORTED.get(key, ("", ""))
                position += 1
                measures.append(
                    {
                        "aim_key": aim["key"],
                        "catalogue_key": key,
                        "name": name,
                        "tier": tier,
                        "kind": kind,
                        "source": source,
                        "computed_key": computed_key,
                        "question": question,
                        "easy_question": easy,
                        "self_defined": key == "other-self-defined-outcomes",
                        "counts_people": key not in NOT_PEOPLE,
                        "position": position,
                    }
                )
    return measures
