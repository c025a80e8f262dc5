"""Page states for "we did": staff tell the person what was done about what they said (by
email, a printed letter, or in person) and record their answer; the person, through the link
in their message, says whether they are happy with it, in plain English or easy read."""

from django.urls import reverse

from activities.models import PreferredFormat
from quality import services
from quality.models import Contribution, ReplyLink

from .helpers import expect_error_summary, expect_heading, sign_in, submit
from .states_feedback import person_of
from .states_outcomes import expect_summary_links_work
from .states_quality import loop, respond, said, with_comments

# --- data -------------------------------------------------------------------------------------

AISHA_EMAIL = "aisha.k@example.org"
LEWIS_SAID = "Put the minutes on the website too."
AISHA_SAID = "Pay for taxis, not just buses."
DEE_SAID = "Send the papers a week before, in large print."
RAY_SAID = "Have a quiet room at the day centre."
HAPPY_COMMENT = "The minutes are easy to find now. Thank you."


def contribution(activity, text) -> Contribution:
    return Contribution.objects.select_related("participant").get(activity=activity, text=text)


def tell_in_person(item, people) -> Contribution:
    return services.contribution_told_in_person(contribution=item, told_by=people["staff"])


def told_and_rated(people):
    """The Voices Council's "you said" with every step on show: Lewis told by letter and
    happy (with a comment), Aisha told by email, Dee's needing printing (no email address),
    Ray's email not sent, one unnamed, one waiting and one overdue."""
    activity = loop(people)
    aisha = person_of(activity, "Aisha K.")
    aisha.email = AISHA_EMAIL
    aisha.save()
    ray = person_of(activity, "Ray P.")
    ray.email = "ray.p@example.org"
    ray.save()

    lewis = contribution(activity, LEWIS_SAID)
    services.contribution_letter_issue(contribution=lewis, told_by=people["staff"])
    services.contribution_rate(
        contribution=lewis, satisfied=Contribution.Satisfaction.YES, comment=HAPPY_COMMENT
    )
    services.contribution_tell_by_email(
        contribution=contribution(activity, AISHA_SAID), told_by=people["staff"]
    )
    quiet = respond(
        said(activity, people, RAY_SAID, days=15, name="Ray P."),
        people,
        Contribution.Decision.ACCEPTED,
        what_changed="Room 3 is kept quiet on meeting days.",
    )
    # As a mail server refusing the message leaves it (the job records the reason).
    Contribution.objects.filter(pk=quiet.pk).update(
        tell_error="Connection refused by the mail server"
    )
    return activity


def reply_link(people, *, easy_read=False, name="Lewis Grant"):
    """A response told in person, and a new link for the person to answer through, as their
    letter or email would carry: (contribution, token)."""
    activity = with_comments(people)
    person = person_of(activity, name)
    if easy_read:
        person.preferred_formats = [PreferredFormat.EASY_READ]
        person.save()
    item = respond(
        said(activity, people, LEWIS_SAID, days=30, name=name),
        people,
        Contribution.Decision.ACCEPTED,
        what_changed="The minutes go on the website a week after each meeting.",
    )
    item = tell_in_person(item, people)
    _link, token = ReplyLink.issue(item)
    return item, token


def open_reply(page, token):
    page.goto(reverse("participant:reply-start", args=[token]))


# --- staff: the list --------------------------------------------------------------------------


def list_told_and_rated(page, people, live_server):
    """Cards at every step: answered, told by email, needs printing, email not sent."""
    activity = told_and_rated(people)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("quality:contribution-list", args=[activity.pk]))
    expect_heading(page, "You said, we did")
    main = page.locator("main")
    assert main.locator(".govuk-summary-card").count() == 7
    tags = main.locator(".govuk-summary-card__title .govuk-tag")
    assert tags.get_by_text("They answered", exact=True).count() == 1
    assert tags.get_by_text("Told", exact=True).count() == 1
    assert tags.get_by_text("Not told yet", exact=True).count() == 2  # Dee's and Ray's
    assert main.locator(".govuk-tag", has_text="Needs printing").count() == 1
    assert main.locator(".govuk-tag", has_text="Email not sent").count() == 1
    aisha = main.locator(f"#contribution-{contribution(activity, AISHA_SAID).pk}")
    assert "By email" in aisha.inner_text()
    assert main.get_by_role("link", name="Change their answer").count() == 1
    assert main.get_by_role("link", name="Record their answer").count() == 1
    assert main.get_by_role("link", name="Tell them again").count() == 1
    assert main.get_by_role("link", name="Try again").count() == 1
    assert HAPPY_COMMENT in main.inner_text()


# --- staff: telling ---------------------------------------------------------------------------


def tell_by_email(page, people, live_server):
    """Someone with an email address: email, letter or in person, and the message."""
    activity = loop(people)
    aisha = person_of(activity, "Aisha K.")
    aisha.email = AISHA_EMAIL
    aisha.save()
    item = contribution(activity, AISHA_SAID)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("quality:contribution-tell", args=[item.pk]))
    expect_heading(page, "Tell Aisha K. what was done")
    assert page.get_by_role("radio", name=f"Send an email to {AISHA_EMAIL}").is_checked()
    assert page.get_by_role("region", name="The message").is_visible()


def tell_needs_printing(page, people, live_server):
    """No email address: the letter or in person, marked as needing printing."""
    activity = told_and_rated(people)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("quality:contribution-tell", args=[contribution(activity, DEE_SAID).pk]))
    expect_heading(page, "Tell Dee Walsh what was done")
    assert page.locator("main .govuk-tag", has_text="Needs printing").is_visible()
    assert page.locator("input[name=how]").count() == 2


def tell_after_email_failed(page, people, live_server):
    """The last email was refused: a warning with the reason."""
    activity = told_and_rated(people)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("quality:contribution-tell", args=[contribution(activity, RAY_SAID).pk]))
    assert page.locator(".govuk-warning-text", has_text="Connection refused").is_visible()


def tell_error_no_email(page, people, live_server):
    """Email chosen, but meanwhile someone took the person's address away: the error."""
    activity = told_and_rated(people)
    item = contribution(activity, RAY_SAID)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("quality:contribution-tell", args=[item.pk]))
    page.get_by_role("radio", name="Send an email to ray.p@example.org").check()
    person = item.participant
    person.email = ""
    person.save()
    submit(page, "Continue")
    expect_summary_links_work(page)
    assert page.title().startswith("Error:")
    assert "They have no email address" in page.locator(".govuk-error-summary").inner_text()
    assert page.locator("input[name=how]").count() == 2, "the email choice is gone"


def letter(page, people, live_server):
    """The printable letter, with a QR code and a new link to answer through."""
    activity = told_and_rated(people)
    person = person_of(activity, "Dee Walsh")
    person.postal_address = "Flat 2, 14 Mill Lane\nBrightwater\nBW1 4QT"
    person.save()
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("quality:contribution-tell", args=[contribution(activity, DEE_SAID).pk]))
    page.get_by_role("radio", name="Print a letter to post or hand to them").check()
    submit(page, "Continue")
    expect_heading(page, "What we did with what you said")
    assert page.locator(".inv-qr svg").is_visible()
    assert "/reply/start/" in page.locator(".inv-letter-link").inner_text()
    assert "Mill Lane" in page.locator(".inv-letter").inner_text()


def letter_easy_read(page, people, live_server):
    activity = told_and_rated(people)
    person = person_of(activity, "Dee Walsh")
    person.preferred_formats = [PreferredFormat.EASY_READ]
    person.save()
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("quality:contribution-tell", args=[contribution(activity, DEE_SAID).pk]))
    assert "In easy read, as they prefer." in page.locator("main").inner_text()
    page.get_by_role("radio", name="Print a letter to post or hand to them").check()
    submit(page, "Continue")
    assert page.locator("body.inv-easy-read").count() == 1
    expect_heading(page, "What we did")
    assert page.get_by_role("heading", name="Is this OK for you?").is_visible()


# --- staff: their answer ----------------------------------------------------------------------


# crispy-forms-gds: Field.textarea(max_characters=...) on a field with no help text raises
# KeyError 'aria-describedby' (crispy_forms_gds.templatetags, render of the character count),
# so /contributions/<pk>/their-answer/ is a 500. TheirAnswerForm's "comment" has no help text.


def their_answer(page, people, live_server):
    activity = told_and_rated(people)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("quality:contribution-answer", args=[contribution(activity, AISHA_SAID).pk]))
    expect_heading(page, "Record their answer")
    assert page.locator(".govuk-inset-text").get_by_text("We did part of it.").is_visible()
    assert page.get_by_role("radio", name="They preferred not to say").is_visible()


def their_answer_error(page, people, live_server):
    """Nothing chosen."""
    activity = told_and_rated(people)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("quality:contribution-answer", args=[contribution(activity, AISHA_SAID).pk]))
    submit(page, "Save their answer")
    expect_summary_links_work(page)
    assert page.title().startswith("Error:")
    assert page.locator(".govuk-error-message").count() == 1


# --- the person's pages -----------------------------------------------------------------------


def reply_plain(page, people, live_server):
    _item, token = reply_link(people)
    open_reply(page, token)
    expect_heading(page, "What we did with what you said")
    assert page.get_by_role("group", name="Are you happy with what we did?").is_visible()
    assert page.get_by_role("button", name="Switch to easy read").is_visible()


def reply_plain_error(page, people, live_server):
    _item, token = reply_link(people)
    open_reply(page, token)
    submit(page, "Send")
    expect_error_summary(page)
    expect_summary_links_work(page)
    assert page.title().startswith("Error:")


def reply_easy_read(page, people, live_server):
    """Switched on by the person, with pictures beside the answers."""
    _item, token = reply_link(people)
    open_reply(page, token)
    submit(page, "Switch to easy read")
    assert page.locator("body.inv-easy-read").count() == 1
    expect_heading(page, "What we did")
    assert page.get_by_role("group", name="Is this OK for you?").is_visible()
    assert page.locator(".inv-answer-picture").count() == 4


def reply_easy_read_error(page, people, live_server):
    """Easy read from the format staff recorded; sent with no answer."""
    _item, token = reply_link(people, easy_read=True)
    open_reply(page, token)
    assert page.locator("body.inv-easy-read").count() == 1
    submit(page, "Send")
    expect_summary_links_work(page)
    assert page.title().startswith("Error:")


def reply_thanks(page, people, live_server):
    """Not happy: the thank-you page says who to talk to."""
    _item, token = reply_link(people)
    open_reply(page, token)
    page.get_by_role("radio", name="No, I am not happy with it").check()
    submit(page, "Send")
    expect_heading(page, "Thank you")
    assert page.get_by_role("link", name="Change your answer").is_visible()
    assert "If you are not happy" in page.locator("main").inner_text()


def reply_thanks_easy_read(page, people, live_server):
    _item, token = reply_link(people, easy_read=True)
    open_reply(page, token)
    page.get_by_role("radio", name="Yes, it is OK").check()
    submit(page, "Send")
    expect_heading(page, "Thank you")
    assert page.get_by_role("link", name="Change my answer").is_visible()


# --- the overview -----------------------------------------------------------------------------


def overview_with_telling(page, people, live_server):
    """The figures with people told and one answer: median days to tell and the fix rate.
    Trustees read the overview, so 2 told and 1 fixed (fewer than 8) show as "*", with the
    note that says so."""
    told_and_rated(people)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("quality:quality-overview"))
    figures = page.locator("main #loop + .govuk-summary-list")
    row = figures.locator(".govuk-summary-list__row", has_text="Fix rate")
    assert row.locator("dd").inner_text().strip() == "*"
    told = figures.locator(".govuk-summary-list__row", has_text="People told what was done")
    assert told.locator("dd").inner_text().strip() == "*"
    assert page.locator("main").get_by_text("* means fewer than 8.").is_visible()


LOOP_STATES = [
    list_told_and_rated,
    tell_by_email,
    tell_needs_printing,
    tell_after_email_failed,
    tell_error_no_email,
    letter,
    letter_easy_read,
    their_answer,
    their_answer_error,
    reply_plain,
    reply_plain_error,
    reply_easy_read,
    reply_easy_read_error,
    reply_thanks,
    reply_thanks_easy_read,
    overview_with_telling,
]
