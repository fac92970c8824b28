"""Closing the terminal (SIGHUP) or being told to stop (SIGTERM) ends the app cleanly.

By default either signal kills the process at once, and the reading-state changes of the
last few seconds (written every `Pacing.flush` seconds) are lost. Handled in the event loop
instead, the app saves them and exits.
"""

from __future__ import annotations

import asyncio
import contextlib
import faulthandler
import logging
import os
import signal
import threading
import time
from collections.abc import Callable
from pathlib import Path

logger = logging.getLogger(__name__)

SIGNALS = tuple(getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name))


def watch_terminal_signals(on_signal: Callable[[int], object]) -> None:
    """Call `on_signal(number)` in the running event loop when SIGHUP or SIGTERM arrives."""
    loop = asyncio.get_running_loop()
    for number in SIGNALS:
        try:
            loop.add_signal_handler(number, on_signal, number)
        except (NotImplementedError, RuntimeError, ValueError):
            # Windows' loop, or a loop outside the main thread (an embedder's): the
            # signal keeps its default action; reading state is still saved every few seconds.
            logger.info("cannot handle signal %s here", number, exc_info=True)


def is_hang_up(number: int) -> bool:
    """The terminal is gone (SIGHUP), as opposed to being asked to stop (SIGTERM)."""
    return number == getattr(signal, "SIGHUP", None)


def unwatch_terminal_signals() -> None:
    """Give the signals their default action back (the app has ended)."""
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return
    for number in SIGNALS:
        try:
            loop.remove_signal_handler(number)
        except (NotImplementedError, RuntimeError, ValueError):
            logger.info("cannot restore signal %s here", number, exc_info=True)


EXIT_GRACE = 10.0
"""Seconds an app told to stop may take to end before the process is ended for it."""


def end_process_if_stuck(log_file: Path | None, grace: float = EXIT_GRACE) -> None:
    """After a hang-up the reading state is saved; if the process has still not ended after
    `grace` seconds (a thread that will not finish, a terminal that will not take the last
    write), end it: an orphan holding the database's lock helps nobody. Every thread's stack
    goes to the log first, so the cause can be found."""

    def watch() -> None:
        time.sleep(grace)
        logger.error("still running %.0f s after a signal to end: ending the process", grace)
        if log_file is not None:
            with contextlib.suppress(OSError), log_file.open("a", encoding="utf-8") as out:
                faulthandler.dump_traceback(out, all_threads=True)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="tuireader-exit-watch").start()
