"""Everything held about one person, across the apps, each app giving its own part."""

from activities.models import Participant
from activities.selectors import participant_record_export
from outcomes.selectors import outcomes_export_for
from quality.selectors import contributions_export_for, feedback_export_for


def participant_export(*, participant: Participant) -> dict:
    """Everything held about one person, as plain data they can be given (a subject access
    request): their record, their part in each activity, attendance, agreements, "about
    you", their feedback, the changes they scored, training, and what they asked for."""
    return {
        **participant_record_export(participant=participant),
        **feedback_export_for(participant=participant),
        **outcomes_export_for(participant=participant),
        "suggestions_and_requests": contributions_export_for(participant=participant),
    }
