"""Feedback after one session, beside feedback on the whole activity: asked, answered and
counted separately, reached by `?session=` on the staff pages."""

import datetime

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from quality import selectors
from quality.models import FeedbackRequest, FeedbackResponse

from ..factories import ActivityFactory, InvolvementFactory, SessionFactory, feedback_link


@pytest.fixture
def held(activity):
    return SessionFactory(activity=activity, starts_at=timezone.now() - datetime.timedelta(days=2))


@pytest.fixture
def involved_sam(activity, sam):
    InvolvementFactory(activity=activity, participant=sam)
    return sam


def about(view, activity, session) -> str:
    return reverse(view, args=[activity.pk]) + f"?session={session.pk}"


def test_links_about_a_session_are_separate_from_the_whole_activity(
    staff_client, activity, held, involved_sam, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            about("quality:feedback-send", activity, held), {"people": [involved_sam.pk]}
        )
    assert response.status_code == 302
    assert response.url == about("quality:feedback-overview", activity, held)
    [request] = FeedbackRequest.objects.all()
    assert request.session == held
    assert "This is about the session on" in mail.outbox[0].body
    assert selectors.response_rate(activity)["asked"] == 0
    assert selectors.response_rate(activity, held)["asked"] == 1


def test_the_overview_lists_the_sessions_held_and_marks_the_one_shown(staff_client, activity, held):
    SessionFactory(activity=activity, starts_at=timezone.now() + datetime.timedelta(days=9))
    html = staff_client.get(about("quality:feedback-overview", activity, held)).content.decode()
    assert "Feedback about" in html
    assert f'?session={held.pk}" aria-current="page"' in html
    assert html.count("The session on") == 1, "a session still to come cannot be asked about"


def test_a_session_of_another_activity_or_not_yet_held_is_not_found(
    staff_client, activity, brightwater, staff
):
    other = SessionFactory(
        activity=ActivityFactory(organisation=brightwater, created_by=staff),
        starts_at=timezone.now() - datetime.timedelta(days=1),
    )
    coming = SessionFactory(
        activity=activity, starts_at=timezone.now() + datetime.timedelta(days=1)
    )
    for session in (other, coming):
        url = about("quality:feedback-overview", activity, session)
        assert staff_client.get(url).status_code == 404
    url = reverse("quality:feedback-overview", args=[activity.pk]) + "?session=nonsense"
    assert staff_client.get(url).status_code == 404


def test_answers_about_a_session_count_only_there(
    staff_client, activity, held, involved_sam, answers
):
    url = reverse("quality:feedback-on-behalf", args=[activity.pk, involved_sam.pk])
    response = staff_client.post(
        url + f"?session={held.pk}", {**answers, "method": FeedbackResponse.Method.PAPER}
    )
    assert response.status_code == 302
    assert selectors.feedback_results(activity, 8, held)["total"] == 1
    assert selectors.feedback_results(activity, 8)["total"] == 0
    assert selectors.has_answered(activity, involved_sam, held)
    assert not selectors.has_answered(activity, involved_sam)
    html = staff_client.get(about("quality:feedback-results", activity, held)).content.decode()
    assert "the session on" in html


def test_the_person_is_told_which_session_their_link_is_about(staff, activity, held, involved_sam):
    from quality import services

    request, token = services.feedback_letter_issue(
        activity=activity, participant=involved_sam, created_by=staff, session=held
    )
    person = Client()
    form = person.get(reverse("participant:feedback-start", args=[token]), follow=True)
    assert "This is about the session on" in form.content.decode()
    assert feedback_link(request)
