"""Demo quality of involvement for Brightwater, for seed_demo: the Carers' forum's checklist,
half filled in by the app (its agreement, its sessions' papers, how people came in and ten
feedback answers) and the rest by staff with their evidence, so it has a rating with its
reasons; its "you said, we did", published, with a suggestion for every kind of response,
one waiting and one overdue; and a draft activity whose first session went ahead with nothing
agreed.

The possible tokenism flag needs no data of its own: the front door redesign's feedback
(feedback.py) says people had much less say than agreed. Everything goes through the
services; each part is written only where it is missing, so running seed_demo again changes
nothing, and a checklist someone has changed since is left as they left it.
"""

import datetime
import uuid

from django.urls import reverse
from django.utils import timezone

from activities import services as activity_services
from activities.models import Activity, Aim, Approach, Participant
from involvement.models import Organisation, User
from quality import services
from quality.models import (
    Contribution,
    FeedbackResponse,
    LoopPage,
    MarkerAssessment,
    QualityMarker,
)

from .activities import demo_key
from .data import load
from .loop import ensure_demo_telling

ORGANISATION = "brightwater"
ASSESSED = "Carers' forum"
FLAGGED = "Redesigning the mental health front door"

# What staff judged, what carers said and the responses, and the draft held without an
# agreement: involvement/reference/demo/brightwater-quality.yaml.
DATA = load("brightwater-quality")
ASSESSMENTS = DATA["assessments"]
ASSESSED_DAYS_AGO = 6
SAID_AT_MEETINGS = DATA["said_at_meetings"]
TAKEN_FROM_FEEDBACK = DATA["taken_from_feedback"]
UNAGREED = DATA["unagreed"]


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
    judged = {key: (item["status"], item["evidence"]) for key, item in ASSESSMENTS.items()}
    services.marker_assessments_save(
        activity=activity,
        assessments={m.pk: judged[m.catalogue_key] for m in markers},
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
    for number, said in enumerate(SAID_AT_MEETINGS):
        participant = _involved(activity, said["name"]) if said["name"] else None
        contribution = services.contribution_add(
            activity=activity,
            participant=participant,
            raised_on=today - datetime.timedelta(days=said["days_ago"]),
            text=said["text"],
            source=Contribution.Source.MEETING,
            created_by=staff,
            # The same key each run, as a double submit of the form: a second run finds it.
            submission_key=uuid.uuid5(key, f"you said {number}"),
        )
        _respond(contribution, said["response"], staff)
    for taken in TAKEN_FROM_FEEDBACK:
        answer = (
            FeedbackResponse.objects.submitted()
            .filter(activity=activity, request__participant__name=taken["name"])
            .exclude(**{taken["field"]: ""})
            .first()
        )
        if answer is not None:
            contribution = services.contribution_from_comment(
                response=answer, field=taken["field"], created_by=staff
            )
            _respond(contribution, taken["response"], staff)
    if not LoopPage.objects.filter(activity=activity).exists():
        services.loop_page_publish(activity=activity, publish=True)


def _involved(activity: Activity, name: str) -> Participant | None:
    return Participant.objects.involved_in(activity).not_erased().filter(name=name).first()


def _respond(contribution: Contribution, response: dict | None, staff: User) -> None:
    """Record the response where there is none yet, then move its dates back to when the
    demo says it was given, so the days taken to respond read true."""
    if response is None or not contribution.is_open():
        return
    raised = contribution.raised_on
    changed = response.get("changed_on")
    services.contribution_respond(
        contribution=contribution,
        decision=response["decision"],
        what_changed=response.get("what_changed", ""),
        changed_on=raised + datetime.timedelta(days=changed) if changed else None,
        reason=response.get("reason", ""),
        who_decides=response.get("who_decides", ""),
        responded_by=staff,
    )
    day = min(raised + datetime.timedelta(days=response["days_after"]), timezone.localdate())
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
