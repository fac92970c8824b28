"""What every format module provides: a parser from decoded text to metadata."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from tuireader.library.dates import DateNotUnderstood, parse_date
from tuireader.library.decoding import DecodedText, decode


class FormatError(ValueError):
    """The content is broken in a way the user must fix (e.g. invalid front matter)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class NotAnArticle(FormatError):
    """A file of a supported type that is not an article (our own Markdown export, say).

    Found while walking a folder it is skipped without a word; named on its own, the reason
    is shown like any other problem.
    """


@dataclass(frozen=True, slots=True)
class ParsedMetadata:
    """A parser's result: a pure function of (content, path), so it can be cached later."""

    title: str
    body_start: int
    date: date | datetime | None = None
    source: str | None = None
    author: str | None = None
    tags: tuple[str, ...] = ()
    id: str | None = None
    warnings: tuple[str, ...] = ()
    feed: str | None = None
    text: str | None = None
    """The readable text that replaces the file's content (a web page's extracted article);
    `body_start` is then an offset into it."""
    entry: str | None = None
    """Which of the file's articles this is (a feed entry's key); see `Article.entry`."""
    guid: str | None = None
    """A fetched entry file's guid; see `Article.guid`."""


Parser = Callable[[str, Path], ParsedMetadata]
"""(sanitised content, path) -> metadata; raises FormatError for content it cannot accept."""


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    suffixes: tuple[str, ...]
    """Lowercase, with the dot: (".md", ".markdown")."""
    parse: Parser
    decode: Callable[[bytes], DecodedText] = decode
    """The file's bytes as text (markup formats honour the charset they declare)."""


def read_date(value: object, warnings: list[str]) -> date | datetime | None:
    """A date, or None plus a warning: a bad date never costs the user the article."""
    try:
        return parse_date(value)
    except DateNotUnderstood as problem:
        warnings.append(str(problem))
        return None


def clean_tags(values: Iterable[object]) -> tuple[str, ...]:
    """Stripped, non-empty, first occurrence kept."""
    tags: dict[str, None] = {}
    for value in values:
        tag = " ".join(str(value).split())
        if tag:
            tags.setdefault(tag, None)
    return tuple(tags)


def clean_text(value: object) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def skip_blank_lines(content: str, offset: int) -> int:
    """The offset of the first line at or after `offset` with non-whitespace on it."""
    length = len(content)
    while offset < length:
        end = content.find("\n", offset)
        line_end = length if end == -1 else end
        if content[offset:line_end].strip():
            return offset
        if end == -1:
            return length
        offset = end + 1
    return length
