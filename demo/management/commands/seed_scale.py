"""Fill one organisation with many plausible activities, to see how pages behave at scale.

Rows are written with bulk_create, so 10,000 activities take seconds. Everything an activity
normally gets from services.activity_create (its one Agreement, its accessibility checklist) is
written here too, so pages see the same shape of data as real use. To add rows of another kind
for each new activity, write a function like `_checks_rows` and list it in ROW_BUILDERS.
"""

import datetime
import random
from dataclasses import dataclass

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from activities.models import (
    AccessibilityCheck,
    AccessibilitySystem,
    Activity,
    Agreement,
    Aim,
    Approach,
    DecisionLevel,
    InfluenceLevel,
    Motive,
    Participant,
    Session,
)
from demo.data import load
from involvement.models import Membership, Organisation, Role, User

BATCH = 2000
STAFF_NAMES = ["Ruth Adams", "Dev Chauhan", "Megan Lloyd", "Olu Bakare"]
AREAS = ["North", "South", "East", "West", "Central", "Riverside", "Hillside", "Old Town"]
# Demo activities lend their wording, so searches and page weights look like real use.
TEMPLATES = [
    item for item in load("brightwater-activities") if item.get("agreement", {}).get("purpose")
]


@dataclass
class Catalogues:
    """Reference rows and people, fetched once rather than per activity."""

    approaches: list
    levels: list
    aims: list
    leads: list
    admin: User
    participants: list


class Command(BaseCommand):
    help = "Make an organisation hold exactly N generated activities (for benchmarks)."

    def add_arguments(self, parser):
        parser.add_argument("--organisation", default="bench-scale", help="Slug; created if new.")
        parser.add_argument("--activities", type=int, default=10_000)
        parser.add_argument(
            "--force", action="store_true", help="Run even with DEBUG off (for a staging site)."
        )

    def handle(self, *args, organisation, activities, force, **options):
        if not settings.DEBUG and not force:
            raise CommandError("seed_scale writes made-up data: it refuses to run with DEBUG off.")
        if activities < 0:
            raise CommandError("--activities must be 0 or more.")
        with transaction.atomic():
            org = ensure_scale_organisation(organisation)
            catalogues = _catalogues(org)
            change = ensure_activity_count(org, activities, catalogues)
        self.stdout.write(f"{org.slug}: {activities} activities ({change:+d}).")


def ensure_scale_organisation(slug: str) -> Organisation:
    """The organisation with one admin, a few staff and one service user (no usable password)."""
    org, _created = Organisation.objects.get_or_create(
        slug=slug, defaults={"name": f"{slug.replace('-', ' ').title()} (generated)"}
    )
    # Only organisations this command made: never pad a real (or demo) one with made-up rows.
    if org.memberships.exclude(user__email__endswith=f"@{_domain(slug)}").exists():
        raise CommandError(f"{slug} has members this command did not create; choose another.")
    people = [("admin", "Alex Admin", Role.ADMIN), ("member", "Morgan Member", Role.SERVICE_USER)]
    people += [(f"staff{n}", name, Role.STAFF) for n, name in enumerate(STAFF_NAMES, start=1)]
    for local, name, role in people:
        user, created = User.objects.get_or_create(
            email=f"{local}@{_domain(slug)}", defaults={"full_name": name}
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        Membership.objects.update_or_create(organisation=org, user=user, defaults={"role": role})
    return org


def _domain(slug: str) -> str:
    """The e-mail domain of this command's people; it marks organisations it may change."""
    return f"{slug}.scale.example"


def _catalogues(org: Organisation) -> Catalogues:
    members = Membership.objects.filter(organisation=org).select_related("user")
    by_role = {}
    for membership in members:
        by_role.setdefault(membership.role, []).append(membership.user)
    return Catalogues(
        approaches=list(Approach.objects.all()),
        levels=list(InfluenceLevel.objects.all()),
        aims=list(Aim.objects.all()),
        leads=by_role.get(Role.ADMIN, []) + by_role.get(Role.STAFF, []),
        admin=by_role[Role.ADMIN][0],
        participants=_ensure_participants(org, by_role.get(Role.SERVICE_USER, [])),
    )


def _ensure_participants(org: Organisation, service_users: list) -> list:
    """A pool of 40 participants; the first is the service-user member, so they see some rows."""
    names = [user.full_name for user in service_users] + [f"Participant {n}" for n in range(40)]
    existing = set(org.participants.values_list("name", flat=True))
    Participant.objects.bulk_create(
        Participant(organisation=org, name=name) for name in names[:40] if name not in existing
    )
    for user in service_users:
        org.participants.filter(name=user.full_name).update(user=user)
    return list(org.participants.filter(name__in=names[:40]).order_by("pk"))


def ensure_activity_count(org: Organisation, target: int, catalogues: Catalogues) -> int:
    """Add or remove generated activities until `org` has `target`; return the change."""
    current = org.activities.count()
    if current > target:
        newest = org.activities.order_by("-pk").values_list("pk", flat=True)[: current - target]
        Activity.objects.filter(pk__in=list(newest)).delete()
    for start in range(current, target, BATCH):
        _activities_add(org, range(start, min(start + BATCH, target)), catalogues)
    return target - current


def _activities_add(org: Organisation, numbers: range, catalogues: Catalogues) -> None:
    rng = random.Random(f"{org.slug}:{numbers.start}")
    today = timezone.localdate()
    activities = Activity.objects.bulk_create(
        _activity(org, number, rng, today, catalogues) for number in numbers
    )
    for build in ROW_BUILDERS:
        build(org, activities, rng, today, catalogues)


def _activity(org, number, rng, today, catalogues) -> Activity:
    template = TEMPLATES[number % len(TEMPLATES)]
    # Starts are spread over three years: about 30 months back to 6 months ahead.
    starts_on = today + datetime.timedelta(days=rng.randint(-910, 180))
    ends_on = None
    if rng.random() < 0.6:
        ends_on = starts_on + datetime.timedelta(days=rng.randint(30, 365))
    activity = Activity(
        organisation=org,
        title=f"{template['title']} – {rng.choice(AREAS)} {number + 1}",
        overview=template["overview"],
        lead=rng.choice(catalogues.leads) if rng.random() < 0.95 else None,
        starts_on=starts_on,
        ends_on=ends_on,
        status=_status(rng, today, starts_on, ends_on),
        approach=rng.choice(catalogues.approaches),
        decision_level=rng.choice(DecisionLevel.values),
        motives=rng.sample(Motive.values, rng.randint(0, 3)),
        frequency=template["frequency"],
        session_length=template["session_length"],
        time_commitment=template["time_commitment"],
        commitment_duration=template["commitment_duration"],
        created_by=catalogues.admin,
    )
    # Not a field: bulk_create hands back these same objects, so the agreement can reuse it.
    activity.scale_template = template
    return activity


def _status(rng, today, starts_on, ends_on) -> str:
    """A status that fits the dates: future plans are drafts or agreed, past ones finished."""
    if starts_on > today:
        return rng.choice([Activity.Status.DRAFT, Activity.Status.AGREED])
    if ends_on is None or ends_on >= today:
        return Activity.Status.RUNNING
    return rng.choice([Activity.Status.COMPLETED, Activity.Status.REVIEWED])


def _agreement_rows(org, activities, rng, today, catalogues) -> None:
    agreements = Agreement.objects.bulk_create(
        _agreement(org, activity, rng, catalogues) for activity in activities
    )
    Through = Agreement.participants.through
    Through.objects.bulk_create(
        Through(agreement_id=agreement.pk, participant_id=participant.pk)
        for agreement in agreements
        if agreement.agreed_on
        for participant in rng.sample(catalogues.participants, 2)
    )


def _agreement(org, activity, rng, catalogues) -> Agreement:
    template = activity.scale_template["agreement"]
    agreement = Agreement(organisation=org, activity=activity, purpose=template["purpose"])
    if activity.status == Activity.Status.DRAFT:
        # Drafts are caught part-way: some have a level chosen, none is agreed yet.
        agreement.influence_level = rng.choice(catalogues.levels) if rng.random() < 0.5 else None
        return agreement
    agreement.influence_level = rng.choice(catalogues.levels)
    for field in ["objectives", "can_influence", "cannot_influence", "monitoring"]:
        setattr(agreement, field, template.get(field, ""))
    agreement.state = rng.choices(
        [Agreement.State.AGREED, Agreement.State.NEEDS_REAGREEMENT], weights=[9, 1]
    )[0]
    agreement.agreed_on = activity.starts_on - datetime.timedelta(days=rng.randint(5, 60))
    agreement.agreed_how = "Agreed at the first meeting."
    return agreement


def _aim_rows(org, activities, rng, today, catalogues) -> None:
    Through = Activity.aims.through
    Through.objects.bulk_create(
        Through(activity_id=activity.pk, aim_id=aim.pk)
        for activity in activities
        for aim in rng.sample(catalogues.aims, rng.randint(1, 3))
    )


def _checks_rows(org, activities, rng, today, catalogues) -> None:
    """Each activity's eight checklist rows, in one INSERT ... SELECT per system.

    These are most of the rows; building them as model objects took most of the run time.
    Status follows the activity's status, with every seventh marked not needed.
    """
    checks, activity = AccessibilityCheck._meta.db_table, Activity._meta.db_table
    pks = [item.pk for item in activities]
    placeholders = ", ".join(["%s"] * len(pks))
    sql = f"""
        INSERT INTO {checks} (organisation_id, activity_id, system, status, note,
                              created_at, updated_at)
        SELECT organisation_id, id, %s,
               CASE WHEN (id + %s) %% 7 = 0 THEN %s
                    WHEN status = %s THEN %s
                    WHEN status = %s THEN %s
                    ELSE %s END,
               '', %s, %s
        FROM {activity} WHERE id IN ({placeholders})
    """
    Check = AccessibilityCheck.Status
    case = [Check.NOT_NEEDED, Activity.Status.DRAFT, Check.NOT_STARTED]
    case += [Activity.Status.AGREED, Check.IN_PROGRESS, Check.IN_PLACE]
    # Raw SQL skips field conversion: let the backend write the time as Django would.
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    with connection.cursor() as cursor:
        for offset, system in enumerate(AccessibilitySystem.values):
            cursor.execute(sql, [system, offset, *case, now, now, *pks])


def _session_rows(org, activities, rng, today, catalogues) -> None:
    """Two sessions for about a third of activities, at their start and four weeks later."""
    Session.objects.bulk_create(
        (
            _session(
                org, activity, activity.starts_on + datetime.timedelta(weeks=weeks), rng, today
            )
            for activity in activities
            if rng.random() < 0.33
            for weeks in (0, 4)
        ),
        batch_size=BATCH,
    )


def _session(org, activity, day, rng, today) -> Session:
    papers_sent_on = day - datetime.timedelta(days=rng.randint(0, 14)) if day <= today else None
    return Session(
        organisation=org,
        activity=activity,
        starts_at=datetime.datetime.combine(
            day, datetime.time(10), tzinfo=timezone.get_current_timezone()
        ),
        place=f"{rng.choice(AREAS)} community centre",
        venue_accessible=rng.random() < 0.8,
        papers_sent_on=papers_sent_on,
        agenda_set_with_participants=rng.random() < 0.5,
    )


# Each writes the rows that belong to a batch of new activities. The agreement comes first:
# every Activity must have exactly one Agreement (see services._activity_insert).
ROW_BUILDERS = [_agreement_rows, _aim_rows, _checks_rows, _session_rows]
