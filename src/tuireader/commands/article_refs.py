"""Naming an article on the command line: a path, or its id (or a unique prefix of one).

The ids are those `tuireader list --json` prints, so a script can go from `list` to `cat`,
`timeline`, `notes` or `export` without paths. An argument that exists as a path is
always a path; only the others are looked up, in the library `list` shows (the configured
one, else the bundled samples), through the same index. The id of a feed's entry names
that entry alone, not the whole feed file.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from tuireader import locations
from tuireader.commands import CommandError
from tuireader.config import library_paths, load_config
from tuireader.library import Article, sanitize

CANDIDATES_SHOWN = 3
"""An ambiguous prefix names this many of its articles, so the line stays one line."""


class ArticleRef(NamedTuple):
    """An article named on the command line: a path (a file or folder), or a feed's entry."""

    path: Path
    entry: str | None = None
    """The feed entry an id named (`Article.entry`); None: everything under `path`."""


def article_refs(arguments: Sequence[Path], data_dir: Path | None, *,
                 missing_ok: bool = True) -> list[ArticleRef]:
    """`arguments` with every id or id prefix replaced by its article's path (and entry).

    An argument that is neither a path nor an id stays as given (`missing_ok`): commands
    that take several report it as a missing path, as they always have (skipped, exit status
    1, the rest still printed); otherwise it raises CommandError (exit status 2), as does
    the prefix of several ids.
    """
    if all(argument.exists() for argument in arguments):
        return [ArticleRef(argument) for argument in arguments]
    articles = _library_articles(data_dir)
    return [
        ArticleRef(argument) if argument.exists()
        else _article_ref(str(argument), articles, missing_ok)
        for argument in arguments
    ]


def entries_named(refs: Sequence[ArticleRef]) -> dict[Path, set[str]]:
    """Feed files named only through ids of their entries, with the entries named: of
    those files, only these are meant (a file also named as a path is meant whole)."""
    whole = {ref.path for ref in refs if ref.entry is None}
    named: dict[Path, set[str]] = {}
    for ref in refs:
        if ref.entry is not None and ref.path not in whole:
            named.setdefault(ref.path, set()).add(ref.entry)
    return named


def _library_articles(data_dir: Path | None) -> list[Article]:
    # Imported here: a command given only paths never pays for the index.
    from tuireader.library.catalog import Catalog

    data = locations.data_dir(data_dir)
    catalog = Catalog(library_paths([], load_config(), data), locations.cache_dir(data))
    articles = catalog.refresh().articles
    message = catalog.save()
    if message:
        print(f"tuireader: {message}", file=sys.stderr)
    return articles


def _article_ref(reference: str, articles: list[Article], missing_ok: bool) -> ArticleRef:
    exact = [article for article in articles if article.id == reference]
    matches = exact or [article for article in articles if article.id.startswith(reference)]
    if len(matches) == 1:
        return ArticleRef(matches[0].path, matches[0].entry)
    shown = sanitize(reference)
    if not matches:
        if missing_ok:
            return ArticleRef(Path(reference))
        raise CommandError(
            f"{shown}: no such file, directory or article id (`tuireader list --json` "
            "shows the ids)"
        )
    from tuireader.timeline.labels import trimmed

    named = ", ".join(
        f"{article.id} ({sanitize(trimmed(article.title, 40))})"
        for article in matches[:CANDIDATES_SHOWN]
    )
    more = len(matches) - CANDIDATES_SHOWN
    rest = f" and {more} more" if more > 0 else ""
    raise CommandError(
        f"{shown}: {len(matches)} articles have ids starting so: {named}{rest}; "
        "give more of the id"
    )
