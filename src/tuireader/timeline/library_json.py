"""`tuireader timeline --library --json` from bytes encoded once: beside the merged rows, a file
holds every row's JSON line, so a warm run copies bytes instead of decoding and encoding
300,000 rows (4 s at 10,000 articles); the whole library is one write.

Built by the first `--json` run after the merged rows change, and tied to them by their
CRC and to the articles' heads (id, path, title) it was made with: a stale file is a miss.
Format: a magic, a CRC-32 of the rest, the merged rows' CRC, the row count, the heads
(`marshal`), the offsets (one more than rows), then the lines.
"""

from __future__ import annotations

import logging
import marshal
import struct
import zlib
from array import array
from collections.abc import Iterator
from pathlib import Path

from tuireader.atomic import atomic_write
from tuireader.json_lines import json_line
from tuireader.library.article import Article
from tuireader.timeline.library_merged import MergedRows, SelectedRows
from tuireader.timeline.library_row import LibraryRow

logger = logging.getLogger(__name__)

_MAGIC = b"TRJSONL\r\n"
_HEAD = struct.Struct("<IIQQ")
"""CRC-32 of the rest, the merged rows' CRC, the row count, the heads' length."""
_UNREADABLE = (ValueError, TypeError, EOFError)


def json_path(merged_path: Path) -> Path:
    return merged_path.with_suffix(".jsonl")


def library_json_lines(rows: SelectedRows, path: Path) -> Iterator[bytes | memoryview]:
    """`rows` as `render_json_lines` writes them, encoded (UTF-8); the lines come from `path`,
    written there first when missing, stale, or made with another id or title for one of
    the listed articles (best effort: a failure to save is logged)."""
    merged = rows.merged
    heads = [None if article is None else _head(article) for article in rows.by_index]
    loaded = _read(path, merged, heads)
    if loaded is None:
        data = _encode(merged, heads)
        try:
            atomic_write(path, data)
        except OSError:
            logger.warning("could not save the library timeline's JSON %s", path, exc_info=True)
        loaded = _parse(data, merged, heads)
        assert loaded is not None
    offsets, blob = loaded
    if rows.whole:
        yield blob
        return
    for row in rows.kept:
        yield blob[offsets[row]:offsets[row + 1]]


def _head(article: Article) -> str:
    """The line's start up to its row part: `{"article_id": ..., "title": ..., `."""
    return json_line(LibraryRow.article_json_of(article))[:-2] + ", "


def _encode(merged: MergedRows, heads: list[str | None]) -> bytes:
    """Every merged row as a JSON line; the rows of an article not listed this time get an
    empty head (its rows' lines are not used until it is listed, and made again then)."""
    offsets = array("Q", [0])
    chunks: list[bytes] = []
    size = 0
    stand_in = Article(id="", path=Path(), title="")
    records = merged.flat_records()
    for row, flat in enumerate(merged.flat):
        index = merged.articles[row]
        line = tuple.__new__(LibraryRow, (stand_in, merged.keys[index][2], *records[flat]))
        chunk = ((heads[index] or "") + json_line(line.row_json())[1:]).encode()
        chunks.append(chunk)
        size += len(chunk)
        offsets.append(size)
    header = marshal.dumps([head or "" for head in heads], 4)
    body = (struct.pack("<IQQ", merged.crc, len(merged), len(header)) + header
            + offsets.tobytes() + b"".join(chunks))
    return _MAGIC + struct.pack("<I", zlib.crc32(body)) + body


def _read(path: Path, merged: MergedRows,
          heads: list[str | None]) -> tuple[array[int], memoryview] | None:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError:
        logger.warning("cannot read the library timeline's JSON %s", path, exc_info=True)
        return None
    return _parse(data, merged, heads)


def _parse(data: bytes, merged: MergedRows,
           heads: list[str | None]) -> tuple[array[int], memoryview] | None:
    """The offsets and lines, when `data` was made from `merged` with these `heads`."""
    view = memoryview(data)
    start = len(_MAGIC) + _HEAD.size
    if not data.startswith(_MAGIC) or len(data) < start:
        return None
    crc, merged_crc, count, header_size = _HEAD.unpack_from(data, len(_MAGIC))
    if merged_crc != merged.crc or count != len(merged) or crc != zlib.crc32(
            view[len(_MAGIC) + 4:]):
        return None
    try:
        stored = marshal.loads(view[start:start + header_size])
    except _UNREADABLE:
        return None
    if not isinstance(stored, list) or len(stored) != len(heads) or any(
            head is not None and head != old for head, old in zip(heads, stored, strict=True)):
        return None
    offsets = array("Q")
    start += header_size
    end = start + (count + 1) * offsets.itemsize
    if len(data) < end:
        return None
    offsets.frombytes(view[start:end])
    if offsets[-1] != len(data) - end:
        return None
    return offsets, view[end:]
