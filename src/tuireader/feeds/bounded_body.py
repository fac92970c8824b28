"""A response body read with a size limit on what it decompresses to.

httpx would decode gzip a whole network chunk at a time, and a gzip bomb turns 64 KB into
64 MB in one step; here the raw bytes are decompressed with `max_length`, so no more than the
limit (plus one byte) is ever produced.
"""

from __future__ import annotations

import zlib

GZIP_OR_ZLIB = zlib.MAX_WBITS | 32
"""zlib's automatic header detection: gzip or zlib-wrapped data."""
RAW_DEFLATE = -zlib.MAX_WBITS


class BodyTooLargeError(Exception):
    """The body (after decompression) went over the limit."""


class UnsupportedEncodingError(Exception):
    """A Content-Encoding tuireader does not decode (it only asks for gzip and deflate)."""


class BoundedBody:
    """Collects raw chunks of a body, decoding `content_encoding`, up to `limit` bytes."""

    def __init__(self, content_encoding: str, limit: int) -> None:
        encoding = content_encoding.strip().lower()
        if encoding in ("", "identity"):
            self._decoder: zlib._Decompress | None = None
        elif encoding in ("gzip", "x-gzip", "deflate"):
            self._decoder = zlib.decompressobj(GZIP_OR_ZLIB)
        else:
            raise UnsupportedEncodingError(f"unsupported content encoding {encoding!r}")
        self._deflate = encoding == "deflate"
        self._started = False
        self._limit = limit
        self._parts: list[bytes] = []
        self._size = 0

    def add(self, chunk: bytes) -> None:
        if self._decoder is None:
            self._append(chunk)
            return
        data = chunk
        while data:
            room = self._limit - self._size + 1
            try:
                out = self._decoder.decompress(data, room)
            except zlib.error:
                if not self._deflate or self._started:
                    raise
                # Some servers send raw deflate without the zlib header.
                self._decoder = zlib.decompressobj(RAW_DEFLATE)
                self._deflate = False
                continue
            self._started = True
            self._append(out)
            data = self._decoder.unconsumed_tail
            if self._decoder.eof:
                return

    def finish(self) -> bytes:
        if self._decoder is not None and not self._decoder.eof:
            self._append(self._decoder.flush())
        return b"".join(self._parts)

    def _append(self, data: bytes) -> None:
        self._size += len(data)
        if self._size > self._limit:
            raise BodyTooLargeError(self._limit)
        if data:
            self._parts.append(data)
