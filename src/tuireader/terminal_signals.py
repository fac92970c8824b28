"""Closing the terminal (SIGHUP) or being told to stop (SIGTERM) ends the app cleanly.

By default either signal kills the process at once, and the reading-state changes of the
last few seconds (written every `Pacing.flush` seconds) are lost. Handled in the event loop
instead, the app saves them and exits.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Callable

logger = logging.getLogger(__name__)

SIGNALS = tuple(getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name))


def watch_terminal_signals(on_signal: Callable[[], object]) -> None:
    """Call `on_signal` in the running event loop when SIGHUP or SIGTERM arrives."""
    loop = asyncio.get_running_loop()
    for number in SIGNALS:
        try:
            loop.add_signal_handler(number, on_signal)
        except (NotImplementedError, RuntimeError, ValueError):
            # Windows' loop, or a loop outside the main thread (an embedder's): the
            # signal keeps its default action; reading state is still saved every few seconds.
            logger.info("cannot handle signal %s here", number, exc_info=True)


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
