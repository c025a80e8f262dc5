"""Demo outcome measures for Brightwater, for seed_demo: four activities with measures chosen
from Table 1, baselines and targets, a year of quarterly values with their evidence, people's
own before-and-after scores on the feedback they sent, and training completed.

Everything goes through the services, as a member of staff clicking through would. The
agreement history is then moved back to when the measures were agreed, before the first
value, and the agreement recorded again, as it would have been. Each part is written only
where it is missing, so running seed_demo again changes nothing. Youth Voice and the other
activities are left without measures, for whoever tries the demo to choose some.
"""

import datetime
import random
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from activities.models import Activity, AgreementEvent, Participant
from activities.services import agreement_record
from involvement.models import Organisation, User
from outcomes import services
from outcomes.models import ActivityMeasure, Measure, TrainingRecord
from outcomes.periods import Period, quarter_of, quarters_ending
from quality.models import FeedbackResponse

from .activities import demo_key
from .data import load

ORGANISATION = "brightwater"
QUARTERS = 4
# Left for the demo: an activity with intended aims and no measures yet.
TO_CHOOSE = "Youth Voice: a member-led activity programme"


@dataclass(frozen=True)
class Use:
    """A measure an activity uses. `values` are for the last four quarters, oldest first,
    the current quarter last; None leaves a quarter for someone to record."""

    aim: str
    item: str
    baseline: str | None = None
    target: str | None = None
    how: str = ""
    when: str = ""
    values: tuple = ()
    evidence: tuple = ()


@dataclass(frozen=True)
class Plan:
    agreed_how: str
    uses: list[Use] = field(default_factory=list)


def _plan(item: dict) -> Plan:
    return Plan(item["agreed_how"], [_use(use) for use in item["uses"]])


def _use(item: dict) -> Use:
    # YAML has lists; the frozen dataclass keeps tuples.
    tuples = {key: tuple(item[key]) for key in ("values", "evidence") if key in item}
    return Use(**{**item, **tuples})


# The measures each activity agreed and the training done:
# involvement/reference/demo/brightwater-outcomes.yaml.
DATA = load("brightwater-outcomes")
PLANS = {title: _plan(item) for title, item in DATA["plans"].items()}
# (course, quarters before the current one, people)
TRAINING = [(item["course"], item["quarters_ago"], item["people"]) for item in DATA["training"]]


def ensure_demo_outcomes(people: dict[str, User]) -> list[tuple[str, str]]:
    """Measures, values, people's own scores and training for the demo organisation, where
    missing; returns the (label, path) lines seed_demo prints."""
    organisation = Organisation.objects.get(slug=ORGANISATION)
    quarters = quarters_ending(
        quarter_of(timezone.localdate(), organisation.year_start_month), QUARTERS
    )
    for title, plan in PLANS.items():
        activity = _activity(organisation, title)
        if activity is None or ActivityMeasure.objects.filter(activity=activity).exists():
            continue
        _measures_agree(activity, plan, quarters, people)
        # Only now: later answers are someone trying the demo, who may have skipped them.
        _self_reports_add(activity)
    _training_ensure(organisation, quarters, people["staff"])
    lines = [("See the outcomes for the organisation", reverse("outcomes:dashboard"))]
    shown = _activity(organisation, "Carers' forum")
    if shown is not None:
        path = reverse("outcomes:activity-measures", args=[shown.pk])
        lines.append(("See an activity's measures, values and people's own scores", path))
    empty = _activity(organisation, TO_CHOOSE)
    if empty is not None and not ActivityMeasure.objects.filter(activity=empty).exists():
        path = reverse("outcomes:activity-measures-choose", args=[empty.pk])
        lines.append(("Choose outcome measures for an activity", path))
    return lines


def _activity(organisation: Organisation, title: str) -> Activity | None:
    return (
        Activity.objects.filter(
            organisation=organisation, submission_key=demo_key(organisation, title)
        )
        .select_related("agreement", "lead")
        .first()
    )


def _measures_agree(activity: Activity, plan: Plan, quarters: list[Period], people) -> None:
    """Choose the measures, set baselines and targets, agree them again and record values."""
    actor = activity.lead or people["staff"]
    started = timezone.now()
    was_agreed = activity.agreement.state == activity.agreement.State.AGREED
    measures = {
        (m.aim.key, m.catalogue_key): m
        for m in Measure.objects.filter(organisation=activity.organisation).select_related("aim")
    }
    chosen = [(use, measures[(use.aim, use.item)]) for use in plan.uses]
    uses = services.activity_measures_choose(
        activity=activity, measures=[measure for _use, measure in chosen], added_by=actor
    )
    for (use, measure), activity_measure in zip(chosen, uses, strict=True):
        data = {"how_measured": use.how, "when_measured": use.when}
        if measure.is_numeric():
            data["baseline"] = measure.clean_number(use.baseline) if use.baseline else None
            data["target"] = measure.clean_number(use.target) if use.target else None
        if any(data.values()):
            services.activity_measure_update(
                activity_measure=activity_measure, data=data, changed_by=actor
            )
    # Agreed again a fortnight before the first quarter with values, never before the
    # activity started or was first agreed.
    earliest = [activity.starts_on, activity.agreement.agreed_on]
    first = quarters[0].start - datetime.timedelta(days=14)
    agreed_on = min(max([first, *filter(None, earliest)]), timezone.localdate())
    if was_agreed:
        agreement_record(
            agreement=activity.agreement,
            recorded_by=actor,
            agreed_on=agreed_on,
            agreed_how=plan.agreed_how,
            participant_names=list(activity.agreement.participants.values_list("name", flat=True)),
        )
    _backdate_events(activity, started, agreed_on)
    for (use, measure), activity_measure in zip(chosen, uses, strict=True):
        _values_record(activity_measure, measure, use, quarters, actor)


def _backdate_events(activity: Activity, since: datetime.datetime, agreed_on) -> None:
    """The history as it happened: measures written a week before they were agreed."""
    events = AgreementEvent.objects.filter(agreement=activity.agreement, created_at__gte=since)
    agreed = datetime.datetime.combine(
        agreed_on, datetime.time(11, 0), tzinfo=timezone.get_current_timezone()
    )
    events.filter(kind=AgreementEvent.Kind.AGREED).update(created_at=agreed)
    events.exclude(kind=AgreementEvent.Kind.AGREED).update(
        created_at=agreed - datetime.timedelta(days=7)
    )


def _values_record(activity_measure, measure: Measure, use: Use, quarters, actor) -> None:
    evidence = list(use.evidence) + [""] * len(quarters)
    for period, shown, note in zip(quarters, use.values, evidence, strict=False):
        if shown is None or _outside(activity_measure.activity, period):
            continue
        if measure.kind == Measure.Kind.YES_NO:
            value = {"answer": shown}
        elif measure.kind == Measure.Kind.NARRATIVE:
            value = {"narrative": shown}
        else:
            value = {"number": measure.clean_number(shown)}
        services.measure_value_record(
            activity_measure=activity_measure,
            period=period,
            value=value,
            evidence=note,
            recorded_by=actor,
        )


def _outside(activity: Activity, period: Period) -> bool:
    try:
        services.check_period_fits(activity, period)
    except ValidationError:
        return True
    return False


def _self_reports_add(activity: Activity) -> None:
    """Before-and-after scores on each answer sent: most people say things got a little
    better, a few that nothing changed."""
    uses = list(
        ActivityMeasure.objects.filter(
            activity=activity, measure__source=Measure.Source.SELF_REPORTED
        ).select_related("measure")
    )
    if not uses:
        return
    responses = (
        FeedbackResponse.objects.submitted()
        .filter(activity=activity)
        .select_related("request__participant")
    )
    for response in responses:
        name = response.request.participant.name
        answers = {}
        for use in uses:
            rng = random.Random(f"{activity.title}:{name}:{use.measure.catalogue_key}")
            before = rng.choice([1, 2, 2, 2, 3, 3, 4])
            after = min(5, before + rng.choice([0, 1, 1, 1, 2]))
            answers[use.pk] = (before, after)
        services.self_reports_save(response=response, answers=answers)


def _training_ensure(organisation: Organisation, quarters: list[Period], staff: User) -> None:
    courses = [course for course, _ago, _names in TRAINING]
    if TrainingRecord.objects.filter(organisation=organisation, course__in=courses).exists():
        return
    today = timezone.localdate()
    for course, ago, names in TRAINING:
        period = quarters[-1 - ago]
        people = Participant.objects.not_erased().filter(organisation=organisation, name__in=names)
        for number, person in enumerate(people.order_by("name")):
            day = min(period.start + datetime.timedelta(days=20 + number * 3), period.end, today)
            services.training_record_add(
                participant=person, course=course, completed_on=day, recorded_by=staff
            )
