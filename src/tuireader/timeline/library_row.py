"""One row of the library timeline: an article's timeline row, with its article, in a form
that is cheap to cache (a tuple of plain values) and to sort by date across articles."""

from __future__ import annotations

from datetime import datetime
from typing import Any, NamedTuple

from tuireader.library.article import Article
from tuireader.timeline.event import Granularity, Interval
from tuireader.timeline.labels import interval_label, under_heading
from tuireader.timeline.rows import TimelineRow

Period = tuple[int, int, int]
"""(year, month, day) of a row's heading; 0 for a part its date does not give ("2019" is
(2019, 0, 0), "March 2019" (2019, 3, 0))."""

YEAR_GRANULARITIES = frozenset({Granularity.CENTURY, Granularity.DECADE, Granularity.YEAR,
                                Granularity.HALF, Granularity.QUARTER, Granularity.SEASON})
"""Dates no more precise than part of a year sit under the year's heading."""
MONTH_GRANULARITIES = frozenset({Granularity.MONTH, Granularity.WEEK})
"""A week sits under the month it begins in, not under its Monday's heading."""

RowRecord = tuple[Any, ...]
"""`LibraryRow`'s fields after `article` and `body_start`, as cached (marshal-able)."""


class LibraryRow(NamedTuple):
    """A timeline row of one article of the library (a tuple: 100,000s are built at once)."""

    article: Article
    body_start: int
    """The body's offset in the file: offsets below are body offsets, JSON adds this."""
    period: Period
    order: str
    """Sorts rows by heading, then start, then end (one string: sorting compares in C)."""
    start: str
    """ISO start of the row's interval (sorts as text: every date has a 4-digit year)."""
    end: str
    granularity: str
    value: str
    end_value: str | None
    when: str
    """The date as the article's timeline pane shows it ("2022-08-31 23:47")."""
    label: str
    label_start: int
    anchor: int
    """Start and end of the row's main expression in the body: enter highlights it."""
    anchor_end: int
    derived: bool
    aside: str
    expressions: tuple[str, ...]
    context: str
    derived_from: dict[str, Any] | None

    @property
    def short_when(self) -> str:
        """The date as a column shows it: a range's end without what its start says
        ("2021-12-24 Fri – 25 Sat")."""
        if "–" not in self.when:  # one date: nothing to leave out (most rows, no parsing)
            return self.when
        interval = Interval(datetime.fromisoformat(self.start), datetime.fromisoformat(self.end),
                            Granularity(self.granularity))
        return interval_label(interval, compact=True)

    @property
    def under_heading(self) -> str:
        """The date as a line under its heading shows it: what the heading does not say
        ("18:00", "Q3", "– 2019"; nothing for a day under its own day's heading)."""
        return under_heading(Interval(datetime.fromisoformat(self.start),
                                      datetime.fromisoformat(self.end),
                                      Granularity(self.granularity)))

    def to_json(self) -> dict[str, Any]:
        """The article's `article_id`, `path`, `title`, then the `rows` item of `tuireader
        timeline --json` (file offsets)."""
        return {**self.article_json(), **self.row_json()}

    def article_json(self) -> dict[str, Any]:
        """The article's part of `to_json` (the same for all of its rows)."""
        return LibraryRow.article_json_of(self.article)

    @staticmethod
    def article_json_of(article: Article) -> dict[str, Any]:
        return {"article_id": article.id, "path": str(article.path), "title": article.title}

    def row_json(self) -> dict[str, Any]:
        """The row's part of `to_json`."""
        shift = self.body_start
        derived = self.derived_from
        if derived is not None:
            derived = {**derived, "start": derived["start"] + shift,
                       "end": derived["end"] + shift}
        return {
            "anchor": self.anchor + shift,
            "value": self.value,
            "end_value": self.end_value,
            "start": self.start,
            "end": self.end,
            "granularity": self.granularity,
            "label": self.label,
            "label_start": self.label_start + shift,
            "expressions": list(self.expressions),
            "context": self.context,
            "derived_from": derived,
        }


def period_of(row: TimelineRow) -> Period:
    start = row.interval.start
    granularity = row.interval.granularity
    if granularity in YEAR_GRANULARITIES:
        return (start.year, 0, 0)
    if granularity in MONTH_GRANULARITIES:
        return (start.year, start.month, 0)
    return (start.year, start.month, start.day)


def row_record(row: TimelineRow) -> RowRecord:
    """What the library timeline keeps of a row (body offsets), in `LibraryRow`'s order."""
    period = period_of(row)
    start, end = row.interval.start.isoformat(), row.interval.end.isoformat()
    return (
        period,
        f"{period[0]:04d}-{period[1]:02d}-{period[2]:02d} {start} {end}",
        start,
        end,
        str(row.interval.granularity),
        row.value,
        row.end_value,
        row.when,
        row.label,
        row.label_start,
        row.event.start,
        row.event.end,
        row.derived_from is not None,
        row.aside,
        tuple(event.id for event in row.events),
        row.context_text,
        None if row.derived_from is None else row.derived_from.to_json(),
    )


def library_rows(article: Article, body_start: int,
                 records: list[RowRecord]) -> list[LibraryRow]:
    """The article's rows (built as plain tuples: a warm library timeline makes 100,000s)."""
    new = tuple.__new__
    prefix = (article, body_start)
    return [new(LibraryRow, prefix + record) for record in records]
