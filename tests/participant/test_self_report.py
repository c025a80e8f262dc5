"""After their feedback, people score the changes the activity set out to make, before and
now, through their personal link; the scores are counted with small numbers hidden."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from outcomes.models import SelfReport
from outcomes.periods import quarter_of
from outcomes.selectors import self_reported_by_period
from outcomes.services import measure_retire
from participant import steps
from quality.models import FeedbackResponse

from ..factories import (
    AboutYouFactory,
    ActivityFactory,
    ActivityMeasureFactory,
    FeedbackRequestFactory,
    FeedbackResponseFactory,
    MeasureFactory,
    ParticipantFactory,
    SelfReportFactory,
    feedback_link,
)
from ..outcomes import conftest as outcomes
from ..pages import Page, assert_field_error
from ..quality.conftest import ANSWERS

# Voices Council as the outcomes tests have it (with an aim and dates), and Table 1.
activity = outcomes.activity
table1 = outcomes.table1


@pytest.fixture
def confidence(activity, brightwater, table1):
    """The activity asks people how confident they feel, before and now."""
    measure = table1(brightwater, "improved-user-confidence")
    return ActivityMeasureFactory(activity=activity, measure=measure)


@pytest.fixture
def sam(brightwater):
    return ParticipantFactory(organisation=brightwater, name="Sam K", email="sam@example.org")


@pytest.fixture
def feedback_request(activity, sam, staff):
    return FeedbackRequestFactory(activity=activity, participant=sam, created_by=staff)


def open_link(client, feedback_request):
    response = client.get(
        reverse("participant:feedback-start", args=[feedback_link(feedback_request)])
    )
    assert response.status_code == 302
    return client


@pytest.fixture
def person(client, feedback_request):
    """Sam's browser, with their link opened."""
    return open_link(client, feedback_request)


@pytest.fixture
def sent(person, feedback_request):
    """Sam has sent their feedback."""
    response = person.post(
        reverse("participant:feedback-form", args=[feedback_request.pk]), ANSWERS
    )
    assert response.status_code == 302
    return response


def url(name, feedback_request):
    return reverse(name, args=[feedback_request.pk])


def changes_url(feedback_request):
    return url("participant:self-report", feedback_request)


# The way there


def test_sending_feedback_leads_to_what_has_changed(confidence, sent, feedback_request):
    assert sent.url == changes_url(feedback_request) == f"/feedback/{feedback_request.pk}/changes/"


def test_easy_read_sending_leads_there_too(confidence, person, feedback_request):
    draft = {**ANSWERS, "save_for_later": "1"}
    person.post(url("participant:feedback-form", feedback_request), draft)
    response = person.post(url("participant:feedback-easy-send", feedback_request))
    assert response.url == changes_url(feedback_request)


def test_without_changes_to_score_feedback_goes_on_to_about_you(sent, feedback_request):
    assert sent.url == url("participant:about-you", feedback_request)


def test_a_retired_question_is_not_asked(confidence, person, feedback_request):
    measure_retire(measure=confidence.measure)
    response = person.post(url("participant:feedback-form", feedback_request), ANSWERS)
    assert response.url == url("participant:about-you", feedback_request)
    assert person.get(changes_url(feedback_request)).url == url(
        "participant:about-you", feedback_request
    )


def test_a_measure_staff_record_is_not_asked(activity, person, feedback_request):
    ActivityMeasureFactory(
        activity=activity, measure=MeasureFactory(organisation=activity.organisation)
    )
    response = person.post(url("participant:feedback-form", feedback_request), ANSWERS)
    assert response.url == url("participant:about-you", feedback_request)


def test_before_the_feedback_is_sent_the_page_goes_back_to_the_questions(
    confidence, person, feedback_request
):
    response = person.get(changes_url(feedback_request))
    assert response.url == url("participant:feedback-form", feedback_request)


# The page


def test_the_page_asks_each_change_for_before_and_now(confidence, sent, person, feedback_request):
    response = person.get(changes_url(feedback_request))
    assert response.status_code == 200
    page = Page.of(response)
    assert f"id_before_{confidence.pk}_1" in page.ids
    assert f"id_after_{confidence.pk}_6" in page.ids  # five scores and "I prefer not to say"
    html = response.content.decode()
    assert "I prefer not to say" in html
    assert "Skip these questions" in html
    assert response.headers["Cache-Control"].startswith("no-store")


def test_the_standard_page_asks_in_the_standard_words(confidence, sent, person, feedback_request):
    html = person.get(changes_url(feedback_request)).content.decode()
    assert "Before you took part: How confident do you feel?" in html
    assert "Now: How confident do you feel?" in html


def test_easy_read_asks_in_easy_words(confidence, sent, person, feedback_request):
    person.post(url("participant:easy-read-switch", feedback_request), {"easy_read": "on"})
    html = person.get(changes_url(feedback_request)).content.decode()
    assert "Has anything changed for you?" in html
    assert "Before: How sure of yourself are you?" in html
    assert "Now: How sure of yourself are you?" in html


def test_switching_easy_read_on_this_page_comes_back_to_it(
    confidence, sent, person, feedback_request
):
    response = person.post(
        url("participant:easy-read-switch", feedback_request),
        {"easy_read": "on", "page": "changes"},
    )
    assert response.url == changes_url(feedback_request)


# Answering


def test_scores_are_saved_and_the_person_goes_on_to_about_you(
    confidence, sent, person, feedback_request
):
    data = {f"before_{confidence.pk}": "2", f"after_{confidence.pk}": "4"}
    response = person.post(changes_url(feedback_request), data)
    assert response.url == url("participant:about-you", feedback_request)
    report = SelfReport.objects.get()
    assert (report.before, report.after) == (2, 4)
    assert report.activity_measure == confidence
    assert report.response == FeedbackResponse.objects.get(request=feedback_request)
    assert report.organisation == feedback_request.organisation


def test_someone_who_told_us_about_themselves_goes_on_to_thank_you(
    confidence, sent, person, feedback_request, sam
):
    AboutYouFactory(participant=sam)
    data = {f"before_{confidence.pk}": "3", f"after_{confidence.pk}": "3"}
    response = person.post(changes_url(feedback_request), data)
    assert response.url == url("participant:feedback-thanks", feedback_request)


def test_prefer_not_to_say_and_no_answer_are_kept_as_not_known(
    confidence, sent, person, feedback_request
):
    data = {f"before_{confidence.pk}": "prefer_not"}
    person.post(changes_url(feedback_request), data)
    report = SelfReport.objects.get()
    assert (report.before, report.after) == (None, None)


def test_skipping_saves_nothing_and_goes_on(confidence, sent, person, feedback_request):
    data = {f"before_{confidence.pk}": "2", f"after_{confidence.pk}": "4", "skip": "1"}
    response = person.post(changes_url(feedback_request), data)
    assert response.url == url("participant:about-you", feedback_request)
    assert not SelfReport.objects.exists()


def test_an_answer_not_offered_is_refused_and_the_others_kept(
    confidence, sent, person, feedback_request
):
    data = {f"before_{confidence.pk}": "9", f"after_{confidence.pk}": "4"}
    response = person.post(changes_url(feedback_request), data)
    page = assert_field_error(
        response, f"before_{confidence.pk}", "Choose one of the answers shown.", choices=True
    )
    assert page.value(f"after_{confidence.pk}") == "4"
    assert not SelfReport.objects.exists()


def test_sending_again_replaces_the_scores(confidence, sent, person, feedback_request):
    changes = changes_url(feedback_request)
    person.post(changes, {f"before_{confidence.pk}": "2", f"after_{confidence.pk}": "4"})
    person.post(changes, {f"before_{confidence.pk}": "1", f"after_{confidence.pk}": "5"})
    report = SelfReport.objects.get()
    assert (report.before, report.after) == (1, 5)
    page = Page.of(person.get(changes))
    assert page.value(f"before_{confidence.pk}") == "1"


def test_once_scored_the_page_is_not_a_step_again(confidence, sent, person, feedback_request):
    person.post(changes_url(feedback_request), {f"after_{confidence.pk}": "4"})
    assert not steps.CHANGES.needed(feedback_request)


def test_several_changes_are_asked_and_saved_together(
    confidence, activity, brightwater, table1, sent, person, feedback_request
):
    skills = ActivityMeasureFactory(
        activity=activity,
        measure=table1(brightwater, "improved-user-skills", "extrinsic_individual"),
    )
    data = {
        f"before_{confidence.pk}": "2",
        f"after_{confidence.pk}": "3",
        f"before_{skills.pk}": "1",
        f"after_{skills.pk}": "5",
    }
    person.post(changes_url(feedback_request), data)
    scores = {r.activity_measure_id: (r.before, r.after) for r in SelfReport.objects.all()}
    assert scores == {confidence.pk: (2, 3), skills.pk: (1, 5)}


# Whose page it is


def test_without_the_link_there_is_nothing(confidence, client, feedback_request):
    assert client.get(changes_url(feedback_request)).status_code == 404
    response = client.post(changes_url(feedback_request), {f"after_{confidence.pk}": "4"})
    assert response.status_code == 404
    assert not SelfReport.objects.exists()


def test_someone_elses_changes_page_is_not_found(
    confidence, activity, brightwater, sent, person, feedback_request
):
    other = FeedbackRequestFactory(activity=activity)
    FeedbackResponseFactory(request=other)
    assert person.get(changes_url(other)).status_code == 404
    response = person.post(changes_url(other), {f"after_{confidence.pk}": "1"})
    assert response.status_code == 404
    assert not SelfReport.objects.filter(response__request=other).exists()


def test_another_persons_grant_does_not_open_this_page(confidence, activity, feedback_request):
    other = FeedbackRequestFactory(activity=activity)
    FeedbackResponseFactory(request=feedback_request)
    theirs = open_link(Client(), other)
    assert theirs.get(changes_url(feedback_request)).status_code == 404


def test_a_revoked_link_closes_the_page(confidence, sent, person, feedback_request):
    feedback_request.revoked_at = feedback_request.sent_at
    feedback_request.save()
    assert person.get(changes_url(feedback_request)).status_code == 404


# Counting the scores


@pytest.fixture
def q1(brightwater):
    return quarter_of(datetime.date(2026, 5, 1), brightwater.year_start_month)


SENT_IN_Q1 = datetime.datetime(2026, 5, 10, 12, tzinfo=datetime.UTC)
# Before and after, counted by hand: before 20 / 8 = 2.5, after 28 / 8 = 3.5; better for 5.
EIGHT = [(1, 3), (2, 4), (2, 2), (3, 5), (2, 2), (4, 3), (3, 5), (3, 4)]


def score(use, before, after, submitted_at=SENT_IN_Q1, **response):
    answered = FeedbackResponseFactory(
        request__activity=use.activity, submitted_at=submitted_at, **response
    )
    return SelfReportFactory(activity_measure=use, response=answered, before=before, after=after)


def test_the_scores_are_averaged_before_and_after(confidence, q1, brightwater):
    for before, after in EIGHT:
        score(confidence, before, after)
    # Not counted: no "before" given, a draft, and an answer sent the next quarter.
    score(confidence, None, 5)
    score(confidence, 1, 5, submitted_at=None, status="draft")
    score(confidence, 1, 5, submitted_at=datetime.datetime(2026, 7, 2, tzinfo=datetime.UTC))
    change = self_reported_by_period(brightwater, [q1])[confidence.measure_id][q1.key]
    assert (change.people, change.before, change.after) == (8, 2.5, 3.5)
    # Five said it got better: fewer than 8, so hidden.
    assert change.better == "*"


def test_the_scores_of_fewer_people_than_the_threshold_are_hidden(confidence, q1, brightwater):
    for before, after in EIGHT[:7]:
        score(confidence, before, after)
    change = self_reported_by_period(brightwater, [q1])[confidence.measure_id][q1.key]
    assert change.suppressed
    assert (change.people, change.before, change.after, change.better) == ("*", None, None, None)


def test_scores_are_counted_for_each_activity_and_for_the_organisation(
    confidence, q1, brightwater, staff
):
    other = ActivityFactory(organisation=brightwater, created_by=staff)
    elsewhere = ActivityMeasureFactory(activity=other, measure=confidence.measure)
    for before, after in EIGHT[:4]:
        score(confidence, before, after)
        score(elsewhere, before, after)
    whole = self_reported_by_period(brightwater, [q1])[confidence.measure_id][q1.key]
    assert (whole.people, whole.before, whole.after) == (8, 2, 3.5)
    one = self_reported_by_period(brightwater, [q1], activity=confidence.activity)
    assert one[confidence.measure_id][q1.key].suppressed


def test_the_scores_show_on_the_activitys_measures_and_the_dashboard(
    confidence, q1, brightwater, client_for, trustee
):
    for before, after in EIGHT:
        score(confidence, before, after)
    client = client_for(trustee)
    page = client.get(reverse("outcomes:activity-measures", args=[confidence.activity.pk]))
    assert "2.5 → 3.5" in page.content.decode()
    assert "8 people; * said it got better" in page.content.decode()
    dashboard = client.get(reverse("outcomes:dashboard") + f"?period={q1.key}")
    assert "2.5 → 3.5" in dashboard.content.decode()


def test_a_score_for_another_activitys_measure_is_ignored(
    confidence, brightwater, staff, table1, sent, person, feedback_request
):
    other = ActivityFactory(organisation=brightwater, created_by=staff)
    theirs = ActivityMeasureFactory(activity=other, measure=confidence.measure)
    data = {f"after_{confidence.pk}": "4", f"after_{theirs.pk}": "1"}
    person.post(changes_url(feedback_request), data)
    assert list(SelfReport.objects.values_list("activity_measure", "after")) == [(confidence.pk, 4)]


# The database failing once the scores are saved


def test_scores_saved_need_the_database_no_more(
    confidence, sent, person, feedback_request, database_dies_after
):
    """After the save, only a redirect: no query, no session write, so no error page."""
    back = database_dies_after("outcomes.services.self_reports_save")
    data = {f"before_{confidence.pk}": "2", f"after_{confidence.pk}": "4"}
    response = person.post(changes_url(feedback_request), data)
    back()
    assert response.status_code == 302
    assert response.url == url("participant:about-you", feedback_request)
    assert SelfReport.objects.get().after == 4
