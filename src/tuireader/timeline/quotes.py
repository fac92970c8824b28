"""Days said inside a quotation count from the day it was said: "'We opened the doors at 6am
today,' the manager said on Saturday" is Saturday's 6am, not the publication day's."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from tuireader.timeline.event import EventType, Resolution
from tuireader.timeline.normalise import Norm

_QUOTE = re.compile(
    r"(?:^|(?<=[\s(]))(?P<open>['\u2018\"\u201c])(?P<said>[^\n]{3,400}?)[,.!?]?"
    r"['\u2019\"\u201d],?\s+(?P<who>(?:[\w.'\u2019-]+\s+){1,5}?)"
    r"(?:said|says|told|tells|posted|wrote|added|tweeted|recalled)\b(?P<rest>[^.!?\n]{0,80})")
"""A quotation and its attribution in the same sentence ("..., 'the singer posted on Sunday")."""
_DAY_WORD = re.compile(
    r"\b(?:today|tonight|yesterday|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening))\b",
    re.IGNORECASE)
_DAY_VALUE = re.compile(r"(\d{4}-\d\d-\d\d)(.*)")

Item = tuple[int, int, Norm, object]


def from_the_day_said(text: str, items: Sequence[Item], ref: date | None) -> None:
    """Move the day words of each quotation (counted from `ref`) to count from the date its
    attribution gives, when that date is a day."""
    if ref is None or not any(q in text for q in "'\u2018\"\u201c"):
        return
    for quote in _QUOTE.finditer(text):
        said_at = _attribution_day(items, quote.start("rest"), quote.end("rest"))
        if said_at is None or said_at == ref:
            continue
        shift = said_at - ref
        for s, e, norm, _ in items:
            if quote.start("said") <= s and e <= quote.end("said") \
                    and norm.resolution is Resolution.RELATIVE \
                    and norm.type in (EventType.DATE, EventType.TIME) \
                    and _DAY_WORD.search(text, s, e):
                _shift(norm, shift)


def _attribution_day(items: Sequence[Item], start: int, end: int) -> date | None:
    for s, e, norm, _ in items:
        if start <= s and e <= end and norm.anchor is not None \
                and _DAY_VALUE.fullmatch(norm.value) and len(norm.value) == 10:
            return norm.anchor
    return None


def _shift(norm: Norm, shift: timedelta) -> None:
    found = _DAY_VALUE.fullmatch(norm.value)
    if found is None:
        return
    day = date.fromisoformat(found.group(1)) + shift
    norm.value = day.isoformat() + found.group(2)
    norm.resolution = Resolution.INFERRED
    if norm.anchor is not None:
        norm.anchor = norm.anchor + shift
