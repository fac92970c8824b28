"""A long text's timeline, extracted in a child process: the same events, stored, cancellable."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

from tuireader.timeline import TimelineCache, extract_timeline
from tuireader.timeline.extractor import extract_timeline_apart

REF = date(2022, 9, 1)
TEXT = (
    "The report came out on Thursday at 11:47 p.m., after a four-year wait. "
    "Talks resumed on 3 March 2021 and ended two weeks later. "
) * 40


class TestExtractApart:
    def test_same_events_as_in_process(self) -> None:
        assert extract_timeline_apart(TEXT, REF) == extract_timeline(TEXT, REF)

    def test_the_child_stores_what_it_found(self, tmp_path: Path) -> None:
        cache = TimelineCache(tmp_path)
        events = cache.timeline_apart(TEXT, REF)
        assert events == extract_timeline(TEXT, REF)
        assert cache.get(TEXT, REF) == events

    def test_cancelling_gives_none_and_leaves_no_process(
        self, timeline_children: list[subprocess.Popen[bytes]]
    ) -> None:
        children = timeline_children
        assert extract_timeline_apart(TEXT * 50, REF, cancelled=lambda: True) is None
        assert len(children) == 1 and children[0].poll() is not None  # killed, reaped

    def test_a_paused_extraction_resumes_and_finishes(self) -> None:
        calls = iter([True] * 5)
        assert extract_timeline_apart(TEXT, REF, paused=lambda: next(calls, False)) == \
            extract_timeline(TEXT, REF)
