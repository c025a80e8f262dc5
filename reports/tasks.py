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

from . import erasure, pdf, services
from .models import MAX_TRIES
from .rendering import pdf_of_page, render

logger = logging.getLogger(__name__)
# A worker process leaves through os._exit, which skips atexit: clear the fonts' copy here.
worker_process_shutdown.connect(pdf.release_fonts, weak=False)

# Below the broker's visibility timeout (an hour), so a lost job is redelivered only after
# any worker would have been stopped.
SOFT_LIMIT, HARD_LIMIT = 120, 150
# Every job that makes a PDF: acknowledged when done, so a worker lost halfway hands it on.
PDF_JOB = {
    "bind": True,
    "acks_late": True,
    "reject_on_worker_lost": True,
    "soft_time_limit": SOFT_LIMIT,
    "time_limit": HARD_LIMIT,
    "max_retries": MAX_TRIES,
}


@shared_task(**PDF_JOB)
def render_report(self, report_id: int) -> None:
    claimed = services.report_claim(report_id=report_id)
    if claimed is None:
        return
    report, claim = claimed
    try:
        rendered = render(report)
    except SoftTimeLimitExceeded:
        reason = _("It took longer than %(n)s seconds to make.") % {"n": SOFT_LIMIT}
    except Exception:  # noqa: BLE001 - any failure is recorded on the report
        # The details (which may hold SQL or data) go to the log, not to the page.
        logger.exception("Report %s failed on try %s", report_id, report.tries)
        reason = _("Something went wrong while making it. The details are in the site's log.")
    else:
        services.report_finish(report_id=report_id, claim=claim, rendered=rendered)
        return
    # In-process jobs (no broker) cannot wait to try again: the failure shows at once,
    # with "try again".
    last = report.tries >= MAX_TRIES or self.request.is_eager
    held = services.report_try_failed(report_id=report_id, claim=claim, reason=reason, last=last)
    # A try that lost its claim (another delivery took the report) leaves it to that one.
    if held and not last:
        raise self.retry(countdown=2**report.tries)


@shared_task(**PDF_JOB)
def remake_report_pdf(self, document_id: int) -> None:
    """The PDF again, from a stored page some words were taken out of (reports.erasure).
    Safe to deliver twice: the first to finish keeps its PDF, the other keeps nothing."""
    document = erasure.report_pdf_claim(document_id=document_id)
    if document is None:
        return
    try:
        pdf_bytes, pages = pdf_of_page(document.html)
    except Exception:  # noqa: BLE001 - tried again; the sweep takes over if this is lost
        logger.exception(
            "PDF of report document %s failed on try %s", document_id, document.pdf_tries
        )
        if document.pdf_tries < MAX_TRIES and not self.request.is_eager:
            raise self.retry(countdown=2**document.pdf_tries) from None
        return
    erasure.report_pdf_finish(
        document_id=document_id, revision=document.revision, pdf=pdf_bytes, pages=pages
    )


@shared_task
def sweep_stuck_reports() -> int:
    """Queue again reports stuck waiting or half made (a lost job); give up on those out of
    tries. Runs every few minutes from beat."""
    return services.reports_sweep()


@shared_task
def make_quarterly_reports() -> int:
    """For every organisation, the board report for the quarter just ended, once."""
    return services.quarterly_reports_make()


@shared_task(bind=True, max_retries=4, default_retry_delay=300)
def tell_trustees(self, report_id: int) -> None:
    """Email trustees a link to a quarterly report; a mail server that refuses is tried
    again a few times."""
    try:
        services.trustees_tell(report_id=report_id)
    except OSError as exc:
        if self.request.is_eager or self.request.retries >= self.max_retries:
            logger.exception("Trustees not told about report %s", report_id)
            return
        raise self.retry(exc=exc) from exc
