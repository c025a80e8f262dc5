"""Writes for feedback: asking people, their personal links, their answers."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from activities.models import AboutYou, Activity, Participant, Session
from involvement.jobs import enqueue_on_commit
from involvement.models import User

from ..models import FeedbackLink, FeedbackRequest, FeedbackResponse
from ..tasks import send_feedback_link


def _request_for(activity, participant, session, channel, created_by) -> FeedbackRequest:
    """The person's one request for this activity (or session), made now if new. Asking
    again after a revoke opens it again."""
    lookup = {"activity": activity, "participant": participant, "session": session}
    try:
        with transaction.atomic():
            request, created = FeedbackRequest.objects.get_or_create(
                **lookup,
                defaults={
                    "organisation": activity.organisation,
                    "channel": channel,
                    "created_by": created_by,
                },
            )
    except IntegrityError:
        request, created = FeedbackRequest.objects.get(**lookup), False
    if not created and request.revoked_at:
        request.revoked_at = None
        request.channel = channel
        request.save(update_fields=["revoked_at", "channel", "updated_at"])
    return request


@transaction.atomic
def feedback_request_send(
    *,
    activity: Activity,
    participants: list[Participant],
    created_by: User,
    session: Session | None = None,
) -> list[FeedbackRequest]:
    """Email each person a personal link, from a background job after commit; people who
    have already answered are left out. Returns the requests queued."""
    requests = [
        _request_for(activity, participant, session, FeedbackRequest.Channel.EMAIL, created_by)
        for participant in participants
    ]
    # Nobody who has already answered is asked again.
    answered = set(
        FeedbackResponse.objects.submitted()
        .filter(request__in=requests)
        .values_list("request_id", flat=True)
    )
    requests = [r for r in requests if r.pk not in answered]
    _queue_emails(requests, send_feedback_link)
    return requests


def _queue_emails(requests, task) -> None:
    now = timezone.now()
    ids = [r.pk for r in requests]
    FeedbackRequest.objects.filter(pk__in=ids).update(email_queued_at=now, email_error="")
    for pk in ids:
        enqueue_on_commit(task, pk)


@transaction.atomic
def feedback_request_remind(*, requests: list[FeedbackRequest]) -> int:
    """Email a reminder with a fresh link to those who have not answered; old links still
    work. Returns how many were queued."""
    waiting = [
        r
        for r in requests
        if not r.revoked_at
        and r.participant.email
        and not (hasattr(r, "response") and r.response.is_submitted())
    ]
    _queue_emails(waiting, send_feedback_link)
    return len(waiting)


@transaction.atomic
def feedback_letter_issue(
    *,
    activity: Activity,
    participant: Participant,
    created_by: User,
    session: Session | None = None,
) -> tuple[FeedbackRequest, str]:
    """A new link for a printed letter. The token is returned to be printed, never kept."""
    request = _request_for(
        activity, participant, session, FeedbackRequest.Channel.LETTER, created_by
    )
    _link, token = FeedbackLink.issue(request)
    if request.sent_at is None:
        request.sent_at = timezone.now()
        request.save(update_fields=["sent_at"])
    return request, token


def feedback_request_revoke(*, request: FeedbackRequest) -> FeedbackRequest:
    """Stop every link of this request working at once. Answers already given stay."""
    if request.revoked_at is None:
        request.revoked_at = timezone.now()
        request.email_queued_at = None
        request.save(update_fields=["revoked_at", "email_queued_at", "updated_at"])
    return request


def feedback_link_redeem(*, token: str) -> FeedbackRequest | None:
    """The request a personal link opens, or None when it is unknown, expired or revoked
    (the caller shows the same page for all three)."""
    link = FeedbackLink.redeem(token)
    return link.request if link else None


def feedback_save(
    *,
    request: FeedbackRequest,
    values: dict,
    submit: bool,
    method: str = FeedbackResponse.Method.LINK,
    entered_by: User | None = None,
) -> FeedbackResponse:
    """Save answers into the person's one response; `submit` sends it. Once sent, nothing
    changes it: a second submit (double click, back button, retry) records one answer."""
    with transaction.atomic():
        response = _locked_response(request, method)
        if response.is_submitted():
            return response
        for field, value in values.items():
            setattr(response, field, value)
        response.method, response.entered_by = method, entered_by
        if submit:
            response.status = FeedbackResponse.Status.SUBMITTED
            response.submitted_at = timezone.now()
        response.save()
    return response


def _locked_response(request, method) -> FeedbackResponse:
    FeedbackResponse.objects.get_or_create(
        request=request,
        defaults={
            "organisation_id": request.organisation_id,
            "activity_id": request.activity_id,
            "method": method,
        },
    )
    return FeedbackResponse.objects.select_for_update().get(request=request)


@transaction.atomic
def about_you_save(*, participant: Participant, values: dict, consent_wording: str) -> AboutYou:
    """Keep a person's answers about themselves with the words they agreed to and when."""
    about, _created = AboutYou.objects.update_or_create(
        participant=participant,
        defaults={
            **values,
            "organisation_id": participant.organisation_id,
            "consent_wording": consent_wording,
            "consented_at": timezone.now(),
        },
    )
    return about


@transaction.atomic
def about_you_withdraw(*, participant: Participant) -> bool:
    """The person takes back their answers about themselves. The record of their consent is
    on the same row, so it goes with them. Returns whether there was anything to delete."""
    deleted, _by_model = AboutYou.objects.filter(participant=participant).delete()
    return bool(deleted)


@transaction.atomic
def feedback_on_behalf(
    *,
    activity: Activity,
    participant: Participant,
    values: dict,
    method: str,
    entered_by: User,
    session: Session | None = None,
) -> FeedbackResponse:
    """An answer given on paper or by phone, typed in by staff and marked as such. If the
    person has already answered, their answer stands."""
    request = _request_for(
        activity, participant, session, FeedbackRequest.Channel.ON_BEHALF, entered_by
    )
    return feedback_save(
        request=request, values=values, submit=True, method=method, entered_by=entered_by
    )
