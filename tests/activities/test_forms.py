"""Bad input on every activities form: the form comes back with the error beside the field and
in the summary, what was typed is kept, and nothing is saved."""

import datetime
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from activities.models import (
    AccessibilityCheck,
    Activity,
    Agreement,
    AgreementEvent,
    Attendance,
    Involvement,
    Participant,
    Session,
)

from ..factories import (
    ActivityFactory,
    InvolvementFactory,
    ParticipantFactory,
    SessionFactory,
    first_approach,
    influence_level,
)
from ..pages import Page, assert_field_error, assert_form_error


def plan(**overrides) -> dict:
    return {
        "title": "Voices Council",
        "overview": "A monthly group that shapes the service.",
        "starts_on": "2026-04-01",
        "ends_on": "",
        "approach": first_approach().pk,
        "decision_level": "service",
        "submission_key": str(uuid.uuid4()),
        **overrides,
    }


def test_plan_form_refuses_an_end_date_before_the_start_date(staff_client):
    data = plan(title="Carers' forum", starts_on="2026-04-01", ends_on="2026-03-01")
    response = staff_client.post(reverse("activities:activity-create"), data)
    page = assert_field_error(
        response, "ends_on", "The end date must be on or after the start date."
    )
    assert page.value("title") == "Carers' forum"
    assert page.value("starts_on") == "2026-04-01"
    assert page.value("ends_on") == "2026-03-01"
    assert Activity.objects.count() == 0
    assert Agreement.objects.count() == 0


def test_plan_form_refuses_a_lead_from_another_organisation(staff_client, other_org_staff):
    response = staff_client.post(
        reverse("activities:activity-create"), plan(lead=other_org_staff.pk)
    )
    page = assert_field_error(response, "lead", "Choose a lead from your own organisation's staff.")
    assert page.value("title") == "Voices Council"
    assert Activity.objects.count() == 0


def test_plan_form_names_each_missing_answer_and_links_to_the_first_radio(staff_client):
    data = plan(title="", approach="", decision_level="")
    response = staff_client.post(reverse("activities:activity-create"), data)
    assert_field_error(response, "title", "Enter a title.")
    assert_field_error(response, "approach", "Choose the approach.", choices=True)
    page = assert_field_error(
        response, "decision_level", "Choose the decision level.", choices=True
    )
    assert page.value("overview") == "A monthly group that shapes the service."
    assert Activity.objects.count() == 0


def test_plan_form_keeps_its_submission_key_when_it_comes_back_with_errors(staff_client):
    data = plan(title="")
    response = staff_client.post(reverse("activities:activity-create"), data)
    assert Page.of(response).value("submission_key") == data["submission_key"]


def test_double_submitting_the_session_form_creates_one_session(staff_client, activity):
    url = reverse("activities:session-create", args=[activity.pk])
    key = Page.of(staff_client.get(url)).value("submission_key")
    assert key
    data = {"starts_at": "2026-05-01T10:00", "place": "Town hall", "submission_key": key}
    first = staff_client.post(url, data)
    second = staff_client.post(url, data)
    assert first.status_code == second.status_code == 302
    assert Session.objects.filter(activity=activity).count() == 1
    # A fresh form is a fresh session.
    staff_client.post(url, {**data, "submission_key": str(uuid.uuid4())})
    assert Session.objects.filter(activity=activity).count() == 2


def test_double_submitting_the_plan_form_creates_one_activity(staff_client):
    data = plan()
    first = staff_client.post(reverse("activities:activity-create"), data)
    second = staff_client.post(reverse("activities:activity-create"), data)
    assert Activity.objects.count() == 1
    assert Agreement.objects.count() == 1
    assert first.status_code == second.status_code == 302
    assert first.url == second.url == Activity.objects.get().get_absolute_url()


def test_edit_form_refuses_an_end_date_before_the_start_date(staff_client, activity):
    data = plan(title="Renamed", starts_on="2026-05-01", ends_on="2026-04-30")
    response = staff_client.post(reverse("activities:activity-update", args=[activity.pk]), data)
    page = assert_field_error(
        response, "ends_on", "The end date must be on or after the start date."
    )
    assert page.value("title") == "Renamed"
    activity.refresh_from_db()
    assert activity.title == "Voices Council"
    assert activity.ends_on is None


def test_edit_form_refuses_a_lead_from_another_organisation(
    staff_client, activity, other_org_staff
):
    url = reverse("activities:activity-update", args=[activity.pk])
    response = staff_client.post(url, plan(lead=other_org_staff.pk))
    assert_field_error(response, "lead", "Choose a lead from your own organisation's staff.")
    activity.refresh_from_db()
    assert activity.lead is None


def test_agreement_form_refuses_an_influence_level_outside_the_ladder(staff_client, activity):
    url = reverse("activities:agreement-update", args=[activity.pk])
    response = staff_client.post(url, {"purpose": "To shape the service", "influence_level": 9999})
    page = assert_field_error(
        response, "influence_level", "Choose an influence level from the ladder.", choices=True
    )
    assert page.value("purpose") == "To shape the service"
    agreement = Agreement.objects.get(activity=activity)
    assert agreement.purpose == ""
    assert agreement.influence_level is None
    assert not AgreementEvent.objects.exists()


def test_record_agreement_refuses_a_date_in_the_future(staff_client, activity):
    Agreement.objects.filter(activity=activity).update(
        purpose="To shape the service", influence_level=influence_level()
    )
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    url = reverse("activities:agreement-record", args=[activity.pk])
    data = {
        "agreed_on": tomorrow.isoformat(),
        "agreed_how": "At the meeting",
        "participants": "Ann",
    }
    response = staff_client.post(url, data)
    page = assert_field_error(response, "agreed_on", "The date agreed cannot be in the future.")
    assert page.value("agreed_how") == "At the meeting"
    assert page.value("participants") == "Ann"
    agreement = Agreement.objects.get(activity=activity)
    assert agreement.state == Agreement.State.NOT_AGREED
    assert agreement.agreed_on is None
    assert not AgreementEvent.objects.exists()
    assert not Participant.objects.exists()
    assert Activity.objects.get(pk=activity.pk).status == Activity.Status.DRAFT


def test_record_agreement_before_the_purpose_is_written_says_what_to_do_first(
    staff_client, activity
):
    url = reverse("activities:agreement-record", args=[activity.pk])
    data = {"agreed_on": "2026-01-20", "agreed_how": "At the meeting", "participants": "Ann\nBo"}
    response = staff_client.post(url, data)
    page = assert_form_error(
        response, "Write down the purpose and choose the influence level first."
    )
    assert page.value("participants") == "Ann\nBo"
    assert Agreement.objects.get(activity=activity).state == Agreement.State.NOT_AGREED
    assert not AgreementEvent.objects.exists()
    assert not Participant.objects.exists()


def test_record_agreement_needs_at_least_one_person(staff_client, activity):
    url = reverse("activities:agreement-record", args=[activity.pk])
    data = {"agreed_on": "2026-01-20", "agreed_how": "At the meeting", "participants": " \n "}
    response = staff_client.post(url, data)
    assert_field_error(response, "participants", "Enter at least one person who took part.")
    assert not AgreementEvent.objects.exists()


def session_data(**overrides) -> dict:
    return {"starts_at": "2026-03-10T14:00", "place": "", "online_link": "", **overrides}


def test_session_form_needs_a_place_or_a_link(staff_client, activity):
    url = reverse("activities:session-create", args=[activity.pk])
    response = staff_client.post(url, session_data(papers_sent_on="2026-03-01"))
    page = assert_field_error(response, "place", "Enter a place or an online link.")
    assert page.value("starts_at") == "2026-03-10T14:00"
    assert page.value("papers_sent_on") == "2026-03-01"
    assert not Session.objects.exists()


def test_session_form_refuses_an_online_link_that_is_not_a_web_address(staff_client, activity):
    url = reverse("activities:session-create", args=[activity.pk])
    response = staff_client.post(url, session_data(online_link="teams meeting"))
    page = assert_field_error(
        response, "online_link", "Enter a full web address, like https://example.org/meeting"
    )
    assert page.value("online_link") == "teams meeting"
    assert not Session.objects.exists()


def test_session_form_refuses_papers_sent_after_the_session(staff_client, activity):
    url = reverse("activities:session-create", args=[activity.pk])
    data = session_data(place="Library", papers_sent_on="2026-03-11")
    response = staff_client.post(url, data)
    assert_field_error(response, "papers_sent_on", "Papers cannot be sent after the session.")
    assert not Session.objects.exists()


def test_session_edit_form_needs_a_place_or_a_link(staff_client, activity):
    session = SessionFactory(activity=activity, place="Library")
    url = reverse("activities:session-update", args=[session.pk])
    response = staff_client.post(url, session_data(starts_at="2026-03-12T10:00"))
    page = assert_field_error(response, "place", "Enter a place or an online link.")
    assert page.value("starts_at") == "2026-03-12T10:00"
    session.refresh_from_db()
    assert session.place == "Library"
    assert timezone.localtime(session.starts_at).day == 10


def test_accessibility_checklist_refuses_an_unknown_status(staff_client, activity):
    checks = list(AccessibilityCheck.objects.filter(activity=activity))
    data = {"form-TOTAL_FORMS": len(checks), "form-INITIAL_FORMS": len(checks)}
    for i, check in enumerate(checks):
        data |= {f"form-{i}-id": check.pk, f"form-{i}-status": "in_place", f"form-{i}-note": ""}
    data |= {"form-0-status": "sort_of", "form-1-note": "Drafted with the group"}
    url = reverse("activities:accessibility-update", args=[activity.pk])

    response = staff_client.post(url, data)

    assert response.status_code == 200
    page = Page.of(response)
    message = "Select a valid choice. sort_of is not one of the available choices."
    system = checks[0].get_system_display()
    assert ("#id_form-0-status_1", f"{system}: {message}") in page.summary_links
    assert "id_form-0-status_1" in page.ids
    assert any(message in text for _id, text in page.field_errors)
    assert page.value("form-1-note") == "Drafted with the group"
    assert set(
        AccessibilityCheck.objects.filter(activity=activity).values_list("status", "note")
    ) == {(AccessibilityCheck.Status.NOT_STARTED, "")}


def transition(client, activity, to_status):
    url = reverse("activities:activity-transition", args=[activity.pk])
    return client.post(url, {"to_status": to_status}, follow=True)


def test_status_url_refuses_a_transition_outside_the_table(staff_client, activity):
    response = transition(staff_client, activity, "completed")
    assert "An activity cannot go from Draft to Completed." in response.content.decode()
    assert Activity.objects.get(pk=activity.pk).status == Activity.Status.DRAFT


def test_status_url_refuses_to_leave_draft_before_the_agreement_is_recorded(staff_client, activity):
    Agreement.objects.filter(activity=activity).update(
        purpose="To shape the service", influence_level=influence_level()
    )
    response = transition(staff_client, activity, "agreed")
    assert (
        "This activity cannot leave draft until its purpose and influence level are written "
        "down and the agreement is recorded."
    ) in response.content.decode()
    assert Activity.objects.get(pk=activity.pk).status == Activity.Status.DRAFT


def test_status_url_refuses_an_unknown_status(staff_client, activity):
    response = transition(staff_client, activity, "archived")
    assert "Choose a status from the list." in response.content.decode()
    assert Activity.objects.get(pk=activity.pk).status == Activity.Status.DRAFT


def test_status_url_moves_an_agreed_activity_to_running(staff_client, brightwater, staff):
    activity = ActivityFactory(organisation=brightwater, created_by=staff, agreed_with=["Ann"])
    response = transition(staff_client, activity, "running")
    assert "Status is now Running." in response.content.decode()
    assert Activity.objects.get(pk=activity.pk).status == Activity.Status.RUNNING


def person(**overrides) -> dict:
    return {
        "name": "Ann Lee",
        "contact_by": "",
        "email": "",
        "phone": "",
        "postal_address": "",
        "access_notes": "",
        "wants_payment": "",
        **overrides,
    }


def test_participant_form_needs_a_name(staff_client):
    data = person(
        name="",
        contact_by="email",
        email="ann@example.org",
        access_needs=["step_free", "quiet_room"],
        wants_payment="yes",
    )
    response = staff_client.post(reverse("activities:participant-create"), data)
    page = assert_field_error(response, "name", "Enter a name or pseudonym.")
    assert page.value("contact_by") == "email"
    assert page.value("email") == "ann@example.org"
    assert page.values["access_needs"] == ["step_free", "quiet_room"]
    assert page.value("wants_payment") == "yes"
    assert not Participant.objects.exists()


def test_participant_form_refuses_a_name_already_recorded_whatever_its_case(
    staff_client, brightwater
):
    ParticipantFactory(organisation=brightwater, name="Ann Lee")
    data = person(name="ANN lee", phone="07700 900123")
    response = staff_client.post(reverse("activities:participant-create"), data)
    page = assert_field_error(response, "name", "Someone with this name is already recorded.")
    assert page.value("name") == "ANN lee"
    assert page.value("phone") == "07700 900123"
    assert Participant.objects.count() == 1


@pytest.mark.parametrize(
    "route, field, message",
    [
        ("email", "email", "Enter their email address, or choose another way."),
        ("phone", "phone", "Enter their phone number, or choose another way."),
        ("sms", "phone", "Enter their phone number, or choose another way."),
        ("post", "postal_address", "Enter their postal address, or choose another way."),
    ],
)
def test_participant_form_needs_the_detail_for_the_way_to_contact_them(
    staff_client, route, field, message
):
    data = person(contact_by=route, access_notes="Prefers mornings")
    response = staff_client.post(reverse("activities:participant-create"), data)
    page = assert_field_error(response, field, message)
    assert page.value("name") == "Ann Lee"
    assert page.value("contact_by") == route
    assert page.value("access_notes") == "Prefers mornings"
    assert not Participant.objects.exists()


def test_participant_form_refuses_an_email_address_that_is_not_one(staff_client):
    data = person(contact_by="email", email="ann at example")
    response = staff_client.post(reverse("activities:participant-create"), data)
    page = assert_field_error(response, "email", "Enter a valid email address.")
    assert page.value("email") == "ann at example"
    assert not Participant.objects.exists()


def test_participant_form_refuses_answers_outside_the_choices(staff_client):
    data = person(contact_by="pigeon", preferred_formats=["braille_ish"], access_needs=["breaks"])
    response = staff_client.post(reverse("activities:participant-create"), data)
    assert_field_error(
        response,
        "contact_by",
        "Select a valid choice. pigeon is not one of the available choices.",
        choices=True,
    )
    page = assert_field_error(
        response,
        "preferred_formats",
        "Select a valid choice. braille_ish is not one of the available choices.",
        choices=True,
    )
    assert page.value("name") == "Ann Lee"
    assert page.values["access_needs"] == ["breaks"]
    assert not Participant.objects.exists()


def test_participant_edit_form_refuses_another_persons_name(staff_client, brightwater):
    ParticipantFactory(organisation=brightwater, name="Bo Tran")
    ann = ParticipantFactory(organisation=brightwater, name="Ann Lee", phone="0114 496 0000")
    url = reverse("activities:participant-update", args=[ann.pk])
    response = staff_client.post(url, person(name="bo tran", phone="0114 496 0999"))
    page = assert_field_error(response, "name", "Someone with this name is already recorded.")
    assert page.value("phone") == "0114 496 0999"
    ann.refresh_from_db()
    assert (ann.name, ann.phone) == ("Ann Lee", "0114 496 0000")


def involved(participant, **overrides) -> dict:
    return {
        "participant": participant.pk if participant else "",
        "role": "participant",
        "came_in": "invited",
        "started_on": "2026-02-01",
        "ended_on": "",
        **overrides,
    }


NOT_OFFERED = "Choose someone recorded by your organisation who is not already involved."


def test_involvement_form_names_each_missing_answer(staff_client, activity):
    data = involved(None, role="", came_in="", started_on="2026-02-01", ended_on="2026-06-30")
    response = staff_client.post(reverse("activities:involvement-create", args=[activity.pk]), data)
    assert_field_error(response, "participant", "Choose the person.")
    assert_field_error(response, "role", "Choose their role.", choices=True)
    page = assert_field_error(
        response, "came_in", "Say whether they were invited or volunteered.", choices=True
    )
    assert page.value("started_on") == "2026-02-01"
    assert page.value("ended_on") == "2026-06-30"
    assert not Involvement.objects.exists()


def test_involvement_form_refuses_someone_from_another_organisation(
    staff_client, activity, northgate
):
    theirs = ParticipantFactory(organisation=northgate, name="Nia from Northgate")
    data = involved(theirs, role="co_chair", came_in="volunteered")
    response = staff_client.post(reverse("activities:involvement-create", args=[activity.pk]), data)
    page = assert_field_error(response, "participant", NOT_OFFERED)
    assert page.value("role") == "co_chair"
    assert page.value("came_in") == "volunteered"
    assert not Involvement.objects.exists()


def test_involvement_form_refuses_someone_already_involved(staff_client, activity, brightwater):
    ann = ParticipantFactory(organisation=brightwater, name="Ann Lee")
    InvolvementFactory(activity=activity, participant=ann, role="participant")
    data = involved(ann, role="lead", started_on="2026-03-01")
    response = staff_client.post(reverse("activities:involvement-create", args=[activity.pk]), data)
    page = assert_field_error(response, "participant", NOT_OFFERED)
    assert page.value("role") == "lead"
    assert page.value("started_on") == "2026-03-01"
    assert Involvement.objects.get().role == "participant"


def test_involvement_form_refuses_an_end_date_before_the_start_date(
    staff_client, activity, brightwater
):
    ann = ParticipantFactory(organisation=brightwater, name="Ann Lee")
    data = involved(ann, started_on="2026-04-01", ended_on="2026-03-31")
    response = staff_client.post(reverse("activities:involvement-create", args=[activity.pk]), data)
    page = assert_field_error(
        response, "ended_on", "The end date must be on or after the start date."
    )
    assert page.value("participant") == str(ann.pk)
    assert page.value("started_on") == "2026-04-01"
    assert page.value("ended_on") == "2026-03-31"
    assert not Involvement.objects.exists()


def test_involvement_form_refuses_a_date_that_does_not_exist(staff_client, activity, brightwater):
    ann = ParticipantFactory(organisation=brightwater, name="Ann Lee")
    data = involved(ann, started_on="2026-02-30")
    response = staff_client.post(reverse("activities:involvement-create", args=[activity.pk]), data)
    page = assert_field_error(response, "started_on", "Enter a real date.")
    assert page.value("started_on") == "2026-02-30"
    assert page.value("participant") == str(ann.pk)
    assert not Involvement.objects.exists()


def test_involvement_edit_form_refuses_an_end_date_before_the_start_date(staff_client, activity):
    involvement = InvolvementFactory(activity=activity, started_on=datetime.date(2026, 2, 1))
    url = reverse("activities:involvement-update", args=[involvement.pk])
    data = involved(None, role="co_facilitator", ended_on="2026-01-31")
    response = staff_client.post(url, data)
    page = assert_field_error(
        response, "ended_on", "The end date must be on or after the start date."
    )
    assert page.value("role") == "co_facilitator"
    involvement.refresh_from_db()
    assert (involvement.role, involvement.ended_on) == ("participant", None)


def test_attendance_form_refuses_a_status_outside_the_choices(staff_client, activity):
    ann, bo = (InvolvementFactory(activity=activity).participant for _ in range(2))
    session = SessionFactory(activity=activity)
    data = {f"person_{ann.pk}": "late", f"person_{bo.pk}": "apologies"}
    response = staff_client.post(reverse("activities:session-attendance", args=[session.pk]), data)
    page = assert_field_error(
        response,
        f"person_{ann.pk}",
        "Select a valid choice. late is not one of the available choices.",
        choices=True,
    )
    assert page.value(f"person_{bo.pk}") == "apologies"
    assert not Attendance.objects.exists()


def test_attendance_form_ignores_a_field_for_someone_not_involved(
    staff_client, activity, brightwater
):
    ann = InvolvementFactory(activity=activity).participant
    stranger = ParticipantFactory(organisation=brightwater, name="Not involved")
    session = SessionFactory(activity=activity)
    data = {f"person_{ann.pk}": "attended", f"person_{stranger.pk}": "attended"}
    response = staff_client.post(reverse("activities:session-attendance", args=[session.pk]), data)
    assert response.status_code == 302
    assert list(Attendance.objects.values_list("participant", "status")) == [(ann.pk, "attended")]
