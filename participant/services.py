"""Erasing one person's data across the apps, each app erasing its own part."""

from django.db import transaction

from activities.models import Participant
from activities.services import participant_record_erase
from quality.services import contributions_erase_for, feedback_erase_for
from reports.erasure import erase_from_reports


@transaction.atomic
def participant_erase(*, participant: Participant) -> Participant:
    """Remove a person's identity and everything personal, keeping their involvement and
    attendance as anonymous rows so counts stay true. Their "about you" answers go; their
    feedback ratings stay as anonymous aggregates, without their words; what they asked
    for stays, unnamed. All in one transaction, with the person's row locked first."""
    participant = Participant.objects.select_for_update().get(pk=participant.pk)
    # Their words are taken out of stored reports while the reports can still find them
    # (each passage is marked with the feedback or contribution it came from).
    erase_from_reports(participant=participant)
    participant = participant_record_erase(participant=participant)
    feedback_erase_for(participant=participant)
    contributions_erase_for(participant=participant)
    return participant
