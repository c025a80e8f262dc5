"""The report jobs' own steps, for `reports.tasks` to call. The report row is the source of
truth for its job: a worker claims it with a conditional update (counting the try), and only
the holder of the latest claim can finish it, so a job delivered twice, or a worker killed
halfway, still ends with one PDF.

This module queues no job (it imports no task): a job that must start another hands back
what to start, and `reports.tasks` starts it. So requests (services, erasure) import the
tasks, the tasks import this, and nothing imports back.
"""

import datetime
import hashlib
import logging
import uuid
from dataclasses import dataclass

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core import mail
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from activities.models import Activity
from involvement.models import Membership, Organisation, Role, User
from outcomes.periods import quarter_of

from .models import MAX_TRIES, Report, ReportDocument
from .rendering import pdf_of_page, render

logger = logging.getLogger(__name__)

# Below the broker's visibility timeout (an hour), so a lost job is redelivered only after
# any worker would have been stopped.
SOFT_LIMIT, HARD_LIMIT = 120, 150
# Longer than a job's hard time limit, so a report still being made is never queued twice.
STUCK_AFTER = datetime.timedelta(minutes=10)
ACTIVE = [Report.Status.QUEUED, Report.Status.RENDERING]


def report_key(
    *, period_start, period_end, audience: str, scope: str, activity_ids, programme: str
) -> str:
    """The same report asked for twice has the same key."""
    ids = ",".join(str(pk) for pk in sorted(activity_ids)) if scope == Report.Scope.CHOSEN else ""
    name = programme if scope == Report.Scope.PROGRAMME else ""
    text = f"{period_start}|{period_end}|{audience}|{scope}|{ids}|{name}"
    return hashlib.sha256(text.encode()).hexdigest()


@transaction.atomic
def report_queue(
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
    """The report's row, or the same one already queued or being made; whether it is new.
    Its job is started by the caller (`services.report_request`, the quarterly task), when
    new. A finished report is never changed: asking again makes the next version beside it."""
    key = report_key(
        period_start=period_start,
        period_end=period_end,
        audience=audience,
        scope=scope,
        activity_ids=[a.pk for a in activities],
        programme=programme,
    )
    same = Report.objects.filter(organisation=organisation, key=key)
    waiting = same.filter(status__in=ACTIVE).first()
    if waiting:
        return waiting, False
    version = (same.aggregate(last=Max("version"))["last"] or 0) + 1
    try:
        with transaction.atomic():
            report = Report.objects.create(
                organisation=organisation,
                period_start=period_start,
                period_end=period_end,
                audience=audience,
                scope=scope,
                programme=programme if scope == Report.Scope.PROGRAMME else "",
                do_differently=do_differently,
                requested_by=requested_by,
                automatic=automatic,
                key=key,
                version=version,
            )
    except IntegrityError:
        # Someone asked at the same moment: theirs is the one.
        return same.filter(status__in=ACTIVE).get(), False
    if scope == Report.Scope.CHOSEN:
        report.activities.set(activities)
    return report, True


@dataclass(frozen=True)
class Made:
    """What one try of `report_make` came to: finished (the trustees may be told), or to be
    tried again in `retry_in` seconds; neither when there was nothing (more) to do."""

    finished: bool = False
    retry_in: int | None = None


def report_make(*, report_id: int, in_process: bool) -> Made:
    """One try at making the report: claim it, render it, keep the PDF or the reason."""
    claimed = report_claim(report_id=report_id)
    if claimed is None:
        return Made()
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
        return Made(finished=report_finish(report_id=report_id, claim=claim, rendered=rendered))
    # In-process jobs (no broker) cannot wait to try again: the failure shows at once,
    # with "try again".
    last = report.tries >= MAX_TRIES or in_process
    held = report_try_failed(report_id=report_id, claim=claim, reason=reason, last=last)
    # A try that lost its claim (another delivery took the report) leaves it to that one.
    return Made(retry_in=2**report.tries if held and not last else None)


def report_claim(*, report_id: int) -> tuple[Report, uuid.UUID] | None:
    """Take the report for rendering, counting the try. None when there is nothing to do:
    finished, or out of tries (then it is marked failed)."""
    claim = uuid.uuid4()
    taken = Report.objects.filter(pk=report_id, status__in=ACTIVE, tries__lt=MAX_TRIES).update(
        status=Report.Status.RENDERING,
        tries=F("tries") + 1,
        claim=claim,
        claimed_at=timezone.now(),
        updated_at=timezone.now(),
    )
    if not taken:
        # Out of tries while waiting: failed. One still rendering is left to its own job (a
        # second delivery must not fail a try that may yet succeed) or to the sweep.
        _give_up(report_id, statuses=[Report.Status.QUEUED])
        return None
    report = Report.objects.select_related("organisation").get(pk=report_id)
    return report, claim


def _give_up(report_id: int, statuses=ACTIVE) -> None:
    reason = _("It stopped after %(n)s tries.") % {"n": MAX_TRIES}
    Report.objects.filter(
        pk=report_id,
        status__in=list(statuses),
        tries__gte=MAX_TRIES,
    ).update(status=Report.Status.FAILED, failure=reason[:500], updated_at=timezone.now())


@transaction.atomic
def report_finish(*, report_id: int, claim: uuid.UUID, rendered) -> bool:
    """Keep the PDF, if this claim still holds the report. False when another try took it."""
    done = Report.objects.filter(pk=report_id, claim=claim, status=Report.Status.RENDERING).update(
        status=Report.Status.READY,
        failure="",
        finished_at=timezone.now(),
        updated_at=timezone.now(),
    )
    if not done:
        return False
    ReportDocument.objects.create(
        report_id=report_id,
        pdf=rendered.pdf,
        html=rendered.html,
        sha256=hashlib.sha256(rendered.pdf).hexdigest(),
        pages=rendered.pages,
        size=len(rendered.pdf),
    )
    return True


def report_try_failed(*, report_id: int, claim: uuid.UUID, reason: str, last: bool) -> bool:
    """Record why this try failed: back in the queue for another, or failed for good when
    it was the last try (the reason is shown beside "try again"). False when this try no
    longer held the report."""
    status = Report.Status.FAILED if last else Report.Status.QUEUED
    return bool(
        Report.objects.filter(pk=report_id, claim=claim, status=Report.Status.RENDERING).update(
            status=status, failure=reason[:500], updated_at=timezone.now()
        )
    )


def stuck_reports_take(*, now: datetime.datetime) -> list[int]:
    """The reports left waiting or half made past STUCK_AFTER (their job was lost), to be
    queued again; those out of tries are marked failed instead."""
    stuck = Report.objects.filter(status__in=ACTIVE, updated_at__lt=now - STUCK_AFTER).values_list(
        "pk", "tries", "updated_at"
    )
    taken = []
    for pk, tries, updated_at in stuck:
        if tries >= MAX_TRIES:
            _give_up(pk)
        elif Report.objects.filter(pk=pk, updated_at=updated_at).update(updated_at=now):
            # Touched first, so the next sweep waits for this job rather than adding one.
            taken.append(pk)
    return taken


def report_pdf_claim(*, document_id: int) -> ReportDocument | None:
    """Take a document whose PDF is wanted, counting the try. None when there is nothing to
    do: made already (a second delivery), or out of tries."""
    taken = ReportDocument.objects.filter(
        pk=document_id, pdf_wanted_at__isnull=False, pdf_tries__lt=MAX_TRIES
    ).update(pdf_tries=F("pdf_tries") + 1, pdf_wanted_at=timezone.now())
    if not taken:
        return None
    return ReportDocument.objects.only("html", "revision", "pdf_tries").get(pk=document_id)


def report_pdf_finish(*, document_id: int, revision: int, pdf: bytes, pages: int) -> bool:
    """Keep the PDF made from `revision` of the page, unless the page changed again since
    (that change's job makes it) or another delivery kept one first. False then."""
    return bool(
        ReportDocument.objects.filter(
            pk=document_id, revision=revision, pdf_wanted_at__isnull=False
        ).update(
            pdf=pdf,
            sha256=hashlib.sha256(pdf).hexdigest(),
            pages=pages,
            size=len(pdf),
            pdf_wanted_at=None,
        )
    )


def report_pdf_remake(*, document_id: int, in_process: bool) -> int | None:
    """One try at the PDF again, from a stored page some words were taken out of
    (reports.erasure). Returns the seconds to wait before another try, or None when done
    (made, nothing to do, or out of tries: the sweep takes over a lost one)."""
    document = report_pdf_claim(document_id=document_id)
    if document is None:
        return None
    try:
        pdf_bytes, pages = pdf_of_page(document.html)
    except Exception:  # noqa: BLE001 - tried again; the sweep takes over if this is lost
        logger.exception(
            "PDF of report document %s failed on try %s", document_id, document.pdf_tries
        )
        if document.pdf_tries < MAX_TRIES and not in_process:
            return 2**document.pdf_tries
        return None
    report_pdf_finish(
        document_id=document_id, revision=document.revision, pdf=pdf_bytes, pages=pages
    )
    return None


def waiting_pdfs_take(*, stuck_before: datetime.datetime) -> list[int]:
    """The documents whose PDF has waited since `stuck_before` (its job was lost) with tries
    left, to be queued again."""
    waiting = ReportDocument.objects.filter(
        pdf_wanted_at__lt=stuck_before, pdf_tries__lt=MAX_TRIES
    ).values_list("pk", "pdf_wanted_at")
    # Touched first, so the next sweep waits for this job rather than adding one.
    return [
        pk
        for pk, wanted_at in waiting
        if ReportDocument.objects.filter(pk=pk, pdf_wanted_at=wanted_at).update(
            pdf_wanted_at=timezone.now()
        )
    ]


def quarterly_reports_make(*, today: datetime.date | None = None) -> list[int]:
    """The board report of the quarter just ended (of each organisation's own year), for
    every organisation that does not have it yet. Returns the new reports, to be made."""
    today = today or timezone.localdate()
    made = []
    for organisation in Organisation.objects.order_by("pk"):
        quarter = quarter_of(today, organisation.year_start_month).previous()
        exists = Report.objects.filter(
            organisation=organisation,
            automatic=True,
            period_start=quarter.start,
            period_end=quarter.end,
        ).exists()
        if not exists:
            report, new = report_queue(
                organisation=organisation,
                period_start=quarter.start,
                period_end=quarter.end,
                audience=Report.Audience.BOARD,
                scope=Report.Scope.ALL,
                automatic=True,
            )
            if new:
                made.append(report.pk)
    return made


def trustees_tell(*, report_id: int) -> int:
    """Email each trustee a link to a quarterly report that is ready: never the PDF, and
    nothing about any person. Once per report. Returns how many were emailed."""
    told = Report.objects.filter(
        pk=report_id, automatic=True, status=Report.Status.READY, trustees_told_at__isnull=True
    ).update(trustees_told_at=timezone.now())
    if not told:
        return 0
    report = Report.objects.select_related("organisation").get(pk=report_id)
    emails = list(
        Membership.objects.filter(
            organisation=report.organisation, role=Role.TRUSTEE, user__is_active=True
        )
        .values_list("user__email", flat=True)
        .order_by("user__email")
    )
    link = settings.SITE_URL + reverse("reports:report-detail", args=[report.pk])
    subject = _("Your impact report is ready: %(org)s") % {"org": report.organisation.name}
    body = render_to_string("emails/report_ready.txt", {"report": report, "link": link})
    try:
        # Looked up on django.core.mail when sent, where tests stand in a refusing server.
        mail.send_mass_mail([(subject, body, None, [email]) for email in emails])
    except OSError:
        # Not sent: let the job's retry (or the next) send it.
        Report.objects.filter(pk=report_id).update(trustees_told_at=None)
        raise
    return len(emails)
