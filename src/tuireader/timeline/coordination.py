"""Coordinated dates share what the last one says: "in October and November 2012" is October
2012, "on Monday and Tuesday of last week" last week's Monday, "between March and June last
year" last year's March. Read alone, the first date would take its year (or week) from the
publication date."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from tuireader.timeline.calendar_days import OffCalendar, calendar_day, days_after
from tuireader.timeline.event import EventType, Resolution
from tuireader.timeline.fragments import MONTH
from tuireader.timeline.lexicon import WEEKDAYS
from tuireader.timeline.normalise import Found, Norm

_JOINT = re.compile(
    r"\s*,?\s*(?:-|\u2013|\u2014|to|through|thru|until|till|(?:and|or)"
    r"(?:\s+(?:in|on|(?:the\s+)?(?:full[\s-]year|fiscal(?:\s+year)?)))?|,)\s*", re.IGNORECASE)
_OWN_YEAR = re.compile(r"\d{4}|\b(?:year|last|next|this|that|same)\b", re.IGNORECASE)
"""What gives a date its year in its own words ("2012", "last year", "of that year", "last
May")."""
_NAMES_ITS_PLACE = re.compile(MONTH + r"|\d|\b(?:spring|summer|fall|autumn|winter)\b",
                              re.IGNORECASE)
"""A month, a day's number or a season: what a date without its year is said by (not a
weekday, whose year the publication date gives)."""
_CALENDAR = re.compile(r"\d{4}-(?:(?P<month>\d\d)(?:-(?P<day>\d\d))?|(?P<season>SP|SU|FA|WI))$")
_PART_OF_A_YEAR = re.compile(r"\d{4}-[QH]\d")
_YEAR_OR_PART = re.compile(r"\d{4}(?:-[QH]\d)?")
_SEASON_ORDER = {"SP": 1, "SU": 2, "FA": 3, "WI": 4}
_WEEKDAY = re.compile(r"(?P<weekday>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)"
                      r"(?:\s+(?:morning|afternoon|evening|night))?", re.IGNORECASE)
_OF_WEEK = re.compile(r"\b(?:of\s+(?:this|last|next|that|the\s+same|the\s+following|"
                      r"the\s+previous)|last|next)\s+week$", re.IGNORECASE)

_PLACED = (EventType.DATE, EventType.TIME)



def share_what_the_last_says(text: str, items: Sequence[Found]) -> None:
    """Give each date coordinated with the next one ("October and November 2012", "Monday,
    Tuesday and Wednesday of last week") the year or the week that one says and it does not.
    Read from the right, so a list passes the last date's year all the way back."""
    year_from: set[int] = set()
    week_from: set[int] = set()
    for i in range(len(items) - 2, -1, -1):
        s1, e1, first, _ = items[i]
        s2, e2, second, _ = items[i + 1]
        if first.type not in _PLACED or second.type not in _PLACED \
                or _JOINT.fullmatch(text, e1, s2) is None:
            continue
        said, then_said = text[s1:e1], text[s2:e2]
        if (i + 1 in year_from or _OWN_YEAR.search(then_said)) and _takes_year(
                first, said, second):
            year_from.add(i)
        elif (i + 1 in week_from or _OF_WEEK.search(then_said)) and _takes_week(
                first, said, second):
            week_from.add(i)


def _takes_year(first: Norm, said: str, second: Norm) -> bool:
    """Give `first` (a month, a day or a season said without its year) the year of `second`;
    when the two cross the year's end ("from December to January 2013", "December and January
    2013": a list runs in order too), the year before. Whether it took it."""
    if first.resolution is Resolution.ABSOLUTE or first.type is not EventType.DATE \
            or _OWN_YEAR.search(said) or not _NAMES_ITS_PLACE.search(said) \
            or second.resolution is Resolution.UNRESOLVED:
        return False
    if _PART_OF_A_YEAR.fullmatch(first.value) and _YEAR_OR_PART.fullmatch(second.value):
        # "Results for Q4 and full-year 2024": the quarter of that year
        first.value = second.value[:4] + first.value[4:]
        first.resolution = Resolution.INFERRED
        return True
    one, other = _CALENDAR.match(first.value), _CALENDAR.match(second.value)
    if one is None or other is None or (one.group("season") is None) != (
            other.group("season") is None):
        return False
    year = int(second.value[:4])
    if _later_in_the_year(one, other):
        year -= 1
    anchor = first.anchor
    if anchor is not None:
        try:
            anchor = calendar_day(year, anchor.month, anchor.day)
        except OffCalendar:
            return False
    first.value = f"{year:04d}{first.value[4:]}"
    first.anchor = anchor
    # from the text's own year, or (for "of this year") from the publication date's, as its
    # partner was
    first.resolution = Resolution.RELATIVE if second.resolution is Resolution.RELATIVE \
        else Resolution.INFERRED
    return True


def _later_in_the_year(one: re.Match[str], other: re.Match[str]) -> bool:
    if one.group("season"):
        return _SEASON_ORDER[one.group("season")] > _SEASON_ORDER[other.group("season")]
    day, other_day = int(one.group("day") or 0), int(other.group("day") or 0)
    return (int(one.group("month")), day) > (int(other.group("month")), other_day) \
        and one.group("month") != other.group("month")


def _takes_week(first: Norm, said: str, second: Norm) -> bool:
    """Give `first` (a weekday said alone) the week of `second` ("Tuesday of last week")."""
    weekday = _WEEKDAY.fullmatch(said)
    if weekday is None or first.anchor is None or second.anchor is None:
        return False
    monday: date = days_after(second.anchor, -second.anchor.weekday())
    day = days_after(monday, WEEKDAYS[weekday.group("weekday").lower()])
    first.value = day.isoformat() + first.value[10:]
    first.anchor, first.resolution = day, second.resolution
    return True
