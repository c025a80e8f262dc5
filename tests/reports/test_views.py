"""Reports in the browser: who may do what, asking for one (and what a wrong answer gives
back), watching it, and the PDF's download."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from outcomes.periods import quarter_of
from reports.models import Report

from ..factories import ActivityFactory
from ..pages import Page, assert_field_error
from .conftest import make_report

REQUEST = reverse("reports:report-request")
LIST = reverse("reports:report-list")


def url(name: str, report) -> str:
    return reverse(f"reports:{name}", args=[report.pk])


def last_quarter():
    """The quarter just ended of brightwater's year, which the form offers first."""
    return quarter_of(timezone.localdate(), 4).previous()


def asked(**overrides) -> dict:
    """The request form as a person sends it: the quarter just ended, for the board, every
    activity."""
    return {
        "period": last_quarter().key,
        "period_start": "",
        "period_end": "",
        "audience": "board",
        "scope": "all",
        "programme": "",
        "do_differently": "Meet in the evenings.",
        **overrides,
    }


@pytest.fixture
def ready(brightwater):
    return make_report(brightwater)


# Who may do what.


@pytest.mark.parametrize(
    "name", ["report-detail", "report-status", "report-preview", "report-download"]
)
def test_another_organisations_report_is_not_found(name, ready, other_org_staff, client_for):
    assert client_for(other_org_staff).get(url(name, ready)).status_code == 404


@pytest.mark.parametrize("name", ["report-retry", "report-again"])
def test_another_organisation_cannot_act_on_a_report(
    name, brightwater, other_org_staff, client_for
):
    failed = make_report(brightwater, status=Report.Status.FAILED)
    assert client_for(other_org_staff).post(url(name, failed)).status_code == 404
    assert Report.objects.count() == 1
    failed.refresh_from_db()
    assert failed.status == Report.Status.FAILED


def test_a_service_user_sees_no_reports(ready, service_user, client_for):
    client = client_for(service_user)
    assert client.get(LIST).status_code == 403
    assert client.get(REQUEST).status_code == 403
    assert client.post(REQUEST, asked()).status_code == 403
    # Reports are outside a service user's scope altogether.
    assert client.get(url("report-detail", ready)).status_code == 404
    assert client.get(url("report-download", ready)).status_code == 404


def test_a_trustee_reads_and_downloads_but_does_not_ask_or_retry(
    brightwater, ready, trustee, client_for
):
    client = client_for(trustee)
    assert client.get(LIST).status_code == 200
    page = client.get(url("report-detail", ready))
    assert page.status_code == 200
    assert b"Make a new version" not in page.content
    assert client.get(url("report-status", ready)).status_code == 200
    assert client.get(url("report-preview", ready)).status_code == 200
    assert client.get(url("report-download", ready)).status_code == 200
    assert client.get(REQUEST).status_code == 403
    assert client.post(REQUEST, asked()).status_code == 403
    failed = make_report(brightwater, status=Report.Status.FAILED, audience="funder")
    assert b"Try again" not in client.get(url("report-detail", failed)).content
    assert client.post(url("report-retry", failed)).status_code == 403
    assert client.post(url("report-again", ready)).status_code == 403
    assert Report.objects.count() == 2
    failed.refresh_from_db()
    assert failed.status == Report.Status.FAILED


@pytest.mark.parametrize(
    "name, method",
    [
        ("report-list", "get"),
        ("report-request", "get"),
        ("report-detail", "get"),
        ("report-status", "get"),
        ("report-preview", "get"),
        ("report-download", "get"),
        ("report-retry", "post"),
        ("report-again", "post"),
    ],
)
def test_someone_not_signed_in_is_sent_to_sign_in(name, method, ready, client):
    address = reverse(
        f"reports:{name}", args=[] if name in ("report-list", "report-request") else [ready.pk]
    )
    response = getattr(client, method)(address)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


# Asking for a report.


def test_asking_for_a_quarter_makes_the_report_and_shows_it(staff_client, staff, brightwater):
    response = staff_client.post(REQUEST, asked())
    report = Report.objects.get()
    assert response.status_code == 302
    assert response.url == url("report-detail", report)
    assert (report.period_start, report.period_end) == (last_quarter().start, last_quarter().end)
    assert (report.audience, report.scope, report.organisation) == ("board", "all", brightwater)
    assert (report.requested_by, report.automatic, report.status) == (staff, False, "queued")
    assert report.do_differently == "Meet in the evenings."


def test_asking_for_chosen_activities_keeps_them(staff_client, quarter):
    staff_client.post(REQUEST, asked(scope="chosen", activities=[quarter.carers.pk]))
    assert list(Report.objects.get().activities.all()) == [quarter.carers]


def test_asking_for_a_programme_keeps_it(staff_client, quarter):
    staff_client.post(REQUEST, asked(scope="programme", programme="Carers"))
    report = Report.objects.get()
    assert (report.scope, report.programme) == ("programme", "Carers")


def test_asking_for_other_dates(staff_client):
    staff_client.post(
        REQUEST, asked(period="custom", period_start="2026-02-01", period_end="2026-05-31")
    )
    report = Report.objects.get()
    assert (report.period_start, report.period_end) == (
        datetime.date(2026, 2, 1),
        datetime.date(2026, 5, 31),
    )


def test_sending_the_same_request_twice_gives_one_report(staff_client):
    first = staff_client.post(REQUEST, asked())
    second = staff_client.post(REQUEST, asked(), follow=True)
    assert Report.objects.count() == 1
    assert second.redirect_chain[0][0] == first.url
    assert b"This report is already being made: here it is." in second.content


NOT_ADDED = "What you wrote about doing differently was not added to it"


@pytest.mark.parametrize(
    "second_text, told",
    [
        ("Meet at the library instead.", True),
        ("Meet in the evenings.", False),  # the same words
        ("", False),  # nothing written the second time
    ],
)
def test_a_second_request_says_when_its_words_were_not_added(staff_client, second_text, told):
    staff_client.post(REQUEST, asked())
    second = staff_client.post(REQUEST, asked(do_differently=second_text), follow=True)
    assert Report.objects.get().do_differently == "Meet in the evenings."
    html = second.content.decode()
    assert "This report is already being made: here it is." in html
    assert (NOT_ADDED in html) is told


def in_ten_days() -> str:
    return (timezone.localdate() + datetime.timedelta(days=10)).isoformat()


@pytest.mark.parametrize(
    "overrides, field, message, choices",
    [
        (
            {"period": "custom", "period_start": "2026-05-01", "period_end": "2026-04-30"},
            "period_end",
            "The end date must be on or after the start date.",
            False,
        ),
        (
            {"period": "custom", "period_start": "FUTURE", "period_end": "FUTURE"},
            "period_start",
            "The period cannot start in the future.",
            False,
        ),
        ({"period": "custom"}, "period_start", "Enter the start date.", False),
        ({"period": "custom"}, "period_end", "Enter the end date.", False),
        (
            {"period": "custom", "period_start": "2026-13-45", "period_end": "2026-05-01"},
            "period_start",
            "Enter a real start date.",
            False,
        ),
        (
            {"period": "custom", "period_start": "2020-01-01", "period_end": "2026-05-01"},
            "period_end",
            "A report can cover three years at most.",
            False,
        ),
        ({"period": ""}, "period", "Choose a period.", True),
        ({"audience": ""}, "audience", "Choose who it is for.", True),
        ({"scope": "chosen"}, "activities", "Choose at least one activity.", True),
        ({"scope": "programme"}, "programme", "Choose a programme.", False),
        (
            {"scope": "programme", "programme": "Not ours"},
            "programme",
            "Choose a programme.",
            False,
        ),
        (
            {"scope": "chosen", "activities": "NORTHGATE"},
            "activities",
            "Choose activities of your own organisation.",
            True,
        ),
    ],
    ids=[
        "end before start",
        "start in the future",
        "custom without a start",
        "custom without an end",
        "not a date",
        "over three years",
        "no period",
        "no audience",
        "chosen without activities",
        "programme without one",
        "programme not offered",
        "another organisation's activity",
    ],
)
def test_a_wrong_answer_comes_back_beside_its_field_with_what_was_typed(
    overrides, field, message, choices, staff_client, quarter, northgate, other_org_staff
):
    theirs = ActivityFactory(organisation=northgate, created_by=other_org_staff)
    data = asked(do_differently="Kept as typed.", **overrides)
    data = {
        key: (in_ten_days() if value == "FUTURE" else theirs.pk if value == "NORTHGATE" else value)
        for key, value in data.items()
    }
    response = staff_client.post(REQUEST, data)
    page = assert_field_error(response, field, message, choices=choices)
    assert Report.objects.count() == 0
    assert page.value("do_differently") == "Kept as typed."
    for name in ("period", "period_start", "period_end", "audience", "scope"):
        if data[name]:
            assert page.value(name) == str(data[name]), name


def test_the_form_offers_only_the_organisations_own_activities_and_programmes(
    staff_client, quarter, northgate, other_org_staff
):
    ActivityFactory(
        organisation=northgate, created_by=other_org_staff, title="Northgate forum", programme="N"
    )
    content = staff_client.get(REQUEST).content.decode()
    assert "Voices Council" in content and "Carers" in content
    assert "Northgate forum" not in content
    assert '<option value="N">' not in content


# Watching a report and getting its PDF.


def test_the_status_says_how_the_report_is_getting_on(brightwater, staff_client):
    queued = make_report(brightwater, status=Report.Status.QUEUED)
    response = staff_client.get(url("report-status", queued))
    assert response.json() == {
        "status": "queued",
        "label": "Queued",
        "failure": "",
        "finished": False,
    }
    assert "no-store" in response["Cache-Control"]
    failed = make_report(
        brightwater, status=Report.Status.FAILED, audience="funder", failure="It broke."
    )
    assert staff_client.get(url("report-status", failed)).json() == {
        "status": "failed",
        "label": "Failed",
        "failure": "It broke.",
        "finished": True,
    }
    assert staff_client.post(url("report-status", failed)).status_code == 405


def test_a_report_being_made_is_polled_and_cannot_be_downloaded_yet(brightwater, staff_client):
    queued = make_report(brightwater, status=Report.Status.QUEUED)
    page = staff_client.get(url("report-detail", queued)).content.decode()
    assert f'data-report-status="{url("report-status", queued)}"' in page
    assert url("report-download", queued) not in page
    assert staff_client.get(url("report-download", queued)).status_code == 404
    assert staff_client.get(url("report-preview", queued)).status_code == 404


def test_a_failed_report_says_why_and_offers_to_try_again(brightwater, staff_client):
    failed = make_report(
        brightwater, status=Report.Status.FAILED, failure="It stopped after 3 tries."
    )
    page = staff_client.get(url("report-detail", failed)).content.decode()
    assert "It stopped after 3 tries." in page
    assert url("report-retry", failed) in page
    assert staff_client.get(url("report-download", failed)).status_code == 404
    response = staff_client.post(url("report-retry", failed))
    assert response.url == url("report-detail", failed)
    failed.refresh_from_db()
    assert (failed.status, failed.failure) == (Report.Status.QUEUED, "")


def test_the_pdf_downloads_as_a_private_attachment(ready, staff_client):
    response = staff_client.get(url("report-download", ready))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="impact-report-2026-04-01-2026-06-30-v1.pdf"'
    )
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert response.content == bytes(ready.document.pdf)
    assert staff_client.post(url("report-download", ready)).status_code == 405


def test_the_preview_is_the_stored_page(ready, staff_client):
    response = staff_client.get(url("report-preview", ready))
    assert response.content == b"<p>Stand-in</p>"
    assert "no-store" in response["Cache-Control"]


def test_a_ready_report_offers_the_pdf_with_its_checksum(ready, staff_client):
    page = Page.of(staff_client.get(url("report-detail", ready)))
    assert page.rows["Checksum (SHA-256)"] == ready.document.sha256
    assert page.rows["Version"] == "1"


def test_a_new_version_of_a_finished_report_keeps_the_old_one(ready, staff_client, staff):
    response = staff_client.post(url("report-again", ready))
    again = Report.objects.exclude(pk=ready.pk).get()
    assert response.url == url("report-detail", again)
    assert (again.version, again.key, again.requested_by) == (2, ready.key, staff)
    ready.refresh_from_db()
    assert ready.status == Report.Status.READY
    page = staff_client.get(url("report-detail", again)).content.decode()
    assert "Version 2 (this one)" in page
    assert url("report-detail", ready) in page


def test_no_new_version_while_one_is_being_made(brightwater, staff_client):
    queued = make_report(brightwater, status=Report.Status.QUEUED)
    response = staff_client.post(url("report-again", queued))
    assert response.url == url("report-detail", queued)
    assert Report.objects.count() == 1
    assert staff_client.get(url("report-again", queued)).status_code == 405


# No N+1.


def queries(client, address) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(address)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_the_list_costs_the_same_with_2_reports_or_10(brightwater, staff, staff_client):
    def add(count, start):
        for n in range(count):
            make_report(
                brightwater,
                version=start + n,
                status=[Report.Status.READY, Report.Status.FAILED][n % 2],
                requested_by=staff,
            )

    add(2, 1)
    few = queries(staff_client, LIST)
    add(8, 3)
    assert queries(staff_client, LIST) == few


def test_the_report_page_costs_the_same_with_2_versions_or_10(brightwater, staff, staff_client):
    reports = [make_report(brightwater, version=n, requested_by=staff) for n in (1, 2)]
    few = queries(staff_client, url("report-detail", reports[-1]))
    reports += [make_report(brightwater, version=n, requested_by=staff) for n in range(3, 11)]
    assert queries(staff_client, url("report-detail", reports[-1])) == few
