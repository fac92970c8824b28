"""Units placed from now or from the story: "last week", "the following year", "earlier in the
month", "the weekend", "year-end", "now", "the near future"."""

from __future__ import annotations

import re

from tuireader.timeline.anchoring import Tense
from tuireader.timeline.calendar_days import calendar_day, days_after
from tuireader.timeline.intervals import shift_month
from tuireader.timeline.normalise.context import (
    ABS,
    DATE,
    DURATION,
    INFERRED,
    REL,
    UNRES,
    Ctx,
    Norm,
    Normaliser,
)
from tuireader.timeline.normalise.durations import story_point
from tuireader.timeline.normalise.values import iso_day, iso_week, unit_value, year_month

_DIRECTION = {
    "last": -1, "the past": -1, "the last": -1, "the previous": -1, "the prior": -1,
    "this past": -1,
    "next": 1, "the coming": 1, "the following": 1, "the next": 1,
    "this": 0, "the current": 0, "the same": 0, "the full": 0, "the fiscal": 0, "that": 0,
    "that same": 0,
    "the latest": 0,
}  # fmt: skip
_UNKNOWN_UNIT = {
    "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "quarter": "XXXX-QX",
    "decade": "XXX", "century": "XX",
}  # fmt: skip
"""A unit placed from the reference date when there is none ("XXXX" for the rest)."""


def year_as_duration(c: Ctx) -> bool:
    """"the year ended March 31" is a twelve-month span; "for the year" in results is the year."""
    after = c.text[c.match.end() : c.match.end() + 12]
    before = c.text[max(0, c.match.start() - 12) : c.match.start()]
    return bool(
        re.match(r"\s+(?:ended|ending|to)\b", after) or re.search(r"throughout\s+$", before)
    )


def _from_the_story(c: Ctx, w: str, unit: str, k: int) -> Norm | None:
    """"the following year", "that quarter": a unit placed from the last one the text named."""
    if w in ("the following", "the previous", "the prior") and unit == "year" and (
        c.state.last_year is not None
    ):
        return Norm(DATE, f"{c.state.last_year + k:04d}", INFERRED)
    if w in ("the following", "the previous", "the prior") and unit == "month" and (
        c.state.last_month is not None
    ):
        y, mo = shift_month(*c.state.last_month, k)
        return Norm(DATE, year_month(y, mo), INFERRED)
    if w in ("the following", "the previous", "the prior") and unit == "week":
        day = story_point(c)
        if day is not None and day == c.state.last_day:
            # "On 3 May 2021 the deal was signed. The following week, ...": from that day
            return Norm(DATE, iso_week(days_after(day, 7 * k)), INFERRED)
    if w in ("that", "the same", "that same"):
        if unit == "year" and c.state.last_year is not None:
            return Norm(DATE, f"{c.state.last_year:04d}", INFERRED)
        if unit == "quarter" and c.state.last_quarter is not None:
            y, q = c.state.last_quarter
            return Norm(DATE, f"{y:04d}-Q{q}", INFERRED)
        if unit == "month" and c.state.last_month is not None:
            return Norm(DATE, year_month(*c.state.last_month), INFERRED)
        day = story_point(c) if unit == "week" else None
        if day is not None and day == c.state.last_day:
            # "It began on 23 March 2020. The same week, ...": that day's week
            return Norm(DATE, iso_week(day), INFERRED)
    return None


def n_rel_unit(c: Ctx) -> Norm | None:
    w = re.sub(r"\s+", " ", c.group("deictic").lower())
    unit = c.group("unit").lower()
    k = _DIRECTION.get(w)
    if k is None:
        return None
    told = _from_the_story(c, w, unit, k)
    if told is not None or w in ("that", "the same", "that same"):
        return told
    if w == "the latest":
        if unit != "quarter":
            return None
        if c.state.last_quarter is not None:
            y, q = c.state.last_quarter
            return Norm(DATE, f"{y:04d}-Q{q}", INFERRED)
        k = -1
    if w in ("the full", "the fiscal") and unit != "year":
        return None
    if w == "the fiscal" and year_as_duration(c):
        return Norm(DURATION, "P1Y", ABS)
    if c.ref is None:
        return Norm(DATE, _UNKNOWN_UNIT.get(unit, "XXXX"), UNRES)
    value = unit_value(c.ref, unit, k)
    if value is None:
        return None
    if unit == "quarter":
        c.state.remember_quarter(int(value[:4]), int(value[-1]), c.match.start())
    return Norm(DATE, value, REL)


_THEN_REACH = 400
"""How far back (in characters) "by then" looks for the date it means."""


def n_then(c: Ctx) -> Norm | None:
    """"The line opens in 2031. By then, ...": the date the story named last, just before."""
    said = c.state.last_value
    if said is None or c.match.start() - said[0] > _THEN_REACH:
        return None
    return Norm(DATE, said[1], INFERRED)


def n_earlier_in(c: Ctx) -> Norm | None:
    if c.ref is None:
        return None
    value = unit_value(c.ref, c.group("unit").lower(), 0)
    return None if value is None else Norm(DATE, value, REL)


_YEAR_JUST_ENDED_UNTIL = 2
"""Through February, "the year" a past verb ended, or results told "for the year", is the one
just ended (annual results come out in the first weeks of the next); "the first gale of the
year" is still this one."""
_ENDING_THE_YEAR = re.compile(r"\b(?:ended|finished|closed|for)\s+$", re.IGNORECASE)


def n_the_unit(c: Ctx) -> Norm | None:
    unit = c.group("unit").lower()
    lead = c.group("preposition").lower()
    span = c.match.span("span")
    if unit == "year":
        new = bool(c.group("new"))  # "in the new year": the year to come
        if not new and (lead in ("over", "throughout") or year_as_duration(c)):
            return Norm(DURATION, "P1Y", ABS, span=span)
        if c.ref is None:
            return Norm(DATE, "XXXX", UNRES, span=span)
        if not new and c.tense is Tense.PAST and c.ref.month <= _YEAR_JUST_ENDED_UNTIL \
                and _ENDING_THE_YEAR.search(c.text, max(0, span[0] - 12), span[0]):
            # "Stocks ended the year on a high note", "net income for the year rose", said
            # in January or February: the year just ended
            return Norm(DATE, f"{c.ref.year - 1:04d}", REL, span=span)
        return Norm(DATE, f"{c.ref.year + new:04d}", REL, span=span)
    if c.group("new"):
        return None
    if c.ref is None:
        return Norm(DATE, "XXXX-WXX-WE", UNRES, span=span)
    saturday = days_after(c.ref, (5 - c.ref.weekday()) % 7)
    if c.tense is Tense.PAST and saturday > c.ref:
        saturday = days_after(saturday, -7)
    return Norm(DATE, iso_week(saturday) + "-WE", REL, span=span)


def n_year_end(c: Ctx) -> Norm | None:
    if c.ref is None:
        return None
    if c.group("unit").lower() == "month":
        return Norm(DATE, year_month(c.ref.year, c.ref.month), REL)
    last_day = calendar_day(c.ref.year, 12, 31)
    if "-" in c.match.group(0) and not c.group("modifier"):
        return Norm(DATE, iso_day(last_day), REL, anchor=last_day)
    return Norm(DATE, f"{c.ref.year:04d}", REL, anchor=last_day)


_REFS = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "at present": "PRESENT_REF", "these days": "PRESENT_REF",
    "the future": "FUTURE_REF", "the near future": "FUTURE_REF", "soon": "FUTURE_REF",
    "the distant future": "FUTURE_REF", "the foreseeable future": "FUTURE_REF",
    "as soon as possible": "FUTURE_REF", "a later date": "FUTURE_REF",
    "current": "PRESENT_REF",
}  # fmt: skip


def n_ref(c: Ctx) -> Norm | None:
    r = re.sub(r"\s+", " ", c.group("phrase").lower())
    return Norm(DATE, _REFS.get(r, "PAST_REF"), REL)


NORMALISERS: dict[str, Normaliser] = {
    "rel_unit": n_rel_unit, "earlier_in": n_earlier_in, "the_unit": n_the_unit,
    "year_end": n_year_end, "ref": n_ref, "then": n_then,
}  # fmt: skip
