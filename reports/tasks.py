"""Report jobs. Thin: each takes ids and calls its step in `reports.jobs`; the database row
says what is true. `render_report` is safe to deliver twice (the claim), survives a worker
dying halfway (acks late, requeued when the worker is lost), and stops after MAX_TRIES with
the reason. A job that starts another starts it here: `reports.jobs` queues nothing.

Importing `reports.pdf` here loads WeasyPrint when the worker starts, not in each job.
"""

import datetime
import logging

from celery import shared_task
from celery.signals import worker_process_shutdown
from django.utils import timezone

from involvement.jobs import enqueue, enqueue_on_commit

from . import jobs, pdf
from .jobs import HARD_LIMIT, SOFT_LIMIT, STUCK_AFTER
from .models import MAX_TRIES

logger = logging.getLogger(__name__)
# A worker process leaves through os._exit, which skips atexit: clear the fonts' copy here.
worker_process_shutdown.connect(pdf.release_fonts, weak=False)

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
    made = jobs.report_make(report_id=report_id, in_process=self.request.is_eager)
    if made.retry_in is not None:
        raise self.retry(countdown=made.retry_in)
    if made.finished:
        enqueue_on_commit(tell_trustees, report_id)


@shared_task(**PDF_JOB)
def remake_report_pdf(self, document_id: int) -> None:
    """The PDF again, from a stored page some words were taken out of (reports.erasure).
    Safe to deliver twice: the first to finish keeps its PDF, the other keeps nothing."""
    retry_in = jobs.report_pdf_remake(document_id=document_id, in_process=self.request.is_eager)
    if retry_in is not None:
        raise self.retry(countdown=retry_in)


def _send_each(task, ids: list[int]) -> int:
    # Sent now, not on commit: each row was touched already. A broker that refuses a job
    # keeps it for the outbox's sweep (involvement.jobs).
    for pk in ids:
        enqueue(task, pk)
    return len(ids)


def report_pdfs_sweep(*, stuck_before: datetime.datetime) -> int:
    """Queue again each PDF left waiting since `stuck_before` (its job was lost) with tries
    left. Returns how many were queued."""
    return _send_each(remake_report_pdf, jobs.waiting_pdfs_take(stuck_before=stuck_before))


@shared_task
def sweep_stuck_reports() -> int:
    """Queue again reports stuck waiting or half made (a lost job), and PDFs left to be made
    again after someone's words were taken out; give up on those out of tries. Runs every
    few minutes from beat. Returns how many were queued again."""
    now = timezone.now()
    queued = _send_each(render_report, jobs.stuck_reports_take(now=now))
    return queued + report_pdfs_sweep(stuck_before=now - STUCK_AFTER)


@shared_task
def make_quarterly_reports(today: datetime.date | None = None) -> int:
    """For every organisation, the board report for the quarter just ended, once. Returns
    how many were queued. (`today` is for tests; beat sends none.)"""
    made = jobs.quarterly_reports_make(today=today)
    for report_id in made:
        enqueue_on_commit(render_report, report_id)
    return len(made)


@shared_task(bind=True, max_retries=4, default_retry_delay=300)
def tell_trustees(self, report_id: int) -> None:
    """Email trustees a link to a quarterly report; a mail server that refuses is tried
    again a few times."""
    try:
        jobs.trustees_tell(report_id=report_id)
    except OSError as exc:
        if self.request.is_eager or self.request.retries >= self.max_retries:
            logger.exception("Trustees not told about report %s", report_id)
            return
        raise self.retry(exc=exc) from exc
