"""What this app holds about one person, as plain data they can be given (a subject access
request). The whole export, across the apps, is the participant app's `participant_export`."""

from django.utils import timezone

from ..models import DEMOGRAPHIC_FIELDS, AboutYou, Attendance, Participant
from .demographics import question_label
from .people import involvements_of_participant


def participant_record_export(*, participant: Participant) -> dict:
    """Their record, their part in each activity, attendance, agreements and "about you"."""
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
    }


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
