"""A persistent library index: what every article file said when it was last read.

One index per set of library roots, under the cache dir, so a start-up reads one file instead
of parsing every article, and a refresh re-reads only files whose (mtime_ns, size) changed.
Besides the full index a small "head" file holds the first screen of the list in display order,
so the app can paint before the full index is even read.

Format: an 8-byte magic, a 24-byte header (kind, version, CRC-32 and length of the payload),
then `marshal` of plain tuples of str/int/None, stored column by column. marshal (like a
find_class-less pickle) only builds data, never runs anything, and a checksum is verified
before it sees a byte; anything unexpected means "no index" and a rebuild. Measured on 100k
entries (bench/library_scan.py --formats): marshal columns 21 MiB, load 88 ms, dump 98 ms;
pickle 5 the same load, slower dump; row tuples ~1.6x slower to load; JSON ~10x slower.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import marshal
import os
import struct
import zlib
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, NamedTuple

from tuireader.atomic import atomic_write
from tuireader.gc_pause import paused_gc
from tuireader.library.article import Article, LoadProblem
from tuireader.library.order import sort_for_display

logger = logging.getLogger(__name__)

INDEX_VERSION = 7
"""Bump when the entry layout or what parsing produces changes: other versions are rebuilt.
(2: Markdown whose front matter is not valid YAML is an article with a warning, no longer a
problem. 3: a feed column, `Article.feed`. 4: a feed file is one entry per feed entry
(`Article.entry`); files no format reads are kept (as skipped) so they are not sniffed again.
5: gzipped feed files, ".xml.gz" and the like, are read; version 4 had them as skipped.
6: a .txt that starts with a paragraph, not a title line, is all body. 7: a guid column,
`Article.guid`.)"""
HEAD_SIZE = 200
"""Rows in the head file: more than any terminal shows at once, a few KB to read."""
FILE_ROOT = -1
"""`root` column value offset for a file given directly: root index i is stored as -1 - i."""

_MAGIC = b"TRIDX\x00\r\n"
_HEADER = struct.Struct("<4sIIQI")
"""kind, version, crc32 of the payload, payload length, marshal version."""
_KIND_FULL = b"full"
_KIND_HEAD = b"head"
_MARSHAL_VERSION = 4
ARTICLE_COLUMNS = 13
"""root, relative, then the Article's fields (id, title, date, source, author, tags, format,
warnings, feed, entry, guid); the head file holds only these."""
STAT_COLUMNS = 5
"""mtime_ns, size, ctime_ns, problem, skipped: the full index's columns after the article's."""
_CORRUPT = (ValueError, TypeError, EOFError, IndexError, KeyError, AttributeError, OverflowError)
"""What reading a damaged or foreign payload can raise; any of them means "no index"."""


class IndexEntry:
    """One article file as last indexed: its stat key and its article or its problem.

    A feed file has one entry per feed entry, each with the file's stat: when the file
    changes, it is read again as a whole.
    """

    __slots__ = ("article", "ctime_ns", "mtime_ns", "problem", "relative", "root", "size",
                 "skipped", "wanted_id")

    def __init__(
        self,
        root: int,
        relative: str,
        mtime_ns: int,
        size: int,
        ctime_ns: int,
        article: Article | None,
        problem: str | None,
        wanted_id: str | None = None,
        skipped: bool = False,
    ) -> None:
        self.root = root
        """Index of its root in the roots; `-1 - i` when root i is the file itself."""
        self.relative = relative
        self.mtime_ns = mtime_ns
        self.size = size
        self.ctime_ns = ctime_ns
        """Compared for problems only: chmod fixes an unreadable file without touching mtime."""
        self.article = article
        """With its final (possibly disambiguated) id."""
        self.problem = problem
        self.wanted_id = wanted_id
        """The id the file asks for, when it differs from `article.id` (a collision)."""
        self.skipped = skipped
        """No format reads the file (no article, no problem): counted among skipped files."""

    @property
    def key(self) -> tuple[int, str]:
        return (self.root, self.relative)

    def requested_id(self) -> str:
        assert self.article is not None
        return self.wanted_id if self.wanted_id is not None else self.article.id


class LibraryIndex:
    """The index of one set of roots; `articles`/`problems` are in scan (walk) order."""

    __slots__ = ("dirty", "display_order", "entries", "loaded_from_disk", "problems", "roots")

    def __init__(
        self,
        roots: tuple[str, ...],
        entries: list[IndexEntry] | None = None,
        problems: list[LoadProblem] | None = None,
        display_order: list[int] | None = None,
        loaded_from_disk: bool = False,
    ) -> None:
        self.roots = roots
        """The roots as given (they build each Article.path, exactly as `iter_scan` would)."""
        self.entries = entries if entries is not None else []
        self.problems = problems if problems is not None else []
        self.display_order = display_order
        """Positions of `articles()` in display order when known (saved: loading skips a sort)."""
        self.loaded_from_disk = loaded_from_disk
        self.dirty = False
        """Differs from the file on disk."""

    def articles(self) -> list[Article]:
        return [entry.article for entry in self.entries if entry.article is not None]

    def display_entries(self) -> list[IndexEntry]:
        """Entries with an article, in display order (the saved order when it is still valid)."""
        listed = [entry for entry in self.entries if entry.article is not None]
        order = self.display_order
        if order is None or len(order) != len(listed):
            positions = {id(entry.article): position for position, entry in enumerate(listed)}
            ordered = sort_for_display(_article_of(entry) for entry in listed)
            order = [positions[id(article)] for article in ordered]
            self.display_order = order
        return [listed[position] for position in order]

    def articles_for_display(self) -> list[Article]:
        return [_article_of(entry) for entry in self.display_entries()]


def _article_of(entry: IndexEntry) -> Article:
    assert entry.article is not None
    return entry.article


class Progress(NamedTuple):
    """How far a refresh has got; `fresh` are articles read from their files since the last one.

    A NamedTuple rather than a dataclass: defining it costs far less at start-up.
    """

    walked: int
    """Article files met so far."""
    parsed: int
    """Of those, files read and parsed (new or changed) so far."""
    expected: int | None
    """Files in the index before this refresh (None without one): the likely total."""
    fresh: tuple[Article, ...] = ()
    problems: tuple[LoadProblem, ...] = ()
    done: bool = False
    changed: bool = False
    """When done: the index's articles or problems changed (it needs saving)."""


def resolved_roots(paths: Sequence[Path | str]) -> tuple[str, ...]:
    """The roots as absolute real paths: the same library reached two ways shares an index."""
    resolved: list[str] = []
    for path in paths:
        try:
            resolved.append(str(Path(path).expanduser().resolve()))
        except (OSError, RuntimeError):  # e.g. a symlink loop: the path as written will do
            logger.warning("cannot resolve library path %s", path, exc_info=True)
            resolved.append(os.path.abspath(path))
    return tuple(resolved)


def index_key(paths: Sequence[Path | str]) -> str:
    joined = "\x00".join(resolved_roots(paths))
    return hashlib.sha256(joined.encode("utf-8", "surrogateescape")).hexdigest()[:24]


def index_files(cache_dir: Path, paths: Sequence[Path | str]) -> tuple[Path, Path]:
    """(full index, head) file paths for these roots."""
    key = index_key(paths)
    folder = cache_dir / "library"
    return folder / f"{key}.index", folder / f"{key}.head"


def load_index(cache_dir: Path, paths: Sequence[Path | str]) -> LibraryIndex:
    """The saved index for `paths`, or an empty one when missing, corrupt, foreign or outdated."""
    roots = tuple(str(path) for path in paths)
    path = index_files(cache_dir, paths)[0]
    payload = _read_payload(path, _KIND_FULL)
    if payload is None:
        return LibraryIndex(roots)
    try:
        return _index_from_payload(payload, roots, resolved_roots(paths))
    except _CORRUPT:
        logger.warning("library index %s does not fit; indexing again", path, exc_info=True)
        return LibraryIndex(roots)


def load_head(cache_dir: Path, paths: Sequence[Path | str]) -> tuple[list[Article], int]:
    """The first screen of articles in display order and the total count; ([], 0) if none."""
    path = index_files(cache_dir, paths)[1]
    payload = _read_payload(path, _KIND_HEAD)
    if payload is None:
        return [], 0
    try:
        stored_roots, total, columns = payload
        if tuple(stored_roots) != resolved_roots(paths):
            return [], 0
        builder = PathBuilder(tuple(str(path) for path in paths))
        articles = _articles_from_columns(columns, builder)
        return articles, int(total)
    except _CORRUPT:
        logger.warning("library head %s does not fit; ignored", path, exc_info=True)
        return [], 0


def save_index(
    index: LibraryIndex, cache_dir: Path, *, with_head: bool = True, prefix: Columns | None = None
) -> None:
    """Write the full index and the head file atomically (`atomic_write`); raises OSError.

    `with_head=False` (a checkpoint): the full index alone, without working out the display
    order (a third of a save's cost; loading sorts when none is stored); the head file stays
    as it was, a possibly stale first screen, which is all it ever promises. `prefix`: the
    columns of the first entries, kept from an earlier save (a walk's entries, which only
    grow at the end): only the entries after them are converted (ignored when they are not
    this index's first entries). Two processes saving at once each leave a whole file; the
    last one wins.
    """
    full_path, head_path = index_files(cache_dir, index.roots)
    full_path.parent.mkdir(parents=True, exist_ok=True)
    roots = resolved_roots(index.roots)
    # The columns live until written: collections meanwhile would promote them to the oldest
    # generation and set off full collections of the whole (100k-article) heap.
    with paused_gc():
        listed = index.display_entries() if with_head else []
        if prefix is None or not prefix.begins(index.entries):
            prefix = Columns(with_stat=True)
        rest = Columns(with_stat=True, shared=prefix.shared)
        rest.add(index.entries[prefix.count:])
        columns = prefix.frozen(rest)
        _write_payload(full_path, _KIND_FULL, _index_payload(index, roots, columns))
        if with_head:
            head = Columns(with_stat=False, shared=rest.shared)
            head.add(listed[:HEAD_SIZE])
            _write_payload(head_path, _KIND_HEAD, (roots, len(listed), head.frozen()))
    index.dirty = False


class PathBuilder:
    """Article paths from (root, relative), each folder's Path built once."""

    def __init__(self, roots: tuple[str, ...]) -> None:
        self._roots = [Path(root) for root in roots]
        self._children: dict[tuple[int, str], Callable[[str], Path]] = {}

    def path(self, root: int, relative: str) -> Path:
        if root < 0:
            return self._roots[FILE_ROOT - root]
        folder, _, name = relative.rpartition("/")
        child = self._children.get((root, folder))
        if child is None:
            directory = self._roots[root] / folder if folder else self._roots[root]
            # pathlib's own shortcut for a plain name is ~5x faster than `/` (Python 3.11).
            child = getattr(directory, "_make_child_relpath", directory.joinpath)
            self._children[(root, folder)] = child
        return child(name)


def _date_text(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _date_value(text: str | None) -> date | datetime | None:
    if text is None:
        return None
    if len(text) == 10:
        return date.fromisoformat(text)
    return datetime.fromisoformat(text)


class Columns:
    """Entries stored column by column: marshal loads a few long tuples far faster than many
    short ones. Entries can be added later, so a checkpoint converts only those walked since
    the last one.

    Repeated values (sources, authors, tags) are stored once: marshal writes references to
    objects it has seen, so they are shared again in memory after loading.
    """

    __slots__ = ("_columns", "_last", "count", "shared", "with_stat")

    def __init__(self, with_stat: bool, shared: dict[Any, Any] | None = None) -> None:
        self.with_stat = with_stat
        self.shared: dict[Any, Any] = {} if shared is None else shared
        self._columns: list[list[Any]] = [
            [] for _ in range(ARTICLE_COLUMNS + (STAT_COLUMNS if with_stat else 0))]
        self._last: IndexEntry | None = None
        self.count = 0

    def begins(self, entries: Sequence[IndexEntry]) -> bool:
        """Whether these are the columns of `entries[:count]` (entries are never changed in
        place: the same object at the last position means the same entries before it)."""
        return self.count == 0 or (
            self.count <= len(entries) and entries[self.count - 1] is self._last)

    def add(self, entries: Sequence[IndexEntry]) -> None:
        shared, columns, with_stat = self.shared, self._columns, self.with_stat

        def share(value: Any) -> Any:
            return shared.setdefault(value, value)

        for entry in entries:
            article = entry.article
            row: list[Any] = [entry.root, entry.relative]
            if article is None:
                row += [None] * (ARTICLE_COLUMNS - 2)
            else:
                row += [article.id, article.title, _date_text(article.date),
                        share(article.source), share(article.author),
                        share(tuple(share(tag) for tag in article.tags)),
                        share(article.format), share(article.warnings), share(article.feed),
                        article.entry, article.guid]
            if with_stat:
                row += [entry.mtime_ns, entry.size, entry.ctime_ns, entry.problem,
                        entry.skipped or None]
            for column, value in zip(columns, row, strict=True):
                column.append(value)
            self._last = entry
        self.count += len(entries)

    def frozen(self, *more: Columns) -> tuple[tuple[Any, ...], ...]:
        """These columns followed by those of `more`, as tuples (what marshal stores)."""
        return tuple(
            tuple(itertools.chain(mine, *theirs))
            for mine, *theirs in zip(self._columns, *(other._columns for other in more),
                                     strict=True)
        )


_STR: frozenset[type] = frozenset({str})
_OPTIONAL_STR: frozenset[type] = frozenset({str, type(None)})
_INT: frozenset[type] = frozenset({int})
_TUPLE: frozenset[type] = frozenset({tuple})
_OPTIONAL_TUPLE: frozenset[type] = frozenset({tuple, type(None)})
_OPTIONAL_TRUE: frozenset[type] = frozenset({bool, type(None)})


def _check(column: Any, types: frozenset[type]) -> None:
    """Every value of a loaded column has one of `types` (one C-speed pass, not per row)."""
    if not isinstance(column, tuple) or not set(map(type, column)) <= types:
        raise TypeError("index column has the wrong type")


def _check_article_columns(columns: tuple[Any, ...], articles_only: bool) -> None:
    (roots, relative, ids, titles, dates, sources, authors, tags, formats, warnings,
     feeds, entries, guids) = columns[:ARTICLE_COLUMNS]
    maybe = _STR if articles_only else _OPTIONAL_STR
    for column, types in ((roots, _INT), (relative, _STR), (ids, maybe), (titles, maybe),
                          (dates, _OPTIONAL_STR), (sources, _OPTIONAL_STR),
                          (authors, _OPTIONAL_STR), (formats, maybe), (feeds, _OPTIONAL_STR),
                          (entries, _OPTIONAL_STR), (guids, _OPTIONAL_STR)):
        _check(column, types)
    for column in (tags, warnings):
        _check(column, _TUPLE if articles_only else _OPTIONAL_TUPLE)
        _check(tuple(text for group in set(column) if group for text in group), _STR)


def _articles_from_columns(columns: Any, builder: PathBuilder) -> list[Article]:
    if len(columns) != ARTICLE_COLUMNS:
        raise ValueError("head has the wrong shape")
    _check_article_columns(columns, articles_only=True)
    path = builder.path
    return [
        Article(article_id, path(root, relative), title, _date_value(when), source, author,
                tags, fmt, warnings, feed, entry, guid)
        for (root, relative, article_id, title, when, source, author, tags, fmt, warnings, feed,
             entry, guid)
        in zip(*columns, strict=True)
    ]


def _index_payload(index: LibraryIndex, resolved: tuple[str, ...],
                   columns: tuple[tuple[Any, ...], ...]) -> Any:
    wanted = {position: entry.wanted_id for position, entry in enumerate(index.entries)
              if entry.wanted_id is not None}
    problems = tuple((str(problem.path), problem.reason) for problem in index.problems)
    return (resolved, index.roots, columns, wanted, problems, tuple(index.display_order or ()))


def _index_from_payload(payload: Any, roots: tuple[str, ...], resolved: tuple[str, ...]
                        ) -> LibraryIndex:
    stored_resolved, stored_roots, columns, wanted, problems, order = payload
    if (tuple(stored_resolved) != resolved or len(columns) != ARTICLE_COLUMNS + STAT_COLUMNS
            or not isinstance(wanted, dict)):
        raise ValueError("index of other roots")
    _check_article_columns(columns, articles_only=False)
    for column in columns[ARTICLE_COLUMNS:ARTICLE_COLUMNS + 3]:
        _check(column, _INT)
    _check(columns[ARTICLE_COLUMNS + 3], _OPTIONAL_STR)
    _check(columns[ARTICLE_COLUMNS + 4], _OPTIONAL_TRUE)
    path = PathBuilder(roots).path
    entries: list[IndexEntry] = []
    append = entries.append
    with paused_gc():
        for position, (root, relative, article_id, title, when, source, author, tags, fmt,
                       warnings, feed, entry, guid, mtime_ns, size, ctime_ns, problem, skipped
                       ) in enumerate(
            zip(*columns, strict=True)
        ):
            # No article and no problem: a skipped file (not an article), remembered as such.
            article = None if problem is not None or article_id is None else Article(
                article_id, path(root, relative), title, _date_value(when), source, author,
                tags, fmt, warnings, feed, entry, guid)
            append(IndexEntry(root, relative, mtime_ns, size, ctime_ns, article, problem,
                              wanted.get(position), skipped is True))
    index = LibraryIndex(roots, entries, _problems(problems, tuple(stored_roots), roots),
                         list(order) if order else None, loaded_from_disk=True)
    if index.display_order is not None and sorted(index.display_order) != list(
        range(len(index.display_order))
    ):
        index.display_order = None
    return index


def _problems(rows: Any, stored_roots: tuple[str, ...], roots: tuple[str, ...]
              ) -> list[LoadProblem]:
    """Problems as saved, their paths moved onto the roots as given this time."""
    problems = []
    for text, reason in rows:
        path = Path(text)
        if stored_roots != roots:
            for old, new in zip(stored_roots, roots, strict=True):
                try:
                    path = Path(new) / Path(text).relative_to(old)
                    break
                except ValueError:
                    continue
        problems.append(LoadProblem(path, str(reason)))
    return problems


def _read_payload(path: Path, kind: bytes) -> Any:
    """The unmarshalled payload, or None for a missing, short, foreign or damaged file."""
    try:
        with path.open("rb") as file:
            data = file.read()
    except FileNotFoundError:  # not indexed yet: the first run on these roots
        return None
    except OSError:
        logger.warning("cannot read library index %s", path, exc_info=True)
        return None
    start = len(_MAGIC) + _HEADER.size
    if len(data) < start or not data.startswith(_MAGIC):
        logger.warning("%s is not a library index; ignored", path)
        return None
    found_kind, version, crc, length, marshal_version = _HEADER.unpack_from(data, len(_MAGIC))
    body = memoryview(data)[start:]
    if (found_kind, version, marshal_version) != (kind, INDEX_VERSION, _MARSHAL_VERSION):
        logger.info("library index %s is of another kind or version; ignored", path)
        return None
    if length != len(body) or zlib.crc32(body) != crc:
        logger.warning("library index %s is damaged (length or checksum); ignored", path)
        return None
    try:
        return marshal.loads(body)
    except _CORRUPT:
        logger.warning("library index %s cannot be read; ignored", path, exc_info=True)
        return None


def _write_payload(path: Path, kind: bytes, payload: Any) -> None:
    body = marshal.dumps(payload, _MARSHAL_VERSION)
    header = _MAGIC + _HEADER.pack(kind, INDEX_VERSION, zlib.crc32(body), len(body),
                                   _MARSHAL_VERSION)
    atomic_write(path, header + body)
