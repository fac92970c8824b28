"""Article ids: derived from what the article says, not where it lives, so moves keep state."""

from __future__ import annotations

import hashlib
import unicodedata
from datetime import date, datetime

ID_LENGTH = 16


def derived_id(title: str, published: date | datetime | None) -> str:
    """A short stable hash of the normalised title and the ISO date (no path involved)."""
    return _short_hash(normalized_title(title), published.isoformat() if published else "")


def entry_id(feed_key: str, entry_key: str) -> str:
    """The id of a feed file's entry: from the feed's link and the entry's guid (else its
    link), so it stays the same when the entry's title, date or text change, or the file moves."""
    return _short_hash("feed-entry", feed_key, entry_key)


def disambiguated_id(
    title: str, published: date | datetime | None, relative_path: str, attempt: int = 0
) -> str:
    """The id for a later article whose id was already taken in the same scan."""
    parts = [normalized_title(title), published.isoformat() if published else "", relative_path]
    if attempt:
        parts.append(str(attempt))
    return _short_hash(*parts)


def normalized_title(title: str) -> str:
    """Casefolded, NFC, whitespace collapsed: cosmetic edits to a title keep its id."""
    return " ".join(unicodedata.normalize("NFC", title).casefold().split())


def _short_hash(*parts: str) -> str:
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8"), usedforsecurity=False)
    return digest.hexdigest()[:ID_LENGTH]


class IdRegistry:
    """Hands out ids within one scan, keeping both articles when two claim the same id."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def claim(
        self, wanted: str, title: str, published: date | datetime | None, relative_path: str
    ) -> str:
        candidate = wanted
        attempt = 0
        while candidate in self._taken:
            candidate = disambiguated_id(title, published, relative_path, attempt)
            attempt += 1
        self._taken.add(candidate)
        return candidate

    def copy(self) -> IdRegistry:
        """A registry with the same ids taken, to claim more without changing this one."""
        twin = IdRegistry()
        twin._taken = set(self._taken)
        return twin
