"""Telling the person what was done about what they said, and hearing whether they are happy
with it: the last two steps of closing the loop (respond, tell, rate).

The message goes by the person's own route: an email sent by a job, or a letter staff print
when there is no email address or the person asked for post ("needs printing"). Each message
carries a new personal link to the satisfaction question, made where it is sent, so the
token never passes through the broker and is never stored.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from involvement.jobs import enqueue_on_commit
from involvement.models import User

from ..models import Contribution, ReplyLink
from ..tasks import send_loop_message


def _locked(contribution: Contribution, step: str) -> Contribution:
    locked = (
        Contribution.objects.select_for_update(of=("self",))
        .select_related("participant", "activity", "organisation")
        .get(pk=contribution.pk)
    )
    locked.check_step(step)
    return locked


@transaction.atomic
def contribution_tell_by_email(*, contribution: Contribution, told_by: User) -> Contribution:
    """Queue the email; the job (`quality.tasks.send_loop_message`) sends it
    (`quality.sending.loop_message_email`)."""
    contribution = _locked(contribution, "tell")
    if contribution.route() != Contribution.ToldHow.EMAIL:
        raise ValidationError(_("They have no email address, so this needs printing."))
    contribution.tell_queued_at = timezone.now()
    contribution.tell_error = ""
    contribution.told_by = told_by
    contribution.save(update_fields=["tell_queued_at", "tell_error", "told_by", "updated_at"])
    enqueue_on_commit(send_loop_message, contribution.pk)
    return contribution


@transaction.atomic
def contribution_letter_issue(*, contribution: Contribution, told_by: User) -> tuple:
    """A printed letter with a new link; making it records the person as told by letter.
    Returns the contribution and the token, to be printed and never kept."""
    contribution = _locked(contribution, "tell")
    _link, token = ReplyLink.issue(contribution)
    contribution.mark_told(Contribution.ToldHow.LETTER, told_by)
    return contribution, token


@transaction.atomic
def contribution_told_in_person(*, contribution: Contribution, told_by: User) -> Contribution:
    """Staff told them at a meeting or on the phone. Their answer can be recorded later."""
    contribution = _locked(contribution, "tell")
    contribution.mark_told(Contribution.ToldHow.IN_PERSON, told_by)
    return contribution


def reply_link_redeem(*, token: str) -> Contribution | None:
    """The contribution a reply link opens, or None when unknown or expired."""
    link = ReplyLink.redeem(token)
    return link.contribution if link else None


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
