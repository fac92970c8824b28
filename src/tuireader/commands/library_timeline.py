"""`tuireader timeline --library` (and `--from`, `--to`, `--format`): the rows of many
articles merged in date order, through the app's caches (rows per library, timelines per
article), so a warm run reads instead of analysing."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from tuireader import locations
from tuireader.commands import CommandError
from tuireader.commands.article_refs import article_refs, entries_named
from tuireader.commands.listing import indexed_articles
from tuireader.commands.output import (
    collect_articles,
    console,
    dated_rows,
    exit_status,
    report_problem,
    write_table,
)
from tuireader.commands.reference_dates import saved_reference_dates
from tuireader.config import library_paths, load_config
from tuireader.library import Article
from tuireader.store.reference_dates import redated
from tuireader.timeline.labels import DERIVED_MARK
from tuireader.timeline.library import Heading, LibraryTimeline
from tuireader.timeline.library_build import BuildProgress, library_row_cache
from tuireader.timeline.library_json import json_path, library_json_lines
from tuireader.timeline.library_merged import SelectedRows
from tuireader.timeline.library_open import open_library_timeline

WRITE_PIECES = 20_000
"""Pieces of JSON lines joined per write to stdout."""
TITLE_WIDTH = 30
"""On a terminal a long title gives way to the clause."""


def merged_mode(args: argparse.Namespace) -> bool:
    """Whether `timeline` prints merged rows rather than one timeline per article."""
    return bool(args.library or args.format or args.since or args.until)


def run_library_timeline(args: argparse.Namespace) -> int:
    if args.reference_date is not None:
        raise CommandError("timeline: --reference-date works on single timelines, not with "
                           "--library, --from, --to or --format")
    data = locations.data_dir(args.data_dir)
    paths, articles, problems = _articles(args, data)
    given = saved_reference_dates(data)  # dates given with D in the app
    if given:
        articles = [redated(article, given) for article in articles]
    cache, timelines = library_row_cache(locations.cache_dir(data), paths)
    opened = open_library_timeline(articles, cache, timelines, progress=_progress_line(),
                                   whole_library=args.library, since=args.since,
                                   until=args.until)
    for problem in opened.problems:
        report_problem(problem)
    if opened.save_error is not None:
        print(f"tuireader: {opened.save_error}", file=sys.stderr)
    timeline = opened.timeline
    assert timeline is not None  # nothing cancels it here
    fmt: str | None = args.format or ("json" if args.json else None)
    if fmt is None:
        _print_lines(timeline)
    elif fmt == "json" and isinstance(timeline.rows, SelectedRows):
        _write_json(timeline.rows, json_path(cache.merged_path))
    else:
        from tuireader.export.library_timeline import FORMATS, render

        sys.stdout.write(render(timeline, FORMATS[FORMATS.index(fmt)]))
        sys.stdout.flush()
    return exit_status(problems + len(opened.problems))


def _write_json(rows: SelectedRows, path: Path) -> None:
    """JSON lines from the bytes encoded by an earlier run (`library_json`)."""
    out = sys.stdout.buffer
    sys.stdout.flush()
    pieces: list[bytes | memoryview] = []
    for piece in library_json_lines(rows, path):
        pieces.append(piece)
        if len(pieces) >= WRITE_PIECES:
            out.write(b"".join(pieces))
            pieces.clear()
    # The whole library is one piece (mapped): written as it is, never copied.
    out.write(pieces[0] if len(pieces) == 1 else b"".join(pieces))
    out.flush()


def _articles(args: argparse.Namespace, data: Path) -> tuple[list[Path], list[Article], int]:
    if args.library:
        paths = library_paths(args.paths, load_config(), data)
        articles, problems = indexed_articles(paths, data)
        return paths, articles, problems
    refs = article_refs(args.paths, args.data_dir)
    paths = [ref.path for ref in refs]
    articles, problems = collect_articles(paths, entries_named(refs))
    return paths, articles, problems


def _progress_line() -> Callable[[BuildProgress], None] | None:
    """"computing timelines 120 / 10,000" on a terminal's stderr while a cold build runs."""
    if not sys.stderr.isatty():
        return None
    shown = False

    def progress(step: BuildProgress) -> None:
        nonlocal shown
        if step.computed:
            shown = True
            sys.stderr.write(f"\rcomputing timelines {step.done:,} / {step.total:,}")
        if shown and step.done == step.total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return progress


def _print_lines(timeline: LibraryTimeline) -> None:
    out = console()
    caps = {2: TITLE_WIDTH} if out.is_terminal else None
    table: list[list[tuple[str, str]]] = []
    for line in timeline.lines:
        if isinstance(line, Heading):
            if table:
                write_table(out, table, flexible=3, caps=caps)
                table = []
            out.file.write("  " * line.level + line.text + "\n")
        else:
            table += dated_rows(line.short_when, line.when, [
                (DERIVED_MARK if line.derived else "", ""), (line.article.title, "bold"),
                (line.label, "")])
    write_table(out, table, flexible=3, caps=caps)
    if not timeline.rows:
        out.file.write("no dated events found\n")
    out.file.flush()
