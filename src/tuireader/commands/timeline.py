"""`tuireader timeline`: the dated events of articles, for people (rich) or scripts (JSON)."""

from __future__ import annotations

import argparse
from datetime import date, datetime
from typing import Any

from rich.console import Console
from rich.text import Text

from tuireader.commands.article_refs import article_refs, entries_named
from tuireader.commands.output import (
    collect_articles,
    console,
    display_path,
    exit_status,
    iso,
    report_problem,
    write_json_lines,
    write_table,
)
from tuireader.library import Article, ArticleText, LoadError, LoadProblem, read_text
from tuireader.timeline import Event, extract_timeline
from tuireader.timeline.entries import timeline_entries
from tuireader.timeline.labels import RESOLUTION_MARKS, trimmed

EXPRESSION_WIDTH = 24
"""On a terminal a long expression gives way to its sentence."""


def run_timeline(args: argparse.Namespace) -> int:
    refs = article_refs(args.paths, None)
    articles, problems = collect_articles([ref.path for ref in refs], entries_named(refs))
    out = console()
    for article in articles:
        try:
            text = read_text(article)
        except LoadError as error:
            report_problem(LoadProblem(error.path, error.reason))
            problems += 1
            continue
        reference: date | datetime | None = args.reference_date or article.date
        events = extract_timeline(text.body, reference)
        if args.json:
            write_json_lines([_as_json(article, text, reference, events)])
        else:
            _print_timeline(out, article, reference, events)
    return exit_status(problems)


def _as_json(
    article: Article, text: ArticleText, reference: date | datetime | None, events: list[Event]
) -> dict[str, Any]:
    return {
        "path": str(article.path),
        "title": article.title,
        "reference_date": iso(reference),
        "events": [event.to_json(offset=text.body_start) for event in events],
    }


def _print_timeline(
    out: Console, article: Article, reference: date | datetime | None, events: list[Event]
) -> None:
    out.print(Text(article.title, style="bold"))
    reference_text = iso(reference) or "none (relative dates stay unresolved)"
    out.print(Text(f"{display_path(article.path)} · reference date {reference_text}", style="dim"))
    entries = timeline_entries(events)
    rows = [
        [
            (entry.when, "cyan"),
            (RESOLUTION_MARKS[entry.event.resolution], ""),
            (entry.text, "bold"),
            (trimmed(entry.event.sentence, 400), ""),
        ]
        for entry in entries
    ]
    caps = {2: EXPRESSION_WIDTH} if out.is_terminal else None
    write_table(out, rows, flexible=3, caps=caps)
    if not entries:
        out.print(Text("no dated events found", style="dim"))
    others = [event for event in events if not event.placed]
    if others:
        summary = ", ".join(f"{event.text} ({event.value})" for event in others)
        out.print(Text(f"also: {summary}", style="dim"))
    out.print()
