"""Cache files checked by a CRC-32 and then mapped, not read: the merged library timeline is
~100 MB at 10,000 articles (~1 GB at 100,000) of which a screen decodes a few kilobytes.

The check reads the file in chunks (through the page cache, not into the process), then the
same descriptor is mapped read-only: the pages a reader touches are all that joins its
memory. A file is replaced atomically (a new inode), so a mapping never sees a later write.
"""

from __future__ import annotations

import logging
import mmap
import os
import struct
import zlib
from io import BufferedReader
from pathlib import Path

logger = logging.getLogger(__name__)

_CRC = struct.Struct("<I")
CHUNK = 1 << 22


def checked_bytes(magic: bytes, parts: list[bytes]) -> bytes:
    """The body made of `parts` as a file: `magic`, the body's CRC-32, then the body (joined
    once: at 100,000 articles it is ~1 GB)."""
    crc = 0
    for part in parts:
        crc = zlib.crc32(part, crc)
    return b"".join([magic, _CRC.pack(crc), *parts])


def body_of(data: bytes, magic: bytes) -> tuple[memoryview, int]:
    """The body of `checked_bytes` output made by this process (no need to check it) and its
    CRC."""
    start = len(magic) + _CRC.size
    return memoryview(data)[start:], _CRC.unpack_from(data, len(magic))[0]


def map_checked(path: Path, magic: bytes, what: str) -> tuple[memoryview, int] | None:
    """The body of the file at `path` (mapped) and its CRC, or None when it is missing, not
    one (`magic`), or damaged (logged with `what` it is)."""
    start = len(magic) + _CRC.size
    try:
        with path.open("rb") as file:
            head = file.read(start)
            if len(head) < start or not head.startswith(magic):
                logger.warning("%s %s is not one; building it again", what, path)
                return None
            crc = _CRC.unpack_from(head, len(magic))[0]
            if _crc_of_rest(file) != crc:
                logger.warning("%s %s is damaged; building it again", what, path)
                return None
            if os.fstat(file.fileno()).st_size == start:
                return memoryview(b""), crc
            mapped = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    except FileNotFoundError:
        return None
    except OSError:
        logger.warning("cannot read the %s %s", what, path, exc_info=True)
        return None
    return memoryview(mapped)[start:], crc


def _crc_of_rest(file: BufferedReader) -> int:
    buffer = bytearray(CHUNK)
    view = memoryview(buffer)
    crc = 0
    while count := file.readinto(buffer):
        crc = zlib.crc32(view[:count], crc)
    return crc
