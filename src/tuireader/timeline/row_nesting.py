"""Which row an expression joins within a sentence: the row whose date it names less
precisely ("2022-08" for "2022-08-31"), or whose day a season, week or part of the day holds
("in the summer of 2012, on 27 July", "at 23:24 on Thursday evening") when both are said of
one predicate."""

from __future__ import annotations

import re

from tuireader.timeline.event import Event, Granularity

NestedRow = tuple[Event, Event | None, list[Event]]
"""A row being built: its main expression, a range's other end, the expressions it holds."""


def precision(event: Event) -> tuple[float, int]:
    assert event.interval is not None
    return (event.interval.end - event.interval.start).total_seconds(), event.start


def container_row(text: str, rows: list[NestedRow], event: Event) -> NestedRow | None:
    """The first row whose date(s) `event` names less precisely ("2022-08" for
    "2022-08-31", both ends of a range; a season or a week around them: "in the summer of
    2012, on 27 July", "last week, on Wednesday")."""
    for row in rows:
        main, partner, _ = row
        ends = (main,) if partner is None else (main, partner)
        if all(end.value.startswith(event.value)
               or (_around(event, end) and not _another_predicate(text, event, end))
               for end in ends):
            return row
    return None


_NEW_PREDICATE = re.compile(
    r";|\b(?:and|but)\s+(?:then\s+|later\s+)?(?:[a-z]{3,}ed|was|were|had|will|would|is|are"
    r"|won|lost|left|went|came|made|took|began|fell|rose|died|grew|ran|held|sold|paid)\b",
    re.IGNORECASE)


def _another_predicate(text: str, one: Event, other: Event) -> bool:
    """Whether a second predicate starts between two expressions ("diagnosed in the spring
    and died on 30 May"): a season or a week around the other date is then another event's."""
    a, b = (one, other) if one.start < other.start else (other, one)
    return _NEW_PREDICATE.search(text, a.end, b.start) is not None


_AROUND = frozenset({Granularity.SEASON, Granularity.WEEK, Granularity.PART_OF_DAY})
_CLOCK = frozenset({Granularity.HOUR, Granularity.MINUTE, Granularity.SECOND})


def _around(wide: Event, narrow: Event) -> bool:
    """A season or a week that holds a date, a part of the day that holds a time ("at 7:45
    this morning"): the same time, said less precisely, though its value is no prefix."""
    a, b = wide.interval, narrow.interval
    if a is None or b is None or (a.granularity not in _AROUND
                                  and not wide.value.endswith("-WE")):  # a weekend: its days
        return False
    if a.granularity is Granularity.PART_OF_DAY and b.granularity in _CLOCK \
            and a.start.date() == b.start.date():
        return True  # "at 23:24 on Thursday evening": the writer's evening runs that late
    return a.start <= b.start and b.end <= a.end
