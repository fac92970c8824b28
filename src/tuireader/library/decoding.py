"""Turning an article file's bytes into text: detect the encoding, never assume it."""

from __future__ import annotations

import codecs
import errno
import re
from dataclasses import dataclass

BINARY_PROBE = 8192
"""How many leading bytes are checked for NUL bytes, the surest sign of a binary file."""

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_WESTERN = "cp1252"
_WESTERN_SLACK = 0.1
_MAX_CONTROL_RATIO = 0.1
_UTF16_NUL_SHARE = 0.5
_UTF16_STRAY_NULS = 0.02
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ue000-\uf8ff]")
"""Control characters no text file has many of (tab, newlines, form feed excluded), and private
use code points, which a wrong guess at a binary file's encoding tends to produce."""


class DecodeError(ValueError):
    """The bytes are not text we can show; `reason` is meant for the user."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str
    """Universal newlines, no BOM; not yet sanitised."""
    encoding: str


def decode(data: bytes) -> DecodedText:
    """Decode an article file: BOM first, then strict UTF-8, then charset-normalizer's guess.

    Raises DecodeError for empty and binary files.
    """
    if not data.strip():
        raise DecodeError("empty file")
    text, encoding = _decode_raw(data)
    text = normalize_newlines(text).removeprefix("\ufeff")
    if not text.strip():
        raise DecodeError("empty file")
    if _looks_binary(text):
        raise DecodeError("binary file, not an article")
    return DecodedText(text, encoding)


def normalize_newlines(text: str) -> str:
    """Universal newlines, as `open()` would do: CRLF and lone CR become LF."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def os_reason(error: OSError) -> str:
    """An OSError in plain words, without the errno number or the path."""
    plain = {
        errno.ENOENT: "no such file or directory",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.EISDIR: "is a directory, not a file",
        errno.ENOTDIR: "a part of the path is not a folder",
        errno.ELOOP: "too many levels of symbolic links",
        errno.ENAMETOOLONG: "file name too long",
        errno.EIO: "input/output error while reading",
    }
    if error.errno in plain:
        return plain[error.errno]
    if error.strerror:
        return error.strerror[0].lower() + error.strerror[1:]
    return str(error) or type(error).__name__


def _decode_raw(data: bytes) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding.removesuffix("-le").removesuffix(
                    "-be"
                )
            except UnicodeDecodeError as error:
                raise DecodeError(
                    f"starts with a {encoding} byte order mark but is not valid {encoding}"
                ) from error
    if b"\x00" in data[:BINARY_PROBE]:
        utf16 = _utf16_without_bom(data)
        try:
            if utf16 is not None:
                return data.decode(utf16), "utf-16"
        except UnicodeDecodeError:
            pass
        raise DecodeError("binary file, not an article")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _guess(data)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 of mostly Latin text has a NUL in every other byte, and only there."""
    probe = data[:BINARY_PROBE]
    if len(data) % 2 or len(probe) < 2:
        return None
    even_nuls = probe[0::2].count(0) / (len(probe) // 2)
    odd_nuls = probe[1::2].count(0) / (len(probe) // 2)
    if odd_nuls > _UTF16_NUL_SHARE and even_nuls < _UTF16_STRAY_NULS:
        return "utf-16-le"
    if even_nuls > _UTF16_NUL_SHARE and odd_nuls < _UTF16_STRAY_NULS:
        return "utf-16-be"
    return None


def _guess(data: bytes) -> tuple[str, str]:
    """charset-normalizer's best match, biased to cp1252 when that is nearly as plausible.

    Short Western-European texts ("café") are often scored a hair better as cp1250/cp1257,
    which would garble them; news articles are far more often cp1252.
    """
    from charset_normalizer import from_bytes  # Deferred: only non-UTF-8 files need it.

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise DecodeError("binary file, not an article")
    for match in matches:
        if _WESTERN in match.could_be_from_charset and match.chaos <= best.chaos + _WESTERN_SLACK:
            return data.decode(_WESTERN, errors="replace"), _WESTERN
    return str(best), best.encoding


def _looks_binary(text: str) -> bool:
    sample = text[:BINARY_PROBE]
    if _CONTROL.search(sample) is None:
        return False
    return len(_CONTROL.findall(sample)) > len(sample) * _MAX_CONTROL_RATIO
