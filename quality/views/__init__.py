"""Feedback views: the person's own pages (through their link) and the staff pages."""

from django.urls import resolve
from django.urls.exceptions import Resolver404
from django.views.csrf import csrf_failure as django_csrf_failure

from involvement.caching import private

from . import access
from .about_you import about_you, about_you_easy
from .easy import feedback_easy, feedback_easy_send
from .participant import (
    easy_read_switch,
    feedback_form,
    feedback_saved,
    feedback_start,
    feedback_thanks,
)
from .staff import (
    FeedbackLetterView,
    FeedbackOnBehalfView,
    FeedbackOverviewView,
    FeedbackResultsView,
    FeedbackRevokeView,
    FeedbackSendView,
    feedback_remind,
    feedback_remind_all,
)

KEEPS_TYPING = {"feedback-form", "feedback-easy"}


def csrf_failure(request, reason=""):
    """A rotated or missing CSRF token on a feedback page: nothing is saved, but what the
    person typed is kept and put back when they return to the page."""
    try:
        match = resolve(request.path_info)
    except Resolver404:
        match = None
    if match and match.namespace == "quality" and match.url_name in KEEPS_TYPING:
        access.stash(request, match.kwargs["pk"], request.POST)
        kept = private(lambda r: access.link_not_working(r, status=403, kept=True))
        return kept(request)
    return django_csrf_failure(request, reason=reason)


__all__ = [
    "FeedbackLetterView",
    "FeedbackOnBehalfView",
    "FeedbackOverviewView",
    "FeedbackResultsView",
    "FeedbackRevokeView",
    "FeedbackSendView",
    "about_you",
    "about_you_easy",
    "csrf_failure",
    "easy_read_switch",
    "feedback_easy",
    "feedback_easy_send",
    "feedback_form",
    "feedback_remind",
    "feedback_remind_all",
    "feedback_saved",
    "feedback_start",
    "feedback_thanks",
]
