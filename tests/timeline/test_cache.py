"""Timelines cached on disk by content hash survive a round trip and never break the caller."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

import pytest

from tuireader.timeline import TimelineCache, extract_timeline
from tuireader.timeline.cache import cache_key

TEXT = "The report came out on Thursday at 11:47 p.m., after a four-year wait."
REF = date(2022, 9, 1)


class TestTimelineCache:
    def test_miss_then_hit_returns_equal_events(self, tmp_path: Path) -> None:
        cache = TimelineCache(tmp_path)
        assert cache.get(TEXT, REF) is None
        events = extract_timeline(TEXT, REF)
        cache.put(TEXT, REF, events)
        assert cache.get(TEXT, REF) == events

    def test_key_depends_on_text_and_reference_date(self) -> None:
        assert cache_key(TEXT, REF) != cache_key(TEXT + " ", REF)
        assert cache_key(TEXT, REF) != cache_key(TEXT, date(2022, 9, 2))
        assert cache_key(TEXT, REF) != cache_key(TEXT, None)
        assert cache_key(TEXT, REF) == cache_key(TEXT, date(2022, 9, 1))

    def test_timeline_computes_once_and_stores(self, tmp_path: Path) -> None:
        cache = TimelineCache(tmp_path)
        first = cache.timeline(TEXT, REF)
        assert [e.value for e in first] == ["2022-09-01", "2022-09-01T23:47", "P4Y"]
        assert len(list(tmp_path.rglob("*.json"))) == 1
        assert cache.timeline(TEXT, REF) == first

    def test_corrupt_entry_is_a_miss(self, tmp_path: Path) -> None:
        cache = TimelineCache(tmp_path)
        cache.put(TEXT, REF, extract_timeline(TEXT, REF))
        (entry,) = tmp_path.rglob("*.json")
        entry.write_text("{not json", encoding="utf-8")
        assert cache.get(TEXT, REF) is None

    def test_a_miss_is_quiet_and_a_corrupt_entry_is_logged(
        self, tmp_path: Path, caplog: pytest.LogCaptureFixture
    ) -> None:
        cache = TimelineCache(tmp_path)
        assert cache.get(TEXT, REF) is None
        assert caplog.records == []
        cache.put(TEXT, REF, extract_timeline(TEXT, REF))
        (entry,) = tmp_path.rglob("*.json")
        entry.write_text("{not json", encoding="utf-8")
        assert cache.get(TEXT, REF) is None
        (record,) = caplog.records
        assert record.levelno == logging.WARNING and entry.name in record.getMessage()

    def test_write_leaves_no_temporary_files(self, tmp_path: Path) -> None:
        cache = TimelineCache(tmp_path)
        cache.put(TEXT, REF, extract_timeline(TEXT, REF))
        cache.put(TEXT, REF, extract_timeline(TEXT, REF))
        assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == [
            f"{cache_key(TEXT, REF)}.json"
        ]

    def test_unwritable_directory_loses_only_the_cache(self, tmp_path: Path) -> None:
        blocker = tmp_path / "file"
        blocker.write_text("x", encoding="utf-8")
        cache = TimelineCache(blocker / "cache")
        cache.put(TEXT, REF, extract_timeline(TEXT, REF))
        assert cache.get(TEXT, REF) is None
        assert cache.timeline(TEXT, REF) == extract_timeline(TEXT, REF)
