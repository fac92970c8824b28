"""`tuireader list`: the library with reading state."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from tuireader import locations
from tuireader.commands.output import (
    console,
    display_path,
    exit_status,
    iso,
    report_problem,
    report_skipped,
    write_json_lines,
    write_table,
)
from tuireader.config import library_paths, load_config
from tuireader.library import Article
from tuireader.library.catalog import Catalog
from tuireader.store import Database
from tuireader.store.reading_state import ReadingState

PATH_WIDTH = 40
"""On a terminal the path column gives way to titles; to a pipe everything is written whole."""


def run_list(args: argparse.Namespace) -> int:
    data_dir = locations.data_dir(args.data_dir)
    paths: list[Path] = library_paths(args.paths, load_config(), data_dir)
    articles, problems = indexed_articles(paths, data_dir)
    if not articles and not problems:  # an empty output alone leaves a user wondering why
        where = ", ".join(display_path(path) for path in paths)
        print(f"tuireader: no articles found in {where}; give folders of .txt, .md, .html "
              "or feed files", file=sys.stderr)
    with Database(data_dir) as db:
        states = db.reading.all()
    default = ReadingState(article_id="")
    if args.json:
        write_json_lines(_as_json(article, states.get(article.id, default)) for article in articles)
    else:
        _print_table(articles, states, default)
    report_warnings(articles)
    return exit_status(problems)


def report_warnings(articles: list[Article]) -> None:
    """What the app's ⚠ says, once per file (a feed file's entries share theirs): the
    article was read, but something in its file should be fixed."""
    said: set[tuple[Path, str]] = set()
    for article in articles:
        for warning in article.warnings:
            if (article.path, warning) not in said:
                said.add((article.path, warning))
                print(f"tuireader: warning: {display_path(article.path)}: {warning}",
                      file=sys.stderr)


def indexed_articles(paths: list[Path], data_dir: Path) -> tuple[list[Article], int]:
    """The library in the app's order, through the app's index: a warm list re-reads only
    files that changed since the last run."""
    catalog = Catalog(paths, locations.cache_dir(data_dir))
    result = catalog.refresh()
    for problem in result.problems:
        report_problem(problem)
    report_skipped(result.skipped)
    message = catalog.save()
    if message:
        print(f"tuireader: {message}", file=sys.stderr)
    return result.articles, len(result.problems)


def _as_json(article: Article, state: ReadingState) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "date": iso(article.date),
        "path": str(article.path),
        "source": article.source,
        "author": article.author,
        "tags": list(article.tags),
        "read": state.read,
        "starred": state.starred,
        "entry": feed_entry(article),
        "warnings": list(article.warnings),
    }


def feed_entry(article: Article) -> str | None:
    """Which entry of its feed an article is: a feed file's entry, a fetched entry file's
    guid, else its link, as the feed identifies an entry; None for any other article."""
    if article.entry is not None:
        return article.entry
    if article.feed is not None:
        return article.guid or article.source
    return None


def _print_table(
    articles: list[Article], states: dict[str, ReadingState], default: ReadingState
) -> None:
    out = console()
    rows = []
    for article in articles:
        state = states.get(article.id, default)
        marks = ("●" if not state.read else " ") + ("★" if state.starred else " ") + (
            "⚠" if article.warnings else " ")
        rows.append([
            (marks, "cyan"),
            (article.date.strftime("%Y-%m-%d") if article.date else "", ""),
            (article.title, "dim" if state.read else "bold"),
            (display_path(article.path), "dim"),
        ])
    caps = {3: PATH_WIDTH} if out.is_terminal else None
    write_table(out, rows, flexible=2, caps=caps)
