"""Which of a sentence's expressions bound one period together ("from 9 a.m. to 5 p.m.",
"2017\u20132019", "May until June"): the two ends of a range make one row."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from itertools import pairwise

from tuireader.timeline.event import Event, Granularity
from tuireader.timeline.intervals import interval_of

_PART_OF = r"(?:the\s+(?:early\s+|late\s+)?(?:morning|afternoon|evening|night|hours)\s+of\s+)"
"""A part of the day said before a range's end ("from the evening of 1 May into the early
hours of 2 May"): the range still runs between the two dates."""
_ABOUT = r"(?:(?:in|on)\s+or\s+about\s+)?"
"""The law's hedge before each end ("from in or about 2018 through in or about 2021")."""
_RANGE_GAP = re.compile(
    r"\s*(?:(?P<dash>-|\u2013|\u2014|/)|(?P<comma>,\s*)?(?:(?P<open>until|till|through|thru)"
    r"|to|and|(?P<into>into)))\s*"
    r"(?:at\s+(?:least|the\s+(?:earliest|latest))\s+)?" + _PART_OF + "?" + _ABOUT
    + r"(?P<event>(?:his|her|its|their|the)\s+[a-z]+\s+(?:in|on)\s+)?",
    re.IGNORECASE)
"""What lies between a range's ends: "to", "until at least", "until her retirement in"
(an end named by its event, which makes a range only after "from"); after a comma ("between
April 1, 2022, and March 31, 2023") or "into", only after "between" or "from"."""
_RANGE_LEAD = re.compile(r"\b(?:between|from|weekend\s+of)\s+" + _PART_OF + "?" + _ABOUT + "$",
                         re.IGNORECASE)
"""What opens a range: "between", "from", and "the weekend of" (its two days: "29 and 30
June" is one stretch there, two days elsewhere)."""
_LEAD_REACH = 40


def paired_ends(text: str, placed: list[Event]) -> tuple[list[tuple[Event, Event]], list[Event]]:
    """Pairs of expressions that bound one period ("from 9 a.m. to 5 p.m.", "2017–2019",
    "May until June"), and the expressions left single."""
    by_id = {event.id: event for event in placed}
    pairs: list[tuple[Event, Event]] = []
    paired: set[str] = set()
    ordered = sorted(placed, key=lambda e: e.start)
    for first, second in pairwise(ordered):
        if first.id in paired or _nests(first.value, second.value):
            continue
        if by_id.get(first.range_partner or "") is second or bounds(text, first, second):
            pairs.append((first, forward(first, second)))
            paired.update((first.id, second.id))
    return pairs, [event for event in ordered if event.id not in paired]


_YEAR_SAID = re.compile(r"\d{4}|'\d\d\b")
_WEEKDAY_SAID = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day", re.IGNORECASE)


def forward(first: Event, second: Event) -> Event:
    """A range's end with no year said, placed before its start, is the next one after it:
    "from August to May" ends in May of the next year, "from 10pm to 2am" the next day,
    "from Friday to Monday" the Monday after. A range never runs backwards."""
    a, b = first.interval, second.interval
    if a is None or b is None or b.start >= a.start or _YEAR_SAID.search(second.text):
        return second
    value = second.value
    if "T" in value and value[:10] == first.value[:10]:
        value = _days_on(value, 1)
    elif b.granularity is Granularity.DAY and _WEEKDAY_SAID.fullmatch(second.text.strip()):
        value = _days_on(value, 7)
    elif value[:4].isdigit():
        value = f"{int(value[:4]) + 1:04d}{value[4:]}"
    moved = interval_of(value)
    if moved is None or moved.start < a.start:
        return second
    return replace(second, value=value, interval=moved)


def _days_on(value: str, days: int) -> str:
    moved = date.fromisoformat(value[:10]) + timedelta(days=days)
    return moved.isoformat() + value[10:]


def _nests(one: str, other: str) -> bool:
    """"this year through Oct. 19": an end inside the other names no period between two
    dates; the sentence's event is at the precise one (the other rides along)."""
    return one.startswith(other) or other.startswith(one)


def bounds(text: str, first: Event, second: Event) -> bool:
    gap = _RANGE_GAP.fullmatch(text, first.end, second.start)
    if gap is None:
        return False
    led = _RANGE_LEAD.search(text, max(0, first.start - _LEAD_REACH), first.start) is not None
    if gap.group("event"):
        return gap.group("open") is not None and led
    if gap.group("comma") or gap.group("into"):
        return led
    if gap.group("dash") or gap.group("open"):
        return True
    if gap.group().strip().lower() == "to" and any(
            end.text.isdigit() and len(end.text) <= 2 for end in (first, second)):
        return True  # "July 12 to 14", "3 to 7 June": a bare day is a date only as an end
    if gap.group().strip().lower() == "to" and _WEEKDAY_SAID.fullmatch(first.text.strip()) \
            and _WEEKDAY_SAID.match(second.text.strip()):
        return True  # "the conference runs Monday to Friday (next week)"
    return led or _whole_dates_to(gap.group(), first, second)


def _whole_dates_to(gap: str, first: Event, second: Event) -> bool:
    """"The dataset covers 2019-01-01 to 2021-12-31": two dates of one precision, each with
    its year, joined by "to" bound a period even with no "from" before them."""
    a, b = first.interval, second.interval
    return gap.strip().lower() == "to" and a is not None and b is not None \
        and a.granularity is b.granularity and a.start < b.start \
        and all(_YEAR_SAID.search(end.text) for end in (first, second))



_MONTHS_TO = re.compile(
    r"\b(?P<count>three|3|six|6)\s+months\s+(?:to|ended|ending|through)\s+(?:the\s+end\s+of\s+)?$",
    re.IGNORECASE)
_MONTH_VALUE = re.compile(r"(?P<year>\d{4})-(?P<month>\d\d)")


def period_ending(text: str, event: Event) -> str | None:
    """"The three months to June": a business quarter (or "six months to": a half) named by
    its last month, the period's value (2024-Q2) when the month closes one, else None."""
    said = _MONTHS_TO.search(text, max(0, event.start - 40), event.start)
    value = _MONTH_VALUE.fullmatch(event.value)
    if said is None or value is None:
        return None
    months = 3 if said.group("count").lower() in ("three", "3") else 6
    month = int(value.group("month"))
    if month % months:
        return None
    letter = "Q" if months == 3 else "H"
    return f"{value.group('year')}-{letter}{month // months}"
