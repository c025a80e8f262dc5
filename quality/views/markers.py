"""Quality markers: an activity's checklist and ratings, staff's assessments, the
organisation's overview, the rating rules, and the catalogue of markers."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from activities.models import Activity
from involvement.catalogue import catalogue_item_action
from involvement.permissions import OrganisationPermissionMixin, get_for_user

from .. import judging, rating, selectors, services
from ..forms import MarkerAssessmentForm, QualityMarkerForm
from ..models import MarkerAssessment, QualityMarker
from ..selectors.influence import GAP_RUNGS, GAP_SHARE

OVERDUE_SHOWN = 50


def _activity(request, pk, action) -> Activity:
    activities = Activity.objects.select_related("agreement__influence_level")
    return get_for_user(request, activities, action, pk=pk)


class ActivityQualityView(OrganisationPermissionMixin, TemplateView):
    permission_required = "quality.view"
    template_name = "quality/activity_quality.html"

    def fetch_objects(self):
        self.activity = _activity(self.request, self.kwargs["pk"], self.permission_required)

    def get_context_data(self, **kwargs):
        organisation = self.request.organisation
        return super().get_context_data(
            activity=self.activity,
            checklist=selectors.activity_checklist(self.activity, organisation),
            gap=selectors.influence_gap(self.activity, organisation),
            **kwargs,
        )


class MarkerAssessView(OrganisationPermissionMixin, FormView):
    """Staff judge the markers the app cannot judge itself."""

    permission_required = "quality.assess"
    template_name = "quality/marker_assess.html"

    def fetch_objects(self):
        self.activity = _activity(self.request, self.kwargs["pk"], self.permission_required)
        # Every marker the app cannot judge, including the one for the people involved
        # that no feedback question covers.
        self.markers = list(selectors.markers_of(self.request.organisation).filter(judged_by=""))

    def get_form(self, form_class=None):
        return MarkerAssessmentForm(**self.get_form_kwargs(), markers=self.markers)

    def get_initial(self):
        return MarkerAssessmentForm.initial_from(
            MarkerAssessment.objects.filter(activity=self.activity)
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(activity=self.activity, **kwargs)

    def form_valid(self, form):
        services.marker_assessments_save(
            activity=self.activity, assessments=form.assessments(), assessed_by=self.request.user
        )
        messages.success(self.request, _("Checklist saved."))
        return redirect("quality:activity-quality", pk=self.activity.pk)


class QualityOverviewView(OrganisationPermissionMixin, TemplateView):
    permission_required = "quality.view"
    template_name = "quality/quality_overview.html"

    def get_context_data(self, **kwargs):
        # Every activity of the organisation: the roles that may view this are not limited
        # to their own records, so the figures are the same for all of them and are cached.
        organisation = self.request.organisation
        return super().get_context_data(
            **selectors.overview_figures(organisation),
            overdue=selectors.overdue(organisation=organisation)[:OVERDUE_SHOWN],
            **kwargs,
        )


class RatingRulesView(OrganisationPermissionMixin, TemplateView):
    """The rules, written down with their numbers; with ?activity=, that activity's own."""

    permission_required = "quality.view"
    template_name = "quality/rating_rules.html"

    def get_context_data(self, **kwargs):
        context = {"rules": rating, "judging": judging, "gap_rungs": GAP_RUNGS}
        context["gap_share"] = GAP_SHARE
        pk = self.request.GET.get("activity", "")
        if pk.isascii() and pk.isdigit():
            activity = _activity(self.request, int(pk), self.permission_required)
            checklist = selectors.activity_checklist(activity, self.request.organisation)
            context |= {"activity": activity, "ratings": checklist["ratings"]}
        return super().get_context_data(**context, **kwargs)


class MarkerListView(OrganisationPermissionMixin, TemplateView):
    permission_required = "quality.view"
    template_name = "quality/marker_list.html"

    def get_context_data(self, **kwargs):
        markers = list(selectors.markers_of(self.request.organisation, retired=True))
        return super().get_context_data(
            markers=[m for m in markers if not m.is_retired()],
            retired=[m for m in markers if m.is_retired()],
            **kwargs,
        )


class MarkerCreateView(OrganisationPermissionMixin, FormView):
    permission_required = "markers.change"
    template_name = "quality/marker_form.html"

    def get_form(self, form_class=None):
        return QualityMarkerForm(**self.get_form_kwargs(), organisation=self.request.organisation)

    def form_valid(self, form):
        marker = services.marker_create(
            organisation=self.request.organisation, data=form.cleaned_data
        )
        messages.success(self.request, _("Marker added."))
        return redirect(reverse("quality:marker-list") + f"#marker-{marker.pk}")


marker_retire = catalogue_item_action(
    model=QualityMarker,
    permission="markers.change",
    change=lambda marker: services.marker_retire(marker=marker),
    message=gettext_lazy("Marker retired. Assessments already made are kept."),
    list_url="quality:marker-list",
)
marker_restore = catalogue_item_action(
    model=QualityMarker,
    permission="markers.change",
    change=lambda marker: services.marker_restore(marker=marker),
    message=gettext_lazy("Marker back in use."),
    list_url="quality:marker-list",
    anchor="marker",
)
