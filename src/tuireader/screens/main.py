"""The main screen: articles, reader and timeline side by side; it wires widgets to the domain."""

from __future__ import annotations

import contextlib
import gc
import itertools
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container
from textual.content import Content
from textual.reactive import Reactive
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Input
from textual.worker import get_current_worker

from tuireader.library.article import Article, ArticleText, LoadProblem
from tuireader.library.catalog import Catalog
from tuireader.library.index import Progress
from tuireader.library.order import merge_for_display
from tuireader.locations import cache_dir
from tuireader.screens.first_frame import after_first_frame
from tuireader.screens.notes_screen import NotesScreen
from tuireader.screens.pacing import pacing
from tuireader.screens.region_compositor import RegionCompositor
from tuireader.widgets.article_list import ArticleList
from tuireader.widgets.key_footer import KeyFooter
from tuireader.widgets.notes_view import NotesView
from tuireader.widgets.pane import Pane
from tuireader.widgets.passage_reader import PassageReader
from tuireader.widgets.reader import ArticleReader, ReaderHeader
from tuireader.widgets.safe_text import visible
from tuireader.widgets.search_box import SearchBox
from tuireader.widgets.timeline_view import TimelineView
from tuireader.widgets.wrapping import WrappedLines, wrap

if TYPE_CHECKING:
    from tuireader.screens.timeline_source import TimelineResult
    from tuireader.timeline.entries import TimelineEntry
    from tuireader.timeline.event import Event

PANES = ("articles", "reader", "timeline")
SEARCH_PLACEHOLDERS = {"filter": "filter titles…", "find": "find in article…"}
WITH_TEXT_CHARS = 40_000
"""Up to this size (~6,000 words, ~50 ms of extraction) a timeline is extracted with the text."""
MAX_PROBLEM_NOTICES = 5
BULK_CHUNK = 2000


class MainScreen(NotesScreen):
    """Owns the open article and the reading-state updates; widgets only present and report."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]  # noqa: RUF012

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    """As `Screen.focused`, but a focus change does not repaint the whole screen: the widgets
    that gain and lose focus and the two panes involved repaint themselves."""

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
        Binding("q,escape", "back", "Back", show=False, id="main.back"),
    ]

    def __init__(self, paths: Sequence[Path], now: Callable[[], datetime]) -> None:
        super().__init__()
        self._compositor = RegionCompositor()  # a pane switch repaints borders, not panes
        # The breakpoint class from the start: added on the first resize instead, it restyled
        # every widget once more before the first paint.
        self.add_class(*self._get_breakpoint_classes(self.app.size.width,
                                                     self.HORIZONTAL_BREAKPOINTS))
        self.paths = list(paths)
        self.now = now
        self.current: Article | None = None
        self._restore_id: str | None = None
        self._scanning = False
        self._scanned = 0
        self._auto_read_done = False
        self._last_position: int | None = None
        self._progress = 0
        self._problems_shown = 0
        self._problems_total = 0
        self._find_status = ""
        self._bulk_lock = threading.Lock()
        self._bulk_read: list[str] = []
        self._borders: dict[Widget, tuple[str, str | None]] = {}
        self._held_frame: AbstractContextManager[None] | None = None
        self._resumed = False
        self._last_scroll = 0.0
        self._freeze_long_lived = False

    def compose(self) -> ComposeResult:
        # The screen lays the list and #content out side by side (no container of its own):
        # each container is one more widget the compositor walks on every focus change.
        # The search boxes are mounted when first opened (`_search_box`): two Inputs cost
        # ~7 ms of the first frame.
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
        # The launcher (`tuireader`) turns the collector off for the start-up: this process is
        # the app's alone, so what lives as long as the app may be frozen out of its passes.
        self._freeze_long_lived = not gc.isenabled()
        self.call_after_refresh(self._collect_from_now_on)
        self._scanning = True
        catalog = Catalog(self.paths, cache_dir(self.app_data_dir))
        try:
            head, total = catalog.head()
        except Exception:  # a damaged head file only costs the instant first paint
            head, total = [], 0
        if head:
            self._show_articles(head, scanned=total)
            # With an index, start once the first frame is out: loading it holds the GIL.
            after_first_frame(self, self.scan_library, catalog)
        else:
            self.scan_library(catalog)

    def reading_state_loaded(self, read: Iterable[str], starred: Iterable[str],
                             noted: Iterable[str], last_opened: str | None) -> None:
        """The database is open (the app has written the changes made before): show its marks
        and reopen the article open at the last quit, unless one was opened meanwhile."""
        with self._bulk_lock:
            bulk = list(self._bulk_read)
        self.article_list.set_states(itertools.chain(read, bulk), starred)
        self.article_list.set_noted(noted)
        if bulk:
            self._store_bulk_read()
        self._restore_id = last_opened
        self._restore_last_opened()
        self._update_titles()

    def _update_reading(self, article_id: str, **fields: Any) -> None:
        """A reading-state change; kept until the database is open if it is still opening."""
        update = getattr(self.app, "update_reading", None)
        if callable(update):
            update(article_id, **fields)
        elif self.db is not None:
            self.db.reading.update(article_id, **fields)

    def _collect_from_now_on(self) -> None:
        """The first frame is out: what start-up made lives as long as the app."""
        if self._freeze_long_lived:
            gc.freeze()
            gc.enable()

    @work(thread=True, exclusive=True, group="scan")
    def scan_library(self, catalog: Catalog) -> None:
        """Index the library off the UI thread: the saved index first (instant on a warm
        start), then a refresh that re-reads only new and changed files.

        On a first run the list fills as files are read; ordering happens here, not on the
        UI thread, so a 100,000-article scan never stalls a key.
        """
        worker = get_current_worker()
        call = self.app.call_from_thread
        try:
            indexed = catalog.load()
            if indexed:
                call(self._show_articles, indexed, len(indexed))
            fresh: list[Article] = []
            displayed: list[Article] = []
            last_handover = [0.0]

            def progress(step: Progress) -> None:
                if catalog.indexed:
                    call(self._show_progress, step.walked)
                    return
                fresh.extend(step.fresh)
                wait = pacing().scan_batch * (1 + len(fresh) / 20_000)
                if step.fresh and time.monotonic() - last_handover[0] >= wait:
                    last_handover[0] = time.monotonic()
                    batch = fresh[len(displayed):]
                    displayed[:] = merge_for_display(displayed, batch)
                    call(self._add_articles, list(displayed), batch, step.walked)

            result = catalog.refresh(progress, cancelled=lambda: worker.is_cancelled)
            if worker.is_cancelled:
                return
            articles = result.articles if result.changed or not indexed else None
            call(self._scan_finished, articles, result.problems)
            message = catalog.save()
            if message is not None:
                call(self.notify, message, title="Library index", severity="warning",
                     markup=False)
        except Exception as error:  # a scan bug must not take the reader down with it
            root = self.paths[0] if self.paths else Path(".")
            call(self._scan_finished, None, [LoadProblem(root, f"scan stopped: {error}")])

    def _show_articles(self, articles: list[Article], scanned: int) -> None:
        self.article_list.set_articles(articles)
        self._scanned = scanned
        self._restore_last_opened()
        self._update_titles()

    def _add_articles(self, merged: list[Article], fresh: list[Article], scanned: int) -> None:
        """A scan batch: only the new rows are added (not the whole list redone)."""
        self.article_list.add_articles(fresh, merged)
        self._scanned = scanned
        self._restore_last_opened()
        self._update_titles()

    def _show_progress(self, walked: int) -> None:
        self._scanned = walked
        self._update_titles()

    def _scan_finished(self, articles: list[Article] | None,
                       problems: list[LoadProblem]) -> None:
        if self._scanning:
            if self._freeze_long_lived:
                # The index lives as long as the app: keep the collector from walking it
                # again and again (a full collection cost 60 to 100 ms per frame it hit).
                gc.freeze()
            self.warm_up_timeline()
        self._scanning = False
        if articles is not None:
            self._show_articles(articles, len(articles))
        for problem in problems:
            self._report_problem(problem)
        if self._problems_total > self._problems_shown:
            hidden = self._problems_total - self._problems_shown
            self.notify(f"…and {hidden} more files could not be loaded.",
                        title="Load problems", severity="warning", markup=False)
        if self.article_list.total == 0:
            self.article_list.set_empty_message(
                "No articles found. Give tuireader a folder of .txt or .md files."
            )
        self._restore_last_opened()
        self._update_titles()

    def _restore_last_opened(self) -> None:
        """Reopen the article open at the last quit, as soon as the list holds it."""
        restore = self._restore_id
        if self.current is None and restore is not None and self.article_list.select_article(
            restore
        ):
            self._restore_id = None
            article = self.article_list.highlighted
            if article is not None:
                self.open_article(article, hold=False)  # never hold up the first paint

    def _report_problem(self, problem: LoadProblem) -> None:
        self._problems_total += 1
        if self._problems_shown >= MAX_PROBLEM_NOTICES:
            return
        self._problems_shown += 1
        self.notify(visible(f"{problem.path}: {problem.reason}"), title="Could not load",
                    severity="warning", timeout=8, markup=False)

    @on(ArticleList.Resized)
    def _list_resized(self, _: ArticleList.Resized) -> None:
        self._update_titles()

    def _update_titles(self) -> None:
        """Pane names (with their jump keys) on top, live counts and progress underneath."""
        article_list = self.article_list
        counts = [f"{article_list.total:,} articles", f"{article_list.unread_count:,} unread"]
        if article_list.filter_text:
            counts.insert(0, f"{article_list.row_count:,} match")
        articles_pane = self.query_one("#articles-pane")
        if len(" · ".join(counts)) > articles_pane.outer_size.width - 4 > 0:
            counts = [*counts[:-2],
                      f"{article_list.unread_count:,}/{article_list.total:,} unread"]
        self._set_border(articles_pane,
                    f"Articles (1) · scanning {self._scanned:,}…" if self._scanning
                    else "Articles (1)",
                    " · ".join(counts))
        reader_notes = [self._find_status] if self._find_status else []
        if self.current is not None and self.reader.message is None:
            reader_notes.append(f"{self._progress}%")
        self._set_border(self.query_one("#reader-pane"), "Reader (2)",
                    " · ".join(reader_notes) if reader_notes else None)
        timeline = self.timeline
        timeline_title = "Timeline (3)"
        timeline_subtitle: str | None = None
        if self.current is not None:
            if timeline.message == "computing…":
                timeline_title += " · computing…"
            else:
                timeline_title += f" · {timeline.placed_count} dated"
                undated = len(timeline.events) - timeline.placed_count
                if undated:
                    timeline_subtitle = f"{undated} not on the calendar"
        if self.notes_shown:
            timeline_title = "Notes (3)"
            if self.current is not None:
                count = len(self.notes_view.rows)
                timeline_title += f" · {count} note{'s' if count != 1 else ''}"
            timeline_subtitle = "ctrl+n timeline"
        self._set_border(self.query_one("#timeline-pane"), timeline_title, timeline_subtitle)

    def _set_border(self, pane: Widget, title: str, subtitle: str | None) -> None:
        """Set a pane's border texts only when they change: each assignment repaints the whole
        pane with everything in it (every scroll step used to repaint all three panes)."""
        if self._borders.get(pane) != (title, subtitle):
            self._borders[pane] = (title, subtitle)
            pane.border_title = Content(title)
            pane.border_subtitle = None if subtitle is None else Content(subtitle)

    def open_article(self, article: Article, *, hold: bool = True) -> None:
        """Show the article's header at once; the text and its timeline follow from workers
        (`hold`: in the same frame when they come quickly)."""
        self._save_position()
        if hold:
            self._hold_frame()
        self.current = article
        self._auto_read_done = False
        self._last_position = None
        self._progress = 0
        self.query_one(ReaderHeader).show_article(article)
        self.article_list.set_open(article.id)
        self.reader.show_message("Loading…")
        self.timeline.show_message("computing…")
        self.notes.article_closed("Loading…")
        self._close_search_box("find")
        self._update_reading(article.id, last_opened=self.now(), path=str(article.path))
        self._update_titles()
        self.load_text(article)

    def _hold_frame(self) -> None:
        """Keep the last frame up while an ordinary article loads, so its text and timeline
        arrive in one frame instead of three (placeholders, text, timeline: each full repaint
        of the reader and timeline costs 30 to 50 ms); a slow one shows them after a moment."""
        if self._held_frame is None and pacing().hold_frame > 0:
            self._held_frame = self.app.batch_update()
            self._held_frame.__enter__()
            self.set_timer(pacing().hold_frame, self._release_frame)

    def _release_frame(self) -> None:
        held, self._held_frame = self._held_frame, None
        if held is not None:
            held.__exit__(None, None, None)

    @work(thread=True, exclusive=True, group="text")
    def load_text(self, article: Article) -> None:
        """Read and wrap the text; an ordinary article's timeline comes along, so one frame
        shows both (each trip through the UI thread costs a frame and a worker start)."""
        from tuireader.library import LoadError, read_text
        from tuireader.screens.timeline_source import extractor_ready, timeline_for

        worker = get_current_worker()
        try:
            text = read_text(article)
            # Wrapping a 1 MB body takes a few hundred ms: do it here, not on a keypress.
            wrapped = wrap(text.body, self.reader.wrap_width)
        except LoadError as error:
            self.app.call_from_thread(self._show_load_error, article, error.reason)
            return
        except OSError as error:
            self.app.call_from_thread(self._show_load_error, article, str(error))
            return
        timeline = None
        if len(text.body) <= WITH_TEXT_CHARS and extractor_ready() and not worker.is_cancelled:
            timeline = timeline_for(text.body, article, self.app_data_dir)
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show_text, article, text, wrapped, timeline)

    def _show_load_error(self, article: Article, reason: str) -> None:
        self._release_frame()
        if self.current is not article:
            return
        self.reader.show_message(f"Could not open: {reason}")
        self.timeline.show_message("")
        self.notes.article_closed("")
        self.notify(visible(f"{article.path}: {reason}"), title="Could not open", severity="error",
                    markup=False)
        self._update_titles()

    def _show_text(self, article: Article, text: ArticleText, wrapped: WrappedLines,
                   timeline: TimelineResult | None = None) -> None:
        if self.current is not article:
            return
        position = 0
        if self.db is not None:
            position = self.db.reading.get(article.id).position
        self.reader.show_body(text.body, offset=min(position, len(text.body)),
                              headings=article.format == "md", wrapped=wrapped)
        self.notes.article_opened(article, text.body)
        if timeline is not None:
            self._show_timeline(article, *timeline)
        else:
            self.compute_timeline(article, text.body)
        self._release_frame()

    @work(thread=True, exclusive=True, group="timeline")
    def compute_timeline(self, article: Article, body: str) -> None:
        """Extract and order the events off the UI thread (a long text in a child process);
        moving on to another article cancels it."""
        from tuireader.screens.timeline_source import timeline_for

        worker = get_current_worker()
        result = timeline_for(body, article, self.app_data_dir,
                              cancelled=lambda: worker.is_cancelled or self.current is not article,
                              paused=self._user_busy)
        if result is None or worker.is_cancelled:
            return
        self.app.call_from_thread(self._show_timeline, article, *result)

    def _user_busy(self) -> bool:
        """Whether the user scrolled a moment ago (a long timeline's extraction waits)."""
        return time.monotonic() - self._last_scroll < pacing().busy

    def warm_up_timeline(self) -> None:
        """Compile and run the extractor once, before the first article asks for it. A daemon
        thread, not a worker: quitting right after the scan must not wait ~0.3 s for it."""
        threading.Thread(target=_warm_up_timeline, name="tuireader-timeline-warm-up",
                         daemon=True).start()

    @property
    def app_data_dir(self) -> Path | None:
        return getattr(self.app, "data_dir", None)

    def _show_timeline(self, article: Article, placed: list[TimelineEntry], unplaced: list[Event],
                       error: str | None) -> None:
        if self.current is not article:
            return
        if error is not None:
            self.timeline.show_message(error)
        else:
            self.timeline.show_events(placed, unplaced)
        self._update_titles()

    def _save_position(self) -> None:
        if self.current is not None and self._last_position is not None:
            self._update_reading(self.current.id, position=self._last_position)

    @on(ArticleReader.Scrolled)
    def _reader_scrolled(self, event: ArticleReader.Scrolled) -> None:
        article = self.current
        if article is None:
            return
        self._progress = event.progress
        self._last_scroll = time.monotonic()
        if event.offset != self._last_position:
            self._last_position = event.offset
            self._update_reading(article.id, position=event.offset)
        if event.at_end and not self._auto_read_done:
            self._auto_read_done = True
            self._set_read(article, True)
        self._update_titles()

    def _set_read(self, article: Article, read: bool) -> None:
        self._update_reading(article.id, read=read)
        self.article_list.set_state(article.id, read=read)
        self._update_titles()

    @on(ArticleList.ArticleChosen)
    def _article_chosen(self, event: ArticleList.ArticleChosen) -> None:
        self.open_article(event.article)

    async def action_open_filter(self) -> None:
        """`/` in the list (the binding lives there; the box is the screen's)."""
        await self._open_search_box("filter")

    async def action_open_find(self) -> None:
        """`/` in the reader."""
        await self._open_search_box("find")

    async def _open_search_box(self, name: str) -> None:
        box = await self._search_box(name)
        box.add_class("-active")
        self.set_focus(box)

    async def _search_box(self, name: str) -> SearchBox:
        """The box `name`, mounted on first use: the filter above the list, the find box
        below the reader. (The key handler awaits the mount, so keys typed right after `/`
        reach the box.)"""
        for box in self.query(f"#{name}").results(SearchBox):
            return box
        box = SearchBox(placeholder=SEARCH_PLACEHOLDERS[name], id=name)
        if name == "filter":
            await self.query_one("#articles-pane").mount(box, before=self.article_list)
        else:
            await self.query_one("#reader-pane").mount(box, after=self.reader)
        return box

    @on(ArticleList.FilterCleared)
    def _filter_cleared(self, _: ArticleList.FilterCleared) -> None:
        self._close_search_box("filter")
        self._update_titles()

    @on(ArticleReader.FindChanged)
    def _find_changed(self, event: ArticleReader.FindChanged) -> None:
        if not event.find_query:
            self._find_status = ""
        elif event.total:
            self._find_status = f"“{event.find_query}” {event.current} of {event.total}"
        else:
            self._find_status = f"“{event.find_query}” not found"
        self._update_titles()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.article_list.set_filter(event.value)
        self._update_titles()

    @on(Input.Changed, "#find")
    def _find_typed(self, event: Input.Changed) -> None:
        self.reader.find(event.value)

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        if not event.value:
            self._close_search_box("filter")
        self.article_list.focus()

    @on(Input.Submitted, "#find")
    def _find_submitted(self, event: Input.Submitted) -> None:
        if not event.value:
            self._close_search_box("find")
        self.reader.focus()

    @on(SearchBox.Cancelled, "#filter")
    def _filter_cancelled(self, _: SearchBox.Cancelled) -> None:
        self._close_search_box("filter")
        self.article_list.set_filter("")
        self.article_list.focus()
        self._update_titles()

    @on(SearchBox.Cancelled, "#find")
    def _find_cancelled(self, _: SearchBox.Cancelled) -> None:
        self._close_search_box("find")
        self.reader.find("")
        self.reader.focus()

    def _close_search_box(self, box_id: str) -> None:
        for box in self.query(f"#{box_id}").results(SearchBox):  # none until first opened
            box.remove_class("-active")
            with box.prevent(Input.Changed):
                box.value = ""

    @on(TimelineView.EventChosen)
    def _event_chosen(self, event: TimelineView.EventChosen) -> None:
        self.reader.show_span(event.event.start, event.event.end)

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

    def _target(self) -> Article | None:
        """What m/f act on: the highlighted row in the list, else the open article."""
        if self.focused_pane() == "articles" or self.current is None:
            return self.article_list.highlighted
        return self.current

    def action_toggle_read(self) -> None:
        article = self._target()
        if article is None:
            return
        read = not self.article_list.is_read(article)
        if self.current is not None and article.id == self.current.id:
            self._auto_read_done = True
        self._set_read(article, read)

    def action_mark_all_read(self) -> None:
        visible = self.article_list.visible_articles
        unread = [article.id for article in visible if not self.article_list.is_read(article)]
        self.article_list.mark_read(unread)
        self._update_titles()
        if unread:
            with self._bulk_lock:
                self._bulk_read.extend(unread)
            self._store_bulk_read()
        self.notify(f"Marked {len(unread):,} articles read.", timeout=3)

    @work(thread=True, group="bulk-state")
    def _store_bulk_read(self) -> None:
        """Many in-memory updates add up (100,000 take about a second): not on a keypress."""
        self._write_bulk_read()

    def _write_bulk_read(self) -> None:
        db = self.db
        while db is not None:
            with self._bulk_lock:  # held while writing, so quitting waits for the chunk
                chunk, self._bulk_read[:BULK_CHUNK] = self._bulk_read[:BULK_CHUNK], []
                if not chunk:
                    return
                for article_id in chunk:
                    db.reading.update(article_id, read=True)

    def on_unmount(self) -> None:
        self._release_frame()
        # Whatever the bulk worker has not written yet goes in now, before the app closes
        # the database (or, if it is still opening, to the changes the app writes once open).
        self._write_bulk_read()
        with self._bulk_lock:
            unwritten, self._bulk_read = self._bulk_read, []
        for article_id in unwritten:
            self._update_reading(article_id, read=True)

    def action_toggle_star(self) -> None:
        article = self._target()
        if article is None:
            return
        starred = not self.article_list.is_starred(article)
        self._update_reading(article.id, starred=starred)
        self.article_list.set_state(article.id, starred=starred)


def _warm_up_timeline() -> None:
    with contextlib.suppress(Exception):  # only the first timeline pays if this fails
        from tuireader.screens.timeline_source import warm_up

        warm_up()
