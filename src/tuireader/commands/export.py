"""`tuireader export`: annotated articles as Markdown files, without starting the UI."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tuireader import locations
from tuireader.commands import CommandError
from tuireader.commands.article_refs import article_refs, entries_named
from tuireader.commands.output import (
    collect_articles,
    display_path,
    exit_status,
    report_problem,
)
from tuireader.config import ConfigError, library_paths, load_config
from tuireader.export import (
    ExportError,
    export_articles,
    export_now,
    gather_many,
    parse_exported_at,
)
from tuireader.library import Article
from tuireader.store import Database
from tuireader.store.storage import StoreError
from tuireader.timeline import TimelineCache

NOTHING_TO_EXPORT = 1
"""Exit status when no article qualified: scripts notice that no file was written."""


def run_export(args: argparse.Namespace) -> int:
    try:
        exported_at = export_now() if args.exported_at is None else parse_exported_at(
            args.exported_at
        )
        refs = article_refs(args.paths, args.data_dir)
        explicit = [ref.path for ref in refs]
        paths: list[Path] = library_paths(explicit, load_config(),
                                           locations.data_dir(args.data_dir))
    except (ValueError, ConfigError) as error:
        raise CommandError(str(error)) from None
    articles, problems = collect_articles(paths, entries_named(refs))
    try:
        with Database(locations.data_dir(args.data_dir)) as db:
            if db.recovery_message:
                print(f"tuireader: {db.recovery_message}", file=sys.stderr)
            chosen = _chosen(db, articles, explicit, args.all)
            if not chosen:
                print(f"tuireader: {_nothing_message(articles, args.all)}", file=sys.stderr)
                return NOTHING_TO_EXPORT
            # the same cache the app fills, so a big library is analysed once
            cache = TimelineCache(locations.cache_dir(db.data_dir) / "timelines")
            items, unreadable = gather_many(db, chosen, cache.timeline)
            for problem in unreadable:
                report_problem(problem)
            problems += len(unreadable)
    except StoreError as error:  # StoreBusyError included
        raise CommandError(str(error)) from None
    try:
        # "." rather than the absolute cwd: printed paths stay as short as the user typed.
        out = Path(".") if args.out is None else args.out
        written = export_articles(items, out, args.combined, exported_at)
    except ExportError as error:
        raise CommandError(str(error)) from None
    for path in written:
        print(display_path(path))
    _warn_if_inside_library(written, paths)
    return exit_status(problems)


def _warn_if_inside_library(written: list[Path], library: list[Path]) -> None:
    """Exports are Markdown with front matter (and the article's id): written into a library
    folder, they would be scanned as articles next time."""
    folders = [path.resolve() for path in library if path.is_dir()]
    inside = [
        path for path in written
        if any(path.resolve().is_relative_to(folder) for folder in folders)
    ]
    if inside:
        print(
            f"tuireader: warning: {display_path(inside[0].parent)} is inside the library, so "
            "the exported files will be read as articles too; consider --out elsewhere",
            file=sys.stderr,
        )


def _chosen(
    db: Database, articles: list[Article], explicit: list[Path], everything: bool
) -> list[Article]:
    """Articles with notes; files named on the command line even without (like the app's
    open article); every article with `--all`."""
    if everything:
        return articles
    named = {path.resolve() for path in explicit if path.is_file()}
    with_notes = db.notes.article_ids_with_notes()
    return [a for a in articles if a.id in with_notes or a.path.resolve() in named]


def _nothing_message(articles: list[Article], everything: bool) -> str:
    if not articles:
        return "nothing to export: no articles found"
    count = f"{len(articles)} article{'s' if len(articles) != 1 else ''}"
    if everything:
        return f"nothing to export from {count}"
    return (
        f"nothing to export: none of the {count} has notes (add some with `a` in the app or "
        "`tuireader notes add`, name an article file, or pass --all)"
    )
