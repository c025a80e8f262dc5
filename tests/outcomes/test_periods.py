"""Reporting periods: quarters of the organisation's own financial year."""

import datetime

import pytest

from outcomes.periods import quarter_of, quarter_starting, quarters_between, quarters_ending

D = datetime.date


@pytest.mark.parametrize(
    "day, year_start_month, start, end, label",
    [
        # The calendar year.
        (D(2026, 11, 22), 1, D(2026, 10, 1), D(2026, 12, 31), "2026 Q4"),
        (D(2026, 1, 1), 1, D(2026, 1, 1), D(2026, 3, 31), "2026 Q1"),
        # April to March, the usual UK financial year.
        (D(2026, 11, 22), 4, D(2026, 10, 1), D(2026, 12, 31), "2026/27 Q3"),
        (D(2026, 4, 1), 4, D(2026, 4, 1), D(2026, 6, 30), "2026/27 Q1"),
        (D(2026, 3, 31), 4, D(2026, 1, 1), D(2026, 3, 31), "2025/26 Q4"),
        (D(2027, 2, 28), 4, D(2027, 1, 1), D(2027, 3, 31), "2026/27 Q4"),
        # November to October: the first quarter spans the end of the calendar year.
        (D(2026, 11, 1), 11, D(2026, 11, 1), D(2027, 1, 31), "2026/27 Q1"),
        (D(2026, 12, 31), 11, D(2026, 11, 1), D(2027, 1, 31), "2026/27 Q1"),
        (D(2027, 1, 31), 11, D(2026, 11, 1), D(2027, 1, 31), "2026/27 Q1"),
        (D(2027, 2, 1), 11, D(2027, 2, 1), D(2027, 4, 30), "2026/27 Q2"),
        (D(2026, 10, 31), 11, D(2026, 8, 1), D(2026, 10, 31), "2025/26 Q4"),
    ],
)
def test_the_quarter_a_day_falls_in(day, year_start_month, start, end, label):
    period = quarter_of(day, year_start_month)
    assert (period.start, period.end, period.label) == (start, end, label)


def test_a_quarter_spanning_the_year_end_names_both_years_in_its_months():
    assert quarter_of(D(2026, 12, 5), 11).months == "Nov 2026–Jan 2027"
    assert quarter_of(D(2026, 12, 5), 4).months == "Oct–Dec 2026"


def test_a_quarter_ending_in_february_ends_on_its_last_day():
    assert quarter_of(D(2028, 2, 10), 12).end == D(2028, 2, 29)
    assert quarter_of(D(2027, 2, 10), 12).end == D(2027, 2, 28)


def test_the_quarter_before_and_after_cross_the_year_start():
    q4 = quarter_of(D(2026, 3, 1), 4)
    assert q4.next().label == "2026/27 Q1"
    assert q4.next().previous() == q4
    spanning = quarter_of(D(2026, 12, 1), 11)
    assert spanning.previous().label == "2025/26 Q4"
    assert spanning.next().start == D(2027, 2, 1)


def test_quarters_order_by_date():
    earlier, later = quarter_of(D(2026, 2, 1), 4), quarter_of(D(2026, 5, 1), 4)
    assert earlier < later
    assert max(later, earlier) == later


def test_a_quarter_is_named_in_forms_and_urls_by_its_first_day():
    assert quarter_of(D(2026, 11, 22), 4).key == "2026-10-01"


@pytest.mark.parametrize(
    "key, year_start_month, start",
    [
        ("2026-10-01", 4, D(2026, 10, 1)),
        ("2026-11-01", 11, D(2026, 11, 1)),
        ("2027-02-01", 11, D(2027, 2, 1)),
    ],
)
def test_a_quarter_is_found_from_its_first_day(key, year_start_month, start):
    assert quarter_starting(key, year_start_month).start == start


@pytest.mark.parametrize(
    "key, year_start_month",
    [
        ("2026-10-02", 4),  # inside a quarter, not its first day
        ("2026-11-01", 4),  # the first of a month that starts no quarter
        ("2026-10-01", 11),  # a quarter start in April years, not in November ones
        ("2026-13-01", 4),
        ("next quarter", 4),
        ("", 4),
        (None, 4),
    ],
)
def test_a_key_that_is_not_the_first_day_of_a_quarter_finds_nothing(key, year_start_month):
    assert quarter_starting(key, year_start_month) is None


def test_the_quarters_ending_with_one_are_oldest_first():
    last = quarter_of(D(2026, 11, 22), 4)
    labels = [p.label for p in quarters_ending(last, 4)]
    assert labels == ["2025/26 Q4", "2026/27 Q1", "2026/27 Q2", "2026/27 Q3"]
    assert quarters_ending(last, 1) == [last]


def test_the_quarters_ending_with_one_cross_a_year_spanning_quarter():
    last = quarter_of(D(2027, 3, 1), 11)
    assert [p.months for p in quarters_ending(last, 3)] == [
        "Aug–Oct 2026",
        "Nov 2026–Jan 2027",
        "Feb–Apr 2027",
    ]


def test_the_quarters_between_two_days_include_both_ends():
    periods = quarters_between(D(2026, 1, 15), D(2026, 11, 22), 4)
    assert [p.label for p in periods] == ["2025/26 Q4", "2026/27 Q1", "2026/27 Q2", "2026/27 Q3"]


def test_the_quarters_between_two_days_in_one_quarter_are_that_quarter():
    periods = quarters_between(D(2026, 4, 1), D(2026, 6, 30), 4)
    assert [(p.start, p.end) for p in periods] == [(D(2026, 4, 1), D(2026, 6, 30))]


@pytest.mark.parametrize(
    "start, end, overlaps",
    [
        (D(2026, 3, 1), D(2026, 3, 31), False),  # ends the day before
        (D(2026, 3, 1), D(2026, 4, 1), True),  # ends on its first day
        (D(2026, 6, 30), None, True),  # starts on its last day, still going
        (D(2026, 7, 1), None, False),  # starts the day after
        (D(2025, 1, 1), None, True),  # started long before, still going
    ],
)
def test_a_quarter_overlaps_dates_that_touch_it(start, end, overlaps):
    assert quarter_of(D(2026, 5, 1), 4).overlaps(start, end) is overlaps
