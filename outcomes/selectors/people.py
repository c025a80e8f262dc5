"""One person's part in outcomes: the changes their activity asks them to score, and what
they scored and the training they completed (their data export)."""

from django.db.models import QuerySet

from activities.models import Activity, Participant

from ..models import ActivityMeasure, Measure, SelfReport, TrainingRecord


def self_reported_uses(*, activity: Activity) -> QuerySet[ActivityMeasure]:
    """The activity's measures people score themselves, before and now."""
    return ActivityMeasure.objects.filter(
        activity=activity,
        measure__source=Measure.Source.SELF_REPORTED,
        measure__retired_at__isnull=True,
    ).select_related("measure")


def self_reports_of(*, participant: Participant) -> QuerySet[SelfReport]:
    return SelfReport.objects.filter(response__request__participant=participant).select_related(
        "activity_measure__measure", "activity_measure__activity"
    )


def outcomes_export_for(*, participant: Participant) -> dict:
    """Training completed and the before-and-after scores the person gave."""
    training = TrainingRecord.objects.filter(participant=participant)
    return {
        "training_completed": [
            {"training": t.course, "completed_on": t.completed_on.isoformat()} for t in training
        ],
        "changes_you_scored": [
            {
                "activity": s.activity_measure.activity.title,
                "question": s.activity_measure.measure.question,
                "before": s.before,
                "now": s.after,
            }
            for s in self_reports_of(participant=participant)
        ],
    }
