"""Digests of the timeline's own source, for cache keys: a change to a rule recomputes what
was cached with it, with nobody having to remember to bump a number."""

from __future__ import annotations

import hashlib
from pathlib import Path

PACKAGE = Path(__file__).parent

EXTRACTION_MODULES = ("anchoring", "calendar_days", "clock_ranges", "coordination", "event",
                      "extractor", "filters", "fragments", "intervals", "lexicon", "normalise",
                      "patterns", "quotes", "sentences", "strict", "their_day")
"""What decides the events found in a text (a module or a sub-package of this package). Only
these key the timeline cache: editing how rows are grouped or the library timeline is drawn
must not throw away every extraction (at 10k articles, minutes of work)."""
ROWS_MODULES = ("clauses", "clock_habits", "clock_twins", "generic", "habitual", "labels",
                "offsets", "row_nesting", "row_ranges", "rows")
"""What, on top of the events, decides the rows (`timeline_rows`)."""


def source_fingerprint(*names: str) -> str:
    """A digest of the named modules and sub-packages of `tuireader.timeline`."""
    digest = hashlib.sha256()
    for name in sorted(names):
        package = PACKAGE / name
        files = sorted(package.rglob("*.py")) if package.is_dir() else [PACKAGE / f"{name}.py"]
        for module in files:
            digest.update(module.relative_to(PACKAGE).as_posix().encode())
            digest.update(module.read_bytes())
    return digest.hexdigest()[:16]
