"""`tuireader timeline --library --json` from bytes encoded once: beside the merged rows, a file
holds every row's JSON line, so a warm run copies bytes instead of decoding and encoding
300,000 rows (4 s at 10,000 articles); the whole library is one write.

Built by the first `--json` run after the merged rows change, and tied to them by their
CRC and to the articles' heads (id, path, title) it was made with: a stale file is a miss.
Format (`checked_file`: a magic and a CRC-32, then mapped): the merged rows' CRC, the row
count, the heads (`marshal`), the offsets (one more than rows), then the lines.
"""

from __future__ import annotations

import logging
import marshal
import struct
from array import array
from collections.abc import Iterator
from pathlib import Path

from tuireader.atomic import atomic_write
from tuireader.json_lines import json_line
from tuireader.library.article import Article
from tuireader.timeline.checked_file import body_of, checked_bytes, map_checked
from tuireader.timeline.library_merged import MergedRows, SelectedRows
from tuireader.timeline.library_row import LibraryRow

logger = logging.getLogger(__name__)

_MAGIC = b"TRJSONL\r\n"
_HEAD = struct.Struct("<IQQ")
"""The merged rows' CRC, the row count, the heads' length."""
_UNREADABLE = (ValueError, TypeError, EOFError)


def json_path(merged_path: Path) -> Path:
    return merged_path.with_suffix(".jsonl")


def library_json_lines(rows: SelectedRows, path: Path) -> Iterator[bytes | memoryview]:
    """`rows` as `render_json_lines` writes them, encoded (UTF-8); the lines come from `path`,
    written there first when missing, stale, or made with another id or title for one of
    the listed articles (best effort: a failure to save is logged)."""
    merged = rows.merged
    heads = [None if article is None else _head(article) for article in rows.by_index]
    mapped = map_checked(path, _MAGIC, "library timeline's JSON")
    loaded = None if mapped is None else _parse(mapped[0], merged, heads)
    if loaded is None:
        data = _encode(merged, heads)
        try:
            atomic_write(path, data)
        except OSError:
            logger.warning("could not save the library timeline's JSON %s", path, exc_info=True)
        loaded = _parse(body_of(data, _MAGIC)[0], merged, heads)
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
    for row in range(len(merged)):
        index = merged.articles[row]
        line = tuple.__new__(LibraryRow, (stand_in, merged.keys[index][2], *merged.record(row)))
        chunk = ((heads[index] or "") + json_line(line.row_json())[1:]).encode()
        chunks.append(chunk)
        size += len(chunk)
        offsets.append(size)
    header = marshal.dumps([head or "" for head in heads], 4)
    return checked_bytes(_MAGIC, [_HEAD.pack(merged.crc, len(merged), len(header)), header,
                                  offsets.tobytes(), *chunks])


def _parse(body: memoryview, merged: MergedRows,
           heads: list[str | None]) -> tuple[array[int], memoryview] | None:
    """The offsets and lines, when `body` was made from `merged` with these `heads`."""
    if len(body) < _HEAD.size:
        return None
    merged_crc, count, header_size = _HEAD.unpack_from(body)
    if merged_crc != merged.crc or count != len(merged):
        return None
    start = _HEAD.size
    try:
        stored = marshal.loads(body[start:start + header_size])
    except _UNREADABLE:
        return None
    if not isinstance(stored, list) or len(stored) != len(heads) or any(
            head is not None and head != old for head, old in zip(heads, stored, strict=True)):
        return None
    offsets = array("Q")
    start += header_size
    end = start + (count + 1) * offsets.itemsize
    if len(body) < end:
        return None
    offsets.frombytes(body[start:end])
    if offsets[-1] != len(body) - end:
        return None
    return offsets, body[end:]
