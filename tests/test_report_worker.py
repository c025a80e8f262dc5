"""Report jobs in a real Celery worker (needs PostgreSQL and Redis): asked for on the web page
and made; made once when the worker's child is killed halfway; a report that always fails
stops after three tries without holding up the others.

Skipped when REDIS_URL is unset or the database is SQLite, unless REQUIRE_WORKER=1 (CI).
Test-only behaviour (a slow or failing render) comes from tests/worker_poison.py, loaded only
into these workers.
"""

import datetime
import os
import signal

import pytest
from django.urls import reverse

from reports import services
from reports.models import MAX_TRIES, Report, ReportDocument

from .worker_poison import POISON, POISON_ERROR, SLOW
from .workers import needs_real_broker_and_database, running_worker, wait_until

pytestmark = [
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("catalogues"),
]

POISONED = {"include": ("tests.worker_poison",), "env": {"WORKER_POISON": "1"}}
START = datetime.date(2024, 1, 1)


def finished(report: Report) -> Report | None:
    report.refresh_from_db()
    return report if report.is_finished() else None


def ask(organisation, user, *, days: int, do_differently: str = "") -> Report:
    """A report of the first `days` days of 2024 (a different report for each `days`)."""
    report, new = services.report_request(
        organisation=organisation,
        period_start=START,
        period_end=START + datetime.timedelta(days=days),
        audience=Report.Audience.BOARD,
        scope=Report.Scope.ALL,
        do_differently=do_differently,
        requested_by=user,
    )
    assert new
    return report


def assert_made_once(report: Report, *, tries: int) -> None:
    report.refresh_from_db()
    assert (report.status, report.tries, report.failure) == (Report.Status.READY, tries, "")
    assert ReportDocument.objects.filter(report=report).count() == 1
    assert bytes(report.document.pdf).startswith(b"%PDF")


def test_a_report_asked_for_on_the_web_page_is_made_by_the_worker(
    tmp_path, brightwater, staff, client_for
):
    needs_real_broker_and_database()
    client = client_for(staff)
    with running_worker(tmp_path):  # the broker, not this process: the worker makes it
        response = client.post(
            reverse("reports:report-request"),
            {
                "period": "custom",
                "period_start": "2024-01-01",
                "period_end": "2024-03-31",
                "audience": Report.Audience.BOARD,
                "scope": Report.Scope.ALL,
                "do_differently": "Meet in the evenings.",
            },
        )
        report = Report.objects.get(organisation=brightwater)
        assert response.status_code == 302
        assert response.url == reverse("reports:report-detail", args=[report.pk])
        wait_until(lambda: finished(report), "made")

    assert_made_once(report, tries=1)
    status = client.get(reverse("reports:report-status", args=[report.pk])).json()
    assert (status["status"], status["finished"]) == ("ready", True)
    download = client.get(reverse("reports:report-download", args=[report.pk]))
    assert download["Content-Type"] == "application/pdf"
    assert download.content.startswith(b"%PDF")


def test_a_report_whose_worker_child_is_killed_halfway_is_made_once_on_the_next_try(
    tmp_path, brightwater, staff
):
    """acks_late + reject_on_worker_lost: the parent sees its child die, puts the message
    back in the queue and starts a new child, which takes it at once (not after the broker's
    hour-long visibility timeout, nor by the sweep)."""
    needs_real_broker_and_database()
    with running_worker(tmp_path, pool="prefork", concurrency=1, **POISONED) as worker:
        report = ask(brightwater, staff, days=90, do_differently=SLOW)

        def rendering():
            report.refresh_from_db()
            return report.status == Report.Status.RENDERING

        wait_until(rendering, "being made")
        assert report.tries == 1
        [child] = worker.children()
        os.kill(child, signal.SIGKILL)

        wait_until(lambda: finished(report), "made after the child was killed")
        new_children = worker.children()
        log = worker.log_text()

    assert_made_once(report, tries=2)
    assert len(new_children) == 1 and child not in new_children  # the parent made a new one
    assert "WorkerLostError" in log


def test_a_report_that_always_fails_stops_after_three_tries_and_the_others_are_made(
    tmp_path, brightwater, staff
):
    needs_real_broker_and_database()
    with running_worker(tmp_path, **POISONED) as worker:
        poisoned = ask(brightwater, staff, days=30, do_differently=POISON)
        first = ask(brightwater, staff, days=60)
        second = ask(brightwater, staff, days=90)
        for report in (poisoned, first, second):
            wait_until(lambda report=report: finished(report), f"{report} finished")
        log = worker.log_text()

    poisoned.refresh_from_db()
    assert (poisoned.status, poisoned.tries) == (Report.Status.FAILED, MAX_TRIES)
    # The page says what happened in plain words; the error itself is in the worker's log.
    assert (
        poisoned.failure
        == "Something went wrong while making it. The details are in the site's log."
    )
    assert POISON_ERROR not in poisoned.failure
    assert log.count(POISON_ERROR) >= MAX_TRIES
    assert not ReportDocument.objects.filter(report=poisoned).exists()
    assert_made_once(first, tries=1)
    assert_made_once(second, tries=1)
