"""Quality markers by keyboard only: no mouse, no click(), no fill(). Tab and Shift+Tab to
move, Space to choose, the arrow keys inside a radio group (one Tab stop, so the only way to
choose any answer but the first), Enter to follow a link or send, and typing into text boxes.

A member of staff opens an activity's quality page, follows "Assess the markers", judges two
markers, sends one partly met without evidence, follows the error summary's link to the box,
types the evidence and saves. Closing the loop: staff take a feedback comment with one press,
record "not adopted" without a reason, follow the error summary's link, give the reason,
publish, and the public page shows it. And on the busiest quality pages, Tab reaches every
control in turn, each showing where focus is, without getting stuck."""

import pytest
from django.urls import reverse

from quality.models import Assessment, Contribution, LoopPage, MarkerAssessment

from . import states_quality as states
from .helpers import assert_fits, focus_state, press_and_wait, press_button, sign_in, tab_to
from .states_people import council

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EVIDENCE = "Agreed for meetings; not yet written down for surveys."
REASON = "The library has no room free in the evenings; we asked them in March."


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


@pytest.mark.parametrize("width", [1280, 320])
def test_staff_close_the_loop_by_keyboard(browser, live_server, people, width):
    activity = states.with_comments(people)
    answer = states.answer_of(activity, "Kofi Mensah")
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": width, "height": 800}
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("quality:contribution-list", args=[activity.pk]))
    assert "You said, we did" in page.locator("h1").inner_text()

    # One press takes Kofi's "do differently" comment; his other comment stays to take.
    tab_to(
        page,
        f"form:has(input[name=response][value='{answer.pk}'])"
        ":has(input[name=field][value=do_differently]) button",
        most=150,
    )
    press_and_wait(page)
    assert_fits(page)
    assert page.locator(".govuk-notification-banner--success").is_visible()
    contribution = Contribution.objects.get()
    assert contribution.feedback_response == answer
    assert contribution.text == answer.do_differently
    assert contribution.participant.name == "Kofi Mensah"

    respond = reverse("quality:contribution-respond", args=[contribution.pk])
    tab_to(page, f"main a[href='{respond}']", most=150)
    press_and_wait(page)
    assert "Record the response" in page.locator("h1").inner_text()
    assert_fits(page)

    # "Not adopted" is two down from "Accepted"; no reason given.
    choose(page, "decision", 2)
    assert page.is_checked(f"input[name=decision][value={Contribution.Decision.NOT_ADOPTED}]")
    press_button(page, "Save the response")

    assert page.locator(".govuk-error-summary").is_visible(), "not adopted needs a reason"
    assert page.title().startswith("Error:")
    assert page.is_checked(f"input[name=decision][value={Contribution.Decision.NOT_ADOPTED}]")
    contribution.refresh_from_db()
    assert contribution.is_open(), "nothing saved while there is an error"
    tab_to(page, ".govuk-error-summary a")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "id_reason"
    page.keyboard.type(REASON)
    press_button(page, "Save the response")

    assert page.url.endswith(reverse("quality:contribution-list", args=[activity.pk]))
    assert page.locator(".govuk-notification-banner--success").is_visible()
    contribution.refresh_from_db()
    assert (contribution.status, contribution.decision, contribution.reason) == (
        Contribution.Status.RESPONDED,
        Contribution.Decision.NOT_ADOPTED,
        REASON,
    )
    assert contribution.responded_by == people["staff"]

    press_button(page, "Publish the page")
    assert "is published" in page.locator(".govuk-notification-banner--success").inner_text()
    slug = LoopPage.objects.get(activity=activity).slug
    public = reverse("quality:loop-page-public", args=[slug])
    tab_to(page, f"main a[href='{public}']")
    press_and_wait(page)
    assert_fits(page)
    assert "You said, we did: Voices Council" in page.locator("h1").inner_text()
    main = page.locator("main").inner_text()
    assert answer.do_differently in main and REASON in main and "Not adopted." in main
    assert "Kofi Mensah" not in main, "the public page names no one"
    context.close()


# The quality pages with the most to Tab through: tables in scroll boxes, a form with a radio
# group and a text box per marker, errors, a row of buttons.
BUSIEST = [
    states.overview_with_flags,
    states.activity_with_ratings,
    states.assess_error,
    states.marker_list,
    states.marker_add_error,
    states.contribution_list,
    states.contribution_respond_error,
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
