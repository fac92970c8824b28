"""`tuireader cat`: one article's text as the reader shows it."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tuireader.commands import CommandError
from tuireader.commands.article_refs import article_refs
from tuireader.commands.output import display_path, iso
from tuireader.library import LoadedArticle, LoadError, load, sanitize
from tuireader.library.loading import SeveralArticles

ENTRIES_SHOWN = 3
"""A feed named where one article is meant: its message names this many entries."""


def run_cat(args: argparse.Namespace) -> int:
    loaded = load_one(args.path, None)
    article, text = loaded.article, loaded.text
    if args.json:
        print(json.dumps({
            "id": article.id,
            "path": str(article.path),
            "title": article.title,
            "date": iso(article.date),
            "source": article.source,
            "author": article.author,
            "tags": list(article.tags),
            "encoding": text.encoding,
            "body_start": text.body_start,
            "body": text.body,
        }, ensure_ascii=False))
        return 0
    header = [article.title]
    header += [f"{label}: {value}" for label, value in (
        ("Date", iso(article.date)), ("Source", article.source), ("Author", article.author),
    ) if value]
    sys.stdout.write("\n".join(header) + "\n\n" + text.body.rstrip("\n") + "\n")
    return 0


def load_one(argument: Path, data_dir: Path | None) -> LoadedArticle:
    """The one article a PATH|ID argument names; CommandError (exit status 2) when it names
    none, or a feed of several entries (the message says how to name one)."""
    ref = article_refs([argument], data_dir, missing_ok=False)[0]
    if ref.path.is_dir():
        shown = display_path(ref.path)
        raise CommandError(f"{shown} is a folder; name one article in it by its path or id "
                           f"(`tuireader list {shown}` lists them)")
    try:
        return load(ref.path, ref.entry)
    except SeveralArticles as error:
        raise CommandError(_several_message(error)) from None
    except LoadError as error:
        raise CommandError(f"{display_path(error.path)}: {error.reason}") from None


def _several_message(error: SeveralArticles) -> str:
    from tuireader.timeline.labels import trimmed

    shown = display_path(error.path)
    named = ", ".join(f"{article.id} ({sanitize(trimmed(article.title, 40))})"
                      for article in error.articles[:ENTRIES_SHOWN])
    more = len(error.articles) - ENTRIES_SHOWN
    rest = f" and {more} more" if more > 0 else ""
    return (f"{shown} is a feed of {len(error.articles)} entries; name one by its id: "
            f"{named}{rest} (`tuireader list {shown} --json` lists them all; "
            f"`tuireader timeline {shown}` takes the whole feed)")
