"""Quality markers by keyboard only: no mouse, no click(), no fill(). Tab and Shift+Tab to
move, Space to choose, the arrow keys inside a radio group (one Tab stop, so the only way to
choose any answer but the first), Enter to follow a link or send, and typing into text boxes.

A member of staff opens an activity's quality page, follows "Assess the markers", judges two
markers, sends one partly met without evidence, follows the error summary's link to the box,
types the evidence and saves; and on the busiest quality pages, Tab reaches every control in
turn, each showing where focus is, without getting stuck."""

import pytest
from django.urls import reverse

from quality.models import Assessment, MarkerAssessment

from . import states_quality as states
from .helpers import focus_state, sign_in, tab_to
from .states_people import council

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EVIDENCE = "Agreed for meetings; not yet written down for surveys."


def press_and_wait(page, key="Enter"):
    with page.expect_navigation():
        page.keyboard.press(key)


def assert_fits(page):
    """WCAG 1.4.10: nothing scrolls sideways."""
    fits = page.evaluate(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    assert fits, f"{page.url} scrolls sideways at {page.viewport_size['width']}px"


def press_button(page, name, most=150):
    """Tab to the button with these words (focus showing all the way) and press Enter."""
    for _press in range(most):
        page.keyboard.press("Tab")
        state = focus_state(page)
        assert state["visible"], f"No visible focus indicator on {state['html']}: {state}"
        words = page.evaluate(
            "() => document.activeElement.matches('button') ? document.activeElement.innerText : ''"
        )
        if words.strip() == name:
            press_and_wait(page)
            assert_fits(page)
            return
    raise AssertionError(f"{most} presses of Tab never reached the {name!r} button on {page.url}")


def choose(page, name, downs):
    """Tab into a radio group, choose its first answer with Space, then move down."""
    tab_to(page, f"input[name={name}]", most=150)
    page.keyboard.press("Space")
    for _press in range(downs):
        page.keyboard.press("ArrowDown")
    assert focus_state(page)["visible"]


@pytest.mark.parametrize("width", [1280, 320])
def test_staff_assess_markers_by_keyboard(browser, live_server, people, width):
    activity = council(people)
    first, second = states.staff_markers(activity.organisation)[:2]
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": width, "height": 800}
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("quality:activity-quality", args=[activity.pk]))
    assert "Quality of involvement" in page.locator("h1").inner_text()

    tab_to(page, f"main a[href='{reverse('quality:marker-assess', args=[activity.pk])}']")
    press_and_wait(page)
    assert "Assess the markers" in page.locator("h1").inner_text()
    assert_fits(page)

    # The first marker partly met (one down from "Met"), its evidence left empty; the
    # second met.
    choose(page, f"status_{first.pk}", 1)
    assert page.is_checked(f"input[name=status_{first.pk}][value={Assessment.PARTLY}]")
    choose(page, f"status_{second.pk}", 0)
    assert page.is_checked(f"input[name=status_{second.pk}][value={Assessment.MET}]")
    press_button(page, "Save the checklist")

    assert page.locator(".govuk-error-summary").is_visible(), "partly met needs evidence"
    assert page.title().startswith("Error:")
    assert page.is_checked(f"input[name=status_{first.pk}][value={Assessment.PARTLY}]")
    assert page.is_checked(f"input[name=status_{second.pk}][value={Assessment.MET}]")
    assert not MarkerAssessment.objects.exists(), "nothing saved while there is an error"
    # The error summary takes focus; its link takes focus on to the evidence box.
    tab_to(page, ".govuk-error-summary a")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == f"id_evidence_{first.pk}"
    page.keyboard.type(EVIDENCE)
    press_button(page, "Save the checklist")

    assert page.url.endswith(reverse("quality:activity-quality", args=[activity.pk]))
    assert page.locator(".govuk-notification-banner--success").is_visible()
    row = page.locator("tr", has_text=first.text)
    assert "Partly met" in row.inner_text() and EVIDENCE in row.inner_text()
    context.close()

    saved = {
        a.marker_id: (a.status, a.evidence, a.assessed_by_id)
        for a in MarkerAssessment.objects.filter(activity=activity)
    }
    staff = people["staff"].pk
    assert saved == {
        first.pk: (Assessment.PARTLY, EVIDENCE, staff),
        second.pk: (Assessment.MET, "", staff),
    }


# The quality pages with the most to Tab through: tables in scroll boxes, a form with a radio
# group and a text box per marker, errors, a row of buttons.
BUSIEST = [
    states.overview_with_flags,
    states.activity_with_ratings,
    states.assess_error,
    states.marker_list,
    states.marker_add_error,
]
FOCUSABLE = (
    "a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex='-1'])"
)


@pytest.mark.parametrize("open_page", BUSIEST, ids=[state.__name__ for state in BUSIEST])
def test_tab_reaches_every_control_with_focus_showing(page, people, live_server, open_page):
    open_page(page, people, live_server)
    url = page.url
    most = page.evaluate("s => document.querySelectorAll(s).length", FOCUSABLE) + 2
    stops = 0
    for _press in range(most):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement === document.body"):
            break
        state = focus_state(page)
        assert state["visible"], f"No visible focus indicator on {state['html']}: {state}"
        stops += 1
    else:
        raise AssertionError(f"Tab never left {url} after {most} presses: a keyboard trap?")
    assert page.url == url
    assert stops >= 3
