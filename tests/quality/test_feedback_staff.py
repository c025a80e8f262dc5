"""Staff asking for feedback: email links, reminders, failed emails, stopping links, letters,
answers entered from paper or phone, and the results with small numbers hidden."""

import re
import smtplib
from unittest import mock

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from quality import selectors
from quality.models import FeedbackLink, FeedbackRequest, FeedbackResponse

from ..factories import (
    ActivityFactory,
    FeedbackRequestFactory,
    FeedbackResponseFactory,
    InvolvementFactory,
    ParticipantFactory,
    feedback_link,
)
from ..pages import Page, assert_field_error

LINK = re.compile(r"https?://\S+?(/feedback/start/[\w-]+/)")


def overview(activity) -> str:
    return reverse("quality:feedback-overview", args=[activity.pk])


def results(activity) -> str:
    return reverse("quality:feedback-results", args=[activity.pk])


def link_in(message) -> str:
    [path] = LINK.findall(message.body)
    return path


def opens(path: str) -> bool:
    response = Client().get(path)
    return response.status_code == 302 and response.url.startswith("/feedback/")


@pytest.fixture
def involved(activity, brightwater):
    """Two people with email addresses and one without, all involved in the activity."""
    people = [
        ParticipantFactory(organisation=brightwater, name="Alex B", email="alex@example.org"),
        ParticipantFactory(organisation=brightwater, name="Bo C", email="bo@example.org"),
        ParticipantFactory(organisation=brightwater, name="Cal D", email=""),
    ]
    for person in people:
        InvolvementFactory(activity=activity, participant=person)
    return people


def send(staff_client, activity, people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return staff_client.post(
            reverse("quality:feedback-send", args=[activity.pk]),
            {"people": [p.pk for p in people]},
        )


def test_the_send_form_lists_only_people_with_an_email_address(staff_client, activity, involved):
    html = staff_client.get(reverse("quality:feedback-send", args=[activity.pk])).content.decode()
    assert "Alex B" in html and "Bo C" in html
    assert "Cal D" not in html


def test_sending_emails_each_person_a_link_that_works(
    staff_client, activity, involved, staff, django_capture_on_commit_callbacks
):
    response = send(staff_client, activity, involved[:2], django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert response.url == overview(activity)
    assert sorted(m.to[0] for m in mail.outbox) == ["alex@example.org", "bo@example.org"]
    for message in mail.outbox:
        assert "Voices Council" in message.subject
        assert opens(link_in(message))
    for request in FeedbackRequest.objects.all():
        assert request.sent_at is not None
        assert request.email_queued_at is None
        assert request.channel == FeedbackRequest.Channel.EMAIL
        assert request.created_by == staff
    assert FeedbackLink.objects.count() == 2


def test_sending_with_nobody_chosen_is_refused(staff_client, activity, involved):
    response = staff_client.post(reverse("quality:feedback-send", args=[activity.pk]), {})
    assert_field_error(response, "people", "Choose at least one person.", choices=True)
    assert not FeedbackRequest.objects.exists()
    assert mail.outbox == []


def test_sending_to_someone_not_listed_is_refused(staff_client, activity, involved, brightwater):
    outsider = ParticipantFactory(organisation=brightwater, email="out@example.org")
    response = staff_client.post(
        reverse("quality:feedback-send", args=[activity.pk]), {"people": [outsider.pk]}
    )
    assert response.status_code == 200
    assert Page.of(response).summary_links
    assert not FeedbackRequest.objects.exists()


def test_a_reminder_sends_a_new_link_and_the_first_still_works(
    staff_client, activity, involved, django_capture_on_commit_callbacks
):
    send(staff_client, activity, involved[:1], django_capture_on_commit_callbacks)
    first = link_in(mail.outbox[0])
    request = FeedbackRequest.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(reverse("quality:feedback-remind", args=[request.pk]))
    assert response.url == overview(activity)
    assert len(mail.outbox) == 2
    assert mail.outbox[1].subject.startswith("Reminder: ")
    second = link_in(mail.outbox[1])
    assert second != first
    assert opens(first) and opens(second)
    request.refresh_from_db()
    assert request.reminders == 1
    assert request.reminded_at is not None


def test_reminding_everyone_skips_those_who_answered(
    staff_client, activity, involved, django_capture_on_commit_callbacks
):
    send(staff_client, activity, involved[:2], django_capture_on_commit_callbacks)
    alex = FeedbackRequest.objects.get(participant=involved[0])
    FeedbackResponseFactory(request=alex)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(reverse("quality:feedback-remind-activity", args=[activity.pk]))
    assert [m.to for m in mail.outbox] == [["bo@example.org"]]


def test_a_revoked_request_gets_no_reminder(
    staff_client, activity, involved, django_capture_on_commit_callbacks
):
    send(staff_client, activity, involved[:1], django_capture_on_commit_callbacks)
    request = FeedbackRequest.objects.get()
    staff_client.post(reverse("quality:feedback-revoke", args=[request.pk]))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(reverse("quality:feedback-remind", args=[request.pk]))
    assert mail.outbox == []


@pytest.mark.parametrize(
    "error", [OSError("Connection refused"), smtplib.SMTPException("Mailbox unavailable")]
)
def test_an_email_that_fails_is_shown_with_a_way_to_try_again(
    error, staff_client, activity, involved, django_capture_on_commit_callbacks
):
    with mock.patch("quality.sending.send_mail", side_effect=error):
        send(staff_client, activity, involved[:1], django_capture_on_commit_callbacks)
    request = FeedbackRequest.objects.get()
    assert request.email_error == str(error)
    assert request.sent_at is None
    assert not FeedbackLink.objects.exists(), "a link nobody was sent must not be kept"
    html = staff_client.get(overview(activity)).content.decode()
    assert "Email not sent" in html
    assert str(error) in html
    assert "Try again" in html

    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(reverse("quality:feedback-remind", args=[request.pk]))
    [message] = mail.outbox
    assert not message.subject.startswith("Reminder")
    assert opens(link_in(message))
    request.refresh_from_db()
    assert request.email_error == ""
    assert request.sent_at is not None
    assert "Email not sent" not in staff_client.get(overview(activity)).content.decode()


def test_a_job_delivered_twice_sends_one_email(
    staff_client, activity, involved, django_capture_on_commit_callbacks
):
    from quality.tasks import send_feedback_link

    send(staff_client, activity, involved[:1], django_capture_on_commit_callbacks)
    send_feedback_link.delay(FeedbackRequest.objects.get().pk)
    assert len(mail.outbox) == 1


def test_stopping_a_link_stops_every_link_of_that_person(
    staff_client, activity, feedback_request, token
):
    second = feedback_link(feedback_request)
    url = reverse("quality:feedback-revoke", args=[feedback_request.pk])
    assert staff_client.get(url).status_code == 200
    response = staff_client.post(url)
    assert response.url == overview(activity)
    start = "participant:feedback-start"
    assert Client().get(reverse(start, args=[token])).status_code == 404
    assert Client().get(reverse(start, args=[second])).status_code == 404
    assert "Link stopped" in staff_client.get(overview(activity)).content.decode()


def test_a_letter_has_a_working_link_and_its_qr_code(staff_client, activity, sam, brightwater):
    InvolvementFactory(activity=activity, participant=sam)
    url = reverse("quality:feedback-letter", args=[activity.pk, sam.pk])
    confirm = staff_client.get(url)
    assert confirm.status_code == 200
    assert not FeedbackLink.objects.exists(), "only the POST makes a link"
    response = staff_client.post(url)
    assert response.status_code == 200
    assert "no-store" in response.headers["Cache-Control"]
    # The page holds a link but its own URL has no secret; its forms (sign out) need an Origin.
    assert response.headers["Referrer-Policy"] == "same-origin"
    html = response.content.decode()
    assert "<svg" in html
    assert "Dear Sam K" in html
    assert opens(LINK.search(html).group(1))
    request = FeedbackRequest.objects.get()
    assert request.channel == FeedbackRequest.Channel.LETTER
    assert request.sent_at is not None


def test_each_letter_printed_is_a_new_link(staff_client, activity, sam):
    InvolvementFactory(activity=activity, participant=sam)
    url = reverse("quality:feedback-letter", args=[activity.pk, sam.pk])
    first = LINK.search(staff_client.post(url).content.decode()).group(1)
    second = LINK.search(staff_client.post(url).content.decode()).group(1)
    assert first != second
    assert opens(first) and opens(second)
    assert FeedbackRequest.objects.count() == 1


def test_answers_from_paper_are_saved_as_sent_and_marked(
    staff_client, staff, activity, sam, answers
):
    InvolvementFactory(activity=activity, participant=sam)
    url = reverse("quality:feedback-on-behalf", args=[activity.pk, sam.pk])
    assert staff_client.get(url).status_code == 200
    answers.update(method="paper", stay_involved="", anything_else="Said on the phone too")
    response = staff_client.post(url, answers)
    assert response.url == overview(activity)
    answer = FeedbackResponse.objects.get()
    assert answer.status == FeedbackResponse.Status.SUBMITTED
    assert answer.method == FeedbackResponse.Method.PAPER
    assert answer.entered_by == staff
    assert answer.stay_involved == ""
    assert answer.request.channel == FeedbackRequest.Channel.ON_BEHALF
    assert selectors.response_rate(activity) == {"asked": 1, "answered": 1, "percent": 100}
    html = staff_client.get(overview(activity)).content.decode()
    assert "On paper, entered by staff" in html
    assert "Said on the phone too" in staff_client.get(results(activity)).content.decode()


def test_answers_by_phone_are_marked_as_by_phone(staff_client, activity, sam):
    InvolvementFactory(activity=activity, participant=sam)
    url = reverse("quality:feedback-on-behalf", args=[activity.pk, sam.pk])
    staff_client.post(url, {"method": "phone"})
    assert FeedbackResponse.objects.get().method == FeedbackResponse.Method.PHONE


def test_entering_answers_needs_how_they_answered(staff_client, activity, sam, answers):
    InvolvementFactory(activity=activity, participant=sam)
    url = reverse("quality:feedback-on-behalf", args=[activity.pk, sam.pk])
    response = staff_client.post(url, {**answers, "say": "loads"})
    assert_field_error(response, "method", "Choose how they answered.", choices=True)
    assert_field_error(response, "say", "Choose one of the answers shown.", choices=True)
    assert not FeedbackResponse.objects.exists()


def test_entering_answers_for_someone_who_answered_changes_nothing(
    staff_client, activity, feedback_request
):
    FeedbackResponseFactory(request=feedback_request, what_was_good="Their own words")
    url = reverse("quality:feedback-on-behalf", args=[activity.pk, feedback_request.participant.pk])
    response = staff_client.post(
        url, {"method": "paper", "understood_role": "no", "what_was_good": "Staff words"}
    )
    assert response.url == overview(activity)
    answer = FeedbackResponse.objects.get()
    assert (answer.understood_role, answer.what_was_good) == ("yes", "Their own words")
    assert answer.method == FeedbackResponse.Method.LINK
    assert answer.entered_by is None


def test_the_response_rate_counts_people_asked_and_answered(staff_client, activity):
    answered = FeedbackRequestFactory(activity=activity)
    FeedbackResponseFactory(request=answered)
    FeedbackRequestFactory(activity=activity)
    FeedbackRequestFactory(activity=activity, revoked_at="2026-03-01T10:00:00Z")
    answered_then_revoked = FeedbackRequestFactory(activity=activity)
    FeedbackResponseFactory(request=answered_then_revoked)
    FeedbackRequest.objects.filter(pk=answered_then_revoked.pk).update(
        revoked_at="2026-03-01T10:00:00Z"
    )
    assert selectors.response_rate(activity) == {"asked": 3, "answered": 2, "percent": 67}
    html = staff_client.get(overview(activity)).content.decode()
    assert "2 of 3 people asked have answered (67%)." in html


def test_the_response_rate_when_nobody_was_asked(staff_client, activity):
    assert selectors.response_rate(activity)["percent"] is None
    assert "Nobody has been asked yet." in staff_client.get(overview(activity)).content.decode()


def answers_from(activity, values: list[dict]):
    for value in values:
        FeedbackResponseFactory(request=FeedbackRequestFactory(activity=activity), **value)


def test_results_hide_small_counts_and_one_more_so_they_cannot_be_worked_out(
    staff_client, activity
):
    answers_from(activity, [{"understood_role": "yes"}] * 8 + [{"understood_role": "no"}])
    found = selectors.feedback_results(activity, threshold=8)
    assert found["total"] == 9
    first = found["questions"][0]
    assert first["question"].key == "understood_role"
    assert first["answered"] == 9
    counts = {row["label"]: row["count"] for row in first["rows"]}
    # "No" is 1, so hidden; "Yes" (8) is hidden too, or 9 - 8 would give it away.
    assert counts == {
        "Yes": "*",
        "A bit": 0,
        "No": "*",
        "I don't know": 0,
        "I prefer not to say": 0,
    }
    assert all(row["percent"] is None for row in first["rows"] if row["count"] == "*")

    page = staff_client.get(results(activity))
    html = page.content.decode()
    assert ">*</td>" in html
    assert "Answers (9 people)" in html


def test_results_show_counts_at_or_above_the_threshold(activity):
    answers_from(activity, [{"listened_to": "yes"}] * 8 + [{"listened_to": "no"}] * 9)
    listened = selectors.feedback_results(activity, threshold=8)["questions"][1]
    rows = {row["label"]: (row["count"], row["percent"]) for row in listened["rows"]}
    assert rows["Yes"] == (8, 47)
    assert rows["No"] == (9, 53)


def test_results_hide_everything_below_the_threshold(staff_client, activity, brightwater):
    answers_from(activity, [{}] * 3)
    found = selectors.feedback_results(activity, threshold=brightwater.suppression_threshold)
    assert found["total_shown"] == "*"
    assert all(q["answered"] == "*" for q in found["questions"])
    assert all(row["count"] in {"*", 0} for q in found["questions"] for row in q["rows"])


def test_results_use_the_organisations_threshold(staff_client, activity, brightwater):
    brightwater.suppression_threshold = 5
    brightwater.save()
    answers_from(activity, [{"felt_valued": "no"}] * 5)
    html = staff_client.get(results(activity)).content.decode()
    assert "Answers (5 people)" in html
    assert ">*</td>" not in html


def test_results_leave_out_drafts(activity):
    FeedbackResponseFactory(
        request=FeedbackRequestFactory(activity=activity), status="draft", submitted_at=None
    )
    assert selectors.feedback_results(activity, threshold=8)["total"] == 0


def test_results_show_comments_and_who_has_not_answered(staff_client, activity):
    named = FeedbackRequestFactory(activity=activity, participant__name="Named Person")
    FeedbackResponseFactory(request=named, what_was_good="Good chairing", do_differently="")
    hidden = FeedbackRequestFactory(activity=activity, participant__name="Hidden Person")
    FeedbackResponseFactory(request=hidden, anonymous=True, do_differently="More breaks")
    FeedbackRequestFactory(activity=activity, participant__name="Waiting Person")
    stopped = FeedbackRequestFactory(activity=activity, participant__name="Stopped Person")
    FeedbackRequest.objects.filter(pk=stopped.pk).update(revoked_at="2026-03-01T10:00:00Z")

    html = staff_client.get(results(activity)).content.decode()
    assert "Good chairing" in html and "More breaks" in html
    assert "Named Person" in html
    assert "Hidden Person" not in html
    assert "Name hidden" in html
    not_answered = html.split("Not answered yet", 1)[1]
    assert "Waiting Person" in not_answered
    assert "Stopped Person" not in not_answered
    assert [p.name for p in selectors.not_answered(activity)] == ["Waiting Person"]


def test_an_erased_persons_comment_has_no_name(activity):
    request = FeedbackRequestFactory(activity=activity, participant__name="Gone Person")
    FeedbackResponseFactory(request=request, what_was_good="Kind people")
    request.participant.erased_at = "2026-03-01T10:00:00Z"
    request.participant.save()
    comments = selectors.feedback_results(activity, threshold=8)["comments"]
    assert comments["what_was_good"] == [{"text": "Kind people", "name": None}]


# Who may see and do what


def staff_urls(activity, feedback_request, participant) -> list[tuple[str, str]]:
    a, p, r = activity.pk, participant.pk, feedback_request.pk
    return [
        ("GET", reverse("quality:feedback-overview", args=[a])),
        ("GET", reverse("quality:feedback-send", args=[a])),
        ("POST", reverse("quality:feedback-send", args=[a])),
        ("POST", reverse("quality:feedback-remind-activity", args=[a])),
        ("GET", reverse("quality:feedback-results", args=[a])),
        ("GET", reverse("quality:feedback-letter", args=[a, p])),
        ("POST", reverse("quality:feedback-letter", args=[a, p])),
        ("GET", reverse("quality:feedback-on-behalf", args=[a, p])),
        ("POST", reverse("quality:feedback-on-behalf", args=[a, p])),
        ("POST", reverse("quality:feedback-remind", args=[r])),
        ("GET", reverse("quality:feedback-revoke", args=[r])),
        ("POST", reverse("quality:feedback-revoke", args=[r])),
    ]


def call(client, method, url):
    return client.get(url) if method == "GET" else client.post(url, {"method": "paper"})


def nothing_changed(feedback_request):
    feedback_request.refresh_from_db()
    assert feedback_request.revoked_at is None
    assert not FeedbackResponse.objects.exists()
    assert FeedbackLink.objects.count() == 1
    assert mail.outbox == []


def test_another_organisations_staff_find_nothing(client_for, other_org_staff, activity, token):
    feedback_request = FeedbackRequest.objects.get()
    client = client_for(other_org_staff)
    for method, url in staff_urls(activity, feedback_request, feedback_request.participant):
        assert call(client, method, url).status_code == 404, (method, url)
    nothing_changed(feedback_request)


def test_staff_cannot_reach_another_organisations_people_through_their_own_activity(
    staff_client, activity, northgate
):
    theirs = FeedbackRequestFactory(activity=ActivityFactory(organisation=northgate))
    for method, url in staff_urls(activity, theirs, theirs.participant)[5:]:
        assert call(staff_client, method, url).status_code == 404, (method, url)


def test_a_person_not_involved_in_the_activity_has_no_letter_or_answers_page(
    staff_client, activity, brightwater
):
    elsewhere = ParticipantFactory(organisation=brightwater)
    for name in ("quality:feedback-letter", "quality:feedback-on-behalf"):
        url = reverse(name, args=[activity.pk, elsewhere.pk])
        assert staff_client.get(url).status_code == 404
        assert staff_client.post(url, {"method": "paper"}).status_code == 404


def test_trustees_are_refused_every_staff_feedback_page(client_for, trustee, activity, token):
    feedback_request = FeedbackRequest.objects.get()
    client = client_for(trustee)
    for method, url in staff_urls(activity, feedback_request, feedback_request.participant):
        assert call(client, method, url).status_code == 403, (method, url)
    nothing_changed(feedback_request)


def test_service_users_are_refused_every_staff_feedback_page(
    client_for, service_user, brightwater, staff, token
):
    """On an activity they took part in: 403; feedback requests are outside their scope, so
    404."""
    feedback_request = FeedbackRequest.objects.get()
    jordan = ParticipantFactory(organisation=brightwater, user=service_user)
    theirs = ActivityFactory(organisation=brightwater, created_by=staff, agreed_with=[jordan])
    InvolvementFactory(activity=theirs, participant=feedback_request.participant)
    client = client_for(service_user)
    for method, url in staff_urls(theirs, feedback_request, feedback_request.participant):
        expected = 404 if "/requests/" in url else 403
        assert call(client, method, url).status_code == expected, (method, url)
    nothing_changed(feedback_request)


def test_signed_out_people_are_sent_to_sign_in(client, activity, token):
    feedback_request = FeedbackRequest.objects.get()
    for method, url in staff_urls(activity, feedback_request, feedback_request.participant):
        response = call(client, method, url)
        assert response.status_code == 302, (method, url)
        assert response.url.startswith(reverse("login")), (method, url)


# Query counts


def add_people(activity, count):
    for n in range(count):
        request = FeedbackRequestFactory(activity=activity)
        feedback_link(request)
        if n % 3 == 0:
            FeedbackResponseFactory(
                request=request, anonymous=bool(n % 2), what_was_good=f"Comment {n}"
            )
        elif n % 3 == 1:
            FeedbackRequest.objects.filter(pk=request.pk).update(email_error="Refused")


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


MAX_QUERIES = 15


@pytest.mark.parametrize("page", [overview, results])
def test_feedback_pages_cost_the_same_at_10_and_200_people(
    page, staff_client, activity, django_assert_max_num_queries
):
    add_people(activity, 10)
    at_10 = queries_for(staff_client, page(activity))
    add_people(activity, 190)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = staff_client.get(page(activity))
    assert response.status_code == 200
    assert queries_for(staff_client, page(activity)) == at_10
