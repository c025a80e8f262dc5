"""Writes for outcome measures: the catalogue, the measures an activity agrees to use, and
the values recorded or reported for them."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from activities.models import Activity, Aim, Participant
from activities.services import agreement_terms_change
from involvement.catalogue import ensure_catalogue
from involvement.models import Organisation, User
from quality.models import FeedbackResponse

from .catalogue import table1_measures
from .models import ActivityMeasure, Measure, MeasureValue, SelfReport, TrainingRecord
from .periods import Period
from .selectors.cached import new_version

MEASURES_LABEL = gettext_lazy("Outcome measures")


def figures_changed(*, organisation_id: int) -> None:
    """Rows the computed figures count have changed: the dashboard works them out again.
    Again after commit too, so figures another request worked out from the rows as they
    were before the commit are not kept under the new version."""
    new_version(organisation_id)
    transaction.on_commit(lambda: new_version(organisation_id))


def _table1_rows() -> list[dict]:
    """Table 1's measures as the fields of a Measure, each under its aim (an item whose aim
    is not loaded is left out)."""
    aims = dict(Aim.objects.values_list("key", "pk"))
    return [
        {"aim_id": aims[item["aim_key"]]} | {k: v for k, v in item.items() if k != "aim_key"}
        for item in table1_measures()
        if item["aim_key"] in aims
    ]


def ensure_measure_catalogue(*, organisation: Organisation) -> int:
    """Give the organisation every Table 1 measure it does not have yet; returns how many
    were added. Measures it has edited or retired are left as they are."""
    return ensure_catalogue(organisation=organisation, model=Measure, items=_table1_rows())


@transaction.atomic
def measure_create(*, organisation: Organisation, data: dict) -> Measure:
    """An organisation's own measure, after Table 1's under the same aim. The same words
    under the same aim again (a double submit) give back the first one."""
    existing = Measure.objects.filter(
        organisation=organisation, aim=data["aim"], name=data["name"]
    ).first()
    if existing:
        return existing
    last = Measure.objects.filter(organisation=organisation, aim=data["aim"]).aggregate(
        last=Max("position")
    )["last"]
    return Measure.objects.create(organisation=organisation, position=(last or 0) + 1, **data)


@transaction.atomic
def measure_update(*, measure: Measure, data: dict) -> Measure:
    for field, value in data.items():
        setattr(measure, field, value)
    measure.save()
    return measure


def measure_retire(*, measure: Measure) -> Measure:
    """Stop offering the measure; what was agreed and recorded with it stays."""
    measure.retire()
    return measure


def measure_restore(*, measure: Measure) -> Measure:
    measure.restore()
    return measure


def _terms(activity: Activity) -> str:
    """The measures as the agreement history shows them, one per line."""
    lines = []
    for use in ActivityMeasure.objects.filter(activity=activity).select_related("measure"):
        parts = [use.measure.name]
        if use.baseline is not None:
            parts.append(_("baseline %(value)s") % {"value": use.baseline})
        if use.target is not None:
            parts.append(_("target %(value)s") % {"value": use.target})
        if use.how_measured:
            parts.append(use.how_measured)
        if use.when_measured:
            parts.append(use.when_measured)
        lines.append("; ".join(parts))
    return "\n".join(lines)


def _log_terms(activity: Activity, changed_by: User, before: str) -> None:
    agreement_terms_change(
        agreement=activity.agreement,
        changed_by=changed_by,
        field="measures",
        label=str(MEASURES_LABEL),
        old=before,
        new=_terms(activity),
    )


@transaction.atomic
def activity_measures_choose(
    *, activity: Activity, measures: list[Measure], added_by: User
) -> list[ActivityMeasure]:
    """Add measures to what the activity will measure; ones it has already are kept as
    they are. A retired measure is refused."""
    for measure in measures:
        measure.check_can_be_chosen()
    before = _terms(activity)
    uses = [
        ActivityMeasure.objects.get_or_create(
            activity=activity,
            measure=measure,
            defaults={"organisation_id": activity.organisation_id, "added_by": added_by},
        )[0]
        for measure in measures
    ]
    _log_terms(activity, added_by, before)
    return uses


@transaction.atomic
def activity_measure_update(
    *, activity_measure: ActivityMeasure, data: dict, changed_by: User
) -> ActivityMeasure:
    """Save the baseline, target and how and when; an agreed activity is agreed again."""
    activity = activity_measure.activity
    before = _terms(activity)
    for field, value in data.items():
        setattr(activity_measure, field, value)
    activity_measure.save()
    _log_terms(activity, changed_by, before)
    return activity_measure


@transaction.atomic
def activity_measure_remove(*, activity_measure: ActivityMeasure, removed_by: User) -> None:
    """Stop measuring this for the activity. Refused once values exist: history is kept."""
    if activity_measure.values.exists() or activity_measure.self_reports.exists():
        raise ValidationError(
            _("Values have been recorded for this measure, so it cannot be removed.")
        )
    activity = activity_measure.activity
    before = _terms(activity)
    activity_measure.delete()
    _log_terms(activity, removed_by, before)


def check_period_fits(activity: Activity, period: Period) -> None:
    """A value is for a period the activity ran in, and not one still to come."""
    if period.end < activity.starts_on:
        message = _(
            "%(period)s is before the activity started. Choose a period from %(start)s on."
        ) % {"period": period.label, "start": activity.starts_on.strftime("%d/%m/%Y")}
    elif not period.overlaps(activity.starts_on, activity.ends_on):
        message = _("%(period)s is after the activity ended. Choose an earlier period.") % {
            "period": period.label
        }
    elif period.start > timezone.localdate():
        message = _("%(period)s has not started yet.") % {"period": period.label}
    else:
        return
    raise ValidationError({"period": message})


@transaction.atomic
def measure_value_record(
    *,
    activity_measure: ActivityMeasure,
    period: Period,
    value: dict,
    evidence: str,
    recorded_by: User,
) -> MeasureValue:
    """Record (or correct) the value for one period. `value` holds `number`, `answer` or
    `narrative`, already checked against the measure's kind by the form."""
    measure = activity_measure.measure
    measure.check_can_be_chosen()
    if measure.is_computed() or measure.is_self_reported():
        raise ValidationError(_("This measure is filled in from the app’s own records."))
    check_period_fits(activity_measure.activity, period)
    recorded, _created = MeasureValue.objects.update_or_create(
        activity_measure=activity_measure,
        period_start=period.start,
        defaults={
            "organisation_id": activity_measure.organisation_id,
            "period_end": period.end,
            "number": value.get("number"),
            "answer": value.get("answer"),
            "narrative": value.get("narrative", ""),
            "evidence": evidence,
            "recorded_by": recorded_by,
        },
    )
    return recorded


@transaction.atomic
def self_reports_save(*, response: FeedbackResponse, answers: dict[int, tuple]) -> None:
    """A person's before-and-after scores, keyed by activity measure id; sending again
    replaces them (one row per measure per response)."""
    uses = ActivityMeasure.objects.filter(
        activity_id=response.activity_id,
        pk__in=answers,
        measure__source=Measure.Source.SELF_REPORTED,
    )
    for use in uses:
        before, after = answers[use.pk]
        SelfReport.objects.update_or_create(
            response=response,
            activity_measure=use,
            defaults={
                "organisation_id": response.organisation_id,
                "before": before,
                "after": after,
            },
        )


def training_record_add(
    *, participant: Participant, course: str, completed_on, recorded_by: User
) -> TrainingRecord:
    """Record that someone completed training; the same record twice is one record."""
    record, _created = TrainingRecord.objects.get_or_create(
        participant=participant,
        course=course,
        completed_on=completed_on,
        defaults={"organisation_id": participant.organisation_id, "recorded_by": recorded_by},
    )
    return record
