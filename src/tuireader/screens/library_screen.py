"""The library in the list: scanned off the UI thread, shown as it arrives, with the reading
state's marks once the database is open. What the list starts on: the one file given on the
command line opens in the reader; else the article open at the last quit is reopened; else the
cursor goes to the first unread article (unless the user moved it first).

The main screen derives from it (as from `ListViewScreen`), so its own module stays about the
open article and the panes.
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from textual import events, on, work
from textual.worker import get_current_worker

from tuireader.library.article import Article, LoadProblem
from tuireader.library.catalog import Catalog
from tuireader.library.skipped import skipped_notice
from tuireader.locations import cache_dir
from tuireader.screens import article_loading, library_scan
from tuireader.screens.early_keys import ListReady
from tuireader.screens.first_frame import after_first_frame
from tuireader.screens.library_scan import IndexNotSaved, ScanBatch, ScanFinished, ScanProgress
from tuireader.screens.list_view_screen import ListViewScreen
from tuireader.store.session import SavedState, Session
from tuireader.widgets.article_list import ArticleList
from tuireader.widgets.safe_text import visible

logger = logging.getLogger(__name__)

MAX_PROBLEM_NOTICES = 5


class LibraryScreen(ListViewScreen):
    """Subclasses show the article to reopen (`restore_article`), say which pane has the
    focus (`focused_pane`), and bind keys to the marking actions (their place among the
    screen's keys is the footer's order)."""

    def __init__(self, paths: Sequence[Path], session: Session,
                 export_dir: Callable[[], Path]) -> None:
        super().__init__(session, export_dir)
        self.paths = list(paths)
        self.current: Article | None = None
        """The article open in the reader."""
        self.marked_by_hand = False
        """Whether the open article was marked read or unread by hand (reaching its end then
        leaves the mark alone)."""
        self.scanning: int | None = None
        """Files looked at so far while the library is scanned (None: not scanning)."""
        self.single_file = len(self.paths) == 1 and self.paths[0].is_file()
        """`tuireader FILE`: the file opens in the reader at once, as `less FILE` would."""
        self._restore_id: str | None = None
        self._file_opened = False
        self._seek_unread = not self.single_file
        """The cursor goes to the first unread article as rows and read marks arrive, until
        the user acts (a key, a click) or an article opens."""
        self._list_ready_said = False
        self._problems_shown = 0
        self._problems_total = 0
        self._skipped_shown = False
        self._freeze_long_lived = False
        self._marks_before_load: list[tuple[Sequence[str], bool | None, bool | None]] | None = []
        """Read and star marks made before the saved state reached the list: its snapshot
        may predate them (it is read off the UI thread), so they are laid over it again."""

    def focused_pane(self) -> str | None:
        """"articles", "reader" or "timeline" (None: no pane has the focus)."""
        return None

    def restore_article(self, article: Article) -> None:
        """Open `article`, the one open at the last quit (never holding up the first paint)."""

    def open_file(self, article: Article) -> None:
        """Open `article`, the one file given on the command line, and read it (the reader
        has the focus)."""

    def leave_cursor_alone(self) -> None:
        """The list's cursor is the user's from now on: it is no longer moved to the first
        unread article when rows or read marks arrive."""
        self._seek_unread = False

    def start_library(self) -> None:
        """Show the saved index's first rows at once, then scan (once the first frame is out
        when there is an index: loading it holds the GIL)."""
        # The launcher (`tuireader`) turns the collector off for the start-up: this process is
        # the app's alone, so what lives as long as the app may be frozen out of its passes.
        self._freeze_long_lived = not gc.isenabled()
        self.call_after_refresh(self._collect_from_now_on)
        self.scanning = 0
        catalog = Catalog(self.paths, cache_dir(self.session.data_dir))
        try:
            head, total = catalog.head()
        except Exception:  # a damaged head file only costs the instant first paint
            logger.exception("could not read the library index's head")
            head, total = [], 0
        if head:
            self._show_articles(head, scanned=total)
            after_first_frame(self, self.scan_library, catalog)
        else:
            self.scan_library(catalog)

    def reading_state_loaded(self, state: SavedState) -> None:
        """The database is open (with the changes made before written to it): show its marks
        and reopen the article open at the last quit, unless one was opened meanwhile."""
        self.article_list.set_states(state.read, state.starred, state.noted)
        for article_ids, read, starred in self._marks_before_load or ():
            self._show_marks(article_ids, read, starred)
        self._marks_before_load = None
        self._restore_id = state.last_opened
        self._arrange()
        self.titles_changed()

    def _collect_from_now_on(self) -> None:
        """The first frame is out: what start-up made lives as long as the app."""
        if self._freeze_long_lived:
            gc.freeze()
            gc.enable()

    @work(thread=True, exclusive=True, group="scan", exit_on_error=False)
    def scan_library(self, catalog: Catalog) -> None:
        """Index the library off the UI thread (see `library_scan.scan_library`)."""
        worker = get_current_worker()
        library_scan.scan_library(catalog, self.paths, self.post_message,
                                  lambda: worker.is_cancelled)

    @on(ScanBatch)
    def _scan_batch(self, batch: ScanBatch) -> None:
        if batch.fresh is batch.merged:
            self._show_articles(batch.merged, batch.scanned)
            return
        self.article_list.add_articles(batch.fresh, batch.merged)  # not the whole list redone
        self.scanning = batch.scanned if self.scanning is not None else None
        self._arrange()
        self.titles_changed()

    @on(ScanProgress)
    def _scan_progress(self, progress: ScanProgress) -> None:
        self.scanning = progress.walked
        self.titles_changed()

    @on(IndexNotSaved)
    def _index_not_saved(self, event: IndexNotSaved) -> None:
        self.notify(event.reason, title="Library index", severity="warning", markup=False)

    @on(ScanFinished)
    def _scan_finished(self, event: ScanFinished) -> None:
        if self.scanning is not None:
            if self._freeze_long_lived:
                # The index lives as long as the app: keep the collector from walking it
                # again and again (a full collection cost 60 to 100 ms per frame it hit).
                gc.freeze()
            # A daemon thread, not a worker: quitting right after the scan must not wait.
            threading.Thread(target=article_loading.warm_up_timeline, daemon=True,
                             name="tuireader-timeline-warm-up").start()
        self.scanning = None
        if event.articles is not None:
            self._show_articles(event.articles, len(event.articles))
        for problem in event.problems:
            self._report_problem(problem)
        if self._problems_total > self._problems_shown:
            hidden = self._problems_total - self._problems_shown
            self.notify(f"…and {hidden} more files could not be loaded.",
                        title="Load problems", severity="warning", markup=False)
        skipped = skipped_notice(event.skipped)
        if skipped and not self._skipped_shown:
            self._skipped_shown = True  # once: a later refresh finds the same files
            self.notify(visible(f"{skipped} (not articles or feeds)."), title="Skipped files",
                        timeout=8, markup=False)
        if self.article_list.total == 0:
            self.article_list.set_empty_message(
                "No articles found. Give tuireader a folder of .txt, .md, .html or feed files."
            )
        self._arrange()
        self._say_list_ready()  # with rows or none: keys typed meanwhile wait no longer
        self.titles_changed()

    def _show_articles(self, articles: list[Article], scanned: int) -> None:
        self.article_list.set_articles(articles)
        if self.scanning is not None:
            self.scanning = scanned
        self._arrange()
        self.titles_changed()

    def _arrange(self) -> None:
        """The rows or the read marks changed: open what the list starts on as soon as it
        holds it (see the module's docstring), then let keys typed meanwhile run."""
        if self.single_file:
            self._open_single_file()
        else:
            self._restore_last_opened()
            self._seek_first_unread()
        if self.article_list.total:
            self._say_list_ready()

    def _say_list_ready(self) -> None:
        if not self._list_ready_said:
            self._list_ready_said = True
            self.app.post_message(ListReady())

    def _open_single_file(self) -> None:
        article = self.article_list.highlighted
        if not self._file_opened and self.current is None and article is not None:
            self._file_opened = True
            self.open_file(article)

    def _restore_last_opened(self) -> None:
        """Reopen the article open at the last quit, as soon as the list holds it."""
        restore = self._restore_id
        if self.current is None and restore is not None and self.article_list.select_article(
            restore
        ):
            self._restore_id = None
            self.leave_cursor_alone()
            article = self.article_list.highlighted
            if article is not None:
                self.restore_article(article)
        elif self.current is None and restore is not None and self.article_list.view.narrowed:
            # Not shown in this view (read, under "unread only"): open it all the same.
            article = self.article_list.find(restore)
            if article is not None:
                self._restore_id = None
                self.restore_article(article)

    def _seek_first_unread(self) -> None:
        if not self._seek_unread or self.article_list.filter_text:
            return
        row = self.article_list.first_unread_row()
        if row is not None:
            self.article_list.move_cursor(row, notify=False)

    def on_key(self, _: events.Key) -> None:
        self.leave_cursor_alone()

    @on(ArticleList.ArticleHighlighted)
    def _cursor_moved_by_user(self, _: ArticleList.ArticleHighlighted) -> None:
        self.leave_cursor_alone()

    def _report_problem(self, problem: LoadProblem) -> None:
        self._problems_total += 1
        if self._problems_shown >= MAX_PROBLEM_NOTICES:
            return
        self._problems_shown += 1
        self.notify(visible(f"{problem.path}: {problem.reason}"), title="Could not load",
                    severity="warning", timeout=8, markup=False)

    def set_read(self, article: Article, read: bool) -> None:
        self.session.update(article.id, read=read)
        self._mark_in_list([article.id], read=read)
        self.titles_changed()

    def _mark_in_list(self, article_ids: Sequence[str], *, read: bool | None = None,
                      starred: bool | None = None) -> None:
        if self._marks_before_load is not None:
            self._marks_before_load.append((article_ids, read, starred))
        self._show_marks(article_ids, read, starred)

    def _show_marks(self, article_ids: Sequence[str], read: bool | None,
                    starred: bool | None) -> None:
        if len(article_ids) == 1:
            self.article_list.set_state(article_ids[0], read=read, starred=starred)
        elif read:  # "mark all read", the one change made to many at once
            self.article_list.mark_read(article_ids)

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
            self.marked_by_hand = True
        self.set_read(article, read)

    def action_mark_all_read(self) -> None:
        """Marks in the list at once; the session writes them in chunks on its next flush
        (100,000 updates take about a second: not on a keypress)."""
        unread = [article.id for article in self.article_list.visible_articles
                  if not self.article_list.is_read(article)]
        if len(unread) <= 1:
            self._mark_all_read(unread)
            return
        from tuireader.screens.confirm import ConfirmScreen

        question = (f"Mark the {len(unread):,} unread articles shown read? (There is no undo: "
                    "m marks one unread again.)")
        self.app.push_screen(ConfirmScreen(question, yes="Mark read", no="Keep",
                                           title="Mark all read"),
                             lambda yes: self._mark_all_read(unread if yes else []))

    def _mark_all_read(self, unread: list[str]) -> None:
        if not unread:
            return
        self.session.update_many(unread, read=True)
        self._mark_in_list(unread, read=True)
        self.titles_changed()
        count = len(unread)
        self.notify(f"Marked {count:,} article{'s' * (count != 1)} read.", timeout=3)

    def action_toggle_star(self) -> None:
        article = self._target()
        if article is None:
            return
        starred = not self.article_list.is_starred(article)
        self.session.update(article.id, starred=starred)
        self._mark_in_list([article.id], starred=starred)
