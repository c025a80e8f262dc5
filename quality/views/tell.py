"""Staff telling the person what was done ("we did") and recording their answer when they
give it in person or by phone. The person's own pages are in reply.py."""

import segno
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.generic import FormView

from involvement.caching import private
from involvement.permissions import OrganisationPermissionMixin, get_for_user

from .. import services
from ..forms import TellForm, TheirAnswerForm
from ..models import Contribution

PREVIEW_LINK = "https://…"


class ContributionStepMixin(OrganisationPermissionMixin):
    """A contribution of the user's organisation, at a step where `step` may happen; at any
    other step the page says why and sends staff back to the list."""

    permission_required = "contributions.change"
    step = ""

    def fetch_objects(self):
        contributions = Contribution.objects.select_related(
            "activity", "participant", "organisation"
        )
        self.contribution = get_for_user(
            self.request, contributions, self.permission_required, pk=self.kwargs["pk"]
        )

    def dispatch_checked(self):
        try:
            self.contribution.check_step(self.step)
        except ValidationError as error:
            messages.error(self.request, error.messages[0])
            return redirect(self.list_url())
        return None

    def list_url(self) -> str:
        url = reverse("quality:contribution-list", args=[self.contribution.activity_id])
        return f"{url}#contribution-{self.contribution.pk}"

    def get(self, request, *args, **kwargs):
        return self.dispatch_checked() or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self.dispatch_checked() or super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            contribution=self.contribution,
            activity=self.contribution.activity,
            back_url=self.list_url(),
            **kwargs,
        )


class ContributionTellView(ContributionStepMixin, FormView):
    """Tell the person: by email (a job sends it), a letter to print, or record that they
    were told in person. The page shows the message they will get."""

    step = "tell"
    template_name = "quality/contribution_tell.html"

    def get_form(self, form_class=None):
        return TellForm(**self.get_form_kwargs(), contribution=self.contribution)

    def get_context_data(self, **kwargs):
        easy = services.message_context(self.contribution, PREVIEW_LINK)["easy_read"]
        return super().get_context_data(
            preview=services.message_text(self.contribution, PREVIEW_LINK),
            easy_read_preferred=easy,
            **kwargs,
        )

    def form_valid(self, form):
        how, user = form.cleaned_data["how"], self.request.user
        if how == Contribution.ToldHow.LETTER:
            return self._letter()
        if how == Contribution.ToldHow.EMAIL:
            services.contribution_tell_by_email(contribution=self.contribution, told_by=user)
            messages.success(self.request, _("The email will be sent shortly."))
        else:
            services.contribution_told_in_person(contribution=self.contribution, told_by=user)
            messages.success(
                self.request, _("Recorded. When they tell you if they are happy, record it.")
            )
        return redirect(self.list_url())

    def _letter(self):
        contribution, token = services.contribution_letter_issue(
            contribution=self.contribution, told_by=self.request.user
        )
        link = services.reply_url(token)
        # segno writes the SVG from the link alone; nothing user-typed goes into it.
        qr = mark_safe(segno.make(link, error="m").svg_inline(scale=4, title=""))  # noqa: S308
        context = {
            **services.message_context(contribution, link),
            "qr": qr,
            "back_url": self.list_url(),
            "days": settings.FEEDBACK_LINK_DAYS,
        }
        return private(lambda r: render(r, "quality/loop_letter.html", context))(self.request)


class ContributionAnswerView(ContributionStepMixin, FormView):
    """Record the person's answer when they gave it in person or by phone."""

    step = "rate"
    template_name = "quality/contribution_answer.html"

    def get_form(self, form_class=None):
        return TheirAnswerForm(**self.get_form_kwargs())

    def get_initial(self):
        return {
            "satisfied": self.contribution.satisfied,
            "comment": self.contribution.satisfaction_comment,
        }

    def form_valid(self, form):
        services.contribution_rate(
            contribution=self.contribution,
            satisfied=form.cleaned_data["satisfied"],
            comment=form.cleaned_data["comment"],
        )
        messages.success(self.request, _("Their answer is saved."))
        return redirect(self.list_url())
