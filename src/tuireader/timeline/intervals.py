"""From a TIMEX3 DATE/TIME value to the calendar interval it denotes, granularity included."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from tuireader.timeline.event import Granularity, Interval


def shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


_PART_HOURS = {"MO": (6, 12), "AF": (12, 18), "EV": (18, 22), "NI": (20, 30), "DT": (8, 18)}
_SEASON_MONTHS = {"SP": (3, 6), "SU": (6, 9), "FA": (9, 12), "WI": (12, 15)}


def _dt(d: date) -> datetime:
    return datetime(d.year, d.month, d.day)


def _months_interval(y: int, m0: int, count: int, g: Granularity) -> Interval:
    y2, m2 = shift_month(y, m0, count)
    return Interval(datetime(y, m0, 1), datetime(y2, m2, 1), g)


_VALUE = re.compile(
    r"(?P<year>\d{4})(?:-(?:(?P<month>\d\d)(?:-(?P<day>\d\d)"
    r"(?:T(?:(?P<hour>\d\d):(?P<minute>\d\d)|(?P<part>MO|AF|EV|NI|DT)))?)?"
    r"|W(?P<week>\d\d)(?P<weekend>-WE)?|Q(?P<quarter>[1-4])|H(?P<half>[12])"
    r"|(?P<season>SP|SU|FA|WI)))?"
)


def interval_of(value: str) -> Interval | None:
    """The calendar interval a TIMEX3 DATE/TIME value denotes; None when it denotes none."""
    try:
        return _interval_of(value)
    except (ValueError, OverflowError):
        return None


def _interval_of(value: str) -> Interval | None:
    if re.fullmatch(r"\d{3}", value):
        y = int(value) * 10
        return Interval(datetime(max(y, 1), 1, 1), datetime(y + 10, 1, 1), Granularity.DECADE)
    if re.fullmatch(r"\d{2}", value):
        y = int(value) * 100
        return Interval(datetime(max(y, 1), 1, 1), datetime(y + 100, 1, 1), Granularity.CENTURY)
    m = _VALUE.fullmatch(value)
    if m is None:
        return None
    y = int(m.group("year"))
    if m.group("day"):
        d = date(y, int(m.group("month")), int(m.group("day")))
        if m.group("hour"):
            hour, minute = int(m.group("hour")), int(m.group("minute"))
            start = _dt(d) + timedelta(hours=hour, minutes=minute)
            return Interval(start, start + timedelta(minutes=1), Granularity.MINUTE)
        if m.group("part"):
            a, b = _PART_HOURS[m.group("part")]
            return Interval(_dt(d) + timedelta(hours=a), _dt(d) + timedelta(hours=b),
                            Granularity.PART_OF_DAY)
        return Interval(_dt(d), _dt(d) + timedelta(days=1), Granularity.DAY)
    if m.group("month"):
        return _months_interval(y, int(m.group("month")), 1, Granularity.MONTH)
    if m.group("week"):
        monday = date.fromisocalendar(y, int(m.group("week")), 1)
        if m.group("weekend"):
            sat = monday + timedelta(days=5)
            return Interval(_dt(sat), _dt(sat) + timedelta(days=2), Granularity.DAY)
        return Interval(_dt(monday), _dt(monday) + timedelta(days=7), Granularity.WEEK)
    if m.group("quarter"):
        return _months_interval(y, 3 * int(m.group("quarter")) - 2, 3, Granularity.QUARTER)
    if m.group("half"):
        return _months_interval(y, 6 * int(m.group("half")) - 5, 6, Granularity.HALF)
    if m.group("season"):
        a, _ = _SEASON_MONTHS[m.group("season")]
        return _months_interval(y, a, 3, Granularity.SEASON)
    return Interval(datetime(y, 1, 1), datetime(y + 1, 1, 1), Granularity.YEAR)


def spanning(first: Interval, last: Interval) -> Interval:
    """One interval from the start of `first` to the end of `last` ("between 2017 and 2019"),
    at the coarser of the two granularities."""
    order = list(Granularity)
    coarse = min(first.granularity, last.granularity, key=order.index)
    return Interval(min(first.start, last.start), max(first.end, last.end), coarse)
