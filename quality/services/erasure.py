"""Erasing one person's part in quality, when their data is erased (the participant app's
`participant_erase` runs it after the person's own record is blanked)."""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from activities.models import Participant
from activities.services import ERASED_WORDS

from ..models import Contribution, FeedbackLink, FeedbackRequest, FeedbackResponse, ReplyLink


@transaction.atomic
def feedback_erase_for(*, participant: Participant) -> None:
    """Their feedback ratings stay as anonymous aggregates, without their words; no link may
    reach them again."""
    FeedbackResponse.objects.filter(request__participant=participant).update(
        what_was_good="", do_differently="", anything_else="", anonymous=True
    )
    FeedbackRequest.objects.filter(participant=participant, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    # No link may reach them again, and no queued email goes out (its error may hold their
    # address).
    FeedbackRequest.objects.filter(participant=participant).update(
        email_queued_at=None, email_error=""
    )
    FeedbackLink.objects.filter(request__participant=participant).delete()


@transaction.atomic
def contributions_erase_for(*, participant: Participant) -> None:
    """What they asked for stays as an unnamed request, with what was done, but their own
    words go: they may say who they are."""
    mine = Contribution.objects.filter(
        Q(participant=participant) | Q(feedback_response__request__participant=participant)
    )
    # No "we did" message goes out any more, and no link reaches them.
    ReplyLink.objects.filter(contribution__in=mine).delete()
    mine.update(
        participant=None,
        text=str(ERASED_WORDS),
        satisfaction_comment="",
        tell_queued_at=None,
        tell_error="",
    )
