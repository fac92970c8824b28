"""A clock time's twin in another zone, in brackets right after it: "1.30am local time
(2330 GMT Friday) on Saturday". It names the same moment, so it makes no row of its own."""

from __future__ import annotations

import re
from collections.abc import Sequence

from tuireader.timeline.event import Event, EventType

_OPENING = re.compile(r"\s*\(\s*")


def bracketed_twins(text: str, events: Sequence[Event]) -> set[str]:
    """The ids of the events in brackets that open right after a clock time with another
    clock time (and whatever else the brackets hold, such as that clock's own day)."""
    twins: set[str] = set()
    for i, event in enumerate(events):
        if event.type is not EventType.TIME or i + 1 >= len(events):
            continue
        opening = _OPENING.match(text, event.end)
        following = events[i + 1]
        if opening is None or following.start != opening.end() or \
                following.type is not EventType.TIME:
            continue
        closing = text.find(")", opening.end())
        if closing < 0:
            continue
        twins.update(e.id for e in events[i + 1:] if e.end <= closing)
    return twins
