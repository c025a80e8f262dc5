"""Recorded and self-reported values by period, for one activity or the whole organisation,
aggregated in SQL and shown with small numbers suppressed."""

from dataclasses import dataclass

from django.db.models import Avg, Count, F, Prefetch, Q, QuerySet, Sum
from django.utils.translation import gettext as _

from activities.models import Activity
from involvement.models import Organisation
from involvement.suppression import SUPPRESSED, suppress, suppress_part
from quality.models import FeedbackResponse

from ..models import ActivityMeasure, Measure, MeasureValue, SelfReport
from ..periods import Period
from .computed import Figure, _answered_in, _span


def measures_of(organisation: Organisation, *, retired: bool = False) -> QuerySet:
    """The organisation's catalogue, in Table 1's order; retired ones only when asked."""
    measures = Measure.objects.filter(organisation=organisation).select_related("aim")
    return measures if retired else measures.in_use()


def activity_measures(activity: Activity) -> QuerySet:
    return (
        ActivityMeasure.objects.filter(activity=activity)
        .select_related("measure", "measure__aim")
        .prefetch_related(Prefetch("values", MeasureValue.objects.select_related("recorded_by")))
    )


def _number(value) -> float | int | None:
    if value is None:
        return None
    value = float(value)
    return int(value) if value.is_integer() else round(value, 1)


def _recorded_figure(measure: Measure, row: dict, threshold: int) -> Figure:
    """Values recorded for one measure in one period, across the activities that use it:
    counts add up; percentages and scores are averaged; yes/no and words are counted."""
    kind = measure.kind
    if kind == Measure.Kind.COUNT:
        total = _number(row["total"])
        if measure.counts_people and suppress(total, threshold) == SUPPRESSED:
            return Figure(shown=SUPPRESSED, value=None)
        return Figure(shown=total, value=total)
    if kind in (Measure.Kind.PERCENTAGE, Measure.Kind.SCALE):
        mean = _number(row["mean"])
        detail = "" if row["n"] == 1 else _("average of %(n)s activities") % {"n": row["n"]}
        unit = "%" if kind == Measure.Kind.PERCENTAGE else ""
        return Figure(shown=mean, value=mean, detail=detail, unit=unit)
    if kind == Measure.Kind.YES_NO:
        shown = _("%(yes)s of %(n)s yes") % {"yes": row["yes"], "n": row["answered"]}
        percent = round(100 * row["yes"] / row["answered"]) if row["answered"] else None
        return Figure(shown=shown, value=percent)
    shown = _("%(n)s written") % {"n": row["written"]}
    return Figure(shown=shown, value=None)


def recorded_by_period(
    organisation: Organisation, periods: list[Period], activity: Activity | None = None
) -> dict[int, dict[str, Figure]]:
    """{measure id: {period key: Figure}} from values staff recorded: one grouped query."""
    values = MeasureValue.objects.filter(
        organisation=organisation, period_start__in=[p.start for p in periods]
    )
    if activity is not None:
        values = values.filter(activity_measure__activity=activity)
    rows = (
        values.values("activity_measure__measure", "period_start")
        .annotate(
            n=Count("pk"),
            total=Sum("number"),
            mean=Avg("number"),
            yes=Count("pk", filter=Q(answer=True)),
            answered=Count("pk", filter=Q(answer__isnull=False)),
            written=Count("pk", filter=~Q(narrative="")),
        )
        .order_by()
    )
    measures = Measure.objects.in_bulk({row["activity_measure__measure"] for row in rows})
    threshold = organisation.suppression_threshold
    recorded: dict[int, dict[str, Figure]] = {}
    for row in rows:
        measure = measures[row["activity_measure__measure"]]
        recorded.setdefault(measure.pk, {})[row["period_start"].isoformat()] = _recorded_figure(
            measure, row, threshold
        )
    return recorded


@dataclass
class Change:
    """Self-reported before and after, as it may be shown."""

    people: int | str
    before: float | None
    after: float | None
    better: int | str | None

    @property
    def suppressed(self) -> bool:
        return self.people == SUPPRESSED


def _change(row: dict, threshold: int) -> Change:
    people = suppress(row["people"], threshold)
    if people == SUPPRESSED:
        return Change(people=people, before=None, after=None, better=None)
    better, _people = suppress_part(row["better"], row["people"], threshold)
    return Change(
        people=people,
        before=_number(row["before"]),
        after=_number(row["after"]),
        better=better,
    )


def self_reported_by_period(
    organisation: Organisation, periods: list[Period], activity: Activity | None = None
) -> dict[int, dict[str, Change]]:
    """{measure id: {period key: Change}} from people's own before-and-after scores in
    feedback sent in each period: one query."""
    # Both organisation filters hold for every score (self_reports_save copies the
    # answer's); the second lets PostgreSQL narrow the answers before joining them.
    reports = SelfReport.objects.filter(
        organisation=organisation,
        response__organisation=organisation,
        response__status=FeedbackResponse.Status.SUBMITTED,
    )
    if activity is not None:
        reports = reports.filter(activity_measure__activity=activity)
    if periods:
        # Every figure counts only scores with both answers, sent in one of the periods.
        reports = reports.filter(
            _answered_in(_span(periods), prefix="response__"),
            before__isnull=False,
            after__isnull=False,
        )
    aggregates = {}
    for index, period in enumerate(periods):
        sent = _answered_in(period, prefix="response__")
        both = sent & Q(before__isnull=False, after__isnull=False)
        aggregates |= {
            f"people_{index}": Count("pk", filter=both),
            f"before_{index}": Avg("before", filter=both),
            f"after_{index}": Avg("after", filter=both),
            f"better_{index}": Count("pk", filter=both & Q(after__gt=F("before"))),
        }
    rows = reports.values("activity_measure__measure").annotate(**aggregates).order_by()
    threshold = organisation.suppression_threshold
    changes: dict[int, dict[str, Change]] = {}
    for row in rows:
        for index, period in enumerate(periods):
            if not row[f"people_{index}"]:
                continue
            parts = {
                name: row[f"{name}_{index}"] for name in ("people", "before", "after", "better")
            }
            changes.setdefault(row["activity_measure__measure"], {})[period.key] = _change(
                parts, threshold
            )
    return changes
