"""The population profile: who the organisation's services serve, entered by admins and staff."""

from decimal import Decimal

import pytest
from django.urls import reverse

from activities import services
from activities.models import PopulationGroup

from ..factories import PopulationGroupFactory
from ..pages import Page, assert_field_error

URL = reverse("activities:population-profile")


def profile_of(organisation) -> dict:
    rows = PopulationGroup.objects.filter(organisation=organisation)
    return {(g.question, g.answer): g.percent for g in rows}


def test_staff_enter_who_their_services_serve(client_for, staff, brightwater, northgate):
    PopulationGroupFactory(organisation=northgate, question="gender", answer="woman", percent=60)
    response = client_for(staff).post(
        URL, {"age_band__65_74": "18", "gender__woman": "51.5", "gender__man": "48.5"}
    )
    assert response.status_code == 302
    assert response.url == reverse("activities:who-is-involved")
    assert profile_of(brightwater) == {
        ("age_band", "65_74"): Decimal("18"),
        ("gender", "woman"): Decimal("51.5"),
        ("gender", "man"): Decimal("48.5"),
    }
    assert profile_of(northgate) == {("gender", "woman"): Decimal("60")}


def test_saving_again_replaces_the_profile_and_empty_boxes_have_no_row(
    client_for, org_admin, brightwater
):
    PopulationGroupFactory(organisation=brightwater, question="gender", answer="man", percent=40)
    client_for(org_admin).post(URL, {"gender__woman": "50", "gender__man": ""})
    assert profile_of(brightwater) == {("gender", "woman"): Decimal("50")}


def test_the_form_shows_what_was_entered_before(client_for, staff, brightwater):
    PopulationGroupFactory(
        organisation=brightwater, question="ethnicity", answer="asian", percent=Decimal("12.5")
    )
    page = Page.of(client_for(staff).get(URL))
    assert page.value("ethnicity__asian") == "12.5"
    assert page.value("ethnicity__white") == ""
    assert "prefer_not" not in " ".join(page.values)
    assert {"population-age_band", "population-disability"} <= page.ids


def test_a_question_adding_up_to_more_than_100_is_an_error_beside_it(
    client_for, staff, brightwater
):
    PopulationGroupFactory(organisation=brightwater, question="gender", answer="woman", percent=50)
    data = {"gender__woman": "60", "gender__man": "45.5", "age_band__18_24": "10"}
    response = client_for(staff).post(URL, data)
    message = "The percentages for gender add up to 105.5%: make them add up to 100 or less"
    page = Page.of(response)
    assert response.status_code == 200
    assert ("#id_gender__woman", message) in page.summary_links
    assert ("population-gender-error", f"Error: {message}") in page.field_errors
    assert (page.value("gender__woman"), page.value("gender__man")) == ("60", "45.5")
    assert page.value("age_band__18_24") == "10"
    assert profile_of(brightwater) == {("gender", "woman"): Decimal("50")}


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("lots", "Enter a number, like 12.5"),
        ("101", "Enter a percentage from 0 to 100"),
        ("-1", "Enter a percentage from 0 to 100"),
        ("12.25", "Use one decimal place at most, like 12.5"),
    ],
)
def test_a_percentage_that_is_not_one_is_an_error_beside_the_box(
    client_for, staff, brightwater, typed, message
):
    response = client_for(staff).post(URL, {"disability__yes": typed, "gender__man": "40"})
    page = assert_field_error(response, "disability__yes", message)
    assert page.value("disability__yes") == typed
    assert page.value("gender__man") == "40"
    assert not PopulationGroup.objects.filter(organisation=brightwater).exists()


@pytest.mark.parametrize("persona", ["trustee", "service_user"])
def test_only_admins_and_staff_change_the_profile(client_for, people, brightwater, persona):
    client = client_for(people[persona])
    assert client.get(URL).status_code == 403
    assert client.post(URL, {"gender__woman": "50"}).status_code == 403
    assert not PopulationGroup.objects.filter(organisation=brightwater).exists()


def test_the_service_replaces_rows_for_one_organisation_only(brightwater, northgate):
    PopulationGroupFactory(organisation=northgate, question="disability", answer="yes", percent=22)
    services.population_profile_save(
        organisation=brightwater,
        values={("disability", "yes"): Decimal("19"), ("disability", "no"): None},
    )
    assert profile_of(brightwater) == {("disability", "yes"): Decimal("19")}
    assert profile_of(northgate) == {("disability", "yes"): Decimal("22")}
