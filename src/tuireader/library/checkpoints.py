"""Saving a refresh's progress as it goes, so quitting or a crash does not start it over.

A checkpoint is a whole, valid index of what the walk knows at that moment (`Walk.so_far`),
written like any save (temp file, then rename): the next start loads it and parses only the
files it does not hold or that changed since. It leaves out the display order and the head
file (sorting was ~60% of a checkpoint's cost). Its cost still grows with the library, so
checkpoints are spaced at least `COST_RATIO` times their own cost apart: whatever the size,
they add at most ~1/COST_RATIO to a cold scan. When the walk stops early, what it kept is
saved whole, head included.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from tuireader.library.index import Columns, LibraryIndex, save_index
from tuireader.library.refreshing import Walk

logger = logging.getLogger(__name__)

CHECKPOINT_SECONDS = 5.0
"""At most this much indexing is lost by a kill, until checkpoints get costly (then more)."""
COST_RATIO = 50
"""Time between checkpoints, at least, in multiples of what the last one cost."""


class Checkpoints:
    """When and how a walk's progress is saved; used on the walk's own thread, between steps."""

    def __init__(self, walk: Walk, cache_dir: Path, every: float = CHECKPOINT_SECONDS) -> None:
        self._walk = walk
        self._cache_dir = cache_dir
        self._every = every
        self._due = time.monotonic() + every
        self._saved_at = 0
        """`walk.parsed` when the last checkpoint was written."""
        self._failed = False
        self.walked = Columns(with_stat=True)
        """The walked entries saved so far, as columns: each is converted once (the save at
        the end of the refresh may start from them too)."""
        self.written = 0

    def tick(self) -> None:
        """Write a checkpoint if one is due and files were parsed since the last."""
        if self._failed or self._walk.parsed == self._saved_at or time.monotonic() < self._due:
            return
        started = time.monotonic()
        index = self._walk.so_far()
        self.walked.add(self._walk.entries[self.walked.count:])
        if self._write(index, with_head=False):
            cost = time.monotonic() - started
            self._due = time.monotonic() + max(self._every, COST_RATIO * cost)

    def stopped(self, index: LibraryIndex) -> None:
        """The walk stopped early (cancelled, Ctrl-C, an error): save what `index` kept of it."""
        if not self._failed and index.dirty and self._walk.parsed > self._saved_at:
            self._write(index, with_head=True)

    def _write(self, index: LibraryIndex, *, with_head: bool) -> bool:
        try:
            # Both indexes saved here start with the walk's entries (`Walk.so_far`).
            save_index(index, self._cache_dir, with_head=with_head, prefix=self.walked)
        except OSError:  # the cache is not writable: `Catalog.save` tells the user at the end
            logger.warning("could not checkpoint the library index in %s", self._cache_dir,
                           exc_info=True)
            self._failed = True
            return False
        self._saved_at = self._walk.parsed
        self.written += 1
        return True
