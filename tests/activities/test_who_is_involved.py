"""Who is involved, at a glance: counts by age, gender, ethnicity and disability against the
people the organisation serves, small numbers hidden, and who is missing."""

import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from activities import selectors
from activities.models import Participant
from participant.services import participant_erase

from ..factories import (
    AboutYouFactory,
    ActivityFactory,
    InvolvementFactory,
    ParticipantFactory,
    PopulationGroupFactory,
    SessionFactory,
    first_approach,
)
from ..pages import Page, assert_field_error

URL = reverse("activities:who-is-involved")


def involve(activity, count, **answers):
    """`count` new people involved in `activity`, each with these "about you" answers (none
    when no answers are given)."""
    people = []
    for _ in range(count):
        involvement = InvolvementFactory(activity=activity)
        if answers:
            AboutYouFactory(participant=involvement.participant, **answers)
        people.append(involvement.participant)
    return people


def population(organisation, question, **percents):
    for answer, percent in percents.items():
        PopulationGroupFactory(
            organisation=organisation, question=question, answer=answer, percent=percent
        )


def row(range_, question, answer):
    question = next(q for q in range_["questions"] if q["key"] == question)
    return next(r for r in question["rows"] if r["answer"] == answer)


@pytest.fixture
def activity(brightwater, staff):
    return ActivityFactory(organisation=brightwater, created_by=staff, title="Voices Council")


def test_counts_at_or_above_the_threshold_are_shown_with_their_share(brightwater, activity):
    involve(activity, 9, age_band="65_74")
    involve(activity, 11, age_band="25_34")
    involved = Participant.objects.filter(involvements__activity=activity)
    range_ = selectors.range_of_people(involved, brightwater)
    assert row(range_, "age_band", "65_74") | {"population": None} == {
        "answer": "65_74",
        "label": "65 to 74",
        "count": 9,
        "percent": 45,
        "population": None,
    }
    assert row(range_, "age_band", "25_34")["count"] == 11
    assert row(range_, "age_band", "75_plus")["count"] == 0
    age = range_["questions"][0]
    assert (age["key"], age["answered"]) == ("age_band", 20)


def test_a_small_count_is_hidden_and_so_is_the_next_smallest(brightwater, activity):
    involve(activity, 2, gender="non_binary")
    involve(activity, 9, gender="woman")
    involve(activity, 12, gender="man")
    involved = Participant.objects.filter(involvements__activity=activity)
    range_ = selectors.range_of_people(involved, brightwater)
    non_binary = row(range_, "gender", "non_binary")
    woman = row(range_, "gender", "woman")
    # The total (23) is shown, so hiding only the 2 would let it be worked out from the rest.
    assert (non_binary["count"], non_binary["percent"]) == ("*", None)
    assert (woman["count"], woman["percent"]) == ("*", None)
    assert row(range_, "gender", "man")["count"] == 12


def test_everything_under_a_raised_threshold_is_hidden(brightwater, activity):
    brightwater.suppression_threshold = 12
    brightwater.save()
    involve(activity, 10, disability="yes")
    involved = Participant.objects.filter(involvements__activity=activity)
    question = selectors.range_of_people(involved, brightwater)["questions"][3]
    assert question["answered"] == "*"
    assert row({"questions": [question]}, "disability", "yes")["count"] == "*"


def test_a_group_much_smaller_among_the_people_involved_is_named_as_missing(brightwater, activity):
    involve(activity, 20, age_band="25_34")
    involve(activity, 1, age_band="65_74")  # 5%: less than half of 18%
    # 75 or over is under 5% of the people served: too small a group to prompt about.
    population(brightwater, "age_band", **{"65_74": 18, "25_34": 30, "75_plus": 4})
    involved = Participant.objects.filter(involvements__activity=activity)
    missing = selectors.range_of_people(involved, brightwater)["missing"]
    assert [(str(m["group"]), m["percent"]) for m in missing] == [("People aged 65 to 74", 18)]


def test_a_group_at_least_half_its_share_is_not_missing(brightwater, activity):
    involve(activity, 10, gender="woman")
    involve(activity, 10, gender="man")
    population(brightwater, "gender", woman=52, man=48)
    involved = Participant.objects.filter(involvements__activity=activity)
    assert selectors.range_of_people(involved, brightwater)["missing"] == []


def test_the_page_shows_the_prompt_without_any_hidden_number(
    client_for, trustee, brightwater, activity
):
    involve(activity, 25, age_band="25_34")
    involve(activity, 2, age_band="65_74")  # 7%: less than half of 18%
    population(brightwater, "age_band", **{"65_74": 18})
    page = client_for(trustee).get(URL).content.decode()
    prompt = (
        "People aged 65 to 74 make up 18% of the people you serve, but fewer of the people "
        "involved. Think about how to reach them."
    )
    prompts = page.split('id="who-is-missing"')[1].split("</ul>")[0].split("<li>")[1:]
    assert [" ".join(item.replace("</li>", "").split()) for item in prompts] == [prompt]
    assert "not entered" in page


def test_the_page_counts_people_staff_sessions_and_how_they_came_in(
    client_for, staff, org_admin, brightwater, activity
):
    involve(activity, 6)
    for _ in range(4):
        InvolvementFactory(activity=activity, came_in="volunteered")
    activity.staff_involved.set([staff, org_admin])
    other = ActivityFactory(organisation=brightwater, created_by=staff)
    other.staff_involved.set([staff])
    SessionFactory(activity=activity)  # 10 March 2026: in the past when the tests run later
    rows = Page.of(client_for(staff).get(URL)).rows
    assert rows["People involved"] == "10"
    assert rows["Staff involved"] == "2"
    # 6 invited and 4 volunteered: both hidden, as one alone could be worked out from 10.
    assert (rows["Invited"], rows["Volunteered"]) == ("*", "*")


def test_an_erased_person_still_counts_but_their_answers_are_gone(brightwater, activity):
    people = involve(activity, 8, disability="no")
    participant_erase(participant=people[0])
    figures = selectors.who_is_involved(organisation=brightwater)
    assert figures["people"] == 8
    assert figures["range"]["questions"][3]["answered"] == "*"  # 7 answers left


def test_when_nobody_has_answered_the_page_says_so_and_how_people_answer(
    client_for, staff, activity
):
    involve(activity, 3)
    page = client_for(staff).get(URL).content.decode()
    assert "Nobody involved has told us about themselves yet" in page
    assert 'href="#how-answers-are-collected"' in page
    assert 'id="how-answers-are-collected"' in page


def test_another_organisations_people_are_not_counted(
    client_for, other_org_staff, brightwater, activity
):
    involve(activity, 10, gender="woman")
    page = Page.of(client_for(other_org_staff).get(URL))
    assert page.rows["People involved"] == "0"


@pytest.mark.parametrize("persona", ["service_user"])
def test_service_users_cannot_see_who_is_involved(client_for, people, persona):
    assert client_for(people[persona]).get(URL).status_code == 403


def test_the_page_costs_the_same_at_10_and_200_people(
    client_for, staff, brightwater, activity, django_assert_max_num_queries
):
    ages = itertools.cycle(["18_24", "45_54", "65_74", "prefer_not", ""])
    genders = itertools.cycle(["woman", "man", "non_binary"])

    def add(count):
        for person in involve(activity, count):
            AboutYouFactory(participant=person, age_band=next(ages), gender=next(genders))

    client = client_for(staff)
    add(10)
    client.get(URL)  # warm the session and membership caches
    with CaptureQueriesContext(connection) as at_10:
        assert client.get(URL).status_code == 200
    add(190)
    with django_assert_max_num_queries(15), CaptureQueriesContext(connection) as at_200:
        client.get(URL)
    assert len(at_200.captured_queries) == len(at_10.captured_queries)


def test_the_activity_page_shows_its_staff_and_range_of_people(
    client_for, staff, org_admin, activity
):
    involve(activity, 9, ethnicity="white")
    activity.staff_involved.set([org_admin])
    page = client_for(staff).get(activity.get_absolute_url()).content.decode()
    assert Page(page).rows["Staff involved"] == "Amara Okafor"
    assert 'id="range-of-people"' in page
    assert 'id="range-ethnicity-caption"' in page


def test_a_service_user_sees_no_range_of_people_on_the_activity_page(
    client_for, service_user, brightwater, staff
):
    jordan = ParticipantFactory(organisation=brightwater, name="Jordan R", user=service_user)
    activity = ActivityFactory(organisation=brightwater, created_by=staff, agreed_with=[jordan])
    involve(activity, 9, ethnicity="white")
    page = client_for(service_user).get(activity.get_absolute_url()).content.decode()
    assert 'id="range-of-people"' not in page


def test_the_people_list_and_overview_link_to_who_is_involved(client_for, staff):
    client = client_for(staff)
    for name in ("activities:participant-list", "activities:activity-overview"):
        assert f'href="{URL}"' in client.get(reverse(name)).content.decode()


def plan(**overrides) -> dict:
    return {
        "title": "Voices Council",
        "overview": "A monthly group that shapes the service.",
        "starts_on": "2026-04-01",
        "approach": first_approach().pk,
        "decision_level": "service",
        **overrides,
    }


def test_the_plan_records_which_staff_are_involved(client_for, staff, org_admin, activity):
    url = reverse("activities:activity-update", args=[activity.pk])
    response = client_for(staff).post(url, plan(staff_involved=[staff.pk, org_admin.pk]))
    assert response.status_code == 302
    assert set(activity.staff_involved.all()) == {staff, org_admin}
    assert selectors.activity_at_a_glance(activity)["staff"] == 2


def test_only_the_organisations_admins_and_staff_can_be_staff_involved(
    client_for, staff, trustee, other_org_staff, activity
):
    page = Page.of(client_for(staff).get(reverse("activities:activity-create")))
    assert {"id_staff_involved_1", "id_staff_involved_2"} <= page.ids
    assert "id_staff_involved_3" not in page.ids  # the admin and staff, not the trustee
    url = reverse("activities:activity-update", args=[activity.pk])
    for outsider in (trustee, other_org_staff):
        response = client_for(staff).post(url, plan(title="Renamed", staff_involved=[outsider.pk]))
        page = assert_field_error(
            response, "staff_involved", "Choose staff from your own organisation.", choices=True
        )
        assert page.value("title") == "Renamed"
    assert not activity.staff_involved.exists()
