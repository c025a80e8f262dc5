"""A person in two organisations works in one at a time and can switch between them."""

import pytest
from django.urls import reverse

from involvement.models import Role

from ..factories import ActivityFactory, MembershipFactory, UserFactory


@pytest.fixture
def in_both(staff, northgate):
    """Sam is staff at brightwater and, here, a trustee at northgate too."""
    MembershipFactory(user=staff, organisation=northgate, role=Role.TRUSTEE)
    return staff


@pytest.fixture
def two_activities(brightwater, northgate):
    ActivityFactory(organisation=brightwater, title="Brightwater forum")
    ActivityFactory(organisation=northgate, title="Northgate panel")


def titles(response) -> set[str]:
    return {activity.title for activity in response.context["object_list"]}


def test_someone_in_two_organisations_starts_in_the_first(in_both, two_activities, client_for):
    response = client_for(in_both).get(reverse("activities:activity-list"))
    assert titles(response) == {"Brightwater forum"}
    assert b'id="organisation-switch"' in response.content


def test_switching_organisation_changes_what_they_see_and_their_role(
    in_both, two_activities, northgate, client_for
):
    client = client_for(in_both)
    response = client.post(reverse("organisation-switch"), {"organisation": northgate.pk})
    assert response.status_code == 302

    response = client.get(reverse("activities:activity-list"))
    assert titles(response) == {"Northgate panel"}
    assert response.wsgi_request.membership.role == Role.TRUSTEE
    # As a trustee at northgate, Sam may no longer plan activities there.
    assert client.get(reverse("activities:activity-create")).status_code == 403


def test_switching_to_an_organisation_they_are_not_in_is_not_found(
    staff, two_activities, northgate, client_for
):
    client = client_for(staff)
    response = client.post(reverse("organisation-switch"), {"organisation": northgate.pk})
    assert response.status_code == 404
    assert titles(client.get(reverse("activities:activity-list"))) == {"Brightwater forum"}


def test_someone_in_one_organisation_is_not_offered_a_switch(staff, client_for):
    response = client_for(staff).get(reverse("activities:activity-list"))
    assert b'id="organisation-switch"' not in response.content


def test_someone_in_no_organisation_is_told_so(client_for, db):
    client = client_for(UserFactory())
    assert client.get(reverse("home")).url == reverse("no-organisation")
    assert client.get(reverse("activities:activity-list")).url == reverse("no-organisation")
    assert client.get(reverse("no-organisation")).status_code == 200


@pytest.mark.parametrize("value", ["", "abc", "99999999999999999999999", "1 OR 1=1"])
def test_a_tampered_organisation_choice_is_not_found(in_both, client_for, value):
    response = client_for(in_both).post(reverse("organisation-switch"), {"organisation": value})
    assert response.status_code == 404
