"""The outputs the app works out itself, checked against fixtures counted by hand (see the
`world`, `feedback` and `finished` fixtures), with small numbers hidden."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from outcomes.periods import quarter_of
from outcomes.selectors import SPECS, computed_figures, figure_by_activity

from ..factories import (
    ActivityFactory,
    FeedbackResponseFactory,
    InvolvementFactory,
    OrganisationFactory,
    SessionFactory,
)
from .conftest import answer

Q4, Q1, Q2 = 0, 1, 2  # indexes into `quarters`: 2025/26 Q4, 2026/27 Q1, 2026/27 Q2


def shown(organisation, quarters, key, activity=None) -> list:
    figures = computed_figures(organisation, quarters, activity=activity, keys=[key])[key]
    return [figure.shown for figure in figures]


def test_the_quarters_are_the_ones_the_fixtures_were_counted_for(quarters):
    assert [p.label for p in quarters] == ["2025/26 Q4", "2026/27 Q1", "2026/27 Q2"]


# People involved


def test_people_involved_count_each_person_once_across_activities(world, quarters):
    # Q1: p1–p9, p11 (from its last day), p13 (to its first day); p10 ended, p12 not begun.
    assert shown(world.organisation, quarters, "users_involved") == [8, 11, 11]


def test_people_involved_in_each_activity_count_them_in_each(world, quarters):
    org = world.organisation
    assert shown(org, quarters, "users_involved", world.a) == [7, 7, 8]
    # B in Q4 is p13 alone: hidden.
    assert shown(org, quarters, "users_involved", world.b) == ["*", 6, 5]


def test_each_activitys_part_adds_up_to_more_than_the_organisations(world, quarters):
    parts = figure_by_activity(world.organisation, "users_involved", quarters[Q1])
    assert [(part["activity"].title, part["figure"].shown) for part in parts] == [
        ("Carers' panel", 6),
        ("Voices Council", 7),
    ]


def test_a_hidden_count_carries_no_number(world, quarters):
    [figure] = computed_figures(
        world.organisation, [quarters[Q4]], activity=world.b, keys=["users_involved"]
    )["users_involved"]
    assert (figure.shown, figure.value, figure.suppressed) == ("*", None, True)


def test_staff_involved_are_counted_by_the_activities_running_in_the_quarter(world, quarters):
    # Q4: staff, admin (A, B) and the trustee (winter survey); then the survey has ended.
    assert shown(world.organisation, quarters, "staff_involved") == [3, 2, 2]
    assert shown(world.organisation, quarters, "staff_involved", world.b) == [1, 1, 1]


def test_the_range_of_people_counts_those_involved_who_told_us_about_themselves(world, quarters):
    # Q4: p1 p2 p3 p10 p13; Q1: p1 p2 p3 p7 p9 p13; Q2: p1 p2 p3 p7 p9 p12.
    assert shown(world.organisation, quarters, "range_of_users") == [5, 6, 6]
    assert shown(world.organisation, quarters, "range_of_users", world.a) == ["*", "*", "*"]


def test_people_in_influence_roles_are_representatives_co_chairs_and_leads(world, quarters):
    # Q4: p1 p2 p3 p10 p13; Q1: p1 p2 p3 p7 p8 p13; Q2: p1 p2 p3 p7 p8 p12.
    assert shown(world.organisation, quarters, "in_influence_roles") == [5, 6, 6]


def test_people_completing_training_count_once_and_only_if_involved(world, quarters):
    # Q1: p1 (twice), p2, p3, p7, p8 on its first day; Zed was never involved.
    assert shown(world.organisation, quarters, "completed_training") == ["*", 5, 0]
    assert shown(world.organisation, quarters, "completed_training", world.a) == ["*", "*", 0]


# Invited compared to volunteered


def test_invited_compared_to_volunteered_is_the_share_invited(world, quarters):
    figure = computed_figures(world.organisation, quarters, keys=["invited_volunteered"])[
        "invited_volunteered"
    ][Q1]
    # Invited: p1 p2 p3 p4 p13; volunteered: p5 p6 p7 p8 p9 p11. 5 of 11 is 45%.
    assert (figure.shown, figure.value) == (45, 45)
    assert figure.detail == "5 invited, 6 volunteered, of 11 people"


def test_invited_compared_to_volunteered_hides_both_when_one_is_small(db):
    organisation = OrganisationFactory()  # threshold 8
    activity = ActivityFactory(organisation=organisation)
    for _ in range(10):
        InvolvementFactory(activity=activity, came_in="invited")
    for _ in range(3):
        InvolvementFactory(activity=activity, came_in="volunteered")
    period = quarter_of(datetime.date(2026, 5, 1), organisation.year_start_month)
    [figure] = computed_figures(organisation, [period], keys=["invited_volunteered"])[
        "invited_volunteered"
    ]
    # 3 volunteered is hidden, and 10 too, or 13 - 10 would give it away; so is the share.
    assert (figure.shown, figure.value) == ("*", None)
    assert figure.detail == "* invited, * volunteered, of 13 people"
    # The people involved (13) are shown, as "users involved" shows them.
    assert "10" not in figure.detail and not re.search(r"\b3\b", figure.detail)


def test_invited_compared_to_volunteered_says_when_nobody_is_involved(db):
    organisation = OrganisationFactory()
    period = quarter_of(datetime.date(2026, 5, 1), organisation.year_start_month)
    [figure] = computed_figures(organisation, [period], keys=["invited_volunteered"])[
        "invited_volunteered"
    ]
    assert (figure.shown, figure.value, figure.detail) == (None, None, "Nobody yet")


# Events


def test_events_are_the_sessions_in_the_quarter_by_london_time(world, quarters):
    # 31 Mar 23:30 BST is Q4; 30 Jun 23:30 is Q1; 1 Jul 00:30 BST (30 Jun in UTC) is Q2.
    assert shown(world.organisation, quarters, "events_held") == [1, 3, 1]
    assert shown(world.organisation, quarters, "events_held", world.b) == [0, 1, 0]


def test_events_still_to_come_are_not_counted_as_held(brightwater, staff):
    now = timezone.localtime()
    period = quarter_of(now.date(), brightwater.year_start_month)
    activity = ActivityFactory(organisation=brightwater, created_by=staff, starts_on=period.start)
    start_of_quarter = timezone.make_aware(
        datetime.datetime.combine(period.start, datetime.time(0, 0))
    )
    end_of_quarter = timezone.make_aware(
        datetime.datetime.combine(period.end, datetime.time(23, 59))
    )
    SessionFactory(activity=activity, starts_at=start_of_quarter)
    SessionFactory(activity=activity, starts_at=max(end_of_quarter, now + datetime.timedelta(1)))
    assert shown(brightwater, [period], "events_held") == [1]


# Feedback: felt valued, understood, met peers


def test_felt_valued_is_yes_out_of_yes_a_bit_and_no(feedback, world, quarters):
    figures = computed_figures(world.organisation, quarters, keys=["felt_valued"])["felt_valued"]
    # Q1: yes p1–p4, a bit p5, no p6: 4 of 6. "I don't know", "prefer not" and blank are out;
    # so are the draft and the answers sent either side of the quarter.
    # 4 of 6 said yes: the other 2 are too few to show, so the share would give them away.
    assert (figures[Q1].shown, figures[Q1].value, figures[Q1].detail) == (
        "*",
        None,
        "Too few to show",
    )
    # One answer each in Q4 and Q2: too few to show a share of.
    assert [figures[Q4].shown, figures[Q2].shown] == ["*", "*"]
    assert [figures[Q4].value, figures[Q2].value] == [None, None]
    assert figures[Q4].detail == "Too few to show"


def test_understood_is_yes_out_of_yes_a_bit_and_no(feedback, world, quarters):
    figures = computed_figures(world.organisation, quarters, keys=["understood"])["understood"]
    # Q1: yes p1 p2 p3, a bit p4 p5, no p1 (on B): 3 of 6.
    assert (figures[Q1].shown, figures[Q1].detail) == ("*", "Too few to show")


def test_felt_valued_for_one_activity_counts_its_own_feedback(feedback, world, quarters):
    on_a = computed_figures(world.organisation, quarters, activity=world.a, keys=["felt_valued"])
    assert (on_a["felt_valued"][Q1].shown, on_a["felt_valued"][Q1].detail) == (
        "*",
        "Too few to show",
    )
    on_b = computed_figures(world.organisation, quarters, activity=world.b, keys=["felt_valued"])
    # p7 preferred not to say and p1 left it blank: nobody answered it.
    assert (on_b["felt_valued"][Q1].shown, on_b["felt_valued"][Q1].detail) == (
        None,
        "No answers yet",
    )


def test_people_who_met_peers_count_once_however_often_they_say_so(feedback, world, quarters):
    # Yes from p1 (on A and B), p2, p3, p4, p5.
    assert shown(world.organisation, quarters, "met_peers")[Q1] == 5


# User-led


def test_user_led_is_the_share_of_finished_activities_with_that_approach(finished, quarters):
    organisation = finished["D"].organisation
    figures = computed_figures(organisation, quarters, keys=["user_led"])["user_led"]
    assert (figures[Q1].shown, figures[Q1].detail) == (50, "1 of 2 finished")
    assert (figures[Q2].shown, figures[Q2].detail) == (100, "1 of 1 finished")
    assert (figures[Q4].shown, figures[Q4].detail) == (None, "None finished in this period")


# The threshold's edge


def involve(organisation, activity, count):
    for _ in range(count):
        InvolvementFactory(activity=activity, started_on=datetime.date(2026, 4, 1))


def test_seven_people_show_as_a_star_and_eight_as_eight(db):
    organisation = OrganisationFactory()
    assert organisation.suppression_threshold == 8
    activity = ActivityFactory(organisation=organisation)
    period = quarter_of(datetime.date(2026, 5, 1), organisation.year_start_month)
    involve(organisation, activity, 7)
    [seven] = computed_figures(organisation, [period], keys=["users_involved"])["users_involved"]
    assert (seven.shown, seven.value) == ("*", None)
    involve(organisation, activity, 1)
    [eight] = computed_figures(organisation, [period], keys=["users_involved"])["users_involved"]
    assert (eight.shown, eight.value) == (8, 8)


def test_a_share_shows_once_the_yes_and_the_rest_are_both_big_enough(db):
    organisation = OrganisationFactory()
    activity = ActivityFactory(organisation=organisation)
    period = quarter_of(datetime.date(2026, 5, 1), organisation.year_start_month)
    sent = datetime.datetime(2026, 5, 10, 12, tzinfo=datetime.UTC)
    for rating in ["yes"] * 8 + ["no"] * 7:
        FeedbackResponseFactory(request__activity=activity, submitted_at=sent, felt_valued=rating)
    [seven] = computed_figures(organisation, [period], keys=["felt_valued"])["felt_valued"]
    assert (seven.shown, seven.value, seven.detail) == ("*", None, "Too few to show")
    FeedbackResponseFactory(request__activity=activity, submitted_at=sent, felt_valued="no")
    [eight] = computed_figures(organisation, [period], keys=["felt_valued"])["felt_valued"]
    assert (eight.shown, eight.value, eight.detail) == (50, 50, "of 16")


def test_everyone_saying_yes_shows_as_100_percent(db):
    organisation = OrganisationFactory()
    activity = ActivityFactory(organisation=organisation)
    period = quarter_of(datetime.date(2026, 5, 1), organisation.year_start_month)
    sent = datetime.datetime(2026, 5, 10, 12, tzinfo=datetime.UTC)
    for _n in range(8):
        FeedbackResponseFactory(request__activity=activity, submitted_at=sent, felt_valued="yes")
    [figure] = computed_figures(organisation, [period], keys=["felt_valued"])["felt_valued"]
    assert (figure.shown, figure.detail) == (100, "of 8")


def test_a_raised_threshold_hides_more(world, quarters):
    world.organisation.suppression_threshold = 12
    assert shown(world.organisation, quarters, "users_involved") == ["*", "*", "*"]


def test_another_organisations_people_are_not_counted(world, quarters, northgate):
    elsewhere = ActivityFactory(organisation=northgate, starts_on=datetime.date(2026, 1, 1))
    involve(northgate, elsewhere, 9)
    assert shown(world.organisation, quarters, "users_involved") == [8, 11, 11]
    assert shown(northgate, quarters, "users_involved") == [0, 9, 9]


# Cost


def test_the_figures_take_a_query_each_at_most_whatever_the_number_of_quarters(
    world, feedback, quarters
):
    counts = []
    for periods in (quarters[:1], quarters):
        with CaptureQueriesContext(connection) as queries:
            computed_figures(world.organisation, periods)
        counts.append(len(queries.captured_queries))
    assert counts[0] == counts[1] <= len(SPECS)


@pytest.mark.parametrize("key", sorted(SPECS))
def test_each_activitys_part_is_one_grouped_query(key, world, feedback, finished, quarters):
    with CaptureQueriesContext(connection) as queries:
        figure_by_activity(world.organisation, key, quarters[Q1])
    assert len(queries.captured_queries) <= 2  # the figures, then the activities' titles


def test_the_sent_answers_are_counted_in_the_quarter_they_were_sent(world, quarters):
    answer(world.a, world.p[1], datetime.datetime(2026, 6, 30, 22, 59, tzinfo=datetime.UTC))
    answer(world.a, world.p[2], datetime.datetime(2026, 6, 30, 23, 0, tzinfo=datetime.UTC))
    met = computed_figures(world.organisation, quarters, keys=["met_peers"])["met_peers"]
    # 23:59 BST on 30 June is Q1; midnight BST on 1 July is Q2. One each: hidden, but there.
    assert [met[Q1].shown, met[Q2].shown] == ["*", "*"]
