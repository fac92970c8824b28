"""The timeline's data model: a temporal expression found in text, and what it denotes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any


class EventType(StrEnum):
    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


class Resolution(StrEnum):
    ABSOLUTE = "absolute"
    """Fully specified in the text itself ("31 August 2022")."""
    RELATIVE = "relative"
    """Resolved against the reference (publication) date ("on Thursday")."""
    INFERRED = "inferred"
    """Anchored on a nearby date in the text ("at 11:47 p.m." after "end of August")."""
    UNRESOLVED = "unresolved"


class Granularity(StrEnum):
    CENTURY = "century"
    DECADE = "decade"
    YEAR = "year"
    HALF = "half"
    QUARTER = "quarter"
    SEASON = "season"
    MONTH = "month"
    WEEK = "week"
    DAY = "day"
    PART_OF_DAY = "part_of_day"
    HOUR = "hour"
    MINUTE = "minute"
    SECOND = "second"


@dataclass(frozen=True, slots=True)
class Interval:
    """The span of time an expression denotes: [start, end)."""

    start: datetime
    end: datetime
    granularity: Granularity


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    """Stable: the same text and reference date give the same ids."""
    start: int
    end: int
    text: str
    type: EventType
    value: str
    """TimeML TIMEX3 value: 2022-08-31T23:47, 2022-09, P4Y, PRESENT_REF, XXXX-XX-XX..."""
    interval: Interval | None
    sentence: str
    sentence_start: int
    resolution: Resolution
    range_partner: str | None = None
    """Id of the other end of a range ("between 2017 and 2019"), or None."""

    @property
    def placed(self) -> bool:
        """Whether the event sits on the calendar (durations and sets do not)."""
        return self.type in (EventType.DATE, EventType.TIME) and self.interval is not None

    def to_json(self, offset: int = 0) -> dict[str, Any]:
        """The `tuireader timeline --json` shape; `offset` shifts offsets into a larger text."""
        return {
            "id": self.id,
            "start": self.start + offset,
            "end": self.end + offset,
            "text": self.text,
            "type": str(self.type),
            "value": self.value,
            "sentence": self.sentence,
            "resolution": str(self.resolution),
            "range_partner": self.range_partner,
            "interval": None
            if self.interval is None
            else {
                "start": self.interval.start.isoformat(),
                "end": self.interval.end.isoformat(),
                "granularity": str(self.interval.granularity),
            },
        }
