"""Opening the library timeline: from the merged rows when every listed article's file is as
they were computed from, else by building the missing rows (`build_library_rows`) and merging
the row cache again.

The warm path reads one file, stats each article and keeps the rows of the listed ones (the
list's filter) without decoding them: at 10,000 articles it replaces decoding, wrapping and
sorting 300,000 rows. Used by the app's worker and by `tuireader timeline --library`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date
from itertools import compress
from typing import NamedTuple

from tuireader.library.article import Article, LoadProblem
from tuireader.timeline.cache import TimelineCache
from tuireader.timeline.library import LibraryTimeline, date_bounds
from tuireader.timeline.library_build import (
    BuildProgress,
    article_key,
    build_library_rows,
    rows_of_failed,
    stat_key,
    stat_problem,
)
from tuireader.timeline.library_cache import LibraryRowCache, reference_key
from tuireader.timeline.library_merged import (
    MergedRows,
    SelectedRows,
    merge_entries,
    parse_merged,
    read_merged,
    write_merged,
)

logger = logging.getLogger(__name__)


class OpenedTimeline(NamedTuple):
    timeline: LibraryTimeline | None
    """None when cancelled part-way."""
    problems: list[LoadProblem]
    computed: int
    """Articles analysed now (0 when every row came from the caches)."""
    save_error: str | None = None
    merged: MergedRows | None = None
    """What the rows were read from (`timeline.rows` is a `SelectedRows` of it)."""


class Selection(NamedTuple):
    rows: SelectedRows
    misses: list[Article]
    """Listed articles whose rows are not merged (new, changed, or that gave none)."""
    problems: list[LoadProblem]


def open_library_timeline(
    articles: Sequence[Article], cache: LibraryRowCache, timelines: TimelineCache, *,
    progress: Callable[[BuildProgress], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    whole_library: bool = False, since: date | None = None, until: date | None = None,
    early: Callable[[LibraryTimeline, int], None] | None = None,
) -> OpenedTimeline:
    """The timeline of `articles`, with rows from `since` to `until` (days included).
    `early`: when some articles changed since the rows were merged, called first with the
    timeline of the others and how many changed (a screen shows it while they are done)."""
    version = cache.version()
    merged_path = cache.merged_path
    merged = read_merged(merged_path, version)
    if merged is not None:
        selection = select_rows(merged, articles)
        problems = selection.problems
        if all(_failed_again(merged, article, timelines, cancelled, problems)
               for article in selection.misses):
            if progress is not None:
                progress(BuildProgress(len(articles), len(articles), 0))
            return OpenedTimeline(_timeline(selection.rows, since, until), problems, 0,
                                  merged=merged)
        if early is not None:
            early(_timeline(selection.rows, since, until), len(selection.misses))
    built = build_library_rows(articles, cache, timelines, progress=progress,
                               cancelled=cancelled, whole_library=whole_library, keep_rows=False)
    if not built.complete:
        return OpenedTimeline(None, built.problems, built.computed, built.save_error)
    data = merge_entries(cache.entries(), built.failed or {}, version)
    save_error = built.save_error
    try:
        write_merged(merged_path, data)
        merged = read_merged(merged_path, version)  # mapped: `data` need not stay in memory
    except OSError as error:
        logger.warning("could not save the merged library timeline", exc_info=True)
        save_error = f"could not save the library timeline cache {merged_path}: {error.strerror}"
        merged = None
    if merged is None:
        merged = parse_merged(data, version)
        assert merged is not None
    del data
    selected = select_rows(merged, articles).rows  # its misses and problems: `built`'s
    return OpenedTimeline(_timeline(selected, since, until), built.problems, built.computed,
                          save_error, merged)


def select_rows(merged: MergedRows, articles: Sequence[Article]) -> Selection:
    """The merged rows of those `articles` whose file and reference date are unchanged."""
    by_index: list[Article | None] = [None] * len(merged.paths)
    misses: list[Article] = []
    problems: list[LoadProblem] = []
    keys = merged.keys
    for article in articles:
        index = merged.index_of(article_key(article))
        try:
            stat = stat_key(article)
        except OSError as error:
            problems.append(stat_problem(article, error))
            continue
        if (index is None or keys[index][0] != stat
                or keys[index][1] != reference_key(article.date)):
            misses.append(article)
        else:
            by_index[index] = article
    count = len(merged)
    if all(article is not None for article in by_index):
        kept: Sequence[int] = range(count)
    else:
        listed = [article is not None for article in by_index]
        kept = list(compress(range(count), map(listed.__getitem__, merged.articles)))
    return Selection(SelectedRows(merged, kept, by_index), misses, problems)


def _failed_again(merged: MergedRows, article: Article, timelines: TimelineCache,
                  cancelled: Callable[[], bool], problems: list[LoadProblem]) -> bool:
    """Whether `article` gave no rows last time, unchanged since, and again now (its problem
    added to `problems`); False sends the caller to a full build."""
    try:
        stat = stat_key(article)
    except OSError:
        return False
    if merged.failed.get(article_key(article)) != (stat, reference_key(article.date)):
        return False
    return rows_of_failed(article, timelines, cancelled, problems)


def _timeline(rows: SelectedRows, since: date | None, until: date | None) -> LibraryTimeline:
    if since is not None or until is not None:
        starts, ends = rows.merged.dates()
        low, high = date_bounds(since, until)
        rows = SelectedRows(rows.merged, [row for row in rows.kept
                                          if ends[row] > low and starts[row] < high],
                            rows.by_index)
    return LibraryTimeline.of_sorted(rows, rows.periods, rows.article_count())
