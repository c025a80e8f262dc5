"""One person's part in quality, for their data export: each time they were asked for
feedback and what they answered, and what they asked for ("you said") and what was done."""

from django.utils import timezone

from activities.models import Participant

from ..models import Contribution, FeedbackRequest
from ..questions import NAME, QUESTIONS, QUOTE, TEXT, choices_for


def feedback_export_for(*, participant: Participant) -> dict:
    """Each time they were asked for feedback, and what they answered."""
    asked = (
        FeedbackRequest.objects.filter(participant=participant)
        .select_related("activity", "session", "response")
        .order_by("created_at", "pk")
    )
    requests, responses = [], []
    for request in asked:
        requests.append(
            {
                "activity": request.activity.title,
                "session": _iso(request.session.starts_at) if request.session else None,
                "sent_by": str(request.get_channel_display()),
                "sent_at": _iso(request.sent_at),
                "reminded_at": _iso(request.reminded_at),
                "revoked_at": _iso(request.revoked_at),
            }
        )
        response = getattr(request, "response", None)
        if response is not None:
            responses.append(_feedback_response(request.activity, response))
    return {"feedback_requests": requests, "feedback_responses": responses}


def _feedback_response(activity, response) -> dict:
    answers = []
    for question in QUESTIONS:
        if question.kind in (NAME, QUOTE):
            continue
        value = getattr(response, question.key)
        if question.kind != TEXT:
            value = str(dict(choices_for(question)).get(value, value))
        answers.append({"question": str(question.text), "answer": value or None})
    return {
        "activity": activity.title,
        "status": str(response.get_status_display()),
        "method": str(response.get_method_display()),
        "answers": answers,
        "anonymous": response.anonymous,
        "may_quote_in_reports": response.may_quote,
        "submitted_at": _iso(response.submitted_at),
    }


def contributions_export_for(*, participant: Participant) -> list[dict]:
    """What they asked for ("you said") and what was done."""
    mine = Contribution.objects.filter(participant=participant).select_related("activity")
    return [
        {
            "activity": c.activity.title,
            "raised_on": c.raised_on.isoformat(),
            "you_said": c.text,
            "decision": c.get_decision_display() if c.decision else None,
            "what_changed": c.what_changed,
            "reason": c.reason,
            "who_decides": c.who_decides,
            "told_on": _iso_date(c.told_at),
            "told_how": c.get_told_how_display() if c.told_how else None,
            "happy_with_it": c.get_satisfied_display() if c.satisfied else None,
            "what_you_said_about_it": c.satisfaction_comment,
        }
        for c in mine
    ]


def _iso_date(moment) -> str | None:
    """The day in the site's time zone, as the rest of the app counts days."""
    return timezone.localtime(moment).date().isoformat() if moment else None


def _iso(moment) -> str | None:
    return moment.isoformat() if moment else None
