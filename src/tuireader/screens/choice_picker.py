"""A small dialog that picks one of a few choices: a letter picks at once, or move and enter.

Used for the list's sort order and what it shows (`ListViewScreen`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tuireader.widgets.safe_text import visible


@dataclass(frozen=True, slots=True)
class Choice:
    value: str
    label: str
    key: str | None = None
    """A letter that picks this choice at once."""


class ChoicePicker(ModalScreen[str | None]):
    """Dismisses with the value picked; escape or `q` pick nothing (None)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "move(1)", "Down", show=False, id="picker.down"),
        Binding("k", "move(-1)", "Up", show=False, id="picker.up"),
        Binding("escape,q", "cancel", "Cancel", id="picker.cancel"),
    ]

    def __init__(self, title: str, choices: Sequence[Choice], current: str | None) -> None:
        super().__init__()
        self.title_text = title
        self.choices = list(choices)
        self.current = current

    def compose(self) -> ComposeResult:
        options = []
        for choice in self.choices:
            label = Text(f"{choice.key or ' '}  ", style="bold")
            label.append(visible(choice.label))
            if choice.value == self.current:
                label.append("  ✓", style="bold")
            options.append(Option(label, id=choice.value))
        picker = OptionList(*options, id="picker-options")
        picker.border_title = Content(self.title_text)
        yield picker

    def on_mount(self) -> None:
        picker = self.query_one(OptionList)
        values = [choice.value for choice in self.choices]
        picker.highlighted = values.index(self.current) if self.current in values else 0
        picker.focus()

    def on_key(self, event: events.Key) -> None:
        for choice in self.choices:
            if choice.key is not None and event.character == choice.key:
                event.stop()
                self.dismiss(choice.value)
                return

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_move(self, step: int) -> None:
        picker = self.query_one(OptionList)
        if step > 0:
            picker.action_cursor_down()
        else:
            picker.action_cursor_up()

    def action_cancel(self) -> None:
        self.dismiss(None)
