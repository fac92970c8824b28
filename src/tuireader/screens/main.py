"""The main screen: articles, reader and timeline side by side; it wires widgets to the domain."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container
from textual.content import Content
from textual.reactive import Reactive
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import ContentSwitcher
from textual.worker import get_current_worker

from tuireader import textual_internals
from tuireader.library.article import MARKDOWN_BODIES, Article
from tuireader.screens import article_loading, pane_titles
from tuireader.screens.article_loading import TextFailed, TextLoaded, TimelineReady
from tuireader.screens.library_screen import LibraryScreen
from tuireader.screens.pacing import pacing
from tuireader.store.session import Session
from tuireader.widgets.article_list import ArticleList
from tuireader.widgets.key_footer import KeyFooter
from tuireader.widgets.notes_view import NotesView
from tuireader.widgets.pane import Pane
from tuireader.widgets.passage_reader import PassageReader
from tuireader.widgets.reader import ArticleReader, ReaderHeader
from tuireader.widgets.safe_text import visible
from tuireader.widgets.timeline_view import TimelineView

if TYPE_CHECKING:
    from tuireader.timeline.library_row import LibraryRow

PANES = ("articles", "reader", "timeline")


class MainScreen(LibraryScreen):
    """Owns the open article and the reading-state updates; widgets only present and report."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]  # noqa: RUF012

    if textual_internals.enabled(textual_internals.SCREEN_FOCUS):
        focused: Reactive[Widget | None] = textual_internals.focused_without_repaint()
        """As `Screen.focused`, but a focus change does not repaint the whole screen: the
        widgets that gain and lose focus and the two panes involved repaint themselves."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("J", "next_article", "Next article", show=False, id="main.next_article"),
        Binding("K", "previous_article", "Previous article", show=False,
                id="main.previous_article"),
        Binding("right_square_bracket", "next_unread", "Next unread", id="main.next_unread"),
        Binding("left_square_bracket", "previous_unread", "Previous unread", show=False,
                id="main.previous_unread"),
        Binding("m", "toggle_read", "Read", id="main.toggle_read"),
        Binding("M", "mark_all_read", "Mark all visible read", show=False,
                id="main.mark_all_read"),
        Binding("f", "toggle_star", "Star", id="main.toggle_star"),
        Binding("tab", "cycle_pane(1)", "Next pane", show=False, id="main.next_pane"),
        Binding("shift+tab", "cycle_pane(-1)", "Previous pane", show=False,
                id="main.previous_pane"),
        Binding("1", "focus_pane('articles')", "Articles", show=False, id="main.focus_articles"),
        Binding("2", "focus_pane('reader')", "Reader", show=False, id="main.focus_reader"),
        Binding("3", "focus_pane('timeline')", "Timeline", show=False, id="main.focus_timeline"),
        Binding("T", "library_timeline", "Library timeline", id="main.library_timeline"),
        Binding("q,escape", "back", "Back", show=False, id="main.back"),
    ]

    def __init__(self, paths: Sequence[Path], now: Callable[[], datetime], session: Session,
                 export_dir: Callable[[], Path]) -> None:
        super().__init__(paths, session, export_dir)
        textual_internals.use_region_compositor(self)  # a pane switch repaints borders only
        # The breakpoint class from the start (Textual's pick on resize: the widest reached):
        # added on the first resize instead, it restyled every widget once more before paint.
        width = self.app.size.width
        self.add_class(*[name for least, name in sorted(self.HORIZONTAL_BREAKPOINTS,
                                                        reverse=True) if width >= least][:1])
        self.now = now
        self._last_position: int | None = None
        self._progress = 0
        self._loading = False
        """An article is opening: its text is not shown yet."""
        self._placeholder_timer: Timer | None = None
        self._borders: dict[Widget, pane_titles.Border] = {}
        self._resumed = False
        self._last_scroll = 0.0
        self._open_at: tuple[Article, int, int] | None = None
        """An article opened from the library timeline: the span to show once its text is."""

    def compose(self) -> ComposeResult:
        # The screen lays the list and #content out side by side (no container of its own):
        # each container is one more widget the compositor walks on every focus change.
        # The search boxes are mounted when first opened (`SearchScreen`).
        with Pane(id="articles-pane", classes="pane"):
            yield ArticleList(id="articles")
        with Container(id="content"):
            with Pane(id="reader-pane", classes="pane"):
                yield ReaderHeader(id="reader-header")
                yield PassageReader(id="reader")
            with (Pane(id="timeline-pane", classes="pane"),
                  ContentSwitcher(initial="timeline", id="timeline-switcher")):
                yield TimelineView(id="timeline")
                yield NotesView(id="notes")
        yield KeyFooter()

    @property
    def article_list(self) -> ArticleList:
        return self.query_one("#articles", ArticleList)

    @property
    def reader(self) -> PassageReader:
        return self.query_one("#reader", PassageReader)

    @property
    def notes_view(self) -> NotesView:
        return self.query_one("#notes", NotesView)

    @property
    def timeline(self) -> TimelineView:
        return self.query_one("#timeline", TimelineView)

    @property
    def data_dir(self) -> Path:
        return self.session.data_dir

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Runs before Screen's own handler. The first resume comes right after the mount
        # styled every widget; restyling them all again cost ~55 ms of a warm start.
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False

    def on_mount(self) -> None:
        # Read and starred marks, notes and the last article open arrive with the database,
        # which opens after the first paint (`reading_state_loaded`).
        self.query_one(ReaderHeader).show_article(None)
        self.article_list.focus()
        self._update_titles()
        self.start_library()

    def restore_article(self, article: Article) -> None:
        self.open_article(article, hold=False)  # never hold up the first paint

    @on(ArticleList.Resized)
    def _list_resized(self, _: ArticleList.Resized) -> None:
        self._update_titles()

    def titles_changed(self) -> None:
        self._update_titles()

    def _update_titles(self) -> None:
        article_list = self.article_list
        counts = pane_titles.ListCounts(
            total=article_list.total, unread=article_list.unread_count,
            matches=article_list.row_count if article_list.filter_text else None,
            scanning=self.scanning)
        articles_pane = self.query_one("#articles-pane")
        self._set_border(articles_pane,
                         pane_titles.articles_border(counts, articles_pane.outer_size.width))
        shown = self.current is not None and self.reader.message is None
        self._set_border(self.query_one("#reader-pane"),
                         pane_titles.reader_border(self.find_status,
                                                   self._progress if shown else None))
        if self.notes_shown:
            border = pane_titles.notes_border(article_open=self.current is not None,
                                              notes=len(self.notes_view.rows))
        else:
            timeline = self.timeline
            border = pane_titles.timeline_border(
                article_open=self.current is not None,
                computing=timeline.message == "computing…",
                placed=timeline.placed_count, events=len(timeline.events))
        self._set_border(self.query_one("#timeline-pane"), border)

    def _set_border(self, pane: Widget, border: pane_titles.Border) -> None:
        """Set a pane's border texts only when they change: each assignment repaints the whole
        pane with everything in it (every scroll step used to repaint all three panes)."""
        if self._borders.get(pane) != border:
            self._borders[pane] = border
            title, subtitle = border
            pane.border_title = Content(title)
            pane.border_subtitle = None if subtitle is None else Content(subtitle)

    def open_article(self, article: Article, *, hold: bool = True) -> None:
        """Show the article's header at once; the text and its timeline follow from workers.

        `hold`: the reader and timeline keep what they show for a moment (`Pacing.hold_frame`)
        and go straight to the new text when it comes in that time: one repaint of both panes
        instead of two (placeholders, then text), each 30 to 50 ms; a slow text gets its
        placeholders after the moment.
        """
        self._save_position()
        self.current = article
        self.marked_by_hand = False
        self._last_position = None
        self._progress = 0
        self.query_one(ReaderHeader).show_article(article)
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
        self._update_titles()
        self.load_text(article)

    def _show_placeholders(self) -> None:
        self._placeholder_timer = None
        if self._loading:
            self.reader.show_message("Loading…")
            self.timeline.show_message("computing…")
            self.notes.article_closed("Loading…")
            self._update_titles()

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
        self._update_titles()

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
        self._update_titles()

    def _save_position(self) -> None:
        if self.current is not None and self._last_position is not None:
            self.session.update(self.current.id, position=self._last_position)

    @on(ArticleReader.Scrolled)
    def _reader_scrolled(self, event: ArticleReader.Scrolled) -> None:
        article = self.current
        if article is None or self._loading:  # the previous text, still shown a moment
            return
        self._progress = event.progress
        self._last_scroll = time.monotonic()
        if event.offset != self._last_position:
            self._last_position = event.offset
            self.session.update(article.id, position=event.offset)
        if event.at_end and not self.marked_by_hand:
            self.marked_by_hand = True  # once: unmarking it at the end keeps it unread
            self.set_read(article, True)
        self._update_titles()

    @on(ArticleList.ArticleChosen)
    def _article_chosen(self, event: ArticleList.ArticleChosen) -> None:
        self.open_article(event.article)

    @on(TimelineView.EventChosen)
    def _event_chosen(self, event: TimelineView.EventChosen) -> None:
        self.reader.show_span(event.event.start, event.event.end)

    def action_library_timeline(self) -> None:
        from tuireader.screens.library_timeline import LibraryTimelineScreen

        article_list = self.article_list
        articles = article_list.visible_articles
        counted = f"{len(articles):,} article{'s' * (len(articles) != 1)}"
        scope = (f"{counted} matching “{article_list.filter_text}”"
                 if article_list.filter_text else f"all {counted}")
        self.app.push_screen(
            LibraryTimelineScreen(articles, self.paths, self.data_dir, self.notes.export_dir,
                                  scope),
            self._open_at_row)

    def _open_at_row(self, row: LibraryRow | None) -> None:
        """Open the chosen row's article (if not open already) at the row's expression."""
        if row is None:
            return
        article = row.article
        self.article_list.select_article(article.id)
        self.set_focus(self.reader)
        current = self.current
        if current is not None and current.id == article.id and not self._loading:
            self.reader.show_span(row.anchor, row.anchor_end)
            return
        self._open_at = (article, row.anchor, row.anchor_end)
        self.open_article(article)

    def _pane_widget(self, name: str) -> Widget:
        return {"articles": self.article_list, "reader": self.reader,
                "timeline": self.notes_view if self.notes_shown else self.timeline}[name]

    @property
    def notes_shown(self) -> bool:
        """Whether the third pane shows the notes (else the timeline)."""
        return self.query_one("#timeline-switcher", ContentSwitcher).current == "notes"

    def show_notes_pane(self, show: bool) -> None:
        self.query_one("#timeline-switcher", ContentSwitcher).current = (
            "notes" if show else "timeline"
        )
        (self.notes_view if show else self.timeline).focus()
        self._update_titles()

    def notes_changed(self, article_ids: set[str]) -> None:
        self.article_list.set_noted(article_ids)
        self._update_titles()

    def articles_for_export(self) -> list[Article]:
        return self.article_list.articles

    def help_topic(self) -> str | None:
        """The focused pane's name for the help screen ("notes" when they fill pane 3)."""
        pane = self.focused_pane()
        return "notes" if pane == "timeline" and self.notes_shown else pane

    def focused_pane(self) -> str | None:
        focused = self.focused
        for name in PANES:
            pane = self.query_one(f"#{name}-pane")
            if focused is not None and (focused is pane or pane in focused.ancestors):
                return name
        return None

    # Pane keys move focus at once (set_focus), not after a refresh (focus()): keys typed
    # right after "3" or tab, as a burst from a fast typist or a script, land in the new pane.

    def action_focus_pane(self, name: str) -> None:
        self.set_focus(self._pane_widget(name))

    def action_cycle_pane(self, step: int) -> None:
        current = self.focused_pane()
        index = PANES.index(current) if current is not None else -step
        self.set_focus(self._pane_widget(PANES[(index + step) % len(PANES)]))

    def action_back(self) -> None:
        pane = self.focused_pane()
        if pane == "timeline":
            self.set_focus(self.reader)
        elif pane == "reader":
            self.set_focus(self.article_list)

    def _open_neighbour(self, step: int, *, unread_only: bool = False) -> None:
        article = self.article_list.neighbour(step, unread_only=unread_only)
        if article is None:
            what = "unread article" if unread_only else "article"
            self.notify(f"No {'next' if step > 0 else 'previous'} {what}.", timeout=2)
            return
        self.article_list.select_article(article.id)
        self.open_article(article)

    def action_next_article(self) -> None:
        self._open_neighbour(1)

    def action_previous_article(self) -> None:
        self._open_neighbour(-1)

    def action_next_unread(self) -> None:
        self._open_neighbour(1, unread_only=True)

    def action_previous_unread(self) -> None:
        self._open_neighbour(-1, unread_only=True)
