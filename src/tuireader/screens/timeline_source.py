"""Getting an article's timeline for the timeline pane: extract, order, cache; never raise."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tuireader.library.article import Article
from tuireader.locations import cache_dir

if TYPE_CHECKING:
    # The timeline package compiles its grammar on import (~0.2 s): only the worker pays.
    from tuireader.timeline.entries import TimelineEntry
    from tuireader.timeline.event import Event


def timeline_for(
    body: str, article: Article, data_dir: Path | None
) -> tuple[list[TimelineEntry], list[Event], str | None]:
    """(timeline rows in date order, events not on the calendar in text order, an error)."""
    try:
        from tuireader.timeline import TimelineCache, extract_timeline
        from tuireader.timeline.entries import timeline_entries
    except ImportError:
        return [], [], "Timeline extraction is not available"
    try:
        if data_dir is not None:
            events = TimelineCache(cache_dir(data_dir) / "timelines").timeline(body, article.date)
        else:
            events = extract_timeline(body, article.date)
        entries = timeline_entries(events)
    except Exception as error:  # extraction must never take the reader down
        return [], [], f"Could not compute the timeline: {error}"
    shown = {event.id for entry in entries for event in entry.events}
    return entries, [event for event in events if event.id not in shown], None
