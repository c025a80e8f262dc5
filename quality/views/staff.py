"""Staff pages for feedback: ask people, remind, revoke, print a letter, enter an answer
given on paper or by phone, and read the results."""

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms import Form
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView

from activities.models import Activity, Participant
from involvement.caching import private
from involvement.permissions import OrganisationPermissionMixin, get_for_user

from .. import selectors, services
from ..forms import FeedbackSendForm, OnBehalfForm
from ..links import feedback_link_url
from ..models import FeedbackRequest


def _activity(request, pk, action) -> Activity:
    return get_for_user(request, Activity.objects.select_related("organisation"), action, pk=pk)


def _about_query(session) -> str:
    return f"?session={session.pk}" if session else ""


def _feedback_url(activity, session=None) -> str:
    return reverse("quality:feedback-overview", args=[activity.pk]) + _about_query(session)


def _session_asked_about(request, activity):
    """Feedback is about the whole activity, or about one session named by `?session=`."""
    value = request.GET.get("session", "")
    if not value:
        return None
    if not (value.isascii() and value.isdigit()):
        raise Http404
    session = selectors.sessions_held(activity).filter(pk=value).first()
    if session is None:
        raise Http404
    return session


class ActivityFeedbackMixin(OrganisationPermissionMixin):
    """The activity in the URL, and the session the feedback is about, if any."""

    def fetch_objects(self):
        self.activity = _activity(self.request, self.kwargs["pk"], self.permission_required)
        self.session = _session_asked_about(self.request, self.activity)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            activity=self.activity,
            session=self.session,
            about_query=_about_query(self.session),
            **kwargs,
        )


class FeedbackOverviewView(ActivityFeedbackMixin, TemplateView):
    permission_required = "feedback.view"
    template_name = "quality/feedback_overview.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            people=selectors.feedback_people(activity=self.activity, session=self.session),
            rate=selectors.response_rate(self.activity, self.session),
            sessions=selectors.sessions_held(self.activity),
            link_days=settings.FEEDBACK_LINK_DAYS,
            **kwargs,
        )


class FeedbackSendView(ActivityFeedbackMixin, FormView):
    permission_required = "feedback.send"
    form_class = FeedbackSendForm
    template_name = "quality/feedback_send.html"

    def get_form_kwargs(self):
        people = Participant.objects.involved_in(self.activity).not_erased().exclude(email="")
        return {**super().get_form_kwargs(), "people": people}

    def form_valid(self, form):
        requests = services.feedback_request_send(
            activity=self.activity,
            participants=list(form.cleaned_data["people"]),
            created_by=self.request.user,
            session=self.session,
        )
        # "Shortly": a job sends them, and if the broker is down, the outbox's next sweep.
        count = len(requests)
        messages.success(
            self.request,
            ngettext(
                "%(n)d personal link will be sent by email shortly.",
                "%(n)d personal links will be sent by email shortly.",
                count,
            )
            % {"n": count},
        )
        return redirect(_feedback_url(self.activity, self.session))


def _request(request, pk, action) -> FeedbackRequest:
    return get_for_user(
        request,
        FeedbackRequest.objects.select_related("activity", "participant", "response", "session"),
        action,
        pk=pk,
    )


@require_POST
@login_required
def feedback_remind(request, pk):
    """Remind one person (`pk` is their request); also how staff retry a failed email."""
    one = _request(request, pk, "feedback.send")
    return _remind(request, one.activity, [one], one.session)


@require_POST
@login_required
def feedback_remind_all(request, pk):
    """Remind everyone asked about the activity who has not answered."""
    activity = _activity(request, pk, "feedback.send")
    session = _session_asked_about(request, activity)
    return _remind(request, activity, list(selectors.requests_of(activity, session)), session)


def _remind(request, activity, requests, session):
    count = services.feedback_request_remind(requests=requests)
    messages.success(
        request,
        ngettext(
            "%(n)d reminder will be sent by email shortly.",
            "%(n)d reminders will be sent by email shortly.",
            count,
        )
        % {"n": count},
    )
    return redirect(_feedback_url(activity, session))


class FeedbackRequestMixin(OrganisationPermissionMixin):
    permission_required = "feedback.send"

    def fetch_objects(self):
        self.feedback_request = _request(self.request, self.kwargs["pk"], self.permission_required)
        self.activity = self.feedback_request.activity

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            activity=self.activity,
            feedback_request=self.feedback_request,
            about_query=_about_query(self.feedback_request.session),
            **kwargs,
        )


class FeedbackRevokeView(FeedbackRequestMixin, FormView):
    form_class = Form
    template_name = "quality/feedback_confirm_revoke.html"

    def form_valid(self, form):
        services.feedback_request_revoke(request=self.feedback_request)
        messages.success(self.request, _("Their link no longer works."))
        return redirect(_feedback_url(self.activity, self.feedback_request.session))


class PersonFeedbackMixin(ActivityFeedbackMixin):
    """An activity and one person involved in it, both from the URL."""

    def fetch_objects(self):
        super().fetch_objects()
        self.participant = get_for_user(
            self.request,
            Participant.objects.involved_in(self.activity).not_erased(),
            self.permission_required,
            pk=self.kwargs["participant_pk"],
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(participant=self.participant, **kwargs)


class FeedbackLetterView(PersonFeedbackMixin, FormView):
    """A printable letter with a new personal link and its QR code. Made on POST, as it
    creates the link; never cached."""

    permission_required = "feedback.send"
    form_class = Form
    template_name = "quality/feedback_letter_confirm.html"

    def form_valid(self, form):
        feedback_request, token = services.feedback_letter_issue(
            activity=self.activity,
            participant=self.participant,
            created_by=self.request.user,
            session=self.session,
        )
        link = feedback_link_url(token)
        # segno writes the SVG from the link alone; nothing user-typed goes into it.
        qr = mark_safe(segno.make(link, error="m").svg_inline(scale=4, title=""))  # noqa: S308
        context = self.get_context_data(
            feedback_request=feedback_request, link=link, qr=qr, days=settings.FEEDBACK_LINK_DAYS
        )
        return private(lambda r: render(r, "quality/feedback_letter.html", context))(self.request)


class FeedbackOnBehalfView(PersonFeedbackMixin, FormView):
    """Staff type in an answer someone gave on paper or by phone; it is marked as such."""

    permission_required = "feedback.send"
    form_class = OnBehalfForm
    template_name = "quality/feedback_on_behalf.html"

    def form_valid(self, form):
        if selectors.has_answered(self.activity, self.participant, self.session):
            messages.info(self.request, _("They had already answered; nothing was changed."))
            return redirect(_feedback_url(self.activity, self.session))
        services.feedback_on_behalf(
            activity=self.activity,
            participant=self.participant,
            values=form.response_values(),
            method=form.cleaned_data["method"],
            entered_by=self.request.user,
            session=self.session,
        )
        messages.success(self.request, _("Their answers were saved."))
        return redirect(_feedback_url(self.activity, self.session))


class FeedbackResultsView(ActivityFeedbackMixin, TemplateView):
    permission_required = "feedback.view"
    template_name = "quality/feedback_results.html"

    def get_context_data(self, **kwargs):
        threshold = self.request.organisation.suppression_threshold
        return super().get_context_data(
            results=selectors.feedback_results(self.activity, threshold, self.session),
            rate=selectors.response_rate(self.activity, self.session),
            not_answered=selectors.not_answered(self.activity, self.session),
            **kwargs,
        )
