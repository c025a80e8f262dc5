"""The organisation's outcome measures: Table 1's and its own, with retired ones kept."""

from itertools import groupby

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from involvement.catalogue import catalogue_item_action
from involvement.permissions import OrganisationPermissionMixin, get_for_user, require
from involvement.spreadsheets import csv_response

from .. import selectors, services
from ..forms import MeasureForm
from ..models import Measure


def _catalogue(organisation):
    return selectors.measures_of(organisation, retired=True).annotate(
        activities=Count("uses", distinct=True)
    )


class MeasureListView(OrganisationPermissionMixin, TemplateView):
    permission_required = "outcomes.view"
    template_name = "outcomes/measure_list.html"

    def get_context_data(self, **kwargs):
        measures = list(_catalogue(self.request.organisation))
        in_use = [m for m in measures if not m.is_retired()]
        return super().get_context_data(
            groups=[
                {"aim": aim, "measures": list(items)}
                for aim, items in groupby(in_use, key=lambda m: m.aim)
            ],
            retired=[m for m in measures if m.is_retired()],
            **kwargs,
        )


@login_required
def measure_list_csv(request):
    require(request, "outcomes.view")
    header = [
        _("Aim"),
        _("Type"),
        _("Measure"),
        _("Kind of value"),
        _("Source"),
        _("Question"),
        _("Activities using it"),
        _("Retired"),
    ]
    rows = (
        [
            m.aim.name,
            m.get_tier_display(),
            m.name,
            m.get_kind_display(),
            m.get_source_display(),
            m.question,
            m.activities,
            _("Yes") if m.is_retired() else "",
        ]
        for m in _catalogue(request.organisation)
    )
    return csv_response("outcome-measures.csv", header, rows)


class MeasureFormMixin(OrganisationPermissionMixin):
    permission_required = "measures.change"
    form_class = MeasureForm
    template_name = "outcomes/measure_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "organisation": self.request.organisation}


class MeasureCreateView(MeasureFormMixin, FormView):
    def form_valid(self, form):
        measure = services.measure_create(
            organisation=self.request.organisation, data=form.cleaned_data
        )
        messages.success(self.request, _("Measure “%(name)s” added.") % {"name": measure.name})
        return redirect(reverse("outcomes:measure-list") + f"#measure-{measure.pk}")


class MeasureUpdateView(MeasureFormMixin, FormView):
    def fetch_objects(self):
        self.measure = get_for_user(
            self.request,
            Measure.objects.select_related("aim"),
            "measures.change",
            pk=self.kwargs["pk"],
        )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.measure}

    def get_context_data(self, **kwargs):
        return super().get_context_data(measure=self.measure, **kwargs)

    def form_valid(self, form):
        changed = {name: form.cleaned_data[name] for name in form.fields}
        services.measure_update(measure=self.measure, data=changed)
        messages.success(self.request, _("Measure saved."))
        return redirect(reverse("outcomes:measure-list") + f"#measure-{self.measure.pk}")


measure_retire = catalogue_item_action(
    model=Measure,
    permission="measures.change",
    change=lambda measure: services.measure_retire(measure=measure),
    message=gettext_lazy("“%(name)s” is retired. Activities that used it keep what they recorded."),
    list_url="outcomes:measure-list",
)
measure_restore = catalogue_item_action(
    model=Measure,
    permission="measures.change",
    change=lambda measure: services.measure_restore(measure=measure),
    message=gettext_lazy("“%(name)s” is back in use."),
    list_url="outcomes:measure-list",
    anchor="measure",
)
