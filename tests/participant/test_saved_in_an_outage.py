"""Saved, then told "error": once a person's answer is committed, the database going away
(the next page's look-ups, the session) must not turn their "thank you" into an error page.
A failure before the commit still shows an error and saves nothing."""

import logging

from django.db import OperationalError, connection
from django.urls import reverse

from activities.models import AboutYou
from participant.views import feedback
from quality.models import Contribution, FeedbackResponse, ReplyLink
from quality.services import feedback_save

from .conftest import ANSWERS
from .test_reply import told

GONE = "server closed the connection unexpectedly"


def url(name, obj, *args):
    return reverse(f"participant:{name}", args=[obj.pk, *args])


def assert_thanked(response, caplog):
    assert response.status_code == 200, response.status_code
    assert "We have your answers" in response.content.decode()
    assert any("could not be found" in r.getMessage() for r in caplog.records), caplog.records


def sent(feedback_request):
    return FeedbackResponse.objects.filter(
        request=feedback_request, status=FeedbackResponse.Status.SUBMITTED
    )


def test_feedback_sent_then_the_database_fails_still_says_thank_you(
    person, feedback_request, database_dies_after, caplog
):
    back = database_dies_after("quality.services.feedback_save")
    with caplog.at_level(logging.ERROR):
        response = person.post(url("feedback-form", feedback_request), ANSWERS)
    back()
    assert_thanked(response, caplog)
    assert sent(feedback_request).count() == 1
    assert sent(feedback_request).get().what_was_good == ANSWERS["what_was_good"]


def test_when_only_the_next_page_look_up_fails_it_still_says_thank_you(
    person, feedback_request, monkeypatch, caplog
):
    def lookup_fails(feedback_request):
        raise OperationalError(GONE)

    monkeypatch.setattr(feedback, "next_after_submit", lookup_fails)
    with caplog.at_level(logging.ERROR):
        response = person.post(url("feedback-form", feedback_request), ANSWERS)
    assert_thanked(response, caplog)
    assert sent(feedback_request).count() == 1


def test_easy_read_sent_then_the_database_fails_still_says_thank_you(
    person, feedback_request, database_dies_after, caplog
):
    person.post(url("feedback-form", feedback_request), {**ANSWERS, "save_for_later": "1"})
    person.post(url("easy-read-switch", feedback_request), {"easy_read": "on"})
    back = database_dies_after("quality.services.feedback_save")
    with caplog.at_level(logging.ERROR):
        response = person.post(url("feedback-easy-send", feedback_request))
    back()
    assert_thanked(response, caplog)
    assert "inv-easy-read" in response.content.decode()
    assert sent(feedback_request).count() == 1


def test_a_failure_before_the_commit_shows_an_error_and_saves_nothing(person, feedback_request):
    def refuse_writes(execute, sql, params, many, context):
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE")):
            raise OperationalError(GONE)
        return execute(sql, params, many, context)

    person.raise_request_exception = False
    with connection.execute_wrapper(refuse_writes):
        response = person.post(url("feedback-form", feedback_request), ANSWERS)
    assert response.status_code == 500
    assert not FeedbackResponse.objects.filter(request=feedback_request).exists()


def test_about_you_saved_needs_the_database_no_more(person, feedback_request, database_dies_after):
    """After the save, only a redirect to "thank you": no query, no session write."""
    feedback_save(request=feedback_request, values={"say": "consulting"}, submit=True)
    back = database_dies_after("quality.services.about_you_save")
    response = person.post(
        url("about-you", feedback_request), {"age_band": "25_34", "consent": "on"}
    )
    back()
    assert response.status_code == 302
    assert response.url == url("feedback-thanks", feedback_request)
    assert AboutYou.objects.get(participant=feedback_request.participant).age_band == "25_34"


def test_easy_read_about_you_steps_need_the_database_no_more(
    person, feedback_request, database_dies_after
):
    person.post(url("easy-read-switch", feedback_request), {"easy_read": "on"})
    person.post(url("about-you-easy", feedback_request, 1), {"consent": "yes"})
    back = database_dies_after("quality.services.about_you_save")
    response = person.post(url("about-you-easy", feedback_request, 5), {"disability": "no"})
    back()
    assert response.url == url("feedback-thanks", feedback_request)
    assert AboutYou.objects.get(participant=feedback_request.participant).disability == "no"


def test_the_reply_saved_needs_the_database_no_more(client, activity, sam, database_dies_after):
    contribution = told(activity, sam)
    token = ReplyLink.issue(contribution)[1]
    client.get(reverse("participant:reply-start", args=[token]))
    back = database_dies_after("quality.services.contribution_rate")
    response = client.post(url("reply", contribution), {"satisfied": "yes", "comment": ""})
    back()
    assert response.status_code == 302
    assert response.url == url("reply-thanks", contribution)
    assert Contribution.objects.get(pk=contribution.pk).satisfied == "yes"
