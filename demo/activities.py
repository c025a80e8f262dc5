"""Demo activities drawn from the seeds' case studies (the data is in
involvement/reference/demo/<organisation>-activities.yaml and -people.yaml).

Everything goes through the real services, so statuses, agreements and their history are what
a person clicking through the app would have produced. Event dates are then moved back to when
the demo says things happened, so the history reads as a story rather than as one afternoon.

The people involved, their involvements and attendance have no services (the views save the
forms as they are), so they are written directly, only where missing.
"""

import datetime
import uuid

from django.utils import timezone

from activities import services
from activities.models import (
    AccessibilityCheck,
    Activity,
    Agreement,
    AgreementEvent,
    Aim,
    Approach,
    Attendance,
    InfluenceLevel,
    Involvement,
    Participant,
    Session,
)
from involvement.models import Organisation, User

from . import data
from .who_is_involved import ensure_demo_who_is_involved


def _demo_set(slug: str, persona: str) -> dict:
    people = data.load(f"{slug}-people")
    return {
        "slug": slug,
        "activities": data.load(f"{slug}-activities"),
        "people": people["people"],
        "involvements": people["involvements"],
        # By (activity, the session's `day`), as _attendance_ensure looks them up.
        "absences": {(row["activity"], row["day"]): row["missed"] for row in people["absences"]},
        "persona": persona,
        "member": data.organisation(slug)["member"],
    }


DEMO_SETS = [
    _demo_set("brightwater", "service_user"),
    _demo_set("northgate", "other_org_service_user"),
]

# Which field holds the way of reaching someone, for each way they like to be contacted.
CONTACT_FIELDS = {"email": "email", "phone": "phone", "sms": "phone", "post": "postal_address"}

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
    """Create the demo activities and people involved that are missing; return how many
    activities the demo organisations have."""
    for demo in DEMO_SETS:
        organisation = Organisation.objects.get(slug=demo["slug"])
        # People first, so the agreements below name these records rather than bare new ones.
        _participants_ensure(organisation, demo["people"])
        _ensure_member(organisation, people[demo["persona"]], demo["member"])
        existing = set(organisation.activities.values_list("submission_key", flat=True))
        for item in demo["activities"]:
            if demo_key(organisation, item["title"]) not in existing:
                _demo_activity_create(organisation, people, item)
        activities = _demo_activities_by_title(organisation, demo["activities"])
        _involvements_ensure(organisation, activities, demo["involvements"])
        _attendance_ensure(organisation, activities, demo)
        ensure_demo_who_is_involved(organisation, people)
    slugs = [demo["slug"] for demo in DEMO_SETS]
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


# --- the people involved ----------------------------------------------------------------------


def _participants_ensure(organisation: Organisation, rows: list[dict]) -> None:
    for row in rows:
        details = _participant_details(row)
        person, created = Participant.objects.get_or_create(
            organisation=organisation, name=row["name"], defaults=details
        )
        # An earlier demo recorded some people by name only, when they agreed an activity.
        if not created and _is_bare(person):
            Participant.objects.filter(pk=person.pk).update(**details)


def _participant_details(row: dict) -> dict:
    details = {
        "contact_by": row["contact_by"],
        "preferred_formats": list(row["formats"]),
        "access_needs": list(row["needs"]),
        "access_notes": row.get("notes", ""),
        "wants_payment": row["wants_payment"],
    }
    if row["contact_by"]:
        details[CONTACT_FIELDS[row["contact_by"]]] = row["reach"]
    return details


def _is_bare(person: Participant) -> bool:
    filled = [person.contact_by, person.email, person.phone, person.postal_address]
    filled += [person.preferred_formats, person.access_needs, person.access_notes]
    return not any(filled) and person.wants_payment is None


def _demo_activities_by_title(organisation: Organisation, items: list[dict]) -> dict:
    titles = {demo_key(organisation, item["title"]): item["title"] for item in items}
    found = Activity.objects.filter(organisation=organisation, submission_key__in=titles)
    return {titles[activity.submission_key]: activity for activity in found}


def _involvements_ensure(organisation: Organisation, activities: dict, plan: dict) -> None:
    people = {person.name: person for person in organisation.participants.all()}
    existing = set(
        Involvement.objects.filter(activity__in=activities.values()).values_list(
            "activity_id", "participant_id"
        )
    )
    new = []
    for title, rows in plan.items():
        activity = activities[title]
        for row in rows:
            person = people[row["name"]]
            if (activity.pk, person.pk) not in existing:
                new.append(_involvement(activity, person, row))
    Involvement.objects.bulk_create(new)


def _involvement(activity: Activity, person: Participant, row: dict) -> Involvement:
    ended_on = None
    if row.get("left") is not None:
        ended_on = activity.starts_on + datetime.timedelta(days=row["left"])
    elif activity.ends_on and activity.ends_on < timezone.localdate():
        ended_on = activity.ends_on
    return Involvement(
        organisation=activity.organisation,
        activity=activity,
        participant=person,
        role=row["role"],
        came_in=row["came_in"],
        started_on=activity.starts_on + datetime.timedelta(days=row.get("joined", 0)),
        ended_on=ended_on,
    )


def _attendance_ensure(organisation: Organisation, activities: dict, demo: dict) -> None:
    """Record who came to each past session that has nobody recorded yet."""
    starts = {item["title"]: item["starts"] for item in demo["activities"]}
    titles = {activity.pk: title for title, activity in activities.items()}
    involved = _involvements_by_activity(activities)
    sessions = Session.objects.filter(
        activity__in=activities.values(), starts_at__lte=timezone.now(), attendances=None
    ).select_related("activity")
    new = []
    for session in sessions:
        title = titles[session.activity_id]
        missed = demo["absences"].get((title, _demo_day(session, starts[title])), {})
        new += [
            Attendance(
                organisation=organisation,
                session=session,
                participant=involvement.participant,
                status=missed.get(involvement.participant.name, Attendance.Status.ATTENDED),
            )
            for involvement in involved.get(session.activity_id, [])
            if _involved_on(involvement, timezone.localdate(session.starts_at))
        ]
    Attendance.objects.bulk_create(new)


def _demo_day(session: Session, activity_starts: int) -> int:
    """The session's `day` in the YAML, counted from its activity's start so that it is the
    same on whatever day the demo is run again."""
    days_in = (timezone.localdate(session.starts_at) - session.activity.starts_on).days
    return activity_starts + days_in


def _involvements_by_activity(activities: dict) -> dict[int, list[Involvement]]:
    by_activity = {}
    involvements = Involvement.objects.filter(activity__in=activities.values())
    for involvement in involvements.select_related("participant"):
        by_activity.setdefault(involvement.activity_id, []).append(involvement)
    return by_activity


def _involved_on(involvement: Involvement, day: datetime.date) -> bool:
    return involvement.started_on <= day and (
        involvement.ended_on is None or day <= involvement.ended_on
    )
