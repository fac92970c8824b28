"""Clock ranges whose opening is no clock time when read alone: a bare hour ("between 9 and
11 a.m.") and a 24-hour range counted in "hours" ("from 0700 to 2200 hours", which reads
like a number of hours)."""

from __future__ import annotations

import re

from tuireader.timeline.event import EventType, Resolution
from tuireader.timeline.normalise import Found, Norm

_BARE_OPENING = re.compile(
    r"\b(?:between|from)\s+(?P<hour>[1-9]|1[0-2])(?:[:.](?P<minute>[0-5]\d))?"
    r"\s*(?:and|to|until|till|-|\u2013)\s*$", re.IGNORECASE)
_MERIDIEM = re.compile(r"(?P<pm>p\.?m\b\.?)|a\.?m\b\.?", re.IGNORECASE)
_CLOCK_VALUE = re.compile(r"(?P<day>\d{4}-\d\d-\d\d)T(?P<hour>\d\d):\d\d")


def bare_openings(text: str, items: list[Found]) -> None:
    """"Closed between 9 and 11 a.m. on Friday": a bare hour opening a range whose closing
    clock says a.m. or p.m. is a clock time of the same day, and the closing half of the day
    carries back to it unless that would put it after the close ("between 11 and 1 p.m.")."""
    for i in range(len(items) - 1, -1, -1):
        s, e, norm, sentence = items[i]
        clock = _CLOCK_VALUE.fullmatch(norm.value)
        meridiem = _MERIDIEM.search(text, s, e)
        opening = _BARE_OPENING.search(text, max(0, s - 24), s)
        if norm.type is not EventType.TIME or clock is None or meridiem is None \
                or opening is None or (i > 0 and items[i - 1][1] > opening.start()):
            continue
        hour = int(opening.group("hour")) % 12 + (12 if meridiem.group("pm") else 0)
        if hour > int(clock.group("hour")) and hour >= 12:
            hour -= 12
        minute = opening.group("minute") or "00"
        said = Norm(EventType.TIME, f"{clock.group('day')}T{hour:02d}:{minute}",
                    norm.resolution, anchor=norm.anchor)
        end = opening.end("minute" if opening.group("minute") else "hour")
        items.insert(i, (opening.start("hour"), end, said, sentence))


_MILITARY_RANGE = re.compile(
    r"(?P<h1>[01]\d|2[0-3])(?P<m1>[0-5]\d)(?P<gap>\s*(?:to|until|till|-|\u2013)\s*)"
    r"(?P<h2>[01]\d|2[0-3])(?P<m2>[0-5]\d)\s+(?:hours|hrs)\b", re.IGNORECASE)


def military_ranges(text: str, items: list[Found]) -> None:
    """"Voting took place from 0700 to 2200 hours": two clock times (each still to take its
    day), not a number of hours."""
    for i in range(len(items) - 1, -1, -1):
        s, e, norm, sentence = items[i]
        said = _MILITARY_RANGE.fullmatch(text, s, e)
        if norm.type is not EventType.DURATION or said is None:
            continue
        items[i:i + 1] = [(said.start("h1"), said.end("m1"), _clock_to_date(said, 1), sentence),
                          (said.start("h2"), e, _clock_to_date(said, 2), sentence)]


def _clock_to_date(said: re.Match[str], n: int) -> Norm:
    hhmm = f"{said.group(f'h{n}')}:{said.group(f'm{n}')}"
    return Norm(EventType.TIME, f"XXXX-XX-XXT{hhmm}", Resolution.UNRESOLVED, needs_day=True)
