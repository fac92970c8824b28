"""Calendar dates and months: "2022-08-31", "8/31/2022", "August 31", "31 August", "April 24 and
25", "last May", "early March 2021"."""

from __future__ import annotations

import calendar
import logging
import re
from datetime import date, datetime

from tuireader.timeline.anchoring import Tense, has_past
from tuireader.timeline.calendar_days import OffCalendar, calendar_day
from tuireader.timeline.event import Resolution
from tuireader.timeline.intervals import shift_month
from tuireader.timeline.lexicon import WEEKDAYS, day_of_month
from tuireader.timeline.normalise.context import (
    ABS,
    DATE,
    INFERRED,
    REL,
    TIME,
    UNRES,
    Ctx,
    Norm,
    Normaliser,
)
from tuireader.timeline.normalise.values import iso_day, month_number, year_month

logger = logging.getLogger(__name__)


def _year_for_month(ref: date, month: int, tense: Tense) -> int:
    """A bare month: this year's, unless tense puts it more than a month the wrong way; with
    no past or future verb near it, the nearest one (within six months either side)."""
    ahead = month - ref.month
    if tense is Tense.PAST and ahead > 1:
        return ref.year - 1
    if tense is Tense.FUTURE and ahead < -1:
        return ref.year + 1
    if tense is Tense.PRESENT and abs(ahead) > 6:
        return ref.year - 1 if ahead > 0 else ref.year + 1
    return ref.year


def _nearest_year(ref: date, month: int, day: int) -> int | None:
    best: tuple[int, int] | None = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            d = calendar_day(y, month, day)
        except OffCalendar:
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
        d = calendar_day(y, month, day)
    except OffCalendar:
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


def full_date(c: Ctx, month_word: str, day_word: str, year_word: str) -> Norm | None:
    """A month's name and a day, with the year written or found from the reference date."""
    month = month_number(month_word)
    day = day_of_month(day_word)
    if month is None or day is None:
        return None
    worded = year_in_words(c)
    if worded is not None:
        d = calendar_day(worded[0], month, day)
        return Norm(DATE, iso_day(d), worded[1], anchor=d)
    if year_word:
        try:
            d = calendar_day(int(year_word), month, day)
        except OffCalendar:
            return None
        return Norm(DATE, iso_day(d), ABS, anchor=d)
    framed = _framing_year(c)
    if framed is None and c.tense is not Tense.FUTURE and _year_names_the_event(c):
        framed = _year_of_sentence(c, month)  # "The 1966 final was played on 30 July"
    if framed is not None:
        d = calendar_day(framed, month, day)
        return Norm(DATE, iso_day(d), INFERRED, anchor=d)
    return _day_by_tense(c, month, day)


_YEAR_STEP = {"this": 0, "last": -1, "next": 1}


def year_in_words(c: Ctx) -> tuple[int, Resolution] | None:
    """The year "of that year" (the one the text last named), "of last year" (from the
    reference date) says, and how it was found; None when there is none or it is unknown."""
    if not c.has_group("year_deictic"):
        return None
    said = " ".join(c.group("year_deictic").lower().split())
    if said in ("that", "the same"):
        return None if c.state.last_year is None else (c.state.last_year, INFERRED)
    if not said or c.ref is None:
        return None
    return c.ref.year + _YEAR_STEP[said], REL


def _day_by_tense(c: Ctx, month: int, day: int) -> Norm | None:
    """A month's day with no year written or framed: in the year the tense puts it."""
    if c.ref is None:
        if not 1 <= day <= 31:
            return None
        return Norm(DATE, f"XXXX-{month:02d}-{day:02d}", UNRES)
    y2 = _year_by_tense(c.ref, month, day, c.tense)
    if y2 is None:
        return None
    d = calendar_day(y2, month, day)
    if c.tense is Tense.PAST and d > c.ref and _OPENS_A_PAST_SENTENCE.search(
            c.text, max(0, c.match.start() - 6), c.match.start()) \
            and _PAST_MAIN_CLAUSE.match(c.text, c.match.end()) and not (month == 2 and day == 29):
        # "On Oct. 19, the Dow fell 508 points", written on 18 October: last year's
        d = calendar_day(y2 - 1, month, day)
    return Norm(DATE, iso_day(d), REL, anchor=d)


_OPENS_A_PAST_SENTENCE = re.compile(r"(?:^|[.!?]\s+|\n\s*)On\s+$")
_PAST_MAIN_CLAUSE = re.compile(
    r",\s+(?:the\s+|a\s+|an\s+)?(?:[A-Z]?[\w.'-]+\s+){0,3}(?:[a-z]{3,}ed|fell|rose|fought|"
    r"won|lost|struck|sank|shot|hit|led|met|came|went|took|gave|made|said|told|began|ran|saw|"
    r"held|sent|found|left|became|grew|broke|stood|spoke|wrote|paid|sold|heard|fled)\b")
"""A date opening its sentence ("On Oct. 19, ...") followed by a clause whose verb is a
simple past: the date is gone, so a day after the publication's is last year's. (A past
verb elsewhere, "declared its dividend, payable Dec. 1", says nothing of the day's year.)"""


_FRAME_GAP = re.compile(r"\s*,\s*(?:on\s+)?", re.IGNORECASE)


def _framing_year(c: Ctx) -> int | None:
    """The year of a date said just before, a comma between: "In 2019, on 3 May" and "last
    year, on 3 May" frame the day in their year."""
    if c.state.last_point is None:
        return None
    end, first_day = c.state.last_point
    names = c.match.re.groupindex  # a clock's rule names its date's groups date_month, date_day
    starts = [c.match.start(g) for g in ("month", "day", "date_month", "date_day")
              if g in names and c.match.start(g) >= 0]
    if not starts or end > min(starts):
        return None
    return first_day.year if _FRAME_GAP.fullmatch(c.text, end, min(starts)) else None


def n_iso_date(c: Ctx) -> Norm | None:
    d = calendar_day(int(c.group("year")), int(c.group("month")), int(c.group("day")))
    if c.group("hour"):
        return Norm(TIME, f"{iso_day(d)}T{c.group('hour')}:{c.group('minute')}", ABS, anchor=d)
    return Norm(DATE, iso_day(d), ABS, anchor=d)


def n_iso_week(c: Ctx) -> Norm | None:
    """"2024-W19": an ISO week, as written (week 53 only in a year that has one)."""
    year, week = int(c.group("year")), int(c.group("week"))
    if week == 53 and date(year, 12, 28).isocalendar()[1] != 53:
        return None
    return Norm(DATE, f"{year:04d}-W{week:02d}", ABS, anchor=date.fromisocalendar(year, week, 1))


_RANGE_AFTER = re.compile(
    r"\s*(?:-|\u2013|to|until|till|through|and)\s*(?P<first>\d{1,2})/\d{1,2}/\d", re.IGNORECASE)
_RANGE_BEFORE = re.compile(
    r"(?<![\d/])(?P<first>\d{1,2})/\d{1,2}/\d{2,4}\s*(?:-|\u2013|to|until|till|through|and)\s*$",
    re.IGNORECASE)


def _other_end_day_first(c: Ctx) -> bool:
    """Whether the other end of a range of slashed dates can only be day first ("from
    1/4/2022 to 31/3/2023"): a writer puts both ends in the same order."""
    after = _RANGE_AFTER.match(c.text, c.match.end())
    before = _RANGE_BEFORE.search(c.text, max(0, c.match.start() - 24), c.match.start())
    return any(m is not None and int(m.group("first")) > 12 for m in (after, before))


def _day_first_by_publication(c: Ctx, y: int, a: int, b: int) -> bool | None:
    """"Posted 5/6/2024" on a page of 5 June 2024: when just one reading is the day of
    writing or the day before (a stamp, a dateline), that is the writer's order; else None."""
    if c.ref is None:
        return None
    near = {c.ref, date.fromordinal(c.ref.toordinal() - 1)}
    month_first, day_first = date(y, a, b) in near, date(y, b, a) in near
    return day_first if month_first != day_first else None


def n_numeric_date(c: Ctx) -> Norm | None:
    a, b, ys = int(c.group("first")), int(c.group("second")), c.group("year")
    y = int(ys) if len(ys) == 4 else (2000 + int(ys) if int(ys) < 50 else 1900 + int(ys))
    by_publication = _day_first_by_publication(c, y, a, b) if a <= 12 and b <= 12 else None
    if by_publication is not None:
        day_first = by_publication
    else:
        day_first = a > 12 or (b <= 12 and _other_end_day_first(c))
    month, day = (b, a) if day_first else (a, b)
    d = calendar_day(y, month, day)
    return Norm(DATE, iso_day(d), ABS, anchor=d)


def n_numeric_day(c: Ctx) -> Norm | None:
    """"On 3/4": month/day as a US paper writes it (day/month when the first can be no month),
    in the year the tense puts it."""
    a, b = int(c.group("first")), int(c.group("second"))
    month, day = (b, a) if a > 12 else (a, b)
    return None if month > 12 else _day_by_tense(c, month, day)


def n_other_numeric(c: Ctx) -> Norm | None:
    """Numeric dates outside our grammar ("31.08.2022", "2022/08/31") go to dateparser."""
    first, last = c.group("first"), c.group("third")
    separator = c.group("separator")
    if not (len(first) == 4 or len(last) == 4):
        return _short_dotted(c) if separator == "." and len(last) == 2 else None
    if separator == "-" and len(first) == 4:
        return None  # ISO dates have their own rule; "2009-10-11" ranges stay out
    order = "DMY" if separator == "." and len(first) < 4 else ("YMD" if len(first) == 4 else "MDY")
    parsed = _dateparser_day(c.match.group(0), order)
    return None if parsed is None else Norm(DATE, iso_day(parsed), ABS, anchor=parsed)


_DATE_LEAD = re.compile(r"\b(?:on|to|until|till|by|from|dated|since|before|after)\s+$",
                        re.IGNORECASE)


def _short_dotted(c: Ctx) -> Norm | None:
    """"Moved to 5.6.24": dots with a two-digit year are day first, as a British or
    continental writer puts them; only after a preposition ("version 5.6.24" is no date)."""
    if _DATE_LEAD.search(c.text, max(0, c.match.start() - 8), c.match.start()) is None:
        return None
    short = int(c.group("third"))
    d = calendar_day(2000 + short if short < 50 else 1900 + short, int(c.group("second")),
                     int(c.group("first")))
    return Norm(DATE, iso_day(d), ABS, anchor=d)


def _dateparser_day(span: str, order: str) -> date | None:
    """dateparser as a fallback parser for one isolated span; any failure is "no date"."""
    try:
        import dateparser  # deferred: only numeric forms our grammar lacks pay for the import

        result = dateparser.parse(
            span, languages=["en"], settings={"STRICT_PARSING": True, "DATE_ORDER": order}
        )
    except Exception:  # dateparser raises assorted errors on odd input
        logger.warning("dateparser failed on %r (order %s); no date", span, order, exc_info=True)
        return None
    return result.date() if isinstance(result, datetime) else None


def n_month_day(c: Ctx) -> Norm | None:
    return full_date(c, c.group("month"), c.group("day"),
                     c.group("year") or c.group("range_year"))


def n_day_month(c: Ctx) -> Norm | None:
    return full_date(c, c.group("month"), c.group("day"), c.group("year"))


def n_day_continuation(c: Ctx) -> Norm | None:
    """The second day of "April 24 and 25" / "March 3-5" takes its month from the first."""
    norm = full_date(c, c.group("month"), c.group("day"), c.group("year"))
    if norm is not None:
        norm.span = c.match.span("span")
    return norm


_MONTH_REACH = 300
"""How near (in characters) a month must have been named for "the 21st" to be its day."""
_MONTH_STEP = {"last": -1, "this": 0, "next": 1}


def n_ordinal_day(c: Ctx) -> Norm | None:
    """"On the 21st": a day of the month the text was just speaking of ("In June 2018, on the
    21st"), else of the publication date's month or the one either side, by tense: a past
    21st is the last one, a 21st to come the next one, with neither the nearest."""
    day = day_of_month(c.group("day"))
    if day is None:
        return None
    said = c.state.last_month
    deictic = c.group("deictic").lower()
    near = 0 <= c.match.start() - c.state.last_month_end <= _MONTH_REACH
    if said is not None and ((near and not deictic) or deictic in ("the", "that")):
        d = calendar_day(said[0], said[1], day)
        return Norm(DATE, iso_day(d), INFERRED, anchor=d)
    if c.ref is None:
        return Norm(DATE, f"XXXX-XX-{day:02d}", UNRES)
    if deictic in _MONTH_STEP:
        y, m = shift_month(c.ref.year, c.ref.month, _MONTH_STEP[deictic])
        d = calendar_day(y, m, day)
        return Norm(DATE, iso_day(d), REL, anchor=d)
    weekday = WEEKDAYS.get(c.group("weekday").lower())
    near_day = _month_day_near(c.ref, day, c.tense, weekday)
    return None if near_day is None else Norm(DATE, iso_day(near_day), REL, anchor=near_day)


def _month_day_near(ref: date, day: int, tense: Tense, weekday: int | None = None
                    ) -> date | None:
    """Day `day` of the month of `ref` or of a month either side, as `tense` would have it;
    with a weekday said ("Tuesday 4th"), only a month where that day is one."""
    days = []
    for k in (-2, -1, 0, 1, 2):
        y, m = shift_month(ref.year, ref.month, k)
        if day <= calendar.monthrange(y, m)[1]:
            days.append(date(y, m, day))
    matching = [d for d in days if d.weekday() == weekday]
    days = matching or days
    if tense is Tense.PAST:
        return max((d for d in days if d <= ref), default=None)
    if tense is Tense.FUTURE:
        return min((d for d in days if d >= ref), default=None)
    return min(days, key=lambda d: abs((d - ref).days), default=None)


def _mod_anchor(mod: str, y: int, month: int) -> date | None:
    mod = mod.lower()
    if "end" in mod or "close" in mod or mod.startswith("late"):
        return calendar_day(y, month, calendar.monthrange(y, month)[1])
    if "beginning" in mod or "start" in mod or mod.startswith("early"):
        return calendar_day(y, month, 1)
    return None


def n_month(c: Ctx) -> Norm | None:
    month = month_number(c.group("month"))
    if month is None:
        return None
    w = c.group("deictic").lower()
    mod = c.group("modifier")
    if c.group("year"):
        y = int(c.group("year"))
        return Norm(DATE, year_month(y, month), ABS, anchor=_mod_anchor(mod, y, month))
    if c.group("range_year"):  # "March–May 2021"; "November–February 2021" starts in 2020
        closing = month_number(c.group("range_month")) or 12
        y = int(c.group("range_year")) - (1 if month > closing else 0)
        return Norm(DATE, year_month(y, month), ABS, anchor=_mod_anchor(mod, y, month))
    if w in ("that", "the same") and c.state.last_year is not None:
        y = c.state.last_year
        return Norm(DATE, year_month(y, month), INFERRED, anchor=_mod_anchor(mod, y, month))
    worded = year_in_words(c)
    if worded is not None:
        y = worded[0]
        return Norm(DATE, year_month(y, month), worded[1], anchor=_mod_anchor(mod, y, month))
    if c.ref is None:
        return Norm(DATE, f"XXXX-{month:02d}", UNRES)
    ref = c.ref
    if w == "last" or w == "this past":
        y = ref.year if month < ref.month else ref.year - 1
    elif w == "next":
        y = ref.year if month > ref.month else ref.year + 1
    elif w == "this":
        y = ref.year
    else:
        said = _year_of_sentence(c, month)
        if said is not None:
            return Norm(DATE, year_month(said, month), INFERRED,
                        anchor=_mod_anchor(mod, said, month))
        y = _year_for_month(ref, month, c.tense)
    return Norm(DATE, year_month(y, month), REL, anchor=_mod_anchor(mod, y, month))


_YEAR_REACH = 120
_NOT_A_FRAME = re.compile(
    r"(?:\b(?:since|before|after|until|till|than)\s+|\b(?!(?:In|On|At|By|From|Back|Early|Late"
    r"|Mid|The|Of|Until|Since|January|February|March|April|May|June|July|August|September"
    r"|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b)"
    r"(?-i:[A-Z][a-z]+)\s+)\d{4}$", re.IGNORECASE)
"""A year said as a point of comparison, or as part of a name ("World Cup 2026"), does not
frame the months after it."""
_SENTENCE_BREAK = re.compile(r"[.!?]\s|\n")


def _year_of_sentence(c: Ctx, month: int) -> int | None:
    """A bare month after a year written out in its sentence is that year's ("Back in 1969,
    in July"; "in July 2008 ... by December"), not the publication's: unless it comes before
    that date's own month, which could be the year after."""
    said = c.state.year_said
    if said is None:
        return None
    end, year, its_month = said
    start = c.match.start()
    if not 0 <= start - end <= _YEAR_REACH or month < its_month:
        return None
    if _NOT_A_FRAME.search(c.text, max(0, end - 24), end):
        return None  # "the worst since 1976", "World Cup 2026": a year compared or named
    if _SENTENCE_BREAK.search(c.text, end, start):
        return None
    return None if _in_an_aside(c.text, end, start) else year


_YEAR_OF_THE_EVENT = re.compile(
    r"(?:(?:^|[.!?]\s+|\n)\s*In|\b(?:the|a|an|its|their|his|her))\s+\d{4}$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"\s+[a-z]")


def _year_names_the_event(c: Ctx) -> bool:
    """Whether the sentence's year is its event's: "The 1966 final ...", "In 2008, ...". (A
    year in a clause of its own, "a program approved in 1987 that ... had purchased shares
    through Sept. 29", frames no day of the main clause.)"""
    said = c.state.year_said
    if said is None:
        return False
    end = said[0]
    lead = _YEAR_OF_THE_EVENT.search(c.text, max(0, end - 40), end)
    if lead is None:
        return False
    return lead.group().lower().lstrip(" .!?\n").startswith("in") \
        or _NOUN_AFTER.match(c.text, end) is not None


_ASIDE_REACH = 60


_PARTICIPLE_ASIDE = re.compile(r"\s*(?:(?:first|once|last|newly|only)\s+)?[a-z]+(?:ed|en|n)\b")


def _in_an_aside(text: str, year_end: int, month_start: int) -> bool:
    """Whether the year ending at `year_end` is in an aside set off by commas before a
    month said in a main clause with no past ("The senator, first elected in 2012, faces a
    challenger in August"): it frames the aside, not the main clause."""
    closing = text.find(",", year_end, month_start)
    if closing < 0:
        return False
    opening = text.rfind(",", max(0, year_end - _ASIDE_REACH), year_end - 4)
    if opening < 0 or _SENTENCE_BREAK.search(text, opening, year_end):
        return False
    # "The twins, born in 1990 within minutes of each other, turned 34 in March": a
    # participle opens the aside, which tells of another time than the main clause's
    return not has_past(text[closing:month_start]) or _PARTICIPLE_ASIDE.match(
        text, opening + 1) is not None


NORMALISERS: dict[str, Normaliser] = {
    "iso_date": n_iso_date, "iso_week": n_iso_week, "numeric_date": n_numeric_date,
    "other_numeric": n_other_numeric,
    "month_day": n_month_day, "day_month": n_day_month, "month": n_month,
    "day_continuation": n_day_continuation, "day_pair_first": n_day_continuation,
    "ordinal_day": n_ordinal_day, "numeric_day": n_numeric_day,
}  # fmt: skip
