"""From a matched candidate to a TIMEX3 type and value, one module per family of rules:

- `dates`: calendar dates and months ("2022-08-31", "August 31", "last May");
- `years`: years, decades, centuries, seasons ("1999", "the 1990s", "last winter");
- `quarters`: quarters and halves ("the third quarter", "Q3 2022", "the year-ago period");
- `relative`: units placed from now or from the story ("next week", "the following year");
- `durations`: spans, and points counted by them ("two years", "for weeks", "three days ago");
- `sets`: what recurs ("every Friday", "daily", "twice a month");
- `days`: weekdays and days named from another ("last Tuesday", "yesterday", "that morning");
- `clock`: times of day ("3:30 p.m. ET", "at 14:30", "noon");
- `holidays`: "Christmas", "Thanksgiving", "Easter";
- `from_today`: counted from the publication day ("a year from today", "the week after next").

`context` holds what every normaliser sees and returns; `values` writes TIMEX3 values.
"""

from __future__ import annotations

from tuireader.timeline.normalise import (
    clock,
    dates,
    days,
    durations,
    from_today,
    holidays,
    quarters,
    relative,
    sets,
    years,
)
from tuireader.timeline.normalise.context import Ctx, DocState, Found, Norm, Normaliser

_FAMILIES = (dates, years, quarters, relative, durations, sets, days, clock, holidays,
             from_today)

NORMALISERS: dict[str, Normaliser] = {
    rule: normaliser for family in _FAMILIES for rule, normaliser in family.NORMALISERS.items()
}
"""Each rule's normaliser, by the rule's name in `patterns.RULES`."""

__all__ = ["NORMALISERS", "Ctx", "DocState", "Found", "Norm", "Normaliser"]
