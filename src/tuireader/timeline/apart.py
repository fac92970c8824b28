"""`extract_timeline_apart`: a long text's timeline, extracted in a child process."""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import select
import signal
import struct
import subprocess
import sys
import threading
from collections.abc import Callable
from datetime import date, datetime

from tuireader.timeline.event import Event
from tuireader.timeline.extractor import extract_timeline

logger = logging.getLogger(__name__)

CHILD_NICENESS = 10
"""A child extracting a long text runs at a lower priority than the app (the UI and the
terminal come first on a small machine)."""

Store = Callable[[str, date | datetime | None, list[Event]], None]

_LENGTH = struct.Struct("<Q")
"""The answer's length, written before it: a short answer is told from a whole one."""


class _NoAnswer(Exception):
    """The child failed, died, or its answer did not arrive whole."""


def extract_timeline_apart(
    text: str,
    reference_date: date | datetime | None,
    cancelled: Callable[[], bool] = lambda: False,
    store: Store | None = None,
    paused: Callable[[], bool] = lambda: False,
) -> list[Event] | None:
    """`extract_timeline` in a child process, so a long text (seconds of work) never holds the
    caller's GIL; None once `cancelled()` turns true (the child is killed). The child also
    hands the events to `store` (picklable, e.g. a cache's `put`), and is stopped while
    `paused()` is true (the user is scrolling: even an idle-priority child on the other core
    slowed each repaint by ~15 ms). Falls back to this process when no child can be started
    or it fails.

    A plain `python -c` child rather than multiprocessing: its spawn start needs the real
    stderr's file descriptor, which a running Textual app has replaced."""
    try:
        child = _start_idle([sys.executable, "-c", _CHILD_MAIN])
    except (OSError, ValueError, subprocess.SubprocessError):
        logger.warning("could not start a timeline process; extracting in this one",
                       exc_info=True)
        return None if cancelled() else _extract_here(text, reference_date, store)
    stopped = answered = False
    try:
        assert child.stdin is not None and child.stdout is not None
        with child.stdin:
            pickle.dump((text, reference_date, store), child.stdin)
        while not select.select([child.stdout], [], [], 0.02)[0]:
            if cancelled():
                return None
            if paused() != stopped:
                stopped = not stopped
                child.send_signal(signal.SIGSTOP if stopped else signal.SIGCONT)
        if stopped:  # stopped mid-answer: it must finish writing for the read to end
            child.send_signal(signal.SIGCONT)
            stopped = False
        events = pickle.loads(_read_answer(child.stdout.fileno()))
        answered = True
        if isinstance(events, list):
            return events
        raise _NoAnswer("the timeline process failed")
    except (_NoAnswer, OSError, pickle.UnpicklingError, EOFError):
        logger.warning("the timeline process gave no answer; extracting in this one",
                       exc_info=True)
        return None if cancelled() else _extract_here(text, reference_date, store)
    finally:
        if answered:  # it only has to exit
            with contextlib.suppress(subprocess.TimeoutExpired):
                child.wait(1)
        if child.poll() is None:
            child.kill()  # SIGKILL ends a stopped child too
        child.wait()
        if child.stdout is not None:
            child.stdout.close()


_CHILD_MAIN = "from tuireader.timeline.apart import _serve_parent; _serve_parent()"


def _start_idle(command: list[str]) -> subprocess.Popen[bytes]:
    """Start `command` at the lowest priority from its first instruction (its interpreter
    start and imports take ~0.3 s of CPU): on Linux a thread's scheduling policy is its own
    and a child inherits it, so a throwaway thread lowers its own and starts the child.
    (At nice 10 it still slowed scrolling from 18 to 45 ms on two busy cores.)"""
    started: list[subprocess.Popen[bytes]] = []
    failure: list[BaseException] = []

    def start() -> None:
        try:
            if sys.platform == "linux":
                try:  # runs only when no other task wants the CPU; a key press preempts it
                    os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
                except (AttributeError, OSError):
                    with contextlib.suppress(OSError):
                        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(),
                                       CHILD_NICENESS)
            started.append(subprocess.Popen(command, stdin=subprocess.PIPE,
                                            stdout=subprocess.PIPE,
                                            stderr=subprocess.DEVNULL))
        except BaseException as error:
            failure.append(error)

    starter = threading.Thread(target=start, name="tuireader-timeline-start")
    starter.start()
    starter.join()
    if failure:
        raise failure[0]
    child = started[0]
    if sys.platform != "linux":
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, child.pid, CHILD_NICENESS)
    return child


def _extract_here(text: str, reference_date: date | datetime | None,
                  store: Store | None) -> list[Event]:
    events = extract_timeline(text, reference_date)
    if store is not None:
        store(text, reference_date, events)
    return events


def _serve_parent() -> None:
    """The child's side of `extract_timeline_apart`: read the job, store, answer once (None
    and exit status 1 when it failed: the parent then extracts the text itself)."""
    from tuireader.log_file import claim_root_logger

    claim_root_logger()  # nothing may write to stdout but the answer
    try:
        text, reference_date, store = pickle.load(sys.stdin.buffer)
        events: list[Event] | None = extract_timeline(text, reference_date)
        if store is not None:
            store(text, reference_date, events)
    except Exception:  # the parent extracts the text itself
        logger.exception("the timeline process failed")
        events = None
    answer = pickle.dumps(events)
    _write_all(sys.stdout.fileno(), _LENGTH.pack(len(answer)) + answer)
    if events is None:
        sys.exit(1)


def _write_all(fd: int, data: bytes) -> None:
    """Every byte of `data` to `fd`, by plain `os.write` calls.

    Not `sys.stdout.buffer`: when the parent stops and resumes the child while a large
    answer fills the pipe, Python 3.11's buffered writer dropped bytes at the pipe's 64 KiB
    boundary (reproduced in 14 of 20 runs; a loop over `os.write` lost none in 60)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _read_answer(fd: int) -> bytes:
    """The child's answer: its length, then that many bytes (anything else is no answer)."""
    chunks: list[bytes] = []
    while chunk := os.read(fd, 1 << 20):
        chunks.append(chunk)
    data = b"".join(chunks)
    if len(data) < _LENGTH.size:
        raise _NoAnswer("the timeline process gave no answer")
    (length,) = _LENGTH.unpack_from(data)
    if len(data) - _LENGTH.size != length:
        raise _NoAnswer("the timeline process's answer was cut short")
    return data[_LENGTH.size:]
