"""An organisation admin's settings page: name, financial year, small-count threshold."""

import pytest
from django.urls import reverse

from ..pages import assert_field_error

URL = reverse("organisation-settings")


@pytest.fixture
def admin_client(client_for, org_admin):
    return client_for(org_admin)


def settings_data(**overrides):
    return {
        "name": "Brightwater Trust",
        "year_start_month": "4",
        "suppression_threshold": "10",
        **overrides,
    }


def test_an_admin_raises_the_threshold_and_renames_the_organisation(admin_client, brightwater):
    response = admin_client.post(URL, settings_data(), follow=True)
    assert "Settings saved." in response.content.decode()
    brightwater.refresh_from_db()
    assert (brightwater.name, brightwater.suppression_threshold) == ("Brightwater Trust", 10)


def test_the_threshold_cannot_go_below_five(admin_client, brightwater):
    response = admin_client.post(URL, settings_data(name="Renamed", suppression_threshold="4"))
    page = assert_field_error(
        response,
        "suppression_threshold",
        "It cannot go below 5: fewer people than that could be picked out.",
    )
    assert page.value("suppression_threshold") == "4"
    assert page.value("name") == "Renamed"
    brightwater.refresh_from_db()
    assert (brightwater.name, brightwater.suppression_threshold) == (
        "Brightwater Health and Care Trust",
        8,
    )


def test_an_empty_name_is_refused_and_the_header_still_shows_the_real_name(admin_client):
    response = admin_client.post(URL, settings_data(name=""))
    assert_field_error(response, "name", "Enter the organisation's name.")
    header = 'inv-org-name">Brightwater Health and Care Trust</span>'
    assert header in response.content.decode()


def test_settings_change_only_the_admins_own_organisation(client_for, people, brightwater):
    client_for(people["other_org_admin"]).post(URL, settings_data(name="Northgate renamed"))
    brightwater.refresh_from_db()
    assert brightwater.name == "Brightwater Health and Care Trust"


def test_a_month_outside_the_year_is_refused(admin_client, brightwater):
    response = admin_client.post(URL, settings_data(year_start_month="13"))
    assert response.status_code == 200
    assert "year_start_month" in response.context["form"].errors
    brightwater.refresh_from_db()
    assert brightwater.year_start_month == 4


def test_a_name_is_kept_on_one_line(admin_client, brightwater):
    admin_client.post(URL, settings_data(name="Bright\nwater   Trust"))
    brightwater.refresh_from_db()
    assert brightwater.name == "Bright water Trust"
