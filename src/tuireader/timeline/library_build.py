"""The rows of every article of a library: from the library's row cache when the file is
unchanged, else computed (through the per-article timeline cache) and cached.

Runs off the UI thread in the app (a thread worker) and in `tuireader timeline --library`;
`progress` is called on the calling thread. An article that cannot be read or analysed is a
problem with a reason, and the others still make the timeline.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Sequence
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

from tuireader.gc_pause import collecting, paused_gc
from tuireader.library.article import Article, LoadProblem
from tuireader.library.loading import LoadError, read_text
from tuireader.timeline.article_timeline import APART_CHARS
from tuireader.timeline.cache import TimelineCache
from tuireader.timeline.library_cache import LibraryRowCache, StatKey, reference_key
from tuireader.timeline.library_row import LibraryRow, RowRecord, library_rows, row_record
from tuireader.timeline.rows import timeline_rows
from tuireader.timeline.strict import strict_mode

logger = logging.getLogger(__name__)

ORDER = 1
"""`order`'s place in a `RowRecord`."""
SAVE_EVERY = 10.0
"""Seconds of computing between saves of the row cache: stopping part-way keeps the work."""
SAVE_SHARE = 10
"""...and at least this many times as long as the last save took: each save writes the
whole cache, which at 100,000 articles grows to ~1 GB, and saving it every 10 s made a
cold build spend more and more of its time saving."""


class BuildProgress(NamedTuple):
    done: int
    """Articles looked at so far."""
    total: int
    computed: int
    """Of those, articles whose rows were not cached (analysed now)."""


class LibraryRows(NamedTuple):
    rows: list[LibraryRow]
    """In the articles' order, each article's rows in its timeline's order."""
    problems: list[LoadProblem]
    computed: int
    complete: bool
    """False when cancelled part-way."""
    save_error: str | None = None
    """Why the row cache could not be written (the rows are right all the same)."""
    failed: dict[str, tuple[StatKey, str]] | None = None
    """The articles (`article_key`) that gave no rows for a reason, with their stat key and
    reference date: tried again on the next open, not on every row cache read."""


def article_key(article: Article) -> str:
    """What the caches know an article by: its file, and which entry of a file of several
    (a feed's entries share their file)."""
    path = str(article.path)
    return path if article.entry is None else f"{path}\0{article.entry}"


def stat_key(article: Article) -> StatKey:
    """(mtime_ns, size) of the article's file. Raises OSError."""
    info = os.stat(article.path)
    return (info.st_mtime_ns, info.st_size)


class _Builder:
    def __init__(self, cache: LibraryRowCache, timelines: TimelineCache,
                 cancelled: Callable[[], bool]) -> None:
        self.cache = cache
        self.timelines = timelines
        self.cancelled = cancelled
        self.problems: list[LoadProblem] = []
        self.failed: dict[str, tuple[StatKey, str]] = {}
        self.computed = 0

    def rows_of(self, article: Article) -> tuple[int, list[RowRecord]] | None:
        key = article_key(article)
        try:
            stat = stat_key(article)
        except OSError as error:
            self.problems.append(stat_problem(article, error))
            return None
        reference = reference_key(article.date)
        cached = self.cache.get(key, stat, reference)
        if cached is not None:
            return cached
        with collecting():  # extraction makes cycles of its own
            computed = _compute(article, self.timelines, self.cancelled, self.problems)
        if computed is not None:
            self.computed += 1
            self.cache.put(key, stat, reference, *computed)
        elif not self.cancelled():
            self.failed[key] = (stat, reference)
        return computed


def _compute(article: Article, timelines: TimelineCache, cancelled: Callable[[], bool],
             problems: list[LoadProblem]) -> tuple[int, list[RowRecord]] | None:
    try:
        text = read_text(article)
    except LoadError as error:
        problems.append(LoadProblem(error.path, error.reason))
        return None
    body = text.body
    try:
        events = (timelines.timeline_apart(body, article.date, cancelled)
                  if len(body) >= APART_CHARS else timelines.timeline(body, article.date))
        if events is None:  # cancelled while a child process extracted it
            return None
        # In date order, so the library's sort mostly merges runs.
        records = sorted((row_record(row) for row in timeline_rows(body, events)),
                         key=itemgetter(ORDER))
    except Exception as error:  # one article must not stop the library's timeline
        logger.exception("could not compute the timeline of %s", article.path)
        if strict_mode():
            raise
        problems.append(LoadProblem(article.path, f"timeline failed: {error}"))
        return None
    return text.body_start, records


def rows_of_failed(article: Article, timelines: TimelineCache, cancelled: Callable[[], bool],
                   problems: list[LoadProblem]) -> bool:
    """Analyse again an article that gave no rows: True, its problem added to `problems`, when
    it still gives none."""
    with collecting():
        return _compute(article, timelines, cancelled, problems) is None


def stat_problem(article: Article, error: OSError) -> LoadProblem:
    logger.warning("cannot stat %s", article.path, exc_info=True)
    return LoadProblem(article.path, error.strerror or str(error))


def build_library_rows(
    articles: Sequence[Article], cache: LibraryRowCache, timelines: TimelineCache, *,
    progress: Callable[[BuildProgress], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    interval: float = 0.1, whole_library: bool = False, keep_rows: bool = True,
) -> LibraryRows:
    """Every row of `articles`; `progress` at most every `interval` s and at the end.
    `whole_library`: `articles` is all of it, so the cache forgets files no longer in it.
    `keep_rows` False: only fill the cache (the rows are left empty)."""
    cache.load()
    builder = _Builder(cache, timelines, cancelled)
    rows: list[LibraryRow] = []
    last = last_save = time.monotonic()
    save_every = SAVE_EVERY
    complete = True
    done = 0
    # Paused for the whole walk, not per article: re-enabled after each one, the collector
    # ran at once and walked every row made so far (1.1 s of a 10k warm build).
    with paused_gc():
        for article in articles:
            if cancelled():
                complete = False
                break
            found = builder.rows_of(article)
            done += 1
            if found is not None and keep_rows:
                body_start, records = found
                rows += library_rows(article, body_start, records)
            now = time.monotonic()
            if builder.computed and now - last_save >= save_every:
                _save(cache, prune=False)
                last_save = time.monotonic()
                save_every = max(SAVE_EVERY, SAVE_SHARE * (last_save - now))
            if progress is not None and now - last >= interval:
                progress(BuildProgress(done, len(articles), builder.computed))
                last = now
    save_error = _save(cache, prune=whole_library and complete)
    if progress is not None:
        progress(BuildProgress(done, len(articles), builder.computed))
    return LibraryRows(rows, builder.problems, builder.computed, complete, save_error,
                       builder.failed)


def _save(cache: LibraryRowCache, *, prune: bool) -> str | None:
    try:
        cache.save(prune=prune)
    except OSError as error:
        logger.warning("could not save the library timeline cache", exc_info=True)
        return f"could not save the library timeline cache {cache.path}: {error.strerror}"
    return None


def library_row_cache(cache_dir: Path, roots: Sequence[Path]) -> tuple[LibraryRowCache,
                                                                       TimelineCache]:
    """The library's row cache and the per-article timeline cache the app shares."""
    return LibraryRowCache(cache_dir, list(roots)), TimelineCache(cache_dir / "timelines")
