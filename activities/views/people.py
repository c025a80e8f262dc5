"""Views for the people involved: participant records, involvements, attendance."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.forms import Form
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import (
    CreateView,
    DeleteView,
    DetailView,
    FormView,
    ListView,
    UpdateView,
)

from involvement.permissions import OrganisationPermissionMixin, get_for_user, scope

from .. import forms, selectors, services
from ..models import Involvement, Participant, Session
from .planning import ActivityObjectMixin


class ParticipantListView(OrganisationPermissionMixin, ListView):
    permission_required = "participants.view"
    template_name = "activities/participant_list.html"
    paginate_by = settings.PAGINATE_BY

    def get_queryset(self):
        self.search = self.request.GET.get("q", "").strip()[:100]
        people = scope(Participant.objects.all(), self.request)
        return selectors.participants_for(people=people, search=self.search)

    def get_context_data(self, **kwargs):
        query = urlencode({"q": self.search}) if self.search else ""
        return super().get_context_data(search=self.search, query=query, **kwargs)


class ParticipantObjectMixin:
    # Nothing can be added back to an erased record, so only the detail page shows one.
    include_erased = False

    def get_object(self, queryset=None):
        people = Participant.objects.select_related("organisation")
        if not self.include_erased:
            people = people.not_erased()
        return get_for_user(self.request, people, self.permission_required, pk=self.kwargs["pk"])


class ParticipantFormMixin:
    form_class = forms.ParticipantForm
    template_name = "activities/participant_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "organisation": self.request.organisation}

    def form_valid(self, form):
        form.instance.organisation = self.request.organisation
        messages.success(self.request, _("Saved %(name)s.") % {"name": form.instance.name})
        return super().form_valid(form)

    def get_success_url(self):
        return reverse("activities:participant-detail", args=[self.object.pk])


class ParticipantCreateView(OrganisationPermissionMixin, ParticipantFormMixin, CreateView):
    permission_required = "participants.change"


class ParticipantUpdateView(
    OrganisationPermissionMixin, ParticipantObjectMixin, ParticipantFormMixin, UpdateView
):
    permission_required = "participants.change"


class ParticipantDetailView(OrganisationPermissionMixin, ParticipantObjectMixin, DetailView):
    permission_required = "participants.view"
    include_erased = True
    template_name = "activities/participant_detail.html"
    context_object_name = "participant"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            involvements=selectors.involvements_of_participant(self.object),
            about_you=selectors.about_you_of(self.object),
            **kwargs,
        )


class InvolvementMixin:
    model = Involvement
    form_class = forms.InvolvementForm
    template_name = "activities/involvement_form.html"

    def get_object(self, queryset=None):
        involvement = get_for_user(
            self.request,
            Involvement.objects.select_related("activity", "participant"),
            self.permission_required,
            pk=self.kwargs["pk"],
        )
        self.activity = involvement.activity
        return involvement

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "activity": self.activity}

    def get_context_data(self, **kwargs):
        return super().get_context_data(activity=self.activity, **kwargs)

    def get_success_url(self):
        return self.activity.get_absolute_url() + "#people"


class InvolvementCreateView(
    OrganisationPermissionMixin, ActivityObjectMixin, InvolvementMixin, CreateView
):
    permission_required = "activities.change"

    def fetch_objects(self):
        self.activity = self.get_activity("activities.change")

    def form_valid(self, form):
        form.instance.organisation = self.request.organisation
        form.instance.activity = self.activity
        messages.success(
            self.request, _("%(name)s added.") % {"name": form.instance.participant.name}
        )
        return super().form_valid(form)


class InvolvementUpdateView(OrganisationPermissionMixin, InvolvementMixin, UpdateView):
    permission_required = "activities.change"

    def form_valid(self, form):
        messages.success(self.request, _("Involvement updated."))
        return super().form_valid(form)


class InvolvementDeleteView(OrganisationPermissionMixin, InvolvementMixin, DeleteView):
    permission_required = "activities.change"
    template_name = "activities/involvement_confirm_delete.html"
    form_class = Form

    def get_form_kwargs(self):
        return super(InvolvementMixin, self).get_form_kwargs()

    def form_valid(self, form):
        services.involvement_remove(involvement=self.object)
        messages.success(self.request, _("Removed from this activity."))
        return redirect(self.get_success_url())


class SessionAttendanceView(OrganisationPermissionMixin, FormView):
    """Who came to one session: one question per person involved in the activity."""

    permission_required = "activities.change"
    form_class = forms.AttendanceForm
    template_name = "activities/attendance_form.html"

    def fetch_objects(self):
        self.session = get_for_user(
            self.request,
            Session.objects.select_related("activity"),
            "activities.change",
            pk=self.kwargs["pk"],
        )
        self.activity = self.session.activity

    def get_form_kwargs(self):
        people = [i.participant for i in selectors.involvements_at(self.session)]
        current = selectors.attendance_of(self.session)
        return {**super().get_form_kwargs(), "people": people, "current": current}

    def get_context_data(self, **kwargs):
        return super().get_context_data(session=self.session, activity=self.activity, **kwargs)

    def form_valid(self, form):
        services.attendance_record(session=self.session, statuses=form.statuses())
        messages.success(self.request, _("Attendance saved."))
        return redirect(self.activity.get_absolute_url() + "#sessions")
