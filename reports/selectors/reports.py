"""The reports people see, newest first, without their PDFs."""

from django.db.models import QuerySet

from activities.models import Activity
from involvement.models import Organisation

from ..models import Report


def reports_for(organisation: Organisation) -> QuerySet:
    return (
        Report.objects.filter(organisation=organisation)
        .select_related("requested_by", "document")
        .defer("document__pdf", "document__html")
        .order_by("-created_at", "-pk")
    )


def in_progress_for(organisation: Organisation) -> QuerySet:
    return reports_for(organisation).filter(
        status__in=[Report.Status.QUEUED, Report.Status.RENDERING]
    )


def programmes_of(organisation: Organisation) -> list[str]:
    """The programme names the organisation's activities use, for choosing one."""
    return list(
        Activity.objects.filter(organisation=organisation)
        .exclude(programme="")
        .values_list("programme", flat=True)
        .distinct()
        .order_by("programme")
    )
