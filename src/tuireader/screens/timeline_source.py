"""Getting an article's timeline for the timeline pane: extract, order, cache; never raise."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tuireader.library.article import Article
from tuireader.locations import cache_dir

if TYPE_CHECKING:
    # The timeline package compiles its grammar on import (~0.2 s): only the worker pays.
    from tuireader.timeline.event import Event


def timeline_for(
    body: str, article: Article, data_dir: Path | None
) -> tuple[list[Event], list[Event], str | None]:
    """(placed events in date order, the rest in text order, an error message or None)."""
    try:
        from tuireader.timeline import TimelineCache, chronological, extract_timeline
    except ImportError:
        return [], [], "Timeline extraction is not available"
    try:
        if data_dir is not None:
            events = TimelineCache(cache_dir(data_dir) / "timelines").timeline(body, article.date)
        else:
            events = extract_timeline(body, article.date)
        placed = chronological(events)
    except Exception as error:  # extraction must never take the reader down
        return [], [], f"Could not compute the timeline: {error}"
    placed_ids = {event.id for event in placed}
    return placed, [event for event in events if event.id not in placed_ids], None
