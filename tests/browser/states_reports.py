"""Page states for impact reports: the list, the form to ask for one, a report's page while
it is waited for, made, failed or in several versions, and the report itself as a web page
(its own document and style sheet, made for real from the organisation's data)."""

import datetime

from django.urls import reverse
from django.utils import timezone

from activities.models import Activity
from reports import services
from reports.models import Report, ReportDocument

from .helpers import expect_heading, organisation_of, sign_in, submit
from .states_loop import told_and_rated
from .states_outcomes import expect_summary_links_work
from .states_quality import assess

# --- data -------------------------------------------------------------------------------------

STAND_IN_PDF = b"%PDF-1.7 stand-in"
FAILURE = "It could not be made: the chart of approaches had no data."
DO_DIFFERENTLY = "Pay travel on the day.\nSend papers a week before, in large print."


def days_ago(days) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


def last_half_year() -> dict:
    """A period the browser fixtures' data falls in: the last 180 days, up to today."""
    return {"period_start": days_ago(180), "period_end": timezone.localdate()}


def report_row(people, *, status=Report.Status.QUEUED, version=1, **fields) -> Report:
    """A report row as a job leaves it, made directly (nothing rendered): a ready one gets a
    small stand-in PDF, a failed one a reason."""
    data = {
        **last_half_year(),
        "audience": Report.Audience.BOARD,
        "scope": Report.Scope.ALL,
        "requested_by": people["staff"],
        **fields,
    }
    key = services.report_key(
        period_start=data["period_start"],
        period_end=data["period_end"],
        audience=data["audience"],
        scope=data["scope"],
        activity_ids=[],
        programme=data.get("programme", ""),
    )
    if status == Report.Status.FAILED:
        data.setdefault("failure", FAILURE)
        data.setdefault("tries", 3)
    if status in (Report.Status.READY, Report.Status.FAILED):
        data.setdefault("finished_at", timezone.now())
    report = Report.objects.create(
        organisation=organisation_of(people["staff"]),
        key=key,
        version=version,
        status=status,
        **data,
    )
    if status == Report.Status.READY:
        ReportDocument.objects.create(
            report=report,
            pdf=STAND_IN_PDF,
            html="<p>Stand-in</p>",
            sha256="0" * 64,
            pages=12,
            size=len(STAND_IN_PDF),
        )
    return report


def rich_data(people):
    """The Voices Council with everyone's feedback, staff's judgements of the markers, and
    "you said, we did" at every step: something in every section of a report."""
    activity = told_and_rated(people)
    assess(activity, people)
    Activity.objects.filter(pk=activity.pk).update(programme="Voices")
    return activity


def rendered_report(people, **choices) -> Report:
    """A report asked for through the service and made for real (WeasyPrint and all) by its
    job, which runs in this process when the request commits."""
    data = {
        **last_half_year(),
        "audience": Report.Audience.BOARD,
        "scope": Report.Scope.ALL,
        "do_differently": DO_DIFFERENTLY,
        **choices,
    }
    report, _new = services.report_request(
        organisation=organisation_of(people["staff"]), requested_by=people["staff"], **data
    )
    report.refresh_from_db()
    assert report.status == Report.Status.READY, report.failure
    return report


def open_detail(page, report):
    page.goto(reverse("reports:report-detail", args=[report.pk]))


# --- the list ---------------------------------------------------------------------------------


def list_empty(page, people, live_server):
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("reports:report-list"))
    expect_heading(page, "Impact reports")
    assert "No reports yet." in page.locator("main").inner_text()
    assert page.get_by_role("link", name="Make a report").is_visible()


def every_status(people):
    report_row(people, status=Report.Status.READY, automatic=True, requested_by=None)
    report_row(people, status=Report.Status.FAILED, audience=Report.Audience.FUNDER)
    report_row(people, status=Report.Status.RENDERING, period_start=days_ago(90))
    report_row(people, status=Report.Status.QUEUED, period_start=days_ago(30))


def list_every_status(page, people, live_server):
    """Queued, being made, ready (made by itself) and failed, newest first."""
    every_status(people)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("reports:report-list"))
    tags = page.locator("main table .govuk-tag").all_inner_texts()
    tags = [text.strip().lower() for text in tags]
    assert tags == ["queued", "being made", "failed", "ready"]
    assert "(by itself)" in page.locator("main table").inner_text()


def list_trustee(page, people, live_server):
    """Trustees read reports but do not ask for them: no "Make a report"."""
    every_status(people)
    sign_in(page, people["trustee"], live_server)
    page.goto(reverse("reports:report-list"))
    assert page.locator("main table tbody tr").count() == 4
    assert page.get_by_role("link", name="Make a report").count() == 0


# --- asking for one ---------------------------------------------------------------------------


def request_empty(page, people, live_server):
    rich_data(people)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("reports:report-request"))
    expect_heading(page, "Make a report")
    assert page.get_by_role("radio", name="Other dates").is_visible()
    assert page.get_by_role("checkbox", name="Voices Council").is_visible()
    assert page.get_by_role("combobox", name="Programme").is_visible()


def request_errors(page, people, live_server):
    """Other dates with the end before the start, and chosen activities with none chosen."""
    rich_data(people)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("reports:report-request"))
    page.get_by_role("radio", name="Other dates").check()
    page.fill("#id_period_start", days_ago(10).isoformat())
    page.fill("#id_period_end", days_ago(20).isoformat())
    page.get_by_role("radio", name="Chosen activities").check()
    submit(page, "Make the report")
    expect_summary_links_work(page)
    assert page.title().startswith("Error:")
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "The end date must be on or after the start date." in summary
    assert "Choose at least one activity." in summary
    assert page.get_by_role("radio", name="Other dates").is_checked()
    assert not Report.objects.exists()


# --- a report's page --------------------------------------------------------------------------


def detail_queued(page, people, live_server):
    """Waiting for a worker: a live region says so (and the page asks for news)."""
    report = report_row(people, status=Report.Status.QUEUED)
    sign_in(page, people["staff"], live_server)
    open_detail(page, report)
    expect_heading(page, "Impact report")
    assert page.get_by_role("status").inner_text().startswith("Queued")
    assert page.get_by_role("link", name="Download the PDF").count() == 0
    assert page.get_by_role("button", name="Make a new version").count() == 0


def detail_rendering(page, people, live_server):
    report = report_row(people, status=Report.Status.RENDERING, tries=1)
    sign_in(page, people["staff"], live_server)
    open_detail(page, report)
    assert page.get_by_role("status").inner_text().startswith("Being made")


def detail_ready_trustee(page, people, live_server):
    report = report_row(people, status=Report.Status.READY, do_differently=DO_DIFFERENTLY)
    sign_in(page, people["trustee"], live_server)
    open_detail(page, report)
    assert page.get_by_role("heading", name="Ready").is_visible()
    assert page.get_by_role("link", name="Download the PDF (12 pages)").is_visible()
    assert page.get_by_role("link", name="Read it in the browser").is_visible()
    assert page.get_by_role("button", name="Make a new version").count() == 0


def detail_failed_staff(page, people, live_server):
    report = report_row(people, status=Report.Status.FAILED)
    sign_in(page, people["staff"], live_server)
    open_detail(page, report)
    assert page.get_by_role("alert").get_by_text(FAILURE).is_visible()
    assert page.get_by_role("button", name="Try again").is_visible()
    assert page.get_by_role("button", name="Make a new version").is_visible()


def detail_versions(page, people, live_server):
    """Version 3 of 3 (ready), beside a failed version 2 and a ready version 1."""
    report_row(people, status=Report.Status.READY, version=1)
    report_row(people, status=Report.Status.FAILED, version=2)
    report = report_row(people, status=Report.Status.READY, version=3)
    sign_in(page, people["staff"], live_server)
    open_detail(page, report)
    versions = page.locator("main h2:has-text('All versions') + ul li")
    assert versions.count() == 3
    assert "Version 3 (this one)" in versions.first.inner_text()
    assert page.get_by_role("link", name="Version 1").is_visible()


# --- the report itself, as a web page ---------------------------------------------------------


def open_preview(page, report):
    page.goto(reverse("reports:report-preview", args=[report.pk]))
    assert page.locator("h1").inner_text() == "Involvement impact report"
    assert page.locator("link[rel=stylesheet][href$='reports/report.css']").count() == 1
    assert page.evaluate("() => document.styleSheets[0].cssRules.length > 0"), "unstyled"


def preview_board(page, people, live_server):
    """Made for real from the Voices Council's data, for the board."""
    rich_data(people)
    report = rendered_report(people)
    sign_in(page, people["trustee"], live_server)
    open_preview(page, report)
    assert page.get_by_role("heading", name="You said, we did").is_visible()
    assert page.locator("table").count() > 5


def preview_funder(page, people, live_server):
    """For a funder, of one programme: outcomes come before quality."""
    rich_data(people)
    report = rendered_report(
        people, audience=Report.Audience.FUNDER, scope=Report.Scope.PROGRAMME, programme="Voices"
    )
    sign_in(page, people["staff"], live_server)
    open_preview(page, report)
    assert "Programme: Voices" in page.locator(".cover").inner_text()
    assert page.get_by_role("heading", name="What difference it made").is_visible()


def preview_empty(page, people, live_server):
    """No activity ran in the period: the short report."""
    report = rendered_report(people, do_differently="")
    sign_in(page, people["staff"], live_server)
    open_preview(page, report)
    assert "there is nothing to count" in page.locator("main").inner_text()


REPORTS_STATES = [
    list_empty,
    list_every_status,
    list_trustee,
    request_empty,
    request_errors,
    detail_queued,
    detail_rendering,
    detail_ready_trustee,
    detail_failed_staff,
    detail_versions,
    preview_board,
    preview_funder,
    preview_empty,
]
