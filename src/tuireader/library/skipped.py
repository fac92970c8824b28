"""The one notice about files in the library that no format reads: never dropped silently."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

SUFFIXES_NAMED = 6
"""The notice names this many kinds of file, the most frequent first, so it stays one line."""


def skipped_notice(paths: Sequence[Path]) -> str | None:
    """"2 files skipped: .pdf, .docx" (None when nothing was skipped)."""
    if not paths:
        return None
    kinds = Counter(path.suffix.lower() or "(no suffix)" for path in paths)
    named = sorted(kinds, key=lambda kind: (-kinds[kind], kind))
    listed = ", ".join(named[:SUFFIXES_NAMED])
    if len(named) > SUFFIXES_NAMED:
        listed += f" and {len(named) - SUFFIXES_NAMED} more kinds"
    count = len(paths)
    return f"{count} file{'s' if count != 1 else ''} skipped: {listed}"
