"""Every cached row of a library already merged in date order, in one file beside the row
cache, so that a warm library timeline reads one file and checks each article's stat instead
of decoding, wrapping and sorting every row (at 10,000 articles, 300,000 rows: seconds).

Rows stay encoded until they are looked at: a `MergedRows` holds per row its article's
index, its period and where its record starts in one blob, and `SelectedRows` decodes a row
when it is indexed (the screen shows 40 at a time). Derived from `LibraryRowCache`'s
entries, so it carries their keys: an article whose file changed is not served from it.

Format: a magic, a CRC-32 of the rest, the length of a `marshal`-ed header (version, paths,
keys, failed articles, section sizes), then the sections as raw bytes. A damaged, foreign or
outdated file is a miss.
"""

from __future__ import annotations

import logging
import marshal
import struct
import sys
import zlib
from array import array
from collections.abc import Iterator, Mapping, Sequence
from operator import itemgetter
from pathlib import Path
from typing import overload

from tuireader.atomic import atomic_write
from tuireader.library.article import Article
from tuireader.timeline.library_row import LibraryRow, Period, RowRecord

logger = logging.getLogger(__name__)

_MAGIC = b"TRMERGED\r\n"
_HEAD = struct.Struct("<IQ")
"""CRC-32 of everything after it, length of the marshalled header."""
_FORMAT = f"1/{sys.byteorder}"
"""The arrays are stored in this machine's byte order."""
_UNREADABLE = (ValueError, TypeError, EOFError, IndexError, KeyError, OverflowError)

StatKey = tuple[int, int]
ArticleKey = tuple[StatKey, str, int]
"""(stat key, reference date, body start) of an article whose rows are merged."""
Entry = tuple[StatKey, str, int, list[RowRecord]]
"""As `LibraryRowCache` keeps it."""


def period_code(period: Period) -> int:
    """(2019, 3, 12) as 20190312: codes sort as periods do, and fit an unsigned array."""
    year, month, day = period
    return year * 10_000 + month * 100 + day


def code_period(code: int) -> Period:
    year, rest = divmod(code, 10_000)
    month, day = divmod(rest, 100)
    return (year, month, day)


class MergedRows:
    """The merged rows of one library (see the module's docstring)."""

    def __init__(self, version: str, paths: list[str], keys: list[ArticleKey],
                 failed: dict[str, tuple[StatKey, str]], articles: array[int],
                 periods: array[int], offsets: array[int], blob: memoryview,
                 dates: memoryview, crc: int) -> None:
        self.version = version
        self.crc = crc
        """The file's CRC: what is derived from these rows (`library_json`) names them by it."""
        self.paths = paths
        self.keys = keys
        self.failed = failed
        """Articles that had no rows for a reason (kept to try again, not to read again)."""
        self.articles = articles
        """Per row, its article's index in `paths`."""
        self.periods = periods
        """Per row, `period_code` of its period."""
        self.offsets = offsets
        self.blob = blob
        self._dates = dates
        self._decoded_dates: tuple[list[str], list[str]] | None = None
        self._index: dict[str, int] | None = None

    def __len__(self) -> int:
        return len(self.periods)

    def index_of(self, path: str) -> int | None:
        if self._index is None:
            self._index = {path: index for index, path in enumerate(self.paths)}
        return self._index.get(path)

    def record(self, row: int) -> RowRecord:
        offsets = self.offsets
        record: RowRecord = marshal.loads(self.blob[offsets[row]:offsets[row + 1]])
        return record

    def dates(self) -> tuple[list[str], list[str]]:
        """Every row's ISO start and end (decoded once, when a date filter asks)."""
        if self._decoded_dates is None:
            self._decoded_dates = marshal.loads(self._dates)
        return self._decoded_dates


def merge_entries(entries: Mapping[str, Entry], failed: Mapping[str, tuple[StatKey, str]],
                  version: str) -> bytes:
    """The file's bytes for `entries`: rows by `order`, ties by path, then by their place in
    the article (a deterministic order, whatever order the articles were listed in)."""
    paths = sorted(entries)
    keys: list[ArticleKey] = []
    keyed: list[tuple[str, int, int]] = []
    for index, path in enumerate(paths):
        stat, reference, body_start, records = entries[path]
        keys.append((stat, reference, body_start))
        keyed += [(record[1], index, position) for position, record in enumerate(records)]
    keyed.sort()
    article_of = array("I", map(itemgetter(1), keyed))
    periods = array("I")
    offsets = array("Q", [0])
    chunks: list[bytes] = []
    starts: list[str] = []
    ends: list[str] = []
    size = 0
    for _, index, position in keyed:
        record = entries[paths[index]][3][position]
        chunk = marshal.dumps(record, 4)
        chunks.append(chunk)
        size += len(chunk)
        offsets.append(size)
        periods.append(period_code(record[0]))
        starts.append(record[2])
        ends.append(record[3])
    sections = [article_of.tobytes(), periods.tobytes(), offsets.tobytes(),
                marshal.dumps((starts, ends), 4), b"".join(chunks)]
    header = marshal.dumps((_FORMAT, version, paths, keys, dict(failed),
                            [len(section) for section in sections]), 4)
    body = b"".join([struct.pack("<Q", len(header)), header, *sections])
    return _MAGIC + struct.pack("<I", zlib.crc32(body)) + body


def write_merged(path: Path, data: bytes) -> None:
    """Raises OSError."""
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, data)


def read_merged(path: Path, version: str) -> MergedRows | None:
    """The file's rows, or None when it is missing, damaged or of another version."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError:
        logger.warning("cannot read the merged library timeline %s", path, exc_info=True)
        return None
    return parse_merged(data, version, path)


def parse_merged(data: bytes, version: str, path: Path | None = None) -> MergedRows | None:
    view = memoryview(data)
    start = len(_MAGIC) + _HEAD.size
    if not data.startswith(_MAGIC) or len(data) < start:
        logger.warning("merged library timeline %s is not one; building it again", path)
        return None
    crc, header_size = _HEAD.unpack_from(data, len(_MAGIC))
    if crc != zlib.crc32(view[len(_MAGIC) + 4:]):
        logger.warning("merged library timeline %s is damaged; building it again", path)
        return None
    try:
        layout, stored, paths, keys, failed, sizes = marshal.loads(
            view[start:start + header_size])
        sections = []
        offset = start + header_size
        for size in sizes:
            sections.append(view[offset:offset + size])
            offset += size
        if layout != _FORMAT or stored != version or offset != len(data):
            return None
        articles, periods, offsets = array("I"), array("I"), array("Q")
        for values, section in zip((articles, periods, offsets), sections, strict=False):
            values.frombytes(section)
        return MergedRows(stored, paths, keys, failed, articles, periods, offsets,
                          blob=sections[4], dates=sections[3], crc=crc)
    except _UNREADABLE:
        logger.warning("merged library timeline %s cannot be read", path, exc_info=True)
        return None


class SelectedRows(Sequence[LibraryRow]):
    """Some rows of a `MergedRows`, in its order, each decoded (with its `Article`) when
    indexed."""

    def __init__(self, merged: MergedRows, kept: Sequence[int],
                 articles: list[Article | None]) -> None:
        self.merged = merged
        self.kept = kept
        """Indexes of the rows in `merged`."""
        self.by_index = articles
        """The `Article` of each path of `merged` (None: not selected)."""
        self.whole = kept == range(len(merged))
        self.periods = (merged.periods if self.whole
                        else array("I", map(merged.periods.__getitem__, kept)))
        """Per row, `period_code` of its period."""

    def __len__(self) -> int:
        return len(self.kept)

    @overload
    def __getitem__(self, index: int) -> LibraryRow: ...

    @overload
    def __getitem__(self, index: slice) -> list[LibraryRow]: ...

    def __getitem__(self, index: int | slice) -> LibraryRow | list[LibraryRow]:
        if isinstance(index, slice):
            return [self._row(row) for row in self.kept[index]]
        return self._row(self.kept[index])

    def __iter__(self) -> Iterator[LibraryRow]:
        return map(self._row, self.kept)

    def _row(self, row: int) -> LibraryRow:
        merged = self.merged
        index = merged.articles[row]
        article = self.by_index[index]
        assert article is not None
        prefix = (article, merged.keys[index][2])
        return tuple.__new__(LibraryRow, prefix + merged.record(row))

    def article_count(self) -> int:
        articles = self.merged.articles
        return len(set(articles if self.whole else map(articles.__getitem__, self.kept)))
