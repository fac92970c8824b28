"""From a matched candidate to a TIMEX3 type and value, and from a value to its interval."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from tuireader.timeline.anchoring import Tense, resolve_weekday, weekday_by_tense
from tuireader.timeline.event import EventType, Resolution
from tuireader.timeline.filters import is_capitalised
from tuireader.timeline.intervals import shift_month
from tuireader.timeline.lexicon import (
    DECADE_WORDS,
    MONTHS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    TIME_UNITS,
    UNITS,
    WEEKDAYS,
    number_value,
)

DATE, TIME, DURATION, SET = EventType.DATE, EventType.TIME, EventType.DURATION, EventType.SET
ABS, REL, UNRES = Resolution.ABSOLUTE, Resolution.RELATIVE, Resolution.UNRESOLVED


@dataclass(slots=True)
class Norm:
    """A normalised candidate; `span` narrows the match, `anchor` is the day it pins down."""

    type: EventType
    value: str
    resolution: Resolution
    anchor: date | None = None
    needs_day: bool = False
    span: tuple[int, int] | None = None


@dataclass(slots=True)
class DocState:
    """What earlier expressions in the document established, for later ones to lean on."""

    ref: date | None
    last_quarter: tuple[int, int] | None = None
    last_quarter_pos: int = -(10**9)
    last_year: int | None = None
    last_day: date | None = None
    last_month: tuple[int, int] | None = None
    month_named: tuple[int, int, int] | None = None
    """Where the last whole month named ("in February") ended, its year and month."""
    last_point: tuple[int, date] | None = None
    """Where the last calendar date named in the text ended, and its first day."""
    notes: dict[str, int] = field(default_factory=dict)


@dataclass(slots=True)
class Ctx:
    text: str
    m: re.Match[str]
    tense: Tense
    state: DocState

    def g(self, name: str) -> str:
        v = self.m.group(name) if name in self.m.re.groupindex else None
        return (v or "").strip()

    @property
    def ref(self) -> date | None:
        return self.state.ref


def _month_num(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def _day(d: date) -> str:
    return d.isoformat()


def _month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _week(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def _quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


_NARRATIVE_REACH = 150
"""How close a named date must be for "two years later" to count from it (characters)."""
_OPENS_SENTENCE = re.compile(r"(?:(?:and|but|then|only|just|some|about|nearly|almost)\s+)?",
                             re.IGNORECASE)
"""What may stand before "two days later" when it opens the sentence after the date it counts
from."""
_MONTH_REACH = 120
"""How close a month must be for "a year earlier" to mean that month a year before."""
_QUARTER_REACH = 400
"""How near (in characters) a quarter must be for "a year ago" / "the quarter" to mean it."""

_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

def _clean_pod(word: str) -> str:
    return PARTS_OF_DAY[word.lower().rstrip("s")]


def _year_for_month(ref: date, month: int, tense: Tense) -> int:
    """A bare month: this year's, unless tense puts it more than a month the wrong way."""
    ahead = month - ref.month
    if tense is Tense.PAST and ahead > 1:
        return ref.year - 1
    if tense is Tense.FUTURE and ahead < -1:
        return ref.year + 1
    return ref.year


def _nearest_year(ref: date, month: int, day: int) -> int | None:
    best: tuple[int, int] | None = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            d = date(y, month, day)
        except ValueError:
            continue
        dist = abs((d - ref).days)
        if best is None or dist < best[0]:
            best = (dist, y)
    return None if best is None else best[1]


def _year_by_tense(ref: date, month: int, day: int, tense: Tense) -> int | None:
    """A month and day without a year: the nearest one, unless tense says it is past or to come
    and the nearest one is more than a season the wrong way."""
    y = _nearest_year(ref, month, day)
    if y is None:
        return None
    try:
        d = date(y, month, day)
    except ValueError:
        return None
    shifted = y
    if tense is Tense.PAST and (d - ref).days > 90:
        shifted = y - 1
    elif tense is Tense.FUTURE and (ref - d).days > 90:
        shifted = y + 1
    if shifted != y and not (month == 2 and day == 29 and calendar.isleap(y)
                             and not calendar.isleap(shifted)):
        return shifted
    return y


def _full_date(c: Ctx, month_word: str, day_word: str, year_word: str) -> Norm | None:
    month = _month_num(month_word)
    digits = re.match(r"\d+", day_word)
    if month is None or digits is None:
        return None
    day = int(digits.group(0))
    if year_word:
        y = int(year_word)
        try:
            d = date(y, month, day)
        except ValueError:
            return None
        return Norm(DATE, _day(d), ABS, anchor=d)
    if c.ref is None:
        if not 1 <= day <= 31:
            return None
        return Norm(DATE, f"XXXX-{month:02d}-{day:02d}", UNRES)
    y2 = _year_by_tense(c.ref, month, day, c.tense)
    if y2 is None:
        return None
    d = date(y2, month, day)
    return Norm(DATE, _day(d), REL, anchor=d)


def n_iso_date(c: Ctx) -> Norm | None:
    d = date(int(c.g("y")), int(c.g("m")), int(c.g("d")))
    if c.g("h"):
        return Norm(TIME, f"{_day(d)}T{c.g('h')}:{c.g('mi')}", ABS, anchor=d)
    return Norm(DATE, _day(d), ABS, anchor=d)


def n_numeric_date(c: Ctx) -> Norm | None:
    a, b, ys = int(c.g("a")), int(c.g("b")), c.g("y")
    y = int(ys) if len(ys) == 4 else (2000 + int(ys) if int(ys) < 50 else 1900 + int(ys))
    month, day = (b, a) if a > 12 else (a, b)
    d = date(y, month, day)
    return Norm(DATE, _day(d), ABS, anchor=d)


def n_other_numeric(c: Ctx) -> Norm | None:
    """Numeric dates outside our grammar ("31.08.2022", "2022/08/31") go to dateparser."""
    a, last = c.g("a"), c.g("c")
    if not (len(a) == 4 or len(last) == 4):
        return None
    if c.g("sep") == "-" and len(a) == 4:
        return None  # ISO dates have their own rule; "2009-10-11" ranges stay out
    order = "DMY" if c.g("sep") == "." and len(a) < 4 else ("YMD" if len(a) == 4 else "MDY")
    parsed = _dateparser_day(c.m.group(0), order)
    return None if parsed is None else Norm(DATE, _day(parsed), ABS, anchor=parsed)


def _dateparser_day(span: str, order: str) -> date | None:
    """dateparser as a fallback parser for one isolated span; any failure is "no date"."""
    try:
        import dateparser  # deferred: only numeric forms our grammar lacks pay for the import

        result = dateparser.parse(
            span, languages=["en"], settings={"STRICT_PARSING": True, "DATE_ORDER": order}
        )
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    return result.date() if isinstance(result, datetime) else None


def n_month_day(c: Ctx) -> Norm | None:
    return _full_date(c, c.g("m"), c.g("d"), c.g("y") or c.g("ly"))


def _mod_anchor(mod: str, y: int, month: int) -> date | None:
    mod = mod.lower()
    if "end" in mod or "close" in mod or mod.startswith("late"):
        return date(y, month, calendar.monthrange(y, month)[1])
    if "beginning" in mod or "start" in mod or mod.startswith("early"):
        return date(y, month, 1)
    return None


def n_month(c: Ctx) -> Norm | None:
    month = _month_num(c.g("m"))
    if month is None:
        return None
    w = c.g("w").lower()
    mod = c.g("mod")
    if c.g("y"):
        y = int(c.g("y"))
        return Norm(DATE, _month(y, month), ABS, anchor=_mod_anchor(mod, y, month))
    if w in ("that", "the same") and c.state.last_year is not None:
        y = c.state.last_year
        return Norm(DATE, _month(y, month), Resolution.INFERRED, anchor=_mod_anchor(mod, y, month))
    if c.ref is None:
        return Norm(DATE, f"XXXX-{month:02d}", UNRES)
    ref = c.ref
    yw = c.g("yw").lower()
    if yw:
        y = ref.year + {"this": 0, "last": -1, "next": 1}[yw]
        return Norm(DATE, _month(y, month), REL, anchor=_mod_anchor(mod, y, month))
    if w == "last" or w == "this past":
        y = ref.year if month < ref.month else ref.year - 1
    elif w == "next":
        y = ref.year if month > ref.month else ref.year + 1
    elif w == "this":
        y = ref.year
    else:
        y = _year_for_month(ref, month, c.tense)
    return Norm(DATE, _month(y, month), REL, anchor=_mod_anchor(mod, y, month))


def n_day_month(c: Ctx) -> Norm | None:
    return _full_date(c, c.g("m"), c.g("d"), c.g("y"))


def n_year(c: Ctx) -> Norm | None:
    y = int(c.g("y"))
    mod = c.g("mod").lower()
    if "half" in mod:
        half = 1 if "first" in mod else 2
        return Norm(DATE, f"{y:04d}-H{half}", ABS)
    if "quarter" in mod:
        q = ORDINALS[mod.split()[-3] if mod.startswith("the") else mod.split()[0]]
        return Norm(DATE, f"{y:04d}-Q{q}", ABS)
    anchor = date(y, 12, 31) if "end" in mod or "close" in mod else None
    return Norm(DATE, f"{y:04d}", ABS, anchor=anchor)


def n_spoken_year(c: Ctx) -> Norm | None:
    if c.g("c"):
        r = number_value(c.g("r"))
        if r is None or r < 10:
            return None
        return Norm(DATE, f"{1900 + r:04d}", ABS)
    kr = c.g("kr")
    if kr:
        r = number_value(kr)
        if r is None or r > 99:
            return None
        return Norm(DATE, f"{2000 + r:04d}", ABS)
    if not c.m.group(0).lower().startswith("the year"):
        return None
    return Norm(DATE, "2000", ABS)


def n_decade(c: Ctx) -> Norm | None:
    if c.g("y"):
        span = None
        if c.m.group(0).lower().startswith("the ") and not c.g("mod"):
            span = (c.m.start("y"), c.m.end())  # "in the 1990s": TimeML marks "1990s"
        return Norm(DATE, c.g("y")[:3], ABS, span=span)
    if c.g("yy"):
        base = "19" if c.ref is None or int(c.g("yy")) > (c.ref.year % 100) else str(
            c.ref.year // 100
        )
        return Norm(DATE, base + c.g("yy")[0], ABS)
    w = c.g("w").lower()
    if w in DECADE_WORDS:
        if not c.m.group(0).lower().startswith("the"):
            return None
        return Norm(DATE, f"19{DECADE_WORDS[w]}", ABS)
    return None


def n_century(c: Ctx) -> Norm | None:
    n_word = c.g("n").lower().replace(" ", "-")
    digits = re.match(r"\d+", n_word)
    n = int(digits.group(0)) if digits else ORDINALS.get(n_word)
    if n is None or not 1 <= n <= 30:
        return None
    return Norm(DATE, f"{n - 1:02d}", ABS)


def _quarter_year(ref: date, q: int, tense: Tense) -> int:
    """The year of a bare "third quarter": this year's unless it is still to come."""
    if q <= _quarter_of(ref) or tense is Tense.FUTURE:
        return ref.year
    return ref.year - 1


def _narrowed_quarter_span(c: Ctx) -> tuple[int, int] | None:
    """Only "the" belongs to a quarter's span, and nothing before the adjective "third-quarter"."""
    det = c.g("det").lower()
    if not det or "year's" in det:
        return None
    joint = c.text[c.m.end("o") : c.m.start("u")]
    if det == "the" and "-" not in joint:
        return None
    start = c.m.end("det")
    while start < c.m.end() and c.text[start].isspace():
        start += 1
    return (start, c.m.end())


def n_quarter(c: Ctx) -> Norm | None:
    o = c.g("o").lower()
    unit = c.g("u").lower()
    n = ORDINALS.get(o)
    if n is None:
        return None
    if unit == "half":
        if n > 2 and o != "final":
            return None
        n = 2 if o == "final" else n
    det = c.g("det").lower()
    adjs = re.findall(r"(?:19|20)\d\d", c.m.group(0))
    explicit = c.g("y") or (adjs[0] if adjs else "")
    letter = "H" if unit == "half" else "Q"
    if explicit:
        y = int(explicit)
        res = ABS
    elif c.ref is None:
        return Norm(DATE, f"XXXX-{letter}{n}", UNRES, span=_narrowed_quarter_span(c))
    elif det.startswith("last year"):
        y, res = c.ref.year - 1, REL
    elif det.startswith("next year"):
        y, res = c.ref.year + 1, REL
    elif det.startswith("this year"):
        y, res = c.ref.year, REL
    elif (
        c.state.last_quarter is not None
        and letter == "Q"
        and c.m.start() - c.state.last_quarter_pos < _QUARTER_REACH
        and ("year-earlier" in c.m.group(0).lower() or "year-ago" in c.m.group(0).lower())
    ):
        y, res = c.state.last_quarter[0] - 1, REL
    elif letter == "Q":
        y, res = _quarter_year(c.ref, n, c.tense), REL
    else:
        cur_half = 1 if c.ref.month <= 6 else 2
        y = c.ref.year if (n < cur_half or c.tense is Tense.FUTURE) else c.ref.year - 1
        res = REL
    if explicit and ("year-earlier" in c.m.group(0).lower() or "year-ago" in c.m.group(0).lower()):
        y -= 1
    if letter == "Q":
        c.state.last_quarter = (y, n)
        c.state.last_quarter_pos = c.m.start()
    return Norm(DATE, f"{y:04d}-{letter}{n}", res, span=_narrowed_quarter_span(c))


def n_quarter_code(c: Ctx) -> Norm | None:
    """Business shorthand: "Q3 2022", "2022 Q3", "H1 2021", "FY2022", "FY22"."""
    raw = c.m.group(0)
    if c.g("fy"):
        if not raw.startswith("FY"):
            return None
        fy = c.g("fy")
        return Norm(DATE, f"{(2000 + int(fy)) if len(fy) == 2 else int(fy):04d}", ABS)
    if c.g("l") not in ("Q", "H"):
        return None  # lower-case "q3" is rarely a quarter
    n, letter = int(c.g("n")), c.g("l")
    if letter == "H" and n > 2:
        return None
    year_text = c.g("y1") or c.g("y2")
    if year_text:
        y = 2000 + int(year_text[1:]) if year_text.startswith("'") else int(year_text)
        res = ABS
    elif c.ref is None:
        return Norm(DATE, f"XXXX-{letter}{n}", UNRES)
    else:
        y = _quarter_year(c.ref, n, c.tense) if letter == "Q" else c.ref.year
        res = REL
    if letter == "Q":
        c.state.last_quarter = (y, n)
        c.state.last_quarter_pos = c.m.start()
    return Norm(DATE, f"{y:04d}-{letter}{n}", res)


def _prev_quarter(ref: date) -> tuple[int, int]:
    q = _quarter_of(ref) - 1
    return (ref.year, q) if q >= 1 else (ref.year - 1, 4)


def n_quarter_ref(c: Ctx) -> Norm | None:
    text = c.m.group(0).lower()
    adj = c.g("adj").lower()
    unit = c.g("u").lower()
    if unit == "period" and not adj:
        return None
    year_adj = re.search(r"\b(?:19|20)\d\d\b", text)
    if year_adj:
        y = int(year_adj.group(0))
        q = c.state.last_quarter[1] if c.state.last_quarter is not None else None
        if unit == "period" and q is None:
            return Norm(DATE, f"{y:04d}", ABS)
        return Norm(DATE, f"{y:04d}-Q{q}" if q else f"{y:04d}-QX", Resolution.INFERRED)
    if unit == "period" and adj in ("previous", "fiscal", "recent"):
        return None
    earlier = any(k in text for k in ("year-earlier", "year-ago", "comparable", "last year",
                                      "a year ago", "a year earlier"))
    recent_q = (
        c.state.last_quarter
        if c.state.last_quarter is not None
        and c.m.start() - c.state.last_quarter_pos < _QUARTER_REACH
        else None
    )
    if c.ref is None and recent_q is None:
        return Norm(DATE, "XXXX-QX", UNRES)
    if adj in ("latest", "just-ended", "most recent") and c.ref is not None:
        recent_q = _prev_quarter(c.ref)
    if recent_q is not None and not (c.g("det").lower() == "this" or adj == "current"):
        y, q = recent_q
        res = Resolution.INFERRED
    elif c.ref is not None:
        if c.g("det").lower() == "this" or adj == "current":
            y, q = c.ref.year, _quarter_of(c.ref)
        else:
            y, q = _prev_quarter(c.ref)
        res = REL
    else:
        return None
    if earlier:
        y -= 1
    else:
        c.state.last_quarter = (y, q)
        c.state.last_quarter_pos = c.m.start()
    return Norm(DATE, f"{y:04d}-Q{q}", res)


def n_year_ago_adj(c: Ctx) -> Norm | None:
    recent_q = (
        c.state.last_quarter
        if c.state.last_quarter is not None
        and c.m.start() - c.state.last_quarter_pos < _QUARTER_REACH
        else None
    )
    if recent_q is not None:
        return Norm(DATE, f"{recent_q[0] - 1:04d}-Q{recent_q[1]}", Resolution.INFERRED)
    if c.ref is None:
        return None
    return Norm(DATE, f"{c.ref.year - 1:04d}", REL)


def n_season(c: Ctx) -> Norm | None:
    """Seasons are named by the year they start in (winter 2021 runs Dec 2021 - Feb 2022)."""
    code = SEASONS[c.g("s").lower()]
    w = re.sub(r"\s+", " ", c.g("w").lower())
    if c.g("y"):
        return Norm(DATE, f"{int(c.g('y')):04d}-{code}", ABS)
    if c.ref is None:
        return Norm(DATE, f"XXXX-{code}", UNRES)
    first = _SEASON_START[code]
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
    return Norm(DATE, f"{y:04d}-{code}", REL)


_DIRECTION = {
    "last": -1, "the past": -1, "the last": -1, "the previous": -1, "the prior": -1,
    "this past": -1,
    "next": 1, "the coming": 1, "the following": 1, "the next": 1,
    "this": 0, "the current": 0, "the same": 0, "the full": 0, "the fiscal": 0, "that": 0,
    "the latest": 0,
}  # fmt: skip


def _unit_value(ref: date, unit: str, k: int) -> str | None:
    if unit == "week":
        return _week(ref + timedelta(weeks=k))
    if unit == "weekend":
        return _week(ref + timedelta(weeks=k)) + "-WE"
    if unit == "month":
        return _month(*shift_month(ref.year, ref.month, k))
    if unit == "year":
        return f"{ref.year + k:04d}"
    if unit == "quarter":
        n = ref.year * 4 + _quarter_of(ref) - 1 + k
        return f"{n // 4:04d}-Q{n % 4 + 1}"
    if unit == "decade":
        return f"{ref.year // 10 + k:03d}"
    if unit == "century":
        return f"{ref.year // 100 + k:02d}"
    if unit == "day":
        return _day(ref + timedelta(days=k))
    return None


def n_rel_unit(c: Ctx) -> Norm | None:
    w = re.sub(r"\s+", " ", c.g("w").lower())
    unit = c.g("u").lower()
    k = _DIRECTION.get(w)
    if k is None:
        return None
    if w in ("the following", "the previous", "the prior") and unit == "year" and (
        c.state.last_year is not None
    ):
        return Norm(DATE, f"{c.state.last_year + k:04d}", Resolution.INFERRED)
    if w in ("the following", "the previous", "the prior") and unit == "month" and (
        c.state.last_month is not None
    ):
        y, mo = shift_month(*c.state.last_month, k)
        return Norm(DATE, _month(y, mo), Resolution.INFERRED)
    if w in ("that", "the same"):
        if unit == "year" and c.state.last_year is not None:
            return Norm(DATE, f"{c.state.last_year:04d}", Resolution.INFERRED)
        if unit == "quarter" and c.state.last_quarter is not None:
            y, q = c.state.last_quarter
            return Norm(DATE, f"{y:04d}-Q{q}", Resolution.INFERRED)
        return None
    if w == "the latest":
        if unit != "quarter":
            return None
        if c.state.last_quarter is not None:
            y, q = c.state.last_quarter
            return Norm(DATE, f"{y:04d}-Q{q}", Resolution.INFERRED)
        k = -1
    if w in ("the full", "the fiscal") and unit != "year":
        return None
    if w == "the fiscal" and _year_as_duration(c):
        return Norm(DURATION, "P1Y", ABS)
    if w == "the latest" and unit == "year" and c.ref is not None:
        return Norm(DATE, f"{c.ref.year - 1:04d}", REL)
    if c.ref is None:
        return Norm(DATE, {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX",
                           "quarter": "XXXX-QX", "decade": "XXX", "century": "XX"}.get(unit,
                                                                                        "XXXX"),
                    UNRES)
    value = _unit_value(c.ref, unit, k)
    if value is None:
        return None
    if unit == "quarter":
        y, q = int(value[:4]), int(value[-1])
        c.state.last_quarter = (y, q)
        c.state.last_quarter_pos = c.m.start()
    return Norm(DATE, value, REL)


def n_earlier_in(c: Ctx) -> Norm | None:
    if c.ref is None:
        return None
    value = _unit_value(c.ref, c.g("u").lower(), 0)
    return None if value is None else Norm(DATE, value, REL)


def _quantity(word: str) -> tuple[str, float | None]:
    """Strip qualifiers off a quantity; None for a vague one ("several")."""
    w = re.sub(r"\s+", " ", word.lower()).strip()
    w = re.sub(r"^(?:nearly|almost|no more than|more than|less than|fewer than|at least|up to|"
               r"some|around|roughly|approximately) ", "", w)
    and_half = re.fullmatch(r"(.+?)[\s-]+and[\s-]+a[\s-]+half", w)
    if and_half:
        whole = number_value(and_half.group(1))
        return w, (None if whole is None else whole + 0.5)
    half = re.fullmatch(r"(\d+)[\s-]+1/2", w)
    if half:
        return w, int(half.group(1)) + 0.5
    if re.fullmatch(r"\d+\.\d+", w):
        return w, float(w)
    n = number_value(w)
    return w, (None if n is None else float(n))


def _unit_name(word: str) -> str:
    w = word.lower()
    if w.startswith("centur"):
        return "century"
    return w[:-1] if w.endswith("s") else w


def _duration_value(n: float | None, unit: str) -> str:
    letter = UNITS[unit]
    t = "T" if unit in TIME_UNITS else ""
    if n is None:
        return f"P{t}X{letter[0] if letter in ('DE', 'CE') else letter}"
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


_HALF_UNITS: dict[str, tuple[bool, int, str]] = {
    "year": (False, 12, "M"), "month": (False, 30, "D"), "week": (False, 7, "D"),
    "day": (True, 24, "H"), "hour": (True, 60, "M"), "minute": (True, 60, "S"),
}  # fmt: skip
"""How a fraction of a unit is written in the next smaller one: "2 1/2 years" is P2Y6M."""


def _narrowed_duration_span(c: Ctx) -> tuple[int, int] | None:
    """"its two-year term": an adjectival duration leaves its determiner out."""
    pre = c.g("pre").lower()
    if not pre or c.g("dir") or pre.startswith("each"):
        return None
    unit_word = c.g("u").lower()
    joint = c.text[c.m.end("q") : c.m.start("u")]
    if unit_word.endswith("s") and "-" not in joint and pre.strip() == "the":
        return None
    start = c.m.start("q")
    return (start, c.m.end())


def n_duration(c: Ctx) -> Norm | None:
    unit = _unit_name(c.g("u"))
    if unit not in UNITS:
        return None
    q_text, n = _quantity(c.g("q"))
    if re.search(r"\s(?:to|or)\s", q_text):
        n = None
    if c.g("half") and n is not None:
        n += 0.5
    rel = c.g("rel").lower()
    narrowed = _narrowed_duration_span(c)
    if rel in ("before", "after"):
        return Norm(DURATION, _duration_value(n, unit), Resolution.ABSOLUTE,
                    span=(c.m.start(), c.m.start("rel")))
    if rel:
        future = rel in ("later", "from now", "hence")
        if n is None:
            return Norm(DATE, "FUTURE_REF" if future else "PAST_REF", REL)
        if c.ref is None:
            return Norm(DATE, "XXXX-XX-XX", UNRES)
        k = int(n) if n.is_integer() else None
        if k is None:
            return Norm(DURATION, _duration_value(n, unit), ABS,
                        span=(c.m.start(), c.m.start("rel")))
        sign = 1 if future else -1
        if unit == "year" and c.state.last_quarter is not None and (
            c.m.start() - c.state.last_quarter_pos < _QUARTER_REACH
        ):
            y, q = c.state.last_quarter
            return Norm(DATE, f"{y + sign * k:04d}-Q{q}", Resolution.INFERRED)
        month = _month_in_sentence(c) if unit == "year" and k == 1 and not future else None
        if month is not None and c.ref.year - 1 <= month[0] <= c.ref.year:
            # "exports rose in February from a year earlier": February of the year before
            return Norm(DATE, _month(month[0] - 1, month[1]), Resolution.INFERRED)
        if unit == "fortnight":
            unit, k = "week", 2 * k
        elif unit in ("decade", "century"):
            unit, k = "year", k * (10 if unit == "decade" else 100)
        if unit in TIME_UNITS:
            return Norm(DURATION, _duration_value(n, unit), ABS,
                        span=(c.m.start(), c.m.start("rel")))
        base, res = _narrative_base(c, rel), REL
        if base is not None:
            res = Resolution.INFERRED
        value = _unit_value(base or c.ref, unit, sign * k)
        if value is None:
            return None
        anchor = date.fromisoformat(value) if unit == "day" else None
        return Norm(DATE, value, res, anchor=anchor)
    return Norm(DURATION, _duration_value(n, unit), ABS, span=narrowed)


def _month_in_sentence(c: Ctx) -> tuple[int, int] | None:
    """The month named (as a whole month) shortly before, in the same sentence."""
    named = c.state.month_named
    if named is None:
        return None
    end, y, m = named
    between = c.text[end : c.m.start()]
    if not 0 <= c.m.start() - end <= _MONTH_REACH or re.search(r"[.!?]\s", between):
        return None
    return y, m


def _narrative_base(c: Ctx, rel: str) -> date | None:
    """"in October 2024 ... two years later": later/earlier count from a date just named in the
    same sentence, not from the publication date."""
    point = c.state.last_point
    if rel not in ("later", "earlier") or point is None:
        return None
    end, when = point
    between = c.text[end : c.m.start()]
    if not 0 <= c.m.start() - end <= _NARRATIVE_REACH:
        return None
    boundaries = list(re.finditer(r"[.!?][\"'\u201d]?\s+", between))
    if not boundaries:
        return when
    # "... on Jan. 29. Two days later, ..." opens the next sentence: it continues the story
    if len(boundaries) == 1 and _OPENS_SENTENCE.fullmatch(between[boundaries[0].end() :]):
        return when
    return None


def _year_as_duration(c: Ctx) -> bool:
    """"the year ended March 31" is a twelve-month span; "for the year" in results is the year."""
    after = c.text[c.m.end() : c.m.end() + 12]
    before = c.text[max(0, c.m.start() - 12) : c.m.start()]
    return bool(
        re.match(r"\s+(?:ended|ending|to)\b", after) or re.search(r"throughout\s+$", before)
    )


def n_day_anaphor(c: Ctx) -> Norm | None:
    """"that day", "the next morning": a day relative to the last day the text named."""
    if c.state.last_day is None:
        return None
    w = re.sub(r"\s+", " ", c.g("w").lower())
    k = {"the next": 1, "the following": 1, "the previous": -1, "the preceding": -1}.get(w, 0)
    d = c.state.last_day + timedelta(days=k)
    unit = c.g("u").lower()
    if unit == "day":
        return Norm(DATE, _day(d), Resolution.INFERRED, anchor=d)
    return Norm(TIME, f"{_day(d)}T{PARTS_OF_DAY[unit]}", Resolution.INFERRED, anchor=d)


def n_the_unit(c: Ctx) -> Norm | None:
    unit = c.g("u").lower()
    lead = c.g("lead").lower()
    span = c.m.span("span")
    if unit == "year":
        if lead in ("over", "throughout") or _year_as_duration(c):
            return Norm(DURATION, "P1Y", ABS, span=span)
        if c.ref is None:
            return Norm(DATE, "XXXX", UNRES, span=span)
        return Norm(DATE, f"{c.ref.year:04d}", REL, span=span)
    if c.ref is None:
        return Norm(DATE, "XXXX-WXX-WE", UNRES, span=span)
    saturday = c.ref + timedelta(days=(5 - c.ref.weekday()) % 7)
    if c.tense is Tense.PAST and saturday > c.ref:
        saturday -= timedelta(days=7)
    return Norm(DATE, _week(saturday) + "-WE", REL, span=span)


def n_year_end(c: Ctx) -> Norm | None:
    if c.ref is None:
        return None
    if c.g("u").lower() == "month":
        return Norm(DATE, _month(c.ref.year, c.ref.month), REL)
    last_day = date(c.ref.year, 12, 31)
    if "-" in c.m.group(0) and not c.g("mod"):
        return Norm(DATE, _day(last_day), REL, anchor=last_day)
    return Norm(DATE, f"{c.ref.year:04d}", REL, anchor=last_day)


def n_duration_adj(c: Ctx) -> Norm | None:
    return Norm(DURATION, _duration_value(1, _unit_name(c.g("u"))), ABS)


def n_vague_plural(c: Ctx) -> Norm | None:
    unit = _unit_name(c.g("u"))
    rel = c.g("rel").lower()
    if rel:
        return Norm(DATE, "PAST_REF" if rel in ("ago", "earlier") else "FUTURE_REF", REL)
    return Norm(DURATION, _duration_value(None, unit), ABS, span=c.m.span("span"))


def n_recent_units(c: Ctx) -> Norm | None:
    if c.g("ahead"):
        return Norm(DURATION, _duration_value(None, _unit_name(c.g("ahead"))), ABS)
    unit = _unit_name(c.g("u"))
    w = c.g("w").lower()
    if w == "recent" and unit == "year":
        return Norm(DATE, "PAST_REF", REL)
    if w == "future" or (w == "coming" and unit == "quarter"):
        return Norm(DATE, "FUTURE_REF", REL)
    return Norm(DURATION, _duration_value(None, unit), ABS)


def n_vague_span(c: Ctx) -> Norm | None:
    """"for a while", "for some time": durations of unknown length; "the near term" is ahead."""
    words = c.g("span").lower().split()
    if words[-1] == "term":
        return Norm(DATE, "FUTURE_REF", REL, span=c.m.span("span"))
    return Norm(DURATION, "PXX", ABS, span=c.m.span("span"))


def n_day_continuation(c: Ctx) -> Norm | None:
    """The second day of "April 24 and 25" / "March 3-5" takes its month from the first."""
    norm = _full_date(c, c.g("m"), c.g("d"), c.g("y"))
    if norm is not None:
        norm.span = c.m.span("span")
    return norm


def _with_part(d: date, part: str, res: Resolution, keep_part: bool = True) -> Norm:
    if part and keep_part:
        return Norm(TIME, f"{_day(d)}T{_clean_pod(part)}", res, anchor=d)
    return Norm(DATE, _day(d), res, anchor=d)


def n_weekday(c: Ctx) -> Norm | None:
    wd = WEEKDAYS[c.g("d").lower()]
    part = c.g("p")
    if c.g("pl") or part.lower().endswith("s"):
        suffix = f"T{_clean_pod(part)}" if part else ""
        return Norm(SET, f"XXXX-WXX-{wd + 1}{suffix}", ABS)
    if c.g("m") and c.g("dn"):
        return _full_date(c, c.g("m"), c.g("dn"), "")
    if c.ref is None:
        suffix = f"T{_clean_pod(part)}" if part else ""
        return Norm(TIME if part else DATE, f"XXXX-WXX-{wd + 1}{suffix}", UNRES)
    w = re.sub(r"\s+", " ", c.g("w").lower())
    if w in ("last", "the previous", "this past"):
        d = resolve_weekday(c.ref, wd, -1)
    elif w in ("next", "the following", "coming"):
        d = resolve_weekday(c.ref, wd, +1)
    elif w == "that":
        return None
    else:
        d = weekday_by_tense(c.ref, wd, c.tense)
    # TimeML news annotation gives "Friday night" the day's value: the day is what places it
    return _with_part(d, part, REL, keep_part=False)


def n_day_word(c: Ctx) -> Norm | None:
    word = c.g("d").lower()
    part = c.g("p")
    if word == "tonight":
        part = "night"
    if c.ref is None:
        return Norm(TIME if part else DATE, "XXXX-XX-XX", UNRES)
    k = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}[word]
    return _with_part(c.ref + timedelta(days=k), part, REL)


def n_part_of_day(c: Ctx) -> Norm | None:
    if c.g("o"):
        part, w = "overnight", "this"
    else:
        part, w = c.g("p"), re.sub(r"\s+", " ", c.g("w").lower())
    code = _clean_pod(part)
    day = _day_of(c, c.g("day"))
    if day is not None:
        return Norm(TIME, f"{_day(day)}T{code}", REL, anchor=day)
    if w in ("that", "the", "mid"):
        if c.state.last_day is None:
            if c.ref is None:
                return None
            return Norm(TIME, f"{_day(c.ref)}T{code}", REL, anchor=c.ref)
        d = c.state.last_day
        return Norm(TIME, f"{_day(d)}T{code}", Resolution.INFERRED, anchor=d)
    if c.ref is None:
        return Norm(TIME, f"XXXX-XX-XXT{code}", UNRES)
    d = c.ref - timedelta(days=1) if w in ("last", "late last") else c.ref
    return Norm(TIME, f"{_day(d)}T{code}", REL, anchor=d)


def _day_of(c: Ctx, word: str) -> date | None:
    w = word.lower()
    if c.ref is None or not w:
        return None
    if w in ("today", "tonight"):
        return c.ref
    if w == "tomorrow":
        return c.ref + timedelta(days=1)
    if w == "yesterday":
        return c.ref - timedelta(days=1)
    if w in WEEKDAYS:
        return weekday_by_tense(c.ref, WEEKDAYS[w], c.tense)
    return None


def _clock_in_day(c: Ctx) -> str | None:
    h, mi = int(c.g("h")), int(c.g("mi") or 0)
    ap = c.g("ap").lower().replace(" ", "")
    if ap.startswith(("a", "p", "inthe")) and not 1 <= h <= 12:
        return None
    if ap.startswith(("a", "inthemorning")):
        h = 0 if h == 12 else h
    elif ap.startswith(("p", "intheafternoon", "intheevening")):
        h = 12 if h == 12 else h + 12
    return f"{h:02d}:{mi:02d}"


def _clock_norm(c: Ctx, hour: int, minute: int, day_word: str) -> Norm:
    hhmm = f"{hour:02d}:{minute:02d}"
    span = c.m.span("span") if "span" in c.m.re.groupindex else None
    if day_word:
        d = _day_of(c, day_word)
        if d is not None:
            return Norm(TIME, f"{_day(d)}T{hhmm}", REL, anchor=d, span=span)
    return Norm(TIME, f"XXXX-XX-XXT{hhmm}", UNRES, needs_day=True, span=span)


def n_clock(c: Ctx) -> Norm | None:
    if c.g("cm"):
        day = _full_date(c, c.g("cm"), c.g("cd"), c.g("cy"))
        if day is None or day.anchor is None:
            return None
        inner = _clock_in_day(c)
        if inner is None:
            return None
        return Norm(TIME, f"{_day(day.anchor)}T{inner}", day.resolution, anchor=day.anchor)
    h = int(c.g("h"))
    mi = int(c.g("mi") or 0)
    ap = c.g("ap").lower().replace(" ", "")
    if ap.startswith(("a", "inthemorning")):
        if not 1 <= h <= 12:
            return None
        h = 0 if h == 12 else h
    elif ap.startswith(("p", "intheafternoon", "intheevening")):
        if not 1 <= h <= 12:
            return None
        h = 12 if h == 12 else h + 12
    elif ap.startswith("o'clock") and not 1 <= h <= 12:
        return None
    return _clock_norm(c, h, mi, c.g("day"))


def n_clock24(c: Ctx) -> Norm | None:
    return _clock_norm(c, int(c.g("h")), int(c.g("mi")), "")


def n_noon(c: Ctx) -> Norm | None:
    n = c.g("n").lower()
    hour = 24 if n == "midnight" else 12
    return _clock_norm(c, hour, 0, c.g("day"))


_REFS = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "at present": "PRESENT_REF", "these days": "PRESENT_REF",
    "the future": "FUTURE_REF", "the near future": "FUTURE_REF", "soon": "FUTURE_REF",
    "the distant future": "FUTURE_REF", "the foreseeable future": "FUTURE_REF",
    "as soon as possible": "FUTURE_REF", "a later date": "FUTURE_REF",
    "current": "PRESENT_REF",
}  # fmt: skip


def n_ref(c: Ctx) -> Norm | None:
    r = re.sub(r"\s+", " ", c.g("r").lower())
    return Norm(DATE, _REFS.get(r, "PAST_REF"), REL)


_SET_ADVERBS = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
    "hourly": "PT1H", "nightly": "XXXX-XX-XXTNI", "biweekly": "P2W",
}  # fmt: skip


def n_set(c: Ctx) -> Norm | None:
    adv = c.g("adv").lower()
    if adv:
        return Norm(SET, _SET_ADVERBS[adv], ABS)
    u = c.g("u").lower()
    u = u[:-1] if u.endswith("s") and u[:-1] in WEEKDAYS else u
    if u in WEEKDAYS:
        return Norm(SET, f"XXXX-WXX-{WEEKDAYS[u] + 1}", ABS)
    if _month_num(u) is not None and is_capitalised(c.g("u")):
        return Norm(SET, f"XXXX-{_month_num(u):02d}", ABS)
    if u in PARTS_OF_DAY:
        return Norm(SET, f"XXXX-XX-XXT{PARTS_OF_DAY[u]}", ABS)
    if u in SEASONS:
        return Norm(SET, f"XXXX-{SEASONS[u]}", ABS)
    if u == "weekend":
        return Norm(SET, "XXXX-WXX-WE", ABS)
    unit = _unit_name(u)
    if unit not in UNITS:
        return None
    n: float | None = 1.0
    if c.g("q"):
        _, n = _quantity(c.g("q"))
    if "other" in c.m.group(0).lower() and n is not None:
        n *= 2
    return Norm(SET, _duration_value(n, unit), ABS)


def n_set_freq(c: Ctx) -> Norm | None:
    return Norm(SET, _duration_value(1, _unit_name(c.g("u"))), ABS, span=c.m.span("span"))


def _easter(y: int) -> date:
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
    return date(y, month, day)


def _nth_weekday(y: int, month: int, weekday: int, n: int) -> date:
    if n > 0:
        first = date(y, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(y, month, calendar.monthrange(y, month)[1])
    return last - timedelta(days=(last.weekday() - weekday) % 7)


_HOLIDAYS: dict[str, Callable[[int], date]] = {
    "christmas": lambda y: date(y, 12, 25), "christmas day": lambda y: date(y, 12, 25),
    "christmas eve": lambda y: date(y, 12, 24), "new year's": lambda y: date(y, 1, 1),
    "new year's day": lambda y: date(y, 1, 1), "new year's eve": lambda y: date(y, 12, 31),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "independence day": lambda y: date(y, 7, 4), "halloween": lambda y: date(y, 10, 31),
    "valentine's day": lambda y: date(y, 2, 14), "boxing day": lambda y: date(y, 12, 26),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "election day": lambda y: _nth_weekday(y, 11, 0, 1) + timedelta(days=1),
    "easter": _easter, "easter sunday": _easter,
}  # fmt: skip


def n_holiday(c: Ctx) -> Norm | None:
    name = re.sub(r"\s+", " ", c.g("h").lower())
    rule = _HOLIDAYS.get(name)
    if rule is None:
        return None
    if c.g("y"):
        d = rule(int(c.g("y")))
        return Norm(DATE, _day(d), ABS, anchor=d)
    if c.ref is None:
        return None
    d = rule(c.ref.year)
    w = re.sub(r"\s+", " ", c.g("w").lower())
    if w in ("last", "this past"):
        return Norm(DATE, _day(d if d < c.ref else rule(c.ref.year - 1)), REL)
    if w == "next":
        return Norm(DATE, _day(d if d > c.ref else rule(c.ref.year + 1)), REL)
    if c.tense is Tense.PAST and d > c.ref + timedelta(days=1):
        d = rule(c.ref.year - 1)
    elif c.tense is Tense.FUTURE and d < c.ref:
        d = rule(c.ref.year + 1)
    return Norm(DATE, _day(d), REL, anchor=d)


NORMALISERS: dict[str, Callable[[Ctx], Norm | None]] = {
    "iso_date": n_iso_date, "numeric_date": n_numeric_date, "other_numeric": n_other_numeric,
    "month_day": n_month_day,
    "day_month": n_day_month, "month": n_month, "year": n_year, "spoken_year": n_spoken_year,
    "decade": n_decade, "century": n_century, "quarter": n_quarter,
    "quarter_ref": n_quarter_ref, "quarter_code": n_quarter_code,
    "year_ago_adj": n_year_ago_adj, "season": n_season,
    "rel_unit": n_rel_unit, "earlier_in": n_earlier_in, "duration": n_duration,
    "duration_adj": n_duration_adj, "vague_plural": n_vague_plural,
    "recent_units": n_recent_units, "vague_span": n_vague_span,
    "day_continuation": n_day_continuation, "day_pair_first": n_day_continuation,
    "weekday": n_weekday, "day_word": n_day_word,
    "part_of_day": n_part_of_day, "clock": n_clock, "clock24": n_clock24,
    "clock_military": n_clock24, "noon": n_noon,
    "ref": n_ref, "set": n_set, "set_freq": n_set_freq, "holiday": n_holiday,
    "the_unit": n_the_unit, "year_end": n_year_end, "day_anaphor": n_day_anaphor,
}  # fmt: skip
