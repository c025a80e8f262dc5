"""The order of a person's pages through their feedback link, in one list.

The feedback questions come first; once they are sent, "what has changed for you" (only when
the activity asks people to score changes themselves, and they have not yet), then "about
you" (only for people who have not answered it before), then "thank you". Each page hands on
with `url_after(its step, ...)`, which skips the steps this person does not need.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse

from activities.models import AboutYou
from outcomes.models import SelfReport
from outcomes.selectors import self_reported_uses
from quality.models import FeedbackRequest, FeedbackResponse


@dataclass(frozen=True)
class Step:
    """One step: the URL names of its pages (the first is where it starts), the name its
    pages give the easy-read switch to come back to ("" for none), and whether this person
    needs it."""

    url_names: tuple[str, ...]
    page: str
    needed: Callable[[FeedbackRequest], bool]


def _always(feedback_request: FeedbackRequest) -> bool:
    return True


def _changes_needed(feedback_request: FeedbackRequest) -> bool:
    """The activity asks about changes, and this person's scores are not in yet."""
    response = FeedbackResponse.objects.filter(request=feedback_request).first()
    if response is None or SelfReport.objects.filter(response=response).exists():
        return False
    return self_reported_uses(activity=feedback_request.activity).exists()


def _about_you_needed(feedback_request: FeedbackRequest) -> bool:
    return not AboutYou.objects.filter(participant=feedback_request.participant_id).exists()


FEEDBACK = Step(
    ("participant:feedback-form", "participant:feedback-easy", "participant:feedback-easy-send"),
    "",
    _always,
)
CHANGES = Step(("participant:self-report",), "changes", _changes_needed)
ABOUT_YOU = Step(
    ("participant:about-you", "participant:about-you-easy"), "about-you", _about_you_needed
)
THANKS = Step(("participant:feedback-thanks",), "", _always)

STEPS = [FEEDBACK, CHANGES, ABOUT_YOU, THANKS]


def url_after(step: Step, feedback_request: FeedbackRequest) -> str:
    """The first page after `step` that this person needs ("thank you" always is)."""
    later = STEPS[STEPS.index(step) + 1 :]
    following = next(s for s in later if s.needed(feedback_request))
    return url_of(following, feedback_request.pk)


def url_of(step: Step, pk: int) -> str:
    return reverse(step.url_names[0], args=[pk])


def page_of(view_name: str) -> str:
    """The name a page gives the easy-read switch, so the switch can come back to it."""
    return next((s.page for s in STEPS if view_name in s.url_names), "")


def step_of_page(page: str) -> Step:
    """The step an easy-read switch comes back to; "thank you" for any other page."""
    return next((s for s in STEPS if page and s.page == page), THANKS)
