"""A one-line search box (filter the list, find in the article) that escape closes."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input


class SearchBox(Input):
    """An Input that reports escape, so the screen can clear what it was searching."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Clear", id="search.cancel"),
    ]

    class Cancelled(Message):
        def __init__(self, box: SearchBox) -> None:
            super().__init__()
            self.box = box

        @property
        def control(self) -> SearchBox:
            return self.box

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled(self))
