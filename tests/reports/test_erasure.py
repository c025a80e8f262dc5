"""Erasing a person reaches the reports already made: their quoted words leave the stored web
page and PDF, the figures stay as they were, and the report's page says what changed, when
and which checksum went."""

import datetime
import hashlib
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from participant.services import participant_erase
from quality.models import FeedbackResponse
from quality.services import contribution_from_comment
from reports import jobs, services
from reports.models import MAX_TRIES, Report, ReportDocument, ReportRedaction
from reports.rendering import pdf_html_of, report_html
from reports.selectors import report_content
from reports.tasks import remake_report_pdf, report_pdfs_sweep, sweep_stuck_reports

from ..factories import ContributionFactory
from .conftest import ask, make_report, pdf_text, services_respond

ALI = "The tea and the people made it worth coming."
BO = "I felt heard when the chair read back our points."
SAM = "Start the meetings after school pick-up."
STAFF_DID = "Meetings now start at 4pm."
REMOVED = "Removed at the person’s request."


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def made(quarter, staff, django_capture_on_commit_callbacks):
    """The quarter's board report, made for real. Ali (Voices Person 0) is quoted, and her
    comment was taken as a "you said"; Sam (Voices Person 3) asked for later meetings; Bo
    (Voices Person 1) is quoted too. Six more notes from staff, so the table is listed."""
    for n in range(6):
        noted = ContributionFactory(
            activity=quarter.voices,
            created_by=staff,
            raised_on=datetime.date(2026, 5, 1 + n),
            text=f"Staff noted request {n}.",
        )
        services_respond(noted, staff, f"Done {n}.")
    answer = FeedbackResponse.objects.get(request__participant=quarter.people["Voices Person 0"])
    taken = contribution_from_comment(response=answer, field="what_was_good", created_by=staff)
    services_respond(taken, staff, "We kept the tea.")
    with django_capture_on_commit_callbacks(execute=True):
        report = ask(quarter.organisation)
    report.refresh_from_db()
    assert report.status == Report.Status.READY
    quarter.report = report
    quarter.ali = quarter.people["Voices Person 0"]
    quarter.sam = quarter.people["Voices Person 3"]
    return quarter


@pytest.fixture
def remakes(monkeypatch):
    """The documents whose PDF was asked to be made again, in order."""
    asked = []
    delay = remake_report_pdf.delay

    def record(document_id):
        asked.append(document_id)
        return delay(document_id)

    monkeypatch.setattr(remake_report_pdf, "delay", record)
    return asked


def erase(person, capture, *, execute=True):
    with capture(execute=execute) as callbacks:
        participant_erase(participant=person)
    return callbacks


def numbers(html: str) -> list[str]:
    """Every figure the report prints in a table cell."""
    return re.findall(r'<td class="number">(.*?)</td>', html)


def test_an_erased_persons_words_leave_the_stored_page_and_pdf_and_the_figures_stay(
    made, django_capture_on_commit_callbacks
):
    before = ReportDocument.objects.get(report=made.report)
    old_text = pdf_text(before.pdf)
    assert ALI in flat(old_text) and SAM in flat(old_text) and ALI in before.html

    erase(made.ali, django_capture_on_commit_callbacks)
    erase(made.sam, django_capture_on_commit_callbacks)

    after = ReportDocument.objects.get(report=made.report)
    new_text = flat(pdf_text(after.pdf))
    for words in (ALI, SAM):
        assert words not in after.html and words not in new_text
    # Ali's quote and her "you said", and Sam's.
    assert after.html.count(REMOVED) == 3
    assert new_text.count(REMOVED) == 3
    assert BO in after.html and BO in new_text, "other people's quotes stay"
    assert STAFF_DID in new_text and "We kept the tea." in new_text, "staff's words stay"
    assert numbers(after.html) == numbers(before.html)
    old_summary = flat(old_text.split("Summary", 1)[1].split("What we did", 1)[0])
    assert old_summary in new_text, "the key numbers are the same, not today's"

    assert after.sha256 == hashlib.sha256(bytes(after.pdf)).hexdigest() != before.sha256
    assert after.revision == 3
    history = list(ReportRedaction.objects.filter(report=made.report).order_by("revision"))
    assert [(h.revision, h.passages) for h in history] == [(2, 2), (3, 1)]
    assert history[0].replaced_sha256 == before.sha256
    assert history[1].replaced_sha256 not in ("", before.sha256, after.sha256)
    # The old bytes are nowhere the site can read them.
    stored = list(ReportDocument.objects.values_list("pdf", "html"))
    assert all(bytes(pdf) != bytes(before.pdf) and ALI not in html for pdf, html in stored)


def test_until_the_pdf_is_made_again_nothing_old_is_readable_and_the_page_says_so(
    made, client_for, staff, django_capture_on_commit_callbacks
):
    before = ReportDocument.objects.get(report=made.report)
    callbacks = erase(made.ali, django_capture_on_commit_callbacks, execute=False)
    waiting = ReportDocument.objects.get(report=made.report)
    assert (bytes(waiting.pdf), waiting.sha256, waiting.pdf_wanted_at is not None) == (
        b"",
        "",
        True,
    )
    client = client_for(staff)
    download = client.get(reverse("reports:report-download", args=[made.report.pk]), follow=True)
    assert download.headers["Content-Type"].startswith("text/html")
    assert "being made again" in download.content.decode()
    preview = client.get(reverse("reports:report-preview", args=[made.report.pk])).content
    assert ALI not in preview.decode() and REMOVED in preview.decode()
    assert "the PDF is being made again" in preview.decode()
    page = client.get(reverse("reports:report-detail", args=[made.report.pk])).content.decode()
    assert "being made again" in page
    assert before.sha256 in page, "the destroyed PDF's checksum is on the page"
    assert "removed at a person’s request" in page
    assert timezone.localdate().strftime("%-d %B %Y") in page

    for callback in callbacks:
        callback()
    page = client.get(reverse("reports:report-detail", args=[made.report.pk])).content.decode()
    assert "being made again" not in page
    assert ReportDocument.objects.get(report=made.report).sha256 in page
    download = client.get(reverse("reports:report-download", args=[made.report.pk]))
    assert download.headers["Content-Type"] == "application/pdf"


def test_erasing_someone_never_quoted_changes_no_report(
    made, remakes, django_capture_on_commit_callbacks
):
    before = ReportDocument.objects.get(report=made.report)
    # Voices Person 2 gave feedback but said no to being quoted.
    erase(made.people["Voices Person 2"], django_capture_on_commit_callbacks)
    after = ReportDocument.objects.get(report=made.report)
    assert (after.html, bytes(after.pdf), after.sha256, after.revision) == (
        before.html,
        bytes(before.pdf),
        before.sha256,
        1,
    )
    assert not ReportRedaction.objects.exists()
    assert remakes == []


def test_another_organisations_reports_are_untouched(
    made, northgate, django_capture_on_commit_callbacks
):
    answer = FeedbackResponse.objects.get(request__participant=made.ali)
    # Even a document that names the same row (it cannot happen) is not theirs to change.
    theirs = make_report(northgate)
    html = f'<p data-words="feedback:{answer.pk}" class="pre">“Their words”</p>'
    ReportDocument.objects.filter(report=theirs).update(html=html)
    erase(made.ali, django_capture_on_commit_callbacks)
    document = ReportDocument.objects.get(report=theirs)
    assert (document.html, document.sha256, document.revision) == (html, "0" * 64, 1)


def test_a_second_erase_or_a_second_delivery_of_the_job_is_harmless(
    made, remakes, django_capture_on_commit_callbacks
):
    erase(made.ali, django_capture_on_commit_callbacks)
    document = ReportDocument.objects.get(report=made.report)
    erase(made.ali, django_capture_on_commit_callbacks)
    assert remakes == [document.pk], "the second erase found nothing left to take out"
    remake_report_pdf.delay(document.pk)
    again = ReportDocument.objects.get(report=made.report)
    assert (again.revision, again.sha256, again.html) == (2, document.sha256, document.html)
    assert ReportRedaction.objects.count() == 1


def test_a_report_being_made_when_someone_is_erased_is_made_again(
    made, django_capture_on_commit_callbacks
):
    """Its job may have read the words before the erasure: that try cannot finish."""
    again, _new = services.report_again(report=made.report, requested_by=None)
    _report, claim = jobs.report_claim(report_id=again.pk)
    callbacks = erase(made.ali, django_capture_on_commit_callbacks, execute=False)
    again.refresh_from_db()
    assert (again.status, again.claim, again.tries) == (Report.Status.QUEUED, None, 0)
    assert not jobs.report_finish(report_id=again.pk, claim=claim, rendered=None)
    for callback in callbacks:
        callback()
    again.refresh_from_db()
    assert again.status == Report.Status.READY
    assert ALI not in again.document.html


def test_the_sweep_makes_a_pdf_left_waiting_and_gives_up_after_the_tries(
    made, django_capture_on_commit_callbacks
):
    erase(made.ali, django_capture_on_commit_callbacks, execute=False)
    document = ReportDocument.objects.get(report=made.report)
    assert report_pdfs_sweep(stuck_before=timezone.now() - jobs.STUCK_AFTER) == 0
    long_ago = timezone.now() - datetime.timedelta(hours=1)
    ReportDocument.objects.filter(pk=document.pk).update(pdf_wanted_at=long_ago)
    assert sweep_stuck_reports() == 1
    document.refresh_from_db()
    assert document.pdf_wanted_at is None and document.sha256

    erase(made.sam, django_capture_on_commit_callbacks, execute=False)
    ReportDocument.objects.filter(pk=document.pk).update(
        pdf_wanted_at=long_ago, pdf_tries=MAX_TRIES
    )
    assert sweep_stuck_reports() == 0


def test_the_pdfs_html_is_the_stored_page_without_the_preview_bar(made):
    content = report_content(Report.objects.select_related("organisation").get(pk=made.report.pk))
    page = report_html(content, preview=True)
    assert pdf_html_of(page) == report_html(content, preview=False)


def test_words_are_found_by_their_marker_never_by_their_text():
    from django.utils.html import escape

    from reports.redaction import redact

    typed = escape('feedback:1 <p data-words="feedback:1">')
    html = (
        '<p data-words="feedback:1 feedback:2" class="pre">“Good”</p>'
        '<p data-words="feedback:3" class="pre">“Good”</p>'
        f'<td data-words="contribution:9" class="pre">{typed}</td>'
    )
    redacted, removed = redact(html, sources={"feedback:1"}, note=REMOVED)
    assert removed == 1, "words two people wrote go when either is erased"
    assert redacted == (
        f'<p class="removed">{REMOVED}</p>'
        '<p data-words="feedback:3" class="pre">“Good”</p>'
        f'<td data-words="contribution:9" class="pre">{typed}</td>'
    )


def test_a_page_stored_before_words_were_marked_is_marked_and_loses_words_erased_since(
    made, django_capture_on_commit_callbacks
):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("reports.migrations.0003_mark_quoted_words")
    document = ReportDocument.objects.get(report=made.report)
    unmarked = re.sub(r' data-words="[^"]*"', "", document.html)
    ReportDocument.objects.filter(pk=document.pk).update(html=unmarked)
    # Ali was erased before erasure reached reports: her words stayed in the page.
    erase(made.ali, django_capture_on_commit_callbacks)
    assert ReportDocument.objects.get(pk=document.pk).html == unmarked

    migration.mark_stored_pages(apps, None)
    marked = ReportDocument.objects.get(pk=document.pk)
    assert ALI not in marked.html and marked.html.count(REMOVED) == 2
    assert (marked.revision, bytes(marked.pdf), marked.is_pdf_waiting()) == (2, b"", True)
    redaction = ReportRedaction.objects.get(report=made.report)
    assert (redaction.passages, redaction.replaced_sha256) == (2, document.sha256)
    assert sweep_stuck_reports() == 1
    assert ALI not in flat(pdf_text(ReportDocument.objects.get(pk=document.pk).pdf))

    erase(made.sam, django_capture_on_commit_callbacks)
    after = ReportDocument.objects.get(pk=document.pk)
    assert SAM not in after.html and BO in after.html and after.revision == 3
    migration.mark_stored_pages(apps, None)
    assert ReportDocument.objects.get(pk=document.pk).html == after.html, "marked once"


def test_a_pdf_that_gave_up_says_so_and_staff_can_try_again(
    made, django_capture_on_commit_callbacks, client_for, staff, trustee
):
    erase(made.ali, django_capture_on_commit_callbacks, execute=False)
    document = ReportDocument.objects.get(report=made.report)
    ReportDocument.objects.filter(pk=document.pk).update(pdf_tries=MAX_TRIES)
    detail = reverse("reports:report-detail", args=[made.report.pk])
    download = client_for(trustee).get(reverse("reports:report-download", args=[made.report.pk]))
    assert download.url == detail
    page = client_for(trustee).get(detail).content.decode()
    assert "could not be made again" in page and "Try making the PDF again" not in page
    retry = reverse("reports:report-pdf-retry", args=[made.report.pk])
    assert client_for(trustee).post(retry).status_code == 403
    client = client_for(staff)
    assert "Try making the PDF again" in client.get(detail).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(retry).url == detail
    document.refresh_from_db()
    assert document.pdf_wanted_at is None and bytes(document.pdf).startswith(b"%PDF")
    # Made: a second press changes nothing.
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        client.post(retry)
    assert not callbacks
