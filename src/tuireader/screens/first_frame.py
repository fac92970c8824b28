"""Work that holds the GIL waits until the first frame has had time to reach the terminal."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from textual.message_pump import MessagePump

HEADROOM_SECONDS = 0.05
"""From the first frame leaving the app to the start of work that holds the GIL (loading the
library index, opening the database). Textual writes frames from a thread of its own: on a
warm start at 10k articles it took the first frame 38-71 ms after the app handed it over,
behind the index load (traced in tmux); with this headroom, 18-30 ms after."""


def after_first_frame(node: MessagePump, callback: Callable[..., Any], *args: Any) -> None:
    """Call `callback(*args)` on `node` once the next frame is out, plus the headroom."""
    node.call_after_refresh(node.set_timer, HEADROOM_SECONDS, partial(callback, *args))
