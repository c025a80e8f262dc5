"""A person's data: downloaded whole, and erased without losing what their involvement counts."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from activities.forms import InvolvementForm
from activities.models import AboutYou, Attendance, Involvement, Participant
from participant import services

from ..factories import (
    AboutYouFactory,
    ActivityFactory,
    AttendanceFactory,
    InvolvementFactory,
    ParticipantFactory,
    SessionFactory,
)
from ..pages import Page


@pytest.fixture
def dee(brightwater):
    return ParticipantFactory(
        organisation=brightwater,
        name="Dee Walsh",
        email="dee@example.org",
        phone="07700 900123",
        contact_by="sms",
        access_needs=["breaks"],
        access_notes="Needs a quiet corner",
        wants_payment=True,
    )


@pytest.fixture
def dee_involved(dee, brightwater, staff):
    activity = ActivityFactory(
        organisation=brightwater, created_by=staff, title="Voices Council", agreed_with=[dee]
    )
    InvolvementFactory(activity=activity, participant=dee, role="co_chair")
    AttendanceFactory(session=SessionFactory(activity=activity), participant=dee)
    return activity


def test_staff_download_everything_held_about_a_person(client_for, staff, dee, dee_involved):
    response = client_for(staff).get(reverse("participant:participant-export", args=[dee.pk]))
    assert response["Content-Disposition"] == f'attachment; filename="person-{dee.pk}.json"'
    assert response["Cache-Control"] == "no-store"
    data = json.loads(response.content)
    assert data["record"]["email"] == "dee@example.org"
    assert data["record"]["access_needs"] == ["Regular breaks"]
    assert data["involvements"][0]["activity"] == "Voices Council"
    assert data["involvements"][0]["role"] == "Co-chair"
    assert data["attendance"][0]["status"] == "Attended"
    assert data["agreements_taken_part_in"] == ["Voices Council"]


def test_the_download_takes_the_same_queries_for_two_or_thirty_activities(
    client_for, staff, dee, brightwater
):
    client = client_for(staff)
    url = reverse("participant:participant-export", args=[dee.pk])

    def involve(n):
        for _ in range(n):
            activity = ActivityFactory(organisation=brightwater, created_by=staff)
            InvolvementFactory(activity=activity, participant=dee)
            AttendanceFactory(session=SessionFactory(activity=activity), participant=dee)

    involve(2)
    client.get(url)  # warm the session and membership caches
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    involve(28)
    with CaptureQueriesContext(connection) as large:
        client.get(url)
    assert len(small.captured_queries) == len(large.captured_queries)


def test_erasing_removes_identity_and_keeps_the_counts(dee, dee_involved):
    services.participant_erase(participant=dee)
    dee.refresh_from_db()
    assert dee.name == f"Erased person {dee.pk}"
    assert (dee.email, dee.phone, dee.contact_by, dee.access_notes) == ("", "", "", "")
    assert (dee.access_needs, dee.wants_payment, dee.user) == ([], None, None)
    assert dee.erased_at is not None
    assert Involvement.objects.filter(participant=dee).count() == 1
    assert Attendance.objects.filter(participant=dee).count() == 1


def test_erasing_takes_the_name_out_of_agreement_history(client_for, org_admin, dee, dee_involved):
    url = reverse("activities:activity-detail", args=[dee_involved.pk])
    assert "Dee Walsh" in client_for(org_admin).get(url).content.decode()
    services.participant_erase(participant=dee)
    page = client_for(org_admin).get(url).content.decode()
    assert "Dee Walsh" not in page
    assert f"Erased person {dee.pk}" in page


def test_trustees_and_service_users_see_no_names_of_people_who_agreed(
    client_for, trustee, dee, dee_involved
):
    page = (
        client_for(trustee)
        .get(reverse("activities:activity-detail", args=[dee_involved.pk]))
        .content.decode()
    )
    assert "Dee Walsh" not in page
    assert "People who took part" in page


def test_an_erased_persons_involvement_can_still_be_ended(client_for, staff, dee, dee_involved):
    services.participant_erase(participant=dee)
    involvement = Involvement.objects.get(participant=dee)
    url = reverse("activities:involvement-update", args=[involvement.pk])
    data = {
        "role": "co_chair",
        "came_in": "invited",
        "started_on": "2026-01-01",
        "ended_on": "2026-06-30",
    }
    assert client_for(staff).post(url, data).status_code == 302
    involvement.refresh_from_db()
    assert involvement.ended_on.isoformat() == "2026-06-30"


def test_an_admin_erases_from_the_person_page(client_for, org_admin, dee, dee_involved):
    client = client_for(org_admin)
    response = client.post(reverse("participant:participant-erase", args=[dee.pk]), follow=True)
    page = response.content.decode()
    assert "identity and personal details were erased" in page
    assert "Dee Walsh" not in page
    assert Participant.objects.get(pk=dee.pk).erased_at is not None


def test_an_erased_person_cannot_be_edited_exported_or_involved_again(
    client_for, org_admin, dee, brightwater, staff
):
    services.participant_erase(participant=dee)
    client = client_for(org_admin)
    for name in (
        "activities:participant-update",
        "participant:participant-export",
        "participant:participant-erase",
    ):
        assert client.get(reverse(name, args=[dee.pk])).status_code == 404
    assert client.get(reverse("activities:participant-detail", args=[dee.pk])).status_code == 200
    activity = ActivityFactory(organisation=brightwater, created_by=staff)
    assert dee not in InvolvementForm(activity=activity).fields["participant"].queryset


@pytest.fixture
def dee_feedback(dee, dee_involved):
    """Dee's "about you" answers, and her feedback on the Voices Council with a live link."""
    from quality.models import FeedbackLink, FeedbackRequest, FeedbackResponse

    AboutYouFactory(participant=dee, age_band="45_54", gender="woman", disability="yes")
    request = FeedbackRequest.objects.create(
        organisation=dee.organisation,
        activity=dee_involved,
        participant=dee,
        channel="email",
        sent_at=timezone.now(),
    )
    FeedbackLink.issue(request)
    FeedbackResponse.objects.create(
        organisation=dee.organisation,
        activity=dee_involved,
        request=request,
        status="submitted",
        anonymous=False,
        listened_to="yes",
        say="consulting",
        what_was_good="The Easy Read papers, and Kofi chairing.",
        do_differently="Start later: my bus gets in at ten.",
        submitted_at=timezone.now(),
    )
    return request


def test_the_download_holds_about_you_and_feedback(client_for, staff, dee, dee_feedback):
    response = client_for(staff).get(reverse("participant:participant-export", args=[dee.pk]))
    data = json.loads(response.content)
    about = data["about_you"]
    assert {"question": "Age", "answer": "45 to 54"} in about["answers"]
    assert {"question": "Ethnic group", "answer": None} in about["answers"]
    assert about["consent_wording"].startswith("You can use my answers")
    assert about["consented_at"]
    [asked] = data["feedback_requests"]
    assert (asked["activity"], asked["sent_by"], asked["revoked_at"]) == (
        "Voices Council",
        "Email",
        None,
    )
    assert asked["sent_at"]
    [answered] = data["feedback_responses"]
    assert (answered["status"], answered["method"], answered["anonymous"]) == (
        "Answered",
        "Online, by their own link",
        False,
    )
    answers = {a["question"]: a["answer"] for a in answered["answers"]}
    assert answers["I felt listened to."] == "Yes"
    assert answers["How much say did you have?"].startswith("Some")
    assert answers["What was good?"] == "The Easy Read papers, and Kofi chairing."
    assert answers["Is there anything else you want to tell us?"] is None
    assert answered["submitted_at"]


def test_the_download_for_someone_never_asked_has_empty_feedback(client_for, staff, dee):
    response = client_for(staff).get(reverse("participant:participant-export", args=[dee.pk]))
    data = json.loads(response.content)
    assert data["about_you"] is None
    assert (data["feedback_requests"], data["feedback_responses"]) == ([], [])


def test_erasing_removes_about_you_and_their_words_and_keeps_ratings(dee, dee_feedback):
    from quality.models import FeedbackLink, FeedbackResponse

    services.participant_erase(participant=dee)
    assert not AboutYou.objects.filter(participant=dee).exists()
    dee_feedback.refresh_from_db()
    assert dee_feedback.revoked_at is not None
    assert not FeedbackLink.objects.filter(request=dee_feedback).exists()
    response = FeedbackResponse.objects.get(request=dee_feedback)
    assert (response.what_was_good, response.do_differently, response.anything_else) == (
        "",
        "",
        "",
    )
    assert response.anonymous is True
    assert (response.listened_to, response.say, response.status) == (
        "yes",
        "consulting",
        "submitted",
    )


def test_about_you_shows_on_the_persons_own_record_only(
    client_for, staff, dee, dee_feedback, dee_involved
):
    client = client_for(staff)
    record = Page.of(client.get(reverse("activities:participant-detail", args=[dee.pk])))
    assert record.rows["Age"] == "45 to 54"
    assert record.rows["Ethnic group"] == "Not answered"
    assert record.rows["What they agreed to"].startswith("You can use my answers")
    # Elsewhere her answer is one of a count, and a count of one is hidden.
    for url in (dee_involved.get_absolute_url(), reverse("activities:who-is-involved")):
        page = client.get(url).content.decode()
        cells = page.split('scope="row" class="govuk-table__header">45 to 54</th>')[1]
        assert cells.split("</td>")[0].endswith(">*")


def test_the_about_you_answers_are_not_on_an_erased_record(
    client_for, org_admin, dee, dee_feedback
):
    services.participant_erase(participant=dee)
    page = client_for(org_admin).get(reverse("activities:participant-detail", args=[dee.pk]))
    assert "45 to 54" not in page.content.decode()
    assert "They have not told us about themselves" in page.content.decode()


def test_the_download_holds_training_and_the_changes_they_scored(
    client_for, staff, dee, dee_feedback, dee_involved, brightwater
):
    from outcomes.models import Measure
    from quality.models import FeedbackResponse

    from ..factories import (
        ActivityMeasureFactory,
        FeedbackResponseFactory,
        SelfReportFactory,
        TrainingRecordFactory,
    )

    TrainingRecordFactory(participant=dee, course="Chairing meetings")
    confidence = Measure.objects.get(
        organisation=brightwater, catalogue_key="improved-user-confidence"
    )
    use = ActivityMeasureFactory(activity=dee_involved, measure=confidence)
    SelfReportFactory(
        activity_measure=use,
        response=FeedbackResponse.objects.get(request=dee_feedback),
        before=2,
        after=None,
    )
    # Someone else's training and scores are not Dee's.
    someone = FeedbackResponseFactory(request__activity=dee_involved)
    SelfReportFactory(activity_measure=use, response=someone, before=5, after=5)
    TrainingRecordFactory(participant=someone.request.participant, course="Not Dee's")

    response = client_for(staff).get(reverse("participant:participant-export", args=[dee.pk]))
    data = json.loads(response.content)
    assert data["training_completed"] == [
        {"training": "Chairing meetings", "completed_on": "2026-05-12"}
    ]
    assert data["changes_you_scored"] == [
        {
            "activity": "Voices Council",
            "question": "How confident do you feel?",
            "before": 2,
            "now": None,
        }
    ]


def test_the_download_for_someone_without_training_or_scores_has_empty_lists(
    client_for, staff, dee
):
    response = client_for(staff).get(reverse("participant:participant-export", args=[dee.pk]))
    data = json.loads(response.content)
    assert (data["training_completed"], data["changes_you_scored"]) == ([], [])


def test_the_download_holds_what_they_asked_for_and_what_was_done(
    client_for, staff, dee, dee_feedback
):
    from quality.services import contribution_from_comment, contribution_respond

    taken = contribution_from_comment(
        response=dee_feedback.response, field="do_differently", created_by=staff
    )
    contribution_respond(
        contribution=taken,
        decision="accepted",
        what_changed="Meetings start at half past ten.",
        changed_on=None,
        reason="",
        who_decides="",
        responded_by=staff,
    )
    response = client_for(staff).get(reverse("participant:participant-export", args=[dee.pk]))
    [asked] = json.loads(response.content)["suggestions_and_requests"]
    assert asked["you_said"] == "Start later: my bus gets in at ten."
    assert asked["decision"] == "Accepted: we did it"
    assert asked["what_changed"] == "Meetings start at half past ten."


def test_erasing_keeps_what_was_done_but_not_their_words_or_name(staff, dee, dee_feedback):
    from quality.models import Contribution
    from quality.services import contribution_add, contribution_from_comment

    from_comment = contribution_from_comment(
        response=dee_feedback.response, field="what_was_good", created_by=staff
    )
    said = contribution_add(
        activity=dee_feedback.activity,
        participant=dee,
        raised_on=timezone.localdate(),
        text="Dee Walsh asks for large print, please.",
        source="meeting",
        created_by=staff,
    )
    services.participant_erase(participant=dee)
    for contribution in Contribution.objects.filter(pk__in=[from_comment.pk, said.pk]):
        assert contribution.participant is None
        assert "Dee" not in contribution.text
        assert contribution.text == "(Removed: the person asked for their data to be erased.)"
