"""A one-line search box (filter the list, find in the article) that escape closes."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widget import Widget
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

    closing = False
    """Escape was pressed: the box is closing and keys are no longer its text."""
    return_focus: Widget | None = None
    """Where the focus goes on escape (the screen that opens the box says)."""

    def action_cancel(self) -> None:
        if self.closing:
            return
        self.closing = True
        if self.return_focus is not None:
            self.screen.set_focus(self.return_focus)
        self.post_message(self.Cancelled(self))

    def on_focus(self) -> None:
        self.closing = False

    async def _on_key(self, event: events.Key) -> None:
        """Escape is handled here, as it comes, not as it returns to the app's bindings:
        the keys typed right after it (already queued for the box) are then sent again to
        where the focus went instead of being typed into the closing box."""
        if self.closing and self.screen.focused is not self:  # (has_focus lags)
            event.stop()
            event.prevent_default()
            self.app.post_message(events.Key(event.key, event.character))
            return
        active = self.screen.active_bindings.get(event.key)
        if active is not None and active.node is self and active.binding.action == "cancel":
            event.stop()
            event.prevent_default()
            self.action_cancel()
