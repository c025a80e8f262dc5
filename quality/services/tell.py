"""Telling the person what was done about what they said, and hearing whether they are happy
with it: the last two steps of closing the loop (respond, tell, rate).

The message goes by the person's own route: an email sent by a job, or a letter staff print
when there is no email address or the person asked for post ("needs printing"). Each message
carries a new personal link to the satisfaction question, made where it is sent, so the
token never passes through the broker and is never stored.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from activities.models import PreferredFormat
from involvement.jobs import enqueue_on_commit
from involvement.models import User

from ..links import reply_link_url
from ..models import Contribution, ReplyLink, token_hash


def _locked(contribution: Contribution, step: str) -> Contribution:
    locked = (
        Contribution.objects.select_for_update(of=("self",))
        .select_related("participant", "activity", "organisation")
        .get(pk=contribution.pk)
    )
    locked.check_step(step)
    return locked


def _mark_told(contribution: Contribution, how: str, told_by: User | None) -> None:
    """Record the telling. Telling again (a letter that went astray) keeps the first date,
    so the days taken to tell stay true."""
    now = timezone.now()
    contribution.told_at = contribution.told_at or now
    contribution.told_how = how
    contribution.told_by = told_by or contribution.told_by
    contribution.status = Contribution.Status.TOLD
    # Told another way after a failed email: the job's retry must not email them as well.
    contribution.tell_queued_at = None
    contribution.tell_error = ""
    contribution.save(
        update_fields=[
            "told_at",
            "told_how",
            "told_by",
            "status",
            "tell_queued_at",
            "tell_error",
            "updated_at",
        ]
    )


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


@transaction.atomic
def contribution_tell_by_email(*, contribution: Contribution, told_by: User) -> Contribution:
    """Queue the email; the job (`quality.tasks.send_loop_message`) sends it."""
    from ..tasks import send_loop_message

    contribution = _locked(contribution, "tell")
    if contribution.route() != Contribution.ToldHow.EMAIL:
        raise ValidationError(_("They have no email address, so this needs printing."))
    contribution.tell_queued_at = timezone.now()
    contribution.tell_error = ""
    contribution.told_by = told_by
    contribution.save(update_fields=["tell_queued_at", "tell_error", "told_by", "updated_at"])
    enqueue_on_commit(send_loop_message, contribution.pk)
    return contribution


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
    _mark_told(contribution, Contribution.ToldHow.EMAIL, None)
    return True


@transaction.atomic
def contribution_letter_issue(*, contribution: Contribution, told_by: User) -> tuple:
    """A printed letter with a new link; making it records the person as told by letter.
    Returns the contribution and the token, to be printed and never kept."""
    contribution = _locked(contribution, "tell")
    _link, token = ReplyLink.issue(contribution)
    _mark_told(contribution, Contribution.ToldHow.LETTER, told_by)
    return contribution, token


@transaction.atomic
def contribution_told_in_person(*, contribution: Contribution, told_by: User) -> Contribution:
    """Staff told them at a meeting or on the phone. Their answer can be recorded later."""
    contribution = _locked(contribution, "tell")
    _mark_told(contribution, Contribution.ToldHow.IN_PERSON, told_by)
    return contribution


def reply_link_redeem(*, token: str) -> Contribution | None:
    """The contribution a reply link opens, or None when unknown or expired."""
    link = ReplyLink.objects.usable().filter(token_hash=token_hash(token)).first()
    if link is None:
        return None
    if link.first_used_at is None:
        ReplyLink.objects.filter(pk=link.pk, first_used_at__isnull=True).update(
            first_used_at=timezone.now()
        )
    return Contribution.objects.get(pk=link.contribution_id)


@transaction.atomic
def contribution_rate(*, contribution: Contribution, satisfied: str, comment: str) -> Contribution:
    """The person's answer: are they happy with the response? They may change it while
    their link works; the same answer sent twice changes nothing."""
    contribution = _locked(contribution, "rate")
    if satisfied not in Contribution.Satisfaction.values:
        raise ValidationError({"satisfied": _("Choose an answer.")})
    contribution.satisfied = satisfied
    contribution.satisfaction_comment = comment
    contribution.rated_at = contribution.rated_at or timezone.now()
    contribution.status = Contribution.Status.RATED
    contribution.save(
        update_fields=["satisfied", "satisfaction_comment", "rated_at", "status", "updated_at"]
    )
    return contribution
