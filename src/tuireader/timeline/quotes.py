"""Days said inside a quotation count from the day it was said: "'We opened the doors at 6am
today,' the manager said on Saturday" is Saturday's 6am, not the publication day's."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from tuireader.timeline.event import EventType, Resolution
from tuireader.timeline.normalise import Found, Norm

_QUOTE_END = re.compile(
    r"[^\n'\u2019\"\u201d]{0,400}?[,.!?]?['\u2019\"\u201d],?\s+(?:[\w.'\u2019-]+\s+){1,5}?"
    r"(?:said|says|told|tells|posted|wrote|added|tweeted|recalled)\b(?P<rest>[^.!?\n]{0,80})")
"""From a day word to the end of its quotation and the attribution after it ("..., 'the
singer posted on Sunday")."""
_DAY_WORD = re.compile(
    r"\b(?:today|tonight|yesterday|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening))\b",
    re.IGNORECASE)
_DAY_VALUE = re.compile(r"(\d{4}-\d\d-\d\d)(.*)")



def from_the_day_said(text: str, items: Sequence[Found], ref: date | None) -> None:
    """Move the day words of each quotation (counted from `ref`) to count from the date its
    attribution gives, when that date is a day. Looked for from the day words only: most
    texts have none in quotations."""
    if ref is None:
        return
    for s, e, norm, _ in items:
        if norm.resolution is not Resolution.RELATIVE \
                or norm.type not in (EventType.DATE, EventType.TIME) \
                or not _DAY_WORD.search(text, s, e):
            continue
        quote = _QUOTE_END.match(text, e)
        if quote is None or not _opened_before(text, s):
            continue
        said_at = _attribution_day(items, quote.start("rest"), quote.end("rest"))
        if said_at is not None and said_at != ref:
            _shift(norm, said_at - ref)


_OPENING = re.compile(r"(?:^|[\s(])['\u2018\"\u201c]")


def _opened_before(text: str, start: int) -> bool:
    """Whether a quotation opens in the 400 characters before `start`, in the same line."""
    before = text[max(0, start - 400):start]
    return _OPENING.search(before[before.rfind("\n") + 1:]) is not None


def _attribution_day(items: Sequence[Found], start: int, end: int) -> date | None:
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
