"""What every sub-command shares: reporting load problems, JSON lines, safe console output."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.text import Text

from tuireader.library import Article, LoadProblem, iter_scan, sanitize

PIPE_WIDTH = 10_000
"""Output to a pipe or file is not cut to a terminal's width: scripts want whole lines."""


def console() -> Console:
    """A console that never interprets article text as markup or emoji codes."""
    width = None if sys.stdout.isatty() else PIPE_WIDTH
    return Console(markup=False, emoji=False, highlight=False, soft_wrap=False, width=width)


def report_problem(problem: LoadProblem) -> None:
    print(f"tuireader: skipped {display_path(problem.path)}: {problem.reason}", file=sys.stderr)


def collect_articles(paths: Sequence[Path]) -> tuple[list[Article], int]:
    """Scan `paths`, reporting each problem on stderr as it is met; returns (articles, problems)."""
    articles: list[Article] = []
    problems = 0
    for item in iter_scan(paths):
        if isinstance(item, LoadProblem):
            report_problem(item)
            problems += 1
        else:
            articles.append(item)
    return articles, problems


def display_path(path: Path) -> str:
    """A path safe to print: file names are untrusted too."""
    return sanitize(str(path))


def iso(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def write_json_lines(objects: Iterable[dict[str, Any]]) -> None:
    for item in objects:
        sys.stdout.write(json.dumps(item, ensure_ascii=False) + "\n")


def exit_status(problems: int) -> int:
    """1 when some input could not be used, so scripts notice partial results."""
    return 1 if problems else 0


def column_widths(
    rows: Sequence[Sequence[Text]], total: int, flexible: int, caps: dict[int, int] | None = None
) -> list[int]:
    """Each column as wide as its widest cell (cut to `caps`), the `flexible` one cut to what
    the line leaves. Rich tables collapse narrow columns to nothing when a no-wrap column is
    long, so lines are laid out here instead."""
    if not rows:
        return []
    count = len(rows[0])
    widths = [max(row[index].cell_len for row in rows) for index in range(count)]
    for index, cap in (caps or {}).items():
        widths[index] = min(widths[index], cap)
    fixed = sum(widths) - widths[flexible] + 2 * (count - 1)
    widths[flexible] = max(min(widths[flexible], total - fixed), 10)
    return widths


def layout_line(cells: Sequence[Text], widths: Sequence[int]) -> Text:
    """Cells cut to their widths with an ellipsis, padded but for the last, two spaces apart."""
    line = Text()
    for index, (cell, width) in enumerate(zip(cells, widths, strict=True)):
        cell = cell.copy()
        cell.truncate(width, overflow="ellipsis", pad=index < len(cells) - 1)
        if index:
            line.append("  ")
        line.append_text(cell)
    return line
