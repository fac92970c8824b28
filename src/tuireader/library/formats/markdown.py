"""Markdown articles with optional YAML front matter (title, date, source, author, tags, id,
and `feed` and `guid` for a fetched feed entry)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from tuireader.library.formats.base import (
    Format,
    FormatError,
    NotAnArticle,
    ParsedMetadata,
    clean_tags,
    clean_text,
    read_date,
    skip_blank_lines,
)
from tuireader.library.formats.simple_front_matter import simple_front_matter

EXPORT_MARK = "exported_at"
"""The front-matter key tuireader's Markdown export writes: such a file is not an article."""

_OPENING = re.compile(r"---[ \t]*\n")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_HEADING = re.compile(r"^ {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
_FENCE = re.compile(r"^ {0,3}(```|~~~)", re.MULTILINE)
_LIST_ITEM_LINE = re.compile(r"[ \t]+-[ \t]+(.*)$")
_RECOVERABLE_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:(?:[ \t]+(.*))?$")


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
        fields = _load_front_matter(block, warnings)
        if EXPORT_MARK in fields:
            raise NotAnArticle("a tuireader export (notes and timeline), not an article")
        body_start = skip_blank_lines(content, min(closing.end() + 1, len(content)))
    else:
        body_start = skip_blank_lines(content, 0)

    title = _text_field(fields, "title", warnings) or _first_heading(content, body_start)
    return ParsedMetadata(
        title=title or path.stem,
        body_start=body_start,
        date=read_date(fields.get("date"), warnings),
        source=_text_field(fields, "source", warnings),
        author=_text_field(fields, "author", warnings),
        tags=_tags_field(fields.get("tags"), warnings),
        id=_text_field(fields, "id", warnings),
        feed=_text_field(fields, "feed", warnings),
        guid=_text_field(fields, "guid", warnings),
        warnings=tuple(warnings),
    )


def _is_scalar(value: object) -> bool:
    return isinstance(value, str | int | float | date)


def _text_field(fields: dict[str, Any], key: str, warnings: list[str]) -> str | None:
    """A single value as text; lists and mappings are ignored (and never stringified whole)."""
    value = fields.get(key)
    if value is None:
        return None
    if not _is_scalar(value):
        warnings.append(f"front matter '{key}' is not a single value; ignored")
        return None
    return clean_text(value)


def _tags_field(value: object, warnings: list[str]) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return clean_tags(value.split(","))
    items = value if isinstance(value, list) else [value]
    if not all(_is_scalar(item) for item in items):
        warnings.append("front matter 'tags' has entries that are not single values; skipped")
    return clean_tags(item for item in items if _is_scalar(item))


def _timestamp_or_text(loader: Any, node: Any) -> object:
    """A timestamp YAML cannot place on a calendar (2022-02-30) stays text: read_date warns."""
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


class _LenientLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    pass


class _LenientPythonLoader(yaml.SafeLoader):  # type: ignore[misc]
    pass


_LenientLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)
_LenientPythonLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)

_FAST_LOADER: Any = _LenientLoader


def _load_front_matter(block: str, warnings: list[str]) -> dict[str, Any]:
    """Plain `key: value` lines by the fast reader; anything else by YAML (see `_load_yaml`).

    Front matter YAML refuses (`title: Dispatch 12: the vote`) costs the user neither the
    article nor its metadata: the reason is a warning and each line is read on its own.
    """
    loaded = simple_front_matter(block)
    if loaded is not None:
        return {str(key).lower(): value for key, value in loaded.items()}
    try:
        return _load_yaml(block)
    except FormatError as error:
        warnings.append(f"{error.reason}; read line by line")
        return _recover_lines(block)


def _recover_lines(block: str) -> dict[str, Any]:
    """Each `key: value` line of a block YAML refused, on its own: typed as YAML would type
    it where the line alone is valid (`date: 2022-09-01` is a date), else its text as written
    (`title: Dispatch 12: the vote`); indented `- item` lines under a key without a value are
    its list. Other lines are skipped."""
    fields: dict[str, Any] = {}
    key: str | None = None
    for line in block.split("\n"):
        item = _LIST_ITEM_LINE.match(line)
        if item is not None and key is not None and isinstance(fields[key], list | None):
            fields[key] = [*(fields[key] or []), _unquoted(item.group(1).strip())]
            continue
        match = _RECOVERABLE_LINE.match(line)
        if match is None:
            key = None
            continue
        key, text = match.group(1).lower(), (match.group(2) or "").strip()
        value = _line_value(line)
        fields[key] = value.get(key) if value is not None else _unquoted(text)
    return fields


def _line_value(line: str) -> dict[str, Any] | None:
    """The one-line mapping YAML makes of `line`, or None when it refuses it too."""
    loaded = simple_front_matter(line)
    if loaded is None:
        try:
            loaded = yaml.load(line, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            return None
    if not isinstance(loaded, dict):
        return None
    return {str(key).lower(): value for key, value in loaded.items()}


def _unquoted(text: str) -> str | None:
    """A value YAML refused, as written; one pair of matching outer quotes dropped."""
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        text = text[1:-1]
    return text or None


def _load_yaml(block: str) -> dict[str, Any]:
    """Parsed with libyaml when present; a failure is re-parsed in Python for a clearer message."""
    try:
        loaded: object = yaml.load(block, Loader=_FAST_LOADER)
    except yaml.YAMLError:
        try:
            loaded = yaml.load(block, Loader=_LenientPythonLoader)
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
