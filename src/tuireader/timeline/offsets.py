"""Offsets anchored on a date the text gives: "two days later", "a week earlier", "the following
day", "13 minutes before the close", "with 13 minutes left". Each names a second event at a
known distance from a dated one; `offset_at` reads the phrase, `shifted` places it."""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import Enum

from tuireader.timeline.event import Granularity, Interval
from tuireader.timeline.intervals import interval_of, shift_month
from tuireader.timeline.lexicon import ONES, TENS, number_value
from tuireader.timeline.normalise.values import unit_value


class OffsetForm(Enum):
    FOLLOWS_ANCHOR = "follows"
    """"Two days later, ...": this clause's event sits at the anchor plus the offset."""
    BEFORE_COMPLEMENT = "complement"
    """"at 23:47, 13 minutes before the term ended": the complement's event ("the term
    ended") is the one placed: 13 minutes after the 23:47 said before the phrase, or 13
    minutes before a date inside the complement ("two days before the vote on 12 May")."""
    LEFT = "left"
    """"with 13 minutes left at 23:47": a deadline at the anchor plus the offset."""


@dataclass(frozen=True, slots=True)
class AnchoredOffset:
    amount: int
    unit: str
    """minute, hour, day, week, month, quarter, year or decade; "weekday" (amount: Monday 0
    to Sunday 6) until `in_days` counts it from an anchor."""
    sign: int
    """+1 when the derived event comes after the anchor, -1 before."""
    form: OffsetForm
    names_unit: bool
    """"the following year" names a calendar unit (the row is that year); "a year later" is a
    distance (the row keeps the anchor's precision: a day stays a day)."""
    start: int
    end: int
    """The phrase's offsets in the text ("just" excluded, "before" included)."""
    vague: bool = False
    """"Hours later": a distance in `unit`s that gives no count (`amount` is 0)."""
    weekend: bool = False
    """"The following weekend": the week counted to, at its weekend."""
    counts_from: frozenset[Granularity] | None = None
    """The kinds of date it may count from ("the year-ago quarter": a quarter said, not a day
    nor a date derived itself); None: any."""
    rounded: bool = False
    """"roughly 30 hours after X": a rounded distance counts only from a date said before it,
    never from one in its complement ("about two weeks after its twin, which left on ...")."""

    def iso(self, sign: int) -> str:
        """"+PT13M", "-P7D": the distance, `sign` giving its direction."""
        if self.vague:
            return ("+" if sign > 0 else "-") + "PTX" + self.unit[0].upper()
        amount = self.amount * {"quarter": 3, "decade": 10}.get(self.unit, 1)
        letter = {"minute": "TM", "hour": "TH", "day": "D", "week": "W", "month": "M",
                  "season": "M",
                  "quarter": "M", "year": "Y", "decade": "Y"}[self.unit]
        body = f"PT{amount}{letter[1]}" if letter.startswith("T") else f"P{amount}{letter}"
        return ("+" if sign > 0 else "-") + body

    def words(self, sign: int) -> str:
        """"+ 13 minutes", "- 1 week"."""
        if self.vague:
            return f"{'+' if sign > 0 else '-'} {self.unit}s"
        plural = "" if self.amount == 1 else "s"
        unit = "month" if self.unit == "season" else self.unit
        return f"{'+' if sign > 0 else '-'} {self.amount} {unit}{plural}"


_UNIT = r"(?P<unit>minute|hour|day|week|fortnight|month|quarter|year|decade)s?"
_NUMBER_WORD = (r"(?:(?:" + "|".join(TENS) + r")(?:[\s-](?:"
                + "|".join(w for w, n in ONES.items() if n < 10) + r"))?|"
                + "|".join(sorted(ONES, key=len, reverse=True)) + ")")
_COUNT = (rf"(?P<count>\d{{1,3}}|half\s+an?|an?|{_NUMBER_WORD}|a\s+couple\s+of)"
          r"(?P<and_half>\s+and\s+a\s+half)?")
_COUNTED = re.compile(
    rf"{_COUNT}[\s-]+{_UNIT}(?:\s+or\s+so)?\s+"
    r"(?P<dir>later|earlier|before|after|afterwards?|on(?=\s*[,.;])|prior\s+to|previously"
    r"|shy\s+of|from(?=\s+(?:entry|signing|publication|approval|enactment|issue|delivery"
    r"|completion|launch|(?:the|its|their)\s+(?:entry|signing|start|date|launch|approval"
    r"|publication|completion))\b))\b",
    re.IGNORECASE,
)
_UNCOUNTED = re.compile(r"\b(?P<unit>minute|hour)s\s+(?P<dir>later|earlier)\b", re.IGNORECASE)
""""Hours later", "and minutes earlier", "a few hours later": no count, but less than a day."""
_WORD_BEFORE = re.compile(r"([\w-]+)\s+$")
_UNCOUNTED_AFTER = frozenset({"and", "but", "then", "just", "only", "few", "several", "many",
                              "some"})
"""The words an uncounted offset may follow (after "sixteen", a count `_COUNTED` lacks, no
distance is read)."""
_NEIGHBOUR = re.compile(
    r"the\s+(?P<which>following|next|previous|preceding|prior)\s+"
    r"(?P<unit>day|weekend|week|month|year|morning|afternoon|evening|night"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|spring|summer|autumn|fall"
    r"|winter)\b"
    r"|the\s+(?P<unit2>day|week|month|year|night)\s+(?P<dir>before|after)\b"
    r"(?!\s+(?!(?:the|a|an|his|her|its|their)\s)\w)"
    r"|the\s+(?P<eve>eve)\s+of\b",
    re.IGNORECASE,
)
_YEAR_BEFORE = re.compile(
    r"\b(?:year-earlier|year-ago|prior-year|year-before)(?:\s+(?P<period>period|quarter|month"
    r"|half|week|day))?\b",
    re.IGNORECASE)
""""The year-earlier quarter", "the year-ago period": the period just named, a year before."""
_PERIOD_NAMED = {
    "period": frozenset({Granularity.YEAR, Granularity.HALF, Granularity.QUARTER,
                         Granularity.MONTH}),
    "quarter": frozenset({Granularity.QUARTER}), "month": frozenset({Granularity.MONTH}),
    "half": frozenset({Granularity.HALF}), "week": frozenset({Granularity.WEEK}),
    "day": frozenset({Granularity.DAY}),
}  # fmt: skip
_COMPARED = re.compile(r"\s+than\b", re.IGNORECASE)
""""A year later than planned": a distance compared with something, no second date (the
extractor reads the phrase as a duration the same way)."""
_LEFT = re.compile(
    rf"with\s+(?:just\s+|only\s+)?{_COUNT}[\s-]+{_UNIT}\s+(?:left|remaining|to\s+spare|to\s+go)\b",
    re.IGNORECASE,
)
_COMPLEMENT = re.compile(
    r"[ \t]+(?!(?:and|but|or|in|at|on|when|as|that|then)\b)[\w\"\u201c]", re.IGNORECASE)
"""After "before"/"after": what it is before or after ("the close", "Bachelet's term"), not
a comma or the end of the sentence."""
_SPAN_LEAD = re.compile(
    r"\b(?:for|within|in|over|during|than|nearly|almost|about|around|roughly|some"
    r"|approximately|more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|under|over)"
    r"\s+(?:just\s+|only\s+)?$",
    re.IGNORECASE)
""""for two years before ...", "within days after ...": a span of time, not a distance; "nearly
two months after ...": no date to place exactly."""
_LATER_LEAD = re.compile(r"\b(?:in|about|around|roughly|some|approximately)\s+$", re.IGNORECASE)
"""Before "N units later/earlier", no span: "came in two hours later" ("in" is the verb's);
"about 40 minutes later" rounds a distance a reader still places (but "about two weeks after
its twin, which left on August 20" is no date for the twin's launch)."""
_SET_FOR = re.compile(r"\b(?:set|scheduled|planned|slated|due|pencilled|penciled|booked)\s+for\s+$",
                      re.IGNORECASE)
_ROUNDING = re.compile(r"\b(?:about|around|roughly|some|approximately)\s+$", re.IGNORECASE)
"""Words that round a distance before "before"/"after" ("roughly 30 hours after ...")."""
_HALVES = {"hour": (30, "minute"), "day": (12, "hour"), "year": (6, "month"),
           "decade": (5, "year")}
"""Half a unit in the next smaller one ("half an hour later": 30 minutes)."""
_DAYS_IN = {"week": 7, "fortnight": 14, "month": 30.44}
"""A unit with no half in a smaller one, counted in days when said "and a half"."""
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_SEASON_CODES = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}
_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_BACKWARDS = ("earlier", "before", "prior", "previously", "previous", "preceding", "shy")
_REACH = 24
"""How far before an expression its offset phrase may start ("with just 13 minutes")."""


_HINT = re.compile(
    r"\b(?:later|earlier|before|after|afterwards?|on(?=\s*[,.;])|prior|previous(?:ly)?"
    r"|following|next|preceding|left|remaining|spare|go|eve|shy|year-ago|prior-year|from)\b",
    re.IGNORECASE)
"""A word every offset phrase has: most expressions are ruled out by one search."""


def offset_at(text: str, start: int, end: int) -> AnchoredOffset | None:
    """The anchored offset an expression at [start, end) is part of, or None."""
    lo, hi = max(0, start - _REACH), min(len(text), end + 16)
    if _HINT.search(text, lo, hi) is None:
        return None
    for pattern in (_LEFT, _COUNTED, _UNCOUNTED, _NEIGHBOUR, _YEAR_BEFORE):
        for m in pattern.finditer(text, lo, hi):
            if m.start() <= start < m.end() or start <= m.start() < end:
                found = _read(text, m, pattern)
                if found is not None:
                    return found
    return None


def inexact_distance(text: str, start: int, end: int) -> bool:
    """Whether the expression at [start, end) is a distance said inexactly ("less than a
    year later", "nearly two weeks after"): it places its event at no date, neither counted
    from a date in the text nor from the publication date."""
    lo, hi = max(0, start - _REACH), min(len(text), end + 16)
    if _HINT.search(text, lo, hi) is None:  # every counted distance has one of its words
        return False
    for m in _COUNTED.finditer(text, lo, hi):
        if m.start() <= start < m.end() or start <= m.start() < end:
            return _inexact(text, m)
    return False


def _inexact(text: str, m: re.Match[str]) -> bool:
    lead = _SPAN_LEAD.search(text, max(0, m.start() - 14), m.start())
    return lead is not None and _INEXACT.search(lead.group()) is not None


_INEXACT = re.compile(r"\b(?:nearly|almost|more|less|fewer|at\s+least|at\s+most|up\s+to|under"
                      r"|over)\b", re.IGNORECASE)
"""Of the words before a distance, those that leave it unknown ("about" rounds it)."""


def _read(text: str, m: re.Match[str], pattern: re.Pattern[str]) -> AnchoredOffset | None:
    groups = m.groupdict()
    unit = (groups.get("unit") or groups.get("unit2") or "").lower()
    if pattern is _NEIGHBOUR:
        direction = (groups.get("which") or groups.get("dir") or "").lower()
        if groups.get("eve"):
            unit, direction = "day", "before"
        sign = -1 if direction in _BACKWARDS else 1
        if unit in _PARTS:
            unit = "day"
        if unit == "weekend":
            return AnchoredOffset(1, "week", sign, OffsetForm.FOLLOWS_ANCHOR, True, m.start(),
                                  m.end(), weekend=True)
        if unit in _SEASON_START:  # a distance in months, known once the anchor is
            return AnchoredOffset(_SEASON_START[unit], "season", sign,
                                  OffsetForm.FOLLOWS_ANCHOR, True, m.start(), m.end())
        if unit in _WEEKDAYS:  # a distance of 1 to 7 days, known once the anchor is
            return AnchoredOffset(_WEEKDAYS.index(unit), "weekday", sign,
                                  OffsetForm.FOLLOWS_ANCHOR, False, m.start(), m.end())
        return AnchoredOffset(1, unit, sign, OffsetForm.FOLLOWS_ANCHOR, True, m.start(), m.end())
    if pattern is _YEAR_BEFORE:
        named = (groups.get("period") or "period").lower()
        return AnchoredOffset(1, "year", -1, OffsetForm.FOLLOWS_ANCHOR, False, m.start(),
                              m.end(), counts_from=_PERIOD_NAMED[named])
    if pattern is _UNCOUNTED:
        before = _WORD_BEFORE.search(text, max(0, m.start() - 16), m.start())
        if before is not None and before.group(1).lower() not in _UNCOUNTED_AFTER:
            return None
        sign = 1 if groups["dir"].lower() == "later" else -1
        return AnchoredOffset(0, unit, sign, OffsetForm.FOLLOWS_ANCHOR, False, m.start(),
                              m.end(), vague=True)
    lead = _SPAN_LEAD.search(text, max(0, m.start() - 14), m.start())
    if lead is not None and _SET_FOR.search(text, max(0, m.start() - 24), m.start()):
        lead = None  # "the vote is set for two weeks later": a date, not a span
    rounded = lead is not None and _ROUNDING.search(lead.group()) is not None
    if lead is not None and not rounded and not (
            _LATER_LEAD.search(lead.group()) and groups["dir"].lower() in ("later", "earlier")):
        return None
    count = " ".join(groups["count"].split()).lower()
    if count.startswith("half"):
        amount, unit = _HALVES.get(unit, (0, unit))
    else:
        amount = number_value(count) or 0
    if groups.get("and_half") and amount and unit in _HALVES:
        half, unit = _HALVES[unit]  # "six and a half hours": 390 minutes
        amount = amount * 2 * half + half
    elif groups.get("and_half") and amount and unit in _DAYS_IN:
        # "five and a half months later": in days (a month's average), not five months
        amount, unit = round((amount + 0.5) * _DAYS_IN[unit]), "day"
    if not amount:
        return None
    if unit == "fortnight":
        unit, amount = "week", amount * 2
    if pattern is _LEFT:
        return AnchoredOffset(amount, unit, 1, OffsetForm.LEFT, False, m.start(), m.end())
    direction = groups["dir"].lower()
    if _COMPARED.match(text, m.end()):
        return None  # "a year later than planned": a comparison, no second date
    sign = -1 if direction.startswith(_BACKWARDS) else 1
    form = OffsetForm.FOLLOWS_ANCHOR
    takes_object = direction in ("before", "after") or direction.startswith(("prior", "shy"))
    if takes_object and _COMPLEMENT.match(text, m.end()):
        form = OffsetForm.BEFORE_COMPLEMENT
    elif rounded and direction not in ("later", "earlier"):
        return None
    return AnchoredOffset(amount, unit, sign, form, False, m.start(), m.end(),
                          rounded=rounded and form is OffsetForm.BEFORE_COMPLEMENT)


_UNIT_GRANULARITY = {
    "minute": Granularity.MINUTE, "hour": Granularity.HOUR, "day": Granularity.DAY,
    "week": Granularity.WEEK, "month": Granularity.MONTH, "quarter": Granularity.QUARTER,
    "year": Granularity.YEAR, "decade": Granularity.DECADE, "season": Granularity.SEASON,
}  # fmt: skip
_ORDER = list(Granularity)


def in_days(anchor: Interval, offset: AnchoredOffset) -> AnchoredOffset | None:
    """"The following Monday" as the days it lies from the anchor's day ("+ 3 days" from a
    Friday); other offsets as they are. None when the anchor is no day or finer."""
    if offset.vague:
        return _within_the_day(anchor, offset)
    if offset.unit == "season":  # "the following spring": the months to that season's start
        apart = (offset.amount - anchor.start.month) * offset.sign % 12 or 12
        return replace(offset, amount=apart)
    if offset.unit != "weekday":
        return offset
    if _ORDER.index(anchor.granularity) < _ORDER.index(Granularity.DAY):
        return None
    days = (offset.amount - anchor.start.weekday()) * offset.sign % 7 or 7
    return replace(offset, amount=days, unit="day")


_ROOM_HOURS = {("hour", 1): (0, 12), ("hour", -1): (12, 24), ("minute", 1): (0, 23),
               ("minute", -1): (1, 24)}
"""The hours of an anchor's time from which "hours later" (earlier, minutes ...) stays on its
day: from 8:05 a.m. hours later is still that day; from 10 p.m. it may be the next."""


def _within_the_day(anchor: Interval, offset: AnchoredOffset) -> AnchoredOffset | None:
    """"Hours later" than a day, or than a time that leaves room: that day (a distance of
    no days); else None (no particular day)."""
    order = _ORDER.index(anchor.granularity)
    if order < _ORDER.index(Granularity.DAY):
        return None
    if order > _ORDER.index(Granularity.DAY):
        low, high = _ROOM_HOURS[(offset.unit, offset.sign)]
        if not low <= anchor.start.hour < high:
            return None
    return replace(offset, unit="day")


def after_or_before(anchor: Interval, day: Interval, offset: AnchoredOffset, sign: int
                    ) -> Interval:
    """The part of `day` an uncounted offset leaves when its anchor is a time that day: after
    it ("hours later", `sign` +1) or before it, so the row sorts after (before) the anchor's."""
    if not offset.vague or not day.start <= anchor.start < anchor.end < day.end:
        return day
    return replace(day, start=anchor.end) if sign > 0 else replace(day, end=anchor.start)


def part_of_day(text: str, offset: AnchoredOffset) -> str | None:
    """"the next morning": the TIMEX3 part of day the phrase names, if any."""
    words = text[offset.start:offset.end].lower().split()
    return next((_PARTS[w] for w in words if w in _PARTS), None)


def shifted(anchor: Interval, offset: AnchoredOffset, sign: int,
            part: str | None = None) -> tuple[str, Interval] | None:
    """The anchor moved by the offset (`sign` applied), at the anchor's granularity: a day
    stays a day ("a week earlier" than Monday is a Monday), and a time counted in days or
    more is a day (the time of day was the anchor's event's, not the other's). None when the
    anchor is coarser than the offset's unit (two days after "March" is no particular day)."""
    granularity = anchor.granularity
    unit = _UNIT_GRANULARITY[offset.unit]
    if _ORDER.index(granularity) < _ORDER.index(unit) and not _whole_periods(granularity, offset):
        return None
    if offset.names_unit and part is None:
        granularity = unit
    elif _ORDER.index(unit) <= _ORDER.index(Granularity.DAY) < _ORDER.index(granularity):
        granularity = Granularity.DAY  # "at 6 a.m., ten days before the murder": a day
    moment = _moved(anchor.start, offset.unit, offset.amount * sign)
    value = None if moment is None else _value_at(moment, granularity)
    if value is None:
        return None
    if part is not None and granularity is Granularity.DAY:
        value = f"{value}T{part}"
    if offset.weekend and granularity is Granularity.WEEK:
        value = f"{value}-WE"
    interval = interval_of(value)
    return None if interval is None else (value, interval)


def _whole_periods(granularity: Granularity, offset: AnchoredOffset) -> bool:
    """"Starts in Q2 2026 and ends 18 months later": months that make whole quarters (or
    halves, years) move a quarter to a quarter."""
    months = {Granularity.QUARTER: 3, Granularity.HALF: 6, Granularity.YEAR: 12}.get(granularity)
    return months is not None and offset.unit == "month" and offset.amount % months == 0


_STEPS = {"minute": timedelta(minutes=1), "hour": timedelta(hours=1), "day": timedelta(days=1),
          "week": timedelta(days=7)}
_MONTHS = {"month": 1, "season": 1, "quarter": 3, "year": 12, "decade": 120}


def _moved(moment: datetime, unit: str, amount: int) -> datetime | None:
    """`moment` moved by `amount` units; a month's 31st becomes its last day when the target
    month is shorter."""
    try:
        if unit in _STEPS:
            return moment + _STEPS[unit] * amount
        year, month = shift_month(moment.year, moment.month, amount * _MONTHS[unit])
        day = min(moment.day, monthrange(year, month)[1])
        return moment.replace(year=year, month=month, day=day)
    except (OverflowError, ValueError):
        return None


def _value_at(m: datetime, granularity: Granularity) -> str | None:
    """The TIMEX3 value of the `granularity` unit holding `m`; None for units we don't write."""
    match granularity:
        case Granularity.HALF:
            return f"{m.year:04d}-H{1 if m.month <= 6 else 2}"
        case Granularity.HOUR | Granularity.MINUTE:
            return m.strftime("%Y-%m-%dT%H:%M")
        case Granularity.SEASON:  # winter is named by the year of its December
            first = 12 if m.month < 3 else m.month - m.month % 3
            return f"{m.year - (m.month < 3):04d}-{_SEASON_CODES[first]}"
    unit = _VALUE_UNITS.get(granularity)
    return None if unit is None else unit_value(m.date(), unit, 0)


_VALUE_UNITS = {Granularity.DECADE: "decade", Granularity.YEAR: "year",
                Granularity.QUARTER: "quarter", Granularity.MONTH: "month",
                Granularity.WEEK: "week", Granularity.DAY: "day"}
"""Granularities written as the extractor writes a unit's value (`normalise.values`)."""
