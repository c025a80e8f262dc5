"""A personal link may write a person's "about you" answers but never reads them back: anyone
holding one of their links (a new printed letter, a link for another activity) would see
their age, gender, ethnicity and disability. With answers kept, the page says so and asks
whether to keep, change or delete them."""

import pytest
from django.urls import reverse

from activities.models import DEMOGRAPHIC_FIELDS, AboutYou
from quality.forms import FeedbackForm
from quality.questions import QUESTIONS
from quality.services import feedback_save

from ..factories import AboutYouFactory, ActivityFactory, FeedbackRequestFactory, feedback_link
from ..pages import Page, assert_field_error
from .conftest import ANSWERS

SAVED = {"age_band": "25_34", "gender": "woman", "ethnicity": "asian", "disability": "yes"}
ALREADY = "We already have your answers about you"
ALREADY_EASY = "We already have your answers about you."
CHOOSE = "Choose whether to keep, change or delete your answers."
CHOOSE_EASY = "Choose what you want to do."


def url(name, feedback_request, *args):
    return reverse(f"participant:{name}", args=[feedback_request.pk, *args])


@pytest.fixture
def saved(sam):
    """Sam told us about themselves after an earlier activity."""
    return AboutYouFactory(participant=sam, **SAVED)


def send_feedback(feedback_request):
    form = FeedbackForm(ANSWERS)
    assert form.is_valid(), form.errors
    feedback_save(request=feedback_request, values=form.response_values(), submit=True)


def easy_read(person, feedback_request):
    person.post(url("easy-read-switch", feedback_request), {"easy_read": "on"})


def assert_nothing_read_back(response):
    """No saved answer is chosen, pre-filled or hidden anywhere in the page."""
    assert response.status_code == 200, response.status_code
    page = Page.of(response)
    assert not set(page.values) & set(DEMOGRAPHIC_FIELDS), page.values
    held = {v for values in page.values.values() for v in values}
    assert not held & {"25_34", "woman", "asian"}, page.values


def link_pages(feedback_request) -> list[str]:
    """Every page a person's link shows, before and after sending their feedback."""
    steps = range(1, len(DEMOGRAPHIC_FIELDS) + 2)
    return [
        url("feedback-form", feedback_request),
        *[url("feedback-easy", feedback_request, n) for n in range(1, len(QUESTIONS) + 1)],
        url("feedback-easy-send", feedback_request),
        url("feedback-saved", feedback_request),
        url("about-you", feedback_request),
        *[url("about-you-easy", feedback_request, n) for n in steps],
        url("feedback-thanks", feedback_request),
    ]


@pytest.mark.parametrize("easy", [False, True], ids=["plain", "easy read"])
def test_saved_answers_are_never_shown_on_any_link_page(easy, person, feedback_request, saved):
    if easy:
        easy_read(person, feedback_request)
    for page_url in link_pages(feedback_request):
        response = person.get(page_url, follow=True)
        assert_nothing_read_back(response)
    send_feedback(feedback_request)
    for page_url in link_pages(feedback_request):
        assert_nothing_read_back(person.get(page_url, follow=True))


def test_a_new_letter_for_another_activity_shows_none_of_them(client, sam, staff, saved):
    other = FeedbackRequestFactory(
        activity=ActivityFactory(organisation=sam.organisation, title="Menu tasting"),
        participant=sam,
        created_by=staff,
    )
    client.get(reverse("participant:feedback-start", args=[feedback_link(other)]))
    send_feedback(other)
    response = client.get(url("about-you", other))
    assert_nothing_read_back(response)
    assert ALREADY in response.content.decode()


def test_with_answers_kept_the_page_asks_what_to_do_and_not_the_questions(
    person, feedback_request, saved
):
    response = person.get(url("about-you", feedback_request))
    html = response.content.decode()
    assert ALREADY in html
    page = Page.of(response)
    assert {"id_choice_1", "id_choice_2", "id_choice_3"} <= page.ids
    assert not [i for i in page.ids if i.startswith(("id_age_band", "id_gender", "id_consent"))]
    for value, label in [("25_34", "25 to 34"), ("asian", "Asian or Asian British")]:
        assert f'value="{value}"' not in html
        assert label not in html


def test_switching_to_easy_read_shows_none_of_them_either(person, feedback_request, saved):
    send_feedback(feedback_request)
    switched = person.post(
        url("easy-read-switch", feedback_request), {"easy_read": "on", "page": "about-you"}
    )
    response = person.get(switched.url, follow=True)
    assert_nothing_read_back(response)
    assert ALREADY_EASY in response.content.decode()


def test_keeping_them_leaves_them_as_they_were(person, feedback_request, saved):
    response = person.post(url("about-you", feedback_request), {"choice": "keep"})
    assert response.url == url("feedback-thanks", feedback_request)
    about = AboutYou.objects.get(pk=saved.pk)
    assert {name: getattr(about, name) for name in SAVED} == SAVED
    assert about.consented_at == saved.consented_at


def test_changing_them_asks_the_questions_again_empty_and_keeps_the_new_answers(
    person, feedback_request, saved
):
    response = person.post(url("about-you", feedback_request), {"choice": "replace"})
    assert response.url == url("about-you", feedback_request)
    questions = person.get(response.url)
    assert_nothing_read_back(questions)
    assert "id_age_band_1" in Page.of(questions).ids
    sent = person.post(url("about-you", feedback_request), {"age_band": "35_44", "consent": "on"})
    assert sent.url == url("feedback-thanks", feedback_request)
    about = AboutYou.objects.get(participant=feedback_request.participant)
    assert (about.age_band, about.gender, about.ethnicity, about.disability) == (
        "35_44",
        "",
        "",
        "",
    )


def test_the_questions_sent_twice_save_once_and_say_thank_you(person, feedback_request):
    answers = {"age_band": "35_44", "consent": "on"}
    first = person.post(url("about-you", feedback_request), answers)
    again = person.post(url("about-you", feedback_request), answers)
    assert first.url == again.url == url("feedback-thanks", feedback_request)
    assert AboutYou.objects.filter(participant=feedback_request.participant).count() == 1


def test_deleting_them_deletes_the_answers_and_the_consent(person, feedback_request, saved):
    response = person.post(url("about-you", feedback_request), {"choice": "withdraw"}, follow=True)
    assert response.redirect_chain == [(url("feedback-thanks", feedback_request), 302)]
    assert "We have deleted your answers about you." in response.content.decode()
    assert not AboutYou.objects.filter(participant=feedback_request.participant).exists()


def test_choosing_nothing_asks_for_a_choice_beside_the_question_and_in_the_summary(
    person, feedback_request, saved
):
    response = person.post(url("about-you", feedback_request), {})
    assert_field_error(response, "choice", CHOOSE, choices=True)
    assert_nothing_read_back(response)
    assert AboutYou.objects.filter(pk=saved.pk).exists()


def test_a_choice_not_offered_is_refused(person, feedback_request, saved):
    response = person.post(url("about-you", feedback_request), {"choice": "show"})
    assert_field_error(response, "choice", "Choose one of the answers shown.", choices=True)


# Easy read


def test_easy_read_asks_the_same_in_easy_words(person, feedback_request, saved):
    easy_read(person, feedback_request)
    response = person.get(url("about-you", feedback_request), follow=True)
    assert response.redirect_chain[-1][0] == url("about-you-easy", feedback_request, 1)
    html = response.content.decode()
    assert ALREADY_EASY in html
    assert "Delete my answers" in html
    assert_nothing_read_back(response)


def test_easy_read_choosing_nothing_shows_the_error(person, feedback_request, saved):
    easy_read(person, feedback_request)
    response = person.post(url("about-you-easy", feedback_request, 1), {})
    page = Page.of(response)
    assert ("#id_choice_1", CHOOSE_EASY) in page.summary_links
    assert "id_choice_1" in page.ids
    assert any(CHOOSE_EASY in text for _id, text in page.field_errors)


def test_easy_read_keeping_them(person, feedback_request, saved):
    easy_read(person, feedback_request)
    response = person.post(url("about-you-easy", feedback_request, 1), {"choice": "keep"})
    assert response.url == url("feedback-thanks", feedback_request)
    assert AboutYou.objects.get(pk=saved.pk).age_band == "25_34"


def test_easy_read_changing_them_starts_again_with_the_agreement(person, feedback_request, saved):
    easy_read(person, feedback_request)
    response = person.post(url("about-you-easy", feedback_request, 1), {"choice": "replace"})
    assert response.url == url("about-you-easy", feedback_request, 1)
    assert not AboutYou.objects.filter(participant=feedback_request.participant).exists()
    consent = person.get(response.url)
    assert "id_consent_1" in Page.of(consent).ids
    person.post(url("about-you-easy", feedback_request, 1), {"consent": "yes"})
    step = person.get(url("about-you-easy", feedback_request, 2))
    assert_nothing_read_back(step)
    person.post(url("about-you-easy", feedback_request, 2), {"age_band": "65_74"})
    about = AboutYou.objects.get(participant=feedback_request.participant)
    assert (about.age_band, about.gender) == ("65_74", "")


def test_easy_read_deleting_them(person, feedback_request, saved):
    easy_read(person, feedback_request)
    response = person.post(
        url("about-you-easy", feedback_request, 1), {"choice": "withdraw"}, follow=True
    )
    assert "We deleted your answers." in response.content.decode()
    assert not AboutYou.objects.filter(participant=feedback_request.participant).exists()


# Staff


def test_staff_still_see_the_answers_on_the_persons_record(client_for, org_admin, sam, saved):
    html = client_for(org_admin).get(reverse("activities:participant-detail", args=[sam.pk]))
    assert "25 to 34" in html.content.decode()
    assert "Asian or Asian British" in html.content.decode()
