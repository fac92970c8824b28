"""Indexing the library off the UI thread, reported to the screen through messages."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

from textual.message import Message

from tuireader.library.article import Article, LoadProblem
from tuireader.library.catalog import Catalog
from tuireader.library.index import Progress
from tuireader.library.order import merge_for_display
from tuireader.screens.pacing import pacing

logger = logging.getLogger(__name__)


class ScanBatch(Message):
    """Articles read so far on a first scan (`merged`: all in display order; `fresh`: the
    ones this batch adds), or the saved index (`fresh` is then everything)."""

    def __init__(self, merged: list[Article], fresh: list[Article], scanned: int) -> None:
        super().__init__()
        self.merged = merged
        self.fresh = fresh
        self.scanned = scanned


class ScanProgress(Message):
    """A refresh over a saved index has looked at `walked` files."""

    def __init__(self, walked: int) -> None:
        super().__init__()
        self.walked = walked


class ScanFinished(Message):
    """The scan is done: `articles` is the new library (None: unchanged), `problems` the
    files that could not be read, `skipped` those no format reads."""

    def __init__(self, articles: list[Article] | None, problems: list[LoadProblem],
                 skipped: tuple[Path, ...] = ()) -> None:
        super().__init__()
        self.articles = articles
        self.problems = problems
        self.skipped = skipped


class IndexNotSaved(Message):
    """The library index could not be saved (the next start scans again); `reason` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


def scan_library(catalog: Catalog, roots: list[Path], post: Callable[[Message], object],
                 cancelled: Callable[[], bool]) -> None:
    """The saved index first (instant on a warm start), then a refresh that re-reads only new
    and changed files. On a first run the list fills as files are read; ordering happens
    here, not on the UI thread, so a 100,000-article scan never stalls a key."""
    try:
        indexed = catalog.load()
        if indexed:
            post(ScanBatch(indexed, indexed, len(indexed)))
        fresh: list[Article] = []
        displayed: list[Article] = []
        last_handover = 0.0

        def progress(step: Progress) -> None:
            nonlocal last_handover, displayed
            if catalog.indexed:
                post(ScanProgress(step.walked))
                return
            fresh.extend(step.fresh)
            wait = pacing().scan_batch * (1 + len(fresh) / 20_000)
            if step.fresh and time.monotonic() - last_handover >= wait:
                last_handover = time.monotonic()
                batch = fresh[len(displayed):]
                displayed = merge_for_display(displayed, batch)
                post(ScanBatch(list(displayed), batch, step.walked))

        result = catalog.refresh(progress, cancelled=cancelled)
        if cancelled():
            return
        articles = result.articles if result.changed or not indexed else None
        post(ScanFinished(articles, result.problems, result.skipped))
        message = catalog.save()
        if message is not None:
            post(IndexNotSaved(message))
    except Exception as error:  # a scan bug must not take the reader down with it
        logger.exception("the library scan stopped")
        root = roots[0] if roots else Path(".")
        post(ScanFinished(None, [LoadProblem(root, f"scan stopped: {error}")]))
