"""The reader with passages: select one by sentence/paragraph or with the mouse, see notes.

Selection boundaries come from `tuireader.library.passages`; this widget only keeps the
current selection, draws it and the noted passages, and posts what the user asked for.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from typing import ClassVar

from rich.style import Style
from textual.binding import Binding, BindingType
from textual.geometry import Offset
from textual.message import Message
from textual.selection import Selection

from tuireader.library.passages import PassageSelection, Span, Unit, first_sentence_from
from tuireader.library.passages import paragraph_at as find_paragraph
from tuireader.widgets.reader import ArticleReader


class PassageReader(ArticleReader):
    """`v` starts a selection at the reading position (the first sentence starting on the top
    line); `j`/`k` then move its end by a sentence, `}`/`{` by a paragraph."""

    # A subclass's binding for a key replaces the base class's, so the reader's own
    # bindings are repeated after the selection ones: while nothing is being selected the
    # selection bindings are disabled (check_action) and the same key scrolls instead.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("v", "toggle_selection", "Select", id="reader.select"),
        Binding("j,down", "extend_selection('sentence', 1)", "Next sentence",
                id="reader.select_next_sentence"),
        Binding("k,up", "extend_selection('sentence', -1)", "Previous sentence", show=False,
                id="reader.select_previous_sentence"),
        Binding("right_curly_bracket", "extend_selection('paragraph', 1)", "Next paragraph",
                id="reader.select_next_paragraph"),
        Binding("left_curly_bracket", "extend_selection('paragraph', -1)",
                "Previous paragraph", show=False, id="reader.select_previous_paragraph"),
        # "Unselect", short: while selecting, `a Annotate` still fits a 120-column footer.
        Binding("escape", "cancel_selection", "Unselect", id="reader.cancel_selection"),
        *ArticleReader.BINDINGS,
        Binding("a", "annotate", "Annotate", id="reader.annotate"),
        Binding("y", "copy_quote", "Copy quote", show=False, id="reader.copy_quote"),
        Binding("e", "export", "Export", id="reader.export"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *ArticleReader.COMPONENT_CLASSES,
        "reader--note",
        "reader--selection",
    }

    class AnnotateRequested(Message):
        """`a`: annotate body[start:end] (the selection, else the paragraph in view)."""

        def __init__(self, start: int, end: int) -> None:
            super().__init__()
            self.start = start
            self.end = end

    class CopyRequested(Message):
        """`y`: copy body[start:end] with its source (the screen knows the article)."""

        def __init__(self, start: int, end: int) -> None:
            super().__init__()
            self.start = start
            self.end = end

    class ExportRequested(Message):
        """`e`: export the open article's notes."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.selection: PassageSelection | None = None
        """The keyboard selection, while one is being made."""
        self.mouse_span: Span | None = None
        """The passage the mouse selected (Textual's own text selection, in body offsets)."""
        self.note_spans: list[Span] = []
        self._note_starts: list[int] = []

    @property
    def selecting(self) -> bool:
        return self.selection is not None

    @property
    def selected_span(self) -> Span | None:
        """What `a` and `y` act on: the keyboard selection, else the mouse selection."""
        if self.selection is not None:
            return self.selection.span
        return self.mouse_span

    def _reset_decorations(self) -> None:
        """A new body or message: its selection and note marks belong to the old one."""
        self._forget_passages()
        super()._reset_decorations()

    def _forget_passages(self) -> None:
        self.selection = None
        self.mouse_span = None
        self.note_spans = []
        self._note_starts = []
        if self.is_mounted:
            self.screen.clear_selection()
            self.refresh_bindings()

    def set_note_spans(self, spans: Iterable[Span]) -> None:
        """Mark these passages (the open article's notes that were found in the text)."""
        self.note_spans = sorted((start, end) for start, end in spans if end > start)
        self._note_starts = [start for start, _ in self.note_spans]
        self._redecorate()

    def clear_selection(self) -> None:
        self.selection = None
        self.mouse_span = None
        if self.is_mounted:
            self.screen.clear_selection()
        self.refresh_bindings()
        self._redecorate()

    def _decorations(self, start: int, end: int) -> list[tuple[int, int, Style]]:
        spans: list[tuple[int, int, Style]] = []
        if self.note_spans:
            note_style = self.get_component_rich_style("reader--note")
            # Notes may nest, so look back from the first note starting past this line.
            last = bisect_left(self._note_starts, end)
            for note_start, note_end in self.note_spans[:last]:
                if note_end > start:
                    spans.append((max(note_start, start), min(note_end, end), note_style))
        spans.extend(super()._decorations(start, end))
        selected = self.selected_span
        if selected is not None and selected[0] < end and selected[1] > start:
            spans.append((max(selected[0], start), min(selected[1], end),
                          self.get_component_rich_style("reader--selection")))
        return spans

    @property
    def allow_select(self) -> bool:
        return self.message is None

    def body_offset(self, point: Offset | None, default: int) -> int:
        """The body offset of a (column, wrapped line) point from a mouse selection."""
        lines = self._lines
        if point is None or not lines:
            return default
        y = max(0, min(point.y, len(lines) - 1))
        start, end = lines.starts[y], lines.ends[y]
        return start + max(0, min(point.x, end - start))

    def _span_of(self, selection: Selection) -> Span | None:
        start = self.body_offset(selection.start, 0)
        end = self.body_offset(selection.end, len(self.body))
        start, end = min(start, end), max(start, end)
        while start < end and self.body[start].isspace():
            start += 1
        while end > start and self.body[end - 1].isspace():
            end -= 1
        return (start, end) if end > start else None

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        span = self._span_of(selection) if self.message is None else None
        return None if span is None else (self.body[span[0]:span[1]], "\n")

    def selection_updated(self, selection: Selection | None) -> None:
        self.mouse_span = None if selection is None or self.message is not None else (
            self._span_of(selection)
        )
        if self.mouse_span is not None:
            self.selection = None  # the mouse replaces a keyboard selection
        self.refresh_bindings()
        self._redecorate()

    def _reading_sentence(self) -> Span | None:
        return first_sentence_from(self.body, self.top_offset)

    def action_toggle_selection(self) -> None:
        if self.selection is not None:
            self.clear_selection()
            return
        if self.message is not None:
            return
        self.selection = PassageSelection.at(self.body, self.top_offset)
        self.mouse_span = None
        self.screen.clear_selection()
        self.refresh_bindings()
        self._redecorate()

    def action_extend_selection(self, unit: str, step: int) -> None:
        if self.selection is None:
            return
        self.selection = self.selection.extended(self.body, Unit(unit), step)
        head = self.selection.head
        self._bring_into_view(head[1] if step > 0 else head[0])
        self._redecorate()

    def action_cancel_selection(self) -> None:
        self.clear_selection()

    def _passage(self) -> Span | None:
        """The selection, else the paragraph where reading resumes."""
        selected = self.selected_span
        if selected is not None:
            return selected
        sentence = self._reading_sentence()
        return None if sentence is None else find_paragraph(self.body, sentence[0])

    def action_annotate(self) -> None:
        passage = self._passage()
        if passage is None:
            self.notify("Nothing to annotate: open an article first.", timeout=3)
            return
        self.post_message(self.AnnotateRequested(*passage))

    def action_copy_quote(self) -> None:
        passage = self._passage()
        if passage is not None:
            self.post_message(self.CopyRequested(*passage))

    def action_export(self) -> None:
        self.post_message(self.ExportRequested())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "extend_selection":
            return self.selecting
        if action == "cancel_selection":
            return self.selected_span is not None
        if action in ("annotate", "copy_quote", "toggle_selection"):
            return self.message is None
        return super().check_action(action, parameters)
