"""A parsed feed and its entries, whatever the format they came in (RSS, Atom, JSON Feed)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One entry as the feed gives it; text fields are plain text, `html` is the body."""

    guid: str | None
    link: str | None
    title: str | None
    author: str | None
    published: datetime | None
    html: str
    """The entry's content, else its summary: HTML (or plain text) as the feed carries it."""

    @property
    def key(self) -> str | None:
        """What identifies the entry across fetches: its guid, else its link."""
        return self.guid or self.link


@dataclass(frozen=True, slots=True)
class Feed:
    title: str | None
    link: str | None
    """The site the feed belongs to."""
    entries: tuple[FeedEntry, ...]
    warning: str | None = None
    """Set when the feed was broken and only what could be recovered was read."""


class NotAFeedError(ValueError):
    """The bytes are no feed tuireader can read; the message says why in one line."""
