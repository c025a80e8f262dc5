"""Page states for feedback: the person's own pages through their link, in the standard and
the easy-read version, and the staff pages for asking, entering and reading answers."""

import datetime

from django.urls import reverse
from django.utils import timezone

from activities.models import Participant
from quality import services
from quality.models import FeedbackRequest
from quality.questions import QUESTIONS, RATING_KEYS

from .helpers import (
    expect_error_summary,
    expect_heading,
    sign_in,
    submit,
)
from .states_people import council

# --- data -------------------------------------------------------------------------------------

ANSWERS = {
    **dict.fromkeys(RATING_KEYS, "yes"),
    "listened_to": "partly",
    "say": "consulting",
    "what_was_good": "Everyone was kind and nobody rushed me.",
    "do_differently": "Start a bit later: 10 o'clock is hard if you rely on the bus.",
    "anything_else": "",
    "anonymous": False,
}


def voices_council(people):
    return council(people)


def person_of(activity, name="Dee Walsh") -> Participant:
    return Participant.objects.get(organisation=activity.organisation, name=name)


def link_for(people, activity=None, name="Dee Walsh"):
    """A printed-letter link for one person: (activity, request, token)."""
    activity = activity or voices_council(people)
    request, token = services.feedback_letter_issue(
        activity=activity, participant=person_of(activity, name), created_by=people["staff"]
    )
    return activity, request, token


def open_link(page, token):
    page.goto(reverse("participant:feedback-start", args=[token]))


def easy_read_on(page):
    submit(page, "Switch to easy read")
    assert page.locator("body.inv-easy-read").count() == 1


def answer_on_behalf(activity, people, names, values=ANSWERS, method="paper"):
    for name in names:
        services.feedback_on_behalf(
            activity=activity,
            participant=person_of(activity, name),
            values=values,
            method=method,
            entered_by=people["staff"],
        )


# --- the person's own pages -------------------------------------------------------------------


def feedback_form_empty(page, people, live_server):
    _activity, _request, token = link_for(people)
    open_link(page, token)
    expect_heading(page, "Tell us how it went")
    assert page.locator("input[name=listened_to]").count() == 5
    assert page.get_by_role("button", name="Switch to easy read").is_visible()


def feedback_form_error(page, people, live_server):
    _activity, _request, token = link_for(people)
    open_link(page, token)
    page.get_by_label("Yes").first.check()
    submit(page, "Send my answers")
    expect_error_summary(page)
    assert page.title().startswith("Error:")
    assert page.get_by_label("Yes").first.is_checked(), "answers are kept after an error"


def feedback_saved(page, people, live_server):
    _activity, _request, token = link_for(people)
    open_link(page, token)
    page.get_by_label("Yes").first.check()
    submit(page, "Save and come back later")
    expect_heading(page, "Your answers are saved")


def about_you_standard(page, people, live_server):
    _activity, request, token = link_for(people)
    services.feedback_save(request=request, values=ANSWERS, submit=True)
    open_link(page, token)
    page.goto(reverse("participant:about-you", args=[request.pk]))
    expect_heading(page, "About you")


def about_you_standard_error(page, people, live_server):
    """An answer without ticking to agree: the answer cannot be kept."""
    _activity, request, token = link_for(people)
    services.feedback_save(request=request, values=ANSWERS, submit=True)
    open_link(page, token)
    page.goto(reverse("participant:about-you", args=[request.pk]))
    page.locator(".govuk-radios__input").first.check()
    submit(page, "Save and finish")
    expect_error_summary(page)


def _with_answers_kept(people):
    """Dee has sent her feedback and told us about herself before."""
    _activity, request, token = link_for(people)
    services.feedback_save(request=request, values=ANSWERS, submit=True)
    services.about_you_save(
        participant=request.participant,
        values={"age_band": "45_54", "disability": "yes"},
        consent_wording="I agree.",
    )
    return request, token


def about_you_kept(page, people, live_server):
    """Answers kept: what to do with them, never the answers themselves."""
    request, token = _with_answers_kept(people)
    open_link(page, token)
    page.goto(reverse("participant:about-you", args=[request.pk]))
    expect_heading(page, "About you")
    assert page.locator("input[name=age_band]").count() == 0


def about_you_kept_error(page, people, live_server):
    request, token = _with_answers_kept(people)
    open_link(page, token)
    page.goto(reverse("participant:about-you", args=[request.pk]))
    submit(page, "Continue")
    expect_error_summary(page)


def about_you_deleted(page, people, live_server):
    """Deleted through the link: thanked, with a banner saying so."""
    request, token = _with_answers_kept(people)
    open_link(page, token)
    page.goto(reverse("participant:about-you", args=[request.pk]))
    page.get_by_label("Delete my answers").check()
    submit(page, "Continue")
    expect_heading(page, "Thank you")
    assert page.get_by_text("We have deleted your answers about you.").is_visible()


def about_you_easy_kept(page, people, live_server):
    request, token = _with_answers_kept(people)
    open_link(page, token)
    easy_read_on(page)
    page.goto(reverse("participant:about-you", args=[request.pk]))
    expect_heading(page, "What do you want to do?")


def about_you_easy_kept_error(page, people, live_server):
    request, token = _with_answers_kept(people)
    open_link(page, token)
    easy_read_on(page)
    page.goto(reverse("participant:about-you-easy", args=[request.pk, 1]))
    submit(page, "Next")
    expect_error_summary(page)


def feedback_thanks(page, people, live_server):
    _activity, request, token = link_for(people)
    services.feedback_save(request=request, values={**ANSWERS, "anonymous": True}, submit=True)
    open_link(page, token)
    expect_heading(page, "Thank you")
    assert page.get_by_text("keep your name hidden").is_visible()


def link_not_working(page, people, live_server):
    _activity, request, token = link_for(people)
    services.feedback_request_revoke(request=request)
    open_link(page, token)
    expect_heading(page, "This link is not working")


# --- the same, in easy read -------------------------------------------------------------------


def easy_question_empty(page, people, live_server):
    _activity, _request, token = link_for(people)
    open_link(page, token)
    easy_read_on(page)
    expect_heading(page, str(QUESTIONS[0].easy))
    assert page.locator(".inv-answer-picture").count() == 5


def easy_question_error(page, people, live_server):
    _activity, _request, token = link_for(people)
    open_link(page, token)
    easy_read_on(page)
    submit(page, "Next")
    expect_error_summary(page)
    assert page.title().startswith("Error:")


def easy_say_question(page, people, live_server):
    """The ladder of say: eight answers, six of them with their own picture."""
    _activity, request, token = link_for(people)
    open_link(page, token)
    easy_read_on(page)
    say = next(n for n, q in enumerate(QUESTIONS, 1) if q.key == "say")
    page.goto(reverse("participant:feedback-easy", args=[request.pk, say]))
    expect_heading(page, "How much say did you have?")
    assert page.locator(".inv-answer-picture").count() == 8


def easy_text_question(page, people, live_server):
    _activity, request, token = link_for(people)
    open_link(page, token)
    easy_read_on(page)
    text = next(n for n, q in enumerate(QUESTIONS, 1) if q.kind == "text")
    page.goto(reverse("participant:feedback-easy", args=[request.pk, text]))
    assert page.locator("textarea").is_visible()


def easy_send(page, people, live_server):
    _activity, request, token = link_for(people)
    open_link(page, token)
    easy_read_on(page)
    services.feedback_save(request=request, values=ANSWERS, submit=False)
    page.goto(reverse("participant:feedback-easy-send", args=[request.pk]))
    expect_heading(page, "Check your answers")
    assert page.get_by_role("button", name="Send my answers").is_visible()


def easy_saved(page, people, live_server):
    _activity, _request, token = link_for(people)
    open_link(page, token)
    easy_read_on(page)
    submit(page, "Save and come back later")
    expect_heading(page, "Your answers are saved")
    assert page.locator("body.inv-easy-read").count() == 1


def about_you_easy_consent(page, people, live_server):
    _activity, request, token = link_for(people)
    open_link(page, token)
    easy_read_on(page)
    services.feedback_save(request=request, values=ANSWERS, submit=True)
    page.goto(reverse("participant:about-you", args=[request.pk]))
    expect_heading(page, "Do you want to answer some questions about you?")


def about_you_easy_consent_error(page, people, live_server):
    _activity, request, token = link_for(people)
    open_link(page, token)
    easy_read_on(page)
    services.feedback_save(request=request, values=ANSWERS, submit=True)
    page.goto(reverse("participant:about-you-easy", args=[request.pk, 1]))
    submit(page, "Next")
    expect_error_summary(page)


def about_you_easy_question(page, people, live_server):
    _activity, request, token = link_for(people)
    open_link(page, token)
    easy_read_on(page)
    services.feedback_save(request=request, values=ANSWERS, submit=True)
    page.goto(reverse("participant:about-you-easy", args=[request.pk, 1]))
    page.get_by_label("Yes, I agree").check()
    submit(page, "Next")
    assert page.get_by_role("button", name="Skip this question").is_visible()


def easy_thanks(page, people, live_server):
    _activity, request, token = link_for(people)
    open_link(page, token)
    easy_read_on(page)
    services.feedback_save(request=request, values=ANSWERS, submit=True)
    page.goto(reverse("participant:feedback-thanks", args=[request.pk]))
    expect_heading(page, "Thank you")
    assert page.locator("body.inv-easy-read").count() == 1


# --- staff ------------------------------------------------------------------------------------


def overview_nobody_involved(page, people, live_server):
    activity = council(people, names=[])
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("quality:feedback-overview", args=[activity.pk]))
    assert page.get_by_text("Nobody is involved in this activity yet.").is_visible()


def overview_with_people(page, people, live_server):
    """Every status at once: answered on paper, started, waiting, link stopped, email failed,
    and not asked."""
    activity = voices_council(people)
    answer_on_behalf(activity, people, ["Dee Walsh"])
    _a, started, _t = link_for(people, activity, "Kofi Mensah")
    services.feedback_save(request=started, values={"listened_to": "yes"}, submit=False)
    link_for(people, activity, "Marion B.")
    _a, stopped, _t = link_for(people, activity, "Lewis Grant")
    services.feedback_request_revoke(request=stopped)
    failed = FeedbackRequest.objects.create(
        organisation=activity.organisation,
        activity=activity,
        participant=person_of(activity, "Sasha Novak"),
        channel=FeedbackRequest.Channel.EMAIL,
        sent_at=timezone.now(),
        email_error="Mailbox full: the email could not be delivered.",
    )
    Participant.objects.filter(pk=failed.participant_id).update(email="sasha@example.org")
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("quality:feedback-overview", args=[activity.pk]))
    main = page.locator("main").inner_text()
    for status in ("Answered", "Started, not sent", "Link stopped", "Email not sent", "Not asked"):
        assert status in main, status


def overview_about_a_session(page, people, live_server):
    """Feedback about one session held: the "Feedback about" list marks it."""
    activity = voices_council(people)
    held = activity.sessions.create(
        organisation=activity.organisation,
        starts_at=timezone.now() - datetime.timedelta(days=3),
        place="Community room",
    )
    services.feedback_letter_issue(
        activity=activity, participant=person_of(activity), created_by=people["staff"], session=held
    )
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("quality:feedback-overview", args=[activity.pk]) + f"?session={held.pk}")
    assert page.locator("nav.inv-about [aria-current=page]").count() == 1
    assert "the session on" in page.locator("main").inner_text()


def send_form(page, people, live_server):
    activity = voices_council(people)
    for n, person in enumerate(Participant.objects.filter(organisation=activity.organisation)):
        person.email = f"person{n}@example.org"
        person.save()
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("quality:feedback-send", args=[activity.pk]))
    expect_heading(page, "Send feedback links by email")
    assert page.locator("input[name=people]").count() >= 5


def send_error(page, people, live_server):
    activity = voices_council(people)
    Participant.objects.filter(organisation=activity.organisation).update(email="")
    person = person_of(activity)
    person.email = "dee@example.org"
    person.save()
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("quality:feedback-send", args=[activity.pk]))
    submit(page, "Send links by email")
    expect_error_summary(page)


def results_with_answers(page, people, live_server):
    activity = voices_council(people)
    names = list(activity.involvements.values_list("participant__name", flat=True))
    answer_on_behalf(activity, people, names)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("quality:feedback-results", args=[activity.pk]))
    expect_heading(page, "What people said")
    assert page.locator("svg.inv-chart-bar").count() >= 1
    assert page.get_by_text("Everyone was kind").first.is_visible()


def results_empty(page, people, live_server):
    activity = voices_council(people)
    link_for(people, activity)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("quality:feedback-results", args=[activity.pk]))
    assert page.get_by_text("No answers yet.").is_visible()


def letter_confirm(page, people, live_server):
    activity = voices_council(people)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("quality:feedback-letter", args=[activity.pk, person_of(activity).pk]))
    expect_heading(page, "Print a feedback letter")


def letter(page, people, live_server):
    activity = voices_council(people)
    person = person_of(activity)
    person.postal_address = "Flat 2, 14 Mill Lane\nBrightwater\nBW1 4QT"
    person.save()
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("quality:feedback-letter", args=[activity.pk, person.pk]))
    submit(page, "Make the letter")
    assert page.locator(".inv-qr svg").is_visible()
    assert "/feedback/start/" in page.locator(".inv-letter-link").inner_text()


def on_behalf_form(page, people, live_server):
    activity = voices_council(people)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("quality:feedback-on-behalf", args=[activity.pk, person_of(activity).pk]))
    expect_heading(page, "Enter answers for Dee Walsh")


def on_behalf_error(page, people, live_server):
    activity = voices_council(people)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("quality:feedback-on-behalf", args=[activity.pk, person_of(activity).pk]))
    submit(page, "Save their answers")
    expect_error_summary(page)


def revoke_confirm(page, people, live_server):
    _activity, request, _token = link_for(people)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("quality:feedback-revoke", args=[request.pk]))
    expect_heading(page, "Stop Dee Walsh")


FEEDBACK_STATES = [
    feedback_form_empty,
    feedback_form_error,
    feedback_saved,
    about_you_standard,
    about_you_standard_error,
    about_you_kept,
    about_you_kept_error,
    about_you_deleted,
    feedback_thanks,
    link_not_working,
    easy_question_empty,
    easy_question_error,
    easy_say_question,
    easy_text_question,
    easy_send,
    easy_saved,
    about_you_easy_consent,
    about_you_easy_consent_error,
    about_you_easy_question,
    about_you_easy_kept,
    about_you_easy_kept_error,
    easy_thanks,
    overview_nobody_involved,
    overview_with_people,
    overview_about_a_session,
    send_form,
    send_error,
    results_with_answers,
    results_empty,
    letter_confirm,
    letter,
    on_behalf_form,
    on_behalf_error,
    revoke_confirm,
]
