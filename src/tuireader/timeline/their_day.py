"""Expressions that take their day from the date said right after them: a clock time or a
part of the day "on" a day ("22:00 on Saturday", "mid-afternoon on Friday"), and "the weekend
of 11-12 May". Read alone, each would take the day nearest it or the publication's."""

from __future__ import annotations

import re
from itertools import pairwise

from tuireader.timeline.event import EventType
from tuireader.timeline.normalise import Found, Norm
from tuireader.timeline.normalise.values import iso_week

_ON = re.compile(r"\s+on\s+", re.IGNORECASE)
_OF = re.compile(r"\s+of\s+", re.IGNORECASE)
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
_YEAR_WRITTEN = re.compile(r"\d{4}")
"""A full date ("at 11:47 p.m. on 31 August 2022") stays an expression of its own, as TimeML
marks it; the clock still takes its day from it (`_anchor_clock_times`)."""
_PART_OF_DAY = re.compile(r"\d{4}-\d\d-\d\dT(?P<part>MO|AF|EV|NI)")


def on_their_day(text: str, items: list[Found]) -> None:
    """"From 22:00 on Saturday until 06:00 on Monday": a clock time (or a part of the day)
    followed by "on" and a day is at that day, one expression with it ("11 a.m. on Friday"
    already is), so each end of a range keeps its own day."""
    i = 0
    while i < len(items) - 1:
        s, e, norm, sentence = items[i]
        s2, e2, day, _ = items[i + 1]
        time_of_day = _time_of_day(norm)
        if time_of_day is not None and day.type is EventType.DATE and day.anchor is not None \
                and _DAY_VALUE.fullmatch(day.value) and _ON.fullmatch(text, e, s2) \
                and not _YEAR_WRITTEN.search(text, s2, e2):
            norm.value = f"{day.value}T{time_of_day}"
            norm.anchor, norm.resolution, norm.needs_day = day.anchor, day.resolution, False
            items[i] = (s, e2, norm, sentence)
            del items[i + 1]
        i += 1


def _time_of_day(norm: Norm) -> str | None:
    """A clock time still waiting for its day, or a part of the day: what follows its "T"."""
    if norm.type is not EventType.TIME:
        return None
    part = _PART_OF_DAY.fullmatch(norm.value)
    if part is not None:
        return part.group("part")
    return norm.value.split("T", 1)[1] if norm.needs_day and "T" in norm.value else None


def weekend_of_the_dates(text: str, items: list[Found]) -> None:
    """"The weekend of 11-12 May": the weekend those days fall in, not this week's."""
    for (_, e, norm, _), (s2, _, day, _) in pairwise(items):
        if norm.type is EventType.DATE and norm.value.endswith("-WE") \
                and day.anchor is not None and _DAY_VALUE.fullmatch(day.value) \
                and _OF.fullmatch(text, e, s2):
            norm.value, norm.resolution = iso_week(day.anchor) + "-WE", day.resolution

