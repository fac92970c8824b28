"""The timeline pane: the open article's dated events in date order, then the undated ones."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message

from tuireader.widgets.article_list import NOTES_MARK
from tuireader.widgets.cursor_list import CursorList, movement_bindings
from tuireader.widgets.safe_text import visible
from tuireader.widgets.wrapping import first_line_and_rest

if TYPE_CHECKING:
    from tuireader.timeline.event import Event
    from tuireader.timeline.rows import TimelineRow

WHEN_WIDTH = 16
"""The date column's usual width: "2022-08-31 23:47", the most precise label we usually
show. An article's column is as wide as its widest date, up to `WHEN_MAX`."""
WHEN_MAX = 26
""""2013-04-09 Tue – 05-22 Wed"; a wider date is cut."""


class TimelineView(CursorList):
    """Rows are "· 2022-08-31 23:47  sentence…"; events not on the calendar come last, dimmed.
    An event with a note on it carries a ✎ before its sentence, as annotated articles do in
    the list."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *movement_bindings("timeline"),
        Binding("enter", "choose", "Go to sentence", id="timeline.goto"),
        Binding("a", "annotate", "Annotate", id="timeline.annotate"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *CursorList.COMPONENT_CLASSES,
        "timeline--when",
        "timeline--mark",
        "timeline--undated",
        "timeline--notes",
    }

    class EventChosen(Message):
        def __init__(self, event: Event) -> None:
            super().__init__()
            self.event = event

    class AnnotateRequested(Message):
        """`a`: write a note on this event."""

        def __init__(self, event: Event) -> None:
            super().__init__()
            self.event = event

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.events: list[Event] = []
        self.whens: list[str] = []
        """The date column of the placed rows ("2017–2019", "2021-12-24 Fri – 25 Sat")."""
        self.when_width = WHEN_WIDTH
        self.labels: list[str] = []
        """The placed rows' clauses (an undated event shows its sentence)."""
        self.asides: list[str] = []
        """What each placed row shows dimmed after its clause: its other expressions, or
        what its date was derived from."""
        self.derived: list[bool] = []
        """Placed rows whose date is counted from another ("two days later"): marked `+`."""
        self.placed_count = 0
        self.message = "No article open"
        self._noted: set[str] = set()

    @property
    def row_count(self) -> int:
        return len(self.events)

    def show_message(self, message: str) -> None:
        self.events = []
        self.whens = []
        self.when_width = WHEN_WIDTH
        self.labels = []
        self.asides = []
        self.derived = []
        self.placed_count = 0
        self._noted = set()
        self.message = message
        self.cursor = 0
        self.scroll_to(y=0, animate=False, immediate=True, force=True)
        self.invalidate()

    def show_events(self, placed: Sequence[TimelineRow], unplaced: Sequence[Event]) -> None:
        """`placed` rows in date order, then `unplaced` (durations, sets, unresolved) in text
        order. A row stands for its main expression: enter goes to it."""
        self.events = [*(row.event for row in placed), *unplaced]
        from tuireader.timeline.labels import interval_label  # loaded with the rows

        self.whens = [interval_label(row.interval, compact=True) for row in placed]
        self.when_width = min(WHEN_MAX, max(map(cell_len, self.whens), default=WHEN_WIDTH))
        self.labels = [row.label for row in placed]
        self.asides = [row.aside for row in placed]
        self.derived = [row.derived_from is not None for row in placed]
        self.placed_count = len(placed)
        self._noted = set()
        self.message = None if self.events else "No dates found in this article"
        self.cursor = 0
        self.scroll_to(y=0, animate=False, immediate=True, force=True)
        self.invalidate()

    def set_noted(self, event_ids: set[str]) -> None:
        """The events that have notes (each of their rows gets a ✎)."""
        if event_ids != self._noted:
            self._noted = set(event_ids)
            self.invalidate()

    def has_note(self, event: Event) -> bool:
        return event.id in self._noted

    @property
    def highlighted(self) -> Event | None:
        if self.message is None and 0 <= self.cursor < len(self.events):
            return self.events[self.cursor]
        return None

    @property
    def row_height(self) -> int:
        """Date above a two-line sentence in a tall narrow pane; one line per event otherwise."""
        region = self.paint_region
        return 3 if region.width < WHEN_WIDTH + 50 and region.height >= 12 else 1

    def render_row(self, index: int, width: int) -> list[Text]:
        # Imported here: the timeline package compiles its grammar on import, and the app's
        # first paint must not wait for it (rows exist only once a timeline was computed).
        from tuireader.timeline.labels import DERIVED_MARK, RESOLUTION_MARKS

        event = self.events[index]
        undated = index >= self.placed_count
        symbol = (DERIVED_MARK if not undated and self.derived[index]
                  else RESOLUTION_MARKS.get(event.resolution, " "))
        mark = Text(symbol + " ", self.style_of("timeline--mark"), end="")
        when = event.text if undated else self.whens[index]
        when_text = Text(visible(when), no_wrap=True, end="",
                         style=self.style_of("timeline--undated" if undated else "timeline--when"))
        said = event.sentence if undated else self.labels[index]
        sentence = visible(" ".join(said.split()))
        sentence_style = self.style_of("timeline--undated") if undated else Style()
        note = Text(" " + NOTES_MARK if event.id in self._noted else "",
                    self.style_of("timeline--notes"), end="")
        aside = Text("" if undated or not self.asides[index]
                     else "  " + visible(self.asides[index]),
                     self.style_of("timeline--undated"), end="")
        if self.row_height == 1:
            when_text.truncate(self.when_width, overflow="ellipsis", pad=True)
            return [mark + when_text + note
                    + Text("  " + sentence, sentence_style, end="") + aside]
        first_line, rest = first_line_and_rest(sentence, max(1, width - 2))
        first = Text("  " + first_line, sentence_style, end="")
        second = Text("  " + rest, sentence_style, end="") + aside
        return [mark + when_text + note, first, second]

    def action_choose(self) -> None:
        event = self.highlighted
        if event is not None:
            self.post_message(self.EventChosen(event))

    def action_annotate(self) -> None:
        event = self.highlighted
        if event is not None:
            self.post_message(self.AnnotateRequested(event))

    def on_cursor_list_chosen(self, event: CursorList.Chosen) -> None:
        event.stop()
        self.action_choose()

    def on_cursor_list_cursor_moved(self, event: CursorList.CursorMoved) -> None:
        event.stop()
