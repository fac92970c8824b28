"""Keys typed right after a key that opens or closes a screen go to the screen now on top.

Textual routes each key, as it comes in, to the widget focused at that moment. In a burst
(`s t`: sort by title; `S a`: add a feed) both keys were queued for the list before `s`
opened its picker, so `t` reached the app's bindings once the picker, with nothing bound
to `t`, was on top: it was lost. The app notes the screen each key was sent to; a key that
comes back to the app unhandled after the screen has changed is sent again, to the new one.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from textual import events
from textual.screen import Screen


class KeyScreens:
    """The screen each key was first routed on, forgotten with the key."""

    def __init__(self) -> None:
        self._routed_on: WeakKeyDictionary[events.Key, Screen[object]] = WeakKeyDictionary()

    def routing(self, event: events.Key, screen: Screen[object]) -> None:
        """`event` is about to be routed on `screen` (the top one)."""
        self._routed_on[event] = screen

    def retyped(self, event: events.Key, screen: Screen[object]) -> events.Key | None:
        """`event` came back unhandled with `screen` on top: the key to send again when it
        was routed on another screen, else None (handle it here, as usual)."""
        routed_on = self._routed_on.pop(event, None)
        if routed_on is None or routed_on is screen:
            return None
        return events.Key(event.key, event.character)
