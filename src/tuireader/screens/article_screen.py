"""The open article: its text and timeline loaded off the UI thread (placeholders only when
they are slow), its reading position and read mark kept as the user scrolls."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.binding import Binding, BindingType
from textual.timer import Timer
from textual.worker import get_current_worker

from tuireader.config import Config
from tuireader.library.article import MARKDOWN_BODIES, Article
from tuireader.screens import article_loading
from tuireader.screens.article_loading import TextFailed, TextLoaded, TimelineReady
from tuireader.screens.feeds_screen import FeedsScreen
from tuireader.screens.pacing import pacing
from tuireader.store.session import SavedState, Session
from tuireader.widgets.article_list import ArticleList
from tuireader.widgets.reader import ArticleReader
from tuireader.widgets.reader_header import ReaderHeader
from tuireader.widgets.safe_text import visible
from tuireader.widgets.timeline_view import TimelineView


class ArticleScreen(FeedsScreen):
    """Subclasses provide the `timeline` (and, as for `SearchScreen`, the list and reader)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("D", "reference_date", "Date the timeline counts from", show=False,
                id="main.reference_date"),
    ]

    def __init__(self, paths: Sequence[Path], now: Callable[[], datetime], session: Session,
                 export_dir: Callable[[], Path], config: Config | None = None) -> None:
        super().__init__(paths, session, export_dir)
        self.config = config or Config()
        self.now = now
        self.progress = 0
        """Percent of the open article read (the reader pane's title shows it)."""
        self._last_position: int | None = None
        self._loading = False
        """An article is opening: its text is not shown yet."""
        self._placeholder_timer: Timer | None = None
        self._last_scroll = 0.0
        self._open_at: tuple[Article, int, int] | None = None
        """An article opened at a passage (from the library timeline): shown once its text is."""
        self.reference_dates: dict[str, date | datetime] = {}
        """Dates given with `D` to count articles' timelines from (`ReferenceDates`)."""

    @property
    def timeline(self) -> TimelineView:
        raise NotImplementedError

    @property
    def data_dir(self) -> Path:
        return self.session.data_dir

    def restore_article(self, article: Article) -> None:
        self.open_article(article, hold=False)  # never hold up the first paint

    def open_file(self, article: Article) -> None:
        self.open_article(article, hold=False)
        self.set_focus(self.reader)  # space, j, G read the file at once

    def reading_state_loaded(self, state: SavedState) -> None:
        super().reading_state_loaded(state)
        self.reference_dates = state.reference_dates
        current = self.current
        if current is not None and current.id in self.reference_dates:
            self._count_from(current, self.reference_dates[current.id])  # opened meanwhile
        self._resume_position()

    def _resume_position(self) -> None:
        """An article opened before the database was open (`tuireader FILE`, a quick enter)
        was shown from the top: it goes to where it was left, unless scrolled since."""
        article = self.current
        if article is None or self._loading or self._last_position not in (None, 0):
            return
        saved = self.session.get(article.id)
        if saved is not None and saved.position > 0:
            self.reader.scroll_to_offset(min(saved.position, len(self.reader.body)))

    def open_at(self, article: Article, start: int, end: int) -> None:
        """Open `article` (unless open already) with the passage `start:end` shown."""
        current = self.current
        if current is not None and current.id == article.id and not self._loading:
            self.reader.show_span(start, end)
            return
        self._open_at = (article, start, end)
        self.open_article(article)

    def open_article(self, article: Article, *, hold: bool = True) -> None:
        """Show the article's header at once; the text and its timeline follow from workers.

        `hold`: the reader and timeline keep what they show for a moment (`Pacing.hold_frame`)
        and go straight to the new text when it comes in that time: one repaint of both panes
        instead of two (placeholders, then text), each 30 to 50 ms; a slow text gets its
        placeholders after the moment.
        """
        self._save_position()
        self.leave_cursor_alone()
        given = self.reference_dates.get(article.id)
        if given is not None and given != article.date:
            dated = replace(article, date=given)
            if self._open_at is not None and self._open_at[0] is article:
                self._open_at = (dated, *self._open_at[1:])
            article = dated
        self.current = article
        self.marked_by_hand = False
        self._last_position = None
        self.progress = 0
        self.query_one(ReaderHeader).show_article(article, given=given is not None)
        self.article_list.set_open(article.id)
        self.close_search_box("find")
        self.session.update(article.id, last_opened=self.now(), path=str(article.path))
        self._stop_placeholder_timer()
        self._loading = True
        if hold and pacing().hold_frame > 0:
            self._placeholder_timer = self.set_timer(pacing().hold_frame,
                                                     self._show_placeholders)
        else:
            self._show_placeholders()
        self.titles_changed()
        self.load_text(article)
        if article.warnings:  # the ⚠ in the list: say what to fix
            self.notify(visible(f"{article.path.name}: {'; '.join(article.warnings)}"),
                        title="Loaded, with something to fix", severity="warning", timeout=10,
                        markup=False)

    def _show_placeholders(self) -> None:
        self._placeholder_timer = None
        if self._loading:
            self.reader.show_message("Loading…")
            self.timeline.show_message("computing…")
            self.notes.article_closed("Loading…")
            self.titles_changed()

    def _stop_placeholder_timer(self) -> None:
        if self._placeholder_timer is not None:
            self._placeholder_timer.stop()
            self._placeholder_timer = None

    def _text_arrived(self) -> None:
        self._loading = False
        self._stop_placeholder_timer()

    @work(thread=True, exclusive=True, group="text", exit_on_error=False)
    def load_text(self, article: Article) -> None:
        worker = get_current_worker()
        article_loading.load_text(article, self.reader.wrap_width, self.data_dir,
                                  self.post_message, lambda: worker.is_cancelled)

    @on(TextFailed)
    def _show_load_error(self, event: TextFailed) -> None:
        if self.current is not event.article:
            return
        self._text_arrived()
        self.reader.show_message(f"Could not open: {event.reason}")
        self.timeline.show_message("")
        self.notes.article_closed("")
        self.notify(visible(f"{event.article.path}: {event.reason}"), title="Could not open",
                    severity="error", markup=False)
        self.titles_changed()

    @on(TextLoaded)
    def _show_text(self, event: TextLoaded) -> None:
        article, body = event.article, event.text.body
        if self.current is not article:
            return
        self._text_arrived()
        state = self.session.get(article.id)
        position = state.position if state is not None else 0
        span, self._open_at = self._open_at, None
        if span is not None and span[0] is article:
            position = span[1]
        self.reader.show_body(body, offset=min(position, len(body)),
                              headings=article.format in MARKDOWN_BODIES, wrapped=event.wrapped)
        if span is not None and span[0] is article:
            self.reader.show_span(span[1], span[2])
        self.notes.article_opened(article, body)
        if event.timeline is not None:
            self._show_timeline(TimelineReady(article, *event.timeline))
        else:
            self.compute_timeline(article, body)

    def action_reference_date(self) -> None:
        article = self.current
        if article is None:
            self.notify("Open an article first: D sets the date its timeline counts from.",
                        title="Date", timeout=4)
            return
        given = article.id in self.reference_dates
        shown = article.date.isoformat() if article.date is not None else ""
        question = "Relative dates in this article (“on Thursday”, “two days later”) are "
        if given:
            question += "counted from this date, given with D (empty: the article's own date)."
        elif article.date is not None:
            question += "counted from its date:"
        else:
            question += "left unresolved: it has no date. Give the date it was published:"
        from tuireader.screens.date_prompt import DatePrompt

        self.app.push_screen(DatePrompt(question, shown, title="Date the timeline counts from"),
                             lambda text: self._date_typed(article, text))

    def _date_typed(self, article: Article, text: str | None) -> None:
        if text is not None and self.current is not None and self.current.id == article.id:
            self.save_reference_date(article, text)

    @work(thread=True, exclusive=True, group="reference-date", exit_on_error=False)
    def save_reference_date(self, article: Article, text: str) -> None:
        from tuireader.store.reference_dates import parse_given

        try:
            value = parse_given(text) if text else None
        except ValueError as error:
            self.app.call_from_thread(self.notify, visible(f"{error}; D to try again."),
                                      title="Date not set",
                                      severity="error", timeout=8, markup=False)
            return
        db = self.session.wait()
        if db is None:
            self.app.call_from_thread(self.notify, "The database could not be opened: the "
                                      "date is not kept.", title="Date not set",
                                      severity="error", timeout=8)
            return
        db.reference_dates.set(article.id, value)
        self.app.call_from_thread(self._reference_date_saved, article, value)

    def _reference_date_saved(self, article: Article, value: date | datetime | None) -> None:
        if value is None:
            self.reference_dates.pop(article.id, None)
            original = next((a for a in self.article_list.articles if a.id == article.id), None)
            value = original.date if original is not None else None
        else:
            self.reference_dates[article.id] = value
        current = self.current
        if current is not None and current.id == article.id:
            self._count_from(current, value)

    def _count_from(self, article: Article, value: date | datetime | None) -> None:
        """The open article's timeline again, counted from `value`; the text stays put."""
        dated = replace(article, date=value)
        self.current = dated
        self.query_one(ReaderHeader).show_article(dated, given=article.id in self.reference_dates)
        if not self._loading:
            self.timeline.show_message("computing…")
            self.compute_timeline(dated, self.reader.body)

    @work(thread=True, exclusive=True, group="timeline", exit_on_error=False)
    def compute_timeline(self, article: Article, body: str) -> None:
        worker = get_current_worker()
        article_loading.compute_timeline(
            article, body, self.data_dir, self.post_message,
            cancelled=lambda: worker.is_cancelled or self.current is not article,
            paused=self._user_busy)

    def _user_busy(self) -> bool:
        """Whether the user scrolled a moment ago (a long timeline's extraction waits)."""
        return time.monotonic() - self._last_scroll < pacing().busy

    @on(TimelineReady)
    def _show_timeline(self, event: TimelineReady) -> None:
        if self.current is not event.article:
            return
        if event.error is not None:
            self.timeline.show_message(event.error)
        else:
            self.timeline.show_events(event.placed, event.unplaced)
            self._mark_noted_events()
        self.titles_changed()

    def _mark_noted_events(self) -> None:
        timeline = self.timeline
        timeline.set_noted(self.notes.noted_events(timeline.events))

    def _save_position(self) -> None:
        if self.current is not None and self._last_position is not None:
            self.session.update(self.current.id, position=self._last_position)

    @on(ArticleReader.Scrolled)
    def _reader_scrolled(self, event: ArticleReader.Scrolled) -> None:
        article = self.current
        if article is None or self._loading:  # the previous text, still shown a moment
            return
        self.progress = event.progress
        self._last_scroll = time.monotonic()
        if self._last_position is None:
            # Where the text was first shown: saved already, or (the database not open yet)
            # not known, and then saving it would overwrite the saved one.
            self._last_position = event.offset
        elif event.offset != self._last_position:
            self._last_position = event.offset
            self.session.update(article.id, position=event.offset)
        if event.at_end and not self.marked_by_hand:
            self.marked_by_hand = True  # once: unmarking it at the end keeps it unread
            self.set_read(article, True)
        self.titles_changed()

    @on(ArticleList.ArticleChosen)
    def _article_chosen(self, event: ArticleList.ArticleChosen) -> None:
        self.open_article(event.article)

    @on(TimelineView.EventChosen)
    def _event_chosen(self, event: TimelineView.EventChosen) -> None:
        self.reader.show_span(event.event.start, event.event.end)
