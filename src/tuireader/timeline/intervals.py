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
    r"(?P<y>\d{4})(?:-(?:(?P<m>\d\d)(?:-(?P<d>\d\d)(?:T(?:(?P<h>\d\d):(?P<mi>\d\d)|"
    r"(?P<pod>MO|AF|EV|NI|DT)))?)?|W(?P<w>\d\d)(?P<we>-WE)?|Q(?P<q>[1-4])|H(?P<hf>[12])|"
    r"(?P<s>SP|SU|FA|WI)))?"
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
    y = int(m.group("y"))
    if m.group("d"):
        d = date(y, int(m.group("m")), int(m.group("d")))
        if m.group("h"):
            hour, minute = int(m.group("h")), int(m.group("mi"))
            start = _dt(d) + timedelta(hours=hour, minutes=minute)
            return Interval(start, start + timedelta(minutes=1), Granularity.MINUTE)
        if m.group("pod"):
            a, b = _PART_HOURS[m.group("pod")]
            return Interval(_dt(d) + timedelta(hours=a), _dt(d) + timedelta(hours=b),
                            Granularity.PART_OF_DAY)
        return Interval(_dt(d), _dt(d) + timedelta(days=1), Granularity.DAY)
    if m.group("m"):
        return _months_interval(y, int(m.group("m")), 1, Granularity.MONTH)
    if m.group("w"):
        monday = date.fromisocalendar(y, int(m.group("w")), 1)
        if m.group("we"):
            sat = monday + timedelta(days=5)
            return Interval(_dt(sat), _dt(sat) + timedelta(days=2), Granularity.DAY)
        return Interval(_dt(monday), _dt(monday) + timedelta(days=7), Granularity.WEEK)
    if m.group("q"):
        return _months_interval(y, 3 * int(m.group("q")) - 2, 3, Granularity.QUARTER)
    if m.group("hf"):
        return _months_interval(y, 6 * int(m.group("hf")) - 5, 6, Granularity.HALF)
    if m.group("s"):
        a, _ = _SEASON_MONTHS[m.group("s")]
        return _months_interval(y, a, 3, Granularity.SEASON)
    return Interval(datetime(y, 1, 1), datetime(y + 1, 1, 1), Granularity.YEAR)


def spanning(first: Interval, last: Interval) -> Interval:
    """One interval from the start of `first` to the end of `last` ("between 2017 and 2019"),
    at the coarser of the two granularities."""
    order = list(Granularity)
    coarse = min(first.granularity, last.granularity, key=order.index)
    return Interval(min(first.start, last.start), max(first.end, last.end), coarse)
