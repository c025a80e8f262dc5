"""Demo quality of involvement for Brightwater, for seed_demo: the Carers' forum's checklist,
half filled in by the app (its agreement, its sessions' papers, how people came in and ten
feedback answers) and the rest by staff with their evidence, so it has a rating with its
reasons; and a draft activity whose first session went ahead with nothing agreed.

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
from activities.models import Activity, Aim, Approach, DecisionLevel
from involvement.models import Organisation, User

from . import services
from .models import Assessment, MarkerAssessment, QualityMarker

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
