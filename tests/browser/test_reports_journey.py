"""Impact reports by keyboard only: no mouse, no click(), no fill(). Tab and Shift+Tab to move,
Space and the arrow keys inside a radio group, Enter to follow a link or send, and typing.

Staff open Reports from the menu, ask for a report of their own dates (at 1280 and at 320
pixels wide, where nothing may scroll sideways), land on its page and download the PDF. A
report still waiting is watched: its page says what is happening and loads itself again once
the report is ready. A failed report is tried again. Without JavaScript the page says the same,
and a refresh shows the report once it is ready."""

import pytest
from django.urls import reverse

from reports.models import Report
from reports.tasks import render_report

from . import states_reports as states
from .helpers import (
    assert_fits,
    focus_state,
    press_button,
    sign_in,
    tab_to,
    type_date,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DO_DIFFERENTLY = "Ask the Voices Council to chair the next review."
# A real report is made while the request that asks for it waits (Celery runs in-process).
RENDER_TIMEOUT = 60_000


def active(page, expression):
    return page.evaluate(f"() => document.activeElement.{expression}")


def new_page(browser, live_server, width, **options):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": width, "height": 800}, **options
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    return page


def enter_and_wait(page, timeout=RENDER_TIMEOUT):
    with page.expect_navigation(timeout=timeout):
        page.keyboard.press("Enter")
    assert_fits(page)


def arrow_to(page, selector, key="ArrowDown", most=12):
    """Move through a radio group with an arrow key until `selector` is focused (and chosen)."""
    for _press in range(most):
        page.keyboard.press(key)
        assert focus_state(page)["visible"], "no visible focus inside the radio group"
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            assert page.is_checked(selector), f"{selector} focused but not chosen"
            return
    raise AssertionError(f"{most} presses of {key} never reached {selector}")


def download_pdf(page, report):
    """Tab to "Download the PDF" and press Enter: a PDF arrives, named for the report."""
    href = reverse("reports:report-download", args=[report.pk])
    tab_to(page, f"main a[href='{href}']", most=40)
    assert active(page, "innerText").startswith("Download the PDF (")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    download = info.value
    assert download.failure() is None, download.failure()
    assert download.suggested_filename == (
        f"impact-report-{report.period_start}-{report.period_end}-v{report.version}.pdf"
    )
    with open(download.path(), "rb") as file:
        content = file.read()
    assert content.startswith(b"%PDF"), content[:40]
    return content


def expect_ready(page, timeout=10_000):
    page.get_by_role("heading", name="Ready").wait_for(timeout=timeout)
    assert page.get_by_role("status").count() == 0, "no live region once it is ready"


@pytest.mark.parametrize("width", [1280, 320])
def test_staff_make_a_report_by_keyboard(browser, live_server, people, date_order, width):
    activity = states.rich_data(people)
    page = new_page(browser, live_server, width)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("home"))

    tab_to(page, f"nav a[href='{reverse('reports:report-list')}']", most=30)
    enter_and_wait(page)
    assert page.locator("h1").inner_text() == "Impact reports"
    assert page.locator("nav a[aria-current=page]").inner_text() == "Reports"
    tab_to(page, f"main a[href='{reverse('reports:report-request')}']", most=10)
    assert active(page, "innerText") == "Make a report"
    enter_and_wait(page)
    assert page.locator("h1").inner_text() == "Make a report"

    # The last quarter is chosen already: the arrows move on to "Other dates".
    tab_to(page, "input[name=period]")
    assert page.evaluate("() => document.activeElement.checked")
    arrow_to(page, "input[name=period][value=custom]")
    start = states.days_ago(120)
    end = states.days_ago(1)
    tab_to(page, "#id_period_start", most=3)
    type_date(page, start, date_order)
    assert page.input_value("#id_period_start") == start.isoformat()
    tab_to(page, "#id_period_end", most=3)
    type_date(page, end, date_order)
    assert page.input_value("#id_period_end") == end.isoformat()

    tab_to(page, "input[name=audience]", most=5)
    arrow_to(page, f"input[name=audience][value={Report.Audience.FUNDER}]")
    tab_to(page, "input[name=scope]", most=5)
    arrow_to(page, f"input[name=scope][value={Report.Scope.CHOSEN}]")
    tab_to(page, f"input[name=activities][value='{activity.pk}']", most=5)
    page.keyboard.press("Space")
    assert page.is_checked(f"input[name=activities][value='{activity.pk}']")
    tab_to(page, "#id_do_differently", most=5)
    page.keyboard.type(DO_DIFFERENTLY)
    assert_fits(page)
    tab_to(page, "main [type=submit]", most=5)
    assert page.evaluate("() => document.activeElement.innerText || document.activeElement.value")
    enter_and_wait(page)

    report = Report.objects.get()
    assert page.url.endswith(reverse("reports:report-detail", args=[report.pk]))
    assert (report.period_start, report.period_end) == (start, end)
    assert (report.audience, report.scope) == (Report.Audience.FUNDER, Report.Scope.CHOSEN)
    assert list(report.activities.all()) == [activity]
    assert report.do_differently == DO_DIFFERENTLY
    # The job ran while the request waited: the report is ready on arrival.
    assert report.status == Report.Status.READY, report.failure
    expect_ready(page)
    caption = page.locator(".govuk-caption-l").inner_text()
    assert "A funder" in caption and "Chosen activities" in caption
    assert DO_DIFFERENTLY in page.locator("main").inner_text()
    download_pdf(page, report)
    assert bytes(report.document.pdf).startswith(b"%PDF")

    if width == 1280:
        # The report in the browser, and back.
        tab_to(page, f"main a[href='{reverse('reports:report-preview', args=[report.pk])}']")
        enter_and_wait(page)
        assert page.locator("h1").inner_text() == "Involvement impact report"
        tab_to(page, f"a[href='{reverse('reports:report-detail', args=[report.pk])}']", most=5)
        enter_and_wait(page)

        # A new version beside this one.
        press_button(page, "Make a new version")
        again = Report.objects.exclude(pk=report.pk).get()
        assert (again.version, again.status, again.key) == (2, Report.Status.READY, report.key)
        assert page.url.endswith(reverse("reports:report-detail", args=[again.pk]))
        banner = page.locator(".govuk-notification-banner").inner_text()
        assert "A new version is being made. The earlier one stays." in banner
        versions = page.locator("main h2:has-text('All versions') + ul")
        assert "Version 2 (this one)" in versions.inner_text()
        assert versions.get_by_role("link", name="Version 1").count() == 1
    page.context.close()


def test_report_page_updates_itself_when_ready(browser, live_server, people):
    """Queued, then taken by a worker, then made: the live region follows and the page loads
    itself again when the report is ready, with no reload from here."""
    report = states.report_row(people, status=Report.Status.QUEUED)
    page = new_page(browser, live_server, 1280)
    sign_in(page, people["staff"], live_server)
    states.open_detail(page, report)
    status = page.get_by_role("status")
    label = status.locator("[data-report-label]")
    assert label.inner_text() == "Queued"
    assert status.get_attribute("data-report-status") == reverse(
        "reports:report-status", args=[report.pk]
    )
    page.evaluate("() => { window.notReloaded = true; }")

    # A worker takes it: the words in the live region change without the page loading.
    Report.objects.filter(pk=report.pk).update(status=Report.Status.RENDERING)
    page.wait_for_function(
        "() => document.querySelector('[data-report-label]').textContent === 'Being made'"
    )
    assert page.evaluate("() => window.notReloaded === true"), "the page loaded again too soon"

    render_report.apply(args=[report.pk])
    report.refresh_from_db()
    assert report.status == Report.Status.READY, report.failure
    expect_ready(page, timeout=15_000)
    assert page.evaluate("() => window.notReloaded === undefined"), "the page loaded itself"
    assert_fits(page)
    download_pdf(page, report)
    page.context.close()


def test_try_a_failed_report_again_by_keyboard(browser, live_server, people):
    report = states.report_row(people, status=Report.Status.FAILED)
    page = new_page(browser, live_server, 1280)
    sign_in(page, people["staff"], live_server)
    states.open_detail(page, report)
    assert states.FAILURE in page.get_by_role("alert").inner_text()

    press_button(page, "Try again")
    assert page.url.endswith(reverse("reports:report-detail", args=[report.pk]))
    report.refresh_from_db()
    assert (report.status, report.failure) == (Report.Status.READY, "")
    assert "Trying again." in page.locator(".govuk-notification-banner").inner_text()
    expect_ready(page)
    assert page.get_by_role("alert").filter(has_text=states.FAILURE).count() == 0
    download_pdf(page, report)
    page.context.close()


def test_report_page_without_javascript(browser, live_server, people):
    """The same state without the script; a refresh once it is made shows it ready."""
    report = states.report_row(people, status=Report.Status.QUEUED)
    page = new_page(browser, live_server, 1280, java_script_enabled=False)
    sign_in(page, people["staff"], live_server)
    states.open_detail(page, report)
    status = page.get_by_role("status")
    assert status.locator("[data-report-label]").inner_text() == "Queued"
    assert "Refresh this page" in status.inner_text()
    # The promise to update by itself needs the script, which is off.
    assert not status.locator("[data-report-updates]").is_visible()
    assert page.get_by_role("link", name="Download the PDF").count() == 0

    render_report.apply(args=[report.pk])
    report.refresh_from_db()
    assert report.status == Report.Status.READY, report.failure
    page.wait_for_timeout(3_000)  # longer than the script's first poll, had it run
    assert page.get_by_role("status").count() == 1, "nothing changes by itself without script"

    page.reload()
    expect_ready(page)
    download_pdf(page, report)
    page.context.close()
