"""Closing-the-loop figures (share with a response, median days to respond and to tell the
person, the fix rate, overdue), on fixtures counted by hand; the app's judgement of "changes
made are communicated"; the overdue list on the quality overview; and what the loop pages
cost in queries as contributions grow."""

import datetime
import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from activities.models import Activity
from involvement.models import Organisation
from involvement.suppression import suppress_part
from quality.judging import judge, judge_statuses
from quality.models import Contribution
from quality.selectors import loop_figures, overdue

from ..factories import (
    ActivityFactory,
    ContributionFactory,
    FeedbackRequestFactory,
    FeedbackResponseFactory,
    InvolvementFactory,
    ParticipantFactory,
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
    fields = {"decision": "accepted", "what_changed": "Done.", "status": "responded", **fields}
    return ContributionFactory(
        activity=activity, raised_on=raised_on, responded_at=responded_at, **fields
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
    assert loop_figures(organisation=brightwater) == {
        "total": 8,
        "responded": 4,
        "responded_percent": 50,
        "median_days_to_respond": 6.5,
        "told": 0,
        "median_days_to_tell": None,
        "named": 0,
        "rated": 0,
        "fixed": 0,
        "fix_rate": None,
        "not_happy": 0,
        "overdue": 2,
        "limit_days": 30,
    }


def test_an_activitys_figures_counted_by_hand(brightwater, activity, loop):
    assert loop_figures(organisation=brightwater, activity=activity) == {
        "total": 6,
        "responded": 3,
        "responded_percent": 50,
        "median_days_to_respond": 3,
        "told": 0,
        "median_days_to_tell": None,
        "named": 0,
        "rated": 0,
        "fixed": 0,
        "fix_rate": None,
        "not_happy": 0,
        "overdue": 1,
        "limit_days": 30,
    }


def test_days_to_respond_count_from_the_london_date_of_the_response(brightwater, activity):
    # 23:30 UTC on 3 May is already 4 May in London: 3 days, not 2.
    responded(activity, D(2026, 5, 1), datetime.datetime(2026, 5, 3, 23, 30, tzinfo=datetime.UTC))
    assert loop_figures(organisation=brightwater)["median_days_to_respond"] == 3


def test_with_nothing_said_there_is_no_share_or_median(brightwater):
    assert loop_figures(organisation=brightwater) == {
        "total": 0,
        "responded": 0,
        "responded_percent": None,
        "median_days_to_respond": None,
        "told": 0,
        "median_days_to_tell": None,
        "named": 0,
        "rated": 0,
        "fixed": 0,
        "fix_rate": None,
        "not_happy": 0,
        "overdue": 0,
        "limit_days": 30,
    }


def test_the_share_responded_is_rounded_to_a_whole_percent(brightwater, activity):
    responded(activity, D(2026, 5, 1), at(2026, 5, 2))
    waiting(activity, 1)
    waiting(activity, 2)
    figures = loop_figures(organisation=brightwater)
    assert (figures["responded"], figures["total"], figures["responded_percent"]) == (1, 3, 33)


def test_overdue_starts_the_day_after_the_limit(brightwater, activity):
    """Raised 30 days ago is on its last day; raised 31 days ago is overdue."""
    last_day = waiting(activity, 30)
    assert list(overdue(organisation=brightwater)) == []
    assert loop_figures(organisation=brightwater)["overdue"] == 0
    late = waiting(activity, 31)
    assert list(overdue(organisation=brightwater)) == [late]
    assert loop_figures(organisation=brightwater)["overdue"] == 1
    assert last_day not in overdue(organisation=brightwater)


def test_a_response_takes_a_contribution_off_the_overdue_list(brightwater, activity):
    late = waiting(activity, 45)
    assert list(overdue(organisation=brightwater)) == [late]
    Contribution.objects.filter(pk=late.pk).update(
        status="responded",
        decision="not_ours",
        who_decides="The council",
        responded_at=at(2026, 6, 1),
    )
    assert list(overdue(organisation=brightwater)) == []
    assert loop_figures(organisation=brightwater)["overdue"] == 0


@pytest.mark.parametrize("days, expected", [(30, 2), (29, 3), (31, 1), (1, 3), (365, 1)])
def test_the_organisations_limit_decides_what_is_overdue(days, expected, brightwater, loop):
    set_response_days(brightwater, days)
    figures = loop_figures(organisation=brightwater)
    assert (figures["overdue"], figures["limit_days"]) == (expected, days)
    assert overdue(organisation=brightwater).count() == expected


def test_overdue_lists_the_oldest_first_and_only_the_organisations_own(brightwater, loop):
    assert list(overdue(organisation=brightwater)) == [loop["old"], loop["overdue"]]


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
    assert page.rows["People told what was done"] == "0"
    assert page.rows["Median days to tell the person"] == "–"
    assert page.rows[FIX_RATE] == "–"


# Telling the person, and the fix rate

# The key and its hint, read as one (the hint is a block of its own on the page).
FIX_RATE = "Fix rateRaised by a named person and done to their satisfaction"
TELLING = ["told", "median_days_to_tell", "named", "rated", "fixed", "fix_rate", "not_happy"]


def told(activity, raised_on, told_at, participant, satisfied="") -> Contribution:
    """Responded to and told at `told_at`; answered `satisfied`, if given."""
    return responded(
        activity,
        raised_on,
        told_at,
        participant=participant,
        status="rated" if satisfied else "told",
        told_at=told_at,
        told_how="letter",
        satisfied=satisfied,
    )


@pytest.fixture
def telling(brightwater, staff, activity):
    """Counted by hand. Voices Council (V) and Carers' panel (C):

        on  who      raised       told (London time)             days  their answer
        V   named    1 May 2026   5 May 12:00                    4     yes
        V   named    1 May 2026   11 May 00:30 (10 May 23:30 UTC) 10   no
        V   named    2 Jun 2026   2 Jun 09:00                    0     partly
        V   named    1 May 2026   8 May 12:00                    7     prefer not to say
        C   named    1 May 2026   1 Jun 12:00                    31    -
        V   unnamed  1 May 2026   21 May 12:00                   20    yes (since erased)
        V   named    responded, not told
        C   named    open
        C   unnamed  responded, not told

    Brightwater: 6 told, median of 0 4 7 10 20 31 = 8.5 days; 7 named, 4 of them answered,
    1 happy (fix rate 1 of 7 = 14%), 1 not happy.
    Voices Council: 5 told, median of 0 4 7 10 20 = 7 days; 5 named, 4 answered, 1 happy
    (20%), 1 not happy."""
    carers = ActivityFactory(organisation=brightwater, created_by=staff, title="Carers' panel")

    def person():
        return ParticipantFactory(organisation=brightwater)

    told(activity, D(2026, 5, 1), at(2026, 5, 5), person(), "yes")
    told(activity, D(2026, 5, 1), at(2026, 5, 11, 0, 30), person(), "no")
    told(activity, D(2026, 6, 2), at(2026, 6, 2, 9), person(), "partly")
    told(activity, D(2026, 5, 1), at(2026, 5, 8), person(), "prefer_not")
    told(carers, D(2026, 5, 1), at(2026, 6, 1), person())
    told(activity, D(2026, 5, 1), at(2026, 5, 21), None, "yes")
    responded(activity, D(2026, 5, 1), at(2026, 5, 2), participant=person())
    waiting(carers, 1, participant=person())
    responded(carers, D(2026, 5, 1), at(2026, 5, 2))
    return carers


def test_the_organisations_telling_and_fix_rate_counted_by_hand(brightwater, telling):
    figures = loop_figures(organisation=brightwater)
    assert {key: figures[key] for key in TELLING} == {
        "told": 6,
        "median_days_to_tell": 8.5,
        "named": 7,
        "rated": 4,
        "fixed": 1,
        "fix_rate": 14,
        "not_happy": 1,
    }
    assert (figures["total"], figures["responded"]) == (9, 8)


def test_an_activitys_telling_and_fix_rate_counted_by_hand(brightwater, activity, telling):
    figures = loop_figures(organisation=brightwater, activity=activity)
    assert {key: figures[key] for key in TELLING} == {
        "told": 5,
        "median_days_to_tell": 7,
        "named": 5,
        "rated": 4,
        "fixed": 1,
        "fix_rate": 20,
        "not_happy": 1,
    }
    carers = loop_figures(organisation=brightwater, activity=telling)
    assert {key: carers[key] for key in TELLING} == {
        "told": 1,
        "median_days_to_tell": 31,
        "named": 2,
        "rated": 0,
        "fixed": 0,
        "fix_rate": 0,
        "not_happy": 0,
    }


def test_days_to_tell_count_from_the_london_date_and_never_below_zero(brightwater, activity):
    # 23:30 UTC on 3 May is already 4 May in London: 3 days, not 2.
    late_evening = datetime.datetime(2026, 5, 3, 23, 30, tzinfo=datetime.UTC)
    told(activity, D(2026, 5, 1), late_evening, ParticipantFactory(organisation=brightwater))
    assert loop_figures(organisation=brightwater)["median_days_to_tell"] == 3
    # Told before the day it was raised (a date typed wrong) counts as 0 days.
    told(activity, D(2026, 5, 9), at(2026, 5, 3), ParticipantFactory(organisation=brightwater))
    assert loop_figures(organisation=brightwater)["median_days_to_tell"] == 1.5


def test_what_is_not_fixed_yet_counts_against_the_fix_rate(brightwater, activity):
    person = ParticipantFactory(organisation=brightwater)
    told(activity, D(2026, 5, 1), at(2026, 5, 5), person, "yes")
    assert loop_figures(organisation=brightwater)["fix_rate"] == 100
    waiting(activity, 3, participant=person)
    assert loop_figures(organisation=brightwater)["fix_rate"] == 50
    responded(activity, D(2026, 5, 1), at(2026, 5, 2), participant=person)
    told(activity, D(2026, 5, 1), at(2026, 5, 5), person, "partly")
    assert loop_figures(organisation=brightwater)["fix_rate"] == 25
    # Unnamed ones are not counted either way: nobody can say whether they were fixed.
    waiting(activity, 3)
    told(activity, D(2026, 5, 1), at(2026, 5, 5), None, "yes")
    figures = loop_figures(organisation=brightwater)
    assert (figures["fixed"], figures["named"], figures["fix_rate"]) == (1, 4, 25)


def test_the_list_page_shows_telling_and_the_fix_rate(staff_client, activity, telling):
    rows = Page.of(staff_client.get(list_url(activity))).rows
    assert rows["People told what was done"] == "5"
    assert rows["Median days to tell the person"] == "7"
    assert rows[FIX_RATE] == "20% (1 of 5)"
    assert rows["Said they are not happy"] == "1"


def test_the_overview_shows_the_organisations_telling_and_fix_rate(client_for, people, telling):
    """The overview is read by trustees: 6 told and 1 of 7 fixed are counts of people below
    the threshold of 8, so "*"; the median is the organisation's (8.5, not the 7 of Voices
    Council) and stays."""
    for persona in ("staff", "trustee"):
        response = client_for(people[persona]).get(OVERVIEW)
        rows = Page.of(response).rows
        assert rows["People told what was done"] == "*", persona
        assert rows["Median days to tell the person"] == "8.5", persona
        assert rows[FIX_RATE] == "*", persona
        assert rows["Said they are not happy"] == "*", persona
        assert "* means fewer than 8." in response.content.decode(), persona


def many_told(activity, happy: int, unhappy: int, not_told: int) -> None:
    """Named responses: `happy` told and happy with it, `unhappy` told and not happy, and
    `not_told` responded to but not told yet."""
    person = ParticipantFactory(organisation=activity.organisation)
    kinds = [("yes", "rated")] * happy + [("no", "rated")] * unhappy
    kinds += [("", "responded")] * not_told
    Contribution.objects.bulk_create(
        Contribution(
            organisation=activity.organisation,
            activity=activity,
            participant=person,
            raised_on=D(2026, 5, 1),
            text=f"Request {n}.",
            source="meeting",
            status=status,
            decision="accepted",
            what_changed="Done.",
            responded_at=at(2026, 5, 2),
            told_at=at(2026, 5, 5) if status == "rated" else None,
            told_how="letter" if status == "rated" else "",
            satisfied=satisfied,
        )
        for n, (satisfied, status) in enumerate(kinds)
    )


def test_the_overview_shows_telling_and_the_fix_rate_from_the_threshold_up(
    client_for, people, activity
):
    """16 told (8 happy, 8 not), 8 more not told yet: every count and its rest is at least
    the threshold, so the numbers show, to trustees too."""
    many_told(activity, happy=8, unhappy=8, not_told=8)
    for persona in ("staff", "trustee"):
        response = client_for(people[persona]).get(OVERVIEW)
        rows = Page.of(response).rows
        assert rows["Suggestions and requests"] == "24", persona
        assert rows["With a response"] == "24 (100%)", persona
        assert rows["People told what was done"] == "16", persona
        assert rows["Median days to tell the person"] == "4", persona
        assert rows[FIX_RATE] == "33% (8 of 24)", persona
        assert rows["Said they are not happy"] == "8", persona
        assert "* means fewer than" not in response.content.decode(), persona


# Changes made are communicated: the marker the app judges from the loop

COMMUNICATED = "changes_communicated"


def statuses(activity) -> tuple:
    """The judgement with its evidence, and the status alone as the overview pools it."""
    activity = Activity.objects.select_related("agreement").get(pk=activity.pk)
    organisation = Organisation.objects.get(pk=activity.organisation_id)
    judged = judge(organisation, [activity], [])[activity.pk][COMMUNICATED]
    pooled = judge_statuses(organisation, [activity], [])[activity.pk][COMMUNICATED]
    assert judged.status == pooled
    return judged.status, judged.evidence


def named_responses(activity, told_count: int, not_told: int) -> None:
    person = ParticipantFactory(organisation=activity.organisation)
    rows = [
        Contribution(
            organisation=activity.organisation,
            activity=activity,
            participant=person,
            raised_on=D(2026, 5, 1),
            text=f"Request {n}.",
            source="meeting",
            status="told" if n < told_count else "responded",
            decision="accepted",
            what_changed="Done.",
            responded_at=at(2026, 5, 2),
            told_at=at(2026, 5, 3) if n < told_count else None,
        )
        for n in range(told_count + not_told)
    ]
    Contribution.objects.bulk_create(rows)


@pytest.mark.parametrize(
    "told_count, not_told, expected",
    [
        (5, 0, "met"),
        (4, 1, "met"),  # 80%: met
        (159, 41, "partly"),  # 79.5% is not 80%
        (3, 1, "partly"),
        (1, 1, "partly"),  # 50%: partly
        (49, 51, "not_met"),
        (0, 1, "not_met"),
    ],
)
def test_changes_communicated_is_met_from_80_percent_told_and_partly_from_50(
    told_count, not_told, expected, activity
):
    named_responses(activity, told_count, not_told)
    status, evidence = statuses(activity)
    assert status == expected
    total = told_count + not_told
    # Suppressed as counts of people are: a small part, or a small rest.
    shown = suppress_part(told_count, total, activity.organisation.suppression_threshold)
    assert evidence == (f"People were told the response to {shown[0]} of {shown[1]} suggestions.")


def test_with_no_response_to_a_named_person_changes_communicated_does_not_apply(
    activity, brightwater
):
    assert statuses(activity) == ("not_applicable", "No responses to tell anyone about yet.")
    waiting(activity, 3, participant=ParticipantFactory(organisation=brightwater))
    responded(activity, D(2026, 5, 1), at(2026, 5, 2))
    assert statuses(activity)[0] == "not_applicable"


def test_changes_communicated_counts_answers_as_told_and_only_this_activitys_named_responses(
    activity, brightwater, staff
):
    person = ParticipantFactory(organisation=brightwater)
    told(activity, D(2026, 5, 1), at(2026, 5, 5), person, "no")
    told(activity, D(2026, 5, 1), at(2026, 5, 5), person)
    waiting(activity, 3, participant=person)
    responded(activity, D(2026, 5, 1), at(2026, 5, 2))
    elsewhere = ActivityFactory(organisation=brightwater, created_by=staff)
    named_responses(elsewhere, 0, 3)
    assert statuses(activity) == (
        "met",
        "People were told the response to * of * suggestions.",
    )
    assert statuses(elsewhere)[0] == "not_met"


# The quality overview


def test_the_overview_shows_the_organisations_figures(staff_client, loop):
    """The organisation's 8 (Voices Council alone has 6): at the threshold, so shown; 4 with
    a response and 2 overdue are below it, so "*" (as the staff list page never hides)."""
    rows = Page.of(staff_client.get(OVERVIEW)).rows
    assert rows["Suggestions and requests"] == "8"
    assert rows["With a response"] == "*"
    assert rows["Median days to respond"] == "6.5"
    assert rows["Overdue (no response after 30 days)"] == "*"


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
    assert rows["Suggestions and requests"] == "8"
    assert rows["Median days to respond"] == "6.5"
    # 2 overdue and 4 of 8 with a response would point at people.
    assert rows["Overdue (no response after 30 days)"] == "*"
    assert rows["With a response"] == "*"
    html = response.content.decode()
    assert "* means fewer than 8." in html
    assert "Overdue</h3>" not in html
    assert "Parking for carers." not in html
    assert "/you-said/" not in html


def test_another_organisations_overview_counts_only_its_own(
    client_for, other_org_staff, northgate, loop
):
    # Northgate's one and 8 more, all overdue: enough to show (Brightwater has 8, 2 overdue).
    elsewhere = ActivityFactory(organisation=northgate)
    for _ in range(8):
        waiting(elsewhere, 50)
    response = client_for(other_org_staff).get(OVERVIEW)
    rows = Page.of(response).rows
    assert rows["Suggestions and requests"] == "9"
    assert rows["Overdue (no response after 30 days)"] == "9"
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
    # 3 overdue now: fewer than 8, so "*"; the list shows the one that joined.
    assert Page(html).rows["Overdue (no response after 29 days)"] == "*"
    assert "Agendas a week before." in html.split("Overdue</h3>")[1]


@pytest.mark.parametrize("count, shown", [(1, "*"), (7, "*"), (8, "8")])
def test_a_trustee_sees_counts_below_the_threshold_as_a_star_and_staff_lists_them_as_they_are(
    count, shown, client_for, trustee, staff_client, activity
):
    for _ in range(count):
        waiting(activity, 40)
    response = client_for(trustee).get(OVERVIEW)
    rows = Page.of(response).rows
    assert rows["Suggestions and requests"] == shown
    assert rows["Overdue (no response after 30 days)"] == shown
    assert rows["With a response"] == ("*" if shown == "*" else "0 (0%)")
    assert ("* means fewer than 8." in response.content.decode()) is (shown == "*")
    # The activity's own list (staff only) still counts each one.
    rows = Page.of(staff_client.get(list_url(activity))).rows
    assert rows["Suggestions and requests"] == str(count)
    assert rows["Overdue (no response after 30 days)"] == str(count)


def test_the_overview_hides_below_the_organisations_own_threshold(
    client_for, trustee, brightwater, activity
):
    Organisation.objects.filter(pk=brightwater.pk).update(suppression_threshold=10)
    for _ in range(9):
        waiting(activity, 40)
    response = client_for(trustee).get(OVERVIEW)
    assert Page.of(response).rows["Suggestions and requests"] == "*"
    assert "* means fewer than 10." in response.content.decode()


def test_a_share_that_would_give_a_person_away_is_a_star(client_for, trustee, activity):
    """10 raised, 9 with a response: 10 may show, but 90% would say one is still waiting."""
    for _ in range(9):
        responded(activity, D(2026, 5, 1), at(2026, 5, 2))
    waiting(activity, 3)
    rows = Page.of(client_for(trustee).get(OVERVIEW)).rows
    assert rows["Suggestions and requests"] == "10"
    assert rows["With a response"] == "*"


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
