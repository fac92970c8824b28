"""The notes pane: the open article's notes in text order, each as time, quote and text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message

from tuireader.store import Note
from tuireader.widgets.cursor_list import CursorList, movement_bindings
from tuireader.widgets.safe_text import visible

NOTE_MARK = "✎"
ORPHAN_MARK = "⚠"
EVENT_MARK = "◷"


@dataclass(frozen=True, slots=True)
class NoteRow:
    """A note as listed: `orphaned` when its passage is no longer in the article."""

    note: Note
    orphaned: bool = False


def one_line(text: str) -> str:
    """Whitespace (newlines included) folded to single spaces, control characters shown."""
    return visible(" ".join(text.split()))


class NotesView(CursorList):
    """Three lines per note: a marker and the time, the quoted passage, the note."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *movement_bindings("notes"),
        Binding("enter", "choose", "Go to passage", id="notes.goto"),
        Binding("e", "edit", "Edit", id="notes.edit"),
        Binding("d", "delete", "Delete", id="notes.delete"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *CursorList.COMPONENT_CLASSES,
        "notes--time",
        "notes--quote",
        "notes--orphaned",
    }

    class NoteChosen(Message):
        """Show this note's passage in the reader."""

        def __init__(self, note: Note) -> None:
            super().__init__()
            self.note = note

    class EditRequested(Message):
        def __init__(self, note: Note) -> None:
            super().__init__()
            self.note = note

    class DeleteRequested(Message):
        def __init__(self, note: Note) -> None:
            super().__init__()
            self.note = note

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.rows: list[NoteRow] = []
        self.message = "No article open"

    @property
    def row_count(self) -> int:
        return len(self.rows)

    @property
    def row_height(self) -> int:
        return 3

    @property
    def highlighted(self) -> NoteRow | None:
        if self.message is None and 0 <= self.cursor < len(self.rows):
            return self.rows[self.cursor]
        return None

    def show_message(self, message: str) -> None:
        self.rows = []
        self.message = message
        self.cursor = 0
        self.invalidate()

    def show_notes(self, rows: Sequence[NoteRow], *, keep: str | None = None) -> None:
        """List `rows` (text order, orphans last), the cursor on note `keep` if given."""
        current = keep or (self.highlighted.note.id if self.highlighted else None)
        self.rows = list(rows)
        self.message = None if self.rows else "No notes yet: select a passage and press a"
        ids = [row.note.id for row in self.rows]
        self.cursor = ids.index(current) if current in ids else min(
            self.cursor, max(len(self.rows) - 1, 0)
        )
        self.invalidate()
        self._keep_cursor_visible()

    def render_row(self, index: int, width: int) -> list[Text]:
        row = self.rows[index]
        note = row.note
        when = note.updated.astimezone().strftime("%Y-%m-%d %H:%M")
        if row.orphaned:
            head = Text(f"{ORPHAN_MARK} {when} · orphaned: passage not found", end="",
                        style=self.style_of("notes--orphaned"))
        else:
            mark = EVENT_MARK if note.anchor is None and note.event_id else NOTE_MARK
            head = Text(f"{mark} {when}", style=self.style_of("notes--time"), end="")
            if note.updated != note.created:
                head.append(" · edited")
        if note.anchor is not None:
            quote = f"“{one_line(note.anchor.quote)}”"
        elif note.event_value:
            quote = f"on {one_line(note.event_value)}"
        else:
            quote = "on the whole article"
        return [
            head,
            Text("  " + quote, style=self.style_of("notes--quote"), end=""),
            Text("  " + (one_line(note.text) or "(empty note)"), end=""),
        ]

    def _act(self, message: type[NotesView.NoteChosen | NotesView.EditRequested
                                 | NotesView.DeleteRequested]) -> None:
        row = self.highlighted
        if row is not None:
            self.post_message(message(row.note))

    def action_choose(self) -> None:
        self._act(self.NoteChosen)

    def action_edit(self) -> None:
        self._act(self.EditRequested)

    def action_delete(self) -> None:
        self._act(self.DeleteRequested)

    def on_cursor_list_chosen(self, event: CursorList.Chosen) -> None:
        event.stop()
        self.action_choose()

    def on_cursor_list_cursor_moved(self, event: CursorList.CursorMoved) -> None:
        event.stop()
