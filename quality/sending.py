"""What the quality jobs send (`quality.tasks`): a person's feedback link, and the "we did"
message with its link to say whether they are happy with it. Each link is made here, where
it is sent, so its token never passes through the broker and is never stored. Each row is
locked while its email goes and marked sent in the same transaction: at least once, never
lost. This module queues no job, so the services that queue these can import the tasks.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from activities.models import PreferredFormat

from .links import feedback_link_url, reply_link_url
from .models import Contribution, FeedbackLink, FeedbackRequest, ReplyLink


def feedback_link_email(*, request_id: int) -> bool:
    """Send the queued email for one request with a new link. Returns False when there is
    nothing to send (already sent by another delivery of the job, or revoked).

    The request is locked while the email goes, and only marked sent in the same
    transaction: a second delivery waits, then finds nothing queued; a worker killed halfway
    commits nothing, so the redelivery sends it. At least once, never lost."""
    try:
        return _feedback_link_email(request_id)
    except Exception as exc:
        # Still queued (the sending rolled back): the reason is for staff, beside "try again".
        FeedbackRequest.objects.filter(pk=request_id).update(email_error=str(exc)[:300])
        raise


@transaction.atomic
def _feedback_link_email(request_id: int) -> bool:
    request = (
        FeedbackRequest.objects.select_for_update(of=("self",))
        .select_related("participant", "activity", "organisation", "session")
        .filter(pk=request_id, email_queued_at__isnull=False, revoked_at__isnull=True)
        .first()
    )
    if request is None or not request.participant.email:
        return False
    _send_link_email(request)
    FeedbackRequest.objects.filter(pk=request.pk).update(email_queued_at=None)
    return True


def _send_link_email(request: FeedbackRequest) -> None:
    reminder = request.sent_at is not None
    with transaction.atomic():
        _link, token = FeedbackLink.issue(request)
        context = {
            "request": request,
            "link": feedback_link_url(token),
            "reminder": reminder,
            "days": settings.FEEDBACK_LINK_DAYS,
        }
        subject = _("Tell us how it went: %(activity)s") % {"activity": request.activity.title}
        send_mail(
            subject=(_("Reminder: ") + subject) if reminder else subject,
            message=render_to_string("emails/feedback_link.txt", context),
            from_email=None,
            recipient_list=[request.participant.email],
        )
        now = timezone.now()
        if reminder:
            request.reminded_at, request.reminders = now, request.reminders + 1
        else:
            request.sent_at = now
        request.email_error = ""
        request.save(update_fields=["sent_at", "reminded_at", "reminders", "email_error"])


def reply_url(token: str) -> str:
    return reply_link_url(token)


def message_context(contribution: Contribution, link: str) -> dict:
    person = contribution.participant
    return {
        "contribution": contribution,
        "participant": person,
        "activity": contribution.activity,
        "organisation": contribution.organisation,
        "link": link,
        "days": settings.FEEDBACK_LINK_DAYS,
        "easy_read": PreferredFormat.EASY_READ in (person.preferred_formats if person else []),
    }


def message_text(contribution: Contribution, link: str) -> str:
    """The message in plain English, or in easy read when that is the person's format."""
    context = message_context(contribution, link)
    name = "emails/loop_message_easy.txt" if context["easy_read"] else "emails/loop_message.txt"
    return render_to_string(name, context)


def loop_message_email(*, contribution_id: int) -> bool:
    """Send one queued message with a new link. Returns False when there is nothing to send
    (sent already by another delivery of the job, or no longer possible). Locked while it
    goes, as `feedback_link_email` is: at least once, never lost."""
    try:
        return _send_loop_message(contribution_id)
    except Exception as exc:
        # Still queued (the sending rolled back): the reason is for staff, beside "try again".
        Contribution.objects.filter(pk=contribution_id).update(tell_error=str(exc)[:300])
        raise


@transaction.atomic
def _send_loop_message(contribution_id: int) -> bool:
    # As it is now: the person may have answered an earlier letter, or staff may have
    # changed the response, while the job waited.
    contribution = (
        Contribution.objects.select_for_update(of=("self",))
        .select_related("participant", "activity", "organisation")
        .filter(pk=contribution_id, tell_queued_at__isnull=False)
        .first()
    )
    if contribution is None:
        return False
    if not contribution.can_tell() or contribution.route() != Contribution.ToldHow.EMAIL:
        Contribution.objects.filter(pk=contribution_id).update(tell_queued_at=None)
        return False
    _link, token = ReplyLink.issue(contribution)
    send_mail(
        subject=_("What we did with what you said: %(activity)s")
        % {"activity": contribution.activity.title},
        message=message_text(contribution, reply_url(token)),
        from_email=None,
        recipient_list=[contribution.participant.email],
    )
    contribution.mark_told(Contribution.ToldHow.EMAIL, None)
    return True
