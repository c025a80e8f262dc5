"""Reporting periods: quarters of the organisation's own financial year."""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _

MONTHS = 3


@dataclass(frozen=True, order=True)
class Period:
    """A quarter: `start` and `end` are both inside it."""

    start: datetime.date
    end: datetime.date
    year_start_month: int

    @property
    def number(self) -> int:
        return ((self.start.month - self.year_start_month) % 12) // MONTHS + 1

    @property
    def year_label(self) -> str:
        first = (
            self.start.year if self.start.month >= self.year_start_month else self.start.year - 1
        )
        if self.year_start_month == 1:
            return str(first)
        return f"{first}/{(first + 1) % 100:02d}"

    @property
    def label(self) -> str:
        """ "2026/27 Q2" (or "2026 Q2" when the year starts in January)."""
        return _("%(year)s Q%(number)s") % {"year": self.year_label, "number": self.number}

    @property
    def months(self) -> str:
        if self.start.year != self.end.year:
            return f"{self.start:%b %Y}–{self.end:%b %Y}"
        return f"{self.start:%b}–{self.end:%b %Y}"

    @property
    def key(self) -> str:
        """The form and URL value: the first day, ISO."""
        return self.start.isoformat()

    def previous(self) -> "Period":
        return quarter_of(self.start - datetime.timedelta(days=1), self.year_start_month)

    def next(self) -> "Period":
        return quarter_of(self.end + datetime.timedelta(days=1), self.year_start_month)

    def overlaps(self, start: datetime.date, end: datetime.date | None) -> bool:
        return start <= self.end and (end is None or end >= self.start)


def _add_months(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def quarter_of(day: datetime.date, year_start_month: int) -> Period:
    """The quarter `day` falls in, for a year starting on the 1st of `year_start_month`."""
    offset = (day.month - year_start_month) % MONTHS
    start = _add_months(datetime.date(day.year, day.month, 1), -offset)
    end = _add_months(start, MONTHS) - datetime.timedelta(days=1)
    return Period(start, end, year_start_month)


def quarter_starting(key: str, year_start_month: int) -> Period | None:
    """The quarter whose `key` this is, or None when it is not the first day of one."""
    try:
        day = datetime.date.fromisoformat(key)
    except (TypeError, ValueError):
        return None
    period = quarter_of(day, year_start_month)
    return period if period.start == day else None


def quarters_ending(last: Period, count: int) -> list[Period]:
    """`count` quarters, oldest first, ending with `last`."""
    periods = [last]
    while len(periods) < count:
        periods.insert(0, periods[0].previous())
    return periods


def quarters_between(start: datetime.date, end: datetime.date, year_start_month: int):
    """Every quarter from the one holding `start` to the one holding `end`."""
    period = quarter_of(start, year_start_month)
    periods = []
    while period.start <= end:
        periods.append(period)
        period = period.next()
    return periods
