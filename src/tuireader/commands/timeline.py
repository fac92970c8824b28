"""`tuireader timeline`: the dated events of articles, for people (rich) or scripts (JSON)."""

from __future__ import annotations

import argparse
from datetime import date, datetime
from typing import Any

from rich.console import Console
from rich.text import Text

from tuireader.commands import CommandError
from tuireader.commands.article_refs import article_refs, entries_named
from tuireader.commands.output import (
    collect_articles,
    console,
    dated_rows,
    display_path,
    exit_status,
    iso,
    report_problem,
    write_json_lines,
    write_table,
)
from tuireader.commands.reference_dates import saved_reference_dates
from tuireader.library import Article, ArticleText, LoadError, LoadProblem, read_text
from tuireader.locations import cache_dir, data_dir
from tuireader.store.reference_dates import redated
from tuireader.timeline import Event, TimelineCache
from tuireader.timeline.event import EventType, Resolution
from tuireader.timeline.labels import DERIVED_MARK, RESOLUTION_MARKS, interval_label, trimmed
from tuireader.timeline.rows import TimelineRow, timeline_rows

EXPRESSION_WIDTH = 24
"""On a terminal a long expression gives way to its sentence."""


def _label(row: TimelineRow) -> str:
    """The row's clause, then its other expressions ("end of August") or what its date was
    derived from, in brackets."""
    label = trimmed(row.label, 400)
    return f"{label} ({row.aside})" if row.aside else label


ASIDE_KINDS = ("unresolved", "not dated here", "how long", "how often", "no date")
"""The also line's groups, in the order it shows them."""


def _aside_kind(event: Event) -> str:
    """Why an expression makes no row, in a reader's words: a date the reference date would
    resolve, a calendar value judged no date in its sentence (a match's "second half", "the
    1990s"), a duration, a set, or a reference to no date ("now", "recent years")."""
    if event.type is EventType.DURATION:
        return "how long"
    if event.type is EventType.SET:
        return "how often"
    if event.placed:
        return "not dated here"
    if event.resolution is Resolution.UNRESOLVED and "X" in event.value:
        return "unresolved"
    return "no date"


def also_line(events: list[Event]) -> str:
    """"also: how long: 11 hours, 55 minutes · not dated here: the second half" (TIMEX
    values such as PT11H stay in --json); an expression said twice is listed once."""
    groups: dict[str, list[str]] = {}
    for event in events:
        groups.setdefault(_aside_kind(event), []).append(" ".join(event.text.split()))
    return "also: " + " · ".join(f"{kind}: {', '.join(dict.fromkeys(groups[kind]))}"
                                 for kind in ASIDE_KINDS if kind in groups)


def run_timeline(args: argparse.Namespace) -> int:
    from tuireader.commands.library_timeline import merged_mode, run_library_timeline

    if merged_mode(args):
        return run_library_timeline(args)
    if not args.paths:
        raise CommandError("timeline: give article files or folders, or --library")
    refs = article_refs(args.paths, None)
    articles, problems = collect_articles([ref.path for ref in refs], entries_named(refs))
    out = console()
    # The app's cache: an article it has shown (or a CLI run has seen) is not extracted again.
    folder = data_dir(getattr(args, "data_dir", None))
    cache = TimelineCache(cache_dir(folder) / "timelines")
    given = {} if args.reference_date else saved_reference_dates(folder)  # `D` in the app
    for article in articles:
        article = redated(article, given)
        try:
            text = read_text(article)
        except LoadError as error:
            report_problem(LoadProblem(error.path, error.reason))
            problems += 1
            continue
        reference: date | datetime | None = args.reference_date or article.date
        events = cache.timeline(text.body, reference)
        rows = timeline_rows(text.body, events)
        if args.json:
            write_json_lines([_as_json(article, text, reference, events, rows)])
        else:
            _print_timeline(out, article, reference, events, rows)
    return exit_status(problems)


def _as_json(
    article: Article, text: ArticleText, reference: date | datetime | None, events: list[Event],
    rows: list[TimelineRow],
) -> dict[str, Any]:
    """`events`: one per expression, as before rows existed; `rows`: what a reader sees."""
    return {
        "path": str(article.path),
        "title": article.title,
        "reference_date": iso(reference),
        "events": [event.to_json(offset=text.body_start) for event in events],
        "rows": [row.to_json(offset=text.body_start) for row in rows],
    }


def _print_timeline(
    out: Console, article: Article, reference: date | datetime | None, events: list[Event],
    rows: list[TimelineRow],
) -> None:
    out.print(Text(article.title, style="bold"))
    reference_text = iso(reference) or (
        "none: relative dates stay unresolved (--reference-date YYYY-MM-DD, or D in the "
        "app, gives one)")
    out.print(Text(f"{display_path(article.path)} · reference date {reference_text}", style="dim"))
    table = [
        line
        for row in rows
        for line in dated_rows(interval_label(row.interval, compact=True),
                               interval_label(row.interval), [
            (DERIVED_MARK if row.derived_from else RESOLUTION_MARKS[row.event.resolution], ""),
            (row.text, "bold"),
            (_label(row), ""),
        ])
    ]
    caps = {2: EXPRESSION_WIDTH} if out.is_terminal else None
    write_table(out, table, flexible=3, caps=caps)
    if not rows:
        out.print(Text("no dated events found", style="dim"))
    shown = {event.id for row in rows for event in row.events}
    others = [event for event in events if event.id not in shown]
    if others:
        out.print(Text(also_line(others), style="dim"))
    out.print()
