"""JSON lines as the command line prints them: one object per line, non-ASCII kept as is."""

from __future__ import annotations

import json
from typing import Any

_ENCODER = json.JSONEncoder(ensure_ascii=False, check_circular=False)
"""One encoder for every line: `json.dumps` with an option builds a new one per call, which
was a third of `timeline --library --json`'s time."""


def json_line(item: dict[str, Any]) -> str:
    """`item` (plain data, no cycles) as one line of JSON, newline included."""
    return _ENCODER.encode(item) + "\n"
