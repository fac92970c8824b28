"""Article formats by file suffix: adding one is one module plus one line here.

Feeds (`feed.py`) are told by their content, whatever the suffix, and give several articles
per file; `loading` sends a file to them before looking at the suffix.
"""

from __future__ import annotations

from pathlib import Path

from tuireader.library.formats import feed, html, markdown, text
from tuireader.library.formats.base import (
    Format,
    FormatError,
    NotAnArticle,
    ParsedMetadata,
    Parser,
)

FORMATS: tuple[Format, ...] = (text.FORMAT, markdown.FORMAT, html.FORMAT)

_BY_SUFFIX: dict[str, Format] = {suffix: fmt for fmt in FORMATS for suffix in fmt.suffixes}


COMPRESSED_SUFFIX = ".gz"
"""A format may list "<suffix>.gz" too: such files are read through gzip."""


def format_for(path: Path) -> Format | None:
    """The format handling this file's suffix (case-insensitive), or None."""
    return format_for_name(path.name)


def format_for_name(name: str) -> Format | None:
    """`format_for` on a bare file name ("page.html.gz" is looked up by ".html.gz")."""
    dot = name.rfind(".")
    if dot <= 0 or dot == len(name) - 1:
        return None
    suffix = name[dot:].lower()
    if suffix == COMPRESSED_SUFFIX:
        inner = name.rfind(".", 0, dot)
        return _BY_SUFFIX.get(name[inner:].lower()) if inner > 0 else None
    return _BY_SUFFIX.get(suffix)


def supported_suffixes() -> frozenset[str]:
    """Suffixes of the files the library reads (feeds too, though a feed is read whatever its
    suffix)."""
    feeds = frozenset(feed.SUFFIXES)
    return frozenset(_BY_SUFFIX) | feeds | {suffix + COMPRESSED_SUFFIX for suffix in feeds}


def is_feed_name(name: str) -> bool:
    """Whether the file name has a suffix feeds usually have (".xml", ".rss"..., and
    those gzipped: ".xml.gz")."""
    return name.lower().removesuffix(COMPRESSED_SUFFIX).endswith(feed.SUFFIXES)


__all__ = [
    "COMPRESSED_SUFFIX",
    "FORMATS",
    "Format",
    "FormatError",
    "NotAnArticle",
    "ParsedMetadata",
    "Parser",
    "format_for",
    "format_for_name",
    "is_feed_name",
    "supported_suffixes",
]
