"""You said, we did: what the people involved asked for (typed by staff, or taken from a
feedback comment with one click) and the response staff record."""

import datetime
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from activities.models import Participant
from quality.models import Contribution

from ..factories import (
    ActivityFactory,
    ContributionFactory,
    FeedbackRequestFactory,
    FeedbackResponseFactory,
    InvolvementFactory,
    ParticipantFactory,
)
from ..pages import Page, assert_field_error

ASKED = "Start the meetings after 6pm, so people who work can come."


def list_url(activity) -> str:
    return reverse("quality:contribution-list", args=[activity.pk])


def create_url(activity) -> str:
    return reverse("quality:contribution-create", args=[activity.pk])


def from_comment_url(activity) -> str:
    return reverse("quality:contribution-from-comment", args=[activity.pk])


def respond_url(contribution) -> str:
    return reverse("quality:contribution-respond", args=[contribution.pk])


def days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


def said(**overrides) -> dict:
    """What staff type after a meeting: unnamed, said three days ago."""
    return {
        "text": ASKED,
        "participant": "",
        "raised_on": days_ago(3).isoformat(),
        "source": "meeting",
        "submission_key": str(uuid.uuid4()),
        **overrides,
    }


@pytest.fixture
def involved_sam(activity, sam):
    """Sam, involved in Voices Council."""
    InvolvementFactory(activity=activity, participant=sam)
    return sam


def feedback_from(activity, participant, **answers):
    """A sent feedback answer from `participant` on `activity`, named unless said otherwise."""
    request = FeedbackRequestFactory(activity=activity, participant=participant)
    return FeedbackResponseFactory(request=request, **answers)


# Adding what someone said


def test_staff_add_what_someone_said_at_a_meeting(staff_client, staff, activity, involved_sam):
    data = said(participant=involved_sam.pk, source="other")
    response = staff_client.post(create_url(activity), data, follow=True)
    assert response.redirect_chain[-1][0] == list_url(activity)
    html = response.content.decode()
    assert "Saved. Now record what was done about it." in html
    contribution = Contribution.objects.get()
    assert (
        contribution.organisation,
        contribution.activity,
        contribution.participant,
        contribution.raised_on,
        contribution.text,
        contribution.source,
        contribution.created_by,
        contribution.status,
        contribution.responded_at,
    ) == (
        activity.organisation,
        activity,
        involved_sam,
        days_ago(3),
        ASKED,
        "other",
        staff,
        "open",
        None,
    )
    assert ASKED in html
    assert "Sam K" in html
    assert "Waiting for a response" in html
    assert f'href="{respond_url(contribution)}"' in html


def test_someone_who_asked_not_to_be_named_is_recorded_without_a_name(
    staff_client, activity, involved_sam
):
    response = staff_client.post(create_url(activity), said(participant=""), follow=True)
    contribution = Contribution.objects.get()
    assert contribution.participant is None
    html = response.content.decode()
    assert "Not named" in html
    assert "Sam K" not in html.split("What people said")[1]


def test_the_form_offers_only_people_involved_in_the_activity(
    staff_client, brightwater, northgate, activity, involved_sam
):
    ParticipantFactory(organisation=brightwater, name="Kim not involved")
    gone = InvolvementFactory(activity=activity).participant
    Participant.objects.filter(pk=gone.pk).update(name="Erased Eve", erased_at=timezone.now())
    other = ActivityFactory(organisation=northgate)
    InvolvementFactory(activity=other, participant__name="Northgate Nia")
    html = staff_client.get(create_url(activity)).content.decode()
    assert f'<option value="{involved_sam.pk}">Sam K</option>' in html
    assert ">Not named</option>" in html
    for name in ("Kim not involved", "Erased Eve", "Northgate Nia"):
        assert name not in html


def test_the_form_carries_a_new_submission_key_each_time(staff_client, activity):
    first = Page.of(staff_client.get(create_url(activity))).value("submission_key")
    second = Page.of(staff_client.get(create_url(activity))).value("submission_key")
    assert uuid.UUID(first) != uuid.UUID(second)


@pytest.mark.parametrize(
    "field, typed, message",
    [
        ("text", "", "Enter what they asked for or suggested."),
        ("text", "   \n ", "Enter what they asked for or suggested."),
        ("raised_on", "", "Enter the date it was raised."),
        ("raised_on", "31/02/2026", "Enter a real date."),
        ("raised_on", "tomorrow", "The date cannot be in the future."),
    ],
)
def test_what_cannot_be_saved_is_said_beside_the_field_and_the_typing_is_kept(
    field, typed, message, staff_client, activity, involved_sam
):
    if typed == "tomorrow":
        typed = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    data = said(participant=involved_sam.pk, **{field: typed})
    page = assert_field_error(staff_client.post(create_url(activity), data), field, message)
    for kept in ("text", "raised_on", "participant", "source", "submission_key"):
        if kept != field:
            assert page.value(kept) == str(data[kept]), kept
    assert not Contribution.objects.exists()


@pytest.mark.parametrize("who", ["not involved", "another organisation", "erased", "nonsense"])
def test_someone_not_involved_in_the_activity_cannot_be_named_by_a_tampered_post(
    who, staff_client, brightwater, northgate, activity
):
    if who == "not involved":
        participant = ParticipantFactory(organisation=brightwater).pk
    elif who == "another organisation":
        theirs = ActivityFactory(organisation=northgate)
        participant = InvolvementFactory(activity=theirs).participant.pk
    elif who == "erased":
        participant = InvolvementFactory(activity=activity).participant.pk
        Participant.objects.filter(pk=participant).update(erased_at=timezone.now())
    else:
        participant = "abc"
    data = said(participant=participant)
    response = staff_client.post(create_url(activity), data)
    page = assert_field_error(response, "participant", "Choose someone involved in this activity.")
    assert page.value("text") == ASKED
    assert page.value("submission_key") == data["submission_key"]
    assert not Contribution.objects.exists()


def test_where_it_came_from_must_be_chosen(staff_client, activity):
    response = staff_client.post(create_url(activity), said(source=""))
    page = assert_field_error(response, "source", "Choose where it came from.", choices=True)
    assert page.value("text") == ASKED
    assert not Contribution.objects.exists()


def test_a_feedback_source_cannot_be_typed_in(staff_client, activity):
    """Comments from feedback come through the one-click route, which links the answer."""
    response = staff_client.post(create_url(activity), said(source="feedback"))
    assert response.status_code == 200
    assert "source" in response.context["form"].errors
    assert not Contribution.objects.exists()


def test_a_double_submit_saves_one_contribution(staff_client, activity):
    key = Page.of(staff_client.get(create_url(activity))).value("submission_key")
    data = said(submission_key=key)
    first = staff_client.post(create_url(activity), data)
    second = staff_client.post(create_url(activity), data)
    assert first.status_code == second.status_code == 302
    assert Contribution.objects.count() == 1
    staff_client.post(create_url(activity), said())
    assert Contribution.objects.count() == 2


def test_a_submission_key_belongs_to_one_organisation(
    staff_client, client_for, other_org_staff, northgate, activity
):
    key = str(uuid.uuid4())
    theirs = ActivityFactory(organisation=northgate)
    staff_client.post(create_url(activity), said(submission_key=key))
    client_for(other_org_staff).post(create_url(theirs), said(submission_key=key))
    assert sorted(Contribution.objects.values_list("activity_id", flat=True)) == sorted(
        [activity.pk, theirs.pk]
    )


def test_nothing_can_be_added_to_another_organisations_activity(
    client_for, other_org_staff, activity
):
    client = client_for(other_org_staff)
    assert client.get(create_url(activity)).status_code == 404
    assert client.post(create_url(activity), said()).status_code == 404
    assert not Contribution.objects.exists()


def test_trustees_cannot_add_or_see_who_said_what(client_for, trustee, activity):
    client = client_for(trustee)
    assert client.get(list_url(activity)).status_code == 403
    assert client.post(create_url(activity), said()).status_code == 403
    assert not Contribution.objects.exists()


def test_the_list_shows_only_this_activitys_contributions(staff_client, brightwater, activity):
    ContributionFactory(activity=activity, text="Ours: a quieter room.")
    ContributionFactory(
        activity=ActivityFactory(organisation=brightwater), text="Another activity's request."
    )
    html = staff_client.get(list_url(activity)).content.decode()
    assert "Ours: a quieter room." in html
    assert "Another activity" not in html


def test_the_activity_page_leads_staff_to_you_said_we_did(client_for, people, activity):
    detail = reverse("activities:activity-detail", args=[activity.pk])
    staff_html = client_for(people["staff"]).get(detail).content.decode()
    assert f'href="{list_url(activity)}"' in staff_html
    trustee_html = client_for(people["trustee"]).get(detail).content.decode()
    assert list_url(activity) not in trustee_html


# Taking a feedback comment with one click


def test_staff_take_a_feedback_comment_with_one_click(staff_client, staff, activity, sam):
    # 23:30 UTC on 9 May is 00:30 on 10 May in London (summer time).
    sent = datetime.datetime(2026, 5, 9, 23, 30, tzinfo=datetime.UTC)
    answer = feedback_from(
        activity, sam, do_differently="Start later in the day.", submitted_at=sent
    )
    before = staff_client.get(list_url(activity)).content.decode()
    comments = before.split("Feedback comments not taken yet")[1]
    assert "Start later in the day." in comments
    assert "Sam K" in comments

    data = {"response": answer.pk, "field": "do_differently"}
    response = staff_client.post(from_comment_url(activity), data, follow=True)
    assert response.redirect_chain[-1][0] == list_url(activity)
    html = response.content.decode()
    assert "Added to “you said”. Now record what was done about it." in html
    contribution = Contribution.objects.get()
    assert (
        contribution.participant,
        contribution.text,
        contribution.source,
        contribution.feedback_response,
        contribution.feedback_field,
        contribution.raised_on,
        contribution.created_by,
        contribution.activity,
        contribution.organisation,
    ) == (
        sam,
        "Start later in the day.",
        "feedback",
        answer,
        "do_differently",
        datetime.date(2026, 5, 10),
        staff,
        activity,
        activity.organisation,
    )
    assert "Feedback comments not taken yet" not in html
    assert "From a feedback comment".lower() in html


def test_each_comment_of_an_answer_can_be_taken_on_its_own(staff_client, activity, sam):
    answer = feedback_from(
        activity, sam, what_was_good="Tea.", do_differently="Later.", anything_else="A ramp."
    )
    staff_client.post(from_comment_url(activity), {"response": answer.pk, "field": "anything_else"})
    html = staff_client.get(list_url(activity)).content.decode()
    comments = html.split("Feedback comments not taken yet")[1]
    assert "Tea." in comments
    assert "Later." in comments
    assert "A ramp." not in comments
    assert Contribution.objects.get().text == "A ramp."


@pytest.mark.parametrize("anonymous", [True, None])
def test_a_comment_from_someone_who_hid_their_name_stays_unnamed(
    anonymous, staff_client, activity, sam
):
    answer = feedback_from(activity, sam, do_differently="Later, please.", anonymous=anonymous)
    html = staff_client.get(list_url(activity)).content.decode()
    assert "Name hidden" in html
    assert "Sam K" not in html
    staff_client.post(
        from_comment_url(activity), {"response": answer.pk, "field": "do_differently"}
    )
    assert Contribution.objects.get().participant is None
    assert "Sam K" not in staff_client.get(list_url(activity)).content.decode()


def test_a_comment_from_someone_since_erased_stays_unnamed(staff_client, activity, sam):
    answer = feedback_from(activity, sam, do_differently="Later, please.")
    # Erased after the list was shown, with the comment still on the page.
    Participant.objects.filter(pk=sam.pk).update(erased_at=timezone.now())
    staff_client.post(
        from_comment_url(activity), {"response": answer.pk, "field": "do_differently"}
    )
    assert Contribution.objects.get().participant is None


def test_taking_a_comment_twice_gives_one_contribution(staff_client, activity, sam):
    answer = feedback_from(activity, sam, do_differently="Later, please.")
    data = {"response": answer.pk, "field": "do_differently"}
    assert staff_client.post(from_comment_url(activity), data).status_code == 302
    assert staff_client.post(from_comment_url(activity), data).status_code == 302
    assert Contribution.objects.count() == 1


@pytest.mark.parametrize(
    "field, answers, message",
    [
        ("anything_else", {"anything_else": ""}, "That comment is empty or no longer there."),
        ("anything_else", {"anything_else": "  \n"}, "That comment is empty or no longer there."),
        ("status", {}, "That comment is empty or no longer there."),
        ("", {}, "That comment is empty or no longer there."),
        (
            "do_differently",
            {"status": "draft", "submitted_at": None},
            "Only answers that have been sent can be taken.",
        ),
    ],
)
def test_a_comment_that_cannot_be_taken_says_why_and_adds_nothing(
    field, answers, message, staff_client, activity, sam
):
    answer = feedback_from(activity, sam, do_differently="Later, please.", **answers)
    data = {"response": answer.pk, "field": field}
    response = staff_client.post(from_comment_url(activity), data, follow=True)
    assert response.redirect_chain[-1][0] == list_url(activity)
    assert message in response.content.decode()
    assert not Contribution.objects.exists()


def test_a_draft_answer_is_not_offered(staff_client, activity, sam):
    feedback_from(activity, sam, do_differently="Still typing", status="draft", submitted_at=None)
    html = staff_client.get(list_url(activity)).content.decode()
    assert "Still typing" not in html


def test_another_activitys_answer_is_not_found(staff_client, brightwater, activity, sam):
    elsewhere = ActivityFactory(organisation=brightwater)
    answer = feedback_from(elsewhere, sam, do_differently="Later, please.")
    data = {"response": answer.pk, "field": "do_differently"}
    assert staff_client.post(from_comment_url(activity), data).status_code == 404
    assert not Contribution.objects.exists()


def test_another_organisations_answer_is_not_found(
    staff_client, client_for, other_org_staff, northgate, activity, sam
):
    theirs = ActivityFactory(organisation=northgate)
    their_answer = feedback_from(
        theirs, ParticipantFactory(organisation=northgate), do_differently="Ours."
    )
    data = {"response": their_answer.pk, "field": "do_differently"}
    # Theirs, through our activity's address; and ours, through theirs.
    assert staff_client.post(from_comment_url(activity), data).status_code == 404
    our_answer = feedback_from(activity, sam, do_differently="Later, please.")
    ours = {"response": our_answer.pk, "field": "do_differently"}
    assert client_for(other_org_staff).post(from_comment_url(activity), ours).status_code == 404
    assert not Contribution.objects.exists()


@pytest.mark.parametrize("response_pk", ["", "abc", "999999", "9" * 30, "1 OR 1=1", "²"])
def test_an_answer_that_does_not_exist_is_not_found(response_pk, client_for, staff, activity):
    client = client_for(staff, raise_request_exception=False)
    data = {"response": response_pk, "field": "do_differently"}
    assert client.post(from_comment_url(activity), data).status_code == 404
    assert not Contribution.objects.exists()


def test_trustees_cannot_take_a_comment(client_for, trustee, activity, sam):
    answer = feedback_from(activity, sam, do_differently="Later, please.")
    data = {"response": answer.pk, "field": "do_differently"}
    assert client_for(trustee).post(from_comment_url(activity), data).status_code == 403
    assert not Contribution.objects.exists()


# Responding ("we did")


@pytest.fixture
def contribution(activity, staff):
    return ContributionFactory(activity=activity, created_by=staff, text=ASKED)


def test_staff_record_that_a_suggestion_was_accepted(staff_client, staff, contribution):
    data = {
        "decision": "accepted",
        "what_changed": "Meetings now start at 6.30pm.",
        "changed_on": days_ago(1).isoformat(),
    }
    before = timezone.now()
    response = staff_client.post(respond_url(contribution), data, follow=True)
    assert response.redirect_chain[-1][0] == list_url(contribution.activity)
    html = response.content.decode()
    assert "Response saved." in html
    assert "Accepted: we did it" in html
    assert "Meetings now start at 6.30pm." in html
    assert "Change the response" in html
    contribution.refresh_from_db()
    assert (contribution.status, contribution.decision, contribution.responded_by) == (
        "responded",
        "accepted",
        staff,
    )
    assert contribution.what_changed == "Meetings now start at 6.30pm."
    assert contribution.changed_on == days_ago(1)
    assert before <= contribution.responded_at <= timezone.now()


@pytest.mark.parametrize(
    "decision, filled",
    [
        ("partly", {"what_changed": "Some meetings start later.", "reason": "The room closes."}),
        ("not_adopted", {"reason": "The building closes at 6pm."}),
        ("not_ours", {"who_decides": "The council buildings team"}),
    ],
)
def test_each_decision_is_saved_with_what_it_needs(decision, filled, staff_client, contribution):
    response = staff_client.post(respond_url(contribution), {"decision": decision, **filled})
    assert response.status_code == 302
    contribution.refresh_from_db()
    assert (contribution.status, contribution.decision) == ("responded", decision)
    for name, value in filled.items():
        assert getattr(contribution, name) == value
    html = staff_client.get(list_url(contribution.activity)).content.decode()
    for value in filled.values():
        assert value in html


@pytest.mark.parametrize(
    "decision, filled, field, message",
    [
        ("accepted", {}, "what_changed", "Say what changed."),
        ("accepted", {"what_changed": "   "}, "what_changed", "Say what changed."),
        ("accepted", {"reason": "A reason instead"}, "what_changed", "Say what changed."),
        ("partly", {"reason": "The room closes."}, "what_changed", "Say what changed."),
        (
            "partly",
            {"what_changed": "Some start later."},
            "reason",
            "Give the reason in plain words.",
        ),
        ("not_adopted", {}, "reason", "Give the reason in plain words."),
        (
            "not_adopted",
            {"what_changed": "Nothing"},
            "reason",
            "Give the reason in plain words.",
        ),
        (
            "not_ours",
            {"reason": "Not us"},
            "who_decides",
            "Say who decides, so the person knows where it went.",
        ),
    ],
)
def test_a_response_missing_what_its_decision_needs_is_refused_beside_the_field(
    decision, filled, field, message, staff_client, contribution
):
    data = {"decision": decision, "changed_on": days_ago(1).isoformat(), **filled}
    page = assert_field_error(staff_client.post(respond_url(contribution), data), field, message)
    assert page.value("decision") == decision
    assert page.value("changed_on") == data["changed_on"]
    for name, value in filled.items():
        if value.strip():
            assert page.value(name) == value, name
    contribution.refresh_from_db()
    assert (contribution.status, contribution.decision, contribution.responded_at) == (
        "open",
        "",
        None,
    )


def test_partly_accepted_with_nothing_said_asks_for_both(staff_client, contribution):
    response = staff_client.post(respond_url(contribution), {"decision": "partly"})
    assert_field_error(response, "what_changed", "Say what changed.")
    assert_field_error(response, "reason", "Give the reason in plain words.")
    contribution.refresh_from_db()
    assert contribution.is_open()


def test_a_decision_must_be_chosen(staff_client, contribution):
    data = {"what_changed": "Meetings start later."}
    response = staff_client.post(respond_url(contribution), data)
    page = assert_field_error(response, "decision", "Choose what you decided.", choices=True)
    assert page.value("what_changed") == "Meetings start later."
    contribution.refresh_from_db()
    assert contribution.is_open()


def test_a_decision_that_is_not_one_of_the_choices_is_refused(staff_client, contribution):
    response = staff_client.post(respond_url(contribution), {"decision": "ignored"})
    assert response.status_code == 200
    assert "decision" in response.context["form"].errors
    contribution.refresh_from_db()
    assert contribution.is_open()


def test_a_correction_keeps_when_the_first_response_was_given(
    staff_client, client_for, org_admin, staff, contribution
):
    staff_client.post(respond_url(contribution), {"decision": "accepted", "what_changed": "Later."})
    first = timezone.now() - datetime.timedelta(days=5)
    Contribution.objects.filter(pk=contribution.pk).update(responded_at=first)

    page = Page.of(staff_client.get(respond_url(contribution)))
    assert (page.value("decision"), page.value("what_changed")) == ("accepted", "Later.")

    data = {"decision": "not_adopted", "reason": "The building closes at 6pm."}
    assert client_for(org_admin).post(respond_url(contribution), data).status_code == 302
    contribution.refresh_from_db()
    assert (contribution.status, contribution.decision, contribution.reason) == (
        "responded",
        "not_adopted",
        "The building closes at 6pm.",
    )
    assert contribution.responded_at == first
    assert contribution.responded_by == org_admin


def test_a_response_to_another_organisations_contribution_is_not_found(
    client_for, other_org_staff, contribution
):
    client = client_for(other_org_staff)
    data = {"decision": "accepted", "what_changed": "Changed by someone else."}
    assert client.get(respond_url(contribution)).status_code == 404
    assert client.post(respond_url(contribution), data).status_code == 404
    contribution.refresh_from_db()
    assert contribution.is_open()
    assert contribution.what_changed == ""


def test_trustees_cannot_respond(client_for, trustee, contribution):
    client = client_for(trustee)
    data = {"decision": "accepted", "what_changed": "Changed by a trustee."}
    assert client.get(respond_url(contribution)).status_code == 403
    assert client.post(respond_url(contribution), data).status_code == 403
    contribution.refresh_from_db()
    assert contribution.is_open()


@pytest.mark.parametrize("pk", [999999, int("9" * 30)])
def test_a_contribution_that_does_not_exist_is_not_found(pk, client_for, staff):
    client = client_for(staff, raise_request_exception=False)
    url = reverse("quality:contribution-respond", args=[pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"decision": "accepted", "what_changed": "x"}).status_code == 404


def test_the_respond_page_shows_what_was_said(staff_client, contribution):
    html = staff_client.get(respond_url(contribution)).content.decode()
    assert ASKED in html
    assert contribution.activity.title in html
