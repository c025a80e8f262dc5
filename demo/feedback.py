"""Demo feedback for some Brightwater activities: people asked by email, by letter and on
their behalf, with answers sent, half-done and not yet given, and one link stopped.

Answers go through the real services. Emailed requests are written directly, as the service
would send real emails; their links are issued as the email job would issue them. Dates are
then moved back, so the overview reads as weeks of asking rather than one afternoon.
"""

import datetime
import random

from django.db.models import F
from django.utils import timezone

from activities.models import Activity, Participant
from involvement.models import Organisation, User
from quality import services
from quality.links import feedback_link_path
from quality.models import FeedbackLink, FeedbackRequest, FeedbackResponse, Rating
from quality.questions import RATING_KEYS

from .activities import demo_key
from .data import load

ORGANISATION = "brightwater"

# What was asked of whom and what they said: involvement/reference/demo/brightwater-feedback.yaml.
DATA = load("brightwater-feedback")
PLAN = DATA["asked"]
MOODS, SAYS = DATA["moods"], DATA["says"]
GOOD, DIFFERENTLY, ELSE = DATA["good"], DATA["differently"], DATA["else"]
RATINGS = [r.value for r in Rating]


def ensure_demo_feedback(people: dict[str, User]) -> int:
    """Ask for and record feedback on the planned activities that have none yet; return how
    many answers the demo organisation has."""
    organisation = Organisation.objects.get(slug=ORGANISATION)
    staff = people["staff"]
    for title, plan in PLAN.items():
        activity = _activity(organisation, title)
        if activity is None or FeedbackRequest.objects.filter(activity=activity).exists():
            continue
        for number, asked in enumerate(plan):
            participant = _involved(activity, asked["name"])
            if participant is not None:
                _ask(activity, participant, asked["channel"], asked["outcome"], staff, number)
    return FeedbackResponse.objects.submitted().filter(organisation=organisation).count()


def demo_feedback_link(people: dict[str, User]) -> str | None:
    """A fresh personal link (the path, with its token) for a demo person who has not
    answered yet, to try the form as they would."""
    organisation = Organisation.objects.get(slug=ORGANISATION)
    activity = _activity(organisation, DATA["try_it"]["activity"])
    if activity is None:
        return None
    for name in DATA["try_it"]["names"]:
        participant = _involved(activity, name)
        if participant is None:
            continue
        request = FeedbackRequest.objects.filter(
            activity=activity, participant=participant, session__isnull=True
        ).first()
        if request and (request.revoked_at or _submitted(request)):
            continue
        _request, token = services.feedback_letter_issue(
            activity=activity, participant=participant, created_by=people["staff"]
        )
        return feedback_link_path(token)
    return None


def _activity(organisation, title) -> Activity | None:
    return Activity.objects.filter(
        organisation=organisation, submission_key=demo_key(organisation, title)
    ).first()


def _involved(activity, name) -> Participant | None:
    return Participant.objects.involved_in(activity).not_erased().filter(name=name).first()


def _submitted(request) -> bool:
    return FeedbackResponse.objects.submitted().filter(request=request).exists()


def _ask(activity, participant, channel, outcome, staff, number) -> None:
    rng = random.Random(f"{activity.title}:{participant.name}")
    # Spread over the last ten weeks or so, so the quarter just ended (the demo's board
    # report) has answers as well as this one.
    asked = timezone.now() - datetime.timedelta(days=70 - 2 * number)
    values = _answers(activity.title, rng)
    if outcome in {"paper", "phone"}:
        if channel == "letter":
            services.feedback_letter_issue(
                activity=activity, participant=participant, created_by=staff
            )
        response = services.feedback_on_behalf(
            activity=activity,
            participant=participant,
            values=values,
            method=outcome,
            entered_by=staff,
        )
        request = response.request
    else:
        request = _request(activity, participant, channel, staff)
        if outcome == "link":
            services.feedback_save(request=request, values=values, submit=True)
        elif outcome == "draft":
            half = dict(list(values.items())[:5])
            services.feedback_save(request=request, values=half, submit=False)
        elif outcome == "revoked":
            services.feedback_request_revoke(request=request)
    FeedbackRequest.objects.filter(pk=request.pk).update(
        sent_at=asked, created_at=asked, reminders=1 if outcome == "waiting" else 0
    )
    FeedbackLink.objects.filter(request=request).update(
        created_at=asked, expires_at=F("expires_at") - (timezone.now() - asked)
    )
    FeedbackResponse.objects.filter(request=request, submitted_at__isnull=False).update(
        submitted_at=asked + datetime.timedelta(days=rng.randint(1, 12))
    )


def _request(activity, participant, channel, staff) -> FeedbackRequest:
    if channel == "letter":
        request, _token = services.feedback_letter_issue(
            activity=activity, participant=participant, created_by=staff
        )
        return request
    request = FeedbackRequest.objects.create(
        organisation=activity.organisation,
        activity=activity,
        participant=participant,
        channel=FeedbackRequest.Channel.EMAIL,
        created_by=staff,
        sent_at=timezone.now(),
    )
    FeedbackLink.issue(request)
    return request


def _answers(title, rng) -> dict:
    weights = MOODS[title]
    values = {key: rng.choices(RATINGS, weights=weights)[0] for key in RATING_KEYS}
    # In the well-liked forum everyone felt listened to and understood their role: counts
    # that are all above the threshold, so the results show real numbers, not *.
    if weights[0] > 70:
        values["listened_to"] = values["understood_role"] = Rating.YES.value
    values["say"] = rng.choice(SAYS[title])
    values["what_was_good"] = rng.choice(GOOD) if rng.random() < 0.7 else ""
    values["do_differently"] = rng.choice(DIFFERENTLY) if rng.random() < 0.5 else ""
    values["anything_else"] = rng.choice(ELSE) if rng.random() < 0.3 else ""
    values["anonymous"] = rng.choice([True, False, False, None])
    values["may_quote"] = rng.choice([True, True, False, None])
    return values
