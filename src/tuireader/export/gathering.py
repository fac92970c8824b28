"""Collecting what an export needs from the library, the timeline and the store."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date, datetime

from tuireader.export.document import ExportItem
from tuireader.library import Article, ArticleText, LoadError, LoadProblem, read_text
from tuireader.store import Database, StoreError
from tuireader.store.reference_dates import redated
from tuireader.timeline import Event, extract_timeline

logger = logging.getLogger(__name__)


def gather(
    db: Database,
    article: Article,
    text: ArticleText | None = None,
    events: Sequence[Event] | None = None,
) -> ExportItem:
    """The article's current text, timeline, reading state and notes.

    Notes are re-anchored against the current text and their new positions saved, so the
    export and the store agree. `text` and `events` may be passed when the caller has
    them already (the app); otherwise the text is read fresh (raises `LoadError`) and the
    timeline extracted against the article's date (`gather_many` gives it the date its
    timeline counts from, `D`).
    """
    if text is None:
        text = read_text(article)
    if events is None:
        events = extract_timeline(text.body, article.date)
    # The notes as they were, so rendering (which locates each passage again) can still
    # tell an edited passage from an exact one once the new positions are saved.
    notes = tuple(db.notes.for_article(article.id))
    # A read-only database cannot take the new positions; the export locates them anyway.
    try:
        db.notes.reanchor(article.id, text.body)
    except StoreError:
        logger.warning("Could not save the new note positions of %s", article.path,
                       exc_info=True)
    return ExportItem(
        article=article,
        text=text,
        events=tuple(events),
        state=db.reading.get(article.id),
        notes=notes,
    )


Timeline = Callable[[str, date | datetime | None], list[Event]]
"""How to get a body's events: `extract_timeline`, or a `TimelineCache.timeline`."""


def gather_many(
    db: Database, articles: Sequence[Article], timeline: Timeline = extract_timeline
) -> tuple[list[ExportItem], list[LoadProblem]]:
    """`gather` for each article; those that cannot be read now are returned as problems."""
    items: list[ExportItem] = []
    problems: list[LoadProblem] = []
    given = db.reference_dates.all()
    for article in articles:
        article = redated(article, given)
        try:
            text = read_text(article)
        except LoadError as error:
            problems.append(LoadProblem(error.path, error.reason))
            continue
        items.append(gather(db, article, text, timeline(text.body, article.date)))
    return items, problems


def annotated(db: Database, articles: Sequence[Article]) -> list[Article]:
    """The articles that have at least one note, in the order given."""
    with_notes = db.notes.article_ids_with_notes()
    return [article for article in articles if article.id in with_notes]
