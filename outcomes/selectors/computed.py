"""The outputs of Table 1 the app already holds the data for: computed in SQL, never typed.

Each figure is a `Spec`: the rows it counts, the aggregates it needs for one period, and how
those become what may be shown. One query per figure covers every period asked for, for
the whole organisation or one activity, however much data there is; figures that count the
same rows share their query.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from activities.models import Activity, Involvement, Session
from involvement.models import Organisation
from involvement.suppression import SUPPRESSED, suppress, suppress_breakdown, suppress_share
from quality.models import FeedbackResponse, Rating

from ..periods import Period

INFLUENCE_ROLES = [
    Involvement.Role.REPRESENTATIVE,
    Involvement.Role.CO_CHAIR,
    Involvement.Role.LEAD,
]
FINISHED = [Activity.Status.COMPLETED, Activity.Status.REVIEWED]
ANSWERED = [Rating.YES, Rating.PARTLY, Rating.NO]


@dataclass
class Figure:
    """A computed figure as it may be shown: `shown` is "*" when too few people to show,
    and `value` is then None, so nothing downstream can print the hidden number."""

    shown: int | str | None
    value: float | int | None
    detail: str = ""
    parts: dict = field(default_factory=dict)
    unit: str = ""  # "%" for a percentage

    @property
    def suppressed(self) -> bool:
        return self.shown == SUPPRESSED


def _bounds(period: Period) -> tuple[datetime.datetime, datetime.datetime]:
    start = datetime.datetime.combine(period.start, datetime.time.min)
    end = datetime.datetime.combine(period.end + datetime.timedelta(days=1), datetime.time.min)
    zone = timezone.get_current_timezone()
    return timezone.make_aware(start, zone), timezone.make_aware(end, zone)


def _span(periods: list[Period]) -> Period:
    """From the first day of the earliest period to the last day of the latest."""
    return Period(
        min(p.start for p in periods), max(p.end for p in periods), periods[0].year_start_month
    )


def _during(period: Period, start: str = "started_on", end: str = "ended_on") -> Q:
    return Q(**{f"{start}__lte": period.end}) & (
        Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": period.start})
    )


def _answered_in(period: Period, prefix: str = "") -> Q:
    start, end = _bounds(period)
    return Q(**{f"{prefix}submitted_at__gte": start, f"{prefix}submitted_at__lt": end})


def _staff_during(period: Period) -> Q:
    return _during(period, "activity__starts_on", "activity__ends_on")


def _told_us_during(period: Period) -> Q:
    return _during(period) & Q(participant__about_you__isnull=False)


def _held_in(period: Period) -> Q:
    start, end = _bounds(period)
    return Q(starts_at__gte=start, starts_at__lt=end)


def _met_peers_in(period: Period) -> Q:
    return _answered_in(period) & Q(met_peers=Rating.YES)


def _trained_in(period: Period) -> Q:
    return Q(participant__training_records__completed_on__range=(period.start, period.end))


def _influencing_during(period: Period) -> Q:
    return _during(period) & Q(role__in=INFLUENCE_ROLES)


def _finished_in(period: Period) -> Q:
    return Q(ends_on__range=(period.start, period.end))


def _count(n: int, threshold: int) -> Figure:
    shown = suppress(n, threshold)
    return Figure(shown=shown, value=None if shown == SUPPRESSED else n)


def _plain(n: int, threshold: int) -> Figure:
    return Figure(shown=n, value=n)


def _share(parts: dict, threshold: int) -> Figure:
    """A percentage of people: hidden when the people saying yes, or the rest, are too few
    to show."""
    total = parts["total"]
    if not total:
        return Figure(shown=None, value=None, detail=str(_("No answers yet")))
    percent = suppress_share(parts["yes"], total, threshold)
    if percent == SUPPRESSED:
        return Figure(shown=SUPPRESSED, value=None, detail=str(_("Too few to show")))
    detail = _("of %(total)s") % {"total": total}
    return Figure(shown=percent, value=percent, detail=str(detail), unit="%")


def _invited(parts: dict, threshold: int) -> Figure:
    total = parts["invited"] + parts["volunteered"]
    shown_total, shown = suppress_breakdown(
        total, {"invited": parts["invited"], "volunteered": parts["volunteered"]}, threshold
    )
    detail = _("%(invited)s invited, %(volunteered)s volunteered") % {
        "invited": shown["invited"],
        "volunteered": shown["volunteered"],
    }
    if not total:
        return Figure(shown=None, value=None, detail=str(_("Nobody yet")))
    if SUPPRESSED in shown.values() or shown_total == SUPPRESSED:
        return Figure(shown=SUPPRESSED, value=None, detail=str(detail), parts=shown)
    percent = round(100 * parts["invited"] / total)
    return Figure(shown=percent, value=percent, detail=str(detail), parts=shown, unit="%")


def _user_led(parts: dict, threshold: int) -> Figure:
    # Activities, not people: nothing to suppress.
    if not parts["total"]:
        return Figure(shown=None, value=None, detail=str(_("None finished in this period")))
    percent = round(100 * parts["yes"] / parts["total"])
    detail = _("%(yes)s of %(total)s finished") % parts
    return Figure(shown=percent, value=percent, detail=str(detail), unit="%")


@dataclass(frozen=True)
class Spec:
    key: str
    how: str
    rows: Callable[[Organisation], QuerySet]
    activity_field: str
    parts: Callable[[Period], dict]
    finish: Callable[[dict, int], Figure]
    # The rows a period's parts can count at all. Every part's filter implies it, so the
    # query can leave out the rest before aggregating (most rows are older than the periods).
    # Figures with the same `rows` and `within` are worked out in one query.
    within: Callable[[Period], Q] | None = None


def _people(filter_for: Callable[[Period], Q], distinct: str = "participant") -> Callable:
    return lambda period: {"n": Count(distinct, distinct=True, filter=filter_for(period))}


def _rating_share(question: str) -> Callable:
    def parts(period):
        sent = _answered_in(period)
        return {
            "yes": Count("pk", filter=sent & Q(**{question: Rating.YES})),
            "total": Count("pk", filter=sent & Q(**{f"{question}__in": ANSWERED})),
        }

    return parts


def _involvements(organisation):
    return Involvement.objects.filter(organisation=organisation)


def _submitted(organisation):
    return FeedbackResponse.objects.filter(
        organisation=organisation, status=FeedbackResponse.Status.SUBMITTED
    )


def _staff(organisation):
    return Activity.staff_involved.through.objects.filter(activity__organisation=organisation)


SPECS = {
    spec.key: spec
    for spec in [
        Spec(
            "users_involved",
            _(
                "People with an involvement in an activity at any time in the period. Someone "
                "in two activities counts once."
            ),
            _involvements,
            "activity",
            _people(_during),
            lambda parts, t: _count(parts["n"], t),
            _during,
        ),
        Spec(
            "staff_involved",
            _("Staff named as involved in an activity that ran during the period."),
            _staff,
            "activity",
            _people(_staff_during, "user"),
            lambda parts, t: _plain(parts["n"], t),
            _staff_during,
        ),
        Spec(
            "range_of_users",
            _(
                "People involved in the period who told us about themselves (age, gender, "
                "ethnic group, disability). The breakdown is on the figure's page."
            ),
            _involvements,
            "activity",
            _people(_told_us_during),
            lambda parts, t: _count(parts["n"], t),
            _told_us_during,
        ),
        Spec(
            "events_held",
            _("Sessions that took place in the period."),
            lambda org: Session.objects.filter(organisation=org, starts_at__lte=timezone.now()),
            "activity",
            lambda p: {"n": Count("pk", filter=_held_in(p))},
            lambda parts, t: _plain(parts["n"], t),
            _held_in,
        ),
        Spec(
            "invited_volunteered",
            _(
                "The share of people involved in the period who were invited rather than "
                "volunteered."
            ),
            _involvements,
            "activity",
            lambda p: {
                "invited": Count(
                    "participant",
                    distinct=True,
                    filter=_during(p) & Q(came_in=Involvement.CameIn.INVITED),
                ),
                "volunteered": Count(
                    "participant",
                    distinct=True,
                    filter=_during(p) & Q(came_in=Involvement.CameIn.VOLUNTEERED),
                ),
            },
            _invited,
            _during,
        ),
        Spec(
            "felt_valued",
            _(
                "Feedback sent in the period answering “I felt valued” with Yes, out of all "
                "who answered Yes, A bit or No."
            ),
            _submitted,
            "activity",
            _rating_share("felt_valued"),
            _share,
            _answered_in,
        ),
        Spec(
            "understood",
            _(
                "Feedback sent in the period answering “I understood my role and the purpose "
                "of this work” with Yes, out of all who answered Yes, A bit or No."
            ),
            _submitted,
            "activity",
            _rating_share("understood_role"),
            _share,
            _answered_in,
        ),
        Spec(
            "met_peers",
            _(
                "People whose feedback sent in the period answered “I met other people with "
                "experiences like mine” with Yes."
            ),
            _submitted,
            "activity",
            _people(_met_peers_in, "request__participant"),
            lambda parts, t: _count(parts["n"], t),
            _met_peers_in,
        ),
        Spec(
            "completed_training",
            _("People involved who completed training in the period (from the training record)."),
            _involvements,
            "activity",
            _people(_trained_in),
            lambda parts, t: _count(parts["n"], t),
            _trained_in,
        ),
        Spec(
            "in_influence_roles",
            _("People involved in the period as a representative, co-chair or lead."),
            _involvements,
            "activity",
            _people(_influencing_during),
            lambda parts, t: _count(parts["n"], t),
            _influencing_during,
        ),
        Spec(
            "user_led",
            _(
                "Activities that finished in the period (completed or reviewed, with an end "
                "date in the period) whose approach is user-led."
            ),
            lambda org: Activity.objects.filter(organisation=org, status__in=FINISHED),
            "pk",
            lambda p: {
                "yes": Count("pk", filter=_finished_in(p) & Q(approach__key="user_led")),
                "total": Count("pk", filter=_finished_in(p)),
            },
            _user_led,
            _finished_in,
        ),
    ]
}


def computed_figures(
    organisation: Organisation,
    periods: list[Period],
    activity: Activity | None = None,
    keys=None,
) -> dict[str, list[Figure]]:
    """{key: [Figure per period]} for the organisation, or for one activity: one query per
    figure (or per kind of row, for figures that share them), whatever the number of
    periods."""
    threshold = organisation.suppression_threshold
    specs = [SPECS[key] for key in keys or SPECS]
    results = {}
    for shared in _sharing_rows(specs):
        rows = _rows(shared[0], organisation, periods, activity)
        aggregates = {}
        for spec in shared:
            for index, period in enumerate(periods):
                for name, expression in spec.parts(period).items():
                    aggregates[f"{spec.key}__{name}_{index}"] = expression
        results |= rows.aggregate(**aggregates)
    return {
        spec.key: [
            spec.finish(
                {name: results[f"{spec.key}__{name}_{index}"] or 0 for name in spec.parts(period)},
                threshold,
            )
            for index, period in enumerate(periods)
        ]
        for spec in specs
    }


def _sharing_rows(specs: list[Spec]) -> list[list[Spec]]:
    """The specs grouped by the rows they count, in the order first asked for."""
    groups: dict[tuple, list[Spec]] = {}
    for spec in specs:
        groups.setdefault((spec.rows, spec.within, spec.activity_field), []).append(spec)
    return list(groups.values())


def _rows(spec: Spec, organisation, periods, activity=None) -> QuerySet:
    rows = spec.rows(organisation)
    if activity is not None:
        rows = rows.filter(**{spec.activity_field: activity.pk})
    if spec.within and periods:
        rows = rows.filter(spec.within(_span(periods)))
    return rows


def figure_by_activity(organisation: Organisation, key: str, period: Period) -> list[dict]:
    """What a figure was computed from: its value for each activity that contributes, in
    one grouped query. (The organisation's figure counts a person once, so these can add up
    to more than it.)"""
    spec = SPECS[key]
    threshold = organisation.suppression_threshold
    parts = spec.parts(period)
    rows = (
        _rows(spec, organisation, [period])
        .values(spec.activity_field)
        .annotate(**parts)
        .order_by(spec.activity_field)
    )
    by_activity = {row[spec.activity_field]: row for row in rows}
    activities = Activity.objects.filter(pk__in=by_activity).only("pk", "title", "starts_on")
    contributing = []
    for activity in activities.order_by("title", "pk"):
        row = by_activity[activity.pk]
        values = {name: row[name] or 0 for name in parts}
        if any(values.values()):
            contributing.append({"activity": activity, "figure": spec.finish(values, threshold)})
    return contributing
