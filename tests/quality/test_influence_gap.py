"""The influence gap: the influence level agreed beside how much say people said they had, on
the same ladder with small counts hidden; possible tokenism flagged with its numbers; and
activities still in draft, with nothing agreed, whose sessions have already happened."""

import datetime

import pytest
from django.utils import timezone

from activities.models import Activity, Agreement, InfluenceLevel
from involvement.models import Organisation
from quality.selectors import influence_flags, influence_gap
from quality.selectors.influence import GAP_RUNGS, GAP_SHARE

from ..factories import (
    ActivityFactory,
    FeedbackRequestFactory,
    FeedbackResponseFactory,
    SessionFactory,
    influence_level,
)

LADDER = [
    "informing",
    "researching",
    "consulting",
    "participation",
    "delegated_power",
    "empowerment",
]


def agree_level(activity, key):
    Agreement.objects.filter(activity=activity).update(influence_level=influence_level(key))


def say(activity, key, count, status="submitted"):
    for _ in range(count):
        FeedbackResponseFactory(
            request=FeedbackRequestFactory(activity=activity), say=key, status=status
        )


def gap_of(activity):
    activity = Activity.objects.select_related("agreement__influence_level").get(pk=activity.pk)
    return influence_gap(activity, Organisation.objects.get(pk=activity.organisation_id))


def flags_of(organisation):
    activities = list(
        Activity.objects.filter(organisation=organisation).select_related(
            "agreement__influence_level"
        )
    )
    return influence_flags(organisation, activities)


def counts(gap) -> dict:
    return {row["level"].key: row["count"] for row in gap.rows}


@pytest.fixture
def activity(brightwater, staff):
    """Voices Council, where participation was agreed."""
    activity = ActivityFactory(organisation=brightwater, created_by=staff, title="Voices Council")
    agree_level(activity, "participation")
    return activity


def test_the_rules_are_the_ones_written_on_the_rules_page(db):
    assert (GAP_RUNGS, GAP_SHARE) == (2, 50)
    assert list(InfluenceLevel.objects.order_by("position").values_list("key", flat=True)) == (
        LADDER
    )


# The distribution on the ladder


def test_the_gap_shows_every_rung_with_the_agreed_one_marked(activity):
    say(activity, "participation", 8)
    say(activity, "consulting", 9)
    gap = gap_of(activity)
    assert [row["level"].key for row in gap.rows] == LADDER
    assert counts(gap) == {
        "informing": 0,
        "researching": 0,
        "consulting": 9,
        "participation": 8,
        "delegated_power": 0,
        "empowerment": 0,
    }
    assert [row["level"].key for row in gap.rows if row["agreed"]] == ["participation"]
    assert gap.agreed.key == "participation"
    assert gap.answered == 17


def test_small_counts_on_the_ladder_are_hidden_with_one_more(activity):
    # With the total shown, the 3 could be worked out from the 10: both are hidden.
    say(activity, "consulting", 10)
    say(activity, "informing", 3)
    gap = gap_of(activity)
    assert counts(gap)["informing"] == "*"
    assert counts(gap)["consulting"] == "*"
    assert counts(gap)["researching"] == 0
    assert gap.answered == 13


def test_two_small_counts_hide_each_other(activity):
    say(activity, "consulting", 10)
    say(activity, "informing", 3)
    say(activity, "researching", 2)
    gap = gap_of(activity)
    assert (counts(gap)["informing"], counts(gap)["researching"]) == ("*", "*")
    assert counts(gap)["consulting"] == 10
    assert gap.answered == 15


def test_too_few_answers_hide_the_total_too(activity):
    say(activity, "consulting", 5)
    gap = gap_of(activity)
    assert gap.answered == "*"
    assert counts(gap)["consulting"] == "*"


def test_dont_know_prefer_not_drafts_and_no_answer_are_left_off_the_ladder(activity):
    say(activity, "consulting", 8)
    say(activity, "dont_know", 4)
    say(activity, "prefer_not", 4)
    say(activity, "", 4)
    say(activity, "informing", 4, status="draft")
    gap = gap_of(activity)
    assert gap.answered == 8
    assert counts(gap)["informing"] == 0


def test_another_activitys_answers_are_not_counted(activity, brightwater, staff):
    other = ActivityFactory(organisation=brightwater, created_by=staff)
    say(other, "informing", 9)
    say(activity, "participation", 8)
    assert counts(gap_of(activity))["informing"] == 0


# Possible tokenism


def test_half_saying_two_rungs_below_the_agreed_level_is_possible_tokenism(activity):
    say(activity, "researching", 5)
    say(activity, "informing", 3)
    say(activity, "participation", 8)
    gap = gap_of(activity)
    assert gap.flagged is True
    assert gap.below == 8
    assert gap.reason == (
        "8 of 16 people who answered said they had 2 or more steps less say than the "
        "“Participation” agreed."
    )


def test_just_under_half_is_not_flagged(activity):
    say(activity, "researching", 8)
    say(activity, "participation", 9)
    gap = gap_of(activity)
    assert gap.flagged is False
    assert gap.reason == ""
    assert gap.below == 8


def test_one_rung_below_is_not_flagged(activity):
    say(activity, "consulting", 12)
    gap = gap_of(activity)
    assert gap.flagged is False
    assert gap.below == 0


def test_more_say_than_agreed_is_not_flagged(activity):
    say(activity, "empowerment", 12)
    assert gap_of(activity).flagged is False


def test_fewer_answers_than_the_threshold_are_not_flagged(activity):
    say(activity, "informing", 7)
    gap = gap_of(activity)
    assert gap.flagged is False
    assert gap.answered == "*"
    assert gap.below == "*"


def test_as_many_answers_as_the_threshold_are_flagged_with_small_counts_hidden(activity):
    say(activity, "informing", 4)
    say(activity, "participation", 4)
    gap = gap_of(activity)
    assert gap.flagged is True
    assert gap.reason.startswith("* of 8 people who answered said")


def test_dont_know_does_not_make_up_the_numbers(activity):
    say(activity, "informing", 7)
    say(activity, "dont_know", 5)
    assert gap_of(activity).flagged is False


def test_the_organisations_own_threshold_decides_what_is_enough(activity, brightwater):
    Organisation.objects.filter(pk=brightwater.pk).update(suppression_threshold=5)
    say(activity, "informing", 5)
    gap = gap_of(activity)
    assert gap.flagged is True
    assert gap.reason.startswith("5 of 5 people who answered said")


def test_with_no_influence_level_agreed_nothing_is_flagged(brightwater, staff):
    activity = ActivityFactory(organisation=brightwater, created_by=staff)
    say(activity, "informing", 10)
    gap = gap_of(activity)
    assert gap.agreed is None
    assert gap.flagged is False
    assert not any(row["agreed"] for row in gap.rows)
    assert counts(gap)["informing"] == 10


def test_with_the_lowest_rungs_agreed_nobody_can_have_two_rungs_less(brightwater, staff):
    activity = ActivityFactory(organisation=brightwater, created_by=staff)
    agree_level(activity, "researching")
    say(activity, "informing", 10)
    assert gap_of(activity).flagged is False


# The organisation's flags


def test_flagged_activities_are_listed_with_their_gap(activity, brightwater, staff):
    fine = ActivityFactory(organisation=brightwater, created_by=staff, title="Carers' panel")
    agree_level(fine, "consulting")
    say(fine, "consulting", 10)
    say(activity, "informing", 10)
    flags = flags_of(brightwater)
    [item] = flags["tokenism"]
    assert item["activity"] == activity
    assert item["gap"].flagged is True
    assert item["gap"].reason.startswith("10 of 10 people who answered said")


def test_activities_without_answers_or_agreed_level_are_not_flagged(activity, brightwater, staff):
    ActivityFactory(organisation=brightwater, created_by=staff)
    assert flags_of(brightwater)["tokenism"] == []


def past(days=3):
    return timezone.now() - datetime.timedelta(days=days)


def test_a_draft_whose_sessions_have_happened_without_an_agreement_is_listed(brightwater, staff):
    draft = ActivityFactory(organisation=brightwater, created_by=staff, title="Youth forum")
    SessionFactory(activity=draft, starts_at=past())
    assert flags_of(brightwater)["drafts_with_sessions"] == [draft]


def test_a_draft_with_its_purpose_written_but_not_agreed_is_listed(brightwater, staff):
    draft = ActivityFactory(organisation=brightwater, created_by=staff, title="Youth forum")
    Agreement.objects.filter(activity=draft).update(purpose="To shape the youth service.")
    SessionFactory(activity=draft, starts_at=past())
    assert flags_of(brightwater)["drafts_with_sessions"] == [draft]


def test_a_draft_whose_only_session_is_still_to_come_is_not_listed(brightwater, staff):
    draft = ActivityFactory(organisation=brightwater, created_by=staff)
    SessionFactory(activity=draft, starts_at=timezone.now() + datetime.timedelta(days=3))
    assert flags_of(brightwater)["drafts_with_sessions"] == []


def test_a_draft_without_sessions_is_not_listed(brightwater, staff):
    ActivityFactory(organisation=brightwater, created_by=staff)
    assert flags_of(brightwater)["drafts_with_sessions"] == []


def test_an_agreed_activity_with_sessions_is_not_listed(brightwater, staff):
    agreed = ActivityFactory(organisation=brightwater, created_by=staff, agreed_with=["Ann Lee"])
    assert agreed.status == Activity.Status.AGREED
    SessionFactory(activity=agreed, starts_at=past())
    assert flags_of(brightwater)["drafts_with_sessions"] == []


def test_a_running_activity_with_sessions_is_not_listed(brightwater, staff):
    running = ActivityFactory(organisation=brightwater, created_by=staff, status="running")
    SessionFactory(activity=running, starts_at=past())
    assert flags_of(brightwater)["drafts_with_sessions"] == []


def test_each_draft_is_listed_once_however_many_sessions(brightwater, staff):
    draft = ActivityFactory(organisation=brightwater, created_by=staff)
    for days in (3, 10, 20):
        SessionFactory(activity=draft, starts_at=past(days))
    assert flags_of(brightwater)["drafts_with_sessions"] == [draft]


def test_another_organisations_drafts_are_not_listed(brightwater, northgate, other_org_staff):
    theirs = ActivityFactory(organisation=northgate, created_by=other_org_staff)
    SessionFactory(activity=theirs, starts_at=past())
    assert flags_of(brightwater)["drafts_with_sessions"] == []
    assert flags_of(northgate)["drafts_with_sessions"] == [theirs]
