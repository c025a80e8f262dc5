"""Demo activities drawn from the seeds' case studies (the data is in demo_data.py).

Everything goes through the real services, so statuses, agreements and their history are what
a person clicking through the app would have produced. Event dates are then moved back to when
the demo says things happened, so the history reads as a story rather than as one afternoon.
"""

import datetime
import uuid

from django.utils import timezone

from involvement.models import Organisation, User

from . import services
from .demo_data import BRIGHTWATER, BRIGHTWATER_MEMBER, NORTHGATE, NORTHGATE_MEMBER
from .models import (
    AccessibilityCheck,
    Activity,
    Agreement,
    AgreementEvent,
    Aim,
    Approach,
    InfluenceLevel,
    Participant,
    Session,
)

# (organisation slug, activities, the service-user persona, their participant name)
DEMO_SETS = [
    ("brightwater", BRIGHTWATER, "service_user", BRIGHTWATER_MEMBER),
    ("northgate", NORTHGATE, "other_org_service_user", NORTHGATE_MEMBER),
]

# The path every activity walks from agreed; the demo stops each one at its own status.
STATUS_PATH = ["agreed", "running", "completed", "reviewed"]

# Accessibility systems not named in an activity's `checks` follow how far along it is.
CHECK_DEFAULTS = {
    "draft": None,
    "agreed": AccessibilityCheck.Status.IN_PROGRESS,
    "running": AccessibilityCheck.Status.IN_PLACE,
    "completed": AccessibilityCheck.Status.IN_PLACE,
    "reviewed": AccessibilityCheck.Status.IN_PLACE,
}


def ensure_demo_activities(people: dict[str, User]) -> int:
    """Create the demo activities that are missing; return how many the demo organisations have."""
    slugs = [slug for slug, *_rest in DEMO_SETS]
    for slug, items, persona, member_name in DEMO_SETS:
        organisation = Organisation.objects.get(slug=slug)
        _ensure_member(organisation, people[persona], member_name)
        existing = set(organisation.activities.values_list("submission_key", flat=True))
        for item in items:
            if demo_key(organisation, item["title"]) not in existing:
                _demo_activity_create(organisation, people, item)
    return Activity.objects.filter(organisation__slug__in=slugs).count()


def demo_key(organisation: Organisation, title: str) -> uuid.UUID:
    """The fixed submission key of a demo activity.

    Titles would not do: a renamed demo activity would come back, and one made by hand with a
    demo title would hide the demo's own.
    """
    return uuid.uuid5(uuid.NAMESPACE_URL, f"involvement-demo:{organisation.slug}:{title}")


def _ensure_member(organisation: Organisation, user: User, name: str) -> None:
    """Link the persona's account to their participant record, so they see what they agreed."""
    Participant.objects.update_or_create(
        organisation=organisation, name=name, defaults={"user": user}
    )


def _day(offset: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=offset)


def _demo_activity_create(organisation: Organisation, people: dict, item: dict) -> Activity:
    lead = people[item["lead"]] if item["lead"] else None
    actor = lead or people[_admin_persona(organisation)]
    activity = services.activity_create(
        organisation=organisation,
        created_by=actor,
        data=_activity_data(item, lead),
        submission_key=demo_key(organisation, item["title"]),
    )
    agreement = activity.agreement
    if item.get("agreement"):
        _agreement_write(agreement, actor, item)
    if item.get("agreed"):
        _agreement_record(agreement, actor, item["agreed"])
        _walk_to(activity, item["status"])
    if item.get("changed"):
        _agreement_change(agreement, people[item["changed"]["by"]], item["changed"])
    _checks_set(activity, item)
    _sessions_add(activity, item.get("sessions", []))
    return activity


def _admin_persona(organisation: Organisation) -> str:
    return "org_admin" if organisation.slug == "brightwater" else "other_org_admin"


def _activity_data(item: dict, lead: User | None) -> dict:
    fields = ["title", "overview", "decision_level", "motives"]
    fields += ["frequency", "session_length", "time_commitment", "commitment_duration"]
    data = {field: item[field] for field in fields}
    data.update(
        lead=lead,
        starts_on=_day(item["starts"]),
        ends_on=_day(item["ends"]) if item["ends"] is not None else None,
        approach=Approach.objects.get(key=item["approach"]),
        aims=list(Aim.objects.filter(key__in=item["aims"])),
    )
    return data


def _agreement_write(agreement: Agreement, actor: User, item: dict) -> None:
    terms = dict(item["agreement"])
    if "influence_level" in terms:
        terms["influence_level"] = InfluenceLevel.objects.get(key=terms["influence_level"])
    services.agreement_update(agreement=agreement, changed_by=actor, data=terms)
    # The terms were written a fortnight before they were agreed (or before the start).
    written = item["agreed"]["on"] if item.get("agreed") else min(item["starts"], 0)
    _backdate_last_event(agreement, written - 14)


def _agreement_record(agreement: Agreement, actor: User, agreed: dict) -> None:
    services.agreement_record(
        agreement=agreement,
        recorded_by=actor,
        agreed_on=_day(agreed["on"]),
        agreed_how=agreed["how"],
        participant_names=agreed["with"],
    )
    _backdate_last_event(agreement, agreed["on"])


def _agreement_change(agreement: Agreement, actor: User, changed: dict) -> None:
    services.agreement_update(agreement=agreement, changed_by=actor, data=changed["terms"])
    _backdate_last_event(agreement, changed["on"])


def _backdate_last_event(agreement: Agreement, offset: int) -> None:
    event = AgreementEvent.objects.filter(agreement=agreement).order_by("-pk").first()
    when = timezone.now() + datetime.timedelta(days=offset)
    AgreementEvent.objects.filter(pk=event.pk).update(created_at=when)


def _walk_to(activity: Activity, status: str) -> None:
    for step in STATUS_PATH[1 : STATUS_PATH.index(status) + 1]:
        activity = services.activity_transition(activity=activity, to_status=step)


def _checks_set(activity: Activity, item: dict) -> None:
    checks = AccessibilityCheck.objects.filter(activity=activity)
    default = CHECK_DEFAULTS[item["status"]]
    if default:
        checks.update(status=default)
    for system, (status, note) in item.get("checks", {}).items():
        checks.filter(system=system).update(status=status, note=note)


def _sessions_add(activity: Activity, sessions: list[dict]) -> None:
    Session.objects.bulk_create(_session(activity, session) for session in sessions)


def _session(activity: Activity, session: dict) -> Session:
    day = _day(session["day"])
    hour, minute = (int(part) for part in session["time"].split(":"))
    papers = session.get("papers")
    papers_sent_on = day - datetime.timedelta(days=papers) if papers is not None else None
    # Papers for a future session cannot have been sent on a day that has not come yet.
    if papers_sent_on and papers_sent_on > timezone.localdate():
        papers_sent_on = None
    return Session(
        organisation=activity.organisation,
        activity=activity,
        starts_at=datetime.datetime.combine(
            day, datetime.time(hour, minute), tzinfo=timezone.get_current_timezone()
        ),
        place=session.get("place", ""),
        online_link=session.get("online_link", ""),
        venue_accessible=session.get("accessible", False),
        papers_sent_on=papers_sent_on,
        agenda_set_with_participants=session.get("agenda", False),
    )
