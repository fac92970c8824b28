"""Article formats by file suffix: adding one (HTML, RSS/Atom) is one module plus one line here."""

from __future__ import annotations

from pathlib import Path

from tuireader.library.formats import markdown, text
from tuireader.library.formats.base import (
    Format,
    FormatError,
    NotAnArticle,
    ParsedMetadata,
    Parser,
)

FORMATS: tuple[Format, ...] = (text.FORMAT, markdown.FORMAT)

_BY_SUFFIX: dict[str, Format] = {suffix: fmt for fmt in FORMATS for suffix in fmt.suffixes}


def format_for(path: Path) -> Format | None:
    """The format handling this file's suffix (case-insensitive), or None."""
    return _BY_SUFFIX.get(path.suffix.lower())


def supported_suffixes() -> frozenset[str]:
    return frozenset(_BY_SUFFIX)


__all__ = [
    "FORMATS",
    "Format",
    "FormatError",
    "NotAnArticle",
    "ParsedMetadata",
    "Parser",
    "format_for",
    "supported_suffixes",
]
