"""The note model: what the user wrote, and the passage (or timeline event) it is about."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

CONTEXT_CHARS = 32
"""Characters of prefix and suffix kept around a quote to find it again after edits."""


@dataclass(frozen=True, slots=True)
class NoteAnchor:
    """Where a note points: the W3C text-quote selector (quote, prefix, suffix) plus the
    text-position selector (start, end), so it can be found again when the file changes."""

    quote: str
    prefix: str
    suffix: str
    start: int
    end: int

    @classmethod
    def from_text(cls, text: str, start: int, end: int, context: int = CONTEXT_CHARS) -> NoteAnchor:
        """The anchor of `text[start:end]`; offsets are into the same text `locate` gets."""
        if not 0 <= start < end <= len(text):
            raise ValueError(
                f"a note anchor needs 0 <= start < end <= {len(text)}, got {start}..{end}"
            )
        return cls(
            quote=text[start:end],
            prefix=text[max(0, start - context) : start],
            suffix=text[end : end + context],
            start=start,
            end=end,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "quote": self.quote,
            "prefix": self.prefix,
            "suffix": self.suffix,
            "start": self.start,
            "end": self.end,
        }

    @classmethod
    def from_json(cls, data: Any) -> NoteAnchor | None:
        """None when the stored anchor is missing or malformed (the note is kept regardless)."""
        if not isinstance(data, dict):
            return None
        quote, prefix, suffix = data.get("quote"), data.get("prefix", ""), data.get("suffix", "")
        start, end = data.get("start"), data.get("end")
        if not (isinstance(quote, str) and isinstance(prefix, str) and isinstance(suffix, str)):
            return None
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end):
            return None
        return cls(quote=quote, prefix=prefix, suffix=suffix, start=start, end=end)


@dataclass(frozen=True, slots=True)
class Note:
    id: str
    """Random, never derived from the article path: a note follows its article's id."""
    article_id: str
    text: str
    created: datetime
    updated: datetime
    anchor: NoteAnchor | None = None
    """None for a note on the whole article (or only on a timeline event)."""
    event_id: str | None = None
    """The timeline event the note is about, if any (ids are stable for the same text)."""
    event_value: str | None = None
    """That event's TIMEX3 value, kept so the note still says which date it was about."""

    @property
    def position(self) -> int | None:
        """Offset of the passage in the text as last anchored (None: not on a passage)."""
        return None if self.anchor is None else self.anchor.start
