"""The library timeline: every article's rows merged in date order under year, month and day
headings (one day's rows from several articles together), with counts per month or year.

Plain data for the screen, the CLI and the exports; it never reads a file (see
`library_build` for where the rows come from).
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from operator import attrgetter
from typing import Literal

from tuireader.gc_pause import paused_gc
from tuireader.timeline.library_row import LibraryRow, Period

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

Unit = Literal["month", "year"]


@dataclass(frozen=True, slots=True)
class Heading:
    """A year (level 0), month (1) or day (2) heading above the rows of that period."""

    level: int
    period: Period
    text: str


Line = LibraryRow | Heading


def heading_text(period: Period) -> str:
    """"2019", "March 2019", "Tuesday 12 March 2019"."""
    year, month, day = period
    if not month:
        return str(year)
    if not day:
        return f"{MONTHS[month - 1]} {year}"
    weekday = WEEKDAYS[date(year, month, day).weekday()]
    return f"{weekday} {day} {MONTHS[month - 1]} {year}"


def in_dates(rows: Iterable[LibraryRow], since: date | None,
             until: date | None) -> list[LibraryRow]:
    """The rows whose dates overlap `since` to `until` (both days included; None: open)."""
    low = "" if since is None else datetime.combine(since, time()).isoformat()
    high = ("\uffff" if until is None
            else datetime.combine(until + timedelta(days=1), time()).isoformat())
    return [row for row in rows if row.end > low and row.start < high]


def bucket_of(period: Period, unit: Unit) -> int:
    """A month as year * 12 + month index (a year's own rows in its January), or a year."""
    year, month, _ = period
    return year * 12 + max(month, 1) - 1 if unit == "month" else year


def bucket_label(bucket: int, unit: Unit) -> str:
    if unit == "year":
        return str(bucket)
    year, month = divmod(bucket, 12)
    return f"{MONTHS[month]} {year}"


@dataclass(frozen=True, slots=True)
class Density:
    """How many rows each month (or year) holds, from the first to the last, empty ones too."""

    unit: Unit
    first: int
    """The first bucket (see `bucket_of`)."""
    counts: tuple[int, ...]

    def index_of(self, period: Period) -> int:
        return bucket_of(period, self.unit) - self.first


class LibraryTimeline:
    """Rows sorted by date (stable: one article's rows of a date keep their order), and the
    lines a reader scrolls: headings and rows."""

    def __init__(self, rows: Iterable[LibraryRow], since: date | None = None,
                 until: date | None = None) -> None:
        kept = in_dates(rows, since, until) if since or until else list(rows)
        self.rows: list[LibraryRow] = sorted(kept, key=attrgetter("order"))
        self.lines: list[Line] = []
        self.line_periods: list[Period] = []
        """Each line's row's period (a heading's: the row under it), for the strip and for
        finding a period's first line by bisection."""
        with paused_gc():
            _group(self.rows, self.lines, self.line_periods)
        self.articles = len({id(article) for article in map(attrgetter("article"), self.rows)})

    def unit_for(self, width: int) -> Unit:
        """Months when the span's months fit in `width` cells, else years."""
        if not self.rows:
            return "month"
        first, last = self.rows[0].period, self.rows[-1].period
        return "month" if bucket_of(last, "month") - bucket_of(first, "month") < width else "year"

    def density(self, unit: Unit) -> Density:
        if not self.rows:
            return Density(unit, 0, ())
        first = bucket_of(self.rows[0].period, unit)
        counts = [0] * (bucket_of(self.rows[-1].period, unit) - first + 1)
        for period, count in Counter(map(attrgetter("period"), self.rows)).items():
            counts[bucket_of(period, unit) - first] += count
        return Density(unit, first, tuple(counts))

    def bucket_at(self, line: int, unit: Unit) -> int:
        return bucket_of(self.line_periods[line], unit) if self.lines else 0

    def line_of_bucket(self, bucket: int, unit: Unit) -> int:
        """The first line of `bucket` or, when it is empty, of the next one with rows."""
        if unit == "month":
            year, month = divmod(bucket, 12)
            period: Period = (year, month + 1, 0)
            if month == 0:
                period = (year, 0, 0)
        else:
            period = (bucket, 0, 0)
        return min(bisect.bisect_left(self.line_periods, period), max(len(self.lines) - 1, 0))

    def next_period(self, line: int, step: int, unit: Unit) -> int:
        """The first line of the next (`step` 1) or previous (-1) period that has rows, or of
        this one when going back from inside it."""
        if not self.lines:
            return 0
        here = self.bucket_at(line, unit)
        if step > 0:
            return self.line_of_bucket(here + 1, unit) if line < len(self.lines) - 1 else line
        start = self.line_of_bucket(here, unit)
        if start < line:
            return start
        if start == 0:
            return 0
        return self.line_of_bucket(self.bucket_at(start - 1, unit), unit)


def _group(rows: list[LibraryRow], lines: list[Line], periods: list[Period]) -> None:
    """Fill `lines` with `rows` and the headings above them, `periods` with each line's row's
    period ("2022" above "August 2022" belongs to August's bar, not to an empty January)."""
    year = month = day = -1
    last: Period | None = None
    add_line, add_period = lines.append, periods.append
    for row in rows:
        period = row.period
        if period != last:  # most rows share their day with the row before
            last = period
            y, m, d = period
            if y != year:
                add_line(Heading(0, (y, 0, 0), heading_text((y, 0, 0))))
                add_period(period)
                year, month, day = y, 0, 0
            if m != month:
                add_line(Heading(1, (y, m, 0), heading_text((y, m, 0))))
                add_period(period)
                month, day = m, 0
            if d != day:
                add_line(Heading(2, period, heading_text(period)))
                add_period(period)
                day = d
        add_line(row)
        add_period(period)
