"""An organisation admin's settings page: name, financial year, small-count threshold, and
the days to respond to what people say."""

import pytest
from django.urls import reverse

from ..pages import Page, assert_field_error

URL = reverse("organisation-settings")


@pytest.fixture
def admin_client(client_for, org_admin):
    return client_for(org_admin)


def settings_data(**overrides):
    return {
        "name": "Brightwater Trust",
        "year_start_month": "4",
        "suppression_threshold": "10",
        "response_days": "30",
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


def test_the_form_shows_the_days_to_respond(admin_client):
    page = Page.of(admin_client.get(URL))
    assert page.value("response_days") == "30"


@pytest.mark.parametrize("days", ["1", "14", "365"])
def test_an_admin_sets_the_days_to_respond(days, admin_client, brightwater):
    response = admin_client.post(URL, settings_data(response_days=days), follow=True)
    assert "Settings saved." in response.content.decode()
    brightwater.refresh_from_db()
    assert brightwater.response_days == int(days)


@pytest.mark.parametrize(
    "typed, message",
    [
        ("0", "Enter at least 1 day."),
        ("-5", "Enter at least 1 day."),
        ("366", "Enter 365 days or fewer."),
        ("abc", "Enter a whole number of days, like 30."),
        ("2.5", "Enter a whole number of days, like 30."),
        ("", "Enter the number of days to respond."),
    ],
)
def test_days_to_respond_outside_1_to_365_are_refused_and_kept(
    typed, message, admin_client, brightwater
):
    data = settings_data(name="Renamed", response_days=typed)
    page = assert_field_error(admin_client.post(URL, data), "response_days", message)
    assert page.value("response_days") == typed
    assert page.value("name") == "Renamed"
    brightwater.refresh_from_db()
    assert (brightwater.name, brightwater.response_days) == (
        "Brightwater Health and Care Trust",
        30,
    )
