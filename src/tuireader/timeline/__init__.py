"""Temporal expressions in article text: find them, normalise them to TIMEX3, place them.

Names are imported on first use (PEP 562): the extractor compiles its grammar on import
(~0.2 s), and code that only needs the event model or labels must not pay for it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tuireader.timeline.cache import TimelineCache
    from tuireader.timeline.event import Event, EventType, Granularity, Interval, Resolution
    from tuireader.timeline.extractor import EXTRACTOR_VERSION, chronological, extract_timeline

_EXPORTS = {
    "EXTRACTOR_VERSION": "tuireader.timeline.extractor",
    "Event": "tuireader.timeline.event",
    "EventType": "tuireader.timeline.event",
    "Granularity": "tuireader.timeline.event",
    "Interval": "tuireader.timeline.event",
    "Resolution": "tuireader.timeline.event",
    "TimelineCache": "tuireader.timeline.cache",
    "chronological": "tuireader.timeline.extractor",
    "extract_timeline": "tuireader.timeline.extractor",
}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})


__all__ = [
    "EXTRACTOR_VERSION",
    "Event",
    "EventType",
    "Granularity",
    "Interval",
    "Resolution",
    "TimelineCache",
    "chronological",
    "extract_timeline",
]
