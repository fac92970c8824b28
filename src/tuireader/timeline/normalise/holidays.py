"""Holidays and days named by a rule: "Christmas", "last Thanksgiving", "Easter 2021",
"Election Day", "the second Saturday of September", "midweek"."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date

from tuireader.timeline.anchoring import Tense
from tuireader.timeline.calendar_days import calendar_day, days_after
from tuireader.timeline.lexicon import ORDINALS, WEEKDAYS
from tuireader.timeline.normalise.context import (
    ABS,
    DATE,
    INFERRED,
    REL,
    TIME,
    Ctx,
    Norm,
    Normaliser,
)
from tuireader.timeline.normalise.days import day_of
from tuireader.timeline.normalise.values import iso_day, iso_week, month_number


def _easter(y: int) -> date:
    """Easter Sunday of year `y` (the Gregorian computus)."""
    a, b, cc = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = cc // 4, cc % 4
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    month = (h + ll - 7 * m + 114) // 31
    day = (h + ll - 7 * m + 114) % 31 + 1
    return calendar_day(y, month, day)


def _nth_weekday(y: int, month: int, weekday: int, n: int) -> date:
    """The `n`th `weekday` of the month (the last one for a negative `n`)."""
    if n > 0:
        first = calendar_day(y, month, 1)
        return days_after(first, (weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = calendar_day(y, month, calendar.monthrange(y, month)[1])
    return days_after(last, -((last.weekday() - weekday) % 7))


def _fixed(month: int, day: int) -> Callable[[int], date]:
    return lambda y: calendar_day(y, month, day)


_HOLIDAYS: dict[str, Callable[[int], date]] = {
    "christmas": _fixed(12, 25), "christmas day": _fixed(12, 25),
    "christmas eve": _fixed(12, 24), "new year's": _fixed(1, 1),
    "new year's day": _fixed(1, 1), "new year's eve": _fixed(12, 31),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "independence day": _fixed(7, 4), "halloween": _fixed(10, 31),
    "valentine's day": _fixed(2, 14), "boxing day": _fixed(12, 26),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "election day": lambda y: days_after(_nth_weekday(y, 11, 0, 1), 1),
    "easter": _easter, "easter sunday": _easter,
    "easter monday": lambda y: days_after(_easter(y), 1),
    "good friday": lambda y: days_after(_easter(y), -2),
    "australia day": _fixed(1, 26), "anzac day": _fixed(4, 25),
    "india's independence day": _fixed(8, 15), "pakistan's independence day": _fixed(8, 14),
    "mexico's independence day": _fixed(9, 16), "america's independence day": _fixed(7, 4),
    "summer solstice": _fixed(6, 21), "winter solstice": _fixed(12, 21),
}  # fmt: skip
"""A bare "Independence Day" is the American one; another country's only when named with it.
The solstices are the northern hemisphere's, on the day most years and readers give them."""


def is_holiday_name(said: str) -> bool:
    """Whether `said` is a holiday's bare name ("Thanksgiving", "Christmas Day")."""
    return re.sub(r"\s+", " ", said.strip().lower()) in _HOLIDAYS


_APPOSITION = re.compile(r"\s*,\s*")


def _date_in_apposition(c: Ctx) -> date | None:
    """The date said just before, a comma between ("on 10 April 1998, Good Friday"), when
    the holiday is the one of that date's year."""
    if c.state.last_point is None or c.group("deictic"):
        return None
    end, first_day = c.state.last_point
    if not _APPOSITION.fullmatch(c.text, end, c.match.start()):
        return None
    return first_day


def n_holiday(c: Ctx) -> Norm | None:
    """A holiday's day; "the week before Christmas", "the day after Thanksgiving": the week,
    day or night beside it."""
    norm = _holiday(c)
    beside = c.group("beside").lower()
    if norm is None or norm.anchor is None or not beside:
        return norm
    step = -1 if c.group("side").lower() == "before" else 1
    if beside == "week":
        return Norm(DATE, iso_week(days_after(norm.anchor, 7 * step)), norm.resolution)
    d = days_after(norm.anchor, step)
    if beside == "night":  # the night before Christmas is Christmas Eve's
        night = d if step < 0 else norm.anchor
        return Norm(TIME, f"{iso_day(night)}TNI", norm.resolution, anchor=night)
    return Norm(DATE, iso_day(d), norm.resolution, anchor=d)


def _holiday(c: Ctx) -> Norm | None:
    name = re.sub(r"\s+", " ", c.group("holiday").lower().replace("\u2019", "'"))
    rule = _HOLIDAYS.get(name)
    if rule is None:
        return None
    if c.group("year"):
        d = rule(int(c.group("year")))
        return Norm(DATE, iso_day(d), ABS, anchor=d)
    said = _date_in_apposition(c)
    if said is not None:  # "on 10 April 1998, Good Friday": that date's year
        d = rule(said.year)
        return Norm(DATE, iso_day(d), INFERRED, anchor=d)
    if c.ref is None:
        return None
    d = rule(c.ref.year)
    w = re.sub(r"\s+", " ", c.group("deictic").lower())
    if w in ("last", "this past"):
        return Norm(DATE, iso_day(d if d < c.ref else rule(c.ref.year - 1)), REL)
    if w == "next":
        return Norm(DATE, iso_day(d if d > c.ref else rule(c.ref.year + 1)), REL)
    if c.tense is Tense.PAST and d > days_after(c.ref, 1):
        d = rule(c.ref.year - 1)
    elif c.tense is Tense.FUTURE and d < c.ref:
        d = rule(c.ref.year + 1)
    return Norm(DATE, iso_day(d), REL, anchor=d)


def n_nth_weekday(c: Ctx) -> Norm | None:
    """"The second Saturday of September": a day named by a rule, like a holiday; in the
    year said, or the one the tense points to."""
    month = month_number(c.group("month"))
    n = ORDINALS.get(c.group("ordinal").lower())
    if month is None or n is None:
        return None
    n = -1 if c.group("ordinal").lower() == "last" else n
    weekday = WEEKDAYS[c.group("weekday").lower()]
    if c.group("year"):
        d = _nth_weekday(int(c.group("year")), month, weekday, n)
        return None if d.month != month else Norm(DATE, iso_day(d), ABS, anchor=d)
    if c.ref is None:
        return None
    d = _nth_weekday(c.ref.year, month, weekday, n)
    if c.tense is Tense.PAST and d > c.ref:
        d = _nth_weekday(c.ref.year - 1, month, weekday, n)
    elif c.tense is not Tense.PAST and d < c.ref:
        d = _nth_weekday(c.ref.year + 1, month, weekday, n)
    return None if d.month != month else Norm(DATE, iso_day(d), REL, anchor=d)


def n_midweek(c: Ctx) -> Norm | None:
    """"By midweek": the middle of the week, its Wednesday, in the week the tense points to."""
    d = day_of(c, "wednesday")
    return None if d is None else Norm(DATE, iso_day(d), REL, anchor=d)


NORMALISERS: dict[str, Normaliser] = {
    "holiday": n_holiday, "nth_weekday": n_nth_weekday, "midweek": n_midweek,
}  # fmt: skip
