"""Asking for a report while the broker is down: the request still succeeds, the page says
the report will start shortly, and the job waits in the outbox (involvement.jobs) until the
next minute's sweep sends it."""

import logging

from django.urls import reverse

from involvement.models import UnsentJob
from involvement.tasks import send_unsent_jobs
from participant.services import participant_erase
from reports import jobs
from reports.models import Report, ReportDocument
from reports.tasks import render_report, sweep_stuck_reports

from .conftest import ask, make_report
from .test_erasure import made  # noqa: F401 - a fixture: the quarter's report, made for real
from .test_views import REQUEST, asked


def test_asking_for_a_report_with_the_broker_down_succeeds_and_the_sweep_starts_it(
    staff_client, broker_down, fake_render, django_capture_on_commit_callbacks, caplog
):
    caplog.set_level(logging.WARNING)
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(REQUEST, asked())
    assert response.status_code == 302
    report = Report.objects.get()
    assert response.url == reverse("reports:report-detail", args=[report.pk])
    page = staff_client.get(response.url).content.decode()
    assert "It will start shortly." in page
    [job] = UnsentJob.objects.all()
    assert (job.task, job.args) == ("reports.tasks.render_report", [report.pk])
    assert "Connection refused" in job.error
    assert "reports.tasks.render_report" in caplog.text

    broker_down()  # the broker is back
    assert send_unsent_jobs() == 1
    assert not UnsentJob.objects.exists()
    assert fake_render.made == [report.pk]
    assert Report.objects.get().status == Report.Status.READY


def test_trying_again_with_the_broker_down_keeps_the_job(
    brightwater, staff_client, broker_down, django_capture_on_commit_callbacks
):
    failed = make_report(brightwater, status=Report.Status.FAILED)
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(reverse("reports:report-retry", args=[failed.pk]))
    assert response.status_code == 302
    assert UnsentJob.objects.get().args == [failed.pk]


def test_a_finished_report_keeps_telling_the_trustees_for_later(
    brightwater, broker_down, monkeypatch, django_capture_on_commit_callbacks
):
    report = ask(brightwater, automatic=True)
    rendered = type("Rendered", (), {"pdf": b"%PDF", "html": "<p></p>", "pages": 1})
    monkeypatch.setattr("reports.jobs.render", lambda report: rendered)
    # The job finishes the report, then starts the trustees' email (chained in reports.tasks).
    with django_capture_on_commit_callbacks(execute=True):
        render_report(report.pk)
    assert Report.objects.get(pk=report.pk).status == Report.Status.READY
    tasks = set(UnsentJob.objects.values_list("task", flat=True))
    assert "reports.tasks.tell_trustees" in tasks


def test_the_stuck_report_sweep_survives_the_broker_being_down(brightwater, broker_down):
    report = make_report(brightwater, status=Report.Status.QUEUED)
    Report.objects.filter(pk=report.pk).update(updated_at=report.updated_at - jobs.STUCK_AFTER * 2)
    assert sweep_stuck_reports() == 1
    assert UnsentJob.objects.get().args == [report.pk]


def test_erasing_someone_quoted_with_the_broker_down_succeeds_and_the_sweep_remakes_the_pdf(
    request, db, django_capture_on_commit_callbacks
):
    # The report is made first, with the broker up; then it goes down.
    quarter = request.getfixturevalue("made")
    broker_back = request.getfixturevalue("broker_down")
    with django_capture_on_commit_callbacks(execute=True):
        participant_erase(participant=quarter.ali)
    [job] = UnsentJob.objects.all()
    document = ReportDocument.objects.get(report=quarter.report)
    assert (job.task, job.args) == ("reports.tasks.remake_report_pdf", [document.pk])

    broker_back()
    assert send_unsent_jobs() == 1
    document.refresh_from_db()
    assert document.pdf_wanted_at is None
    assert bytes(document.pdf).startswith(b"%PDF")
