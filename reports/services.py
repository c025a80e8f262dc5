"""Writes for reports. The report row is the source of truth for its job: a worker claims it
with a conditional update (counting the try), and only the holder of the latest claim can
finish it, so a job delivered twice, or a worker killed halfway, still ends with one PDF.
"""

import datetime
import hashlib
import uuid

from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from activities.models import Activity
from involvement.jobs import enqueue, enqueue_on_commit
from involvement.models import Organisation, User

from .erasure import report_pdfs_sweep
from .models import MAX_TRIES, Report, ReportDocument


def report_key(
    *, period_start, period_end, audience: str, scope: str, activity_ids, programme: str
) -> str:
    """The same report asked for twice has the same key."""
    ids = ",".join(str(pk) for pk in sorted(activity_ids)) if scope == Report.Scope.CHOSEN else ""
    name = programme if scope == Report.Scope.PROGRAMME else ""
    text = f"{period_start}|{period_end}|{audience}|{scope}|{ids}|{name}"
    return hashlib.sha256(text.encode()).hexdigest()


def _enqueue(report: Report) -> None:
    from .tasks import render_report

    enqueue_on_commit(render_report, report.pk)


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
    key = report_key(
        period_start=period_start,
        period_end=period_end,
        audience=audience,
        scope=scope,
        activity_ids=[a.pk for a in activities],
        programme=programme,
    )
    same = Report.objects.filter(organisation=organisation, key=key)
    waiting = same.filter(status__in=[Report.Status.QUEUED, Report.Status.RENDERING]).first()
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
        return same.filter(status__in=[Report.Status.QUEUED, Report.Status.RENDERING]).get(), False
    if scope == Report.Scope.CHOSEN:
        report.activities.set(activities)
    _enqueue(report)
    return report, True


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
        _enqueue(report)
    return bool(retried)


def report_claim(*, report_id: int) -> tuple[Report, uuid.UUID] | None:
    """Take the report for rendering, counting the try. None when there is nothing to do:
    finished, or out of tries (then it is marked failed)."""
    claim = uuid.uuid4()
    taken = Report.objects.filter(
        pk=report_id,
        status__in=[Report.Status.QUEUED, Report.Status.RENDERING],
        tries__lt=MAX_TRIES,
    ).update(
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


def _give_up(report_id: int, statuses=(Report.Status.QUEUED, Report.Status.RENDERING)) -> None:
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
    from .tasks import tell_trustees

    enqueue_on_commit(tell_trustees, report_id)
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


# Longer than a job's hard time limit, so a report still being made is never queued twice.
STUCK_AFTER = datetime.timedelta(minutes=10)


def reports_sweep() -> int:
    """Queue again each report left waiting or half made past STUCK_AFTER (its job was
    lost), or mark it failed when out of tries. Returns how many were queued again."""
    from .tasks import render_report

    now = timezone.now()
    stuck = Report.objects.filter(
        status__in=[Report.Status.QUEUED, Report.Status.RENDERING],
        updated_at__lt=now - STUCK_AFTER,
    ).values_list("pk", "tries", "updated_at")
    queued = 0
    for pk, tries, updated_at in stuck:
        if tries >= MAX_TRIES:
            _give_up(pk)
        elif Report.objects.filter(pk=pk, updated_at=updated_at).update(updated_at=now):
            # Touched first, so the next sweep waits for this job rather than adding one.
            # A broker that refuses it keeps it for the outbox's sweep (involvement.jobs).
            enqueue(render_report, pk)
            queued += 1
    # And PDFs left to be made again after someone's words were taken out.
    return queued + report_pdfs_sweep(stuck_before=now - STUCK_AFTER)


def quarterly_reports_make(*, today: datetime.date | None = None) -> int:
    """The board report of the quarter just ended (of each organisation's own year), for
    every organisation that does not have it yet. Returns how many were queued."""
    from outcomes.periods import quarter_of

    today = today or timezone.localdate()
    made = 0
    for organisation in Organisation.objects.order_by("pk"):
        quarter = quarter_of(today, organisation.year_start_month).previous()
        exists = Report.objects.filter(
            organisation=organisation,
            automatic=True,
            period_start=quarter.start,
            period_end=quarter.end,
        ).exists()
        if not exists:
            _report, new = report_request(
                organisation=organisation,
                period_start=quarter.start,
                period_end=quarter.end,
                audience=Report.Audience.BOARD,
                scope=Report.Scope.ALL,
                automatic=True,
            )
            made += new
    return made


def trustees_tell(*, report_id: int) -> int:
    """Email each trustee a link to a quarterly report that is ready: never the PDF, and
    nothing about any person. Once per report. Returns how many were emailed."""
    from django.conf import settings
    from django.core.mail import send_mass_mail
    from django.template.loader import render_to_string
    from django.urls import reverse

    from involvement.models import Membership, Role

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
        send_mass_mail([(subject, body, None, [email]) for email in emails])
    except OSError:
        # Not sent: let the job's retry (or the next) send it.
        Report.objects.filter(pk=report_id).update(trustees_told_at=None)
        raise
    return len(emails)
