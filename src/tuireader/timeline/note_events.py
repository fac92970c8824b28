"""Which timeline event a note written on one belongs to, after the text may have changed.

Event ids follow offsets, so an edit above the event gives it a new id: the note then goes
with the event its passage now covers, else with the only event of the date it was about.
Shared by the export (the note under its event) and the timeline pane (the event's ✎).
"""

from __future__ import annotations

from collections.abc import Sequence

from tuireader.timeline.event import Event


def event_of_note(
    event_id: str,
    event_value: str | None,
    span: tuple[int, int] | None,
    events: Sequence[Event],
) -> Event | None:
    """The note's event among `events`: by id; else the event its passage (`span`, where it
    is now) covers, nearest first; else the only event with the value the note was about."""
    for event in events:
        if event.id == event_id:
            return event
    if span is not None:
        start, end = span
        covering = [e for e in events if e.start < end and start < e.end]
        covering.sort(key=lambda e: (e.value != event_value, abs(e.start - start)))
        if covering:
            return covering[0]
    same_value = [e for e in events if event_value and e.value == event_value]
    return same_value[0] if len(same_value) == 1 else None
