"""A person gives feedback through their personal link by keyboard only (Tab, Shift+Tab,
Space, Enter and arrow keys; no click(), no fill()), in easy read, leaving halfway and coming
back on another device; the same at 320px wide; and the standard form without JavaScript."""

import pytest
from django.urls import reverse

from activities.models import AboutYou
from quality.models import FeedbackResponse
from quality.questions import QUESTIONS, TEXT

from .helpers import focus_state, tab_to
from .states_feedback import link_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# How many times to press the down arrow from the first answer, for each question: a mix of
# answers, so the saved response shows each keypress landed where it was meant to.
ARROWS = {
    "understood_role": 0,
    "listened_to": 1,
    "able_to_disagree": 0,
    "expectations_met": 3,
    "made_difference": 2,
    "felt_valued": 0,
    "had_support": 4,
    "met_peers": 1,
    "stay_involved": 0,
    "say": 2,
    "anonymous": 1,
    "may_quote": 0,
}
TYPED = {
    "what_was_good": "Everyone was kind.",
    "do_differently": "Start later, please.",
    "anything_else": "",
}
EXPECTED = {
    "understood_role": "yes",
    "listened_to": "partly",
    "able_to_disagree": "yes",
    "expectations_met": "dont_know",
    "made_difference": "no",
    "felt_valued": "yes",
    "had_support": "prefer_not",
    "met_peers": "partly",
    "stay_involved": "yes",
    "say": "consulting",
    **TYPED,
    "anonymous": True,
    "may_quote": True,
}
HALFWAY = 6


def press_and_wait(page, key="Enter"):
    with page.expect_navigation():
        page.keyboard.press(key)


def assert_fits(page):
    """WCAG 1.4.10: nothing scrolls sideways."""
    fits = page.evaluate(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    assert fits, f"{page.url} scrolls sideways at {page.viewport_size['width']}px"


def step_heading(page) -> str:
    return page.locator("main .govuk-caption-m").inner_text()


def answer_easy_step(page, number):
    """Answer easy-read question `number` (1-based) and leave the focus on its form."""
    question = QUESTIONS[number - 1]
    assert step_heading(page) == f"Question {number} of {len(QUESTIONS)}"
    if question.key in TYPED:
        tab_to(page, f"textarea[name={question.key}]")
        page.keyboard.type(TYPED[question.key])
        return
    tab_to(page, f"input[name={question.key}]")
    page.keyboard.press("Space")
    for _press in range(ARROWS[question.key]):
        page.keyboard.press("ArrowDown")
    assert focus_state(page)["visible"]


def tab_to_button(page, name, most=120):
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


def open_link(browser, live_server, token, width):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": width, "height": 800}
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(reverse("participant:feedback-start", args=[token]))
    assert_fits(page)
    return context, page


def read_aloud_shown_when_it_can_speak(page):
    can_speak = page.evaluate("() => 'speechSynthesis' in window")
    assert page.get_by_role("button", name="Read this to me").is_visible() == can_speak


@pytest.mark.parametrize("width", [1280, 320])
def test_person_gives_easy_read_feedback_by_keyboard(browser, live_server, people, width):
    activity, request, token = link_for(people)

    # First visit: switch to easy read and answer half the questions.
    context, page = open_link(browser, live_server, token, width)
    assert "Tell us how it went" in page.locator("h1").inner_text()
    press_button(page, "Switch to easy read")
    read_aloud_shown_when_it_can_speak(page)
    for number in range(1, HALFWAY + 1):
        answer_easy_step(page, number)
        press_button(page, "Save and come back later" if number == HALFWAY else "Next")
    assert page.locator("h1").inner_text() == "Your answers are saved"
    context.close()

    # Another day, another device: the same link opens the standard form with the answers
    # kept; easy read picks up at the first question not answered.
    context, page = open_link(browser, live_server, token, width)
    assert page.locator("input[name=listened_to][value=partly]").is_checked()
    press_button(page, "Switch to easy read")
    for number in range(HALFWAY + 1, len(QUESTIONS) + 1):
        answer_easy_step(page, number)
        press_button(page, "Next")

    assert page.locator("h1").inner_text() == "Check your answers"
    assert "Start later, please." in page.locator(".govuk-summary-list").inner_text()
    press_button(page, "Send my answers")

    # About you, in easy read: agree, answer two, skip one, answer the last.
    assert "Do you want to answer some questions about you?" in page.locator("h1").inner_text()
    tab_to(page, "input[name=consent]")
    page.keyboard.press("Space")
    press_button(page, "Next")
    for step, skip in [(2, False), (3, False), (4, True), (5, False)]:
        assert step_heading(page) == f"Question {step} of 5"
        if skip:
            press_button(page, "Skip this question")
            continue
        tab_to(page, "main input[type=radio]")
        page.keyboard.press("Space")
        page.keyboard.press("ArrowDown")
        press_button(page, "Next")

    assert page.locator("h1").inner_text() == "Thank you"
    assert page.url.endswith(reverse("participant:feedback-thanks", args=[request.pk]))
    context.close()

    response = FeedbackResponse.objects.get(request=request)
    assert response.is_submitted()
    assert {key: getattr(response, key) for key in EXPECTED} == EXPECTED
    about = AboutYou.objects.get(participant=request.participant)
    assert (about.age_band, about.gender, about.disability) == ("18_24", "man", "no")
    assert about.ethnicity == ""


def test_standard_form_works_without_javascript(browser, live_server, people):
    _activity, request, token = link_for(people)
    context = browser.new_context(
        base_url=live_server.url, java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(reverse("participant:feedback-start", args=[token]))
    assert not page.get_by_role("button", name="Read this to me").is_visible()

    # Sending with nothing chosen shows the errors, without JavaScript too.
    tab_to_button(page, "Send my answers")
    press_and_wait(page)
    assert page.locator(".govuk-error-summary").is_visible()

    for question in QUESTIONS:
        if question.key == "what_was_good":
            tab_to(page, "textarea[name=what_was_good]")
            page.keyboard.type("The tea.")
        elif question.kind != TEXT:
            tab_to(page, f"input[name={question.key}]")
            page.keyboard.press("Space")
    tab_to_button(page, "Send my answers")
    press_and_wait(page)
    assert "About you" in page.locator("h1").inner_text()
    tab_to_button(page, "Skip these questions")
    press_and_wait(page)
    assert page.locator("h1").inner_text() == "Thank you"
    context.close()

    response = FeedbackResponse.objects.get(request=request)
    assert response.is_submitted() and response.what_was_good == "The tea."
    assert response.listened_to == "yes" and response.say == "informing"
    assert response.anonymous is False
