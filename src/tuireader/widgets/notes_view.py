"""The notes pane: the open article's notes in text order, each as time, quote and text."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message

from tuireader.store import Note
from tuireader.widgets.cursor_list import CursorList, movement_bindings
from tuireader.widgets.safe_text import visible
from tuireader.widgets.wrapping import screen_lines

NOTE_MARK = "✎"
ORPHAN_MARK = "⚠"
EVENT_MARK = "◷"
PARAGRAPH_MARK = " ¶ "
"""Between a quote's paragraphs, which its one line would otherwise run together."""
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
INDENT = "  "
NOTE_LINES_SHOWN = 8
"""A longer note shows this many lines, the last ending in an ellipsis (`e` shows it all)."""


@dataclass(frozen=True, slots=True)
class NoteRow:
    """A note as listed: `orphaned` when its passage is no longer in the article."""

    note: Note
    orphaned: bool = False


def no_notes(key_shown: Callable[[str, str], str] | None) -> str:
    """The empty list's message, with the key that annotates (the keymap's, if remapped)."""
    key = key_shown("reader.annotate", "a") if key_shown is not None else "a"
    return f"No notes yet: select a passage and press {key}"


def one_line(text: str) -> str:
    """Whitespace (newlines included) folded to single spaces, control characters shown."""
    return visible(" ".join(text.split()))


def quote_line(quote: str) -> str:
    """A quoted passage on one line, its paragraphs (apart by blank lines) marked apart."""
    paragraphs = (one_line(part) for part in _PARAGRAPH_BREAK.split(quote.strip()))
    return PARAGRAPH_MARK.join(part for part in paragraphs if part)


def note_lines(text: str, width: int) -> list[str]:
    """A note's text word-wrapped to `width` cells, at most NOTE_LINES_SHOWN lines; when cut,
    the last line ends with an ellipsis."""
    lines = screen_lines(one_line(text) or "(empty note)", max(width, 1))
    if len(lines) <= NOTE_LINES_SHOWN:
        return lines
    last = Text(lines[NOTE_LINES_SHOWN - 1], end="")
    last.truncate(max(width - 2, 0))
    return [*lines[:NOTE_LINES_SHOWN - 1], last.plain.rstrip() + " …"]


class NotesView(CursorList):
    """Per note: a marker and the time, the quoted passage (one line), the note wrapped."""

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
        self._tops: list[int] = [0]
        """Where each row starts, then the total, for `_tops_width`."""
        self._tops_width = -1

    @property
    def row_count(self) -> int:
        return len(self.rows)

    @property
    def row_height(self) -> int:
        """The shortest row (a one-line note): what paging counts in."""
        return 3

    def _note_width(self, width: int) -> int:
        return max(width - len(INDENT), 1)

    def _row_tops(self) -> list[int]:
        """Row starts at the current width, computed once per width and set of rows."""
        width = self.scrollable_content_region.width
        if width != self._tops_width:
            tops = [0]
            for row in self.rows:
                tops.append(tops[-1] + 2 + len(note_lines(row.note.text,
                                                          self._note_width(width))))
            self._tops, self._tops_width = tops, width
            if tops[-1] != self.virtual_size.height:
                # The width changed without a resize (a scrollbar came or went).
                self.call_later(self._update_virtual_size)
        return self._tops

    def row_top(self, index: int) -> int:
        tops = self._row_tops()
        return tops[min(index, len(tops) - 1)]

    def row_lines(self, index: int) -> int:
        tops = self._row_tops()
        return tops[index + 1] - tops[index] if 0 <= index < len(tops) - 1 else self.row_height

    def row_at(self, line: int) -> tuple[int, int]:
        tops = self._row_tops()
        if line >= tops[-1]:
            return len(self.rows), 0
        index = bisect_right(tops, line) - 1
        return index, line - tops[index]

    @property
    def line_count(self) -> int:
        return self._row_tops()[-1]

    def invalidate(self) -> None:
        self._tops_width = -1
        super().invalidate()

    def on_resize(self, event: events.Resize) -> None:
        self._tops_width = -1
        super().on_resize(event)

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
        self.message = None if self.rows else no_notes(getattr(self.app, "key_shown", None))
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
            quote = f"“{quote_line(note.anchor.quote)}”"
        elif note.event_value:
            quote = f"on {one_line(note.event_value)}"
        else:
            quote = "on the whole article"
        return [
            head,
            Text(INDENT + quote, style=self.style_of("notes--quote"), end=""),
            *(Text(INDENT + line, end="")
              for line in note_lines(note.text, self._note_width(width))),
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
