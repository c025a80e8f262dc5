"""Outcome measures by keyboard only: no mouse, no click(), no fill(). Tab and Shift+Tab to
move, Space to tick or choose, Enter to follow a link or send, typing into text boxes, and,
inside a radio group, the arrow keys: a group is one Tab stop, so they are the only way a
keyboard chooses any answer but the first.

A person sends feedback through their personal link and lands on the changes page, where they
score one change for before and now; a member of staff chooses measures for an activity, sets
a baseline and target and records a quarter's value; and on the busiest pages, Tab reaches
every control in turn, each showing where focus is, without getting stuck."""

import pytest
from django.urls import reverse

from outcomes.models import ActivityMeasure, MeasureValue, SelfReport
from quality import services as feedback_services
from quality.models import FeedbackResponse
from quality.questions import QUESTIONS, TEXT

from . import states_outcomes as states
from .helpers import focus_state, sign_in, tab_to
from .states_feedback import ANSWERS, link_for
from .states_outcomes import ALTERED, CONTACT, PEER_SUPPORT, choose, planned, use_of
from .states_people import council

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def press_and_wait(page, key="Enter"):
    with page.expect_navigation():
        page.keyboard.press(key)


def assert_fits(page):
    """WCAG 1.4.10: nothing scrolls sideways."""
    fits = page.evaluate(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    assert fits, f"{page.url} scrolls sideways at {page.viewport_size['width']}px"


def tab_to_button(page, name, most=150):
    """Tab to the button with these words, checking on the way that focus always shows."""
    for _press in range(most):
        page.keyboard.press("Tab")
        state = focus_state(page)
        assert state["visible"], f"No visible focus indicator on {state['html']}: {state}"
        words = page.evaluate(
            """() => {
              const el = document.activeElement;
              return el.matches('button, input[type=submit]') ? (el.innerText || el.value) : '';
            }"""
        )
        if words.strip() == name:
            return
    raise AssertionError(f"{most} presses of Tab never reached the {name!r} button on {page.url}")


def press_button(page, name):
    tab_to_button(page, name)
    press_and_wait(page)
    assert_fits(page)


def choose_answer(page, name, downs):
    """Tab into a radio group, choose its first answer with Space, then move down."""
    tab_to(page, f"input[name={name}]")
    page.keyboard.press("Space")
    for _press in range(downs):
        page.keyboard.press("ArrowDown")
    assert focus_state(page)["visible"]


def answer_changes(page, uses):
    """Before "2 – Low" and now "4 – High" for the first change; the second left out."""
    contact = uses[CONTACT].pk
    choose_answer(page, f"before_{contact}", 1)
    assert page.is_checked(f"input[name=before_{contact}][value='2']")
    choose_answer(page, f"after_{contact}", 3)
    assert page.is_checked(f"input[name=after_{contact}][value='4']")
    press_button(page, "Send these answers")


@pytest.mark.parametrize("width", [1280, 320])
def test_person_scores_what_changed_after_feedback_by_keyboard(browser, live_server, people, width):
    activity = council(people)
    uses = choose(activity, [CONTACT, PEER_SUPPORT], people["staff"])
    _activity, request, token = link_for(people, activity)
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": width, "height": 800}
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(reverse("participant:feedback-start", args=[token]))
    assert "Tell us how it went" in page.locator("h1").inner_text()

    # The feedback first, the first answer to each question.
    for question in QUESTIONS:
        if question.kind == TEXT:
            continue
        tab_to(page, f"input[name={question.key}]")
        page.keyboard.press("Space")
    press_button(page, "Send my answers")

    assert page.url.endswith(reverse("participant:self-report", args=[request.pk]))
    assert "What has changed for you" in page.locator("h1").inner_text()
    answer_changes(page, uses)

    assert "About you" in page.locator("h1").inner_text()
    context.close()

    response = FeedbackResponse.objects.get(request=request)
    assert response.is_submitted()
    scores = {
        report.activity_measure_id: (report.before, report.after)
        for report in SelfReport.objects.filter(response=response)
    }
    assert scores == {uses[CONTACT].pk: (2, 4), uses[PEER_SUPPORT].pk: (None, None)}


def test_person_scores_what_changed_in_easy_read_by_keyboard(browser, live_server, people):
    activity = council(people)
    uses = choose(activity, [CONTACT, PEER_SUPPORT], people["staff"])
    _activity, request, token = link_for(people, activity)
    context = browser.new_context(base_url=live_server.url, viewport={"width": 320, "height": 800})
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(reverse("participant:feedback-start", args=[token]))
    press_button(page, "Switch to easy read")
    assert page.locator("body.inv-easy-read").count() == 1

    # Straight to the last easy-read page, to send: the questions have their own journey.
    feedback_services.feedback_save(request=request, values=ANSWERS, submit=False)
    page.goto(reverse("participant:feedback-easy-send", args=[request.pk]))
    press_button(page, "Send my answers")

    assert page.url.endswith(reverse("participant:self-report", args=[request.pk]))
    assert "Has anything changed for you?" in page.locator("h1").inner_text()
    answer_changes(page, uses)
    context.close()

    report = SelfReport.objects.get(activity_measure=uses[CONTACT])
    assert (report.before, report.after) == (2, 4)


def test_staff_chooses_measures_and_records_a_value_by_keyboard(page, people, live_server):
    staff = people["staff"]
    activity = planned(people)
    sign_in(page, staff, live_server)
    page.goto(reverse("outcomes:activity-measures", args=[activity.pk]))

    choose_url = reverse("outcomes:activity-measures-choose", args=[activity.pk])
    tab_to(page, f"main a[href='{choose_url}']")
    press_and_wait(page)
    assert page.locator("h1").inner_text() == "Choose outcome measures"
    altered = page.locator("label", has_text="Altered decisions because of service user influence")
    box = altered.get_attribute("for")
    tab_to(page, f"#{box}", most=150)
    page.keyboard.press("Space")
    assert page.is_checked(f"#{box}")
    press_button(page, "Add these measures")

    assert page.locator(".govuk-notification-banner--success").is_visible()
    use = use_of(activity, ALTERED)
    tab_to(page, f"main a[href='{reverse('outcomes:activity-measure-update', args=[use.pk])}']")
    press_and_wait(page)
    tab_to(page, "#id_target")
    page.keyboard.type("6")
    press_button(page, "Save")
    assert page.locator(".govuk-error-summary").is_visible(), "a target needs a baseline"
    # The error summary takes focus; its link takes focus on to the field in question.
    tab_to(page, ".govuk-error-summary a")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "id_baseline"
    page.keyboard.type("2")
    press_button(page, "Save")

    use.refresh_from_db()
    assert (use.baseline, use.target) == (2, 6)
    tab_to(page, f"main a[href='{reverse('outcomes:measure-value-record', args=[use.pk])}']")
    press_and_wait(page)
    assert "Record a value" in page.locator("h1").inner_text()
    tab_to(page, "#id_value")
    page.keyboard.type("3")
    tab_to(page, "#id_evidence")
    page.keyboard.type("From the minutes of the October meeting.")
    press_button(page, "Save value")

    assert page.locator(".govuk-notification-banner--success").is_visible()
    value = MeasureValue.objects.get(activity_measure=use)
    assert value.number == 3 and value.evidence == "From the minutes of the October meeting."
    assert ActivityMeasure.objects.filter(activity=activity).count() == 1

    tab_to(page, f"nav a[href='{reverse('outcomes:dashboard')}']", backwards=True, most=120)
    press_and_wait(page)
    row = page.locator("tr", has_text="Altered decisions because of service user influence")
    assert "3" in row.inner_text()


# The pages with the most to Tab through: tables in scroll boxes, charts, many forms on one
# page, errors, both modes of the changes page.
BUSIEST = [
    states.dashboard_with_data,
    states.figure_range_of_users,
    states.measure_list,
    states.measure_add_error,
    states.activity_measures_with_values,
    states.choose_measures_error,
    states.record_value_yes_no_error,
    states.training_list,
    states.changes_standard,
    states.changes_easy_read,
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
