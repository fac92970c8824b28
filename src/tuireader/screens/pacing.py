"""The UI's deliberate delays, in one place so that tests can turn them all off.

Each delay buys a smoother screen for a person at a terminal (a first frame that reaches it
before heavy work starts, one frame for an opening article instead of three). Pilot tests
drive the app faster than a person and wait for the work itself, so they run with
`Pacing.none()` (see tests/conftest.py).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Pacing:
    first_frame_headroom: float = 0.05
    """From the first frame leaving the app to the start of work that holds the GIL (loading
    the library index, opening the database). Textual writes frames from a thread of its own:
    on a warm start at 10k articles it took the first frame 38-71 ms after the app handed it
    over, behind the index load (traced in tmux); with this headroom, 18-30 ms after."""

    hold_frame: float = 0.06
    """The longest an opening article keeps the previous frame up, so that its text and
    timeline arrive in one frame instead of three."""

    busy: float = 0.5
    """A long timeline's extraction pauses until the reader has not scrolled for this long."""

    scan_batch: float = 0.2
    """How often a cold scan hands the articles read so far to the list."""

    flush: float = 3.0
    """How often reading-state changes reach the disk (and always on exit)."""

    @classmethod
    def none(cls) -> Pacing:
        """No deliberate delay anywhere: for tests, which wait for the work itself. The flush
        interval stays (writes happen on exit and on demand; a zero interval would spin)."""
        return cls(first_frame_headroom=0.0, hold_frame=0.0, busy=0.0, scan_batch=0.0)


_current = Pacing()


def pacing() -> Pacing:
    """The delays in force (read at each use, so a test can change them before the app runs)."""
    return _current


def set_pacing(new: Pacing) -> Pacing:
    """Put `new` in force; returns the delays it replaces."""
    global _current
    previous, _current = _current, new
    return previous
