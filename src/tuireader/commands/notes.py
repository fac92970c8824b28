"""`tuireader notes list|add`: notes from scripts, without starting the UI."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.text import Text

from tuireader import locations
from tuireader.commands import CommandError
from tuireader.commands.article_refs import article_refs, entries_named
from tuireader.commands.cat import load_one
from tuireader.commands.output import (
    collect_articles,
    console,
    display_path,
    exit_status,
    report_problem,
    write_json_lines,
)
from tuireader.commands.reference_dates import saved_reference_dates
from tuireader.config import ConfigError, library_paths, load_config
from tuireader.library import (
    Article,
    ArticleText,
    LoadError,
    LoadProblem,
    read_text,
    sanitize,
)
from tuireader.store import (
    AnchorStatus,
    Database,
    Note,
    NoteAnchor,
    SaveFailedError,
    StoreError,
    locate,
)
from tuireader.timeline import extract_timeline
from tuireader.timeline.labels import trimmed


def run_notes(args: argparse.Namespace) -> int:
    try:
        if args.notes_command == "add":
            return _run_add(args)
        return _run_list(args)
    except SaveFailedError as error:  # disk full, read-only data dir: nothing was saved
        print(f"tuireader: {error}", file=sys.stderr)
        return 1
    except StoreError as error:  # StoreBusyError included
        raise CommandError(str(error)) from None


def _open_database(args: argparse.Namespace) -> Database:
    db = Database(locations.data_dir(args.data_dir))
    if db.recovery_message:
        print(f"tuireader: {db.recovery_message}", file=sys.stderr)
    return db


def _run_list(args: argparse.Namespace) -> int:
    try:
        refs = article_refs(args.paths, args.data_dir)
        explicit = [ref.path for ref in refs]
        paths: list[Path] = library_paths(explicit, load_config(),
                                           locations.data_dir(args.data_dir))
    except ConfigError as error:
        raise CommandError(str(error)) from None
    articles, problems = collect_articles(paths, entries_named(refs))
    with _open_database(args) as db:
        notes = db.notes.all()
    by_article: dict[str, list[Note]] = {}
    for note in notes:
        by_article.setdefault(note.article_id, []).append(note)
    out = console()
    shown = 0
    for article in articles:
        article_notes = by_article.pop(article.id, [])
        if not article_notes:
            continue
        try:
            text = read_text(article)
        except LoadError as error:
            report_problem(LoadProblem(error.path, error.reason))
            problems += 1
            continue
        rows = sorted((_listed(note, text) for note in article_notes), key=_listed_order)
        shown += len(rows)
        if args.json:
            write_json_lines(_as_json(article, text, row) for row in rows)
        else:
            _print_article(out, article, rows)
    if not explicit and by_article:
        count = sum(len(group) for group in by_article.values())
        print(
            f"tuireader: {count} note{'s' if count != 1 else ''} belong to articles not "
            "found in the library",
            file=sys.stderr,
        )
    if not shown and not args.json:
        out.print(Text("no notes", style="dim"))
    return exit_status(problems)


Listed = tuple[Note, str, int | None, int | None, str | None]
"""(note, status, start, end, quote): start/end are body offsets now (None: not found)."""


def _listed(note: Note, text: ArticleText) -> Listed:
    if note.anchor is None:
        return (note, "article", None, None, None)
    found = locate(note.anchor, text.body)
    if found.status is AnchorStatus.ORPHANED:
        return (note, str(found.status), None, None, note.anchor.quote)
    return (note, str(found.status), found.start, found.end, text.body[found.start : found.end])


def _listed_order(row: Listed) -> tuple[bool, int, str, str]:
    note, _, start, _, _ = row
    return (start is None, start or 0, note.created.isoformat(), note.id)


def _as_json(article: Article, text: ArticleText, row: Listed) -> dict[str, Any]:
    note, status, start, end, quote = row
    return {
        "id": note.id,
        "article_id": note.article_id,
        "path": str(article.path),
        "title": article.title,
        "text": note.text,
        "quote": quote,
        "start": None if start is None else start + text.body_start,
        "end": None if end is None else end + text.body_start,
        "body_start": text.body_start,
        "event_id": note.event_id,
        "event_value": note.event_value,
        "created": note.created.isoformat(),
        "updated": note.updated.isoformat(),
        "status": status,
    }


def _print_article(out: Console, article: Article, rows: list[Listed]) -> None:
    out.print(Text(article.title, style="bold"))
    out.print(Text(display_path(article.path), style="dim"))
    for note, status, _, _, quote in rows:
        if quote is not None:
            out.print(Text(f"  “{trimmed(sanitize(quote), 76)}”", style="italic"))
        for line in sanitize(note.text).splitlines() or [""]:
            out.print(Text(f"    {line}"))
        event = f"event {sanitize(note.event_value)} · " if note.event_value else ""
        meta = Text(f"    {event}updated {note.updated:%Y-%m-%d %H:%M} · {note.id}", style="dim")
        if status == str(AnchorStatus.ORPHANED):
            meta.append("  ORPHANED: passage not found", style="bold red")
        out.print(meta)
    out.print()


def _run_add(args: argparse.Namespace) -> int:
    note_text: str = sys.stdin.read() if args.text == "-" else args.text
    loaded = load_one(args.path, args.data_dir)
    article, body = loaded.article, loaded.text.body
    anchor: NoteAnchor | None = None
    if args.quote is not None:
        start, end = _find_quote(args.path, body, args.quote, args.occurrence)
        anchor = NoteAnchor.from_text(body, start, end)
    elif args.occurrence is not None:
        raise CommandError("--occurrence picks among the matches of --quote; give --quote too")
    event_id = event_value = None
    if args.event is not None:
        given = saved_reference_dates(locations.data_dir(args.data_dir)).get(article.id)  # D
        events = {event.id: event for event in extract_timeline(body, given or article.date)}
        event = events.get(args.event)
        if event is None:
            raise CommandError(
                f"{display_path(args.path)} has no timeline event {args.event!r} "
                f"(ids are in `tuireader timeline {display_path(args.path)} --json`); "
                "nothing was saved"
            )
        event_id, event_value = event.id, event.value
        if anchor is None:
            anchor = NoteAnchor.from_text(body, event.start, event.end)
    if not note_text.strip() and anchor is None:
        raise CommandError("the note is empty: give --text, or a --quote to highlight")
    with _open_database(args) as db:
        note = db.notes.add(article.id, note_text, anchor, event_id, event_value)
    print(note.id)
    return 0


def _find_quote(path: Path, body: str, quote: str, occurrence: int | None) -> tuple[int, int]:
    """The span of the quote in the body: exact matches, else whitespace-insensitive ones."""
    quote = sanitize(quote)
    if not quote.strip():
        raise CommandError("--quote is empty; nothing was saved")
    spans = _exact_spans(body, quote) or _loose_spans(body, quote)
    if not spans:
        raise CommandError(
            f"the quote was not found in {display_path(path)}: “{trimmed(quote, 60)}”; "
            "nothing was saved"
        )
    if occurrence is not None:
        if not 1 <= occurrence <= len(spans):
            raise CommandError(
                f"--occurrence {occurrence}: the quote occurs {len(spans)} "
                f"time{'s' if len(spans) != 1 else ''} in {display_path(path)}; nothing was saved"
            )
        return spans[occurrence - 1]
    if len(spans) > 1:
        print(
            f"tuireader: the quote occurs {len(spans)} times in {display_path(path)}; the note "
            "is on the first (use --occurrence N to choose another)",
            file=sys.stderr,
        )
    return spans[0]


def _exact_spans(body: str, quote: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = body.find(quote)
    while position != -1:
        spans.append((position, position + len(quote)))
        position = body.find(quote, position + len(quote))
    return spans


def _loose_spans(body: str, quote: str) -> list[tuple[int, int]]:
    """Matches where only the whitespace differs (a quote copied across a line break)."""
    pattern = r"\s+".join(re.escape(word) for word in quote.split())
    return [match.span() for match in re.finditer(pattern, body)]
