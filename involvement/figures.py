"""The figure registry's mechanism: what a figure is, and working many out at once.

Each figure is defined once, as a `Definition`, in the lowest app whose tables it needs
(activities/figures.py, quality/figures.py, outcomes/figures.py); every page, CSV and report
reads it through `evaluate`, so the same figure is the same number everywhere.

A definition names the rows it counts (`rows`, a queryset of one model for an
organisation), the SQL aggregates a period needs (`parts`), and how those become what may
be shown (`finish`, which applies involvement/suppression.py). `evaluate` works out many
figures for many periods in one aggregate query per kind of row, for the organisation, one
activity or a set of activities, however many rows there are: nothing is counted in Python.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Organisation
from .suppression import SUPPRESSED, suppress, suppress_share


@dataclass
class Figure:
    """A figure as it may be shown: `shown` is "*" when too few people to show, and
    `value` is then None, so nothing downstream can print the hidden number. `parts` are
    the counts it is made of (a share's part and what it is out of), shown as they may be."""

    shown: int | str | None
    value: float | int | None
    detail: str = ""
    parts: dict = field(default_factory=dict)
    unit: str = ""  # "%" for a percentage

    @property
    def suppressed(self) -> bool:
        return self.shown == SUPPRESSED


@dataclass(frozen=True)
class Span:
    """Any stretch of days (a quarter, a report's period); start and end both inside it.
    Anything with `start` and `end` dates works (outcomes' `Period` does)."""

    start: datetime.date | None
    end: datetime.date | None


# No bounds at all: pages with no period (an activity's page, "who is involved").
ALL_TIME = Span(None, None)

# How a figure's small numbers are hidden, as said on its page.
PEOPLE = "people"  # a count of people: 1 to threshold - 1 shown as *
SHARE_OF_PEOPLE = "share_of_people"  # hidden when the part or the rest is too few
NOT_PEOPLE = "not_people"  # sessions, activities, staff: nothing to hide


@dataclass(frozen=True)
class Definition:
    """One figure, defined once. `denominator` says what a share is out of (words for its
    page); figures with the same `rows`, `within` and `activity_field` share one query."""

    key: str
    label: str
    explanation: str
    rows: Callable[[Organisation], QuerySet]
    activity_field: str
    parts: Callable[[Span], dict]
    finish: Callable[[dict, int], Figure]
    # The rows a period's parts can count at all, so the query leaves out the rest first.
    within: Callable[[Span], Q] | None = None
    unit: str = ""
    denominator: str = ""
    suppression: str = PEOPLE

    @property
    def how(self) -> str:
        """How it is worked out, as its page says it."""
        return self.explanation


def bounds(period) -> tuple[datetime.datetime | None, datetime.datetime | None]:
    """The period's first moment and the moment after its last day, in local time."""
    if period.start is None:
        return None, None
    zone = timezone.get_current_timezone()
    start = datetime.datetime.combine(period.start, datetime.time.min)
    end = datetime.datetime.combine(period.end + datetime.timedelta(days=1), datetime.time.min)
    return timezone.make_aware(start, zone), timezone.make_aware(end, zone)


def during(period, start: str = "started_on", end: str = "ended_on") -> Q:
    """Rows whose dates from `start` to `end` (open-ended when empty) overlap the period."""
    if period.start is None:
        return Q()
    return Q(**{f"{start}__lte": period.end}) & (
        Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": period.start})
    )


def at_moment_in(period, moment: str) -> Q:
    """Rows whose `moment` (a date and time) falls in the period."""
    start, end = bounds(period)
    if start is None:
        return Q()
    return Q(**{f"{moment}__gte": start, f"{moment}__lt": end})


def on_day_in(period, day: str) -> Q:
    """Rows whose `day` (a date) falls in the period."""
    if period.start is None:
        return Q()
    return Q(**{f"{day}__range": (period.start, period.end)})


def span_of(periods: list) -> Span:
    """From the first day of the earliest period to the last day of the latest."""
    if any(p.start is None for p in periods):
        return ALL_TIME
    return Span(min(p.start for p in periods), max(p.end for p in periods))


# The ways a figure's parts become what may be shown.


def people_count(parts: dict, threshold: int) -> Figure:
    shown = suppress(parts["n"], threshold)
    return Figure(shown=shown, value=None if shown == SUPPRESSED else parts["n"])


def plain_count(parts: dict, threshold: int) -> Figure:
    return Figure(shown=parts["n"], value=parts["n"])


def share_of_people(parts: dict, threshold: int) -> Figure:
    """`yes` out of `total`: hidden when those saying yes, or the rest, are too few."""
    total = parts["total"]
    if not total:
        return Figure(shown=None, value=None, detail=str(_("No answers yet")))
    percent = suppress_share(parts["yes"], total, threshold)
    if percent == SUPPRESSED:
        return Figure(shown=SUPPRESSED, value=None, detail=str(_("Too few to show")))
    detail = _("of %(total)s") % {"total": total}
    parts = {"yes": parts["yes"], "total": total}
    return Figure(shown=percent, value=percent, detail=str(detail), parts=parts, unit="%")


def evaluate(
    definitions: Iterable[Definition],
    *,
    organisation: Organisation,
    periods: list,
    activity=None,
    activity_ids: list[int] | None = None,
) -> dict[str, list[Figure]]:
    """{key: [Figure per period]} for the organisation, one activity or a set of its
    activities: one aggregate query per kind of row, whatever the number of periods."""
    definitions = list(definitions)
    raw = counts(
        definitions,
        organisation=organisation,
        periods=periods,
        activity=activity,
        activity_ids=activity_ids,
    )
    threshold = organisation.suppression_threshold
    return {d.key: [d.finish(parts, threshold) for parts in raw[d.key]] for d in definitions}


def counts(
    definitions: Iterable[Definition],
    *,
    organisation: Organisation,
    periods: list,
    activity=None,
    activity_ids: list[int] | None = None,
) -> dict[str, list[dict[str, int]]]:
    """{key: [{part: count} per period]}: what `evaluate` shows, before suppression, for
    code that must still do sums with it (never for a page to print)."""
    definitions = list(definitions)
    results = {}
    for shared in _sharing_rows(definitions):
        rows = scoped_rows(shared[0], organisation, periods, activity, activity_ids)
        results |= _aggregate_once(rows, shared, periods)
    return {
        d.key: [
            {name: results[f"{d.key}__{name}_{index}"] or 0 for name in d.parts(period)}
            for index, period in enumerate(periods)
        ]
        for d in definitions
    }


def _aggregate_once(rows: QuerySet, shared: list[Definition], periods: list) -> dict:
    """The parts of definitions sharing `rows`, in one query; a part two definitions
    both need (people involved is also what invited compared to volunteered is out of)
    is worked out once, as counting distinct people is the costly part."""
    alias_of, aggregates = {}, {}
    for definition in shared:
        for index, period in enumerate(periods):
            for name, expression in definition.parts(period).items():
                key = f"{definition.key}__{name}_{index}"
                alias_of[key] = aggregates.setdefault(expression, key)
    values = rows.aggregate(**{alias: expression for expression, alias in aggregates.items()})
    return {key: values[alias] for key, alias in alias_of.items()}


def evaluate_one(definitions: Iterable[Definition], **scope) -> dict[str, Figure]:
    """`evaluate` for a single period (`period=`, all time when left out): {key: Figure}."""
    period = scope.pop("period", ALL_TIME)
    return {
        key: figures[0] for key, figures in evaluate(definitions, periods=[period], **scope).items()
    }


def _sharing_rows(definitions: list[Definition]) -> list[list[Definition]]:
    """The definitions grouped by the rows they count, in the order first asked for."""
    groups: dict[tuple, list[Definition]] = {}
    for d in definitions:
        groups.setdefault((d.rows, d.within, d.activity_field), []).append(d)
    return list(groups.values())


def scoped_rows(
    definition: Definition, organisation, periods, activity=None, activity_ids=None
) -> QuerySet:
    """The definition's rows for the scope, cut to the periods' span before aggregating."""
    rows = definition.rows(organisation)
    if activity is not None:
        rows = rows.filter(**{definition.activity_field: activity.pk})
    if activity_ids is not None:
        rows = rows.filter(**{f"{definition.activity_field}__in": activity_ids})
    if definition.within and periods:
        rows = rows.filter(definition.within(span_of(periods)))
    return rows


def evaluate_by_activity(definition: Definition, *, organisation, period) -> dict[int, Figure]:
    """{activity pk: Figure} for each activity with anything to count, in one grouped query.
    (The organisation's figure counts a person once, so these can add up to more.)"""
    threshold = organisation.suppression_threshold
    parts = definition.parts(period)
    field_name = definition.activity_field
    rows = (
        scoped_rows(definition, organisation, [period])
        .values(field_name)
        .annotate(**parts)
        .order_by(field_name)
    )
    figures = {}
    for row in rows:
        values = {name: row[name] or 0 for name in parts}
        if any(values.values()):
            figures[row[field_name]] = definition.finish(values, threshold)
    return figures
