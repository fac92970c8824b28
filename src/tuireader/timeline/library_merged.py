"""Every cached row of a library already merged in date order, in one file beside the row
cache, so that a warm library timeline reads one file and checks each article's stat instead
of decoding, wrapping and sorting every row (at 10,000 articles, 300,000 rows: seconds).

Rows stay encoded until they are looked at: a `MergedRows` holds per row its article's
index, its period and where its record (`marshal`-ed) starts, and `SelectedRows` decodes a
row when it is indexed (the screen shows 40 at a time). Derived from `LibraryRowCache`'s
entries, so it carries their keys: an article whose file changed is not served from it.

Format (`checked_file`: a magic and a CRC-32, then mapped): the length of a `marshal`-ed
header (version, paths, keys, failed articles, section sizes), then the sections as raw
bytes. A damaged, foreign or outdated file is a miss.
"""

from __future__ import annotations

import logging
import marshal
import struct
import sys
from array import array
from collections.abc import Iterator, Mapping, Sequence
from itertools import accumulate, repeat
from operator import itemgetter
from pathlib import Path

from tuireader.atomic import atomic_write
from tuireader.library.article import Article
from tuireader.timeline.checked_file import body_of, checked_bytes, map_checked
from tuireader.timeline.lazy_sequence import LazySequence
from tuireader.timeline.library_row import LibraryRow, Period, RowRecord

logger = logging.getLogger(__name__)

_MAGIC = b"TRMERGED\r\n"
_HEADER_SIZE = struct.Struct("<Q")
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

    def __init__(self, header: tuple[str, list[str], list[ArticleKey],
                                     dict[str, tuple[StatKey, str]]],
                 arrays: tuple[array[int], array[int], array[int], array[int]],
                 blob: memoryview, dates: memoryview, crc: int) -> None:
        self.version, self.paths, self.keys, self.failed = header
        """`failed`: articles that had no rows for a reason (tried again on each open)."""
        self.crc = crc
        """The file's CRC: what is derived from these rows (`library_json`) names them by it."""
        self.articles, self.periods, self.flat, self.offsets = arrays
        """Per row: its article's index in `paths`, `period_code` of its period, and its
        place among all rows listed article by article (`flat`); per place in that listing:
        where its record starts in `blob` (`offsets`, one more)."""
        self.blob = blob
        """The records, `marshal`-ed one by one (a row decodes in microseconds; an article's
        list of records took ~1 ms, and a page shows rows of forty articles)."""
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
        place = self.flat[row]
        offsets = self.offsets
        record: RowRecord = marshal.loads(self.blob[offsets[place]:offsets[place + 1]])
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
    article_of = array("I")
    records: list[RowRecord] = []
    for index, path in enumerate(paths):
        stat, reference, body_start, article_records = entries[path]
        keys.append((stat, reference, body_start))
        article_of.extend(repeat(index, len(article_records)))
        records += article_records
    chunks = list(map(marshal.dumps, records))
    offsets = array("Q", [0])
    offsets.extend(accumulate(map(len, chunks)))
    # A stable sort of the listing (by path, then place) on `order` alone: compares strings.
    order = sorted(range(len(records)), key=list(map(itemgetter(1), records)).__getitem__)
    rows = list(map(records.__getitem__, order))
    arrays = [array("I", map(article_of.__getitem__, order)),
              array("I", [period_code(record[0]) for record in rows]),
              array("I", order), offsets]
    dates = marshal.dumps((list(map(itemgetter(2), rows)), list(map(itemgetter(3), rows))), 4)
    sections = [*(values.tobytes() for values in arrays), dates]
    header = marshal.dumps((_FORMAT, version, paths, keys, dict(failed),
                            [*map(len, sections), offsets[-1]]), 4)
    return checked_bytes(_MAGIC, [_HEADER_SIZE.pack(len(header)), header, *sections, *chunks])


def write_merged(path: Path, data: bytes) -> None:
    """Raises OSError."""
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, data)


def read_merged(path: Path, version: str) -> MergedRows | None:
    """The file's rows (mapped, see `checked_file`), or None when it is missing, damaged or
    of another version."""
    mapped = map_checked(path, _MAGIC, "merged library timeline")
    return None if mapped is None else _parse(*mapped, version, path)


def parse_merged(data: bytes, version: str) -> MergedRows | None:
    """The rows of `merge_entries`' output, in memory."""
    return _parse(*body_of(data, _MAGIC), version, None)


def _parse(body: memoryview, crc: int, version: str, path: Path | None) -> MergedRows | None:
    try:
        (header_size,) = _HEADER_SIZE.unpack_from(body)
        start = _HEADER_SIZE.size
        layout, stored, paths, keys, failed, sizes = marshal.loads(
            body[start:start + header_size])
        sections = []
        offset = start + header_size
        for size in sizes:
            sections.append(body[offset:offset + size])
            offset += size
        if layout != _FORMAT or stored != version or offset != len(body) or len(sizes) != 6:
            return None
        arrays = (array("I"), array("I"), array("I"), array("Q"))
        for values, section in zip(arrays, sections, strict=False):
            values.frombytes(section)
        if not len(arrays[0]) == len(arrays[1]) == len(arrays[2]) == len(arrays[3]) - 1:
            return None
        return MergedRows((stored, paths, keys, failed), arrays, blob=sections[5],
                          dates=sections[4], crc=crc)
    except (*_UNREADABLE, struct.error):
        logger.warning("merged library timeline %s cannot be read", path, exc_info=True)
        return None


class SelectedRows(LazySequence[LibraryRow]):
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

    def item(self, index: int) -> LibraryRow:
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
