"""Who is involved across the organisation, and the population profile it is compared with."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from involvement.permissions import OrganisationPermissionMixin

from .. import forms, selectors, services


class WhoIsInvolvedView(OrganisationPermissionMixin, TemplateView):
    """Table 1's outputs and 4Pi's Presence for the organisation: counts only, suppressed."""

    permission_required = "involvement.view"
    template_name = "activities/who_is_involved.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            figures=selectors.who_is_involved(organisation=self.request.organisation), **kwargs
        )


class PopulationProfileView(OrganisationPermissionMixin, FormView):
    """The share of the people the organisation serves in each group, to compare with."""

    permission_required = "population.change"
    form_class = forms.PopulationProfileForm
    template_name = "activities/population_form.html"

    def get_initial(self):
        profile = selectors.population_profile(self.request.organisation)
        return forms.PopulationProfileForm.initial_from(profile)

    def form_valid(self, form):
        services.population_profile_save(
            organisation=self.request.organisation, values=form.values()
        )
        messages.success(self.request, _("Population profile saved."))
        return redirect("activities:who-is-involved")
