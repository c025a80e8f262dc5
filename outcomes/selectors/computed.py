"""The outputs of Table 1 the app already holds the data for: computed in SQL, never typed.

Each figure is defined once, in the lowest app whose tables it needs (activities/figures.py,
quality/figures.py, outcomes/figures.py); `SPECS` is Table 1's list of them, and the
mechanism that works them out is involvement/figures.py. One query per kind of row covers
every period asked for, for the whole organisation or one activity, however much data there
is; figures that count the same rows share their query.
"""

from activities import figures as activity_figures
from activities.models import Activity
from involvement.figures import (
    Definition,
    Figure,
    Span,
    at_moment_in,
    during,
    evaluate,
    evaluate_by_activity,
    span_of,
)
from involvement.models import Organisation
from quality import figures as quality_figures

from .. import figures as outcome_figures
from ..periods import Period

__all__ = ["SPECS", "Figure", "computed_figures", "figure_by_activity"]

# Table 1's computed outputs, in the order the catalogue lists them.
SPECS: dict[str, Definition] = {
    d.key: d
    for d in [
        activity_figures.USERS_INVOLVED,
        activity_figures.STAFF_INVOLVED,
        activity_figures.RANGE_OF_USERS,
        activity_figures.EVENTS_HELD,
        activity_figures.INVITED_VOLUNTEERED,
        quality_figures.FELT_VALUED,
        quality_figures.UNDERSTOOD,
        quality_figures.MET_PEERS,
        outcome_figures.COMPLETED_TRAINING,
        activity_figures.IN_INFLUENCE_ROLES,
        activity_figures.USER_LED,
    ]
}


def _span(periods: list[Period]) -> Span:
    return span_of(periods)


def _during(period: Period, start: str = "started_on", end: str = "ended_on"):
    return during(period, start, end)


def _answered_in(period: Period, prefix: str = ""):
    return at_moment_in(period, f"{prefix}submitted_at")


def computed_figures(
    organisation: Organisation,
    periods: list[Period],
    activity: Activity | None = None,
    keys=None,
) -> dict[str, list[Figure]]:
    """{key: [Figure per period]} for the organisation, or for one activity: one query per
    kind of row, whatever the number of periods."""
    definitions = [SPECS[key] for key in keys or SPECS]
    return evaluate(definitions, organisation=organisation, periods=periods, activity=activity)


def figure_by_activity(organisation: Organisation, key: str, period: Period) -> list[dict]:
    """What a figure was computed from: its value for each activity that contributes, in
    one grouped query. (The organisation's figure counts a person once, so these can add up
    to more than it.)"""
    figures = evaluate_by_activity(SPECS[key], organisation=organisation, period=period)
    activities = Activity.objects.filter(pk__in=figures).only("pk", "title", "starts_on")
    return [
        {"activity": activity, "figure": figures[activity.pk]}
        for activity in activities.order_by("title", "pk")
    ]
