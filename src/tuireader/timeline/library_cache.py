"""Every article's timeline rows for one library, in one file, so the library timeline of
10,000 articles opens from one read instead of 10,000 files and extractions.

An entry is keyed by the file's (mtime_ns, size), its reference date and the versions of the
extractor and of the row layout: an edited file (or a new extractor) is computed again, from
the per-article `TimelineCache` (keyed by text) when the app or the CLI already extracted that
text. Format: a magic, a CRC-32, then `marshal` of plain values (it only builds data); a
damaged or foreign file is a miss, and is rebuilt.
"""

from __future__ import annotations

import logging
import marshal
import struct
import zlib
from pathlib import Path
from typing import Any

from tuireader.atomic import atomic_write
from tuireader.gc_pause import paused_gc
from tuireader.library.index import index_key
from tuireader.timeline.extractor import EXTRACTOR_VERSION
from tuireader.timeline.fingerprint import ROWS_MODULES, source_fingerprint
from tuireader.timeline.library_row import RowRecord

logger = logging.getLogger(__name__)

ROWS_LAYOUT = 3
"""Bump when `row_record` changes (what `timeline_rows` makes is in the key already)."""
_MAGIC = b"TRROWS\r\n"
_CRC = struct.Struct("<I")
_UNREADABLE = (ValueError, TypeError, EOFError, IndexError, KeyError, OverflowError)

StatKey = tuple[int, int]
"""(mtime_ns, size) of the article's file."""
Entry = tuple[StatKey, str, int, list[RowRecord]]
"""(stat key, reference date ISO or "", body start, row records)."""


def _version() -> str:
    return f"{EXTRACTOR_VERSION}/{source_fingerprint(*ROWS_MODULES)}/{ROWS_LAYOUT}"


class LibraryRowCache:
    """The rows of the articles under `roots`, by file path; `save` writes it if it changed."""

    def __init__(self, cache_dir: Path, roots: list[Path]) -> None:
        self.path = cache_dir / "library-timeline" / f"{index_key(roots)}.rows"
        self._entries: dict[str, Entry] = {}
        self._seen: set[str] = set()
        self._dirty = False

    def load(self) -> None:
        """Read the file; a missing, damaged or outdated one leaves the cache empty."""
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:  # never built for these roots
            return
        except OSError:
            logger.warning("cannot read the library timeline cache %s", self.path,
                           exc_info=True)
            return
        head = len(_MAGIC) + _CRC.size
        body = memoryview(data)[head:]
        if not data.startswith(_MAGIC) or _CRC.unpack_from(data, len(_MAGIC))[0] != zlib.crc32(
                body):
            logger.warning("library timeline cache %s is damaged; building it again", self.path)
            return
        try:
            with paused_gc():
                version, entries = marshal.loads(body)
        except _UNREADABLE:
            logger.warning("library timeline cache %s cannot be read", self.path, exc_info=True)
            return
        if version == _version() and isinstance(entries, dict):
            self._entries = entries

    @property
    def merged_path(self) -> Path:
        """Where `library_merged` keeps these rows merged."""
        return self.path.with_suffix(".merged")

    @staticmethod
    def version() -> str:
        return _version()

    def entries(self) -> dict[str, Entry]:
        """Every entry, by article (after `load` and the builds since)."""
        return self._entries

    def get(self, path: str, stat: StatKey, reference: str) -> tuple[int, list[RowRecord]] | None:
        """(body start, records) when cached for this version of the file, else None."""
        self._seen.add(path)
        entry = self._entries.get(path)
        if entry is None or entry[0] != stat or entry[1] != reference:
            return None
        return entry[2], entry[3]

    def put(self, path: str, stat: StatKey, reference: str, body_start: int,
            records: list[RowRecord]) -> None:
        self._seen.add(path)
        self._entries[path] = (stat, reference, body_start, records)
        self._dirty = True

    def save(self, *, prune: bool = False) -> None:
        """Write the entries if any changed; `prune` (the whole library was asked for) drops
        those of files not asked for since `load`, i.e. gone from the library. Raises
        OSError: the caller says the cache could not be saved."""
        if prune and len(self._seen) < len(self._entries):
            self._entries = {path: entry for path, entry in self._entries.items()
                             if path in self._seen}
            self._dirty = True
        if not self._dirty:
            return
        body = marshal.dumps((_version(), self._entries), 4)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(self.path, _MAGIC + _CRC.pack(zlib.crc32(body)) + body)
        self._dirty = False


def reference_key(value: Any) -> str:
    return "" if value is None else str(value.isoformat())
