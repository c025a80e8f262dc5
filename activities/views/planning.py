from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import Form
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import (
    CreateView,
    DeleteView,
    DetailView,
    FormView,
    ListView,
    TemplateView,
    UpdateView,
)

from involvement.permissions import OrganisationPermissionMixin, can, get_for_user, scope

from .. import forms, selectors, services
from ..models import AccessibilityCheck, Activity, Agreement, Participant, Session


class ActivityListView(OrganisationPermissionMixin, ListView):
    permission_required = "activities.view"
    template_name = "activities/activity_list.html"
    paginate_by = settings.PAGINATE_BY
    paginator_class = selectors.IdsFirstPaginator

    def get_queryset(self):
        self.filterset = selectors.ActivityFilter(
            self.request.GET or None,
            queryset=scope(
                selectors.activities_for(organisation=self.request.organisation), self.request
            ),
            organisation=self.request.organisation,
        )
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(filter=self.filterset, query=query.urlencode(), **kwargs)


class ActivityOverviewView(OrganisationPermissionMixin, TemplateView):
    permission_required = "activities.overview"
    template_name = "activities/activity_overview.html"

    def get_context_data(self, **kwargs):
        activities = scope(Activity.objects.all(), self.request)
        overview = selectors.organisation_overview(activities=activities)
        return super().get_context_data(**overview, **kwargs)


class ActivityFormMixin:
    form_class = forms.ActivityForm
    template_name = "activities/activity_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "organisation": self.request.organisation}


class ActivityCreateView(OrganisationPermissionMixin, ActivityFormMixin, CreateView):
    permission_required = "activities.add"

    def form_valid(self, form):
        data = form.data_without_key()
        self.object = services.activity_create(
            organisation=self.request.organisation,
            created_by=self.request.user,
            data=data,
            submission_key=form.cleaned_data.get("submission_key"),
        )
        messages.success(
            self.request,
            _("Activity saved. Next, write down its purpose and the influence level offered."),
        )
        return redirect(self.object)


class ActivityObjectMixin:
    """Fetch the activity in the URL through the permissions module."""

    def get_activity(self, action):
        return get_for_user(
            self.request,
            selectors.activity_detail_queryset(organisation=self.request.organisation),
            action,
            pk=self.kwargs["pk"],
        )


class ActivityDetailView(OrganisationPermissionMixin, ActivityObjectMixin, DetailView):
    permission_required = "activities.view"
    template_name = "activities/activity_detail.html"

    def get_object(self, queryset=None):
        return self.get_activity("activities.view")

    def get_context_data(self, **kwargs):
        activity = self.object
        return super().get_context_data(
            agreement=activity.agreement,
            history=selectors.agreement_history(activity.agreement),
            sessions=selectors.sessions_of(activity),
            checks=AccessibilityCheck.objects.filter(activity=activity),
            involvements=selectors.involvements_of(activity),
            at_a_glance=selectors.activity_at_a_glance_shown(
                activity, self.request.organisation.suppression_threshold
            ),
            people_range=self.people_range(activity),
            **kwargs,
        )

    def people_range(self, activity) -> dict | None:
        if not can(self.request, "involvement.view"):
            return None
        involved = Participant.objects.involved_in(activity)
        return selectors.range_of_people(involved, self.request.organisation, compare=False)


class ActivityUpdateView(
    OrganisationPermissionMixin, ActivityObjectMixin, ActivityFormMixin, UpdateView
):
    permission_required = "activities.change"

    def get_object(self, queryset=None):
        return self.get_activity("activities.change")

    def form_valid(self, form):
        data = form.data_without_key()
        services.activity_update(activity=self.object, data=data)
        messages.success(self.request, _("Activity updated."))
        return redirect(self.object)


@require_POST
@login_required
def activity_transition(request, pk):
    activities = selectors.activities_for(organisation=request.organisation)
    activity = get_for_user(request, activities, "activities.change", pk=pk)
    form = forms.TransitionForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Choose a status from the list."))
        activity = services.activity_transition(
            activity=activity, to_status=form.cleaned_data["to_status"]
        )
        messages.success(request, _("Status is now %(s)s.") % {"s": activity.get_status_display()})
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(activity)


class AgreementUpdateView(OrganisationPermissionMixin, ActivityObjectMixin, UpdateView):
    permission_required = "activities.agree"
    form_class = forms.AgreementForm
    template_name = "activities/agreement_form.html"

    def get_object(self, queryset=None):
        self.activity = self.get_activity("activities.agree")
        return self.activity.agreement

    def get_context_data(self, **kwargs):
        return super().get_context_data(activity=self.activity, **kwargs)

    def form_valid(self, form):
        was_agreed = self.object.state != Agreement.State.NOT_AGREED
        agreement = services.agreement_update(
            agreement=Agreement.objects.get(pk=self.object.pk),
            changed_by=self.request.user,
            data=form.cleaned_data,
        )
        if was_agreed and agreement.state == Agreement.State.NEEDS_REAGREEMENT:
            messages.warning(
                self.request,
                _("Saved. The agreed terms changed, so agree them again with the people involved."),
            )
        else:
            messages.success(self.request, _("Purpose and influence level saved."))
        return redirect(self.activity)


class AgreementRecordView(OrganisationPermissionMixin, ActivityObjectMixin, FormView):
    permission_required = "activities.agree"
    form_class = forms.AgreementRecordForm
    template_name = "activities/agreement_record.html"

    def fetch_objects(self):
        self.activity = self.get_activity("activities.agree")

    def get_initial(self):
        names = self.activity.agreement.participants.values_list("name", flat=True)
        return {"participants": "\n".join(names)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            activity=self.activity, agreement=self.activity.agreement, **kwargs
        )

    def form_valid(self, form):
        try:
            services.agreement_record(
                agreement=self.activity.agreement,
                recorded_by=self.request.user,
                agreed_on=form.cleaned_data["agreed_on"],
                agreed_how=form.cleaned_data["agreed_how"],
                participant_names=form.cleaned_data["participants"],
            )
        except ValueError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(self.request, _("Agreement recorded."))
        return redirect(self.activity)


class AccessibilityChecksView(OrganisationPermissionMixin, ActivityObjectMixin, TemplateView):
    """The accessibility systems checklist (seed 003), all on one form."""

    permission_required = "activities.change"
    template_name = "activities/accessibility_form.html"

    def fetch_objects(self):
        self.activity = self.get_activity("activities.change")

    def formset(self, data=None):
        return forms.AccessibilityCheckFormSet(
            data, queryset=AccessibilityCheck.objects.filter(activity=self.activity)
        )

    def get_context_data(self, **kwargs):
        kwargs.setdefault("formset", self.formset())
        return super().get_context_data(activity=self.activity, **kwargs)

    def post(self, request, *args, **kwargs):
        formset = self.formset(request.POST)
        if not formset.is_valid():
            return self.render_to_response(self.get_context_data(formset=formset))
        services.accessibility_checks_save(formset=formset)
        messages.success(request, _("Accessibility checklist saved."))
        return redirect(self.activity)


class SessionMixin(ActivityObjectMixin):
    model = Session
    form_class = forms.SessionForm
    template_name = "activities/session_form.html"

    def get_object(self, queryset=None):
        session = get_for_user(
            self.request,
            Session.objects.select_related("activity"),
            self.permission_required,
            pk=self.kwargs["pk"],
        )
        self.activity = session.activity
        return session

    def get_context_data(self, **kwargs):
        return super().get_context_data(activity=self.activity, **kwargs)

    def get_success_url(self):
        return self.activity.get_absolute_url() + "#sessions"


class SessionCreateView(OrganisationPermissionMixin, SessionMixin, CreateView):
    permission_required = "activities.change"

    def fetch_objects(self):
        self.activity = self.get_activity("activities.change")

    def form_valid(self, form):
        self.object = services.session_create(
            activity=self.activity,
            data=form.data_without_key(),
            submission_key=form.cleaned_data.get("submission_key"),
        )
        messages.success(self.request, _("Session added."))
        return redirect(self.get_success_url())


class SessionUpdateView(OrganisationPermissionMixin, SessionMixin, UpdateView):
    permission_required = "activities.change"

    def form_valid(self, form):
        messages.success(self.request, _("Session updated."))
        return super().form_valid(form)


class SessionDeleteView(OrganisationPermissionMixin, SessionMixin, DeleteView):
    permission_required = "activities.change"
    template_name = "activities/session_confirm_delete.html"
    form_class = Form  # the confirm button posts no fields; SessionMixin's SessionForm would fail

    def form_valid(self, form):
        messages.success(self.request, _("Session removed."))
        return super().form_valid(form)
