"""The rating rules at their boundaries: outstanding, good, requires improvement or not rated,
from the markers' statuses, with reasons in plain words."""

from quality.rating import (
    GOOD_JUDGED,
    GOOD_SCORE,
    OUTSTANDING_JUDGED,
    OUTSTANDING_SCORE,
    Grade,
    rate,
)

MET, PARTLY, NOT_MET, NA = "met", "partly", "not_met", "not_applicable"


def statuses(met=0, partly=0, not_met=0, na=0, unjudged=0) -> list:
    return [MET] * met + [PARTLY] * partly + [NOT_MET] * not_met + [NA] * na + [None] * unjudged


def test_the_thresholds_are_the_ones_written_on_the_rules_page():
    assert (OUTSTANDING_JUDGED, OUTSTANDING_SCORE) == (75, 85)
    assert (GOOD_JUDGED, GOOD_SCORE) == (50, 60)


# Outstanding: judged 75%, score 85%, nothing not met


def test_a_score_of_85_is_outstanding():
    rated = rate(statuses(met=7, partly=3))  # 17 of 20 points
    assert (rated.grade, rated.score, rated.judged) == (Grade.OUTSTANDING, 85, 100)
    assert rated.reasons == [
        "100% of the markers that apply are judged, scoring 85% of the points possible, "
        "with 0 not met."
    ]


def test_a_score_of_84_is_good_and_says_what_outstanding_needs():
    rated = rate(statuses(met=17, partly=8))  # 42 of 50 points
    assert (rated.grade, rated.score, rated.judged) == (Grade.GOOD, 84, 100)
    assert rated.reasons == [
        "100% of the markers that apply are judged, scoring 84% of the points possible, "
        "with 0 not met.",
        "Outstanding needs 85% of the points.",
    ]


def test_75_percent_judged_is_enough_for_outstanding():
    rated = rate(statuses(met=3, unjudged=1))
    assert (rated.grade, rated.score, rated.judged) == (Grade.OUTSTANDING, 100, 75)


def test_74_percent_judged_is_good_and_says_what_outstanding_needs():
    rated = rate(statuses(met=37, unjudged=13))
    assert (rated.grade, rated.score, rated.judged) == (Grade.GOOD, 100, 74)
    assert rated.reasons[1:] == ["Outstanding needs 75% of markers judged."]


def test_one_marker_not_met_stops_outstanding():
    rated = rate(statuses(met=19, not_met=1))
    assert (rated.grade, rated.score, rated.judged) == (Grade.GOOD, 95, 100)
    assert rated.reasons == [
        "100% of the markers that apply are judged, scoring 95% of the points possible, "
        "with 1 not met.",
        "Outstanding needs no marker not met.",
    ]


def test_good_lists_everything_outstanding_still_needs():
    rated = rate(statuses(met=10, partly=29, not_met=1, unjudged=10))
    assert rated.grade == Grade.GOOD
    assert (rated.score, rated.judged) == (61, 80)
    assert rated.reasons[1:] == [
        "Outstanding needs 85% of the points.",
        "Outstanding needs no marker not met.",
    ]


# Good: judged 50%, score 60%, at most one not met


def test_a_score_of_60_is_good():
    rated = rate(statuses(met=2, partly=8))  # 12 of 20 points
    assert (rated.grade, rated.score) == (Grade.GOOD, 60)


def test_a_score_of_59_requires_improvement_and_says_what_good_needs():
    rated = rate(statuses(met=9, partly=41))  # 59 of 100 points
    assert (rated.grade, rated.score, rated.judged) == (Grade.REQUIRES_IMPROVEMENT, 59, 100)
    assert rated.reasons == [
        "100% of the markers that apply are judged, scoring 59% of the points possible, "
        "with 0 not met.",
        "Good needs at least 60% of the points.",
    ]


def test_50_percent_judged_is_enough_for_good():
    rated = rate(statuses(met=5, unjudged=5))
    assert (rated.grade, rated.score, rated.judged) == (Grade.GOOD, 100, 50)


def test_49_percent_judged_requires_improvement():
    rated = rate(statuses(met=49, unjudged=51))
    assert (rated.grade, rated.judged) == (Grade.REQUIRES_IMPROVEMENT, 49)
    assert rated.reasons[1:] == ["Good needs at least 50% of markers judged."]


def test_one_marker_not_met_can_still_be_good():
    rated = rate(statuses(met=8, not_met=1))
    assert (rated.grade, rated.score) == (Grade.GOOD, 88)


def test_two_markers_not_met_require_improvement():
    rated = rate(statuses(met=18, not_met=2))
    assert (rated.grade, rated.score) == (Grade.REQUIRES_IMPROVEMENT, 90)
    assert rated.reasons == [
        "100% of the markers that apply are judged, scoring 90% of the points possible, "
        "with 2 not met.",
        "Good allows at most one marker not met.",
    ]


def test_requires_improvement_lists_everything_good_still_needs():
    rated = rate(statuses(partly=2, not_met=3, unjudged=6))
    assert (rated.grade, rated.score, rated.judged) == (Grade.REQUIRES_IMPROVEMENT, 20, 45)
    assert rated.reasons[1:] == [
        "Good needs at least 50% of markers judged.",
        "Good needs at least 60% of the points.",
        "Good allows at most one marker not met.",
    ]


# What is left out


def test_markers_that_do_not_apply_are_left_out():
    # 3 of the 4 that apply are judged: without leaving out the 10, it would be 3 of 14.
    rated = rate(statuses(met=3, na=10, unjudged=1))
    assert (rated.grade, rated.score, rated.judged) == (Grade.OUTSTANDING, 100, 75)
    assert rated.counts == {
        "met": 3,
        "partly": 0,
        "not_met": 0,
        "not_applicable": 10,
        "unjudged": 1,
    }


def test_nothing_judged_is_not_rated():
    rated = rate(statuses(unjudged=29))
    assert (rated.grade, rated.score, rated.judged) == (Grade.NOT_RATED, None, 0)
    assert rated.reasons == ["No marker has been judged yet."]
    assert rated.label == "Not rated yet"


def test_nothing_that_applies_is_not_rated():
    assert rate(statuses(na=5)).grade == Grade.NOT_RATED
    assert rate([]).grade == Grade.NOT_RATED


def test_a_grade_has_its_label():
    assert rate(statuses(met=1)).label == "Outstanding"
    assert rate(statuses(met=8, not_met=1)).label == "Good"
    assert rate(statuses(not_met=2)).label == "Requires improvement"


def test_a_score_just_under_the_line_is_not_rounded_over_it():
    # 119 points of 200 is 59.5%: short of good's 60%, however it would round.
    rated = rate(statuses(met=20, partly=79, not_met=1))
    assert rated.score == 59
    assert rated.grade == Grade.REQUIRES_IMPROVEMENT
