"""Training the people involved have completed (Table 1: users completing training)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from outcomes.models import TrainingRecord
from participant.services import participant_erase

from ..factories import ParticipantFactory, TrainingRecordFactory
from ..pages import assert_field_error

LIST = reverse("outcomes:training-list")
ADD = reverse("outcomes:training-create")


@pytest.fixture
def ann(brightwater):
    return ParticipantFactory(organisation=brightwater, name="Ann Lee")


def training(person, **changes):
    return {
        "participant": person.pk,
        "course": "Recruitment panel training",
        "completed_on": "2026-05-12",
        **changes,
    }


def test_staff_record_training_someone_completed(staff_client, staff, ann, brightwater):
    response = staff_client.post(ADD, training(ann), follow=True)
    assert response.redirect_chain[-1][0] == LIST
    html = response.content.decode()
    assert "Recorded that Ann Lee completed Recruitment panel training." in html
    record = TrainingRecord.objects.get()
    assert (record.participant, record.course, record.completed_on) == (
        ann,
        "Recruitment panel training",
        datetime.date(2026, 5, 12),
    )
    assert (record.organisation, record.recorded_by) == (brightwater, staff)
    assert "12 May 2026" in html


def test_recording_the_same_training_twice_keeps_one(staff_client, ann):
    staff_client.post(ADD, training(ann))
    staff_client.post(ADD, training(ann))
    assert TrainingRecord.objects.count() == 1
    staff_client.post(ADD, training(ann, completed_on="2026-06-01"))
    assert TrainingRecord.objects.count() == 2


@pytest.mark.parametrize(
    "field, typed, message",
    [
        ("completed_on", "", "Enter the date they completed it."),
        ("completed_on", "2026-02-30", "Enter a real date."),
        ("completed_on", "1999-12-31", "Enter a date from 2000 onwards."),
        ("course", "", "Enter the name of the training."),
        ("participant", "", "Choose who completed the training."),
        ("participant", "999999", "Choose someone from the list."),
    ],
)
def test_training_that_cannot_be_recorded_is_refused_and_kept(
    field, typed, message, staff_client, ann
):
    data = training(ann, **{field: typed})
    response = staff_client.post(ADD, data)
    page = assert_field_error(response, field, message)
    kept = {name: value for name, value in data.items() if name != field}
    for name, value in kept.items():
        assert page.value(name) == str(value), name
    assert not TrainingRecord.objects.exists()


def test_training_cannot_be_completed_in_the_future(staff_client, ann):
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    response = staff_client.post(ADD, training(ann, completed_on=tomorrow))
    page = assert_field_error(response, "completed_on", "The date cannot be in the future.")
    assert page.value("completed_on") == tomorrow
    assert not TrainingRecord.objects.exists()


def test_someone_from_another_organisation_cannot_be_chosen(staff_client, northgate):
    theirs = ParticipantFactory(organisation=northgate, name="Northgate person")
    assert "Northgate person" not in staff_client.get(ADD).content.decode()
    response = staff_client.post(ADD, training(theirs))
    assert_field_error(response, "participant", "Choose someone from the list.")
    assert not TrainingRecord.objects.exists()


def test_an_erased_person_is_not_offered(staff_client, ann):
    participant_erase(participant=ann)
    page = staff_client.get(ADD).content.decode()
    assert 'id="id_participant"' in page
    assert f'value="{ann.pk}"' not in page
    response = staff_client.post(ADD, training(ann))
    assert_field_error(response, "participant", "Choose someone from the list.")


def test_the_list_shows_the_organisations_training_newest_first(
    staff_client, ann, brightwater, northgate
):
    TrainingRecordFactory(
        participant=ann, course="Safeguarding", completed_on=datetime.date(2026, 3, 1)
    )
    TrainingRecordFactory(
        participant=ann, course="Chairing", completed_on=datetime.date(2026, 6, 1)
    )
    TrainingRecordFactory(
        participant=ParticipantFactory(organisation=northgate), course="Elsewhere"
    )
    html = staff_client.get(LIST).content.decode()
    assert html.index("Chairing") < html.index("Safeguarding")
    assert "Elsewhere" not in html
    assert reverse("activities:participant-detail", args=[ann.pk]) in html


def test_the_list_comes_in_pages_of_50(staff_client, ann):
    for day in range(1, 61):
        TrainingRecordFactory(
            participant=ann,
            course=f"Course {day}",
            completed_on=datetime.date(2026, 1, 1) + datetime.timedelta(days=day),
        )
    html = staff_client.get(LIST).content.decode()
    assert "Page 1 of 2" in html
    assert html.count('<tr class="govuk-table__row">') == 51  # the heading and 50 records


@pytest.mark.parametrize("persona", ["trustee", "service_user"])
def test_only_staff_see_and_record_training(persona, people, client_for, ann):
    client = client_for(people[persona])
    assert client.get(LIST).status_code == 403
    assert client.get(ADD).status_code == 403
    assert client.post(ADD, training(ann)).status_code == 403
    assert not TrainingRecord.objects.exists()


def test_the_dashboard_links_to_training_for_staff_only(client_for, staff, trustee):
    assert LIST in client_for(staff).get(reverse("outcomes:dashboard")).content.decode()
    assert LIST not in client_for(trustee).get(reverse("outcomes:dashboard")).content.decode()
