"""Bringing a library index up to date with the files, and what a walk cut short knows.

Files whose (mtime_ns, size) match their entry are reused as they are; new and changed files
are parsed; vanished ones dropped. Same walk, ids and problems as `iter_scan`. A feed file
has one entry per article, all with the file's stat: they are reused or re-read together.
"""

from __future__ import annotations

import bisect
import logging
import os
from collections.abc import Generator, Sequence
from dataclasses import replace
from pathlib import Path

from tuireader.library.article import Article, LoadProblem
from tuireader.library.ids import IdRegistry
from tuireader.library.index import FILE_ROOT, IndexEntry, LibraryIndex, PathBuilder, Progress
from tuireader.library.order import DisplayKey, display_key

logger = logging.getLogger(__name__)

PROGRESS_EVERY = 500
"""Files walked between progress reports (and so between chances to checkpoint or cancel)."""


class Walk:
    """One refresh of `index`: `steps()` walks the files, `so_far()` is what it knows meanwhile.

    Stopping `steps()` early (closing the generator, or an exception such as Ctrl-C) leaves
    `index` holding `so_far()`, so indexing interrupted by quitting is not lost.
    """

    def __init__(self, index: LibraryIndex, paths: Sequence[Path | str] | None = None) -> None:
        roots = index.roots if paths is None else tuple(str(path) for path in paths)
        if roots != index.roots:
            index.roots = roots
            rebase = PathBuilder(roots)
            index.entries = [_rebased(entry, rebase) for entry in index.entries]
        self.index = index
        self.builder = PathBuilder(roots)
        self.old = index.entries
        """The entries before this walk, in their scan order."""
        self.entries: list[IndexEntry] = []
        """Entries walked so far, in scan order."""
        self.problems: list[LoadProblem] = []
        self.skipped: list[Path] = []
        """Files walked that no format reads."""
        self.ids = IdRegistry()
        self.parsed = 0
        """Files read and parsed (new or changed) so far."""

    def so_far(self) -> LibraryIndex:
        """A new index of what is known now, valid to save while the walk goes on.

        The entries walked, then the old ones not reached yet (as they were: the next refresh
        checks each against its file like any other entry, drops those whose file is gone and
        parses every file found in neither). Shares entries with the walk; never changes it.
        """
        entries, problems = self._known(self.ids.copy())
        return LibraryIndex(self.index.roots, entries, problems)

    def steps(self) -> Generator[Progress, None, None]:
        """Bring the index up to date, yielding progress every `PROGRESS_EVERY` files."""
        from tuireader.library.scanning import iter_files

        index, builder, ids = self.index, self.builder, self.ids
        old_entries, entries, problems = self.old, self.entries, self.problems
        old: dict[int, dict[str, IndexEntry]] = {}
        more: dict[tuple[int, str], list[IndexEntry]] = {}
        """A feed file's entries after its first (few files have any)."""
        for entry in old_entries:  # per root, keyed by str: no tuple per entry to keep alive
            first = old.setdefault(entry.root, {}).setdefault(entry.relative, entry)
            if first is not entry:
                more.setdefault(entry.key, []).append(entry)
        expected = len(old_entries) if index.loaded_from_disk or old_entries else None
        fresh: list[Article] = []
        fresh_problems: list[LoadProblem] = []
        finished = changed = False
        next_progress = PROGRESS_EVERY
        try:
            for found in iter_files(index.roots):
                if isinstance(found, LoadProblem):
                    problems.append(found)
                    fresh_problems.append(found)
                    continue
                relative = found.relative
                root = FILE_ROOT - found.root if found.given_directly else found.root
                previous = old.get(root, _NO_ENTRIES).get(relative)
                try:
                    info: os.stat_result | None = found.stat()
                except OSError:  # then it is parsed, and the reading says what is wrong
                    logger.warning("cannot stat %s", found.path, exc_info=True)
                    info = None
                if (
                    previous is not None
                    and info is not None
                    and previous.mtime_ns == info.st_mtime_ns
                    and previous.size == info.st_size
                    # chmod fixes an unreadable file without touching its mtime, only its ctime
                    and (previous.problem is None or previous.ctime_ns == info.st_ctime_ns)
                ):
                    entry = previous
                    article = entry.article
                    if article is None:
                        if entry.skipped:
                            self.skipped.append(builder.path(root, relative))
                    elif article.entry is None:
                        wanted = article.id if entry.wanted_id is None else entry.wanted_id
                        unique = ids.claim(wanted, article.title, article.date, relative)
                        if unique != article.id:
                            entry = _entry_with(entry, replace(article, id=unique))
                    else:
                        feed = [previous, *more.get(previous.key, ())]
                        entries.extend(_claimed(ids, row, relative) for row in feed[:-1])
                        entry = _claimed(ids, feed[-1], relative)
                else:
                    self.parsed += 1
                    # Stat taken before reading: a file changed meanwhile is read again next time.
                    stamp = (-1, -1, -1) if info is None else (
                        info.st_mtime_ns, info.st_size, info.st_ctime_ns)
                    read = _read(builder.path(root, relative), root, relative, stamp,
                                 found.given_directly, ids)
                    entries.extend(read[:-1])
                    entry = read[-1]
                    fresh.extend(row.article for row in read if row.article is not None)
                    if entry.skipped:
                        self.skipped.append(builder.path(root, relative))
                if entry.problem is not None:
                    problem = LoadProblem(builder.path(root, found.relative), entry.problem)
                    problems.append(problem)
                    if entry is not previous:
                        fresh_problems.append(problem)
                entries.append(entry)
                if len(entries) >= next_progress:
                    next_progress = len(entries) + PROGRESS_EVERY
                    yield Progress(len(entries), self.parsed, expected, tuple(fresh),
                                   tuple(fresh_problems))
                    fresh.clear()
                    fresh_problems.clear()
            finished = True
        finally:
            if finished:
                changed = self._finish()
            elif self.parsed:
                index.entries, index.problems = self._known(ids)
                index.display_order = None
                index.dirty = True
        yield Progress(len(entries), self.parsed, expected, tuple(fresh), tuple(fresh_problems),
                       True, changed)

    def _finish(self) -> bool:
        """Put the walked entries in the index; whether its articles or problems changed."""
        index, entries, old_entries = self.index, self.entries, self.old
        # Reused entries are the very same objects: identity tells what is unchanged.
        changed = self.parsed > 0 or len(entries) != len(old_entries)
        changed = changed or any(a is not b for a, b in zip(entries, old_entries, strict=True))
        changed = changed or self.problems != index.problems
        if changed:
            index.display_order = _updated_order(index, entries)
            index.entries = entries
            index.problems = self.problems
            index.dirty = True
        return changed

    def _known(self, ids: IdRegistry) -> tuple[list[IndexEntry], list[LoadProblem]]:
        """Entries walked then old ones not reached (their ids claimed in `ids`); problems."""
        rest = _rest_of(self.old, self.entries, ids)
        path = self.builder.path
        problems = self.problems + [
            LoadProblem(path(entry.root, entry.relative), entry.problem)
            for entry in rest if entry.problem is not None
        ]
        return self.entries + rest, problems


_NO_ENTRIES: dict[str, IndexEntry] = {}


def _claimed(ids: IdRegistry, entry: IndexEntry, relative: str) -> IndexEntry:
    """A reused entry with the id it gets in this walk (the same object when unchanged)."""
    article = entry.article
    assert article is not None
    where = relative if article.entry is None else f"{relative}#{article.entry}"
    unique = ids.claim(entry.requested_id(), article.title, article.date, where)
    return entry if unique == article.id else _entry_with(entry, replace(article, id=unique))


def _read(path: Path, root: int, relative: str, stamp: tuple[int, int, int],
          given_directly: bool, ids: IdRegistry) -> list[IndexEntry]:
    """The entries of a new or changed file: one per article (a feed's entries), else one
    with its problem, or one remembering it is skipped."""
    from tuireader.library.loading import LoadError, load_articles
    from tuireader.library.scanning import claim_id

    try:
        loaded = load_articles(path)
    except LoadError as error:
        # Not an article, or nothing a format reads: remembered with no problem, never shown,
        # never read again until it changes.
        if given_directly or not (error.quiet or error.unsupported):
            return [IndexEntry(root, relative, *stamp, None, error.reason)]
        return [IndexEntry(root, relative, *stamp, None, None, skipped=error.unsupported)]
    entries = []
    for article in loaded:
        claimed = claim_id(ids, article, relative)
        entries.append(IndexEntry(root, relative, *stamp, claimed, None,
                                  article.id if claimed.id != article.id else None))
    return entries


def _updated_order(index: LibraryIndex, entries: list[IndexEntry]) -> list[int] | None:
    """The display order of `entries` derived from the index's current one, when that is cheap.

    Kept entries are the same objects in the same relative order; the few new or changed ones
    are inserted by key, instead of sorting 100k articles again. None: sort from scratch.
    """
    if index.display_order is None:
        return None
    before = index.display_entries()
    listed = [entry for entry in entries if entry.article is not None]
    position = {id(entry): number for number, entry in enumerate(listed)}
    order = [position[id(entry)] for entry in before if id(entry) in position]
    if (len(listed) - len(order)) * 8 > len(listed):
        return None
    kept = {id(before_entry) for before_entry in before}
    added = [number for number, entry in enumerate(listed) if id(entry) not in kept]

    def key(number: int) -> DisplayKey:
        article = listed[number].article
        assert article is not None
        return display_key(article)

    for number in added:
        bisect.insort_right(order, number, key=key)
    return order


def _rest_of(old: list[IndexEntry], walked: list[IndexEntry], ids: IdRegistry
             ) -> list[IndexEntry]:
    """Old entries a stopped refresh did not reach, their ids claimed after the walked ones.

    They come later in scan order anyway, so the ids are those a full walk would give.
    """
    if not old:
        return []
    seen = {entry.key for entry in walked}
    rest = []
    for entry in old:
        if entry.key in seen:
            continue
        if entry.article is not None:
            entry = _claimed(ids, entry, entry.relative)
        rest.append(entry)
    return rest


def _entry_with(entry: IndexEntry, article: Article) -> IndexEntry:
    wanted = entry.requested_id()
    return IndexEntry(entry.root, entry.relative, entry.mtime_ns, entry.size, entry.ctime_ns,
                      article, None, wanted if wanted != article.id else None)


def _rebased(entry: IndexEntry, builder: PathBuilder) -> IndexEntry:
    """The entry with its Article.path built from the roots as given this time."""
    if entry.article is None:
        return entry
    path = builder.path(entry.root, entry.relative)
    return _entry_with(entry, replace(entry.article, path=path))
