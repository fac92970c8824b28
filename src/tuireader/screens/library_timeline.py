"""The library timeline screen (`T`): every row of the listed articles in date order, a density
strip above; enter opens the article at the row's sentence (the screen is dismissed with the
row), `{`/`}` jump between periods, `e` exports the rows as Markdown."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import get_current_worker

from tuireader.library.article import Article, LoadProblem
from tuireader.locations import cache_dir
from tuireader.timeline.library_row import LibraryRow
from tuireader.widgets.cursor_list import CursorList
from tuireader.widgets.density_strip import DensityStrip
from tuireader.widgets.key_footer import KeyFooter
from tuireader.widgets.library_timeline_view import LibraryTimelineView
from tuireader.widgets.safe_text import visible

if TYPE_CHECKING:
    from tuireader.timeline.library import Density, LibraryTimeline, Unit

logger = logging.getLogger(__name__)

MAX_PROBLEM_NOTICES = 3


class BuildProgressed(Message):
    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done = done
        self.total = total


class TimelineBuilt(Message):
    def __init__(self, timeline: LibraryTimeline, density: Density, problems: list[LoadProblem],
                 save_error: str | None, changed: int = 0) -> None:
        super().__init__()
        self.timeline = timeline
        self.density = density
        self.problems = problems
        self.save_error = save_error
        self.changed = changed
        """Articles changed since their rows were merged, still to be done (their rows are
        not in `timeline` yet: another message follows)."""


class LibraryTimelineScreen(Screen[LibraryRow | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "export", "Export", id="library_timeline.export"),
        Binding("right_curly_bracket", "period(1)", "Next period", id="library_timeline.next"),
        Binding("left_curly_bracket", "period(-1)", "Previous period",
                id="library_timeline.previous"),
        Binding("q,escape", "close", "Back", show=False, id="library_timeline.back"),
    ]

    def __init__(self, articles: Sequence[Article], roots: Sequence[Path], data_dir: Path,
                 export_dir: Callable[[], Path], scope: str) -> None:
        super().__init__()
        self.articles = list(articles)
        self.roots = list(roots)
        self.data_dir = data_dir
        self.export_dir = export_dir
        self.scope = scope
        """What the rows cover: "all 1,234 articles" or "412 articles matching “vote”"."""
        self.timeline: LibraryTimeline | None = None
        self.unit: Unit = "month"

    def compose(self) -> ComposeResult:
        yield Static(id="library-timeline-status", markup=False)
        yield DensityStrip(id="density-strip")
        yield LibraryTimelineView(id="library-timeline")
        yield KeyFooter()

    @property
    def view(self) -> LibraryTimelineView:
        return self.query_one(LibraryTimelineView)

    @property
    def strip(self) -> DensityStrip:
        return self.query_one(DensityStrip)

    def on_mount(self) -> None:
        self.view.focus()
        self._status("reading cached timelines…")
        self.build(self.app.size.width)

    def _status(self, text: str) -> None:
        self.query_one("#library-timeline-status", Static).update(
            visible(f"Library timeline · {self.scope} · {text}"))

    @work(thread=True, exclusive=True, group="library-timeline", exit_on_error=False)
    def build(self, width: int) -> None:
        """Rows from the library's cache (computing the missing ones), merged and counted."""
        from tuireader.timeline.library_build import BuildProgress, library_row_cache
        from tuireader.timeline.library_open import open_library_timeline

        worker = get_current_worker()

        def progress(step: BuildProgress) -> None:
            self.post_message(BuildProgressed(step.done, step.total))

        def early(timeline: LibraryTimeline, changed: int) -> None:
            self.post_message(TimelineBuilt(timeline, timeline.density(timeline.unit_for(width)),
                                            [], None, changed))

        cache, timelines = library_row_cache(cache_dir(self.data_dir), self.roots)
        opened = open_library_timeline(
            self.articles, cache, timelines,
            progress=progress,
            cancelled=lambda: worker.is_cancelled, early=early)
        timeline = opened.timeline
        if timeline is None:
            return
        self.post_message(TimelineBuilt(timeline, timeline.density(timeline.unit_for(width)),
                                        opened.problems, opened.save_error))

    @on(BuildProgressed)
    def _progressed(self, event: BuildProgressed) -> None:
        if self.timeline is None:
            self._status(f"computing timelines {event.done:,} / {event.total:,}")

    @on(TimelineBuilt)
    def _built(self, event: TimelineBuilt) -> None:
        earlier = self.timeline
        timeline = self.timeline = event.timeline
        self.unit = event.density.unit
        count = len(timeline.rows)
        status = f"{count:,} dated row{'s' * (count != 1)}"
        if timeline.articles != len(self.articles):  # some articles date nothing
            status += f" from {timeline.articles:,} of them"
        if event.changed:
            status += (f" · adding {event.changed:,} changed "
                       f"article{'s' * (event.changed != 1)}…")
        self._status(status)
        # The full timeline after an early one: the cursor stays in its period.
        view = self.view
        period = (None if earlier is None or not earlier.lines
                  else earlier.line_codes[view.cursor])
        view.show_timeline(timeline, 0 if period is None else timeline.line_of_code(period))
        self.strip.show(event.density, timeline.bucket_at(view.cursor, self.unit))
        for problem in event.problems[:MAX_PROBLEM_NOTICES]:
            self.notify(visible(f"{problem.path}: {problem.reason}"), title="Not in the timeline",
                        severity="warning", markup=False)
        if event.save_error is not None:
            self.notify(event.save_error, title="Library timeline", severity="warning",
                        markup=False)

    @on(CursorList.CursorMoved, "#library-timeline")
    def _cursor_moved(self, event: CursorList.CursorMoved) -> None:
        if self.timeline is not None:
            self.strip.set_current(self.timeline.bucket_at(event.index, self.unit))

    @on(DensityStrip.PeriodClicked)
    def _period_clicked(self, event: DensityStrip.PeriodClicked) -> None:
        if self.timeline is not None:
            self.view.move_cursor(self.timeline.line_of_bucket(event.bucket, self.unit))

    def action_period(self, step: int) -> None:
        if self.timeline is not None:
            self.view.move_cursor(self.timeline.next_period(self.view.cursor, step, self.unit))

    @on(LibraryTimelineView.RowChosen)
    def _row_chosen(self, event: LibraryTimelineView.RowChosen) -> None:
        self.dismiss(event.row)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_export(self) -> None:
        timeline = self.timeline
        if timeline is None:
            self.notify("The timeline is still being computed.", timeout=3)
            return
        self.export(timeline, self.export_dir())

    @work(thread=True, exclusive=True, group="library-timeline-export", exit_on_error=False)
    def export(self, timeline: LibraryTimeline, folder: Path) -> None:
        from tuireader.export.library_timeline import write_export

        try:
            path = write_export(timeline, folder, "md", datetime.now())
        except OSError as error:
            logger.exception("could not export the library timeline")
            self.app.call_from_thread(self.notify, f"Export failed: {error}", title="Export",
                                      severity="error", markup=False)
            return
        self.app.call_from_thread(self.notify, f"Exported the library timeline to {path}",
                                  title="Export", timeout=8, markup=False)
