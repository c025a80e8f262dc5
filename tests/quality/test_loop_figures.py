"""Closing-the-loop figures (share with a response, median days to respond, overdue), on
fixtures counted by hand; the overdue list on the quality overview; and what the loop pages
cost in queries as contributions grow."""

import datetime
import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from involvement.models import Organisation
from quality.models import Contribution
from quality.selectors import loop_figures, overdue

from ..factories import (
    ActivityFactory,
    ContributionFactory,
    FeedbackRequestFactory,
    FeedbackResponseFactory,
    InvolvementFactory,
)
from ..pages import Page

LONDON = zoneinfo.ZoneInfo("Europe/London")
OVERVIEW = reverse("quality:quality-overview")
D = datetime.date


def at(year, month, day, hour=12, minute=0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=LONDON)


def days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


def list_url(activity) -> str:
    return reverse("quality:contribution-list", args=[activity.pk])


def responded(activity, raised_on, responded_at, **fields) -> Contribution:
    fields = {"decision": "accepted", "what_changed": "Done.", **fields}
    return ContributionFactory(
        activity=activity,
        raised_on=raised_on,
        status="responded",
        responded_at=responded_at,
        **fields,
    )


def waiting(activity, days_old, **fields) -> Contribution:
    return ContributionFactory(activity=activity, raised_on=days_ago(days_old), **fields)


def set_response_days(organisation, days):
    Organisation.objects.filter(pk=organisation.pk).update(response_days=days)
    organisation.refresh_from_db()


@pytest.fixture
def loop(brightwater, northgate, staff, activity):
    """Counted by hand. Brightwater responds within 30 days (the default). Voices Council
    (V) and Carers' panel (C):

        on  raised          responded (London time)          days
        V   1 May 2026      4 May 00:30 (3 May 23:30 UTC)    3
        V   1 May 2026      11 May 12:00                     10
        V   2 Jun 2026      2 Jun 09:00                      0
        C   1 May 2026      1 Jun 12:00                      31
        V   31 days ago     -                                overdue
        V   30 days ago     -                                not yet: the last day
        V   yesterday       -
        C   400 days ago    -                                overdue

    Brightwater: 8, 4 with a response (50%), median of 0 3 10 31 = 6.5 days, 2 overdue.
    Voices Council: 6, 3 with a response (50%), median of 0 3 10 = 3 days, 1 overdue.
    Northgate has one of its own, 100 days old, counted by nobody here."""
    assert brightwater.response_days == 30
    carers = ActivityFactory(organisation=brightwater, created_by=staff, title="Carers' panel")
    rows = {
        "three": responded(activity, D(2026, 5, 1), at(2026, 5, 4, 0, 30)),
        "ten": responded(activity, D(2026, 5, 1), at(2026, 5, 11)),
        "none": responded(activity, D(2026, 6, 2), at(2026, 6, 2, 9)),
        "month": responded(carers, D(2026, 5, 1), at(2026, 6, 1)),
        "overdue": waiting(activity, 31, text="A hearing loop in the meeting room."),
        "last_day": waiting(activity, 30, text="Agendas a week before."),
        "new": waiting(activity, 1, text="Biscuits without gluten."),
        "old": waiting(carers, 400, text="Parking for carers."),
    }
    waiting(ActivityFactory(organisation=northgate), 100, text="Northgate's own request.")
    return {"carers": carers, **rows}


def test_the_organisations_figures_counted_by_hand(brightwater, loop):
    assert loop_figures(brightwater) == {
        "total": 8,
        "responded": 4,
        "responded_percent": 50,
        "median_days_to_respond": 6.5,
        "overdue": 2,
        "limit_days": 30,
    }


def test_an_activitys_figures_counted_by_hand(brightwater, activity, loop):
    assert loop_figures(brightwater, activity) == {
        "total": 6,
        "responded": 3,
        "responded_percent": 50,
        "median_days_to_respond": 3,
        "overdue": 1,
        "limit_days": 30,
    }


def test_days_to_respond_count_from_the_london_date_of_the_response(brightwater, activity):
    # 23:30 UTC on 3 May is already 4 May in London: 3 days, not 2.
    responded(activity, D(2026, 5, 1), datetime.datetime(2026, 5, 3, 23, 30, tzinfo=datetime.UTC))
    assert loop_figures(brightwater)["median_days_to_respond"] == 3


def test_with_nothing_said_there_is_no_share_or_median(brightwater):
    assert loop_figures(brightwater) == {
        "total": 0,
        "responded": 0,
        "responded_percent": None,
        "median_days_to_respond": None,
        "overdue": 0,
        "limit_days": 30,
    }


def test_the_share_responded_is_rounded_to_a_whole_percent(brightwater, activity):
    responded(activity, D(2026, 5, 1), at(2026, 5, 2))
    waiting(activity, 1)
    waiting(activity, 2)
    figures = loop_figures(brightwater)
    assert (figures["responded"], figures["total"], figures["responded_percent"]) == (1, 3, 33)


def test_overdue_starts_the_day_after_the_limit(brightwater, activity):
    """Raised 30 days ago is on its last day; raised 31 days ago is overdue."""
    last_day = waiting(activity, 30)
    assert list(overdue(brightwater)) == []
    assert loop_figures(brightwater)["overdue"] == 0
    late = waiting(activity, 31)
    assert list(overdue(brightwater)) == [late]
    assert loop_figures(brightwater)["overdue"] == 1
    assert last_day not in overdue(brightwater)


def test_a_response_takes_a_contribution_off_the_overdue_list(brightwater, activity):
    late = waiting(activity, 45)
    assert list(overdue(brightwater)) == [late]
    Contribution.objects.filter(pk=late.pk).update(
        status="responded",
        decision="not_ours",
        who_decides="The council",
        responded_at=at(2026, 6, 1),
    )
    assert list(overdue(brightwater)) == []
    assert loop_figures(brightwater)["overdue"] == 0


@pytest.mark.parametrize("days, expected", [(30, 2), (29, 3), (31, 1), (1, 3), (365, 1)])
def test_the_organisations_limit_decides_what_is_overdue(days, expected, brightwater, loop):
    set_response_days(brightwater, days)
    figures = loop_figures(brightwater)
    assert (figures["overdue"], figures["limit_days"]) == (expected, days)
    assert overdue(brightwater).count() == expected


def test_overdue_lists_the_oldest_first_and_only_the_organisations_own(brightwater, loop):
    assert list(overdue(brightwater)) == [loop["old"], loop["overdue"]]


def test_the_list_page_shows_the_activitys_figures(staff_client, activity, loop):
    rows = Page.of(staff_client.get(list_url(activity))).rows
    assert rows["Suggestions and requests"] == "6"
    assert rows["With a response"] == "3 (50%)"
    assert rows["Median days to respond"] == "3"
    assert rows["Overdue (no response after 30 days)"] == "1"


def test_the_list_page_with_nothing_said_shows_dashes(staff_client, activity):
    page = Page.of(staff_client.get(list_url(activity)))
    assert page.rows["Suggestions and requests"] == "0"
    assert page.rows["With a response"] == "–"
    assert page.rows["Median days to respond"] == "–"
    assert "Nothing recorded yet." in staff_client.get(list_url(activity)).content.decode()


# The quality overview


def test_the_overview_shows_the_organisations_figures(staff_client, loop):
    rows = Page.of(staff_client.get(OVERVIEW)).rows
    assert rows["Suggestions and requests"] == "8"
    assert rows["With a response"] == "4 (50%)"
    assert rows["Median days to respond"] == "6.5"
    assert rows["Overdue (no response after 30 days)"] == "2"


def test_the_overview_lists_overdue_items_for_staff(staff_client, activity, loop):
    html = staff_client.get(OVERVIEW).content.decode()
    listed = html.split('id="loop"')[1].split("Activities by rating")[0]
    # Oldest first: each item names its activity and leads to the contribution.
    items = listed.split("Overdue</h3>")[1].split("</ul>")[0].split("<li")[1:]
    assert len(items) == 2
    oldest, late = items
    assert f'href="{list_url(loop["carers"])}#contribution-{loop["old"].pk}"' in oldest
    assert "Carers&#x27; panel" in oldest
    assert "Parking for carers." in oldest
    assert f'href="{list_url(activity)}#contribution-{loop["overdue"].pk}"' in late
    assert "Voices Council" in late
    assert "A hearing loop in the meeting room." in late
    raised = days_ago(31)
    assert f"(raised {raised.day} {raised:%B %Y})" in late
    for not_overdue in ("Agendas a week before.", "Biscuits without gluten.", "Northgate"):
        assert not_overdue not in listed


def test_the_overview_has_no_overdue_list_when_nothing_is_overdue(staff_client, activity):
    waiting(activity, 30)
    html = staff_client.get(OVERVIEW).content.decode()
    assert "Overdue</h3>" not in html
    assert Page.of(staff_client.get(OVERVIEW)).rows["Overdue (no response after 30 days)"] == "0"


def test_trustees_see_the_figures_but_not_what_people_said(client_for, trustee, loop):
    response = client_for(trustee).get(OVERVIEW)
    rows = Page.of(response).rows
    assert rows["Overdue (no response after 30 days)"] == "2"
    assert rows["With a response"] == "4 (50%)"
    html = response.content.decode()
    assert "Overdue</h3>" not in html
    assert "Parking for carers." not in html
    assert "/you-said/" not in html


def test_another_organisations_overview_counts_only_its_own(client_for, other_org_staff, loop):
    response = client_for(other_org_staff).get(OVERVIEW)
    rows = Page.of(response).rows
    assert rows["Suggestions and requests"] == "1"
    assert rows["Overdue (no response after 30 days)"] == "1"
    html = response.content.decode()
    assert "Northgate&#x27;s own request." in html
    assert "Parking for carers." not in html


def test_changing_the_limit_in_the_settings_changes_what_is_overdue(
    client_for, org_admin, staff_client, brightwater, loop
):
    data = {
        "name": brightwater.name,
        "year_start_month": "4",
        "suppression_threshold": "8",
        "response_days": "29",
    }
    response = client_for(org_admin).post(reverse("organisation-settings"), data)
    assert response.status_code == 302
    html = staff_client.get(OVERVIEW).content.decode()
    assert Page(html).rows["Overdue (no response after 29 days)"] == "3"
    assert "Agendas a week before." in html.split("Overdue</h3>")[1]


def test_the_overview_lists_at_most_50_overdue_but_counts_them_all(
    staff_client, brightwater, activity
):
    Contribution.objects.bulk_create(
        Contribution(
            organisation=brightwater,
            activity=activity,
            raised_on=days_ago(40 + n),
            text=f"Overdue request number {n:02d}.",
            source="meeting",
        )
        for n in range(51)
    )
    html = staff_client.get(OVERVIEW).content.decode()
    assert Page(html).rows["Overdue (no response after 30 days)"] == "51"
    overdue_list = html.split("Overdue</h3>")[1].split("</ul>")[0]
    assert overdue_list.count("<li") == 50
    # The oldest are shown first; the newest of the 51 is left out.
    assert "Overdue request number 50." in overdue_list
    assert "Overdue request number 00." not in overdue_list


# Queries as contributions grow


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def add_contributions(activity, staff, count):
    """`count` contributions of every kind the pages show: named, unnamed and overdue,
    responded, and taken from feedback; and as many feedback comments still to take."""
    for n in range(count):
        person = InvolvementFactory(activity=activity).participant
        answer = FeedbackResponseFactory(
            request=FeedbackRequestFactory(activity=activity, participant=person),
            what_was_good=f"Good {n}",
            do_differently=f"Different {n}",
        )
        if n % 3 == 0:
            waiting(activity, 40 + n, participant=person)
        elif n % 3 == 1:
            responded(
                activity,
                days_ago(20),
                timezone.now(),
                participant=person,
                responded_by=staff,
                reason="Partly, because of the budget.",
                decision="partly",
            )
        else:
            ContributionFactory(
                activity=activity,
                participant=person,
                source="feedback",
                feedback_response=answer,
                feedback_field="what_was_good",
                text=answer.what_was_good,
            )


LIST_MAX_QUERIES = 12
OVERVIEW_MAX_QUERIES = 15  # as for the rest of the overview (test_quality_overview)


def test_the_contribution_list_costs_the_same_with_2_and_20_contributions(
    staff_client, staff, activity, django_assert_max_num_queries
):
    add_contributions(activity, staff, 2)
    at_2 = queries_for(staff_client, list_url(activity))
    add_contributions(activity, staff, 18)
    with django_assert_max_num_queries(LIST_MAX_QUERIES):
        at_20 = queries_for(staff_client, list_url(activity))
    assert at_20 == at_2
    assert Page.of(staff_client.get(list_url(activity))).rows["Suggestions and requests"] == "20"


@pytest.mark.parametrize("persona", ["staff", "trustee"])
def test_the_overview_costs_the_same_with_2_and_20_contributions(
    persona, people, client_for, brightwater, staff, django_assert_max_num_queries
):
    client = client_for(people[persona])
    activities = [ActivityFactory(organisation=brightwater, created_by=staff) for _ in range(2)]
    for activity in activities:
        add_contributions(activity, staff, 1)
    at_2 = queries_for(client, OVERVIEW)
    for activity in activities:
        add_contributions(activity, staff, 9)
    with django_assert_max_num_queries(OVERVIEW_MAX_QUERIES):
        at_20 = queries_for(client, OVERVIEW)
    assert at_20 == at_2
    assert Page.of(client.get(OVERVIEW)).rows["Suggestions and requests"] == "20"
