"""Turning an article file's bytes into text: detect the encoding, never assume it."""

from __future__ import annotations

import codecs
import errno
import re
import zlib
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


_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)"""
    rb"""|<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""",
    re.IGNORECASE,
)
_HEAD_PROBE = 65536
"""How far a page's charset declaration is looked for (browsers look at 1 KB, then sniff)."""
_BROWSER_CHARSETS = {"iso8859-1": "cp1252", "ascii": "cp1252", "latin-1": "cp1252"}
"""What browsers decode these declarations as (WHATWG Encoding): windows-1252."""


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
    return _checked(*_decode_raw(data))


def _checked(text: str, encoding: str) -> DecodedText:
    text = normalize_newlines(text).removeprefix("\ufeff")
    if not text.strip():
        raise DecodeError("empty file")
    if _looks_binary(text):
        raise DecodeError("binary file, not an article")
    return DecodedText(text, encoding)


def decode_markup(data: bytes) -> DecodedText:
    """Decode an HTML or XML page: a BOM, then valid UTF-8, then the charset its markup
    declares, then `decode`'s guess.

    Bytes that are valid UTF-8 are UTF-8 whatever the page says (a page re-saved as UTF-8
    often keeps its old declaration; legacy text is almost never valid UTF-8 by chance).
    """
    encoding = declared_charset(data)
    if encoding is None or any(data.startswith(bom) for bom, _ in _BOMS):
        return decode(data)
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return decode(data)
    return _checked(text, encoding)


def declared_charset(data: bytes) -> str | None:
    """The Python codec for the charset a page's `<meta>` or XML declaration names, if known.

    UTF-16 in a `<meta>` of bytes read as ASCII cannot be true; like browsers, read UTF-8.
    """
    match = _DECLARED_CHARSET.search(data, 0, _HEAD_PROBE)
    if match is None:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii").lower()
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    if name.startswith("utf-16") or name.startswith("utf-32"):
        return "utf-8"
    return _BROWSER_CHARSETS.get(name, name)


def gunzip(data: bytes, limit: int) -> bytes:
    """A gzip file's content, refusing more than `limit` bytes (a gzip bomb is never expanded)."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        content = inflater.decompress(data, limit + 1)
    except zlib.error as error:
        raise DecodeError("not a valid gzip file") from error
    if len(content) > limit:
        raise DecodeError(f"expands to more than {limit // 2**20} MB, too large for an article")
    if not inflater.eof:
        raise DecodeError("gzip file is truncated")
    return content


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
