"""The library timeline as Markdown, CSV or JSON lines: for `tuireader timeline --format` and
`e` in the app's library timeline (plain Python, no Textual)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Literal

from tuireader.atomic import atomic_write
from tuireader.export.escaping import blockquote, escape_inline, one_line
from tuireader.json_lines import json_line
from tuireader.timeline.labels import DERIVED_MARK
from tuireader.timeline.library import Heading, LibraryTimeline
from tuireader.timeline.library_row import LibraryRow

Format = Literal["md", "csv", "json"]
FORMATS: tuple[Format, ...] = ("md", "csv", "json")
SUFFIXES: dict[Format, str] = {"md": ".md", "csv": ".csv", "json": ".jsonl"}
CSV_COLUMNS = ("date", "start", "end", "granularity", "value", "end_value", "label", "context",
               "derived", "article_id", "title", "path", "anchor")
HEADING_MARKS = ("##", "###", "####")
"""Year, month and day headings under the document's `#` title."""


def render(timeline: LibraryTimeline, fmt: Format) -> str:
    if fmt == "md":
        return render_markdown(timeline)
    if fmt == "csv":
        return render_csv(timeline.rows)
    return render_json_lines(timeline.rows)


def render_json_lines(rows: Sequence[LibraryRow]) -> str:
    """One `LibraryRow.to_json` object per line. An article's part (its id, path and title)
    is encoded once for all of its rows: the same bytes, a third less work at 300k rows."""
    heads: dict[int, str] = {}
    lines = []
    for row in rows:
        head = heads.get(id(row.article))
        if head is None:
            head = heads[id(row.article)] = json_line(row.article_json())[:-2] + ", "
        lines.append(head + json_line(row.row_json())[1:])
    return "".join(lines)


def render_markdown(timeline: LibraryTimeline) -> str:
    """Headings by year, month and day; each row its date, article (linked to its file)
    and clause (quoted)."""
    rows = len(timeline.rows)
    lines = ["# Library timeline", "",
             f"{rows:,} dated rows from {timeline.articles:,} articles.", ""]
    for line in timeline.lines:
        if isinstance(line, Heading):
            lines += [f"{HEADING_MARKS[line.level]} {line.text}", ""]
        else:
            lines += _markdown_row(line)
    return "\n".join(lines).rstrip("\n") + "\n"


def _markdown_row(row: LibraryRow) -> list[str]:
    title = escape_inline(one_line(row.article.title)) or "untitled"
    target = row.article.path.as_posix().replace(">", "%3E").replace("<", "%3C")
    mark = f" ({DERIVED_MARK})" if row.derived else ""
    head = f"- **{escape_inline(row.when)}**{mark} [{title}](<{target}>)"
    aside = f" ({one_line(row.aside)})" if row.aside else ""
    quoted = ["  " + line for line in blockquote(one_line(row.label) + aside)]
    return [head, *quoted, ""]


def render_csv(rows: Sequence[LibraryRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        data = row.to_json()
        writer.writerow([row.when, row.start, row.end, row.granularity, row.value,
                         row.end_value or "", one_line(row.label), row.context,
                         "yes" if row.derived else "", data["article_id"], one_line(data["title"]),
                         data["path"], data["anchor"]])
    return out.getvalue()


def write_export(timeline: LibraryTimeline, folder: Path, fmt: Format, now: datetime) -> Path:
    """A new file `library-timeline-YYYYMMDD-HHMMSS` in `folder` (never over another file).
    Raises OSError."""
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"library-timeline-{now:%Y%m%d-%H%M%S}"
    path = folder / f"{stem}{SUFFIXES[fmt]}"
    number = 1
    while path.exists():
        number += 1
        path = folder / f"{stem}-{number}{SUFFIXES[fmt]}"
    atomic_write(path, render(timeline, fmt).encode("utf-8"), mode=0o644)
    return path
