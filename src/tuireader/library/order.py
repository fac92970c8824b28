"""The order articles are shown in, shared by the app's list and `tuireader list`.

Newest first (dates and datetimes compare by wall-clock time to the second, a bare date just
before that day's datetimes), undated last; the same moment by title A to Z, then by path.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from datetime import datetime

from tuireader.library.article import Article

DisplayKey = tuple[int, int, str, str, str]

_SECONDS_PER_DAY = 86_400


def display_key(article: Article) -> DisplayKey:
    """Ascending order of this key is display order."""
    when = article.date
    if when is None:
        return (1, 0, article.title.casefold(), article.title, str(article.path))
    moment = when.toordinal() * (_SECONDS_PER_DAY + 1)
    if isinstance(when, datetime):
        moment += when.hour * 3600 + when.minute * 60 + when.second + 1
    return (0, -moment, article.title.casefold(), article.title, str(article.path))


def sort_for_display(articles: Iterable[Article]) -> list[Article]:
    """A new list in display order."""
    return sorted(articles, key=display_key)


def merge_for_display(displayed: list[Article], fresh: Iterable[Article]) -> list[Article]:
    """A new list: `displayed` (already in display order) with `fresh` put in their places.

    For a list filling up while a library is indexed: a small batch is inserted (a few key
    computations each) instead of re-sorting 100k articles every time.
    """
    added = sort_for_display(fresh)
    if len(added) * 8 > len(displayed):
        return sort_for_display([*displayed, *added])
    merged = list(displayed)
    for article in added:
        bisect.insort_right(merged, article, key=display_key)
    return merged
