"""Fixtures shared by more than one test area."""

from __future__ import annotations

import gc
import os
import subprocess
import sys

import pytest

from tuireader.log_file import claim_root_logger
from tuireader.timeline import apart

FULL_COLLECTION_EVERY = 100
"""Middle-generation collections between two full ones in the test processes (Python: 10)."""


@pytest.fixture
def timeline_children(monkeypatch: pytest.MonkeyPatch) -> list[subprocess.Popen[bytes]]:
    """Every child process the timeline extractor starts from now on, in order."""
    children: list[subprocess.Popen[bytes]] = []
    start = apart._start_idle

    def recorded(command: list[str]) -> subprocess.Popen[bytes]:
        children.append(start(command))
        return children[-1]

    monkeypatch.setattr(apart, "_start_idle", recorded)
    return children


def pytest_configure(config: pytest.Config) -> None:
    # As the app and the CLI do (log_file.claim_root_logger): without a root handler,
    # dateparser's first log record reconfigures logging and silences every existing logger,
    # so caplog in the tests that follow on the same worker saw nothing.
    claim_root_logger()
    # Bytecode is cached even where PYTHONDONTWRITEBYTECODE is set (this machine sets it):
    # otherwise each xdist worker and each `tuireader` the CLI tests start compiles the
    # package again (tests/cli, export and library: 28.7 s of CPU -> 19.6 s with the cache).
    # Set before the workers start, so they and their subprocesses inherit it.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    sys.dont_write_bytecode = False
    # Fewer full (oldest-generation) collections in the test processes; the young generations
    # are collected as often as Python's defaults have them. A worker's heap grows with each
    # test (Textual's and dateparser's bounded caches fill up, every test module is imported),
    # and with the default of a full pass every 10 middle-generation passes, full passes took
    # a quarter of the UI tests' CPU (tests/ui/test_main_screen.py and test_notes_widgets.py:
    # 36 full passes, 9.8 s of 35.8 s; at 100: 10 passes, 4.3 s, 5 of them pytest's own at the
    # end). Cycles still go at the next full pass; processes the tests start keep the defaults.
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, FULL_COLLECTION_EVERY)


def pytest_collection_finish(session: pytest.Session) -> None:
    # What collection made (every test module and all it imports: Textual, dateparser, the
    # app) lives as long as the process: out of the collector's passes, as the app does with
    # what its start-up made. Each full pass of a worker then walks ~140k fewer objects.
    gc.collect()
    gc.freeze()
