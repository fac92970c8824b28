"""`tuireader cat`: one article's text as the reader shows it."""

from __future__ import annotations

import argparse
import json
import sys

from tuireader.commands import CommandError
from tuireader.commands.article_refs import article_paths
from tuireader.commands.output import display_path, iso
from tuireader.library import LoadError, load


def run_cat(args: argparse.Namespace) -> int:
    try:
        loaded = load(article_paths([args.path], None, missing_ok=False)[0])
    except LoadError as error:
        raise CommandError(f"{display_path(error.path)}: {error.reason}") from None
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
