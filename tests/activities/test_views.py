"""The activity pages doing their job with good input."""

import uuid

from django.urls import reverse

from activities.models import (
    AccessibilityCheck,
    Activity,
    Agreement,
    AgreementEvent,
    Aim,
    Session,
)

from ..factories import ActivityFactory, SessionFactory, first_approach, influence_level


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
