"""An article's timeline as the reader shows it: extracted (a long text in a child process),
ordered and cached; a failure is logged and becomes a message, never an exception."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from tuireader.library.article import Article
from tuireader.locations import cache_dir
from tuireader.timeline.strict import strict_mode

if TYPE_CHECKING:
    # The timeline package compiles its grammar on import (~0.2 s): only the worker pays.
    from tuireader.timeline.event import Event
    from tuireader.timeline.rows import TimelineRow

    TimelineResult = tuple[list[TimelineRow], list[Event], str | None]

logger = logging.getLogger(__name__)

APART_CHARS = 200_000
"""From this size (~30,000 words, ~0.25 s of extraction) a timeline is extracted in a child
process: a thread would hold the GIL for seconds and every key would wait its turn."""

WARM_UP_TEXT = "On 12 March 2021, three weeks after the vote, officials met again at 9:30 a.m."


_warm = threading.Event()


def extractor_ready() -> bool:
    """Whether extracting costs only the extraction (the grammar is compiled and warm)."""
    return _warm.is_set()


def warm_up() -> None:
    """Import and run the extractor once (grammar compiled, lazy tables built), so the first
    article's timeline does not pay for it."""
    from tuireader.timeline import extract_timeline
    from tuireader.timeline.rows import timeline_rows

    timeline_rows(WARM_UP_TEXT, extract_timeline(WARM_UP_TEXT, date(2021, 4, 1)))
    _warm.set()


def timeline_for(
    body: str, article: Article, data_dir: Path | None,
    cancelled: Callable[[], bool] = lambda: False,
    paused: Callable[[], bool] = lambda: False,
) -> TimelineResult | None:
    """(timeline rows in date order, the events no row shows in text order, an error);
    None when `cancelled()` turned true while a long text was being extracted (which waits
    while `paused()` is true)."""
    try:
        from tuireader.timeline import TimelineCache, extract_timeline
        from tuireader.timeline.apart import extract_timeline_apart
        from tuireader.timeline.rows import timeline_rows
    except ImportError:
        return [], [], "Timeline extraction is not available"
    events: list[Event] | None
    apart = len(body) >= APART_CHARS
    try:
        if data_dir is not None:
            cache = TimelineCache(cache_dir(data_dir) / "timelines")
            events = (cache.timeline_apart(body, article.date, cancelled, paused) if apart
                      else cache.timeline(body, article.date))
        else:
            events = (extract_timeline_apart(body, article.date, cancelled, paused=paused)
                      if apart else extract_timeline(body, article.date))
        if events is None:
            return None
        rows = timeline_rows(body, events)
    except Exception as error:  # extraction must never take the reader down
        logger.exception("could not compute the timeline of %s", article.path)
        if strict_mode():
            raise
        return [], [], f"Could not compute the timeline: {error}"
    _warm.set()
    shown = {event.id for row in rows for event in row.events}
    return rows, [event for event in events if event.id not in shown], None
