"""Plain-text articles: the first line is the title, then optional `Key: value` headers; a
text that starts with a paragraph is all body, titled by its first sentence."""

from __future__ import annotations

import re
from pathlib import Path

from tuireader.library.formats.base import (
    Format,
    ParsedMetadata,
    clean_tags,
    clean_text,
    read_date,
    skip_blank_lines,
)

_TITLE_LABEL = re.compile(r"title ?: ?(.+)", re.IGNORECASE)
_HEADER = re.compile(r"[ \t]*(date|source|author|tags)[ \t]*:[ \t]*(.*)", re.IGNORECASE)
TITLE_MAX = 160
"""A first line longer than this is a paragraph, not a title (headlines run to ~120)."""
SHORT_TITLE = 80
"""A title taken from a paragraph's first sentence is cut to this, at a word."""
_SENTENCE_END = re.compile(r"[.!?](?=\s+[\"“'(]?[A-Z])")


def parse_text(content: str, path: Path) -> ParsedMetadata:
    """Title (optionally labelled "Title:"), then header lines, then the body.

    Headers stop at the first line that is not one, so a body paragraph that happens to start
    with "Source:" after other prose is never eaten.
    """
    title_start = skip_blank_lines(content, 0)
    if title_start >= len(content):
        return ParsedMetadata(title=path.stem, body_start=len(content))
    title_end = _line_end(content, title_start)
    title = " ".join(content[title_start:title_end].split())
    labelled = _TITLE_LABEL.fullmatch(title)
    if labelled:
        title = labelled.group(1)
    elif len(title) > TITLE_MAX:  # no title line: the text starts with its first paragraph
        return ParsedMetadata(title=_first_sentence(title), body_start=title_start)

    headers: dict[str, str] = {}
    offset = skip_blank_lines(content, title_end)
    while offset < len(content):
        end = _line_end(content, offset)
        match = _HEADER.fullmatch(content, offset, end)
        if match is None:
            break
        headers.setdefault(match.group(1).lower(), match.group(2).strip())
        offset = end + 1
    body_start = skip_blank_lines(content, min(offset, len(content)))

    warnings: list[str] = []
    return ParsedMetadata(
        title=title or path.stem,
        body_start=body_start,
        date=read_date(headers.get("date") or None, warnings),
        source=clean_text(headers.get("source")),
        author=clean_text(headers.get("author")),
        tags=clean_tags(headers.get("tags", "").split(",")),
        warnings=tuple(warnings),
    )


def _first_sentence(paragraph: str) -> str:
    """The paragraph's first sentence as a title, cut at a word to `SHORT_TITLE`."""
    end = _SENTENCE_END.search(paragraph)
    sentence = paragraph[:end.start() + 1] if end else paragraph
    if len(sentence) <= SHORT_TITLE:
        return sentence
    return sentence[:SHORT_TITLE].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _line_end(content: str, offset: int) -> int:
    end = content.find("\n", offset)
    return len(content) if end == -1 else end


FORMAT = Format(name="txt", suffixes=(".txt", ".text"), parse=parse_text)
