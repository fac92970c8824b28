"""What the three panes' borders say: names with their jump keys on top, live counts and
progress underneath. Plain functions of the screen's state, so they are tested alone."""

from __future__ import annotations

from dataclasses import dataclass

Border = tuple[str, str | None]
"""(title, subtitle)"""


@dataclass(frozen=True, slots=True)
class ListCounts:
    total: int
    unread: int
    matches: int | None
    """Rows shown by the filter or the view's narrowing (None: every article is shown)."""
    scanning: int | None
    """Files looked at so far while the library is scanned (None: not scanning)."""
    feed: str | None = None
    """The title of the feed the list is narrowed to (None: all articles)."""
    feeds: str | None = None
    """What refreshing the feeds is doing or did ("refreshing feeds 2/5…")."""
    view: str = ""
    """How the list is sorted and narrowed ("unread only · by title"; "" by default)."""


BORDER_CELLS = 6
"""Cells of the bottom border around its text: a corner, a line and a space on each side."""
MIN_FEED_NAME = 8
"""Cells of a feed's name worth keeping over the unread counts in a narrow list pane."""


def articles_border(counts: ListCounts, width: int) -> Border:
    """`width`: the pane's outer width; counts are shortened to fit it."""
    parts = [f"{counts.total:,} article{'' if counts.total == 1 else 's'}",
             f"{counts.unread:,} unread"]
    if counts.matches is not None:
        parts.insert(0, f"{counts.matches:,} match{'' if counts.matches == 1 else 'es'}")
    if counts.feed is not None:
        parts.insert(0, f"feed: {counts.feed}")
    if len(" · ".join(parts)) > width - BORDER_CELLS > 0:
        parts = [*parts[:-2], f"{counts.unread:,}/{counts.total:,} unread"]
    if counts.feed is not None and len(" · ".join(parts)) > width - BORDER_CELLS > 0:
        if len(parts) > 2 and _name_room(parts, width) < MIN_FEED_NAME:
            parts = parts[:-1]  # the unread counts give way to the feed's name
        room = _name_room(parts, width)
        name = counts.feed if len(counts.feed) <= room else counts.feed[:max(room - 1, 3)] + "…"
        parts[0] = f"feed: {name}"
    title = "Articles (1)"
    if counts.view:
        title += f" · {counts.view}"
    if counts.scanning is not None:
        title += f" · scanning {counts.scanning:,}…"
    if counts.feeds is not None:
        title += f" · {counts.feeds}"
    return title, " · ".join(parts)


def _name_room(parts: list[str], width: int) -> int:
    """Cells left for the feed's name in `feed: NAME · the other parts`."""
    return width - BORDER_CELLS - len(" · ".join(["feed: ", *parts[1:]]))


def reader_border(find_status: str, progress: int | None) -> Border:
    """`progress`: percent read of the open article (None: no article shown)."""
    notes = [find_status] if find_status else []
    if progress is not None:
        notes.append(f"{progress}%")
    return "Reader (2)", " · ".join(notes) if notes else None


def timeline_border(*, article_open: bool, computing: bool, placed: int, events: int,
                    width: int) -> Border:
    """`width`: the pane's outer width; the words get shorter where the full ones would be
    cut by the border (the pane is 31 cells wide in a 120-column terminal)."""
    if not article_open:
        titles = ["Timeline (3)"]
    elif computing:
        titles = ["Timeline (3) · computing…", "Timeline (3) · …"]
    else:
        titles = [f"Timeline (3) · {placed:,} dated", f"Timeline (3) · {placed:,}", "Timeline (3)"]
    undated = events - placed if article_open and not computing else 0
    subtitles = [f"{undated:,} not on the calendar", f"{undated:,} undated"]
    return (_fitting([*titles, "Timeline"], width),
            _fitting(subtitles, width) if undated else None)


def _fitting(wordings: list[str], width: int) -> str:
    """The first of `wordings` (longest first) that fits inside a border `width` wide, else
    the last."""
    room = width - BORDER_CELLS
    return next((wording for wording in wordings if len(wording) <= room), wordings[-1])


def notes_border(*, article_open: bool, notes: int) -> Border:
    title = "Notes (3)"
    if article_open:
        title += f" · {notes} note{'s' if notes != 1 else ''}"
    return title, "ctrl+n timeline"
