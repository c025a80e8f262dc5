"""Small-number suppression: a count that could pick someone out is shown as *."""

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template

from involvement.suppression import suppress, suppress_breakdown, suppress_part, suppress_share


@pytest.mark.parametrize(
    "count, shown",
    [(0, 0), (1, "*"), (7, "*"), (8, 8), (9, 9), (250, 250), (None, None)],
)
def test_counts_under_the_default_threshold_of_8_are_hidden(count, shown):
    assert suppress(count, 8) == shown


@pytest.mark.parametrize("count, shown", [(0, 0), (1, "*"), (9, "*"), (10, 10), (11, 11)])
def test_an_organisation_can_raise_the_threshold(count, shown):
    assert suppress(count, 10) == shown


@pytest.mark.parametrize("threshold", [0, 1, 3, 4])
def test_one_to_four_people_are_hidden_even_with_a_threshold_below_five(threshold):
    assert [suppress(n, threshold) for n in range(7)] == [0, "*", "*", "*", "*", 5, 6]


def test_the_template_filter_uses_the_organisations_threshold(brightwater):
    brightwater.suppression_threshold = 10
    template = Template("{% load suppression %}{{ a|suppress:org }} {{ b|suppress:org }}")
    assert template.render(Context({"a": 9, "b": 10, "org": brightwater})) == "* 10"


def test_the_threshold_starts_at_8(brightwater):
    assert brightwater.suppression_threshold == 8


def test_an_organisation_cannot_set_the_threshold_below_five(brightwater):
    brightwater.suppression_threshold = 4
    with pytest.raises(ValidationError) as refused:
        brightwater.full_clean()
    assert set(refused.value.message_dict) == {"suppression_threshold"}
    brightwater.suppression_threshold = 5
    brightwater.full_clean()


@pytest.mark.parametrize(
    "total, parts, expected",
    [
        # 9 shown and 8 invited would give away 1 volunteered: both parts are hidden.
        (9, {"invited": 8, "volunteered": 1}, (9, {"invited": "*", "volunteered": "*"})),
        (20, {"invited": 10, "volunteered": 10}, (20, {"invited": 10, "volunteered": 10})),
        # Nothing to work out when the total is hidden too.
        (3, {"invited": 2, "volunteered": 1}, ("*", {"invited": "*", "volunteered": "*"})),
        (9, {"invited": 9, "volunteered": 0}, (9, {"invited": 9, "volunteered": 0})),
        # Three parts, one hidden: the next smallest goes too.
        (30, {"a": 2, "b": 10, "c": 18}, (30, {"a": "*", "b": "*", "c": 18})),
    ],
)
def test_a_hidden_part_cannot_be_worked_out_from_the_total(total, parts, expected):
    assert suppress_breakdown(total, parts, 8) == expected


@pytest.mark.parametrize(
    ("part", "total", "shown"),
    [
        (0, 0, None),
        (8, 8, 100),
        (0, 8, 0),
        (8, 16, 50),
        (9, 16, "*"),  # the other 7 would be given away by the share
        (3, 16, "*"),
        (4, 6, "*"),
    ],
)
def test_a_share_hides_when_the_part_or_the_rest_is_small(part, total, shown):
    assert suppress_share(part, total, 8) == shown


def test_a_part_and_its_total_hide_together():
    assert suppress_part(7, 20, 8) == ("*", 20)
    assert suppress_part(10, 20, 8) == (10, 20)
