"""A one-line question in a small dialog: the date an article's timeline counts from (`D`)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class DatePrompt(ModalScreen[str | None]):
    """Dismisses with what was typed (stripped; "" to clear), or None on escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="date_prompt.cancel"),
    ]

    def __init__(self, question: str, value: str = "", *, title: str = "Date") -> None:
        super().__init__()
        self.question = question
        self.value = value
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(id="date-prompt-body") as body:
            body.border_title = Content(self.title_text)
            body.border_subtitle = Content("enter sets it · esc cancels")
            yield Static(Text(self.question), id="date-prompt-question")
            yield Input(self.value, placeholder="2022-09-01, 1 Sep 2022 10:30 …",
                        id="date-prompt-input")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)
