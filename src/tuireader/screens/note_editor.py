"""The note editor: the quoted passage above a text area; the note is on disk before it closes."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar, Generic, TypeVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea
from textual.worker import Worker

from tuireader.screens.confirm import ConfirmScreen
from tuireader.store.errors import SaveFailedError
from tuireader.widgets.safe_text import visible

logger = logging.getLogger(__name__)

T = TypeVar("T")

MAX_QUOTE_CHARS = 600
"""Longer passages are shown shortened in the editor (the note keeps all of it)."""


def shortened(quote: str, limit: int = MAX_QUOTE_CHARS) -> str:
    """The quote as shown above the editor: whitespace folded, long ones cut after a word
    and ended with "…" (so the preview never looks like the whole passage)."""
    text = " ".join(quote.split())
    if len(text) <= limit:
        return text
    head = text[:limit - 1]
    words = head.rsplit(" ", 1)[0]
    if len(words) > limit // 2:  # a very long word is cut inside it
        head = words
    return f"{head.rstrip()}…"


@dataclass(frozen=True, slots=True)
class Saved(Generic[T]):
    """What the save returned (which may itself be None)."""

    value: T


class NoteEditor(ModalScreen[T | None], Generic[T]):
    """`save(text)` runs in a thread; the editor closes with its result only once it returned,
    and stays open with the text (and says why) when it raised."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="editor.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="editor.cancel"),
    ]

    def __init__(self, quote: str, save: Callable[[str], T], *, text: str = "",
                 title: str = "New note") -> None:
        super().__init__()
        self.quote = quote
        self.save_note = save
        self.initial_text = text
        self.title_text = title
        self.saving = False
        self.error: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="editor-body") as body:
            body.border_title = Content(self.title_text)
            body.border_subtitle = Content("ctrl+s save · esc cancel")
            with VerticalScroll(id="editor-quote"):
                yield Static(Text(visible(shortened(self.quote)) or "(no passage)"),
                             id="editor-quote-text")
            yield TextArea(self.initial_text, soft_wrap=True, tab_behavior="focus",
                           id="editor-text")
            yield Static(id="editor-error")

    def on_mount(self) -> None:
        area = self.text_area
        area.focus()
        area.move_cursor(area.document.end)

    @property
    def text_area(self) -> TextArea:
        return self.query_one("#editor-text", TextArea)

    @property
    def text(self) -> str:
        return self.text_area.text

    def action_save(self) -> None:
        if self.saving:
            return
        if not self.text.strip():
            self._show_error("The note is empty: type something, or press esc to cancel.")
            return
        self.saving = True
        self.text_area.read_only = True
        self.query_one("#editor-body").border_subtitle = Content("saving…")
        self._save(self.text)

    @work(thread=True, exclusive=True, group="note-save", exit_on_error=False)
    def _save(self, text: str) -> Saved[T] | None:
        try:
            return Saved(self.save_note(text))
        except Exception as error:  # the note must not be lost: keep the editor open
            logger.exception("could not save the note")
            self.app.call_from_thread(self._save_failed, error)
            return None

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Closed once the save's worker has finished: closing the editor from inside the
        worker cancelled the worker (a screen's workers go with it) after the note was saved."""
        result = event.worker.result
        if event.worker.group == "note-save" and isinstance(result, Saved):
            self.dismiss(result.value)

    def _save_failed(self, error: Exception) -> None:
        self.saving = False
        self.text_area.read_only = False
        self.query_one("#editor-body").border_subtitle = Content("ctrl+s save · esc cancel")
        # The store's error is a sentence of its own ("Could not save the note in …").
        said = str(error) if isinstance(error, SaveFailedError) else (
            f"Could not save the note: {error}")
        self._show_error(said)
        self.notify(said, title="Note", severity="error", markup=False)

    def _show_error(self, message: str) -> None:
        self.error = message
        error = self.query_one("#editor-error", Static)
        error.update(Text(message))
        error.add_class("-shown")

    def action_cancel(self) -> None:
        if self.saving:
            return
        if self.text == self.initial_text or not self.text.strip():
            self.dismiss(None)
            return
        self.app.push_screen(ConfirmScreen("Discard changes?", yes="Discard", no="Keep editing",
                                           title="Unsaved note"), self._discard_answered)

    def _discard_answered(self, discard: bool | None) -> None:
        if discard:
            self.dismiss(None)
        else:
            self.text_area.focus()
