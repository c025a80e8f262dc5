"""Training the people involved have completed (Table 1: users completing training)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, ListView

from activities.models import Participant
from involvement.permissions import OrganisationPermissionMixin, scope

from .. import services
from ..forms import TrainingRecordForm
from ..models import TrainingRecord


class TrainingListView(OrganisationPermissionMixin, ListView):
    permission_required = "participants.view"
    template_name = "outcomes/training_list.html"
    context_object_name = "records"
    paginate_by = 50

    def get_queryset(self):
        return scope(TrainingRecord.objects.select_related("participant"), self.request)


class TrainingCreateView(OrganisationPermissionMixin, FormView):
    permission_required = "participants.change"
    template_name = "outcomes/training_form.html"

    def get_form(self, form_class=None):
        people = scope(Participant.objects.not_erased(), self.request)
        return TrainingRecordForm(**self.get_form_kwargs(), participants=people)

    def form_valid(self, form):
        record = services.training_record_add(
            participant=form.cleaned_data["participant"],
            course=form.cleaned_data["course"],
            completed_on=form.cleaned_data["completed_on"],
            recorded_by=self.request.user,
        )
        messages.success(
            self.request,
            _("Recorded that %(name)s completed %(course)s.")
            % {"name": record.participant.name, "course": record.course},
        )
        return redirect("outcomes:training-list")
