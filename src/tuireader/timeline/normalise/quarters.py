"""Quarters and halves of a year: "the third quarter", "Q3 2022", "FY22", "the latest quarter",
"the year-earlier period"."""

from __future__ import annotations

import re
from datetime import date

from tuireader.timeline.anchoring import Tense
from tuireader.timeline.lexicon import ORDINALS
from tuireader.timeline.normalise.context import (
    ABS,
    DATE,
    INFERRED,
    REL,
    UNRES,
    Ctx,
    Norm,
    Normaliser,
)
from tuireader.timeline.normalise.values import month_number, quarter_of


def _quarter_year(ref: date, q: int, tense: Tense) -> int:
    """The year of a bare "third quarter": this year's unless it is still to come; said of
    what will happen, a quarter gone before the last is next year's ("rates will rise in the
    first quarter", said in December; but "will report third-quarter results" in October
    speaks of the quarter just ended)."""
    if tense is Tense.FUTURE:
        return ref.year + (q < quarter_of(ref) - 1)
    if q <= quarter_of(ref):
        return ref.year
    return ref.year - 1


def _prev_quarter(ref: date) -> tuple[int, int]:
    q = quarter_of(ref) - 1
    return (ref.year, q) if q >= 1 else (ref.year - 1, 4)


def _year_earlier(c: Ctx) -> bool:
    """"the year-earlier third quarter", "the year-ago quarter": the same quarter a year back."""
    text = c.match.group(0).lower()
    return "year-earlier" in text or "year-ago" in text


def _narrowed_quarter_span(c: Ctx) -> tuple[int, int] | None:
    """Only "the" belongs to a quarter's span, and nothing before the adjective "third-quarter"."""
    det = c.group("determiner").lower()
    if not det or "year's" in det:
        return None
    joint = c.text[c.match.end("ordinal") : c.match.start("unit")]
    if det == "the" and "-" not in joint:
        return None
    start = c.match.end("determiner")
    while start < c.match.end() and c.text[start].isspace():
        start += 1
    return (start, c.match.end())


_HALVES = {"front": 1, "back": 2}
""""The back half of the year": the second."""


def n_quarter(c: Ctx) -> Norm | None:
    o = c.group("ordinal").lower()
    unit = c.group("unit").lower()
    of_the_year = bool(c.group("of_year"))
    of_deictic = c.group("of_deictic").lower()  # "the second half of next year"
    if o in _HALVES and not (unit == "half" and (c.group("year") or of_the_year or of_deictic)):
        return None  # "the back half of the season" is a season's
    n = _HALVES.get(o) or ORDINALS.get(o)
    if n is None:
        return None
    if unit == "half":
        if n > 2 and o != "final":
            return None
        n = 2 if o == "final" else n
    det = c.group("determiner").lower()
    adjs = re.findall(r"(?:19|20)\d\d", c.match.group(0))
    explicit = c.group("year") or (adjs[0] if adjs else "")
    letter = "H" if unit == "half" else "Q"
    near = c.state.quarter_near(c.match.start())
    if explicit:
        y = int(explicit)
        res = ABS
    elif c.ref is None:
        return Norm(DATE, f"XXXX-{letter}{n}", UNRES, span=_narrowed_quarter_span(c))
    elif det.startswith("last year") or of_deictic == "last":
        y, res = c.ref.year - 1, REL
    elif det.startswith("next year") or of_deictic == "next":
        y, res = c.ref.year + 1, REL
    elif det.startswith("this year"):
        y, res = c.ref.year, REL
    elif of_the_year:  # "the second half of the year": this year's, unless said in the
        first_month = (n - 1) * (6 if letter == "H" else 3) + 1  # past before it began
        y = c.ref.year - (c.tense is Tense.PAST and first_month > c.ref.month)
        res = REL
    elif near is not None and letter == "Q" and _year_earlier(c):
        y, res = near[0] - 1, REL
    elif letter == "Q":
        y, res = _quarter_year(c.ref, n, c.tense), REL
    else:
        cur_half = 1 if c.ref.month <= 6 else 2
        # the half under way is this year's unless told of in the past (last year's results)
        y = c.ref.year if (n < cur_half or c.tense is Tense.FUTURE or (
            n == cur_half and c.tense is not Tense.PAST)) else c.ref.year - 1
        res = REL
    if explicit and _year_earlier(c):
        y -= 1
    if letter == "Q":
        c.state.remember_quarter(y, n, c.match.start())
    return Norm(DATE, f"{y:04d}-{letter}{n}", res, span=_narrowed_quarter_span(c))


def n_quarter_code(c: Ctx) -> Norm | None:
    """Business shorthand: "Q3 2022", "2022 Q3", "H1 2021", "FY2022", "FY22"."""
    raw = c.match.group(0)
    fy = c.group("fiscal_year")
    if fy:
        if not raw.startswith("FY"):
            return None
        return Norm(DATE, f"{(2000 + int(fy)) if len(fy) == 2 else int(fy):04d}", ABS)
    letter = c.group("letter")
    if letter not in ("Q", "H"):
        return None  # lower-case "q3" is rarely a quarter
    n = int(c.group("number"))
    if letter == "H" and n > 2:
        return None
    year_text = c.group("year_before") or c.group("year_after")
    fiscal = c.group("fiscal_after")
    if fiscal:  # "Q3 FY24": the quarter of fiscal 2024, at its calendar year
        return Norm(DATE, f"{2000 + int(fiscal):04d}-{letter}{n}", ABS)
    if year_text:
        y = 2000 + int(year_text[1:]) if year_text.startswith("'") else int(year_text)
        res = ABS
    elif c.ref is None:
        return Norm(DATE, f"XXXX-{letter}{n}", UNRES)
    else:
        y = _quarter_year(c.ref, n, c.tense) if letter == "Q" else c.ref.year
        res = REL
    if letter == "Q":
        c.state.remember_quarter(y, n, c.match.start())
    return Norm(DATE, f"{y:04d}-{letter}{n}", res)


def n_quarter_ref(c: Ctx) -> Norm | None:
    text = c.match.group(0).lower()
    adj = c.group("adjective").lower()
    unit = c.group("unit").lower()
    if unit == "period" and not adj:
        return None
    year_adj = re.search(r"\b(?:19|20)\d\d\b", text)
    if year_adj:
        y = int(year_adj.group(0))
        q = c.state.last_quarter[1] if c.state.last_quarter is not None else None
        if unit == "period" and q is None:
            return Norm(DATE, f"{y:04d}", ABS)
        return Norm(DATE, f"{y:04d}-Q{q}" if q else f"{y:04d}-QX", INFERRED)
    if unit == "period" and adj in ("previous", "fiscal", "recent"):
        return None
    earlier = any(k in text for k in ("year-earlier", "year-ago", "comparable", "last year",
                                      "a year ago", "a year earlier"))
    recent_q = c.state.quarter_near(c.match.start())
    if c.ref is None and recent_q is None:
        return Norm(DATE, "XXXX-QX", UNRES)
    if adj in ("latest", "just-ended", "most recent") and c.ref is not None:
        recent_q = _prev_quarter(c.ref)
    this_one = c.group("determiner").lower() == "this" or adj == "current"
    if recent_q is not None and not this_one:
        y, q = recent_q
        res = INFERRED
    elif c.ref is not None:
        y, q = (c.ref.year, quarter_of(c.ref)) if this_one else _prev_quarter(c.ref)
        res = REL
    else:
        return None
    if earlier:
        y -= 1
    else:
        c.state.remember_quarter(y, q, c.match.start())
    return Norm(DATE, f"{y:04d}-Q{q}", res)


def n_year_ago_adj(c: Ctx) -> Norm | None:
    recent_q = c.state.quarter_near(c.match.start())
    if recent_q is not None:
        return Norm(DATE, f"{recent_q[0] - 1:04d}-Q{recent_q[1]}", INFERRED)
    if c.ref is None:
        return None
    return Norm(DATE, f"{c.ref.year - 1:04d}", REL)


def n_month_quarter(c: Ctx) -> Norm | None:
    """"The January-to-March quarter": a quarter named by its first and last months."""
    first, last = month_number(c.group("first")), month_number(c.group("month"))
    if first is None or last is None or last - first != 2 or first % 3 != 1:
        return None
    n = last // 3
    if c.group("year"):
        y, res = int(c.group("year")), ABS
    elif c.ref is None:
        return Norm(DATE, f"XXXX-Q{n}", UNRES)
    else:
        y, res = _quarter_year(c.ref, n, c.tense), REL
    c.state.remember_quarter(y, n, c.match.start())
    return Norm(DATE, f"{y:04d}-Q{n}", res)


_QUARTER_OF_YEAR = re.compile(
    r"\b(?P<ordinal>first|second|third|fourth)[\s-]+quarter\s+of\s+(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE)
"""A quarter with its year, read by the year's rule (which keeps no quarter in mind)."""


def n_elided_quarter(c: Ctx) -> Norm | None:
    """"The third quarter of 2023 and again in the fourth": an ordinal standing for a quarter
    just named; a later one of the same year, an earlier one of the next."""
    said = _QUARTER_OF_YEAR.search(c.text, max(0, c.match.start() - 80), c.match.start())
    near = (int(said.group("year")), ORDINALS[said.group("ordinal").lower()]) if said \
        else c.state.quarter_near(c.match.start())
    n = ORDINALS.get(c.group("ordinal").lower())
    if near is None or n is None or n == near[1]:
        return None
    y = near[0] if n > near[1] else near[0] + 1
    c.state.remember_quarter(y, n, c.match.start())
    return Norm(DATE, f"{y:04d}-Q{n}", INFERRED)


NORMALISERS: dict[str, Normaliser] = {
    "quarter": n_quarter, "quarter_code": n_quarter_code, "quarter_ref": n_quarter_ref,
    "year_ago_adj": n_year_ago_adj, "month_quarter": n_month_quarter,
    "elided_quarter": n_elided_quarter,
}  # fmt: skip
