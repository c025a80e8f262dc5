"""Demo data for "Who is involved": staff on each activity, people's "about you" answers and
Brightwater's population profile. Each is written only where missing, so seed_demo can run
again without undoing what someone changed by hand."""

import datetime
from decimal import Decimal

from django.utils import timezone

from activities import services
from activities.models import DEMOGRAPHIC_FIELDS, AboutYou, Activity, PopulationGroup
from involvement.models import Organisation, User

from . import data

STAFF_PERSONA = {
    "brightwater": ("org_admin", "staff"),
    "northgate": ("other_org_admin", "other_org_staff"),
}
# Once it has started, the lead is joined by the organisation's other persona.
UNDER_WAY = {Activity.Status.RUNNING, Activity.Status.COMPLETED, Activity.Status.REVIEWED}


def ensure_demo_who_is_involved(organisation: Organisation, people: dict[str, User]) -> None:
    _staff_involved_ensure(organisation, people)
    _about_you_ensure(organisation)
    profile = data.load(f"{organisation.slug}-people").get("population")
    if profile and not PopulationGroup.objects.filter(organisation=organisation).exists():
        services.population_profile_save(
            organisation=organisation,
            values={
                (question, answer): Decimal(str(percent))
                for question, answers in profile.items()
                for answer, percent in answers.items()
            },
        )


def _staff_involved_ensure(organisation: Organisation, people: dict[str, User]) -> None:
    staff = [people[persona] for persona in STAFF_PERSONA[organisation.slug]]
    activities = organisation.activities.filter(staff_involved=None).select_related("lead")
    for activity in activities:
        involved = {activity.lead} if activity.lead else set()
        if activity.status in UNDER_WAY:
            involved.update(staff)
        activity.staff_involved.set(involved)


def _about_you_ensure(organisation: Organisation) -> None:
    answers = data.load(f"{organisation.slug}-people")["about_you"]
    consent = data.load("organisations")["about_you_consent"]
    people = organisation.participants.filter(name__in=answers, about_you=None)
    AboutYou.objects.bulk_create(
        AboutYou(
            organisation=organisation,
            participant=person,
            consent_wording=consent.format(organisation=organisation.name),
            consented_at=timezone.now() - datetime.timedelta(days=30 + n * 3),
            **{field: answers[person.name][field] for field in DEMOGRAPHIC_FIELDS},
        )
        for n, person in enumerate(people)
    )
