"""Report jobs: one report per request while it is being made, one PDF however often the job
is delivered, a stop after MAX_TRIES with the reason, the sweep, the quarterly schedule and
the trustees' email."""

import datetime
import hashlib
import io
from unittest import mock

import pytest
from celery.exceptions import Retry
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from involvement.models import Membership, Role
from reports import jobs, services
from reports.models import MAX_TRIES, Report, ReportDocument
from reports.rendering import Rendered
from reports.tasks import make_quarterly_reports, render_report, sweep_stuck_reports, tell_trustees

from ..factories import OrganisationFactory, UserFactory
from .conftest import FAKE_PDF, Q1_END, Q1_START, ask


def finish(report, pdf=FAKE_PDF) -> None:
    """What a worker does, without rendering: claim the report and keep a stand-in PDF."""
    _report, claim = jobs.report_claim(report_id=report.pk)
    assert jobs.report_finish(
        report_id=report.pk, claim=claim, rendered=Rendered(pdf, 1, "<p>Made</p>")
    )


def test_asking_twice_while_it_is_queued_gives_the_same_report(brightwater, staff):
    first, new = services.report_request(
        organisation=brightwater,
        period_start=Q1_START,
        period_end=Q1_END,
        audience=Report.Audience.BOARD,
        scope=Report.Scope.ALL,
        requested_by=staff,
    )
    again, new_again = services.report_request(
        organisation=brightwater,
        period_start=Q1_START,
        period_end=Q1_END,
        audience=Report.Audience.BOARD,
        scope=Report.Scope.ALL,
        requested_by=staff,
    )
    assert (new, new_again) == (True, False)
    assert again.pk == first.pk
    assert Report.objects.count() == 1


def test_asking_again_while_it_is_being_made_gives_the_same_report(brightwater):
    first = ask(brightwater)
    jobs.report_claim(report_id=first.pk)
    assert ask(brightwater).pk == first.pk
    assert Report.objects.get().status == Report.Status.RENDERING


def test_asking_for_a_different_report_makes_another(brightwater):
    board = ask(brightwater)
    funder = ask(brightwater, audience=Report.Audience.FUNDER)
    assert funder.pk != board.pk
    assert funder.version == 1


def test_asking_again_after_it_is_ready_makes_version_2_and_leaves_version_1_alone(brightwater):
    first = ask(brightwater)
    finish(first, pdf=b"%PDF version one")
    first.refresh_from_db()
    document = ReportDocument.objects.get(report=first)
    before = (first.status, first.updated_at, first.finished_at, document.sha256)

    second = ask(brightwater)

    assert second.pk != first.pk
    assert (second.version, second.status, second.key) == (2, Report.Status.QUEUED, first.key)
    first.refresh_from_db()
    document.refresh_from_db()
    assert (first.status, first.updated_at, first.finished_at, document.sha256) == before
    assert bytes(document.pdf) == b"%PDF version one"
    assert not ReportDocument.objects.filter(report=second).exists()


def test_report_again_makes_the_next_version_with_the_same_choices(brightwater, staff, quarter):
    first = ask(
        brightwater,
        scope=Report.Scope.CHOSEN,
        activities=[quarter.voices],
        do_differently="Meet in the evenings.",
    )
    finish(first)
    again, new = services.report_again(report=first, requested_by=staff)
    assert new
    assert (again.version, again.key, again.do_differently) == (
        2,
        first.key,
        "Meet in the evenings.",
    )
    assert list(again.activities.all()) == [quarter.voices]


def test_a_second_claim_takes_over_and_only_it_can_finish(brightwater):
    report = ask(brightwater)
    _report, first_claim = jobs.report_claim(report_id=report.pk)
    _report, second_claim = jobs.report_claim(report_id=report.pk)

    made = Rendered(FAKE_PDF, 1, "<p>Made</p>")
    assert jobs.report_finish(report_id=report.pk, claim=first_claim, rendered=made) is False
    assert jobs.report_finish(report_id=report.pk, claim=second_claim, rendered=made) is True
    assert jobs.report_finish(report_id=report.pk, claim=first_claim, rendered=made) is False

    report.refresh_from_db()
    assert (report.status, report.tries) == (Report.Status.READY, 2)
    assert ReportDocument.objects.filter(report=report).count() == 1
    # A late failure from the first try changes nothing either.
    jobs.report_try_failed(report_id=report.pk, claim=first_claim, reason="late", last=True)
    report.refresh_from_db()
    assert (report.status, report.failure) == (Report.Status.READY, "")


def test_a_finished_report_is_not_claimed_again(brightwater):
    report = ask(brightwater)
    finish(report)
    assert jobs.report_claim(report_id=report.pk) is None
    report.refresh_from_db()
    assert (report.status, report.tries) == (Report.Status.READY, 1)


def test_claiming_a_report_out_of_tries_marks_it_failed(brightwater):
    report = ask(brightwater)
    Report.objects.filter(pk=report.pk).update(tries=MAX_TRIES)
    assert jobs.report_claim(report_id=report.pk) is None
    report.refresh_from_db()
    assert report.status == Report.Status.FAILED
    assert report.failure == "It stopped after 3 tries."


FAILED_REASON = "Something went wrong while making it. The details are in the site's log."


def test_a_render_that_always_fails_stops_after_three_tries_with_the_reason(
    brightwater, monkeypatch, caplog
):
    """Delivered as a worker would (not in process): each try counts, the first two go back
    in the queue, the third fails for good; the other report is made meanwhile. The page
    gets a fixed reason; what went wrong (it may hold SQL or data) goes only to the log."""
    broken, fine = ask(brightwater), ask(brightwater, audience=Report.Audience.FUNDER)

    def render(report):
        if report.pk == broken.pk:
            raise RuntimeError("the fonts are missing")
        return Rendered(FAKE_PDF, 1, "<p>Made</p>")

    monkeypatch.setattr("reports.jobs.render", render)
    for attempt in (1, 2):
        with pytest.raises(Retry):
            render_report(broken.pk)
        broken.refresh_from_db()
        assert (broken.status, broken.tries) == (Report.Status.QUEUED, attempt)
        assert broken.failure == FAILED_REASON
    render_report(fine.pk)
    render_report(broken.pk)
    # A fourth delivery finds nothing to do.
    render_report(broken.pk)

    broken.refresh_from_db()
    assert (broken.status, broken.tries) == (Report.Status.FAILED, MAX_TRIES)
    assert broken.failure == FAILED_REASON
    assert "the fonts are missing" in caplog.text
    assert not ReportDocument.objects.filter(report=broken).exists()
    fine.refresh_from_db()
    assert fine.status == Report.Status.READY
    assert ReportDocument.objects.filter(report=fine).count() == 1


def test_in_process_a_failure_is_final_at_once_with_the_reason(
    brightwater, monkeypatch, caplog, staff_client
):
    report = ask(brightwater)

    def render(report):
        raise ValueError("no room on the page")

    monkeypatch.setattr("reports.jobs.render", render)
    render_report.delay(report.pk)
    report.refresh_from_db()
    assert (report.status, report.tries) == (Report.Status.FAILED, 1)
    assert report.failure == FAILED_REASON
    assert "no room on the page" in caplog.text
    page = staff_client.get(reverse("reports:report-detail", args=[report.pk])).content.decode()
    assert "Something went wrong while making it. The details are in the site&#x27;s log." in page
    assert "no room on the page" not in page


def test_a_try_that_lost_its_claim_records_nothing_and_is_not_retried(brightwater, monkeypatch):
    """While this try rendered, a second delivery of the job claimed the report: the failing
    try neither marks the report nor queues a retry of its own; the second one carries on."""
    report = ask(brightwater)
    taken = []

    def render(report):
        taken.append(jobs.report_claim(report_id=report.pk)[1])
        raise RuntimeError("the fonts are missing")

    monkeypatch.setattr("reports.jobs.render", render)
    render_report(report.pk)  # no Retry raised
    report.refresh_from_db()
    assert (report.status, report.tries, report.failure) == (Report.Status.RENDERING, 2, "")
    assert report.claim == taken[0]


def test_a_failed_try_says_whether_it_still_held_the_report(brightwater):
    report = ask(brightwater)
    _report, first = jobs.report_claim(report_id=report.pk)
    _report, second = jobs.report_claim(report_id=report.pk)
    failed = jobs.report_try_failed
    assert failed(report_id=report.pk, claim=first, reason="late", last=False) is False
    assert failed(report_id=report.pk, claim=second, reason="broken", last=False) is True
    report.refresh_from_db()
    assert (report.status, report.failure) == (Report.Status.QUEUED, "broken")


def test_trying_again_puts_a_failed_report_back_with_three_more_tries(
    brightwater, fake_render, django_capture_on_commit_callbacks
):
    report = ask(brightwater)
    Report.objects.filter(pk=report.pk).update(
        status=Report.Status.FAILED, tries=MAX_TRIES, failure="It stopped after 3 tries."
    )
    with django_capture_on_commit_callbacks() as callbacks:
        assert services.report_retry(report=report) is True
    report.refresh_from_db()
    assert (report.status, report.tries, report.failure, report.claim) == (
        Report.Status.QUEUED,
        0,
        "",
        None,
    )
    assert len(callbacks) == 1  # the job, once the retry is saved
    callbacks[0]()
    report.refresh_from_db()
    assert (report.status, report.tries) == (Report.Status.READY, 1)
    assert fake_render.made == [report.pk]


def test_trying_again_does_nothing_unless_it_failed(brightwater):
    report = ask(brightwater)
    assert services.report_retry(report=report) is False
    finish(report)
    assert services.report_retry(report=report) is False
    report.refresh_from_db()
    assert report.status == Report.Status.READY


def age(report, minutes: int) -> None:
    Report.objects.filter(pk=report.pk).update(
        updated_at=timezone.now() - datetime.timedelta(minutes=minutes)
    )


def test_the_sweep_queues_old_stuck_reports_again_and_fails_those_out_of_tries(
    brightwater, monkeypatch
):
    queued = []
    monkeypatch.setattr(render_report, "delay", lambda pk: queued.append(pk))
    lost = ask(brightwater)
    half_made = ask(brightwater, audience=Report.Audience.FUNDER)
    jobs.report_claim(report_id=half_made.pk)
    worn_out = ask(brightwater, scope=Report.Scope.PROGRAMME, programme="Carers")
    Report.objects.filter(pk=worn_out.pk).update(status=Report.Status.RENDERING, tries=MAX_TRIES)
    recent = ask(brightwater, period_start=datetime.date(2026, 5, 1))
    ready = ask(brightwater, period_start=datetime.date(2026, 6, 1))
    finish(ready)
    for report in (lost, half_made, worn_out, ready):
        age(report, minutes=11)
    age(recent, minutes=9)

    assert sweep_stuck_reports() == 2

    assert sorted(queued) == sorted([lost.pk, half_made.pk])
    worn_out.refresh_from_db()
    assert (worn_out.status, worn_out.failure) == (
        Report.Status.FAILED,
        "It stopped after 3 tries.",
    )
    statuses = dict(Report.objects.values_list("pk", "status"))
    assert statuses[lost.pk] == Report.Status.QUEUED
    assert statuses[half_made.pk] == Report.Status.RENDERING
    assert statuses[recent.pk] == Report.Status.QUEUED
    assert statuses[ready.pk] == Report.Status.READY
    # Touched, so the next sweep waits for the jobs it just queued.
    assert sweep_stuck_reports() == 0
    assert len(queued) == 2


def test_a_swept_report_is_made_by_the_job_it_queues(brightwater, fake_render):
    report = ask(brightwater)
    age(report, minutes=30)
    assert sweep_stuck_reports() == 1
    report.refresh_from_db()
    assert report.status == Report.Status.READY
    assert fake_render.made == [report.pk]


def test_the_quarterly_reports_cover_each_organisations_quarter_just_ended_once(
    brightwater, northgate
):
    assert brightwater.year_start_month == 4
    northgate.year_start_month = 1
    northgate.save()
    february = OrganisationFactory(name="February Trust", year_start_month=2)

    # 10 May 2026: 2026/27 Q1 of an April year, 2026 Q2 of a calendar year, and the second
    # quarter (May to July) of a year starting in February, have just begun.
    assert make_quarterly_reports(today=datetime.date(2026, 5, 10)) == 3
    assert make_quarterly_reports(today=datetime.date(2026, 5, 11)) == 0

    made = {
        r.organisation_id: (r.period_start, r.period_end, r.audience, r.scope, r.automatic)
        for r in Report.objects.all()
    }
    D = datetime.date
    board = (Report.Audience.BOARD, Report.Scope.ALL, True)
    assert made == {
        brightwater.pk: (D(2026, 1, 1), D(2026, 3, 31), *board),
        northgate.pk: (D(2026, 1, 1), D(2026, 3, 31), *board),
        february.pk: (D(2026, 2, 1), D(2026, 4, 30), *board),
    }
    assert Report.objects.count() == 3


def test_the_first_day_of_a_quarter_makes_the_report_of_the_one_before(brightwater):
    make_quarterly_reports(today=datetime.date(2026, 7, 1))
    report = Report.objects.get(organisation=brightwater)
    assert (report.period_start, report.period_end) == (Q1_START, Q1_END)


@pytest.fixture
def second_trustee(brightwater):
    user = UserFactory(email="trustee2@brightwater.example", full_name="Second Trustee")
    Membership.objects.create(user=user, organisation=brightwater, role=Role.TRUSTEE)
    return user


def test_trustees_get_a_link_to_the_quarterly_report_never_the_pdf_nor_anyone_named(
    quarter, trustee, second_trustee, fake_render, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_quarterly_reports(today=datetime.date(2026, 7, 1))
    report = Report.objects.get(organisation=quarter.organisation)
    assert report.status == Report.Status.READY
    assert report.trustees_told_at is not None

    link = settings.SITE_URL + reverse("reports:report-detail", args=[report.pk])
    # Northgate's trustee is told about Northgate's report.
    ours = [message for message in mail.outbox if "northgate" not in message.to[0]]
    assert sorted(message.to[0] for message in ours) == sorted(
        [trustee.email, second_trustee.email]
    ), "each trustee in their own email"
    names = [p.name for p in quarter.people.values()] + [trustee.full_name]
    for message in ours:
        assert link in message.body
        assert message.subject == "Your impact report is ready: Brightwater Health and Care Trust"
        assert "1 April 2026 to 30 June 2026" in message.body
        assert message.attachments == []
        assert not getattr(message, "alternatives", None)
        assert "%PDF" not in message.body
        text = message.subject + message.body
        assert not [name for name in names if name in text]


def test_trustees_are_told_once(brightwater, trustee, fake_render):
    report = ask(brightwater, automatic=True)
    finish(report)
    assert jobs.trustees_tell(report_id=report.pk) == 1
    assert jobs.trustees_tell(report_id=report.pk) == 0
    assert len(mail.outbox) == 1


def test_a_trustee_whose_account_is_closed_is_not_emailed(
    brightwater, trustee, second_trustee, fake_render
):
    second_trustee.is_active = False
    second_trustee.save()
    report = ask(brightwater, automatic=True)
    finish(report)
    assert jobs.trustees_tell(report_id=report.pk) == 1
    assert [message.to for message in mail.outbox] == [[trustee.email]]


def test_a_mail_server_that_refuses_leaves_the_trustees_to_be_told_later(
    brightwater, trustee, fake_render
):
    report = ask(brightwater, automatic=True)
    finish(report)
    with mock.patch("django.core.mail.send_mass_mail", side_effect=OSError("Refused")):
        with pytest.raises(OSError):
            jobs.trustees_tell(report_id=report.pk)
    report.refresh_from_db()
    assert report.trustees_told_at is None
    assert mail.outbox == []
    assert jobs.trustees_tell(report_id=report.pk) == 1
    report.refresh_from_db()
    assert report.trustees_told_at is not None
    assert [message.to for message in mail.outbox] == [[trustee.email]]


@pytest.fixture
def ready_quarterly(brightwater, trustee, fake_render):
    report = ask(brightwater, automatic=True)
    finish(report)
    return report


REFUSED = OSError("Connection refused")


def as_a_worker_delivers(task, report_id, retries):
    """Run `task` as a worker's delivery of it would (not in process), on its `retries`th
    retry; `task.retry` stands in for queueing the next (jobs here otherwise run at once)."""
    with mock.patch.object(task, "retry", side_effect=Retry) as retry:
        task.push_request(retries=retries, is_eager=False, called_directly=False)
        try:
            task.run(report_id)
        finally:
            task.pop_request()
    return retry


def test_the_trustees_email_job_tries_again_when_the_mail_server_refuses(ready_quarterly):
    with mock.patch("django.core.mail.send_mass_mail", side_effect=REFUSED):
        with pytest.raises(Retry):
            as_a_worker_delivers(tell_trustees, ready_quarterly.pk, retries=0)
    assert mail.outbox == []
    ready_quarterly.refresh_from_db()
    assert ready_quarterly.trustees_told_at is None
    # The retry sends it.
    tell_trustees.apply(args=[ready_quarterly.pk])
    assert len(mail.outbox) == 1
    ready_quarterly.refresh_from_db()
    assert ready_quarterly.trustees_told_at is not None


def test_the_trustees_email_job_gives_up_in_process_or_after_its_retries(ready_quarterly, caplog):
    with mock.patch("django.core.mail.send_mass_mail", side_effect=REFUSED):
        tell_trustees.apply(args=[ready_quarterly.pk])  # in process: no retry, no error
        assert "Trustees not told about report" in caplog.text
        caplog.clear()
        retry = as_a_worker_delivers(
            tell_trustees, ready_quarterly.pk, retries=tell_trustees.max_retries
        )
    retry.assert_not_called()
    assert "Trustees not told about report" in caplog.text
    assert mail.outbox == []


def test_trustees_are_not_emailed_about_a_report_someone_asked_for(
    brightwater, trustee, fake_render, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        report = ask(brightwater)
    report.refresh_from_db()
    assert report.status == Report.Status.READY
    assert jobs.trustees_tell(report_id=report.pk) == 0
    assert mail.outbox == []


def test_a_report_made_for_real_keeps_its_pdf_with_the_right_checksum_size_and_pages(
    quarter, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        report = ask(quarter.organisation)
    report.refresh_from_db()
    assert (report.status, report.tries, report.failure) == (Report.Status.READY, 1, "")
    document = report.document
    pdf = bytes(document.pdf)
    assert pdf.startswith(b"%PDF-")
    assert document.sha256 == hashlib.sha256(pdf).hexdigest()
    assert document.size == len(pdf)
    assert document.pages == len(PdfReader(io.BytesIO(pdf)).pages) > 1
    assert "Voices Council" in document.html


def test_a_duplicate_delivery_during_the_last_try_leaves_that_try_to_finish(brightwater):
    report = ask(brightwater)
    for _try in range(MAX_TRIES):
        _report, last_claim = jobs.report_claim(report_id=report.pk)
    assert jobs.report_claim(report_id=report.pk) is None
    made = Rendered(FAKE_PDF, 1, "<p>Made</p>")
    assert jobs.report_finish(report_id=report.pk, claim=last_claim, rendered=made)


def test_the_quarterly_schedule_counts_only_the_reports_it_queued(brightwater, northgate):
    # Staff of both asked for the quarter's board report themselves; it is still queued.
    ask(brightwater)
    ask(northgate)
    assert make_quarterly_reports(today=datetime.date(2026, 7, 1)) == 0
    assert Report.objects.count() == 2
