"""Spans of time and spans counted from a point: "two years", "a decade-long", "for weeks",
"the coming months", "for a while", "three days ago", "two years later"."""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date

from tuireader.timeline.calendar_days import calendar_day, days_after
from tuireader.timeline.intervals import shift_month
from tuireader.timeline.lexicon import SEASONS, TIME_UNITS, UNITS, number_value
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
from tuireader.timeline.normalise.values import unit_value, year_month

_NARRATIVE_REACH = 150
"""How close a named date must be for "two years later" to count from it (characters)."""
_OPENS_SENTENCE = re.compile(r"(?:(?:and|but|then|only|just|some|about|nearly|almost)\s+)?",
                             re.IGNORECASE)
"""What may stand before "two days later" when it opens the sentence after the date it counts
from."""
_MONTH_REACH = 120
"""How close a month must be for "a year earlier" to mean that month a year before."""

_HALF_UNITS: dict[str, tuple[bool, int, str]] = {
    "year": (False, 12, "M"), "month": (False, 30, "D"), "week": (False, 7, "D"),
    "day": (True, 24, "H"), "hour": (True, 60, "M"), "minute": (True, 60, "S"),
}  # fmt: skip
"""How a fraction of a unit is written in the next smaller one: "2 1/2 years" is P2Y6M."""
_VAGUE_LETTER = {"DE": "E", "CE": "C"}
"""TimeBank's letters for an unknown number of decades ("PXE") and centuries ("PXC"); the first
letter of "DE" would read as days."""


def quantity(word: str) -> tuple[str, float | None]:
    """Strip qualifiers off a quantity; None for a vague one ("several")."""
    w = re.sub(r"\s+", " ", word.lower()).strip()
    w = re.sub(r"^(?:nearly|almost|no more than|more than|less than|fewer than|at least|up to|"
               r"some|around|roughly|approximately) ", "", w)
    and_half = re.fullmatch(r"(.+?)[\s-]+and[\s-]+a[\s-]+half", w)
    if and_half:
        whole = number_value(and_half.group(1))
        return w, (None if whole is None else whole + 0.5)
    if re.fullmatch(r"half an?|a half", w):  # "half an hour", "a half-hour"
        return w, 0.5
    half = re.fullmatch(r"(\d+)[\s-]+1/2", w)
    if half:
        return w, int(half.group(1)) + 0.5
    if re.fullmatch(r"\d+\.\d+", w):
        return w, float(w)
    n = number_value(w)
    return w, (None if n is None else float(n))


def unit_name(word: str) -> str:
    """The singular of a unit word ("centuries" -> "century")."""
    w = word.lower()
    if w.startswith("centur"):
        return "century"
    return w[:-1] if w.endswith("s") else w


def duration_value(n: float | None, unit: str) -> str:
    """The TIMEX3 duration of `n` units ("P2Y6M" for 2.5 years); an unknown `n` is "X"."""
    letter = UNITS[unit]
    t = "T" if unit in TIME_UNITS else ""
    if n is None:
        return f"P{t}X{_VAGUE_LETTER.get(letter, letter)}"
    num: float = n
    if unit == "fortnight":
        num *= 2
    if unit == "decade":
        num, letter = num * 10, "Y"
    elif unit == "century":
        num, letter = num * 100, "Y"
    if not float(num).is_integer() and unit in _HALF_UNITS:
        whole = int(num)
        sub_t, sub_n, sub_letter = _HALF_UNITS[unit]
        head = f"{whole}{letter}" if whole else ""
        mid = "T" if sub_t and not t else ""
        return f"P{t}{head}{mid}{round((num - whole) * sub_n)}{sub_letter}"
    shown = str(int(num)) if float(num).is_integer() else f"{num:g}"
    return f"P{t}{shown}{letter}"


def _narrowed_duration_span(c: Ctx) -> tuple[int, int] | None:
    """"its two-year term": an adjectival duration leaves its determiner out."""
    determiner = c.group("determiner").lower()
    if not determiner or c.group("direction") or determiner.startswith("each"):
        return None
    unit_word = c.group("unit").lower()
    joint = c.text[c.match.end("quantity") : c.match.start("unit")]
    if unit_word.endswith("s") and "-" not in joint and determiner.strip() == "the":
        return None
    return (c.match.start("quantity"), c.match.end())


def _month_in_sentence(c: Ctx) -> tuple[int, int] | None:
    """The month named (as a whole month) shortly before, in the same sentence."""
    named = c.state.month_named
    if named is None:
        return None
    end, y, m = named
    between = c.text[end : c.match.start()]
    if not 0 <= c.match.start() - end <= _MONTH_REACH or re.search(r"[.!?]\s", between):
        return None
    return y, m


def _narrative_base(c: Ctx, relation: str) -> date | None:
    """"in October 2024 ... two years later": later/earlier count from a date just named in the
    same sentence, not from the publication date."""
    return story_point(c) if relation in ("later", "earlier") else None


def story_point(c: Ctx) -> date | None:
    """The first day of the date the story named just before the candidate: in its sentence,
    or ending the sentence the candidate opens ("... on Jan. 29. Two days later, ...")."""
    point = c.state.last_point
    if point is None:
        return None
    end, when = point
    between = c.text[end : c.match.start()]
    if not 0 <= c.match.start() - end <= _NARRATIVE_REACH:
        return None
    boundaries = list(re.finditer(r"[.!?][\"'\u201d]?\s+", between))
    if not boundaries:
        return when
    # "... on Jan. 29. Two days later, ..." opens the next sentence: it continues the story
    if len(boundaries) == 1 and _OPENS_SENTENCE.fullmatch(between[boundaries[0].end() :]):
        return when
    return None


def _counted(c: Ctx, n: float, unit: str, relation: str) -> Norm | None:
    """"three days ago", "two years later": the point `n` units from the reference date (or
    from the date the story just named)."""
    future = relation in ("later", "from now", "hence")
    if c.ref is None:
        return Norm(DATE, "XXXX-XX-XX", UNRES)
    before_relation = (c.match.start(), c.match.start("relation"))
    k = int(n) if n.is_integer() else None
    if k is None:
        return Norm(DURATION, duration_value(n, unit), ABS, span=before_relation)
    sign = 1 if future else -1
    near = c.state.quarter_near(c.match.start())
    if unit == "year" and near is not None:
        y, q = near
        return Norm(DATE, f"{y + sign * k:04d}-Q{q}", INFERRED)
    month = _month_in_sentence(c) if unit == "year" and k == 1 and not future else None
    if month is not None and c.ref.year - 1 <= month[0] <= c.ref.year:
        # "exports rose in February from a year earlier": February of the year before
        return Norm(DATE, year_month(month[0] - 1, month[1]), INFERRED)
    if unit == "fortnight":
        unit, k = "week", 2 * k
    elif unit == "decade":
        unit, k = "year", k * 10
    if unit in TIME_UNITS:
        return Norm(DURATION, duration_value(n, unit), ABS, span=before_relation)
    base, res = _narrative_base(c, relation), REL
    if base is not None:
        res = INFERRED
    if unit == "century":  # "two centuries ago": a century, not a year the text never gave
        return Norm(DATE, f"{((base or c.ref).year + sign * 100 * k) // 100:02d}", res)
    value = unit_value(base or c.ref, unit, sign * k)
    if value is None:
        return None
    anchor = date.fromisoformat(value) if unit == "day" else None
    return Norm(DATE, value, res, anchor=anchor)


_COMPARED = re.compile(r"\s+than\b", re.IGNORECASE)


def n_duration(c: Ctx) -> Norm | None:
    unit = unit_name(c.group("unit"))
    if unit not in UNITS:
        return None
    q_text, n = quantity(c.group("quantity"))
    if re.search(r"\s(?:to|or)\s", q_text):
        n = None
    if c.group("half") and n is not None:
        n += 0.5
    relation = c.group("relation").lower()
    if relation in ("before", "after"):
        return Norm(DURATION, duration_value(n, unit), ABS,
                    span=(c.match.start(), c.match.start("relation")))
    if relation and n is None:
        future = relation in ("later", "from now", "hence")
        return Norm(DATE, "FUTURE_REF" if future else "PAST_REF", REL)
    if relation and n is not None:
        if _COMPARED.match(c.text, c.match.end()):  # "a year later than planned": a distance
            return Norm(DURATION, duration_value(n, unit), ABS,
                        span=(c.match.start(), c.match.start("relation")))
        return _counted(c, n, unit, relation)
    return Norm(DURATION, duration_value(n, unit), ABS, span=_narrowed_duration_span(c))


_IN_YEARS = {"year": 1, "decade": 10, "century": 100}


def units_back(ref: date, unit: str, k: int) -> date:
    """The day `k` weeks, months or years (decades, centuries) before `ref`; a month's 31st
    becomes the last day of a shorter month."""
    if unit == "week":
        return days_after(ref, -7 * k)
    months = k * 12 * _IN_YEARS[unit] if unit in _IN_YEARS else k
    y, m = shift_month(ref.year, ref.month, -months)
    return calendar_day(y, m, min(ref.day, monthrange(y, m)[1]))


_DAY_WORD_SHIFT = {"tomorrow": 1, "yesterday": -1}


def n_ago_this(c: Ctx) -> Norm | None:
    """"Two years ago this month", "a year ago today", "ten years ago tomorrow": one date,
    the unit named ("this month") that many units back, not a distance and a month."""
    _, n = quantity(c.group("quantity"))
    if c.ref is None or n is None or not n.is_integer():
        return Norm(DATE, "XXXX-XX-XX", UNRES)
    base = days_after(c.ref, _DAY_WORD_SHIFT.get(c.group("day_word").lower(), 0))
    then = units_back(base, unit_name(c.group("unit")), int(n))
    named = c.group("named").lower()
    if not named:
        return Norm(DATE, then.isoformat(), REL, anchor=then)
    if named in SEASONS:
        return Norm(DATE, f"{then.year:04d}-{SEASONS[named]}", REL)
    value = unit_value(then, named, 0)
    return None if value is None else Norm(DATE, value, REL)


def n_duration_adj(c: Ctx) -> Norm | None:
    return Norm(DURATION, duration_value(1, unit_name(c.group("unit"))), ABS)


def n_vague_plural(c: Ctx) -> Norm | None:
    unit = unit_name(c.group("unit"))
    relation = c.group("relation").lower()
    if relation:
        return Norm(DATE, "PAST_REF" if relation in ("ago", "earlier") else "FUTURE_REF", REL)
    return Norm(DURATION, duration_value(None, unit), ABS, span=c.match.span("span"))


def n_recent_units(c: Ctx) -> Norm | None:
    if c.group("unit_ahead"):
        return Norm(DURATION, duration_value(None, unit_name(c.group("unit_ahead"))), ABS)
    unit = unit_name(c.group("unit"))
    w = c.group("deictic").lower()
    if w == "recent" and unit == "year":
        return Norm(DATE, "PAST_REF", REL)
    if w == "future" or (w == "coming" and unit == "quarter"):
        return Norm(DATE, "FUTURE_REF", REL)
    return Norm(DURATION, duration_value(None, unit), ABS)


def n_vague_span(c: Ctx) -> Norm | None:
    """"for a while", "for some time": durations of unknown length; "the near term" is ahead."""
    words = c.group("span").lower().split()
    if words[-1] == "term":
        return Norm(DATE, "FUTURE_REF", REL, span=c.match.span("span"))
    return Norm(DURATION, "PXX", ABS, span=c.match.span("span"))


NORMALISERS: dict[str, Normaliser] = {
    "duration": n_duration, "duration_adj": n_duration_adj, "vague_plural": n_vague_plural,
    "opening_units": n_vague_plural,
    "recent_units": n_recent_units, "vague_span": n_vague_span, "ago_this": n_ago_this,
}  # fmt: skip
