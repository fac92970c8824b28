"""Strict mode: the failures the timeline survives (a rule that raises costs only its candidate,
a broken extraction only the timeline) are raised instead, for tests and debugging."""

from __future__ import annotations

import os

STRICT_ENV = "TUIREADER_STRICT"
_TRUE = frozenset({"1", "true", "yes", "on"})


def strict_mode() -> bool:
    """Whether `TUIREADER_STRICT` holds a true value ("1"); read at each call, so a test (or a
    debugging session) can turn it on after import."""
    return os.environ.get(STRICT_ENV, "").strip().lower() in _TRUE
