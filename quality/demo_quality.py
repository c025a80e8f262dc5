"""Demo quality of involvement for Brightwater, for seed_demo: the Carers' forum's checklist,
half filled in by the app (its agreement, its sessions' papers, how people came in and ten
feedback answers) and the rest by staff with their evidence, so it has a rating with its
reasons; its "you said, we did", published, with a suggestion for every kind of response,
one waiting and one overdue; and a draft activity whose first session went ahead with nothing
agreed.

The possible tokenism flag needs no data of its own: the front door redesign's feedback
(demo_feedback.py) says people had much less say than agreed. Everything goes through the
services; each part is written only where it is missing, so running seed_demo again changes
nothing, and a checklist someone has changed since is left as they left it.
"""

import datetime
import uuid

from django.urls import reverse
from django.utils import timezone

from activities import services as activity_services
from activities.demo_activities import demo_key
from activities.models import Activity, Aim, Approach, DecisionLevel, Participant
from involvement.models import Organisation, User

from . import services
from .demo_loop import ensure_demo_telling
from .models import (
    Assessment,
    Contribution,
    FeedbackResponse,
    LoopPage,
    MarkerAssessment,
    QualityMarker,
)

ORGANISATION = "brightwater"
ASSESSED = "Carers' forum"
FLAGGED = "Redesigning the mental health front door"

# Staff's judgement of the Carers' forum, by Table 2 marker: (status, evidence). With what
# the app works out, it rates good, short of outstanding (the rules page says why).
ASSESSMENTS = {
    "principles-of-involvement-are-discussed-and-agreed": (
        Assessment.MET,
        "Terms of reference agreed at the first meeting and reviewed every year; the last "
        "review is in January's minutes.",
    ),
    "monitoring-and-assessing-processes-are-agreed-beforehand": (
        Assessment.MET,
        "Attendance and the actions log, agreed in the terms of reference.",
    ),
    "attempts-are-made-to-make-recruitment-reflective-of-population": (
        Assessment.PARTLY,
        "Mostly older carers; none under 40 and few from Eastside. Outreach with the young "
        "carers' project is planned for the spring.",
    ),
    "appropriate-compensation-is-given": (
        Assessment.MET,
        "Replacement care and travel paid on the night, under the expenses policy.",
    ),
    "transparency-in-the-involvement-process": (
        Assessment.PARTLY,
        "Minutes are shared with everyone, but carers do not see the board papers their views "
        "go into.",
    ),
    "venues-are-accessible-to-all-users": (
        Assessment.MET,
        "Riverside House room 1 is step-free with a hearing loop, tested each time. An online "
        "link for carers who cannot leave the person they care for.",
    ),
    "timing-allowed-for-real-consideration-and-influence-on-decisions": (
        Assessment.PARTLY,
        "Plans usually come a month before they are decided, but the discharge policy came "
        "after the decision was made.",
    ),
    "users-are-involved-at-every-level-within-the-organisation": (
        Assessment.NOT_APPLICABLE,
        "The forum advises managers; places on the board are the trustee places activity.",
    ),
    "there-are-a-number-of-different-ways-for-people-to-be-involved": (
        Assessment.MET,
        "In the room, online, or by phone to the co-chairs before the meeting.",
    ),
    "relevant-training-is-available-to-develop-their-involvement": (
        Assessment.NOT_MET,
        "No training offered to carers yet. The co-chairs have asked for a chairing course.",
    ),
    "closed-the-loop-staff-are-required-to-act-on-feedback": (
        Assessment.MET,
        "Every action is on the log, with a named manager, and reviewed at each meeting.",
    ),
    "changes-made-are-communicated-to-those-involved": (
        Assessment.PARTLY,
        "Managers report back at the next meeting; carers who miss it hear nothing.",
    ),
}
ASSESSED_DAYS_AGO = 6

# The Carers' forum's "you said, we did". Said at a monthly meeting: (days ago, who or None
# for not named, what they said, response or None). Responses: (decision, days after it was
# raised, and the words: what changed and how many days after it was raised, the reason, or
# who decides).
SAID_AT_MEETINGS = [
    (
        88,
        "Pat S.",
        "Could the papers come in large print by post, as well as by email?",
        (
            Contribution.Decision.ACCEPTED,
            14,
            {
                "what_changed": "Papers now go by post in large print, a week before each "
                "meeting, to everyone who asked for them.",
                "changed_on": 12,
            },
        ),
    ),
    (
        58,
        None,
        "Hold some meetings in the daytime, for carers who cannot get out in the evening.",
        (
            Contribution.Decision.NOT_ADOPTED,
            18,
            {
                "reason": "When we asked in the summer, two out of three carers said evenings "
                "suit them best, because many work in the day. You can join online from home, "
                "and the co-chairs will phone you before a meeting if you cannot come.",
            },
        ),
    ),
    # No response yet, and raised more than 30 days ago: overdue on the quality overview.
    (58, "Stan W.", "Can carers see the board papers that our views go into?", None),
    (
        28,
        "Paula G.",
        "A chairing course for the two co-chairs, paid for by the trust.",
        (
            Contribution.Decision.NOT_OURS,
            8,
            {
                "who_decides": "The learning and development panel, which agrees the training "
                "budget each April",
            },
        ),
    ),
    # Told by email and not answered yet (quality/demo_loop.py).
    (
        40,
        "Hannah Cole",
        "Can the notes say which actions are finished and which are still open?",
        (
            Contribution.Decision.ACCEPTED,
            10,
            {
                "what_changed": "The action log now comes first in the notes, with each "
                "action marked done or still open.",
                "changed_on": 9,
            },
        ),
    ),
    # Waiting to be told; Kieran prefers easy read and texts, so it needs printing.
    (
        20,
        "Kieran Walsh",
        "Please send me the papers in easy read.",
        (
            Contribution.Decision.ACCEPTED,
            5,
            {"what_changed": "Papers now come in easy read too, for everyone who asks."},
        ),
    ),
]
# Taken from feedback comments with one click: (whose answer, which comment box, response).
TAKEN_FROM_FEEDBACK = [
    (
        "Paula G.",
        "do_differently",
        (
            Contribution.Decision.ACCEPTED,
            6,
            {
                "what_changed": "Estates repaired the hearing loop. We now test it, and open "
                "the windows, half an hour before each meeting.",
                "changed_on": 5,
            },
        ),
    ),
    (
        "Gwen Price",
        "do_differently",
        (
            Contribution.Decision.PARTLY,
            9,
            {
                "what_changed": "Draft notes now go out within a week of the meeting.",
                "changed_on": 7,
                "reason": "The final notes still take up to two weeks, because the managers "
                "named in the actions have to check them first.",
            },
        ),
    ),
    # Waiting for a response, and not yet overdue.
    ("Priya Desai", "do_differently", None),
]

# A draft activity whose first session went ahead before anything was written down or agreed.
UNAGREED = {
    "title": "Outpatient waiting rooms: what would help",
    "overview": (
        "Ask people waiting in outpatients what would make the wait easier, before the rooms "
        "are refurbished."
    ),
    "approach": "consultation_feedback",
    "decision_level": DecisionLevel.SERVICE,
    "motives": ["instrumental"],
    "aims": ["service_organisational"],
    "starts": -21,
    "frequency": "Drop-in sessions in the waiting rooms",
    "session_length": "2 hours",
    "session": {"day": -12, "time": "14:00", "place": "Outpatients waiting area, Riverside"},
}


def ensure_demo_quality(people: dict[str, User]) -> list[tuple[str, str]]:
    """The demo's quality checklist and its draft without an agreement, where missing;
    returns the (label, path) lines seed_demo prints."""
    organisation = Organisation.objects.get(slug=ORGANISATION)
    services.ensure_marker_catalogue(organisation=organisation)
    _unagreed_ensure(organisation, people["staff"])
    lines = [("See the quality of involvement", reverse("quality:quality-overview"))]
    assessed = _activity(organisation, ASSESSED)
    if assessed is not None:
        _assessments_ensure(assessed, people["staff"])
        path = reverse("quality:activity-quality", args=[assessed.pk])
        lines.append(("See an activity's quality checklist and its rating", path))
        _loop_ensure(assessed, people["staff"])
        path = reverse("quality:contribution-list", args=[assessed.pk])
        lines.append(("See an activity's “you said, we did”", path))
        reply = ensure_demo_telling(assessed, people["staff"])
        if reply:
            lines.append(("Answer a “we did” message as the service user", reply))
        if assessed.loop_page.published_at:
            path = reverse("quality:loop-page-public", args=[assessed.loop_page.slug])
            lines.append(("See a published “you said, we did” page", path))
    flagged = _activity(organisation, FLAGGED)
    if flagged is not None:
        path = reverse("quality:activity-quality", args=[flagged.pk]) + "#influence"
        lines.append(("See an activity flagged as possible tokenism", path))
    return lines


def _activity(organisation: Organisation, title: str) -> Activity | None:
    return Activity.objects.filter(
        organisation=organisation, submission_key=demo_key(organisation, title)
    ).first()


def _assessments_ensure(activity: Activity, staff: User) -> None:
    if MarkerAssessment.objects.filter(activity=activity).exists():
        return
    markers = QualityMarker.objects.filter(
        organisation=activity.organisation, catalogue_key__in=ASSESSMENTS
    )
    services.marker_assessments_save(
        activity=activity,
        assessments={m.pk: ASSESSMENTS[m.catalogue_key] for m in markers},
        assessed_by=staff,
    )
    # Judged at the review meeting last week, not the moment the demo was made.
    when = timezone.now() - datetime.timedelta(days=ASSESSED_DAYS_AGO)
    MarkerAssessment.objects.filter(activity=activity).update(created_at=when, updated_at=when)


def _loop_ensure(activity: Activity, staff: User) -> None:
    """What carers said, typed from meetings and taken from their feedback, with staff's
    responses; then the page is published, once (if staff take it down, it stays down)."""
    today = timezone.localdate()
    key = demo_key(activity.organisation, activity.title)
    for number, (days_ago, name, text, response) in enumerate(SAID_AT_MEETINGS):
        participant = _involved(activity, name) if name else None
        contribution = services.contribution_add(
            activity=activity,
            participant=participant,
            raised_on=today - datetime.timedelta(days=days_ago),
            text=text,
            source=Contribution.Source.MEETING,
            created_by=staff,
            # The same key each run, as a double submit of the form: a second run finds it.
            submission_key=uuid.uuid5(key, f"you said {number}"),
        )
        _respond(contribution, response, staff)
    for name, field, response in TAKEN_FROM_FEEDBACK:
        answer = (
            FeedbackResponse.objects.filter(
                activity=activity,
                request__participant__name=name,
                status=FeedbackResponse.Status.SUBMITTED,
            )
            .exclude(**{field: ""})
            .first()
        )
        if answer is not None:
            contribution = services.contribution_from_comment(
                response=answer, field=field, created_by=staff
            )
            _respond(contribution, response, staff)
    if not LoopPage.objects.filter(activity=activity).exists():
        services.loop_page_publish(activity=activity, publish=True)


def _involved(activity: Activity, name: str) -> Participant | None:
    return Participant.objects.filter(
        organisation=activity.organisation,
        name=name,
        involvements__activity=activity,
        erased_at__isnull=True,
    ).first()


def _respond(contribution: Contribution, response, staff: User) -> None:
    """Record the response where there is none yet, then move its dates back to when the
    demo says it was given, so the days taken to respond read true."""
    if response is None or not contribution.is_open():
        return
    decision, days_after, words = response
    raised = contribution.raised_on
    changed = words.get("changed_on")
    services.contribution_respond(
        contribution=contribution,
        decision=decision,
        what_changed=words.get("what_changed", ""),
        changed_on=raised + datetime.timedelta(days=changed) if changed else None,
        reason=words.get("reason", ""),
        who_decides=words.get("who_decides", ""),
        responded_by=staff,
    )
    day = min(raised + datetime.timedelta(days=days_after), timezone.localdate())
    when = datetime.datetime.combine(
        day, datetime.time(10, 0), tzinfo=timezone.get_current_timezone()
    )
    Contribution.objects.filter(pk=contribution.pk).update(responded_at=when, updated_at=when)


def _unagreed_ensure(organisation: Organisation, staff: User) -> None:
    item = UNAGREED
    key = demo_key(organisation, item["title"])
    # The same keys as a double submit would use: a second run returns the first ones.
    activity = activity_services.activity_create(
        organisation=organisation,
        created_by=staff,
        data={
            "title": item["title"],
            "overview": item["overview"],
            "lead": staff,
            # As the demo's "who is involved" gives every lead, so a second run adds none.
            "staff_involved": [staff],
            "starts_on": timezone.localdate() + datetime.timedelta(days=item["starts"]),
            "ends_on": None,
            "approach": Approach.objects.get(key=item["approach"]),
            "decision_level": item["decision_level"],
            "motives": item["motives"],
            "aims": list(Aim.objects.filter(key__in=item["aims"])),
            "frequency": item["frequency"],
            "session_length": item["session_length"],
        },
        submission_key=key,
    )
    session = item["session"]
    day = timezone.localdate() + datetime.timedelta(days=session["day"])
    hour, minute = (int(part) for part in session["time"].split(":"))
    activity_services.session_create(
        activity=activity,
        data={
            "starts_at": datetime.datetime.combine(
                day, datetime.time(hour, minute), tzinfo=timezone.get_current_timezone()
            ),
            "place": session["place"],
            "venue_accessible": True,
        },
        submission_key=uuid.uuid5(key, "first session"),
    )
