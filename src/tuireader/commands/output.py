"""What every sub-command shares: reporting load problems, JSON lines, safe console output."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from rich.console import Console

from tuireader.library import Article, LoadProblem, iter_scan, sanitize


def console() -> Console:
    """A console that never interprets article text as markup or emoji codes."""
    return Console(markup=False, emoji=False, highlight=False, soft_wrap=False)


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
