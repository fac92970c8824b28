"""The order articles are shown in, shared by the app's list and `tuireader list`."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from tuireader.library.article import Article


def date_key(article: Article) -> str:
    """Dates and datetimes compare by their ISO text (to the second); undated sorts lowest."""
    when = article.date
    return when.isoformat()[:19] if isinstance(when, date | datetime) else ""


def title_key(article: Article) -> tuple[str, str, str]:
    return (article.title.casefold(), article.title, str(article.path))


def sort_for_display(articles: Iterable[Article]) -> list[Article]:
    """Newest first, undated last; the same date by title A to Z (then path, for a fixed order)."""
    ordered = sorted(articles, key=title_key)
    ordered.sort(key=date_key, reverse=True)  # stable: equal dates keep the title order
    return ordered
