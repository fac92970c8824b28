"""Timelines cached on disk by content hash, so an article is analysed once per version."""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tuireader.atomic import atomic_write
from tuireader.timeline.apart import extract_timeline_apart
from tuireader.timeline.event import Event, EventType, Granularity, Interval, Resolution
from tuireader.timeline.extractor import EXTRACTOR_VERSION, extract_timeline

logger = logging.getLogger(__name__)


def cache_key(text: str, reference_date: date | datetime | None) -> str:
    """sha256 of the text, the reference date and the extractor version."""
    ref = "" if reference_date is None else reference_date.isoformat()
    h = hashlib.sha256()
    h.update(EXTRACTOR_VERSION.encode())
    h.update(b"\0")
    h.update(ref.encode())
    h.update(b"\0")
    h.update(text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def event_from_json(data: dict[str, Any], sentence_start: int = 0) -> Event:
    """The inverse of `Event.to_json` (offset 0)."""
    iv = data.get("interval")
    interval = (
        None
        if iv is None
        else Interval(
            datetime.fromisoformat(iv["start"]),
            datetime.fromisoformat(iv["end"]),
            Granularity(iv["granularity"]),
        )
    )
    return Event(
        id=str(data["id"]),
        start=int(data["start"]),
        end=int(data["end"]),
        text=str(data["text"]),
        type=EventType(data["type"]),
        value=str(data["value"]),
        interval=interval,
        sentence=str(data["sentence"]),
        sentence_start=int(data.get("sentence_start", sentence_start)),
        resolution=Resolution(data["resolution"]),
        range_partner=data.get("range_partner"),
    )


class TimelineCache:
    """JSON files named by `cache_key` under `cache_dir`; unreadable entries count as misses."""

    def __init__(self, cache_dir: Path) -> None:
        self.cache_dir = Path(cache_dir)

    def _path(self, key: str) -> Path:
        return self.cache_dir / key[:2] / f"{key}.json"

    def get(self, text: str, reference_date: date | datetime | None) -> list[Event] | None:
        path = self._path(cache_key(text, reference_date))
        try:
            payload = json.loads(path.read_text(encoding="utf-8"))
            return [event_from_json(item) for item in payload["events"]]
        except FileNotFoundError:  # not computed yet
            return None
        except (OSError, ValueError, KeyError, TypeError):
            logger.warning("unreadable timeline cache entry %s; computing it again", path,
                           exc_info=True)
            return None

    def put(self, text: str, reference_date: date | datetime | None, events: list[Event]) -> None:
        """Write atomically (`atomic_write`); a full disk loses the cache entry only."""
        key = cache_key(text, reference_date)
        path = self._path(key)
        items = []
        for e in events:
            item = e.to_json()
            item["sentence_start"] = e.sentence_start
            items.append(item)
        data = json.dumps({"version": EXTRACTOR_VERSION, "events": items}, ensure_ascii=False)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(path, data.encode("utf-8"))
        except OSError:  # the timeline is computed again next time
            logger.warning("Could not cache a timeline in %s", path, exc_info=True)

    def timeline(self, text: str, reference_date: date | datetime | None) -> list[Event]:
        """The cached timeline, computing and storing it on a miss."""
        cached = self.get(text, reference_date)
        if cached is not None:
            return cached
        events = extract_timeline(text, reference_date)
        self.put(text, reference_date, events)
        return events

    def timeline_apart(self, text: str, reference_date: date | datetime | None,
                       cancelled: Callable[[], bool] = lambda: False,
                       paused: Callable[[], bool] = lambda: False) -> list[Event] | None:
        """`timeline` for a long text: on a miss, a child process extracts and stores it (the
        JSON of a 1 MB article's events holds the GIL for ~0.2 s); None if cancelled."""
        cached = self.get(text, reference_date)
        if cached is not None:
            return cached
        return extract_timeline_apart(text, reference_date, cancelled, store=self.put,
                                      paused=paused)
