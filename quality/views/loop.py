"""Closing the loop: what people said about an activity, what was done about it, and the
public "you said, we did" page staff can choose to publish."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe
from django.views.generic import FormView, TemplateView

from activities.models import Activity, Participant
from involvement.permissions import OrganisationPermissionMixin, get_for_user

from .. import selectors, services
from ..forms import ContributionForm, ContributionResponseForm
from ..models import Contribution, FeedbackResponse


def _activity(request, pk, action) -> Activity:
    return get_for_user(request, Activity.objects.all(), action, pk=pk)


class ActivityLoopMixin(OrganisationPermissionMixin):
    def fetch_objects(self):
        self.activity = _activity(self.request, self.kwargs["pk"], self.permission_required)

    def get_context_data(self, **kwargs):
        return super().get_context_data(activity=self.activity, **kwargs)


class ContributionListView(ActivityLoopMixin, TemplateView):
    permission_required = "contributions.view"
    template_name = "quality/contribution_list.html"

    def get_context_data(self, **kwargs):
        organisation = self.request.organisation
        page = getattr(self.activity, "loop_page", None)
        return super().get_context_data(
            contributions=selectors.contributions_of(self.activity, organisation=organisation),
            comments=selectors.comments_to_take(self.activity),
            figures=selectors.loop_figures(organisation=organisation, activity=self.activity),
            published=bool(page and page.published_at),
            loop_page=page,
            **kwargs,
        )


class ContributionCreateView(ActivityLoopMixin, FormView):
    permission_required = "contributions.change"
    template_name = "quality/contribution_form.html"

    def get_form(self, form_class=None):
        people = Participant.objects.involved_in(self.activity).not_erased()
        return ContributionForm(**self.get_form_kwargs(), participants=people)

    def form_valid(self, form):
        services.contribution_add(
            activity=self.activity,
            participant=form.cleaned_data["participant"],
            raised_on=form.cleaned_data["raised_on"],
            text=form.cleaned_data["text"],
            source=form.cleaned_data["source"],
            created_by=self.request.user,
            submission_key=form.cleaned_data.get("submission_key"),
        )
        messages.success(self.request, _("Saved. Now record what was done about it."))
        return redirect("quality:contribution-list", pk=self.activity.pk)


@require_POST
@login_required
def contribution_from_comment(request, pk):
    """Take a feedback comment as a contribution, with one click."""
    activity = _activity(request, pk, "contributions.change")
    response = (
        FeedbackResponse.objects.filter(
            activity=activity, pk=request.POST.get("response", "")
        ).first()
        if request.POST.get("response", "").isdecimal()
        else None
    )
    if response is None:
        raise Http404
    try:
        services.contribution_from_comment(
            response=response, field=request.POST.get("field", ""), created_by=request.user
        )
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Added to “you said”. Now record what was done about it."))
    return redirect("quality:contribution-list", pk=activity.pk)


class ContributionRespondView(OrganisationPermissionMixin, FormView):
    permission_required = "contributions.change"
    template_name = "quality/contribution_respond.html"

    def fetch_objects(self):
        contributions = Contribution.objects.select_related("activity", "participant")
        self.contribution = get_for_user(
            self.request, contributions, self.permission_required, pk=self.kwargs["pk"]
        )

    def get_form(self, form_class=None):
        return ContributionResponseForm(**self.get_form_kwargs(), contribution=self.contribution)

    def get_initial(self):
        return ContributionResponseForm.initial_from(self.contribution)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            contribution=self.contribution, activity=self.contribution.activity, **kwargs
        )

    def form_valid(self, form):
        services.contribution_respond(
            contribution=self.contribution, responded_by=self.request.user, **form.cleaned_data
        )
        messages.success(self.request, _("Response saved."))
        return redirect("quality:contribution-list", pk=self.contribution.activity_id)


@require_POST
@login_required
def loop_page_publish(request, pk):
    activity = _activity(request, pk, "contributions.change")
    publish = request.POST.get("publish") == "yes"
    services.loop_page_publish(activity=activity, publish=publish)
    messages.success(
        request,
        _("The “you said, we did” page is published.")
        if publish
        else _("The page is no longer published."),
    )
    return redirect("quality:contribution-list", pk=activity.pk)


@require_safe
def loop_page_public(request, slug):
    """The published page: what was asked and what was done, with no one's name."""
    page = selectors.published_loop_page(slug)
    if page is None:
        raise Http404
    responded = Contribution.objects.filter(
        activity=page.activity, status=Contribution.Status.RESPONDED
    ).order_by("-raised_on", "-pk")
    context = {"page": page, "activity": page.activity, "contributions": responded}
    return render(request, "quality/loop_public.html", context)
