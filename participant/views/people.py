"""Staff pages for one person's data: download everything held about them, or erase it."""

from django.contrib import messages
from django.forms import Form
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, View

from activities.views.people import ParticipantObjectMixin
from involvement.permissions import OrganisationPermissionMixin

from .. import selectors, services


class ParticipantExportView(OrganisationPermissionMixin, ParticipantObjectMixin, View):
    """Everything held about a person, as a JSON file staff can hand to them."""

    permission_required = "participants.export"

    def get(self, request, *args, **kwargs):
        participant = self.get_object()
        response = JsonResponse(
            selectors.participant_export(participant=participant),
            json_dumps_params={"indent": 2, "ensure_ascii": False},
        )
        response["Content-Disposition"] = f'attachment; filename="person-{participant.pk}.json"'
        response["Cache-Control"] = "no-store"
        return response


class ParticipantEraseView(OrganisationPermissionMixin, ParticipantObjectMixin, FormView):
    permission_required = "participants.erase"
    form_class = Form
    template_name = "participant/participant_confirm_erase.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(participant=self.get_object(), **kwargs)

    def form_valid(self, form):
        participant = services.participant_erase(participant=self.get_object())
        messages.success(self.request, _("Their identity and personal details were erased."))
        return redirect("activities:participant-detail", pk=participant.pk)
