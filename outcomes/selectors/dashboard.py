"""What the outcome pages show: the organisation's measures by aim and tier, and one
activity's measures against baseline and target, period by period."""

from dataclasses import dataclass
from itertools import groupby

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from activities.models import Activity, Aim
from involvement.models import Organisation
from involvement.suppression import SUPPRESSED

from ..models import ActivityMeasure, Measure
from ..periods import Period, quarter_of, quarters_between
from .cached import cached_computed_figures
from .computed import Figure, computed_figures
from .progress import (
    Change,
    activity_measures,
    measures_of,
    recorded_by_period,
    self_reported_by_period,
)

TREND_QUARTERS = 4
TIER_HEADINGS = {
    Measure.Tier.OUTPUT: _lazy("Outputs"),
    Measure.Tier.OUTCOME: _lazy("Outcomes"),
    Measure.Tier.LONGER_TERM: _lazy("Longer-term outcomes"),
}
ACTIVITY_QUARTERS = 8


def _from_change(change: Change | None) -> Figure | None:
    if change is None:
        return None
    if change.suppressed:
        return Figure(shown=SUPPRESSED, value=None, detail=_("Too few to show"))
    detail = _("%(people)s people; %(better)s said it got better") % {
        "people": change.people,
        "better": change.better,
    }
    return Figure(shown=f"{change.before} → {change.after}", value=change.after, detail=detail)


@dataclass
class Row:
    """One measure across the periods: a Figure (or None for nothing recorded) per period."""

    measure: Measure
    cells: list

    @property
    def chart(self) -> list[dict]:
        """Bar heights (percent of the largest) for the trend chart, when there are at least
        two numbers to compare; the table beside it carries the same data."""
        values = [cell.value if cell else None for cell in self.cells]
        numbers = [v for v in values if isinstance(v, int | float)]
        if len(numbers) < 2 or max(numbers) <= 0:
            return []
        top = max(numbers)
        return [{"height": 0 if v is None else round(100 * v / top)} for v in values]


def _cells(measure: Measure, periods, computed, recorded, reported) -> list:
    if measure.is_computed():
        return computed[measure.computed_key]
    if measure.is_self_reported():
        return [_from_change(reported.get(measure.pk, {}).get(p.key)) for p in periods]
    return [recorded.get(measure.pk, {}).get(p.key) for p in periods]


def outcomes_dashboard(organisation: Organisation, periods: list[Period]) -> dict:
    """Every aim with its outputs, outcomes and longer-term outcomes side by side. Computed
    outputs always show; other measures show once an activity uses them, and the rest are
    counted as not measured, so an organisation that only counts outputs can see it."""
    in_use = set(
        ActivityMeasure.objects.filter(organisation=organisation)
        .values_list("measure", flat=True)
        .distinct()
    )
    # A retired measure still shows what was recorded with it; it is just not offered.
    measures = [
        m for m in measures_of(organisation, retired=True) if not m.is_retired() or m.pk in in_use
    ]
    computed = cached_computed_figures(organisation, periods)
    recorded = recorded_by_period(organisation, periods)
    reported = self_reported_by_period(organisation, periods)
    aims = []
    for aim, aim_measures in groupby(measures, key=lambda m: m.aim):
        aim_measures = list(aim_measures)
        tiers = []
        for tier, label in TIER_HEADINGS.items():
            of_tier = [m for m in aim_measures if m.tier == tier]
            shown = [m for m in of_tier if m.is_computed() or m.pk in in_use]
            rows = [Row(m, _cells(m, periods, computed, recorded, reported)) for m in shown]
            tiers.append(
                {
                    "key": tier,
                    "label": label,
                    "rows": rows,
                    "not_measured": len(of_tier) - len(shown),
                }
            )
        beyond_outputs = any(t["rows"] for t in tiers if t["key"] != Measure.Tier.OUTPUT)
        aims.append({"aim": aim, "tiers": tiers, "outputs_only": not beyond_outputs})
    return {"periods": periods, "aims": aims}


def activity_periods(activity: Activity, year_start_month: int) -> list[Period]:
    """The quarters the activity has run in so far, the latest few."""
    today = timezone.localdate()
    end = min(activity.ends_on or today, today)
    if end < activity.starts_on:
        return [quarter_of(activity.starts_on, year_start_month)]
    periods = quarters_between(activity.starts_on, end, year_start_month)
    return periods[-ACTIVITY_QUARTERS:]


def _against_target(use: ActivityMeasure, cells: list) -> dict | None:
    """Whether the latest number has reached the target, in the direction agreed."""
    latest = next((c.value for c in reversed(cells) if c and c.value is not None), None)
    if use.target is None or latest is None:
        return None
    target = float(use.target)
    lower_is_better = use.baseline is not None and target < float(use.baseline)
    met = latest <= target if lower_is_better else latest >= target
    return {"met": met, "label": _("Target reached") if met else _("Not at target yet")}


def activity_progress(activity: Activity, organisation: Organisation) -> dict:
    """Each measure the activity agreed, period by period, against baseline and target."""
    periods = activity_periods(activity, organisation.year_start_month)
    uses = list(activity_measures(activity))
    keys = {u.measure.computed_key for u in uses if u.measure.is_computed()}
    computed = computed_figures(organisation, periods, activity=activity, keys=keys)
    recorded = recorded_by_period(organisation, periods, activity=activity)
    reported = self_reported_by_period(organisation, periods, activity=activity)
    rows = []
    for use in uses:
        cells = _cells(use.measure, periods, computed, recorded, reported)
        rows.append(
            {
                "use": use,
                "row": Row(use.measure, cells),
                "status": _against_target(use, cells),
                "values": {value.period_start.isoformat(): value for value in use.values.all()},
            }
        )
    return {"periods": periods, "rows": rows}


def suggested_measures(activity: Activity, organisation: Organisation) -> dict:
    """Measures for the activity's intended aims first (Table 1's suggestions), then the
    rest; measures it already uses are left out."""
    chosen = set(
        ActivityMeasure.objects.filter(activity=activity).values_list("measure", flat=True)
    )
    aim_ids = set(activity.aims.values_list("pk", flat=True))
    suggested, others = [], []
    for aim, measures in groupby(measures_of(organisation), key=lambda m: m.aim):
        group = {"aim": aim, "measures": [m for m in measures if m.pk not in chosen]}
        if group["measures"]:
            (suggested if aim.pk in aim_ids else others).append(group)
    return {"suggested": suggested, "others": others, "aims": Aim.objects.filter(pk__in=aim_ids)}
