"""Markdown articles with optional YAML front matter (title, date, source, author, tags, id)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from tuireader.library.formats.base import (
    Format,
    FormatError,
    ParsedMetadata,
    clean_tags,
    clean_text,
    read_date,
    skip_blank_lines,
)

_OPENING = re.compile(r"---[ \t]*\n")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_HEADING = re.compile(r"^ {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
_FENCE = re.compile(r"^ {0,3}(```|~~~)", re.MULTILINE)


def parse_markdown(content: str, path: Path) -> ParsedMetadata:
    """Front matter via PyYAML; the body offset is computed here, on the content itself."""
    warnings: list[str] = []
    fields: dict[str, Any] = {}
    opening = _OPENING.match(content)
    closing = _CLOSING.search(content, opening.end()) if opening else None
    if opening and closing is None:
        warnings.append("front matter has no closing '---' line; read as plain Markdown")
    if opening and closing:
        block = content[opening.end() : closing.start()]
        fields = _load_front_matter(block)
        body_start = skip_blank_lines(content, min(closing.end() + 1, len(content)))
    else:
        body_start = skip_blank_lines(content, 0)

    title = clean_text(fields.get("title")) or _first_heading(content, body_start) or path.stem
    raw_tags = fields.get("tags")
    if isinstance(raw_tags, str):
        tags = clean_tags(raw_tags.split(","))
    elif isinstance(raw_tags, list | tuple):
        tags = clean_tags(raw_tags)
    else:
        tags = clean_tags([raw_tags] if raw_tags is not None else [])
    return ParsedMetadata(
        title=title,
        body_start=body_start,
        date=read_date(fields.get("date"), warnings),
        source=clean_text(fields.get("source")),
        author=clean_text(fields.get("author")),
        tags=tags,
        id=clean_text(fields.get("id")),
        warnings=tuple(warnings),
    )


_FAST_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load_front_matter(block: str) -> dict[str, Any]:
    """Parsed with libyaml when present; a failure is re-parsed in Python for a clearer message."""
    try:
        loaded: object = yaml.load(block, Loader=_FAST_LOADER)
    except yaml.YAMLError:
        try:
            loaded = yaml.safe_load(block)
        except yaml.YAMLError as error:
            raise FormatError(_yaml_reason(error)) from error
    if loaded is None:
        return {}
    if not isinstance(loaded, dict):
        raise FormatError("front matter is not a list of 'key: value' lines")
    return {str(key).lower(): value for key, value in loaded.items()}


def _yaml_reason(error: yaml.YAMLError) -> str:
    """The message with a file line number: where the broken construct started, if earlier."""
    problem = getattr(error, "problem", None) or "could not be read"
    lines = [
        mark.line
        for mark in (getattr(error, "context_mark", None), getattr(error, "problem_mark", None))
        if mark is not None
    ]
    if lines:
        # +2: the block starts on the line after the opening '---', and marks count from 0.
        return f"front matter is not valid YAML (line {min(lines) + 2}: {problem})"
    return f"front matter is not valid YAML ({problem})"


def _first_heading(content: str, start: int) -> str | None:
    """The first level-1 ATX heading outside fenced code blocks."""
    in_fence = False
    for line in content[start:].split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if not in_fence:
            match = _HEADING.fullmatch(line)
            if match:
                return clean_text(match.group(1))
    return None


FORMAT = Format(name="md", suffixes=(".md", ".markdown"), parse=parse_markdown)
