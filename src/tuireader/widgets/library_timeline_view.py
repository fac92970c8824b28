"""The library timeline's lines: year, month and day headings, and under them each row's date,
article title and clause. Renders only the visible lines (a `CursorList`), so 300,000 rows
scroll as fast as twenty."""

from __future__ import annotations

from itertools import chain
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message

from tuireader.widgets.cursor_list import CursorList, movement_bindings
from tuireader.widgets.safe_text import visible

if TYPE_CHECKING:
    from tuireader.timeline.library import LibraryTimeline
    from tuireader.timeline.library_row import LibraryRow

WHEN_WIDTH = 14
"""The date column, as wide as "09:00 – 17:00" or "week of 19 Sep": under its heading a row
shows only what the heading does not say (a wider date is cut)."""
TITLE_SHARE = 3
"""The title takes up to a third of the line after `TITLE_AFTER` cells (the clause the rest),
whatever the date column's width: titles under every heading are cut alike."""
TITLE_AFTER = 22
TITLE_MAX = 40


class LibraryTimelineView(CursorList):
    BINDINGS: ClassVar[list[BindingType]] = [
        *movement_bindings("library_timeline"),
        Binding("enter", "choose", "Open", id="library_timeline.open"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *CursorList.COMPONENT_CLASSES,
        "library-timeline--heading",
        "library-timeline--when",
        "library-timeline--title",
        "library-timeline--aside",
    }

    class RowChosen(Message):
        def __init__(self, row: LibraryRow) -> None:
            super().__init__()
            self.row = row

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.timeline: LibraryTimeline | None = None
        self.message = "computing…"

    @property
    def row_count(self) -> int:
        return len(self.timeline.lines) if self.timeline is not None else 0

    def show_timeline(self, timeline: LibraryTimeline, cursor: int = 0) -> None:
        self.timeline = timeline
        self.message = None if timeline.lines else "No dated events in these articles"
        self.cursor = 0
        self.scroll_to(y=0, animate=False, immediate=True, force=True)
        self.invalidate()
        self.move_cursor(cursor)

    def move_cursor(self, index: int, *, notify: bool = True) -> None:
        """The cursor rests on rows only: a heading sends it to the heading's first row (so
        `g`, `{`, `}` and a click land on a row), with the headings above it kept in view."""
        super().move_cursor(self._row_from(index), notify=notify)
        self._show_headings_above()

    def action_cursor_up(self) -> None:
        index = self.cursor - 1
        while index >= 0 and self._is_heading(index):
            index -= 1
        if index >= 0:
            self.move_cursor(index)

    def _is_heading(self, index: int) -> bool:
        from tuireader.timeline.library import Heading

        return self.timeline is not None and isinstance(self.timeline.lines[index], Heading)

    def _row_from(self, index: int) -> int:
        """The first row at or after line `index` (else the last row before it)."""
        count: int = self.row_count
        index = max(0, min(index, count - 1))
        for candidate in chain(range(index, count), range(index - 1, -1, -1)):
            if not self._is_heading(candidate):
                return candidate
        return index

    def _show_headings_above(self) -> None:
        first = self.cursor
        while first > 0 and self._is_heading(first - 1):
            first -= 1
        height = self.scrollable_content_region.height
        if first < int(self.scroll_y) and self.cursor - first < height:
            self.scroll_to(y=first, animate=False, immediate=True, force=True)
            self.refresh()

    def show_message(self, message: str) -> None:
        self.message = message
        self.invalidate()

    @property
    def highlighted(self) -> LibraryRow | None:
        from tuireader.timeline.library import Heading

        if self.timeline is None or not 0 <= self.cursor < self.row_count:
            return None
        line = self.timeline.lines[self.cursor]
        return None if isinstance(line, Heading) else line

    def render_row(self, index: int, width: int) -> list[Text]:
        from tuireader.timeline.labels import DERIVED_MARK
        from tuireader.timeline.library import Heading

        assert self.timeline is not None
        line = self.timeline.lines[index]
        if isinstance(line, Heading):
            # A span, not the Text's own style: `CursorList` renders spans only.
            return [Text().append("  " * line.level + line.text,
                                  self.style_of("library-timeline--heading"))]
        when = Text(visible(line.under_heading), self.style_of("library-timeline--when"), end="")
        when.truncate(WHEN_WIDTH, overflow="ellipsis", pad=True)
        mark = f"{DERIVED_MARK} " if line.derived else "  "
        title_width = min(TITLE_MAX, max(8, (width - TITLE_AFTER) // TITLE_SHARE))
        title = Text(visible(" ".join(line.article.title.split())),
                     self.style_of("library-timeline--title"), end="")
        title.truncate(title_width, overflow="ellipsis", pad=True)
        text = Text("    ", end="") + when + Text(f" {mark}", end="") + title + Text("  ")
        text.append(visible(" ".join(line.label.split())))
        if line.aside:
            text.append(f"  {visible(line.aside)}", self.style_of("library-timeline--aside"))
        return [text]

    def action_choose(self) -> None:
        row = self.highlighted
        if row is not None:
            self.post_message(self.RowChosen(row))

    def on_cursor_list_chosen(self, event: CursorList.Chosen) -> None:
        event.stop()
        if not self._is_heading(event.index):  # a click on a heading only moves the cursor
            self.action_choose()
