"""Keys typed before the list has rows wait, then are handled in the order they were typed.

On a first run (no saved index) the list is empty until the scan's first batch: `enter`, `j`
or `2` typed meanwhile (a fast typist, a script, tmux send-keys) found nothing to act on and
were lost, or ran out of order (`2` moved the focus before `enter` had opened anything).
"""

from __future__ import annotations

from textual import events
from textual.message import Message


class ListReady(Message):
    """The list has its first rows (or the scan found none): held keys may run."""


class EarlyKeys:
    """The app holds every key here until `release()` (the app's own priority keys, ctrl+q,
    are not held: quitting never waits for a scan)."""

    def __init__(self) -> None:
        self._held: list[events.Key] | None = []

    @property
    def holding(self) -> bool:
        return self._held is not None

    def hold(self, event: events.Key) -> bool:
        """Keep `event` for later; False once released (the key is handled at once)."""
        if self._held is None:
            return False
        self._held.append(event)
        return True

    def release(self) -> list[events.Key]:
        """Stop holding; the held keys, as fresh events in the order they came."""
        held, self._held = self._held or [], None
        return [events.Key(event.key, event.character) for event in held]
