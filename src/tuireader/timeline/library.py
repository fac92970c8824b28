"""The library timeline: every article's rows merged in date order under year, month and day
headings (one day's rows from several articles together), with counts per month or year.

Plain data for the screen, the CLI and the exports; it never reads a file (see
`library_build` for where the rows come from).
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import repeat
from operator import attrgetter
from typing import Literal

from tuireader.gc_pause import paused_gc
from tuireader.timeline.lazy_sequence import LazySequence
from tuireader.timeline.library_merged import code_period, period_code
from tuireader.timeline.library_row import LibraryRow, Period

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

Unit = Literal["month", "year"]
MONTHS_AT_MOST = 72
"""The longest span the density strip shows per month (six years)."""


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


def date_bounds(since: date | None, until: date | None) -> tuple[str, str]:
    """ISO texts a row's end must pass and its start stay below to overlap `since` to
    `until` (both days included; None: open)."""
    low = "" if since is None else datetime.combine(since, time()).isoformat()
    high = ("\uffff" if until is None
            else datetime.combine(until + timedelta(days=1), time()).isoformat())
    return low, high


def in_dates(rows: Iterable[LibraryRow], since: date | None,
             until: date | None) -> list[LibraryRow]:
    """The rows whose dates overlap `since` to `until` (both days included; None: open)."""
    low, high = date_bounds(since, until)
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
        with paused_gc():
            ordered = sorted(kept, key=attrgetter("order"))
            codes = array("I", [period_code(row.period) for row in ordered])
        self._setup(ordered, codes,
                    len({id(article) for article in map(attrgetter("article"), ordered)}))

    @classmethod
    def of_sorted(cls, rows: Sequence[LibraryRow], codes: Sequence[int],
                  articles: int) -> LibraryTimeline:
        """From rows already in date order (`codes`: each one's `period_code`), which may be
        decoded only when indexed (`SelectedRows`)."""
        timeline = cls.__new__(cls)
        timeline._setup(rows, codes, articles)
        return timeline

    def _setup(self, rows: Sequence[LibraryRow], codes: Sequence[int], articles: int) -> None:
        self.rows = rows
        self.articles = articles
        self.line_codes = array("I")
        """Each line's row's `period_code` (a heading's: the row under it), for the strip and
        for finding a period's first line by bisection."""
        layout = array("q")
        self.runs = _group(codes, layout, self.line_codes)
        """(period code, rows) of each period with rows, in order."""
        self.lines = TimelineLines(rows, layout, self.line_codes)

    def unit_for(self, width: int) -> Unit:
        """Months when the span is short (up to `MONTHS_AT_MOST`) and its months fit in
        `width` cells, else years: over twenty years, bars per month are too thin to read."""
        if not self.runs:
            return "month"
        first, last = code_period(self.runs[0][0]), code_period(self.runs[-1][0])
        months = bucket_of(last, "month") - bucket_of(first, "month") + 1
        return "month" if months <= min(width, MONTHS_AT_MOST) else "year"

    def density(self, unit: Unit) -> Density:
        if not self.runs:
            return Density(unit, 0, ())
        first = bucket_of(code_period(self.runs[0][0]), unit)
        counts = [0] * (bucket_of(code_period(self.runs[-1][0]), unit) - first + 1)
        for code, count in self.runs:
            counts[bucket_of(code_period(code), unit) - first] += count
        return Density(unit, first, tuple(counts))

    def bucket_at(self, line: int, unit: Unit) -> int:
        return bucket_of(code_period(self.line_codes[line]), unit) if self.lines else 0

    def line_of_code(self, code: int) -> int:
        """The first line of the period with `period_code` `code`, or of the next with rows."""
        return min(bisect.bisect_left(self.line_codes, code), max(len(self.lines) - 1, 0))

    def line_of_bucket(self, bucket: int, unit: Unit) -> int:
        """The first line of `bucket` or, when it is empty, of the next one with rows."""
        if unit == "month":
            year, month = divmod(bucket, 12)
            period: Period = (year, month + 1, 0)
            if month == 0:
                period = (year, 0, 0)
        else:
            period = (bucket, 0, 0)
        return self.line_of_code(period_code(period))

    def next_period(self, line: int, step: int, unit: Unit) -> int:
        """The first line of the next (`step` 1) or previous (-1) period that has rows, or of
        this one when going back from past its first row (from its first row, or a heading
        above it, the previous period: the cursor rests on rows, so `{` there must move)."""
        if not self.lines:
            return 0
        here = self.bucket_at(line, unit)
        if step > 0:
            return self.line_of_bucket(here + 1, unit) if line < len(self.lines) - 1 else line
        start = self.line_of_bucket(here, unit)
        first_row = start
        while first_row < len(self.lines) - 1 and self.lines.layout[first_row] < 0:
            first_row += 1
        if first_row < line:
            return start
        if start == 0:
            return 0
        return self.line_of_bucket(self.bucket_at(start - 1, unit), unit)


class TimelineLines(LazySequence[Line]):
    """Headings and rows by line number, each built when asked for (`layout`: a row's index,
    or -1, -2, -3 for a year, month or day heading)."""

    def __init__(self, rows: Sequence[LibraryRow], layout: array[int],
                 codes: array[int]) -> None:
        self.rows = rows
        self.layout = layout
        self.codes = codes

    def __len__(self) -> int:
        return len(self.layout)

    def __iter__(self) -> Iterator[Line]:
        rows = iter(self.rows)
        for line, kind in enumerate(self.layout):
            yield next(rows) if kind >= 0 else self._heading(line, kind)

    def item(self, line: int) -> Line:
        kind = self.layout[line]
        return self.rows[kind] if kind >= 0 else self._heading(line, kind)

    def _heading(self, line: int, kind: int) -> Heading:
        level = -kind - 1
        year, month, day = code_period(self.codes[line])
        period: Period = (year, month if level else 0, day if level == 2 else 0)
        return Heading(level, period, heading_text(period))


def _group(codes: Sequence[int], layout: array[int],
           line_codes: array[int]) -> list[tuple[int, int]]:
    """Fill `layout` with the rows (sorted `codes`) and the headings above them, `line_codes`
    with each line's row's period ("2022" above "August 2022" belongs to August's bar, not to
    an empty January); returns each period's (code, rows). One step per period, not per row:
    300,000 rows fall in a few thousand days."""
    runs: list[tuple[int, int]] = []
    year = month = day = -1
    start = 0
    for code in sorted(set(codes)):
        end = bisect.bisect_right(codes, code, start)
        y, m, d = code_period(code)
        if y != year:
            layout.append(-1)
            line_codes.append(code)
            year, month, day = y, 0, 0
        if m != month:
            layout.append(-2)
            line_codes.append(code)
            month, day = m, 0
        if d != day:
            layout.append(-3)
            line_codes.append(code)
            day = d
        layout.extend(range(start, end))
        line_codes.extend(repeat(code, end - start))
        runs.append((code, end - start))
        start = end
    return runs
