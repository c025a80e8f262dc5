"""What erasing a person does to the reports already made: their own words leave every stored
document of their organisation that prints them, and nothing else in it changes.

The stored web page is changed at once, inside the erase's transaction, and the PDF's bytes
are destroyed there too, so nothing old can be read meanwhile; a job makes the PDF again
from the changed page (WeasyPrint takes a second or two a report, too long for the erase's
request; its steps are in `reports.jobs`). The figures are never worked out again: they stay
as the report first printed them.
"""

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from activities.models import Participant
from involvement.jobs import enqueue_on_commit
from quality.models import Contribution, FeedbackResponse

from . import redaction
from .models import MAX_TRIES, Report, ReportDocument, ReportRedaction
from .tasks import remake_report_pdf, render_report


def _sources_of(participant: Participant) -> set[str]:
    """Where this person's words could be quoted from: their feedback and their "you said"
    (typed by staff for them, or taken from their feedback)."""
    answers = FeedbackResponse.objects.filter(request__participant=participant)
    raised = Contribution.objects.filter(
        Q(participant=participant) | Q(feedback_response__request__participant=participant)
    )
    return {redaction.feedback_source(pk) for pk in answers.values_list("pk", flat=True)} | {
        redaction.contribution_source(pk) for pk in raised.values_list("pk", flat=True)
    }


@transaction.atomic
def erase_from_reports(*, participant: Participant) -> int:
    """Take `participant`'s words out of their organisation's stored reports, before their
    words are blanked (participant.services.participant_erase calls it first). Returns how
    many documents changed."""
    sources = _sources_of(participant)
    if not sources:
        return 0
    _restart_reports_being_made(participant.organisation_id)
    mentions = Q()
    for source in sources:
        mentions |= Q(html__contains=source)
    # A coarse filter (words may mention "feedback:12" too); redaction.redact decides.
    organisation_id = participant.organisation_id
    documents = (
        ReportDocument.objects.select_for_update(of=("self",))
        .filter(mentions, report__organisation_id=organisation_id)
        .defer("pdf")
    )
    with translation.override(settings.LANGUAGE_CODE):
        note = _("Removed at the person’s request.")
    return sum(_redact(document, organisation_id, sources, note) for document in documents)


def _restart_reports_being_made(organisation_id: int) -> None:
    """A report being made may have read the words before this erasure: its try is stopped
    (it can no longer finish) and the report made again. Locking those waiting makes a job
    that claims one now wait until the erasure is committed, so it reads the blanked words."""
    being_made = Report.objects.select_for_update().filter(
        organisation_id=organisation_id,
        status__in=[Report.Status.QUEUED, Report.Status.RENDERING],
    )
    rendering = [
        pk
        for pk, status in being_made.values_list("pk", "status")
        if status == Report.Status.RENDERING
    ]
    # The stopped try did not fail: it does not count.
    Report.objects.filter(pk__in=rendering).update(
        status=Report.Status.QUEUED, claim=None, tries=F("tries") - 1, updated_at=timezone.now()
    )
    for pk in rendering:
        enqueue_on_commit(render_report, pk)


def _redact(document: ReportDocument, organisation_id: int, sources: set[str], note: str) -> int:
    html, removed = redaction.redact(document.html, sources=sources, note=note)
    if not removed:
        return 0
    ReportRedaction.objects.create(
        organisation_id=organisation_id,
        report_id=document.report_id,
        revision=document.revision + 1,
        passages=removed,
        replaced_sha256=document.sha256,
    )
    ReportDocument.objects.filter(pk=document.pk).update(
        html=html,
        pdf=b"",
        sha256="",
        pages=0,
        size=0,
        revision=F("revision") + 1,
        pdf_wanted_at=timezone.now(),
        pdf_tries=0,
    )
    enqueue_on_commit(remake_report_pdf, document.pk)
    return 1


@transaction.atomic
def report_pdf_retry(*, document: ReportDocument) -> bool:
    """Three more tries for a PDF that ran out of them (staff's "Try again"). False when it
    had not run out (made since, or still trying)."""
    retried = ReportDocument.objects.filter(
        pk=document.pk, pdf_wanted_at__isnull=False, pdf_tries__gte=MAX_TRIES
    ).update(pdf_tries=0, pdf_wanted_at=timezone.now())
    if retried:
        enqueue_on_commit(remake_report_pdf, document.pk)
    return bool(retried)
