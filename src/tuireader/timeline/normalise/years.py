"""Years and what is longer or named within one: "1999", "nineteen ninety-nine", "the 1990s",
"the 20th century", "last winter"."""

from __future__ import annotations

import re
from datetime import date

from tuireader.timeline.anchoring import Tense
from tuireader.timeline.calendar_days import calendar_day
from tuireader.timeline.event import Resolution
from tuireader.timeline.lexicon import DECADE_WORDS, ORDINALS, SEASONS, number_value
from tuireader.timeline.normalise.context import ABS, DATE, REL, UNRES, Ctx, Norm, Normaliser

_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def n_year(c: Ctx) -> Norm | None:
    y = int(c.group("year"))
    cut = _SHORT_END.match(c.text, c.match.end())
    if cut is not None and not _next_year_cut_short(y, cut.group(1), cut.group(0)[0]):
        return None  # "1998-12": no year said alone, nor a span of two
    mod = c.group("modifier").lower()
    if "half" in mod:
        half = 1 if "first" in mod else 2
        return Norm(DATE, f"{y:04d}-H{half}", ABS)
    if "quarter" in mod:
        q = ORDINALS[mod.split()[-3] if mod.startswith("the") else mod.split()[0]]
        return Norm(DATE, f"{y:04d}-Q{q}", ABS)
    anchor = calendar_day(y, 12, 31) if "end" in mod or "close" in mod else None
    return Norm(DATE, f"{y:04d}", ABS, anchor=anchor)


def n_old_year(c: Ctx) -> Norm | None:
    """"Founded in 1132": a year before 1600, read only after a preposition."""
    return Norm(DATE, c.group("year"), ABS)


_SHORT_END = re.compile(r"[-\u2013/](\d\d)(?!\d)")


def _next_year_cut_short(year: int, short: str, dash: str = "-") -> bool:
    """Whether "-20" after 2019 is the year after it, or "–45" after 1939 a later year of
    the same century (no month: past 12; after an en dash, where a hyphen is as often a tally
    like "passed by 2010-35"), cut to two digits."""
    n = int(short)
    return (year + 1) % 100 == n or (dash == "\u2013" and n > 12 and year % 100 < n)


def n_year_continuation(c: Ctx) -> Norm | None:
    """The "20" of "2019-20", the "45" of "1939-45": the later year of a span (a season's, a
    fiscal year's, a war's)."""
    first = int(c.match.group(0)[:4])
    if not _next_year_cut_short(first, c.group("short_year"), c.match.group(0)[4]):
        return None
    short = int(c.group("short_year"))
    later = first + 1 if (first + 1) % 100 == short else first - first % 100 + short
    norm = Norm(DATE, f"{later:04d}", ABS)
    norm.span = c.match.span("span")
    return norm


def n_spoken_year(c: Ctx) -> Norm | None:
    if c.group("nineteen"):
        r = number_value(c.group("after_nineteen"))
        if r is None or r < 10:
            return None
        return Norm(DATE, f"{1900 + r:04d}", ABS)
    if c.group("twenty"):  # "twenty twenty-two": the first two digits, then the last two
        r = number_value(c.group("after_twenty"))
        return None if r is None or r < 10 else Norm(DATE, f"{2000 + r:04d}", ABS)
    after_thousand = c.group("after_thousand")
    if after_thousand:
        r = number_value(after_thousand)
        if r is None or r > 99:
            return None
        return Norm(DATE, f"{2000 + r:04d}", ABS)
    if not c.match.group(0).lower().startswith("the year"):
        return None
    return Norm(DATE, "2000", ABS)


def n_decade(c: Ctx) -> Norm | None:
    if c.group("year"):
        span = None
        if c.match.group(0).lower().startswith("the ") and not c.group("modifier"):
            span = (c.match.start("year"), c.match.end())  # "in the 1990s": TimeML marks "1990s"
        return Norm(DATE, c.group("year")[:3], ABS, span=span)
    short_year = c.group("short_year")
    if short_year:
        base = "19" if c.ref is None or int(short_year) > (c.ref.year % 100) else str(
            c.ref.year // 100
        )
        return Norm(DATE, base + short_year[0], ABS)
    w = c.group("decade_word").lower()
    if w in DECADE_WORDS:
        if not c.match.group(0).lower().startswith("the"):
            return None
        return Norm(DATE, f"19{DECADE_WORDS[w]}", ABS)
    return None


def n_century(c: Ctx) -> Norm | None:
    n_word = c.group("ordinal").lower().replace(" ", "-")
    digits = re.match(r"\d+", n_word)
    n = int(digits.group(0)) if digits else ORDINALS.get(n_word)
    if n is None or not 1 <= n <= 30:
        return None
    return Norm(DATE, f"{n - 1:02d}", ABS)


def n_season(c: Ctx) -> Norm | None:
    """Seasons are named by the year they start in (winter 2021 runs Dec 2021 - Feb 2022)."""
    code = SEASONS[c.group("season").lower()]
    w = re.sub(r"\s+", " ", c.group("deictic").lower())
    if c.group("year"):
        y = int(c.group("year"))
        end = c.group("year_end")
        # "the winter of 2021-22" is one winter, named by the year it starts in
        span = None if not end or (code == "WI" and _next_year_cut_short(y, end[-2:])) \
            else (c.match.start(), c.match.end("year"))
        return Norm(DATE, f"{y:04d}-{code}", ABS, span=span)
    if c.ref is None:
        return Norm(DATE, f"XXXX-{code}", UNRES)
    first = _SEASON_START[code]
    if w in _NEIGHBOUR_SEASON and c.state.last_point is not None:
        return _season_beside(code, c.state.last_point[1], _NEIGHBOUR_SEASON[w])
    w = {"the following": "next", "the next": "next", "the previous": "last"}.get(w, w)
    beyond = c.group("beyond").lower()  # "the summer before last": a year before last summer
    if beyond and w in ("", "the"):
        w = "last" if beyond.startswith("before") else "next"
    # months counted from January of the reference year; the season runs [first, first + 3)
    now = c.ref.month
    if w in ("last", "this past", "late last"):
        y = c.ref.year if first + 3 <= now else c.ref.year - 1
    elif w in ("next", "early next"):
        y = c.ref.year if first > now else c.ref.year + 1
    elif code == "WI" and now <= 2:
        y = c.ref.year - 1  # January and February belong to the winter that began in December
    elif w in ("this", "early this", "late this"):
        y = c.ref.year
    elif c.tense is Tense.PAST and first > now:
        y = c.ref.year - 1
    elif c.tense is Tense.FUTURE and first + 3 <= now:
        y = c.ref.year + 1
    else:
        y = c.ref.year
    y += (-1 if w == "last" else 1) if beyond and w in ("last", "next") else 0
    return Norm(DATE, f"{y:04d}-{code}", REL)


_NEIGHBOUR_SEASON = {"the following": 1, "the next": 1, "the previous": -1}


def _season_beside(code: str, said: date, step: int) -> Norm:
    """"The following spring" after a date the text gave: the first spring to start after it
    (`step` -1: the last to end by it)."""
    first = _SEASON_START[code]
    year, month = (said.year - 1, said.month + 12) if said.month < 3 else (said.year, said.month)
    y = year + (first <= month) if step > 0 else year - (first + 3 > month)
    return Norm(DATE, f"{y:04d}-{code}", Resolution.INFERRED)


NORMALISERS: dict[str, Normaliser] = {
    "year": n_year, "year_continuation": n_year_continuation, "spoken_year": n_spoken_year,
    "old_year": n_old_year,
    "decade": n_decade, "century": n_century,
    "season": n_season,
}  # fmt: skip
