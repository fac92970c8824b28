"""Per-article reading state: read/unread, starred, last opened, where the reader was."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class ReadingState:
    article_id: str
    read: bool = False
    starred: bool = False
    last_opened: datetime | None = None
    position: int = 0
    """Character offset into the body of the first line shown in the reader (width-proof)."""
    path: str | None = None
    """Last path the article was seen at, so state can follow a moved file."""
