"""Erasing one person's data across the apps, each app erasing its own part."""

from django.db import transaction

from activities.models import Participant
from activities.services import participant_record_erase
from quality.services import feedback_erase_for


@transaction.atomic
def participant_erase(*, participant: Participant) -> Participant:
    """Remove a person's identity and everything personal, keeping their involvement and
    attendance as anonymous rows so counts stay true. Their "about you" answers go; their
    feedback ratings stay as anonymous aggregates, without their words. Apps above activities
    hear of it first (`activities.signals.participant_erasing`, sent once the person's row is
    locked), in the same transaction."""
    participant = participant_record_erase(participant=participant)
    feedback_erase_for(participant=participant)
    return participant
