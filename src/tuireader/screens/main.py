"""The main screen: articles, reader and timeline side by side; it wires widgets to the domain."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container
from textual.content import Content
from textual.reactive import Reactive
from textual.widget import Widget
from textual.widgets import ContentSwitcher

from tuireader import textual_internals
from tuireader.config import Config
from tuireader.library.article import Article
from tuireader.screens import pane_titles
from tuireader.screens.article_screen import ArticleScreen
from tuireader.store.session import Session
from tuireader.widgets.article_list import ArticleList
from tuireader.widgets.key_footer import KeyFooter
from tuireader.widgets.notes_view import NotesView
from tuireader.widgets.pane import Pane
from tuireader.widgets.passage_reader import PassageReader
from tuireader.widgets.reader_header import ReaderHeader
from tuireader.widgets.safe_text import visible
from tuireader.widgets.timeline_view import TimelineView

if TYPE_CHECKING:
    from tuireader.timeline.library_row import LibraryRow

PANES = ("articles", "reader", "timeline")


class MainScreen(ArticleScreen):
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
                 export_dir: Callable[[], Path], config: Config | None = None) -> None:
        super().__init__(paths, now, session, export_dir, config)
        textual_internals.use_region_compositor(self)  # a pane switch repaints borders only
        # The breakpoint class from the start (Textual's pick on resize: the widest reached):
        # added on the first resize instead, it restyled every widget once more before paint.
        width = self.app.size.width
        self.add_class(*[name for least, name in sorted(self.HORIZONTAL_BREAKPOINTS,
                                                        reverse=True) if width >= least][:1])
        self._borders: dict[Widget, pane_titles.Border] = {}
        self._resumed = False

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

    @on(ArticleList.Resized)
    def _list_resized(self, _: ArticleList.Resized) -> None:
        self._update_titles()

    def on_resize(self, _: events.Resize) -> None:
        # The timeline's title fits its pane, which a terminal resize can widen alone.
        self.call_after_refresh(self._update_titles)

    def titles_changed(self) -> None:
        self._update_titles()

    def _update_titles(self) -> None:
        article_list = self.article_list
        feed = article_list.feed_filter
        counts = pane_titles.ListCounts(
            total=article_list.total, unread=article_list.unread_count,
            matches=(article_list.row_count
                     if article_list.filter_text or article_list.view.narrowed or feed else None),
            scanning=self.scanning, view=article_list.view.describe(), feeds=self.feed_status,
            feed=None if feed is None else visible(article_list.feed_name(feed)))
        articles_pane = self.query_one("#articles-pane")
        self._set_border(articles_pane,
                         pane_titles.articles_border(counts, articles_pane.outer_size.width))
        shown = self.current is not None and self.reader.message is None
        self._set_border(self.query_one("#reader-pane"),
                         pane_titles.reader_border(self.find_status,
                                                   self.progress if shown else None))
        timeline_pane = self.query_one("#timeline-pane")
        if self.notes_shown:
            border = pane_titles.notes_border(article_open=self.current is not None,
                                              notes=len(self.notes_view.rows))
        else:
            timeline = self.timeline
            border = pane_titles.timeline_border(
                article_open=self.current is not None,
                computing=timeline.message == "computing…",
                placed=timeline.placed_count, events=len(timeline.events),
                width=timeline_pane.outer_size.width)
        self._set_border(timeline_pane, border)

    def _set_border(self, pane: Widget, border: pane_titles.Border) -> None:
        """Set a pane's border texts only when they change: each assignment repaints the whole
        pane with everything in it (every scroll step used to repaint all three panes)."""
        if self._borders.get(pane) != border:
            self._borders[pane] = border
            title, subtitle = border
            pane.border_title = Content(title)
            pane.border_subtitle = None if subtitle is None else Content(subtitle)

    def action_library_timeline(self) -> None:
        from tuireader.screens.library_timeline import LibraryTimelineScreen
        from tuireader.store.reference_dates import redated

        article_list = self.article_list
        articles = article_list.visible_articles
        if self.reference_dates:  # dates given with D
            articles = [redated(article, self.reference_dates) for article in articles]
        counted = f"{len(articles):,} article{'s' * (len(articles) != 1)}"
        scope = (f"{counted} matching “{article_list.filter_text}”"
                 if article_list.filter_text else f"all {counted}")
        self.app.push_screen(
            LibraryTimelineScreen(articles, self.paths, self.data_dir, self.notes.export_dir,
                                  scope),
            self._open_at_row)

    def _open_at_row(self, row: LibraryRow | None) -> None:
        if row is not None:
            self.article_list.select_article(row.article.id)
            self.set_focus(self.reader)
            self.open_at(row.article, row.anchor, row.anchor_end)

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
        self._mark_noted_events()
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
