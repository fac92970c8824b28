"""What a normaliser sees (the candidate in its text, the tense, the document so far) and what it
returns."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from tuireader.timeline.anchoring import Tense
from tuireader.timeline.event import EventType, Resolution
from tuireader.timeline.sentences import Sentence

DATE, TIME, DURATION, SET = EventType.DATE, EventType.TIME, EventType.DURATION, EventType.SET
ABS, REL, UNRES = Resolution.ABSOLUTE, Resolution.RELATIVE, Resolution.UNRESOLVED
INFERRED = Resolution.INFERRED

QUARTER_REACH = 400
"""How near (in characters) a quarter must be for "a year ago" / "the quarter" to mean it."""


@dataclass(slots=True)
class Norm:
    """A normalised candidate; `span` narrows the match, `anchor` is the day it pins down."""

    type: EventType
    value: str
    resolution: Resolution
    anchor: date | None = None
    needs_day: bool = False
    span: tuple[int, int] | None = None


Found = tuple[int, int, Norm, Sentence | None]
"""An expression found: its start and end in the text, its value, its sentence."""


@dataclass(slots=True)
class DocState:
    """What earlier expressions in the document established, for later ones to lean on."""

    ref: date | None
    last_quarter: tuple[int, int] | None = None
    last_quarter_pos: int = -(10**9)
    last_year: int | None = None
    last_day: date | None = None
    last_month: tuple[int, int] | None = None
    last_month_end: int = -(10**9)
    """Where the last date naming a month (the month or a day of it) ended."""
    month_named: tuple[int, int, int] | None = None
    """Where the last whole month named ("in February") ended, its year and month."""
    year_said: tuple[int, int, int] | None = None
    """Where the last year written out ("1969", "July 2008") ended, the year, and its month
    (0 for a year alone)."""
    last_point: tuple[int, date] | None = None
    """Where the last calendar date named in the text ended, and its first day."""
    last_value: tuple[int, str] | None = None
    """Where the last date placed on the calendar ended, and its value ("by then")."""
    notes: dict[str, int] = field(default_factory=dict)

    def remember_quarter(self, year: int, quarter: int, position: int) -> None:
        """A quarter named at `position`, for "a year ago" and "the quarter" after it."""
        self.last_quarter = (year, quarter)
        self.last_quarter_pos = position

    def quarter_near(self, position: int) -> tuple[int, int] | None:
        """The last quarter named, when it was named shortly before `position`."""
        if self.last_quarter is not None and position - self.last_quarter_pos < QUARTER_REACH:
            return self.last_quarter
        return None


@dataclass(slots=True)
class Ctx:
    """One candidate: its rule's match in the text, the tense around it, the document so far."""

    text: str
    match: re.Match[str]
    tense: Tense
    state: DocState

    def group(self, name: str) -> str:
        """The stripped text of group `name`; "" when that group took no part in the match.

        A name the rule's pattern does not have raises KeyError: a misspelt group is a bug to
        see, never an empty reading that quietly changes the value."""
        if name not in self.match.re.groupindex:
            known = ", ".join(sorted(self.match.re.groupindex)) or "none"
            raise KeyError(f"no group {name!r} in this rule's pattern (its groups: {known})")
        return (self.match.group(name) or "").strip()

    def has_group(self, name: str) -> bool:
        """Whether the rule's pattern has a group `name` (for code shared between rules)."""
        return name in self.match.re.groupindex

    @property
    def ref(self) -> date | None:
        return self.state.ref


Normaliser = Callable[[Ctx], Norm | None]
"""A rule's normaliser: the candidate's TIMEX3 type and value, or None when it has none."""
