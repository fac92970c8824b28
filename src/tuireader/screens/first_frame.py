"""Work that holds the GIL waits until the first frame has had time to reach the terminal."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from textual.message_pump import MessagePump

from tuireader.screens.pacing import pacing


def after_first_frame(node: MessagePump, callback: Callable[..., Any], *args: Any) -> None:
    """Call `callback(*args)` on `node` once the next frame is out, plus the headroom
    (`Pacing.first_frame_headroom`)."""
    headroom = pacing().first_frame_headroom
    if headroom > 0:
        node.call_after_refresh(node.set_timer, headroom, partial(callback, *args))
    else:
        node.call_after_refresh(callback, *args)
