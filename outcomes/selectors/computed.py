"""The outputs of Table 1 the app already holds the data for: computed in SQL, never typed.

Each figure is a `Spec`: the rows it counts, the aggregates it needs for one period, and how
those become what may be shown. One query per figure covers every period asked for, for
the whole organisation or one activity, however much data there is.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from activities.models import Activity, Involvement, Session
from involvement.models import Organisation
from involvement.suppression import SUPPRESSED, suppress, suppress_breakdown
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

    @property
    def suppressed(self) -> bool:
        return self.shown == SUPPRESSED


def _bounds(period: Period) -> tuple[datetime.datetime, datetime.datetime]:
    start = datetime.datetime.combine(period.start, datetime.time.min)
    end = datetime.datetime.combine(period.end + datetime.timedelta(days=1), datetime.time.min)
    zone = timezone.get_current_timezone()
    return timezone.make_aware(start, zone), timezone.make_aware(end, zone)


def _during(period: Period, start: str = "started_on", end: str = "ended_on") -> Q:
    return Q(**{f"{start}__lte": period.end}) & (
        Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": period.start})
    )


def _answered_in(period: Period, prefix: str = "") -> Q:
    start, end = _bounds(period)
    return Q(**{f"{prefix}submitted_at__gte": start, f"{prefix}submitted_at__lt": end})


def _count(n: int, threshold: int) -> Figure:
    shown = suppress(n, threshold)
    return Figure(shown=shown, value=None if shown == SUPPRESSED else n)


def _plain(n: int, threshold: int) -> Figure:
    return Figure(shown=n, value=n)


def _share(parts: dict, threshold: int) -> Figure:
    """A percentage of people: hidden when fewer people answered than the threshold."""
    total = parts["total"]
    if not total:
        return Figure(shown=None, value=None, detail=str(_("No answers yet")))
    if suppress(total, threshold) == SUPPRESSED:
        return Figure(shown=SUPPRESSED, value=None, detail=str(_("Too few to show")))
    percent = round(100 * parts["yes"] / total)
    detail = _("of %(total)s") % {"total": total}
    return Figure(shown=percent, value=percent, detail=str(detail))


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
    return Figure(shown=percent, value=percent, detail=str(detail), parts=shown)


def _user_led(parts: dict, threshold: int) -> Figure:
    # Activities, not people: nothing to suppress.
    if not parts["total"]:
        return Figure(shown=None, value=None, detail=str(_("None finished in this period")))
    percent = round(100 * parts["yes"] / parts["total"])
    detail = _("%(yes)s of %(total)s finished") % parts
    return Figure(shown=percent, value=percent, detail=str(detail))


@dataclass(frozen=True)
class Spec:
    key: str
    how: str
    rows: Callable[[Organisation], QuerySet]
    activity_field: str
    parts: Callable[[Period], dict]
    finish: Callable[[dict, int], Figure]


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
            lambda org: Involvement.objects.filter(organisation=org),
            "activity",
            _people(_during),
            lambda parts, t: _count(parts["n"], t),
        ),
        Spec(
            "staff_involved",
            _("Staff named as involved in an activity that ran during the period."),
            _staff,
            "activity",
            _people(lambda p: _during(p, "activity__starts_on", "activity__ends_on"), "user"),
            lambda parts, t: _plain(parts["n"], t),
        ),
        Spec(
            "range_of_users",
            _(
                "People involved in the period who told us about themselves (age, gender, "
                "ethnic group, disability). The breakdown is on the figure's page."
            ),
            lambda org: Involvement.objects.filter(organisation=org),
            "activity",
            _people(lambda p: _during(p) & Q(participant__about_you__isnull=False)),
            lambda parts, t: _count(parts["n"], t),
        ),
        Spec(
            "events_held",
            _("Sessions that took place in the period."),
            lambda org: Session.objects.filter(organisation=org, starts_at__lte=timezone.now()),
            "activity",
            lambda p: {
                "n": Count(
                    "pk", filter=Q(starts_at__gte=_bounds(p)[0], starts_at__lt=_bounds(p)[1])
                )
            },
            lambda parts, t: _plain(parts["n"], t),
        ),
        Spec(
            "invited_volunteered",
            _(
                "The share of people involved in the period who were invited rather than "
                "volunteered."
            ),
            lambda org: Involvement.objects.filter(organisation=org),
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
        ),
        Spec(
            "met_peers",
            _(
                "People whose feedback sent in the period answered “I met other people with "
                "experiences like mine” with Yes."
            ),
            _submitted,
            "activity",
            _people(lambda p: _answered_in(p) & Q(met_peers=Rating.YES), "request__participant"),
            lambda parts, t: _count(parts["n"], t),
        ),
        Spec(
            "completed_training",
            _("People involved who completed training in the period (from the training record)."),
            lambda org: Involvement.objects.filter(organisation=org),
            "activity",
            _people(
                lambda p: Q(participant__training_records__completed_on__range=(p.start, p.end))
            ),
            lambda parts, t: _count(parts["n"], t),
        ),
        Spec(
            "in_influence_roles",
            _("People involved in the period as a representative, co-chair or lead."),
            lambda org: Involvement.objects.filter(organisation=org),
            "activity",
            _people(lambda p: _during(p) & Q(role__in=INFLUENCE_ROLES)),
            lambda parts, t: _count(parts["n"], t),
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
                "yes": Count(
                    "pk", filter=Q(ends_on__range=(p.start, p.end), approach__key="user_led")
                ),
                "total": Count("pk", filter=Q(ends_on__range=(p.start, p.end))),
            },
            _user_led,
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
    figure, whatever the number of periods."""
    threshold = organisation.suppression_threshold
    figures = {}
    for key in keys or SPECS:
        spec = SPECS[key]
        rows = spec.rows(organisation)
        if activity is not None:
            rows = rows.filter(**{spec.activity_field: activity.pk})
        aggregates = {}
        for index, period in enumerate(periods):
            for name, expression in spec.parts(period).items():
                aggregates[f"{name}_{index}"] = expression
        result = rows.aggregate(**aggregates)
        figures[key] = [
            spec.finish(
                {name: result[f"{name}_{index}"] or 0 for name in spec.parts(period)}, threshold
            )
            for index, period in enumerate(periods)
        ]
    return figures


def figure_by_activity(organisation: Organisation, key: str, period: Period) -> list[dict]:
    """What a figure was computed from: its value for each activity that contributes, in
    one grouped query. (The organisation's figure counts a person once, so these can add up
    to more than it.)"""
    spec = SPECS[key]
    threshold = organisation.suppression_threshold
    parts = spec.parts(period)
    rows = (
        spec.rows(organisation)
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
