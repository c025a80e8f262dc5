"""Reads for feedback: who has been asked and has answered, and what the answers say."""

import hashlib

from django.db.models import Count, Max, Q, QuerySet
from django.utils import timezone

from activities.models import Activity, Involvement, Session
from involvement.suppression import suppress, suppress_breakdown

from ..models import FeedbackRequest, FeedbackResponse
from ..questions import QUESTIONS, RATING_KEYS, SAY, TEXT_KEYS, choices_for


def requests_of(activity: Activity, session: Session | None = None) -> QuerySet:
    """Requests about the whole activity, or about one of its sessions."""
    return (
        FeedbackRequest.objects.filter(activity=activity, session=session)
        .select_related("participant", "response")
        .annotate(link_expires_at=Max("links__expires_at"))
    )


def feedback_people(*, activity: Activity, session: Session | None = None) -> list[dict]:
    """Everyone involved in the activity with where their feedback stands."""
    involvements = (
        Involvement.objects.filter(activity=activity, participant__erased_at__isnull=True)
        .select_related("participant")
        .order_by("participant__name")
    )
    requests = {r.participant_id: r for r in requests_of(activity, session)}
    now = timezone.now()
    return [
        {
            "participant": i.participant,
            "request": requests.get(i.participant_id),
            "status": _status(requests.get(i.participant_id), now),
        }
        for i in involvements
    ]


def sessions_held(activity: Activity) -> QuerySet:
    """The sessions people can be asked about: those that have started."""
    return Session.objects.filter(activity=activity, starts_at__lte=timezone.now()).order_by(
        "starts_at"
    )


def _status(request, now) -> str:
    if request is None:
        return "not_asked"
    response = getattr(request, "response", None)
    if response and response.is_submitted():
        return "answered"
    if request.revoked_at:
        return "revoked"
    if request.email_error:
        return "failed"
    if request.link_expires_at and request.link_expires_at <= now:
        return "expired"
    if request.email_queued_at and not request.sent_at:
        return "sending"
    return "started" if response else "waiting"


def response_rate(activity: Activity, session: Session | None = None) -> dict:
    """How many were asked (links not revoked, or answers entered) and how many answered."""
    counts = FeedbackRequest.objects.filter(activity=activity, session=session).aggregate(
        asked=Count("pk", filter=Q(revoked_at__isnull=True) | Q(response__status="submitted")),
        answered=Count("pk", filter=Q(response__status=FeedbackResponse.Status.SUBMITTED)),
    )
    asked, answered = counts["asked"], counts["answered"]
    counts["percent"] = round(100 * answered / asked) if asked else None
    return counts


def feedback_results(activity: Activity, threshold: int, session: Session | None = None) -> dict:
    """Each question's answers counted in one query, small counts hidden, and the comments
    (names only where people agreed to be named)."""
    submitted = FeedbackResponse.objects.submitted().filter(
        activity=activity, request__session=session
    )
    aggregates = {"total": Count("pk")}
    questions = [q for q in QUESTIONS if q.key in RATING_KEYS or q.kind == SAY]
    for q in questions:
        for value, _label in choices_for(q):
            aggregates[f"{q.key}__{value}"] = Count("pk", filter=Q(**{q.key: value}))
    counts = submitted.aggregate(**aggregates)
    return {
        "total": counts["total"],
        "total_shown": suppress(counts["total"], threshold),
        "questions": [_distribution(q, counts, threshold) for q in questions],
        "comments": _comments(submitted),
    }


def _distribution(question, counts, threshold) -> dict:
    parts = {value: counts[f"{question.key}__{value}"] for value, _l in choices_for(question)}
    answered = sum(parts.values())
    total_shown, shown = suppress_breakdown(answered, parts, threshold)
    rows = [
        {
            "label": label,
            "count": shown[value],
            "percent": round(100 * parts[value] / answered)
            if answered and shown[value] != "*"
            else None,
        }
        for value, label in choices_for(question)
    ]
    return {"question": question, "answered": total_shown, "rows": rows}


def _comments(submitted: QuerySet) -> dict[str, list[dict]]:
    """Comments per question in a stable order unrelated to who wrote them or when, so an
    anonymous comment cannot be matched to a name by its position."""
    rows = submitted.select_related("request__participant").only(
        "pk",
        "anonymous",
        "request__participant__name",
        "request__participant__erased_at",
        *TEXT_KEYS,
    )
    comments = {key: [] for key in TEXT_KEYS}
    for response in sorted(rows, key=lambda r: hashlib.sha256(str(r.pk).encode()).hexdigest()):
        participant = response.request.participant
        named = response.anonymous is False and participant.erased_at is None
        for key in TEXT_KEYS:
            text = getattr(response, key)
            if text:
                comments[key].append({"text": text, "name": participant.name if named else None})
    return comments


def not_answered(activity: Activity, session: Session | None = None) -> list:
    """People asked who have not sent an answer (revoked links left out)."""
    return [
        row["participant"]
        for row in feedback_people(activity=activity, session=session)
        if row["status"] in {"waiting", "started", "sending", "failed", "expired"}
    ]


def has_answered(activity: Activity, participant, session: Session | None = None) -> bool:
    return (
        FeedbackResponse.objects.submitted()
        .filter(activity=activity, request__participant=participant, request__session=session)
        .exists()
    )
