"""Clock times said of no particular day: a name ("the 6 p.m. news", "the 6am to 2pm shift")
or the time of a habit ("at 5 p.m. on Sundays", "Kick-offs on Sundays have moved to 4.30pm").
They stay expressions; a timeline shows no row for them."""

from __future__ import annotations

import re

from tuireader.timeline.event import Event, EventType
from tuireader.timeline.habitual import days_of_every_week_in

_CLOCK = r"\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?)?"
_NAMED_BY_CLOCK = re.compile(
    rf"\bthe\s+{_CLOCK}(?:\s*(?:to|-|\u2013)\s*{_CLOCK})?"
    r"\s+(?:news|bulletin|newscast|broadcast|programme|program|show|edition|shift)\b",
    re.IGNORECASE)
""""the 6 p.m. news", "the 6am to 2pm shift": a bulletin's or a shift's name (both ends of
its hours), not a time that day."""
_WEEKDAYS_PLURAL = (r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days|weekdays|weekends|weeknights"
                    r"|the\s+weekends?)")
_HABIT_AFTER = re.compile(rf"\s*,?\s*(?:on|at)\s+{_WEEKDAYS_PLURAL}\b", re.IGNORECASE)
_HABIT_BEFORE = re.compile(rf"(?:\b(?:on|at)\s+|\s){_WEEKDAYS_PLURAL}\s*,?\s*(?:at\s+)?$",
                           re.IGNORECASE)
""""at 5 p.m. on Sundays", "on weekdays at 9", "airs Sundays at 9 p.m.": the time of a
habit."""
_DAYS_IN_THE_PLURAL = re.compile(rf"\b(?:on\s+)?{_WEEKDAYS_PLURAL}\b", re.IGNORECASE)
_A_DAY = re.compile(
    r"\b(?:today|tonight|tomorrow|yesterday|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
    r"|morning|afternoon|evening|night|week|month|year|January|February|March|April|May|June"
    r"|July|August|September|October|November|December|\d{4})\b", re.IGNORECASE)


def named_by_a_clock(text: str, event: Event) -> bool:
    """Whether `event` is a clock time in a bulletin's or a shift's name."""
    if re.fullmatch(_CLOCK, event.text.strip(), re.IGNORECASE) is None:
        return False
    return any(m.start() <= event.start and event.end <= m.end() for m in
               _NAMED_BY_CLOCK.finditer(text, max(0, event.start - 30), event.end + 40))


def a_habit_time(text: str, event: Event, sentence_start: int, sentence_end: int) -> bool:
    """Whether `event` is a clock time said beside days in the plural ("at 5 p.m. on
    Sundays"), or in a sentence that says them and no one day ("Kick-offs on Sundays have
    moved to 4.30pm"), or every week's days ("open Tuesday to Sunday, 10am to 6pm")."""
    if event.type is not EventType.TIME:
        return False
    if days_of_every_week_in(text, sentence_start, sentence_end):
        return True
    if (_HABIT_AFTER.match(text, event.end) is not None
            or _HABIT_BEFORE.search(text, max(0, event.start - 24), event.start) is not None):
        return True
    rest = text[sentence_start:event.start] + " " + text[event.end:sentence_end]
    return (_DAYS_IN_THE_PLURAL.search(rest) is not None
            and _A_DAY.search(_DAYS_IN_THE_PLURAL.sub(" ", rest)) is None
            and _A_DAY.search(text, event.start, event.end) is None)
