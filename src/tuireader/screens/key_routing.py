"""Keys typed right after a key that opens or closes a screen, or moves the focus, go where
that key sent them.

Textual routes each key, as it comes in, to the widget focused at that moment. In a burst
(`s t`: sort by title; `S a`: add a feed; `D 2022-09-01`: a date in the prompt D opens) the
later keys were queued for the list before `s` opened its picker, and reached the app's
bindings once the picker, with nothing bound to `t`, was on top: they were lost. The app
notes the screen and the focused widget each key was routed to; a key that comes back to
the app unhandled after either has changed is sent again, to the new one.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary, ref

from textual import events
from textual.screen import Screen
from textual.widget import Widget

Routing = tuple["ref[Screen[object]]", "ref[Widget] | None"]


class KeyScreens:
    """Where each key was first routed, forgotten with the key."""

    def __init__(self) -> None:
        self._routed: WeakKeyDictionary[events.Key, Routing] = WeakKeyDictionary()

    def routing(self, event: events.Key, screen: Screen[object]) -> None:
        """`event` is about to be routed on `screen` (the top one), to its focused widget."""
        focused = screen.focused
        self._routed[event] = (ref(screen), None if focused is None else ref(focused))

    def retyped(self, event: events.Key, screen: Screen[object]) -> events.Key | None:
        """`event` came back unhandled with `screen` on top: the key to send again when it
        was routed on another screen or to another widget, else None (handle it here)."""
        routed = self._routed.pop(event, None)
        if routed is None:
            return None
        routed_screen, routed_focus = routed
        focused = None if routed_focus is None else routed_focus()
        if routed_screen() is screen and focused is screen.focused:
            return None
        return events.Key(event.key, event.character)
