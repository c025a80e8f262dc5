"""The activity pages doing their job with good input."""

import datetime
import uuid

from django.urls import reverse
from django.utils import timezone

from activities.models import (
    AccessibilityCheck,
    Activity,
    Agreement,
    AgreementEvent,
    Aim,
    Attendance,
    Involvement,
    Participant,
    Session,
)

from ..factories import (
    ActivityFactory,
    AttendanceFactory,
    InvolvementFactory,
    ParticipantFactory,
    SessionFactory,
    first_approach,
    influence_level,
)
from ..pages import Page


def test_planning_an_activity_saves_a_draft_and_shows_it(staff_client, staff, brightwater):
    aim = Aim.objects.first()
    data = {
        "title": "Voices Council",
        "overview": "A monthly group that shapes the service.",
        "lead": staff.pk,
        "starts_on": "2026-04-01",
        "ends_on": "2027-03-31",
        "approach": first_approach().pk,
        "decision_level": "strategic",
        "motives": ["moral_political", "instrumental"],
        "aims": [aim.pk],
        "frequency": "Monthly",
        "submission_key": str(uuid.uuid4()),
    }
    response = staff_client.post(reverse("activities:activity-create"), data, follow=True)
    activity = Activity.objects.get()
    assert response.redirect_chain[-1][0] == activity.get_absolute_url()
    assert (activity.organisation, activity.created_by, activity.lead) == (
        brightwater,
        staff,
        staff,
    )
    assert activity.status == Activity.Status.DRAFT
    assert activity.motives == ["moral_political", "instrumental"]
    assert list(activity.aims.all()) == [aim]
    assert b"Activity saved." in response.content
    assert b"Voices Council" in response.content


def test_the_plan_form_starts_with_a_fresh_submission_key(staff_client):
    first = staff_client.get(reverse("activities:activity-create")).context["form"]
    second = staff_client.get(reverse("activities:activity-create")).context["form"]
    assert first.initial["submission_key"] != second.initial["submission_key"]


def test_writing_down_purpose_and_level_keeps_history_and_warns_when_agreed_terms_change(
    staff_client, brightwater, staff
):
    activity = ActivityFactory(organisation=brightwater, created_by=staff, agreed_with=["Ann"])
    url = reverse("activities:agreement-update", args=[activity.pk])
    data = {"purpose": "A new purpose", "influence_level": influence_level("participation").pk}
    response = staff_client.post(url, data, follow=True)
    assert b"agree them again with the people involved" in response.content
    assert b"Needs agreeing again" in response.content
    agreement = Agreement.objects.get(activity=activity)
    assert agreement.state == Agreement.State.NEEDS_REAGREEMENT
    event = AgreementEvent.objects.filter(kind=AgreementEvent.Kind.CHANGED).get()
    assert event.actor == staff
    assert {change["field"] for change in event.changes} == {"purpose", "influence_level"}


def test_recording_the_agreement_agrees_the_activity(staff_client, activity, staff):
    Agreement.objects.filter(activity=activity).update(
        purpose="To shape the service", influence_level=influence_level()
    )
    url = reverse("activities:agreement-record", args=[activity.pk])
    data = {
        "agreed_on": "2026-01-20",
        "agreed_how": "At the meeting",
        "participants": "Ann\nBo\nAnn",
    }
    response = staff_client.post(url, data, follow=True)
    assert b"Agreement recorded." in response.content
    activity.refresh_from_db()
    assert activity.status == Activity.Status.AGREED
    assert sorted(activity.agreement.participants.values_list("name", flat=True)) == ["Ann", "Bo"]


def test_saving_the_accessibility_checklist(staff_client, activity):
    checks = list(AccessibilityCheck.objects.filter(activity=activity))
    data = {"form-TOTAL_FORMS": len(checks), "form-INITIAL_FORMS": len(checks)}
    for i, check in enumerate(checks):
        data |= {f"form-{i}-id": check.pk, f"form-{i}-status": "in_place", f"form-{i}-note": ""}
    data["form-3-note"] = "Agreed with the finance team"
    url = reverse("activities:accessibility-update", args=[activity.pk])
    response = staff_client.post(url, data)
    assert response.status_code == 302
    saved = AccessibilityCheck.objects.filter(activity=activity)
    assert set(saved.values_list("status", flat=True)) == {"in_place"}
    assert saved.get(pk=checks[3].pk).note == "Agreed with the finance team"


def test_the_checklist_form_cannot_touch_another_activitys_rows(
    staff_client, activity, brightwater
):
    other = ActivityFactory(organisation=brightwater)
    theirs = AccessibilityCheck.objects.filter(activity=other).first()
    data = {
        "form-TOTAL_FORMS": 1,
        "form-INITIAL_FORMS": 1,
        "form-0-id": theirs.pk,
        "form-0-status": "in_place",
    }
    staff_client.post(reverse("activities:accessibility-update", args=[activity.pk]), data)
    theirs.refresh_from_db()
    assert theirs.status == AccessibilityCheck.Status.NOT_STARTED


def test_the_checklist_form_never_adds_rows(staff_client, activity):
    checks = list(AccessibilityCheck.objects.filter(activity=activity))
    data = {"form-TOTAL_FORMS": len(checks) + 1, "form-INITIAL_FORMS": len(checks)}
    for i, check in enumerate(checks):
        data |= {f"form-{i}-id": check.pk, f"form-{i}-status": check.status}
    data |= {f"form-{len(checks)}-status": "in_place", f"form-{len(checks)}-note": "Extra"}
    url = reverse("activities:accessibility-update", args=[activity.pk])
    assert staff_client.post(url, data).status_code == 302
    assert AccessibilityCheck.objects.filter(activity=activity).count() == len(checks)


def test_adding_editing_and_removing_a_session(staff_client, activity, brightwater):
    url = reverse("activities:session-create", args=[activity.pk])
    data = {"starts_at": "2026-03-10T14:00", "online_link": "https://meet.example.org/voices"}
    assert staff_client.post(url, data).status_code == 302
    session = Session.objects.get()
    assert (session.activity, session.organisation) == (activity, brightwater)

    data["place"] = "Library"
    staff_client.post(reverse("activities:session-update", args=[session.pk]), data)
    assert Session.objects.get().place == "Library"

    response = staff_client.post(reverse("activities:session-delete", args=[session.pk]))
    assert response.url == activity.get_absolute_url() + "#sessions"
    assert not Session.objects.exists()


def test_a_trustee_cannot_remove_a_session(client_for, trustee, activity):
    session = SessionFactory(activity=activity)
    url = reverse("activities:session-delete", args=[session.pk])
    assert client_for(trustee).post(url).status_code == 403
    assert Session.objects.filter(pk=session.pk).exists()


def test_another_organisation_cannot_edit_an_activity(client_for, other_org_staff, activity):
    url = reverse("activities:activity-update", args=[activity.pk])
    response = client_for(other_org_staff).post(url, {"title": "Taken over"})
    assert response.status_code == 404
    assert Activity.objects.get(pk=activity.pk).title == "Voices Council"


def test_a_trustee_cannot_change_an_activitys_status(client_for, trustee, brightwater, staff):
    activity = ActivityFactory(organisation=brightwater, created_by=staff, agreed_with=["Ann"])
    url = reverse("activities:activity-transition", args=[activity.pk])
    assert client_for(trustee).post(url, {"to_status": "running"}).status_code == 403
    assert Activity.objects.get(pk=activity.pk).status == Activity.Status.AGREED


def test_a_trustee_sees_no_edit_buttons(client_for, trustee, activity):
    html = client_for(trustee).get(activity.get_absolute_url()).content.decode()
    assert reverse("activities:activity-update", args=[activity.pk]) not in html
    assert reverse("activities:agreement-record", args=[activity.pk]) not in html


def test_adding_a_person_saves_them_to_the_organisation(staff_client, brightwater):
    data = {
        "name": "Ann Lee",
        "contact_by": "sms",
        "phone": "07700 900123",
        "email": "",
        "postal_address": "",
        "preferred_formats": ["easy_read", "papers_in_advance"],
        "access_needs": ["hearing_loop"],
        "access_notes": "Sits near the front",
        "wants_payment": "no",
    }
    response = staff_client.post(reverse("activities:participant-create"), data, follow=True)
    ann = Participant.objects.get()
    assert response.redirect_chain[-1][0] == reverse("activities:participant-detail", args=[ann.pk])
    assert (ann.organisation, ann.contact_by, ann.phone) == (brightwater, "sms", "07700 900123")
    assert ann.preferred_formats == ["easy_read", "papers_in_advance"]
    assert ann.access_needs == ["hearing_loop"]
    assert ann.wants_payment is False
    html = response.content.decode()
    assert "Saved Ann Lee." in html
    assert "Papers well in advance" in html
    assert "Hearing loop" in html


def test_a_name_used_in_another_organisation_is_free_here(staff_client, northgate):
    ParticipantFactory(organisation=northgate, name="Ann Lee")
    data = {"name": "Ann Lee", "wants_payment": ""}
    assert staff_client.post(reverse("activities:participant-create"), data).status_code == 302
    assert Participant.objects.filter(name="Ann Lee").count() == 2


def test_editing_a_person_can_change_the_case_of_their_own_name(staff_client, brightwater):
    ann = ParticipantFactory(organisation=brightwater, name="ann lee", wants_payment=True)
    url = reverse("activities:participant-update", args=[ann.pk])
    assert Page.of(staff_client.get(url)).value("wants_payment") == "yes"
    response = staff_client.post(url, {"name": "Ann Lee", "wants_payment": ""})
    assert response.status_code == 302
    ann.refresh_from_db()
    assert (ann.name, ann.wants_payment) == ("Ann Lee", None)


def test_adding_changing_and_removing_someone_involved(staff_client, activity, brightwater):
    ann = ParticipantFactory(organisation=brightwater, name="Ann Lee")
    data = {
        "participant": ann.pk,
        "role": "co_chair",
        "came_in": "volunteered",
        "started_on": "2026-02-01",
    }
    response = staff_client.post(reverse("activities:involvement-create", args=[activity.pk]), data)
    assert response.url == activity.get_absolute_url() + "#people"
    involvement = Involvement.objects.get()
    assert (involvement.activity, involvement.participant, involvement.organisation) == (
        activity,
        ann,
        brightwater,
    )
    assert (involvement.role, involvement.came_in) == ("co_chair", "volunteered")

    url = reverse("activities:involvement-update", args=[involvement.pk])
    staff_client.post(url, {**data, "role": "lead", "ended_on": "2026-06-30"})
    involvement.refresh_from_db()
    assert (involvement.role, involvement.ended_on) == ("lead", datetime.date(2026, 6, 30))

    response = staff_client.post(reverse("activities:involvement-delete", args=[involvement.pk]))
    assert response.url == activity.get_absolute_url() + "#people"
    assert not Involvement.objects.exists()
    assert Participant.objects.filter(pk=ann.pk).exists()


def test_the_involvement_form_offers_only_the_organisations_people_not_yet_involved(
    staff_client, activity, brightwater, northgate
):
    InvolvementFactory(activity=activity, participant__name="Already in")
    ParticipantFactory(organisation=brightwater, name="Free to join")
    ParticipantFactory(organisation=northgate, name="From Northgate")
    response = staff_client.get(reverse("activities:involvement-create", args=[activity.pk]))
    offered = {p.name for p in response.context["form"].fields["participant"].queryset}
    assert offered == {"Free to join"}


def test_removing_someone_from_an_activity_removes_their_attendance_there(
    staff_client, activity, brightwater, staff
):
    involvement = InvolvementFactory(activity=activity)
    ann = involvement.participant
    AttendanceFactory(session=SessionFactory(activity=activity), participant=ann)
    other = InvolvementFactory(
        activity=ActivityFactory(organisation=brightwater, created_by=staff), participant=ann
    )
    kept = AttendanceFactory(session=SessionFactory(activity=other.activity), participant=ann)

    staff_client.post(reverse("activities:involvement-delete", args=[involvement.pk]))

    assert list(Attendance.objects.all()) == [kept]


def test_recording_attendance_at_a_session(staff_client, activity):
    ann, bo, cy = (InvolvementFactory(activity=activity).participant for _ in range(3))
    session = SessionFactory(activity=activity)
    AttendanceFactory(session=session, participant=cy, status="absent")
    url = reverse("activities:session-attendance", args=[session.pk])
    assert Page.of(staff_client.get(url)).value(f"person_{cy.pk}") == "absent"

    data = {f"person_{ann.pk}": "attended", f"person_{bo.pk}": "apologies", f"person_{cy.pk}": ""}
    response = staff_client.post(url, data, follow=True)

    assert response.redirect_chain[-1][0] == activity.get_absolute_url() + "#sessions"
    assert b"Attendance saved." in response.content
    assert dict(Attendance.objects.values_list("participant", "status")) == {
        ann.pk: "attended",
        bo.pk: "apologies",
    }


def test_the_people_list_keeps_the_search_when_turning_the_page(staff_client, brightwater):
    for n in range(30):
        ParticipantFactory(organisation=brightwater, name=f"Tom & Jo {n:02}")
    response = staff_client.get(reverse("activities:participant-list"), {"q": "tom & jo"})
    assert "?q=tom+%26+jo&amp;page=2" in response.content.decode()
    page_2 = staff_client.get(reverse("activities:participant-list"), {"q": "tom & jo", "page": 2})
    assert len(page_2.context["object_list"]) == 5


def glance(response) -> dict[str, str]:
    rows = Page.of(response).rows
    keys = ("People involved", "Invited", "Volunteered", "Sessions held", "Attendances recorded")
    return {key: rows[key] for key in keys}


def test_the_activity_page_hides_counts_under_the_organisations_threshold(
    staff_client, activity, brightwater
):
    people = [InvolvementFactory(activity=activity).participant for _ in range(7)]
    people.append(InvolvementFactory(activity=activity, came_in="volunteered").participant)
    session = SessionFactory(activity=activity, starts_at=timezone.now() - datetime.timedelta(1))
    for person in people[:5]:
        AttendanceFactory(session=session, participant=person)

    assert glance(staff_client.get(activity.get_absolute_url())) == {
        "People involved": "8",
        "Invited": "*",
        "Volunteered": "*",
        "Sessions held": "1",
        "Attendances recorded": "*",
    }

    brightwater.suppression_threshold = 5
    brightwater.save()
    assert glance(staff_client.get(activity.get_absolute_url()))["Attendances recorded"] == "5"

    brightwater.suppression_threshold = 10
    brightwater.save()
    assert glance(staff_client.get(activity.get_absolute_url()))["People involved"] == "*"


def test_only_admins_and_staff_see_who_is_involved_everyone_sees_the_counts(
    client_for, people, brightwater, staff, service_user
):
    jordan = ParticipantFactory(organisation=brightwater, name="Jordan R", user=service_user)
    activity = ActivityFactory(organisation=brightwater, created_by=staff)
    InvolvementFactory(activity=activity, participant=jordan)
    InvolvementFactory(activity=activity, participant__name="Ann Lee")
    detail = reverse("activities:participant-detail", args=[jordan.pk])
    for persona, sees_names in [
        ("org_admin", True),
        ("staff", True),
        ("trustee", False),
        ("service_user", False),
    ]:
        response = client_for(people[persona]).get(activity.get_absolute_url())
        html = response.content.decode()
        assert glance(response)["People involved"] == "*"
        assert ("Ann Lee" in html) is sees_names, persona
        assert (detail in html) is sees_names, persona
