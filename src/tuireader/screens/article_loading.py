"""Opening an article off the UI thread: its text, wrapped, and its timeline, reported to the
screen through messages."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

from tuireader.library.article import Article, ArticleText
from tuireader.widgets.wrapping import WrappedLines, wrap

if TYPE_CHECKING:
    from tuireader.timeline.article_timeline import TimelineResult
    from tuireader.timeline.event import Event
    from tuireader.timeline.rows import TimelineRow

logger = logging.getLogger(__name__)

WITH_TEXT_CHARS = 40_000
"""Up to this size (~6,000 words, ~50 ms of extraction) a timeline is extracted with the text."""


class TextLoaded(Message):
    """The article's text, wrapped for the reader; `timeline` came along for a short text
    (each trip through the UI thread costs a frame and a worker start)."""

    def __init__(self, article: Article, text: ArticleText, wrapped: WrappedLines,
                 timeline: TimelineResult | None) -> None:
        super().__init__()
        self.article = article
        self.text = text
        self.wrapped = wrapped
        self.timeline = timeline


class TextFailed(Message):
    def __init__(self, article: Article, reason: str) -> None:
        super().__init__()
        self.article = article
        self.reason = reason


class TimelineReady(Message):
    def __init__(self, article: Article, placed: list[TimelineRow], unplaced: list[Event],
                 error: str | None) -> None:
        super().__init__()
        self.article = article
        self.placed = placed
        self.unplaced = unplaced
        self.error = error


def load_text(article: Article, wrap_width: int, data_dir: Path,
              post: Callable[[Message], object], cancelled: Callable[[], bool]) -> None:
    """Read and wrap the text (a 1 MB body takes a few hundred ms: never on a keypress); an
    ordinary article's timeline comes along, so one frame shows both."""
    from tuireader.library import LoadError, read_text
    from tuireader.timeline.article_timeline import extractor_ready, timeline_for

    try:
        text = read_text(article)
        wrapped = wrap(text.body, wrap_width)
    except LoadError as error:
        post(TextFailed(article, error.reason))
        return
    except OSError as error:
        logger.warning("could not read %s", article.path, exc_info=True)
        post(TextFailed(article, str(error)))
        return
    timeline = None
    if len(text.body) <= WITH_TEXT_CHARS and extractor_ready() and not cancelled():
        timeline = timeline_for(text.body, article, data_dir)
    if not cancelled():
        post(TextLoaded(article, text, wrapped, timeline))


def compute_timeline(article: Article, body: str, data_dir: Path,
                     post: Callable[[Message], object], cancelled: Callable[[], bool],
                     paused: Callable[[], bool]) -> None:
    """Extract and order the events (a long text in a child process, which waits while
    `paused()`); cancelled when the user moves on to another article."""
    from tuireader.timeline.article_timeline import timeline_for

    result = timeline_for(body, article, data_dir, cancelled=cancelled, paused=paused)
    if result is not None and not cancelled():
        post(TimelineReady(article, *result))


def warm_up_timeline() -> None:
    """Compile and run the extractor once, before the first article asks for it."""
    try:
        from tuireader.timeline.article_timeline import warm_up

        warm_up()
    except Exception:  # only the first timeline pays if this fails
        logger.exception("the timeline warm-up failed")
