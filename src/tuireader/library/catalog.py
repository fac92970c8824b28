"""The library as the app sees it: a fast, possibly stale first screen, then the truth.

Start-up, in this order (the app; `tuireader list` needs only `refresh()` then `save()`):

1. UI thread, before the first paint: `catalog = Catalog(paths, cache_dir(data_dir))`, then
   `rows, total = catalog.head()` (~2 ms: one small file, no YAML, no article files). Show
   `rows` and "{total} articles"; with no head (first run) show an empty list, "indexing…".
2. After that paint, one thread worker: `articles = catalog.load()` (all indexed articles in
   display order; ~0.5 s CPU at 100k: keep it off the UI thread) and hand them to the list
   if any; then `result = catalog.refresh(progress, cancelled=...)`; then `catalog.save()`
   (a message string if the cache is not writable, else None). A long refresh saves
   checkpoints of the index as it goes, and saves what it has when cancelled or interrupted,
   so quitting (or a kill) part-way through a first scan does not start it over next time.
3. `progress` runs on the worker: post "indexing {walked} / {expected}" to the header and, on
   a first run (`not catalog.indexed`), add `progress.fresh` to the list
   (`merge_for_display`). When `result.changed`, replace the list with `result.articles` and
   the problems with `result.problems`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

from tuireader.library.article import Article, LoadProblem
from tuireader.library.index import (
    Columns,
    LibraryIndex,
    Progress,
    load_head,
    load_index,
    save_index,
)

logger = logging.getLogger(__name__)

ProgressCallback = Callable[[Progress], None]


class RefreshResult(NamedTuple):
    articles: list[Article]
    """Every article, in display order (`sort_for_display`)."""
    problems: list[LoadProblem]
    """In scan order."""
    changed: bool
    """The articles or problems may differ from what `load()` returned (True also when a
    touched file was re-read and said the same); False: `articles` is `load()`'s list."""
    parsed: int
    """Files read from disk by this refresh (new or changed)."""
    complete: bool
    """False when cancelled part-way; the lists then hold what was known at that point."""
    checkpoints: int = 0
    """Index checkpoints written to disk by this refresh (including one when cancelled)."""
    skipped: tuple[Path, ...] = ()
    """Files walked that no format reads (a .pdf, an .xml that is no feed), in scan order;
    `skipped_notice` words them for the user."""


class Catalog:
    """The library under `paths`, backed by an index in `cache_dir` (one per set of roots).

    Thread-safety: `head()` reads only its file and may be called from any thread. `load()`,
    `refresh()` and `save()` share the in-memory index: call them from one thread at a time
    (the app: one thread worker, in that order). `refresh` calls `progress` on that same
    thread. Returned lists and Articles are never changed afterwards (treat them as read-only:
    `refresh` may hand back the very list `load` returned), so they may be passed to the UI
    thread as they are.
    """

    def __init__(self, paths: Sequence[Path | str], cache_dir: Path) -> None:
        self.paths = [Path(path) for path in paths]
        self.cache_dir = cache_dir
        self._index: LibraryIndex | None = None
        self._listed: list[Article] | None = None
        self._converted: Columns | None = None
        """What the last refresh's checkpoints converted of the index, for `save()`."""

    def head(self) -> tuple[list[Article], int]:
        """The first ~200 articles in display order and the total, as last saved; ([], 0) if none.

        Reads a few KB and never touches the articles' files: fast enough for the first paint.
        """
        return load_head(self.cache_dir, self.paths)

    def load(self) -> list[Article]:
        """Every indexed article in display order, as last saved (may be stale; [] if none)."""
        self._index = load_index(self.cache_dir, self.paths)
        self._listed = self._index.articles_for_display()
        return self._listed

    @property
    def problems(self) -> list[LoadProblem]:
        """Problems as of the last `load()` or `refresh()`, in scan order."""
        return list(self._index.problems) if self._index is not None else []

    @property
    def indexed(self) -> bool:
        """Whether `load()` found a saved index (False: the first run on this library)."""
        return self._index is not None and self._index.loaded_from_disk

    def refresh(
        self,
        progress: ProgressCallback | None = None,
        *,
        interval: float = 0.1,
        cancelled: Callable[[], bool] | None = None,
        checkpoint_every: float | None = None,
    ) -> RefreshResult:
        """Walk the library, re-reading only new and changed files (loads the index if needed).

        `progress` gets a `Progress` at most every `interval` seconds and once at the end; its
        `fresh` articles are those read from files since the previous call (on a first run:
        everything, so the list can fill as indexing goes). `cancelled` is polled as often;
        returning True stops the walk. While files are being parsed the index is saved every
        `checkpoint_every` seconds or more (default `CHECKPOINT_SECONDS`, spaced out as it
        grows), and once more when the walk stops early (cancelled, KeyboardInterrupt): what
        was indexed is kept on disk for the next start, and in memory for `save()`.
        """
        from tuireader.library.checkpoints import CHECKPOINT_SECONDS, Checkpoints
        from tuireader.library.refreshing import Walk

        if self._index is None:
            self._index = load_index(self.cache_dir, self.paths)
        index = self._index
        walk = Walk(index, self.paths)
        every = CHECKPOINT_SECONDS if checkpoint_every is None else checkpoint_every
        checkpoints = Checkpoints(walk, self.cache_dir, every)
        steps = walk.steps()
        pending: list[Progress] = []
        last = time.monotonic()
        complete = changed = False
        parsed = 0
        try:
            for step in steps:
                parsed = step.parsed
                if cancelled is not None and cancelled():
                    break
                if step.done:
                    complete, changed = True, step.changed
                else:
                    checkpoints.tick()
                if progress is None:
                    continue
                pending.append(step)
                now = time.monotonic()
                if step.done or now - last >= interval:
                    progress(_merged(pending))
                    pending.clear()
                    last = now
        finally:
            steps.close()
            if not complete:
                checkpoints.stopped(index)
            self._converted = checkpoints.walked
        changed = changed or (not complete and parsed > 0)
        if changed or self._listed is None:
            self._listed = index.articles_for_display()
        return RefreshResult(
            articles=self._listed,
            problems=list(index.problems),
            changed=changed,
            parsed=parsed,
            complete=complete,
            checkpoints=checkpoints.written,
            skipped=tuple(walk.skipped),
        )

    def save(self) -> str | None:
        """Write the index if it changed; None when done, else a message for the user."""
        if self._index is None or not self._index.dirty:
            return None
        converted, self._converted = self._converted, None
        try:
            save_index(self._index, self.cache_dir, prefix=converted)
        except OSError as error:
            from tuireader.library.decoding import os_reason

            logger.warning("could not save the library index", exc_info=True)
            return f"could not save the library index in {self.cache_dir}: {os_reason(error)}"
        return None


def _merged(steps: list[Progress]) -> Progress:
    last = steps[-1]
    if len(steps) == 1:
        return last
    fresh = tuple(article for step in steps for article in step.fresh)
    problems = tuple(problem for step in steps for problem in step.problems)
    return Progress(last.walked, last.parsed, last.expected, fresh, problems, last.done,
                    last.changed)
