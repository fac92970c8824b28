"""Days named by their place in the week or from another day: "Friday", "last Tuesday night",
"yesterday", "this morning", "that day", "the next morning"."""

from __future__ import annotations

import re
from datetime import date

from tuireader.timeline.anchoring import resolve_weekday, weekday_by_tense
from tuireader.timeline.calendar_days import days_after
from tuireader.timeline.event import Resolution
from tuireader.timeline.lexicon import PARTS_OF_DAY, WEEKDAYS, number_value
from tuireader.timeline.normalise.context import (
    ABS,
    DATE,
    INFERRED,
    REL,
    SET,
    TIME,
    UNRES,
    Ctx,
    Norm,
    Normaliser,
)
from tuireader.timeline.normalise.dates import full_date
from tuireader.timeline.normalise.values import iso_day, part_code, unit_value

_DAY_WORDS = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}
_KEPT_PARTS = frozenset({"evening", "afternoon"})
"""Parts of a named weekday that stay in its value ("Friday evening" is 1998-02-13TEV). TimeML news
annotation gives "Friday night" and "Friday morning" the day's bare value more often than not
(on the training documents: night 10 bare, 9 with a part split between TNI and TEV; morning 5
bare, 3 TMO; evening 0 bare, 3 TEV), so those keep the day: the day is what places them."""
_ANAPHOR_STEP = {"the next": 1, "the following": 1, "the previous": -1, "the preceding": -1}


def day_of(c: Ctx, word: str) -> date | None:
    """The day "today", "tomorrow", "yesterday" or a weekday's name stands for, if any."""
    w = word.lower()
    if c.ref is None or not w:
        return None
    if w in ("today", "tonight"):
        return c.ref
    if w == "tomorrow":
        return days_after(c.ref, 1)
    if w == "yesterday":
        return days_after(c.ref, -1)
    if w in WEEKDAYS:
        return weekday_by_tense(c.ref, WEEKDAYS[w], c.tense)
    return None


def _with_part(d: date, part: str, res: Resolution, keep_part: bool = True) -> Norm:
    if part and keep_part:
        return Norm(TIME, f"{iso_day(d)}T{part_code(part)}", res, anchor=d)
    return Norm(DATE, iso_day(d), res, anchor=d)


def n_weekday(c: Ctx) -> Norm | None:
    wd = WEEKDAYS[c.group("weekday").lower()]
    part = c.group("part")
    if c.group("count") and c.group("ago"):
        return _weekdays_ago(c, wd, number_value(c.group("count")) or 1)
    if c.group("plural") or part.lower().endswith("s"):
        suffix = f"T{part_code(part)}" if part else ""
        return Norm(SET, f"XXXX-WXX-{wd + 1}{suffix}", ABS)
    if c.group("month") and c.group("day"):
        return full_date(c, c.group("month"), c.group("day"), "")
    weeks_later = _weeks_after_the_coming_one(c)
    if weeks_later and c.ref is not None:
        d = days_after(resolve_weekday(c.ref, wd, +1), 7 * weeks_later)
        return _with_part(d, part, REL, keep_part=part.lower() in _KEPT_PARTS)
    in_week = _day_of_the_week_said(c, wd)
    if in_week is not None:
        return _with_part(in_week[0], part, in_week[1], keep_part=part.lower() in _KEPT_PARTS)
    named = _the_day_just_named(c, wd)
    if named is not None:
        return _with_part(named, part, INFERRED, keep_part=part.lower() in _KEPT_PARTS)
    w = re.sub(r"\s+", " ", c.group("deictic").lower())
    if w in _ANAPHOR_STEP and c.state.last_day is not None:
        # "Talks collapsed on 3 March. The following Monday, ...": the Monday after the day
        # the story last named, not after the publication date
        d = resolve_weekday(c.state.last_day, wd, _ANAPHOR_STEP[w])
        return _with_part(d, part, INFERRED, keep_part=part.lower() in _KEPT_PARTS)
    if c.ref is None:
        suffix = f"T{part_code(part)}" if part else ""
        return Norm(TIME if part else DATE, f"XXXX-WXX-{wd + 1}{suffix}", UNRES)
    if w in ("last", "the previous", "this past"):
        d = resolve_weekday(c.ref, wd, -1)
    elif w in ("next", "the following", "coming"):
        d = resolve_weekday(c.ref, wd, +1)
    elif w == "that":
        return None
    else:
        d = weekday_by_tense(c.ref, wd, c.tense)
    return _with_part(d, part, REL, keep_part=part.lower() in _KEPT_PARTS)


def _weekdays_ago(c: Ctx, wd: int, n: int) -> Norm:
    """"Two Sundays ago": the last Sunday before the day of writing, then n - 1 weeks back."""
    if c.ref is None:
        return Norm(DATE, f"XXXX-WXX-{wd + 1}", UNRES)
    d = days_after(resolve_weekday(c.ref, wd, -1), -7 * (n - 1))
    return Norm(DATE, iso_day(d), REL, anchor=d)


def _weeks_after_the_coming_one(c: Ctx) -> int:
    """"Monday week", "Friday fortnight", "a week from Sunday", "a fortnight on Friday": that
    many weeks after the coming weekday (British and broadcast English)."""
    said = (c.group("weeks_on") or c.group("weeks_after")).lower()
    if not said:
        return 0
    return 2 if "fortnight" in said or said.startswith("two") else 1


_WEEK_STEP = {"this": 0, "last": -1, "next": 1, "that": 0, "the same": 0, "the following": 1,
              "the previous": -1}


def _day_of_the_week_said(c: Ctx, weekday: int) -> tuple[date, Resolution] | None:
    """"Tuesday of last week": that weekday in the week named, counted from the reference date
    ("last week") or from the day the story last named ("of that week", "of the following
    week")."""
    said = " ".join((c.group("week") or c.group("bare_week")).lower().split())
    if not said:
        return None
    story = said in ("that", "the same", "the following", "the previous")
    base, res = (c.state.last_day, INFERRED) if story else (c.ref, REL)
    if base is None:
        return None
    monday = days_after(base, 7 * _WEEK_STEP[said] - base.weekday())
    return days_after(monday, weekday), res


_APPOSITION = re.compile(r"\s*,\s*(?:a|which\s+was\s+a)\s+", re.IGNORECASE)


def _the_day_just_named(c: Ctx, weekday: int) -> date | None:
    """"On 4 July 2021, a Sunday": the weekday of the day just named, not one near the
    publication date."""
    if c.state.last_point is None or c.state.last_day is None:
        return None
    end, first_day = c.state.last_point
    start = c.match.start("weekday")
    if end > start or first_day != c.state.last_day or first_day.weekday() != weekday:
        return None
    return first_day if _APPOSITION.fullmatch(c.text, end, start) else None


def n_day_word(c: Ctx) -> Norm | None:
    word = c.group("day_word").lower()
    part = c.group("part")
    if word == "tonight":
        part = "night"
    if c.ref is None:
        return Norm(TIME if part else DATE, "XXXX-XX-XX", UNRES)
    # "the day before yesterday", "the day after tomorrow"
    beyond = {"before": -1, "after": 1}.get(c.group("beyond").lower(), 0)
    return _with_part(days_after(c.ref, _DAY_WORDS[word] + beyond), part, REL)


def n_part_of_day(c: Ctx) -> Norm | None:
    if c.group("overnight"):
        part, w = "overnight", "this"
    else:
        part, w = c.group("part"), re.sub(r"\s+", " ", c.group("deictic").lower())
    code = part_code(part)
    day = day_of(c, c.group("day_word"))
    if day is not None:
        return Norm(TIME, f"{iso_day(day)}T{code}", REL, anchor=day)
    if w in ("that", "the", "mid"):
        if c.state.last_day is None:
            if c.ref is None:
                return None
            return Norm(TIME, f"{iso_day(c.ref)}T{code}", REL, anchor=c.ref)
        d = c.state.last_day
        return Norm(TIME, f"{iso_day(d)}T{code}", INFERRED, anchor=d)
    if c.ref is None:
        return Norm(TIME, f"XXXX-XX-XXT{code}", UNRES)
    d = days_after(c.ref, -1) if w in ("last", "late last") else c.ref
    return Norm(TIME, f"{iso_day(d)}T{code}", REL, anchor=d)


def n_day_anaphor(c: Ctx) -> Norm | None:
    """"that day", "the next morning": a day relative to the last day the text named."""
    if c.state.last_day is None:
        return None
    w = re.sub(r"\s+", " ", c.group("deictic").lower())
    d = days_after(c.state.last_day, _ANAPHOR_STEP.get(w, 0))
    unit = c.group("unit").lower()
    if unit == "day":
        return Norm(DATE, iso_day(d), INFERRED, anchor=d)
    return Norm(TIME, f"{iso_day(d)}T{PARTS_OF_DAY[unit]}", INFERRED, anchor=d)


_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s")


_COMPLEMENT = re.compile(r"\s+(?:the|a|an|his|her|its|their)\s", re.IGNORECASE)


def n_day_neighbour(c: Ctx) -> Norm | None:
    """"the day before", "the night after the vote", "the eve of the vote", "the week before":
    next to the last day the text named."""
    if c.state.last_day is None:
        # "the day before the plenary session on 15 May": placed from its complement's date
        # by the rows, when the sentence gives one
        return Norm(DATE, "XXXX-XX-XX", UNRES) if not c.group("eve") and _COMPLEMENT.match(
            c.text, c.match.end()) else None
    if c.group("eve") and _SENTENCE_END.search(c.text, c.state.last_point[0] if c.state.last_point
                                                  else 0, c.match.start()) is None:
        return None  # "bombed on Sunday, on the eve of the talks": Sunday is the eve
    step = -1 if c.group("eve") or c.group("direction").lower() == "before" else 1
    unit = c.group("unit").lower() or "day"
    if unit in ("week", "month"):
        value = unit_value(c.state.last_day, unit, step)
        return None if value is None else Norm(DATE, value, INFERRED)
    d = days_after(c.state.last_day, step)
    if c.state.last_point is not None and c.state.last_point[1] == c.state.last_day \
            and re.fullmatch(r"\s*,\s*", c.text[c.state.last_point[0]:c.match.start()]):
        d = c.state.last_day  # "Oct. 12, the day before the plunge": that day, said again
    if unit == "night":
        return Norm(TIME, f"{iso_day(d)}TNI", INFERRED, anchor=d)
    return Norm(DATE, iso_day(d), INFERRED, anchor=d)


NORMALISERS: dict[str, Normaliser] = {
    "weekday": n_weekday, "day_word": n_day_word, "part_of_day": n_part_of_day,
    "day_anaphor": n_day_anaphor, "day_neighbour": n_day_neighbour,
}  # fmt: skip
