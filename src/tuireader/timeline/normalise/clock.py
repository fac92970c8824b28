"""Times of day on the clock: "3:30 p.m. ET", "11 a.m. on Friday", "at 14:30", "1400 GMT",
"noon", "midnight tomorrow"."""

from __future__ import annotations

import re

from tuireader.timeline.filters import clock_said_before
from tuireader.timeline.lexicon import ONES, TENS
from tuireader.timeline.normalise.context import REL, TIME, UNRES, Ctx, Norm, Normaliser
from tuireader.timeline.normalise.dates import full_date
from tuireader.timeline.normalise.days import day_of
from tuireader.timeline.normalise.values import iso_day


def _meridiem(c: Ctx) -> str:
    """"a.m.", "pm", "in the evening" as one word without spaces ("inthemorning")."""
    return c.group("meridiem").lower().replace(" ", "")


def _clock_in_day(c: Ctx) -> str | None:
    h, mi = int(c.group("hour")), int(c.group("minute") or 0)
    ap = _meridiem(c)
    if ap.startswith(("a", "p", "inthe")) and not 1 <= h <= 12:
        return None
    if ap.startswith(("a", "inthemorning")):
        h = 0 if h == 12 else h
    elif ap.startswith(("p", "intheafternoon", "intheevening")):
        h = 12 if h == 12 else h + 12
    return f"{h:02d}:{mi:02d}"


def _clock_norm(c: Ctx, hour: int, minute: int, day_word: str) -> Norm:
    hhmm = f"{hour:02d}:{minute:02d}"
    span = c.match.span("span") if c.has_group("span") else None
    if day_word:
        d = day_of(c, day_word)
        if d is not None:
            return Norm(TIME, f"{iso_day(d)}T{hhmm}", REL, anchor=d, span=span)
    return Norm(TIME, f"XXXX-XX-XXT{hhmm}", UNRES, needs_day=True, span=span)


def n_clock(c: Ctx) -> Norm | None:
    if c.group("date_month"):
        day = full_date(c, c.group("date_month"), c.group("date_day"), c.group("date_year"))
        if day is None or day.anchor is None:
            return None
        inner = _clock_in_day(c)
        if inner is None:
            return None
        return Norm(TIME, f"{iso_day(day.anchor)}T{inner}", day.resolution, anchor=day.anchor)
    h = int(c.group("hour"))
    mi = int(c.group("minute") or 0)
    ap = _meridiem(c)
    if ap.startswith(("a", "inthemorning")):
        if not 1 <= h <= 12:
            return None
        h = 0 if h == 12 else h
    elif ap.startswith(("p", "intheafternoon", "intheevening")):
        if not 1 <= h <= 12:
            return None
        h = 12 if h == 12 else h + 12
    elif ap.startswith("o'clock"):
        if not 1 <= h <= 12:
            return None
        h = _in_part_of_day(c, h)
    return _clock_norm(c, h, mi, c.group("day_word"))


def n_clock_words(c: Ctx) -> Norm | None:
    """"Half past seven", "a quarter to three", "ten past nine", "seven o'clock": the hour as
    said, twelve hours on when the part of the day around it is past noon."""
    if c.group("hour_to"):
        hour = ONES[c.group("hour_to").lower()] - 1 or 12
        minutes = 60 - _minutes_past(c.group("minutes_to"))
    else:
        hour = ONES[(c.group("hour_past") or c.group("hour_oclock")).lower()]
        minutes = _minutes_past(c.group("minutes"))
    return _clock_norm(c, _in_part_of_day(c, hour), minutes, c.group("day_word"))


def n_bare_hour(c: Ctx) -> Norm | None:
    """"At nine" after a clock time in the same sentence: an hour, past noon when the clock
    before it is ("at 7.30pm, and the band is on at nine") or its clause is in the evening."""
    said = c.group("hour")
    hour = int(said) if said.isdigit() else ONES[said.lower()]
    before = clock_said_before(c.match, c.text)
    if before is not None and (before.group("meridiem") or "").lower().startswith("p"):
        hour = hour + 12 if hour < 12 else hour
    return _clock_norm(c, _in_part_of_day(c, hour), 0, "")


_CLAUSE_BREAK = re.compile(r"[,;:!?()]|\.(?:\s|$)")
_LATE_PART = re.compile(r"\b(?:(?P<evening>tonight|evening|afternoon)|(?P<night>night))\b",
                        re.IGNORECASE)
_PART_REACH = 40


def _in_part_of_day(c: Ctx, hour: int) -> int:
    """A clock hour with no a.m. or p.m. ("nine o'clock", "half past seven") in its clause's
    afternoon, evening or "tonight" is past noon; at night, from six on."""
    start, end = c.match.span()
    before = c.text[max(0, start - _PART_REACH):start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    before = before[breaks[-1].end():] if breaks else before
    after = c.text[end:end + _PART_REACH]
    cut = _CLAUSE_BREAK.search(after)
    after = after[:cut.start()] if cut else after
    part = _LATE_PART.search(before + " " + after)
    if part is None or hour >= 12:
        return hour
    return hour + 12 if part.group("evening") or hour >= 6 else hour


def n_clock24(c: Ctx) -> Norm | None:
    return _clock_norm(c, int(c.group("hour")), int(c.group("minute")), "")


def n_clock_stamp(c: Ctx) -> Norm | None:
    """A live blog's stamp: its day when it says one ("Yesterday 18:20"), else the day around it."""
    return _clock_norm(c, int(c.group("hour")), int(c.group("minute")), c.group("day_word"))


def n_clock_dotted(c: Ctx) -> Norm | None:
    """"At 9.02 on the morning of 19 April": a British clock time, twelve hours on when the
    part of the day after it is past noon ("at 7.30 on Friday evening")."""
    hour = int(c.group("hour"))
    part = (c.group("part") or c.group("day_part")).lower()
    if part in ("afternoon", "evening") or (part == "night" and 6 <= hour < 12):
        hour = hour + 12 if hour < 12 else hour
    return _clock_norm(c, hour, int(c.group("minute")), "")


def n_noon(c: Ctx) -> Norm | None:
    """"Noon", "midnight on Thursday" (the end of Thursday), "one minute past midnight on
    Thursday" (its start, 00:01), "after midnight on Thursday" (its start, 00:00)."""
    midnight = c.group("hour_word").lower() == "midnight"
    minutes = _minutes_past(c.group("past"))
    if minutes or (midnight and _AFTER.search(c.text, max(0, c.match.start() - 8),
                                              c.match.start())):
        return _clock_norm(c, 0 if midnight else 12, minutes, c.group("day_word"))
    return _clock_norm(c, 24 if midnight else 12, 0, c.group("day_word"))


_AFTER = re.compile(r"\bafter\s+$", re.IGNORECASE)
""""Just after midnight Friday": the first minutes of Friday, not its end."""


def _minutes_past(said: str) -> int:
    """The minutes of "one minute past", "a quarter past", "half past", "25 past" (0: none)."""
    words = said.lower().split()
    if not words:
        return 0
    if words[-1] in ("quarter", "half"):
        return 15 if words[-1] == "quarter" else 30
    number = words[0]
    if number == "a":
        return 1
    if number.isdigit():
        return int(number)
    return 25 if number == "twenty-five" else ONES.get(number, TENS.get(number, 0))


NORMALISERS: dict[str, Normaliser] = {
    "clock": n_clock, "clock24": n_clock24, "clock_dotted": n_clock_dotted,
    "clock_military": n_clock24, "clock_stamp": n_clock_stamp, "noon": n_noon,
    "clock_words": n_clock_words, "bare_hour": n_bare_hour,
}  # fmt: skip
