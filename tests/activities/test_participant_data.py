"""A person's data: downloaded whole, and erased without losing what their involvement counts."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from activities import services
from activities.forms import InvolvementForm
from activities.models import Attendance, Involvement, Participant

from ..factories import (
    ActivityFactory,
    AttendanceFactory,
    InvolvementFactory,
    ParticipantFactory,
    SessionFactory,
)


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
    response = client_for(staff).get(reverse("activities:participant-export", args=[dee.pk]))
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
    url = reverse("activities:participant-export", args=[dee.pk])

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
    response = client.post(reverse("activities:participant-erase", args=[dee.pk]), follow=True)
    page = response.content.decode()
    assert "identity and personal details were erased" in page
    assert "Dee Walsh" not in page
    assert Participant.objects.get(pk=dee.pk).erased_at is not None


def test_an_erased_person_cannot_be_edited_exported_or_involved_again(
    client_for, org_admin, dee, brightwater, staff
):
    services.participant_erase(participant=dee)
    client = client_for(org_admin)
    for name in ("participant-update", "participant-export", "participant-erase"):
        assert client.get(reverse(f"activities:{name}", args=[dee.pk])).status_code == 404
    assert client.get(reverse("activities:participant-detail", args=[dee.pk])).status_code == 200
    activity = ActivityFactory(organisation=brightwater, created_by=staff)
    assert dee not in InvolvementForm(activity=activity).fields["participant"].queryset
