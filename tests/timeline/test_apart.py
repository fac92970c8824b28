"""A long text's timeline, extracted in a child process: the same events, stored, cancellable."""

from __future__ import annotations

import functools
import logging
import os
import select
import subprocess
import threading
import time
from datetime import date
from pathlib import Path

import pytest

from tuireader.timeline import TimelineCache, apart, extract_timeline
from tuireader.timeline.apart import extract_timeline_apart
from tuireader.timeline.event import Event

REF = date(2022, 9, 1)
TEXT = (
    "The report came out on Thursday at 11:47 p.m., after a four-year wait. "
    "Talks resumed on 3 March 2021 and ended two weeks later. "
) * 40


LONG_TEXT = TEXT * 10
"""Its answer (~270 KB pickled) is four times what a pipe holds (64 KiB). The child runs at
idle priority, so on a busy machine every sentence here is paid for twice over: no longer."""


def _state(children: list[subprocess.Popen[bytes]]) -> str | None:
    """The child's scheduler state ("T": stopped), None before it starts or where /proc does
    not say."""
    if not children:
        return None
    try:
        stat = Path(f"/proc/{children[0].pid}/stat").read_text(encoding="ascii")
    except OSError:
        return None
    return stat.rsplit(")", 1)[1].split()[0]


def finished_unless_left_stopped(worker: threading.Thread,
                                 children: list[subprocess.Popen[bytes]],
                                 stopped_for: float = 30.0, at_most: float = 600.0) -> bool:
    """Whether `worker` finishes. The hang this guards against is a child left stopped: it
    fails once the child has been stopped for `stopped_for` s on end (or after `at_most` s
    where /proc cannot tell). A child at idle priority on a busy machine is slow, not hung:
    a fixed 60 s wait failed the suite under load."""
    started = time.monotonic()
    stopped_since: float | None = None
    while worker.is_alive():
        worker.join(0.5)
        now = time.monotonic()
        stopped_since = (stopped_since or now) if _state(children) == "T" else None
        if (stopped_since is not None and now - stopped_since > stopped_for) or (
                now - started > at_most):
            return False
    return True


@functools.cache
def long_text_events() -> list[Event]:
    """What the parent would find in `LONG_TEXT` (computed once for the tests that need it)."""
    return extract_timeline(LONG_TEXT, REF)


@pytest.fixture
def no_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    """The answer must come from the child: extracting in this process fails the test."""

    def fail(*_args: object) -> None:
        raise AssertionError("the child did not answer; the parent extracted the text itself")

    monkeypatch.setattr(apart, "_extract_here", fail)


@pytest.mark.usefixtures("no_fallback")
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


@pytest.mark.usefixtures("no_fallback")
class TestPauseAndResume:
    @pytest.mark.parametrize("attempt", range(3))  # the lost bytes showed in most runs, not all
    def test_a_pause_while_the_child_writes_its_answer_loses_nothing(
        self, attempt: int, timeline_children: list[subprocess.Popen[bytes]]
    ) -> None:
        """Stopped and resumed mid-answer, the child's answer still arrives whole: Python's
        buffered writer once dropped bytes at the pipe's 64 KiB boundary."""
        self.test_a_pause_while_the_child_writes_its_answer_does_not_hang(timeline_children)

    def test_a_pause_while_the_child_writes_its_answer_does_not_hang(
        self, timeline_children: list[subprocess.Popen[bytes]]
    ) -> None:
        text = LONG_TEXT  # an answer larger than a pipe holds: the child blocks mid-write

        def paused_once_answering() -> bool:
            stdout = timeline_children[0].stdout
            assert stdout is not None
            return bool(select.select([stdout], [], [], 30)[0])  # True once it is writing

        result: list[object] = []
        worker = threading.Thread(target=lambda: result.append(
            extract_timeline_apart(text, REF, paused=paused_once_answering)), daemon=True)
        worker.start()
        if not finished_unless_left_stopped(worker, timeline_children):
            timeline_children[0].kill()
            pytest.fail("stopped mid-answer, the child was never resumed")
        assert result == [long_text_events()]



class TestAnswer:
    def test_a_whole_answer_is_read(self) -> None:
        read, write = os.pipe()
        apart._write_all(write, apart._LENGTH.pack(5) + b"hello")
        os.close(write)
        assert apart._read_answer(read) == b"hello"

    @pytest.mark.parametrize("sent", [b"", b"\x05\x00", apart._LENGTH.pack(6) + b"hello",
                                      apart._LENGTH.pack(4) + b"hello"])
    def test_a_short_or_long_answer_is_no_answer(self, sent: bytes) -> None:
        read, write = os.pipe()
        os.write(write, sent)
        os.close(write)
        with pytest.raises(apart._NoAnswer):
            apart._read_answer(read)

    def test_a_failing_child_exits_1_and_the_parent_extracts_the_text_itself(
        self, timeline_children: list[subprocess.Popen[bytes]], caplog: pytest.LogCaptureFixture
    ) -> None:
        """An argument the child cannot unpickle fails the child (status 1), not the call; the
        fallback is logged."""
        stored: list[list[object]] = []
        events = extract_timeline_apart(TEXT, REF, store=_Unpicklable(stored))
        assert events == extract_timeline(TEXT, REF)
        assert timeline_children[0].returncode == 1
        assert stored == [events]  # the parent stored what it found
        (record,) = [r for r in caplog.records if r.name == "tuireader.timeline.apart"]
        assert record.levelno == logging.WARNING and "gave no answer" in record.getMessage()
        assert record.exc_info is not None


class _Unpicklable:
    """A store whose pickle the child cannot load (its class is not importable there)."""

    def __init__(self, stored: list[list[object]]) -> None:
        self.stored = stored

    def __call__(self, _text: str, _reference: object, events: list[object]) -> None:
        self.stored.append(events)

    def __reduce__(self) -> tuple[object, ...]:
        return (_missing_in_the_child, ())


def _missing_in_the_child() -> None:
    raise RuntimeError("fails in the child, on load")
