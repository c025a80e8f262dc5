"""Writes for reports asked for by people: a report, its next version, trying a failed one
again. Each queues the job that makes it; the job's own steps are in `reports.jobs`."""

import datetime

from django.db import transaction
from django.utils import timezone

from activities.models import Activity
from involvement.jobs import enqueue_on_commit
from involvement.models import Organisation, User

from .jobs import report_key, report_queue
from .models import Report
from .tasks import render_report

__all__ = ["report_again", "report_key", "report_request", "report_retry"]


@transaction.atomic
def report_request(
    *,
    organisation: Organisation,
    period_start: datetime.date,
    period_end: datetime.date,
    audience: str,
    scope: str,
    activities: list[Activity] = (),
    programme: str = "",
    do_differently: str = "",
    requested_by: User | None = None,
    automatic: bool = False,
) -> tuple[Report, bool]:
    """Queue a report, or give back the same one already queued or being made. Returns the
    report and whether it is new. A finished report is never changed: asking again makes
    the next version beside it."""
    report, new = report_queue(
        organisation=organisation,
        period_start=period_start,
        period_end=period_end,
        audience=audience,
        scope=scope,
        activities=activities,
        programme=programme,
        do_differently=do_differently,
        requested_by=requested_by,
        automatic=automatic,
    )
    if new:
        enqueue_on_commit(render_report, report.pk)
    return report, new


def report_again(*, report: Report, requested_by: User) -> tuple[Report, bool]:
    """A new version of a finished report, with the same choices."""
    return report_request(
        organisation=report.organisation,
        period_start=report.period_start,
        period_end=report.period_end,
        audience=report.audience,
        scope=report.scope,
        activities=list(report.activities.all()),
        programme=report.programme,
        do_differently=report.do_differently,
        requested_by=requested_by,
    )


def report_retry(*, report: Report) -> bool:
    """Try a failed report again from the start (three more tries). False when it is not
    failed (already retried, or finished in the meantime)."""
    retried = Report.objects.filter(pk=report.pk, status=Report.Status.FAILED).update(
        status=Report.Status.QUEUED, tries=0, failure="", claim=None, updated_at=timezone.now()
    )
    if retried:
        enqueue_on_commit(render_report, report.pk)
    return bool(retried)
