"""Temporal expressions in article text: find them, normalise them to TIMEX3, place them."""

from tuireader.timeline.cache import TimelineCache
from tuireader.timeline.event import Event, EventType, Granularity, Interval, Resolution
from tuireader.timeline.extractor import EXTRACTOR_VERSION, chronological, extract_timeline

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
