"""Temporal expressions in article text: find them, normalise them to TIMEX3, place them.

Names are imported on first use (PEP 562): the extractor compiles its grammar on import
(~0.2 s), and code that only needs the event model or labels must not pay for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tuireader.lazy_exports import lazy_exports

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


__getattr__, __dir__ = lazy_exports(globals(), _EXPORTS)


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
