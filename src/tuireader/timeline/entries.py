"""Timeline rows: placed events in date order, with both ends of a range shown as one row."""

from __future__ import annotations

from dataclasses import dataclass

from tuireader.timeline.event import Event, Interval
from tuireader.timeline.extractor import chronological
from tuireader.timeline.intervals import spanning
from tuireader.timeline.labels import interval_label


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One row: an event on the calendar, or "between 2017 and 2019" as the period it names."""

    event: Event
    """The row's event (for a range, its first end): its sentence and position are the row's."""
    interval: Interval
    partner: Event | None = None
    """The other end of a range, when the row stands for one."""

    @property
    def events(self) -> tuple[Event, ...]:
        return (self.event,) if self.partner is None else (self.event, self.partner)

    @property
    def when(self) -> str:
        return interval_label(self.interval)

    @property
    def text(self) -> str:
        """The expression(s) as written: "2017 … 2019" for a range."""
        if self.partner is None:
            return self.event.text
        return f"{self.event.text} … {self.partner.text}"


def timeline_entries(events: list[Event]) -> list[TimelineEntry]:
    """What a timeline shows, in date order then text order; ranges merged into one row."""
    by_id = {event.id: event for event in events}
    merged: set[str] = set()
    entries: list[TimelineEntry] = []
    for event in chronological(events):
        if event.id in merged or event.interval is None:
            continue
        partner = by_id.get(event.range_partner) if event.range_partner else None
        if partner is not None and partner.placed and partner.interval is not None:
            first, last = sorted((event, partner), key=lambda item: item.start)
            merged.update((first.id, last.id))
            interval = spanning(event.interval, partner.interval)
            entries.append(TimelineEntry(first, interval, last))
        else:
            entries.append(TimelineEntry(event, event.interval))
    entries.sort(key=lambda entry: (entry.interval.start, entry.event.start))
    return entries
