"""The warning before a signed-in session ends without activity (WCAG 2.2.1): it comes two
minutes before, takes focus, can be answered by keyboard, and says what to do once the time
is up. The page's clock is Playwright's, moved on rather than waited for."""

import pytest
from django.urls import reverse

from .helpers import assert_no_axe_violations, focus_state, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_warning_comes_before_the_end_and_staying_signed_in_works(page, people, live_server):
    sign_in(page, people["staff"], live_server)
    page.clock.install()
    page.goto(reverse("activities:activity-list"))
    dialog = page.locator("[data-session-timeout]")
    assert not dialog.is_visible()

    page.clock.run_for("27:01")  # the server counts 29 minutes: one is its margin
    assert dialog.is_visible()
    assert "You will be signed out soon" in dialog.inner_text()
    state = focus_state(page)
    assert state["visible"] and "Stay signed in" in state["html"], state
    assert_no_axe_violations(page, "the session warning")

    with page.expect_response(lambda r: r.url.endswith(reverse("session-keep-alive"))) as kept:
        page.keyboard.press("Enter")
    assert kept.value.status == 204
    assert not dialog.is_visible()
    # Still signed in: the next page is the list, not the sign-in page.
    page.goto(reverse("activities:activity-list"))
    assert "sign-in" not in page.url


def test_once_the_time_is_up_a_banner_says_how_to_carry_on(page, people, live_server):
    """Above the page, not over it: a form on the page can still be sent, and its typing is
    kept for signing in again."""
    sign_in(page, people["staff"], live_server)
    page.clock.install()
    page.goto(reverse("quality:marker-create"))
    assert page.locator(".govuk-notification-banner").count() == 0
    page.get_by_label("The marker, in plain words").fill("Papers a week before")
    page.clock.run_for("29:01")
    assert not page.locator("[data-session-timeout]").is_visible()
    banner = page.locator("[data-session-ended-banner]")
    assert "You have been signed out" in banner.inner_text()
    assert page.get_by_role("link", name="Sign in again").is_visible()
    # The form is still usable, by keyboard.
    page.get_by_label("The marker, in plain words").press("End")
    assert "Papers a week before" in page.input_value("textarea[name=text]")
    assert_no_axe_violations(page, "the session has ended")
