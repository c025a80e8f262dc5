"""Reads about activities: the scoped list and its filter, one activity's page, the
organisation overview and Table 1's at-a-glance figures."""

import django_filters
from django.core.paginator import Paginator
from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from involvement.figures import ALL_TIME, counts
from involvement.models import Organisation, Role, User

from .. import figures
from ..models import (
    Activity,
    AgreementEvent,
    Approach,
    DecisionLevel,
    InfluenceLevel,
    Session,
)


def lead_candidates(organisation: Organisation) -> QuerySet:
    """People who can lead an activity: the organisation's admins and staff."""
    return User.objects.filter(
        memberships__organisation=organisation,
        memberships__role__in=[Role.ADMIN, Role.STAFF],
    ).order_by("full_name")


def activities_for(*, organisation: Organisation) -> QuerySet:
    """The organisation's activities with what their lists show; views cut them to the
    user's scope (`permissions.scope`, or `get_for_user` for one)."""
    return Activity.objects.filter(organisation=organisation).select_related(
        "approach", "lead", "agreement__influence_level"
    )


class ActivityFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Activity.Status.choices, empty_label=_("Any status")
    )
    approach = django_filters.ModelChoiceFilter(
        label=_("Approach"), queryset=Approach.objects.all(), empty_label=_("Any approach")
    )
    influence_level = django_filters.ModelChoiceFilter(
        label=_("Influence level"),
        field_name="agreement__influence_level",
        queryset=InfluenceLevel.objects.all(),
        empty_label=_("Any level"),
    )
    decision_level = django_filters.ChoiceFilter(
        label=_("Decision level"), choices=DecisionLevel.choices, empty_label=_("Any level")
    )
    lead = django_filters.ModelChoiceFilter(
        label=_("Lead"), queryset=User.objects.none(), empty_label=_("Anyone")
    )
    starts_after = django_filters.DateFilter(
        label=_("Starts on or after"), field_name="starts_on", lookup_expr="gte"
    )
    starts_before = django_filters.DateFilter(
        label=_("Starts on or before"), field_name="starts_on", lookup_expr="lte"
    )

    class Meta:
        model = Activity
        fields = []

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["lead"].queryset = lead_candidates(organisation)

    def search(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(overview__icontains=value))


def activity_detail_queryset(*, organisation: Organisation) -> QuerySet:
    return (
        activities_for(organisation=organisation)
        .select_related("created_by")
        .prefetch_related("aims", "agreement__participants", "staff_involved")
    )


def agreement_history(agreement) -> QuerySet:
    return (
        AgreementEvent.objects.filter(agreement=agreement)
        .select_related("actor")
        .prefetch_related("participants")
    )


def sessions_of(activity: Activity) -> QuerySet:
    return Session.objects.filter(activity=activity).order_by("starts_at")


def _counts_by(activities: QuerySet, field: str) -> dict:
    """{value: count} grouped inside this organisation's rows only, so other tenants' data
    never joins in."""
    return dict(activities.values_list(field).annotate(n=Count("pk")).order_by())


def organisation_overview(*, activities: QuerySet) -> dict:
    """Counts of `activities` (the user's scope of them) by status, approach and influence
    level: one grouped query each."""
    by_status = _counts_by(activities, "status")
    by_approach = _counts_by(activities, "approach")
    by_level = _counts_by(activities, "agreement__influence_level")
    return {
        "total": sum(by_status.values()),
        "by_status": [
            (value, label, by_status.get(value, 0)) for value, label in Activity.Status.choices
        ],
        "by_approach": [(a, by_approach.get(a.pk, 0)) for a in Approach.objects.all()],
        "by_influence_level": [(lv, by_level.get(lv.pk, 0)) for lv in InfluenceLevel.objects.all()],
        "without_level": by_level.get(None, 0),
    }


class IdsFirstPaginator(Paginator):
    """Pick a page's ids first, then fetch just those rows with their joins.

    On PostgreSQL a deep OFFSET over the full joined rows sorts every wide row (agreement
    texts included) and spills to disk; sorting ids alone stays in memory.
    """

    def page(self, number):
        page = super().page(number)
        page.object_list = self.object_list.filter(
            pk__in=list(page.object_list.values_list("pk", flat=True))
        )
        return page


def _at_a_glance_counts(activity: Activity) -> dict[str, dict[str, int]]:
    # Only the organisation's pk is needed to scope the rows: no query for the row itself.
    organisation = Organisation(pk=activity.organisation_id)
    raw = counts(
        figures.AT_A_GLANCE, organisation=organisation, periods=[ALL_TIME], activity=activity
    )
    return {key: by_period[0] for key, by_period in raw.items()}


def activity_at_a_glance(activity: Activity) -> dict:
    """Table 1's outputs for one activity, as activities/figures.py defines them: who is
    involved, how they came in, staff involved, sessions held, attendances.

    Counts, not people: `activity_at_a_glance_shown` hides the small ones."""
    raw = _at_a_glance_counts(activity)
    return _glance(raw)


def _glance(raw: dict) -> dict:
    came_in = raw[figures.INVITED_VOLUNTEERED.key]
    return {
        "people": raw[figures.USERS_INVOLVED.key]["n"],
        "staff": raw[figures.STAFF_INVOLVED.key]["n"],
        "invited": came_in["invited"],
        "volunteered": came_in["volunteered"],
        "sessions_held": raw[figures.EVENTS_HELD.key]["n"],
        "attended": raw[figures.ATTENDED.key]["n"],
    }


def activity_at_a_glance_shown(activity: Activity, threshold: int) -> dict:
    """The at-a-glance figures as they may be shown, small numbers hidden, including any
    that could be worked out from the total by subtraction (each figure's own rule)."""
    raw = _at_a_glance_counts(activity)
    shown = {d.key: d.finish(raw[d.key], threshold) for d in figures.AT_A_GLANCE}
    came_in = shown[figures.INVITED_VOLUNTEERED.key]
    return {
        **_glance(raw),
        "people": shown[figures.USERS_INVOLVED.key].shown,
        "invited": came_in.parts["invited"],
        "volunteered": came_in.parts["volunteered"],
        "came_in": came_in,
        "attended": shown[figures.ATTENDED.key].shown,
    }
