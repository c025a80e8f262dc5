"""Report jobs. Thin: each takes ids and calls services; the database row says what is
true. `render_report` is safe to deliver twice (the claim), survives a worker dying halfway
(acks late, requeued when the worker is lost), and stops after MAX_TRIES with the reason.

Importing `reports.pdf` here loads WeasyPrint when the worker starts, not in each job.
"""

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from celery.signals import worker_process_shutdown
from django.utils.translation import gettext as _

from . import pdf, services
from .models import MAX_TRIES
from .rendering import render

logger = logging.getLogger(__name__)
# A worker process leaves through os._exit, which skips atexit: clear the fonts' copy here.
worker_process_shutdown.connect(pdf.release_fonts, weak=False)

# Below the broker's visibility timeout (an hour), so a lost job is redelivered only after
# any worker would have been stopped.
SOFT_LIMIT, HARD_LIMIT = 120, 150


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=SOFT_LIMIT,
    time_limit=HARD_LIMIT,
    max_retries=MAX_TRIES,
)
def render_report(self, report_id: int) -> None:
    claimed = services.report_claim(report_id=report_id)
    if claimed is None:
        return
    report, claim = claimed
    try:
        rendered = render(report)
    except SoftTimeLimitExceeded:
        reason = _("It took longer than %(n)s seconds to make.") % {"n": SOFT_LIMIT}
    except Exception as exc:  # noqa: BLE001 - any failure is recorded on the report
        logger.exception("Report %s failed on try %s", report_id, report.tries)
        reason = _("It could not be made: %(error)s") % {"error": str(exc) or type(exc).__name__}
    else:
        services.report_finish(report_id=report_id, claim=claim, rendered=rendered)
        return
    # In-process jobs (no broker) cannot wait to try again: the failure shows at once,
    # with "try again".
    last = report.tries >= MAX_TRIES or self.request.is_eager
    services.report_try_failed(report_id=report_id, claim=claim, reason=reason, last=last)
    if not last:
        raise self.retry(countdown=2**report.tries)


@shared_task
def sweep_stuck_reports() -> int:
    """Queue again reports stuck waiting or half made (a lost job); give up on those out of
    tries. Runs every few minutes from beat."""
    return services.reports_sweep()


@shared_task
def make_quarterly_reports() -> int:
    """For every organisation, the board report for the quarter just ended, once."""
    return services.quarterly_reports_make()


@shared_task
def tell_trustees(report_id: int) -> None:
    services.trustees_tell(report_id=report_id)
