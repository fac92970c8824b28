"""Subscriptions, kept in the tuireader database (the `subscriptions` table), keyed by URL.

Every change goes through the store's locked read-modify-write, so `tuireader refresh` can
run while the app is open.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tuireader.feeds.entry_files import derived_id, slug
from tuireader.feeds.fetching import Validators
from tuireader.store import Database

TABLE = "subscriptions"
PAGES_FOLDER = "pages"
"""Where pages added on their own are written, under the library folder."""
RESERVED_FOLDERS = (PAGES_FOLDER,)


@dataclass(frozen=True, slots=True)
class Subscription:
    url: str
    title: str | None = None
    folder: str = ""
    """Where its entries are written, relative to the library folder."""
    full_text: bool = False
    """Fetch each entry's linked page and keep the extracted article instead of the summary."""
    group: tuple[str, ...] = ()
    """The folders it sits in, outermost first, as in OPML (("News", "Science")); () at the
    top level."""
    etag: str | None = None
    last_modified: str | None = None
    added: str | None = None
    checked: str | None = None
    """When it was last refreshed (ISO 8601)."""
    status: str | None = None
    """The last refresh: "ok", "not modified" or "failed"."""
    error: str | None = None
    new: int | None = None
    """Entries the last refresh saved for the first time."""
    warning: str | None = None

    @property
    def validators(self) -> Validators:
        return Validators(self.etag, self.last_modified)

    @property
    def last_result(self) -> str:
        """The last refresh in a few words: "never refreshed", "2026-12-03 13:04 +2 new",
        "2026-12-03 13:04 failed: HTTP 404 Not Found"."""
        if self.status is None:
            return "never refreshed"
        when = (self.checked or "")[:16].replace("T", " ")
        if self.status == "failed":
            return f"{when} failed: {self.error}"
        return f"{when} +{self.new or 0} new"

    def due(self, now: datetime, minutes: float) -> bool:
        """Whether it was last refreshed `minutes` ago or more (or never, or at a time that
        cannot be read)."""
        if not self.checked:
            return True
        try:
            checked = datetime.fromisoformat(self.checked)
        except ValueError:
            return True
        if checked.tzinfo is None or now.tzinfo is None:
            checked, now = checked.replace(tzinfo=None), now.replace(tzinfo=None)
        return now - checked >= timedelta(minutes=minutes)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Subscription:
        known = {field.name for field in fields(cls)}
        values = {key: value for key, value in data.items() if key in known}
        values["group"] = tuple(values.get("group") or ())
        return cls(**values)

    def merged(self, **changes: Any) -> Subscription:
        return replace(self, **changes)


class SubscriptionStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def all(self) -> list[Subscription]:
        """In the order `feeds` and OPML show them: by group, then title."""
        subscriptions = [_load(doc) for doc in self._db.table(TABLE)]
        return sorted(subscriptions, key=lambda sub: (
            [name.casefold() for name in sub.group], (sub.title or sub.url).casefold()))

    def get(self, url: str) -> Subscription | None:
        doc = self._db.table(TABLE).document(url)
        return None if doc is None else _load(doc)

    def save(self, *subscriptions: Subscription) -> None:
        """Add or replace these subscriptions in one write."""
        if not subscriptions:
            return
        from tuireader.store.tables import keyed_document

        what = "the subscription" if len(subscriptions) == 1 else "the subscriptions"
        with self._db.writing(what):
            table = self._db.main.table(TABLE)
            for subscription in subscriptions:
                table.upsert(keyed_document(subscription.as_json(), subscription.url))

    def remove(self, url: str) -> Subscription | None:
        """Unsubscribe from `url`: what was removed, or None when it was not subscribed. The
        entries already saved stay in the library (with their notes)."""
        with self._db.writing("the removal of the subscription"):
            table = self._db.main.table(TABLE)
            doc = table.document(url)
            if doc is None:
                return None
            table.remove_keys([url])
            return _load(doc)

    def new_folder(self, title: str | None, url: str, library: Path,
                   pending: Iterable[str] = ()) -> str:
        """A folder name for a new subscription's entries that nothing else uses (nor the
        `pending` folders of subscriptions about to be saved)."""
        taken = {sub.folder for sub in self.all()} | set(RESERVED_FOLDERS) | set(pending)
        name = slug(title or "", fallback=slug(urlsplit(url).hostname or "", "feed"))
        if name in taken or (library / name).exists():
            name = f"{name}-{derived_id(url)[:6]}"
        return name


def _load(doc: dict[str, Any]) -> Subscription:
    return Subscription.from_json(dict(doc))
