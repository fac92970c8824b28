"""The date an article's relative expressions are counted from, when the user gives one.

An article without a date (a pasted `.txt`) leaves "on Thursday" and "11:47 p.m."
unresolved; `D` in the app gives it one. It is kept per article, beside its notes, and every
timeline of that article (the pane, `tuireader timeline` unless `--reference-date` says
otherwise, the export, the library timeline) counts from it, so notes on timeline events keep
matching their events.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from tuireader.library.article import Article

if TYPE_CHECKING:
    from tuireader.store.shared_tinydb import SharedTinyDB

logger = logging.getLogger(__name__)

TABLE = "reference_dates"
_TIME_OF_DAY = re.compile(r"\d:\d\d|\d\s*[ap]\.?m\b", re.IGNORECASE)


def parse_iso(value: str) -> date | datetime:
    """A stored value: "2022-09-01" or "2022-09-01T10:30:00" (ValueError otherwise)."""
    return datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)


class ReferenceDates:
    """Reference dates by article id (`reference_dates` table of the main file)."""

    def __init__(self, file: SharedTinyDB) -> None:
        self._file = file

    def all(self) -> dict[str, date | datetime]:
        dates: dict[str, date | datetime] = {}
        for doc in self._file.fresh_table(TABLE):
            try:
                dates[str(doc.doc_id)] = parse_iso(str(doc.get("date")))
            except ValueError:
                logger.warning("Ignoring the odd reference date %r of %s", doc.get("date"),
                               doc.doc_id)
        return dates

    def set(self, article_id: str, value: date | datetime | None) -> None:
        """Keep `value` for the article (None: count from the article's own date again);
        on disk when this returns."""
        from tuireader.store.tables import keyed_document

        with self._file.writing("the article's reference date"):
            table = self._file.table(TABLE)
            if value is None:
                if table.has(article_id):
                    table.remove_keys([article_id])
            else:
                table.upsert(keyed_document({"date": value.isoformat()}, article_id))


def redated(article: Article, dates: dict[str, date | datetime]) -> Article:
    given = dates.get(article.id)
    return article if given is None or given == article.date else replace(article, date=given)


def parse_given(text: str) -> date | datetime:
    """What the user typed ("2022-09-01", "1 Sep 2022", "Sept. 1, 2022 10:30"), as a date,
    or a datetime when a time of day was given. ValueError with a message otherwise."""
    try:
        return parse_iso(text)
    except ValueError:
        pass
    import dateparser

    settings = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"],
                "RETURN_AS_TIMEZONE_AWARE": False}
    parsed: datetime | None = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None:
        raise ValueError(f"not a date with a day, month and year: {text!r}")
    has_time = _TIME_OF_DAY.search(text) is not None
    return parsed.replace(second=0, microsecond=0) if has_time else parsed.date()
