"""A person answering through their link: one page or easy read, drafts, double submits,
typing kept through a lost session or CSRF token, and the optional "about you"."""

import pytest
from django.test import Client
from django.urls import reverse

from activities.models import AboutYou, PreferredFormat
from quality.forms import FeedbackForm
from quality.models import FeedbackResponse
from quality.questions import BY_KEY, QUESTIONS
from quality.services import feedback_save

from ..factories import FeedbackRequestFactory, feedback_link
from ..pages import Page, assert_field_error

TYPED = "The room was too cold & nobody said <why>."


def url(name, feedback_request, *args):
    return reverse(f"participant:{name}", args=[feedback_request.pk, *args])


def easy_step(key) -> int:
    return next(n for n, q in enumerate(QUESTIONS, 1) if q.key == key)


def response_of(feedback_request):
    return FeedbackResponse.objects.filter(request=feedback_request).first()


def test_the_form_asks_every_question(person, feedback_request):
    response = person.get(url("feedback-form", feedback_request))
    assert response.status_code == 200
    html = response.content.decode()
    for question in QUESTIONS:
        assert str(question.text) in html
    assert "Voices Council" in html


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("understood_role", "brilliant", "Choose one of the answers shown."),
        ("say", "everything", "Choose one of the answers shown."),
        ("anonymous", "maybe", "Choose one of the answers shown."),
    ],
)
def test_an_answer_that_is_not_offered_is_refused_beside_the_question(
    field, value, message, person, feedback_request, answers
):
    answers[field] = value
    answers["what_was_good"] = TYPED
    response = person.post(url("feedback-form", feedback_request), answers)
    page = assert_field_error(response, field, message, choices=True)
    assert page.value("what_was_good") == TYPED
    assert response_of(feedback_request) is None


def test_a_tampered_answer_is_refused_when_saving_for_later_too(person, feedback_request, answers):
    answers.update(listened_to="10", save_for_later="1")
    response = person.post(url("feedback-form", feedback_request), answers)
    assert_field_error(response, "listened_to", "Choose one of the answers shown.", choices=True)
    assert response_of(feedback_request) is None


def test_text_over_5000_characters_is_refused_and_kept(person, feedback_request, answers):
    answers["do_differently"] = "x" * 5001
    response = person.post(url("feedback-form", feedback_request), answers)
    page = assert_field_error(
        response, "do_differently", "Write 5000 characters or fewer. You wrote 5001."
    )
    assert page.value("do_differently") == "x" * 5001
    assert page.value("understood_role") == "yes"
    assert response_of(feedback_request) is None


def test_sending_needs_every_choice_answered(person, feedback_request, answers):
    del answers["stay_involved"]
    answers["what_was_good"] = TYPED
    response = person.post(url("feedback-form", feedback_request), answers)
    page = assert_field_error(
        response,
        "stay_involved",
        "Choose an answer. You can choose “I don’t know” or “I prefer not to say”.",
        choices=True,
    )
    assert page.value("what_was_good") == TYPED
    assert response_of(feedback_request) is None


def test_what_people_type_is_escaped(person, feedback_request, answers):
    answers.update(understood_role="", what_was_good=TYPED)
    html = person.post(url("feedback-form", feedback_request), answers).content.decode()
    assert "<why>" not in html
    assert "&lt;why&gt;" in html


def test_saving_for_later_keeps_a_draft_that_the_link_brings_back(
    client, person, feedback_request, token
):
    response = person.post(
        url("feedback-form", feedback_request),
        {"understood_role": "partly", "what_was_good": TYPED, "save_for_later": "1"},
    )
    assert response.status_code == 302
    assert response.url == url("feedback-saved", feedback_request)
    saved = person.get(response.url)
    assert "Your answers are saved" in saved.content.decode()
    draft = response_of(feedback_request)
    assert draft.status == FeedbackResponse.Status.DRAFT
    assert (draft.understood_role, draft.what_was_good) == ("partly", TYPED)

    later = Client()
    later.get(reverse("participant:feedback-start", args=[token]))
    page = Page.of(later.get(url("feedback-form", feedback_request)))
    assert page.value("understood_role") == "partly"
    assert page.value("what_was_good") == TYPED


def test_sending_twice_records_one_answer_and_the_second_changes_nothing(
    person, feedback_request, answers
):
    first = person.post(url("feedback-form", feedback_request), answers)
    assert first.status_code == 302
    second = person.post(
        url("feedback-form", feedback_request),
        {**answers, "understood_role": "no", "what_was_good": "Changed my mind"},
    )
    assert second.status_code == 302
    assert second.url == url("feedback-thanks", feedback_request)
    assert FeedbackResponse.objects.filter(request=feedback_request).count() == 1
    answer = response_of(feedback_request)
    assert answer.status == FeedbackResponse.Status.SUBMITTED
    assert answer.understood_role == "yes"
    assert answer.what_was_good == answers["what_was_good"]
    assert answer.anonymous is False


def test_after_sending_the_form_goes_to_thank_you(person, feedback_request, answers):
    person.post(url("feedback-form", feedback_request), answers)
    response = person.get(url("feedback-form", feedback_request))
    assert response.status_code == 302
    assert response.url == url("feedback-thanks", feedback_request)


def test_sending_leads_to_about_you_when_not_answered_before(person, feedback_request, answers):
    response = person.post(url("feedback-form", feedback_request), answers)
    assert response.url == url("about-you", feedback_request)


def test_sending_leads_to_thank_you_when_about_you_was_answered(person, feedback_request, answers):
    participant = feedback_request.participant
    AboutYou.objects.create(
        participant=participant,
        organisation=participant.organisation,
        consent_wording="I agree",
        consented_at="2026-01-01T10:00:00Z",
    )
    response = person.post(url("feedback-form", feedback_request), answers)
    assert response.url == url("feedback-thanks", feedback_request)
    assert "Thank you" in person.get(response.url).content.decode()


def test_a_post_without_a_csrf_token_keeps_the_typing_for_the_next_visit(feedback_request, token):
    strict = Client(enforce_csrf_checks=True)
    strict.get(reverse("participant:feedback-start", args=[token]))
    response = strict.post(
        url("feedback-form", feedback_request), {"what_was_good": TYPED, "felt_valued": "no"}
    )
    assert response.status_code == 403
    assert "We kept what you typed" in response.content.decode()
    assert response.headers["Cache-Control"].startswith("no-store")
    assert response_of(feedback_request) is None

    page = strict.get(url("feedback-form", feedback_request))
    assert "We kept what you typed" in page.content.decode()
    values = Page.of(page)
    assert values.value("what_was_good") == TYPED
    assert values.value("felt_valued") == "no"
    # Put back once, not every time.
    assert Page.of(strict.get(url("feedback-form", feedback_request))).value("what_was_good") == ""


def test_an_easy_read_post_without_a_csrf_token_is_kept_too(feedback_request, token):
    strict = Client(enforce_csrf_checks=True)
    strict.get(reverse("participant:feedback-start", args=[token]))
    step = easy_step("do_differently")
    response = strict.post(url("feedback-easy", feedback_request, step), {"do_differently": TYPED})
    assert response.status_code == 403
    page = Page.of(strict.get(url("feedback-easy", feedback_request, step)))
    assert page.value("do_differently") == TYPED


def test_a_post_after_the_session_ended_is_kept_until_the_link_is_opened_again(
    person, feedback_request, token
):
    person.session.flush()
    response = person.post(
        url("feedback-form", feedback_request), {"what_was_good": TYPED, "say": "informing"}
    )
    assert response.status_code == 403
    assert "We kept what you typed" in response.content.decode()
    assert response_of(feedback_request) is None
    assert person.get(url("feedback-form", feedback_request)).status_code == 404

    person.get(reverse("participant:feedback-start", args=[token]))
    page = Page.of(person.get(url("feedback-form", feedback_request)))
    assert page.value("what_was_good") == TYPED
    assert page.value("say") == "informing"


def test_kept_typing_is_only_for_the_fields_asked(feedback_request, token):
    client = Client()
    client.post(url("feedback-form", feedback_request), {"evil": "x", "what_was_good": TYPED})
    pending = client.session.get("feedback_pending", {})
    assert pending == {str(feedback_request.pk): {"what_was_good": TYPED}}


# Easy read


def test_easy_read_is_one_question_a_page(person, feedback_request):
    response = person.post(url("easy-read-switch", feedback_request), {"easy_read": "on"})
    assert response.url == url("feedback-easy", feedback_request, 1)
    assert response.cookies["easy_read"].value == "1"
    page = person.get(response.url)
    html = page.content.decode()
    assert str(QUESTIONS[0].easy) in html
    assert str(QUESTIONS[1].easy) not in html
    assert f"Question 1 of {len(QUESTIONS)}" in html
    assert person.get(url("feedback-form", feedback_request)).url == url(
        "feedback-easy", feedback_request, 1
    )


def test_switching_easy_read_off_goes_back_to_one_page(person, feedback_request):
    person.post(url("easy-read-switch", feedback_request), {"easy_read": "on"})
    response = person.post(url("easy-read-switch", feedback_request), {})
    assert response.url == url("feedback-form", feedback_request)
    assert person.get(response.url).status_code == 200


def test_easy_read_is_chosen_for_people_who_prefer_it(client, activity, brightwater):
    feedback_request = FeedbackRequestFactory(activity=activity)
    participant = feedback_request.participant
    participant.preferred_formats = [PreferredFormat.EASY_READ]
    participant.save()
    response = client.get(
        reverse("participant:feedback-start", args=[feedback_link(feedback_request)]), follow=True
    )
    assert response.redirect_chain[-1][0] == url("feedback-easy", feedback_request, 1)


def test_easy_read_next_without_an_answer_asks_for_one(person, feedback_request):
    response = person.post(url("feedback-easy", feedback_request, 1), {})
    assert response.status_code == 200
    page = Page.of(response)
    assert any("Choose an answer" in text for _href, text in page.summary_links)
    assert any("Choose an answer" in text for _id, text in page.field_errors)
    assert response_of(feedback_request) is None


def test_easy_read_refuses_an_answer_not_offered(person, feedback_request):
    response = person.post(url("feedback-easy", feedback_request, 1), {"understood_role": "10"})
    page = Page.of(response)
    assert any("Choose one of the answers shown." in t for _h, t in page.summary_links)
    assert response_of(feedback_request) is None


def test_easy_read_steps_save_as_they_go_and_end_on_the_send_page(
    person, feedback_request, answers
):
    for step, question in enumerate(QUESTIONS, 1):
        response = person.post(
            url("feedback-easy", feedback_request, step), {question.key: answers[question.key]}
        )
        assert response.status_code == 302, (step, response.content[:500])
        expected = (
            url("feedback-easy-send", feedback_request)
            if step == len(QUESTIONS)
            else url("feedback-easy", feedback_request, step + 1)
        )
        assert response.url == expected
    draft = response_of(feedback_request)
    assert draft.status == FeedbackResponse.Status.DRAFT
    check = Page.of(person.get(url("feedback-easy-send", feedback_request)))
    assert check.rows[str(QUESTIONS[0].easy)] == "Yes"
    assert check.rows[str(BY_KEY["anonymous"].easy)] == "Yes, they can see my name"
    assert check.rows[str(BY_KEY["may_quote"].easy)] == "Yes, you can quote my words"

    sent = person.post(url("feedback-easy-send", feedback_request))
    assert sent.url == url("about-you", feedback_request)
    answer = response_of(feedback_request)
    assert answer.status == FeedbackResponse.Status.SUBMITTED
    assert answer.anonymous is False
    assert answer.what_was_good == answers["what_was_good"]


def test_easy_read_save_for_later_keeps_the_answer(person, feedback_request):
    step = easy_step("listened_to")
    response = person.post(
        url("feedback-easy", feedback_request, step),
        {"listened_to": "no", "save_for_later": "1"},
    )
    assert response.url == url("feedback-saved", feedback_request)
    assert response_of(feedback_request).listened_to == "no"
    assert (
        Page.of(person.get(url("feedback-easy", feedback_request, step))).value("listened_to")
        == "no"
    )


def test_easy_read_save_for_later_with_no_answer_saves_nothing_wrong(person, feedback_request):
    response = person.post(url("feedback-easy", feedback_request, 1), {"save_for_later": "1"})
    assert response.url == url("feedback-saved", feedback_request)
    assert response_of(feedback_request).status == FeedbackResponse.Status.DRAFT


def test_easy_read_sending_with_a_missing_answer_goes_back_to_that_question(
    person, feedback_request, answers
):
    values = FeedbackForm(data=answers)
    assert values.is_valid()
    partial = {k: v for k, v in values.response_values().items() if k != "say"}
    feedback_save(request=feedback_request, values=partial, submit=False)
    response = person.post(url("feedback-easy-send", feedback_request))
    assert response.status_code == 302
    assert response.url == url("feedback-easy", feedback_request, easy_step("say"))
    assert response_of(feedback_request).status == FeedbackResponse.Status.DRAFT


def test_easy_read_sending_with_nothing_answered_goes_to_the_first_question(
    person, feedback_request
):
    response = person.post(url("feedback-easy-send", feedback_request))
    assert response.url == url("feedback-easy", feedback_request, 1)


def test_easy_read_steps_outside_the_questions_are_not_found(person, feedback_request):
    assert person.get(url("feedback-easy", feedback_request, 0)).status_code == 404
    assert person.get(url("feedback-easy", feedback_request, len(QUESTIONS) + 1)).status_code == 404


# About you


def test_about_you_answers_without_agreeing_are_refused(person, feedback_request):
    response = person.post(url("about-you", feedback_request), {"age_band": "25_34"})
    assert_field_error(
        response,
        "consent",
        "To keep your answers, tick the box to say you agree. Or choose “Skip”.",
    )
    assert not AboutYou.objects.exists()


def test_about_you_answers_with_agreement_are_kept_with_the_wording_and_date(
    person, feedback_request, brightwater
):
    response = person.post(
        url("about-you", feedback_request),
        {"age_band": "25_34", "gender": "woman", "consent": "on"},
    )
    assert response.url == url("feedback-thanks", feedback_request)
    about = AboutYou.objects.get(participant=feedback_request.participant)
    assert (about.age_band, about.gender, about.ethnicity) == ("25_34", "woman", "")
    assert about.organisation == brightwater
    assert brightwater.name in about.consent_wording
    assert about.consented_at is not None


def test_about_you_refuses_an_answer_not_offered(person, feedback_request):
    response = person.post(url("about-you", feedback_request), {"gender": "x", "consent": "on"})
    assert_field_error(response, "gender", "Choose one of the answers shown.", choices=True)
    assert not AboutYou.objects.exists()


def test_skipping_about_you_keeps_nothing(person, feedback_request):
    response = person.post(
        url("about-you", feedback_request), {"age_band": "25_34", "consent": "on", "skip": "1"}
    )
    assert response.url == url("feedback-thanks", feedback_request)
    assert not AboutYou.objects.exists()


def test_easy_read_about_you_asks_for_agreement_first(person, feedback_request):
    person.post(url("easy-read-switch", feedback_request), {"easy_read": "on"})
    assert person.get(url("about-you", feedback_request)).url == url(
        "about-you-easy", feedback_request, 1
    )
    assert person.get(url("about-you-easy", feedback_request, 3)).url == url(
        "about-you-easy", feedback_request, 1
    )
    empty = person.post(url("about-you-easy", feedback_request, 1), {})
    assert any("Choose yes or no." in t for _h, t in Page.of(empty).summary_links)
    no = person.post(url("about-you-easy", feedback_request, 1), {"consent": "no"})
    assert no.url == url("feedback-thanks", feedback_request)
    assert not AboutYou.objects.exists()


def test_easy_read_about_you_keeps_each_answer_after_agreeing(person, feedback_request):
    page = person.get(url("about-you-easy", feedback_request, 1))
    assert feedback_request.organisation.name in page.content.decode()
    yes = person.post(url("about-you-easy", feedback_request, 1), {"consent": "yes"})
    assert yes.url == url("about-you-easy", feedback_request, 2)
    about = AboutYou.objects.get(participant=feedback_request.participant)
    assert about.consented_at is not None and about.consent_wording

    assert person.post(url("about-you-easy", feedback_request, 2), {"age_band": "18_24"}).url == (
        url("about-you-easy", feedback_request, 3)
    )
    assert person.post(url("about-you-easy", feedback_request, 3), {"skip": "1"}).url == url(
        "about-you-easy", feedback_request, 4
    )
    person.post(url("about-you-easy", feedback_request, 4), {"ethnicity": "asian"})
    last = person.post(url("about-you-easy", feedback_request, 5), {"disability": "no"})
    assert last.url == url("feedback-thanks", feedback_request)
    about.refresh_from_db()
    assert (about.age_band, about.gender, about.ethnicity, about.disability) == (
        "18_24",
        "",
        "asian",
        "no",
    )
    assert person.get(url("about-you-easy", feedback_request, 6)).status_code == 404


# What staff see


def test_a_hidden_name_is_not_shown_with_the_comment(
    person, feedback_request, answers, staff_client, activity
):
    answers.update(anonymous="yes", what_was_good="Loved the biscuits")
    person.post(url("feedback-form", feedback_request), answers)
    assert response_of(feedback_request).anonymous is True
    html = staff_client.get(
        reverse("quality:feedback-results", args=[activity.pk])
    ).content.decode()
    assert "Loved the biscuits" in html
    assert "Name hidden" in html
    assert feedback_request.participant.name not in html


def test_a_name_shared_is_shown_with_the_comment(
    person, feedback_request, answers, staff_client, activity
):
    answers.update(anonymous="no", what_was_good="Loved the biscuits")
    person.post(url("feedback-form", feedback_request), answers)
    html = staff_client.get(
        reverse("quality:feedback-results", args=[activity.pk])
    ).content.decode()
    assert "Loved the biscuits" in html
    assert feedback_request.participant.name in html


@pytest.mark.parametrize("page", ["feedback-easy", "about-you-easy"])
def test_easy_read_error_summary_links_to_the_first_answer(page, person, feedback_request):
    response = person.post(url(page, feedback_request, 1), {})
    parsed = Page.of(response)
    assert parsed.summary_links
    for href, _text in parsed.summary_links:
        assert href.lstrip("#") in parsed.ids
    assert "" not in parsed.ids
