"""Everything held about one person, as plain data they can be given (a subject access
request). Feedback lives in the quality app, which imports this one: it is imported inside the
function that reads it, so neither app needs the other at import time."""

from django.utils import timezone

from ..models import DEMOGRAPHIC_FIELDS, AboutYou, Attendance, Participant
from .demographics import question_label
from .people import involvements_of_participant


def participant_export(participant: Participant) -> dict:
    """Everything held about one person, as plain data they can be given (a subject access
    request): their record, their part in each activity, attendance, agreements."""
    fields = ["name", "email", "phone", "postal_address", "contact_by", "access_notes"]
    involvements = involvements_of_participant(participant)
    attendance = Attendance.objects.filter(participant=participant).select_related(
        "session__activity"
    )
    return {
        "exported_at": timezone.now().isoformat(),
        "organisation": participant.organisation.name,
        "record": {
            **{field: getattr(participant, field) for field in fields},
            "preferred_formats": participant.preferred_format_labels(),
            "access_needs": participant.access_need_labels(),
            "wants_payment": participant.wants_payment,
            "recorded_on": participant.created_at.date().isoformat(),
        },
        "involvements": [
            {
                "activity": i.activity.title,
                "role": i.get_role_display(),
                "came_in": i.get_came_in_display(),
                "started_on": i.started_on.isoformat(),
                "ended_on": i.ended_on.isoformat() if i.ended_on else None,
            }
            for i in involvements
        ],
        "attendance": [
            {
                "activity": a.session.activity.title,
                "session": a.session.starts_at.isoformat(),
                "status": a.get_status_display(),
            }
            for a in attendance
        ],
        "agreements_taken_part_in": list(
            participant.agreements.values_list("activity__title", flat=True)
        ),
        "about_you": _about_you(participant),
        **_feedback(participant),
        **_outcomes(participant),
        "suggestions_and_requests": _contributions(participant),
    }


def _contributions(participant: Participant) -> list[dict]:
    """What they asked for ("you said") and what was done. (quality imports this app, so
    it is imported here, when the export runs.)"""
    from quality.models import Contribution

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


def _outcomes(participant: Participant) -> dict:
    """Training completed and the before-and-after scores the person gave. (outcomes
    imports this app, so it is imported here, when the export runs.)"""
    from outcomes.models import SelfReport, TrainingRecord

    training = TrainingRecord.objects.filter(participant=participant)
    scores = SelfReport.objects.filter(response__request__participant=participant).select_related(
        "activity_measure__measure", "activity_measure__activity"
    )
    return {
        "training_completed": [
            {"training": t.course, "completed_on": t.completed_on.isoformat()} for t in training
        ],
        "changes_you_scored": [
            {
                "activity": s.activity_measure.activity.title,
                "question": s.activity_measure.measure.question,
                "before": s.before,
                "now": s.after,
            }
            for s in scores
        ],
    }


def _iso_date(moment) -> str | None:
    """The day in the site's time zone, as the rest of the app counts days."""
    return timezone.localtime(moment).date().isoformat() if moment else None


def _iso(moment) -> str | None:
    return moment.isoformat() if moment else None


def _about_you(participant: Participant) -> dict | None:
    about = AboutYou.objects.filter(participant=participant).first()
    if about is None:
        return None
    return {
        "answers": [
            {
                "question": str(question_label(question)),
                "answer": str(getattr(about, f"get_{question}_display")()) or None,
            }
            for question in DEMOGRAPHIC_FIELDS
        ],
        "consent_wording": about.consent_wording,
        "consented_at": about.consented_at.isoformat(),
    }


def _feedback(participant: Participant) -> dict:
    """Each time they were asked for feedback, and what they answered."""
    from quality.models import FeedbackRequest

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
    from quality.questions import NAME, QUESTIONS, QUOTE, TEXT, choices_for

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
