""" "We did" by keyboard only: no mouse, no click(), no fill(). Tab and Shift+Tab to move,
Space and the arrow keys inside a radio group, Enter to follow a link or send, and typing.

The person opens the link from their message, switches to easy read, sends with no answer,
follows the error summary's link to the first answer, chooses one, says why and sends: at
1280 and at 320 pixels wide, where nothing may scroll sideways. A member of staff tells
someone by email from the list, and the list records it; the link in that email opens the
person's question."""

import re
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from quality.models import Contribution

from . import states_loop as states
from .helpers import (
    assert_fits,
    focus_state,
    press_and_wait,
    press_button,
    sign_in,
    tab_to,
)
from .states_feedback import person_of
from .states_quality import loop

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COMMENT = "It is better, but the minutes are late when the chair is away."


def active(page, expression):
    return page.evaluate(f"() => document.activeElement.{expression}")


def new_page(browser, live_server, width):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": width, "height": 800}
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    return page


@pytest.mark.parametrize("width", [1280, 320])
def test_person_says_if_they_are_happy_by_keyboard(browser, live_server, people, width):
    item, token = states.reply_link(people)
    page = new_page(browser, live_server, width)
    page.goto(reverse("participant:reply-start", args=[token]))
    assert page.url.endswith(reverse("participant:reply", args=[item.pk])), (
        "the token leaves the URL"
    )
    assert "What we did with what you said" in page.locator("h1").inner_text()
    assert_fits(page)

    # The switch is the first thing after the skip link.
    press_button(page, "Switch to easy read", most=15)
    assert page.locator("body.inv-easy-read").count() == 1
    assert page.locator("h1").inner_text().strip() == "What we did"
    assert page.locator("legend", has_text="Is this OK for you?").is_visible()

    press_button(page, "Send")
    assert page.title().startswith("Error:")
    assert page.locator("body.inv-easy-read").count() == 1, "still easy read after an error"
    assert page.evaluate("() => document.activeElement.matches('.govuk-error-summary')"), (
        "the error summary should take focus when the page loads"
    )
    item.refresh_from_db()
    assert item.satisfied == "", "nothing saved while there is an error"
    tab_to(page, ".govuk-error-summary a[href='#id_satisfied_1']", most=5)
    page.keyboard.press("Enter")
    assert active(page, "id") == "id_satisfied_1"
    assert focus_state(page)["visible"]

    # Space chooses the first answer; Down moves on to "A bit" and chooses it.
    page.keyboard.press("Space")
    assert page.is_checked("#id_satisfied_1")
    page.keyboard.press("ArrowDown")
    assert active(page, "id") == "id_satisfied_2"
    assert page.is_checked("#id_satisfied_2") and not page.is_checked("#id_satisfied_1")
    assert page.locator("label[for=id_satisfied_2]").inner_text().strip() == "A bit"
    assert focus_state(page)["visible"]
    tab_to(page, "#id_comment", most=3)
    page.keyboard.type(COMMENT)
    press_button(page, "Send", most=5)

    assert page.url.endswith(reverse("participant:reply-thanks", args=[item.pk]))
    assert page.locator("h1").inner_text().strip() == "Thank you"
    assert page.locator("body.inv-easy-read").count() == 1
    assert "You are not happy. We want to know why." in page.locator("main").inner_text()
    item.refresh_from_db()
    assert (item.status, item.satisfied, item.satisfaction_comment) == (
        Contribution.Status.RATED,
        Contribution.Satisfaction.PARTLY,
        COMMENT,
    )

    # "Change my answer" goes back to the question, with the answer kept.
    tab_to(page, f"main a[href='{reverse('participant:reply', args=[item.pk])}']", most=10)
    press_and_wait(page)
    assert_fits(page)
    assert page.is_checked("#id_satisfied_2")
    assert page.input_value("#id_comment") == COMMENT
    page.context.close()


def test_staff_tell_someone_by_email_by_keyboard(browser, live_server, people, mailoutbox):
    activity = loop(people)
    person = person_of(activity, "Aisha K.")
    person.email = states.AISHA_EMAIL
    person.save()
    item = states.contribution(activity, states.AISHA_SAID)
    page = new_page(browser, live_server, 1280)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("quality:contribution-list", args=[activity.pk]))
    card = page.locator(f"#contribution-{item.pk}")
    assert card.locator(".govuk-tag", has_text="Not told yet").is_visible()

    tab_to(page, f"main a[href='{reverse('quality:contribution-tell', args=[item.pk])}']", most=150)
    assert active(page, "innerText").startswith("Tell them")
    press_and_wait(page)
    assert page.locator("h1").inner_text() == "Tell Aisha K. what was done"
    # Email is chosen already: the person's own route. The message can be scrolled by
    # keyboard (a focusable region) on the way to the button.
    assert page.is_checked("input[name=how][value=email]")
    preview = page.locator(".inv-message-preview").inner_text()
    assert "Pay for taxis, not just buses." in preview
    tab_to(page, ".inv-message-preview")
    press_button(page, "Continue")

    assert page.url.endswith(
        reverse("quality:contribution-list", args=[activity.pk]) + f"#contribution-{item.pk}"
    )
    banner = page.locator(".govuk-notification-banner--success")
    assert "The email will be sent shortly." in banner.inner_text()
    told = card.locator(".govuk-summary-list__row", has_text="Told them")
    assert told.locator("dd").inner_text().startswith("By email, ")
    assert card.locator(".govuk-tag").get_by_text("Told", exact=True).is_visible()
    assert card.get_by_role("link", name=re.compile("^Record their answer")).is_visible()
    item.refresh_from_db()
    assert (item.status, item.told_how, item.told_by) == (
        Contribution.Status.TOLD,
        Contribution.ToldHow.EMAIL,
        people["staff"],
    )

    assert [message.to for message in mailoutbox] == [[states.AISHA_EMAIL]]
    link = re.search(r"https?://\S+/reply/start/\S+/", mailoutbox[0].body).group(0)
    assert "Pay for taxis, not just buses." in mailoutbox[0].body
    page.context.close()

    # The person, with no account, opens the link from the email.
    person_page = new_page(browser, live_server, 320)
    person_page.goto(urlsplit(link).path)
    assert person_page.url.endswith(reverse("participant:reply", args=[item.pk]))
    assert person_page.locator("legend", has_text="Are you happy with what we did?").is_visible()
    assert_fits(person_page)
    person_page.context.close()
