"""`tuireader list`: the library with reading state."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from rich.text import Text

from tuireader import locations
from tuireader.commands.output import (
    collect_articles,
    columns,
    console,
    display_path,
    exit_status,
    iso,
    write_json_lines,
)
from tuireader.config import library_paths, load_config
from tuireader.library import Article
from tuireader.store import Database
from tuireader.store.reading_state import ReadingState


def run_list(args: argparse.Namespace) -> int:
    paths: list[Path] = library_paths(args.paths, load_config())
    articles, problems = collect_articles(paths)
    with Database(locations.data_dir(args.data_dir)) as db:
        states = db.reading.all()
    default = ReadingState(article_id="")
    if args.json:
        write_json_lines(_as_json(article, states.get(article.id, default)) for article in articles)
    else:
        _print_table(articles, states, default)
    return exit_status(problems)


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
    }


def _print_table(
    articles: list[Article], states: dict[str, ReadingState], default: ReadingState
) -> None:
    out = console()
    path_width = min(max((len(display_path(a.path)) for a in articles), default=4), 40)
    for article in articles:
        state = states.get(article.id, default)
        marks = ("●" if not state.read else " ") + ("★" if state.starred else " ")
        date_text = article.date.strftime("%Y-%m-%d") if article.date else ""
        line = columns(
            [
                (Text(marks, style="cyan"), 2),
                (Text(date_text), 10),
                (Text(article.title, style="dim" if state.read else "bold"), None),
                (Text(display_path(article.path), style="dim"), path_width),
            ],
            out.width,
        )
        out.print(line)
