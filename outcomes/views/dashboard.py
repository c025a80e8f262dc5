"""The organisation's outcomes by Table 1's aims, quarter by quarter, and what each
computed figure was worked out from."""

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from activities.models import Involvement, Participant
from activities.selectors import range_of_people
from involvement.permissions import OrganisationPermissionMixin, require
from involvement.spreadsheets import csv_response

from .. import selectors
from ..models import Measure
from ..periods import quarter_of, quarter_starting, quarters_ending
from ..selectors.computed import _during
from ..selectors.dashboard import TREND_QUARTERS
from .activity import cell_text

CHOOSABLE_QUARTERS = 12


def chosen_period(request):
    """The quarter named by `?period=`, or the current one."""
    year_start = request.organisation.year_start_month
    current = quarter_of(timezone.localdate(), year_start)
    chosen = quarter_starting(request.GET.get("period", ""), year_start)
    return chosen if chosen and chosen <= current else current, current


class OutcomesDashboardView(OrganisationPermissionMixin, TemplateView):
    permission_required = "outcomes.view"
    template_name = "outcomes/dashboard.html"

    def get_context_data(self, **kwargs):
        period, current = chosen_period(self.request)
        periods = quarters_ending(period, TREND_QUARTERS)
        return super().get_context_data(
            dashboard=selectors.outcomes_dashboard(self.request.organisation, periods),
            period=period,
            choices=reversed(quarters_ending(current, CHOOSABLE_QUARTERS)),
            **kwargs,
        )


@login_required
def dashboard_csv(request):
    require(request, "outcomes.view")
    period, _current = chosen_period(request)
    periods = quarters_ending(period, TREND_QUARTERS)
    dashboard = selectors.outcomes_dashboard(request.organisation, periods)
    header = [_("Aim"), _("Type"), _("Measure"), _("Source")] + [p.label for p in periods]
    rows = (
        [aim["aim"].name, tier["label"], row.measure.name, row.measure.get_source_display()]
        + [cell_text(cell) for cell in row.cells]
        for aim in dashboard["aims"]
        for tier in aim["tiers"]
        for row in tier["rows"]
    )
    return csv_response(f"outcomes-{period.key}.csv", header, rows)


class FigureDetailView(OrganisationPermissionMixin, TemplateView):
    """One computed figure for a quarter: how it is worked out and each activity's part."""

    permission_required = "outcomes.view"
    template_name = "outcomes/figure_detail.html"

    def get_context_data(self, **kwargs):
        key = self.kwargs["key"]
        if key not in selectors.SPECS:
            raise Http404
        organisation = self.request.organisation
        period, current = chosen_period(self.request)
        figure = selectors.computed_figures(organisation, [period], keys=[key])[key][0]
        measure = Measure.objects.filter(organisation=organisation, computed_key=key).first()
        context = {
            "key": key,
            "name": measure.name if measure else key,
            "how": selectors.SPECS[key].explanation,
            "figure": figure,
            "period": period,
            "choices": reversed(quarters_ending(current, CHOOSABLE_QUARTERS)),
            "by_activity": selectors.figure_by_activity(organisation, key, period),
        }
        if key == "range_of_users":
            involved = Involvement.objects.filter(
                Q(organisation=organisation) & _during(period)
            ).values("participant")
            people = Participant.objects.filter(pk__in=involved)
            context["range"] = range_of_people(people, organisation)
        return super().get_context_data(**{**kwargs, **context})
