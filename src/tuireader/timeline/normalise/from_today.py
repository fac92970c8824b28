"""Dates counted from the publication day by a phrase that names no date of its own: "a year
from today", "a fortnight today", "in three weeks' time", "the week after next", "on this day
in 1966" (the publication day's day and month in that year)."""

from __future__ import annotations

from tuireader.timeline.calendar_days import calendar_day, days_after
from tuireader.timeline.normalise.context import DATE, REL, UNRES, Ctx, Norm, Normaliser
from tuireader.timeline.normalise.durations import quantity, unit_name, units_back
from tuireader.timeline.normalise.values import unit_value


def _count(c: Ctx) -> tuple[str, int] | None:
    """The unit and the whole number of them the phrase counts ("a fortnight": 2 weeks)."""
    _, n = quantity(c.group("quantity"))
    if n is None or not n.is_integer():
        return None
    unit = unit_name(c.group("unit"))
    if unit == "fortnight":
        return "week", 2 * int(n)
    return unit, int(n)


def n_from_day_word(c: Ctx) -> Norm | None:
    """"A year from today", "a week tomorrow": that day, so many units on."""
    counted = _count(c)
    if c.ref is None or counted is None:
        return Norm(DATE, "XXXX-XX-XX", UNRES)
    unit, k = counted
    start = days_after(c.ref, 1 if c.group("day_word").lower() == "tomorrow" else 0)
    then = days_after(start, k) if unit == "day" else units_back(start, unit, -k)
    return Norm(DATE, then.isoformat(), REL, anchor=then)


def n_in_time(c: Ctx) -> Norm | None:
    """"In three weeks' time": the unit so many on from the publication day's."""
    counted = _count(c)
    if c.ref is None or counted is None:
        return Norm(DATE, "XXXX-XX-XX", UNRES)
    value = unit_value(c.ref, *counted)
    return None if value is None else Norm(DATE, value, REL)


def n_after_next(c: Ctx) -> Norm | None:
    """"The week after next": two units on; "the weekend before last": two back."""
    if c.ref is None:
        return Norm(DATE, "XXXX-XX-XX", UNRES)
    value = unit_value(c.ref, c.group("unit").lower(), -2 if c.group("before") else 2)
    return None if value is None else Norm(DATE, value, REL)


def n_this_day_in(c: Ctx) -> Norm | None:
    """"On this day in 1966": the publication day's day and month, in 1966."""
    if c.ref is None:
        return Norm(DATE, f"{c.group('year')}-XX-XX", UNRES)
    then = calendar_day(int(c.group("year")), c.ref.month, c.ref.day)
    return Norm(DATE, then.isoformat(), REL, anchor=then)


NORMALISERS: dict[str, Normaliser] = {
    "from_day_word": n_from_day_word, "in_time": n_in_time, "after_next": n_after_next,
    "this_day_in": n_this_day_in,
}  # fmt: skip
