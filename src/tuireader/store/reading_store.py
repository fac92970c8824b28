"""Reading state per article: changes show at once and reach the disk in batches.

A keypress must never wait for the disk, so `update` only records the change in memory;
`flush` (from a worker thread, on a timer, and on close) writes everything pending in one
locked read-modify-write.
"""

from __future__ import annotations

import dataclasses
import threading
from datetime import datetime
from os import PathLike, fspath
from typing import TYPE_CHECKING, Any

from tuireader.store.reading_state import ReadingState

if TYPE_CHECKING:
    from tuireader.store.database import Database

TABLE = "reading"
_FIELDS = {f.name: f for f in dataclasses.fields(ReadingState) if f.name != "article_id"}


def _encode(name: str, value: Any) -> Any:
    if name == "last_opened":
        return None if value is None else value.isoformat()
    return value


def _check(name: str, value: Any) -> None:
    """Reject a value of the wrong type before it reaches the file."""
    if name not in _FIELDS:
        raise TypeError(f"ReadingState has no field {name!r}")
    expected: tuple[type, ...]
    if name in ("read", "starred"):
        expected = (bool,)
    elif name == "position":
        ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
        if not ok:
            raise ValueError(f"position must be a non-negative int, not {value!r}")
        return
    elif name == "last_opened":
        expected = (datetime, type(None))
    elif name == "path":
        expected = (str, type(None))
    else:
        return
    if not isinstance(value, expected):
        raise TypeError(f"{name} cannot be {value!r}")


def decode_state(article_id: str, doc: dict[str, Any]) -> ReadingState:
    """Build a state from a stored document, ignoring fields that are unknown or malformed."""
    read, starred, opened = (
        doc.get("read", False),
        doc.get("starred", False),
        doc.get("last_opened"),
    )
    position, path = doc.get("position", 0), doc.get("path")
    if (  # the common case, checked inline: `all()` decodes every article
        read.__class__ is bool
        and starred.__class__ is bool
        and position.__class__ is int
        and position >= 0
        and (path is None or path.__class__ is str)
        and (opened is None or opened.__class__ is str)
    ):
        try:
            moment = None if opened is None else datetime.fromisoformat(opened)
        except ValueError:
            pass
        else:
            return ReadingState(
                article_id=article_id,
                read=read,
                starred=starred,
                last_opened=moment,
                position=position,
                path=path,
            )
    return _decode_state_slowly(article_id, doc)


def _decode_state_slowly(article_id: str, doc: dict[str, Any]) -> ReadingState:
    values: dict[str, Any] = {}
    for name, raw in doc.items():
        if name not in _FIELDS:
            continue
        value: Any = raw
        if name == "last_opened" and isinstance(raw, str):
            try:
                value = datetime.fromisoformat(raw)
            except ValueError:
                continue
        try:
            _check(name, value)
        except (TypeError, ValueError):
            continue
        values[name] = value
    return ReadingState(article_id=article_id, **values)


class ReadingStateStore:
    """Read/unread, starred, last opened and scroll position for every article."""

    def __init__(self, database: Database) -> None:
        self._db = database
        self._pending: dict[str, dict[str, Any]] = {}
        self._in_flight: dict[str, dict[str, Any]] = {}
        self._pending_lock = threading.Lock()

    def get(self, article_id: str) -> ReadingState:
        """The state as the user last set it (pending changes included); default if unknown."""
        # Overlay first, then the saved data: a flush finishing in between is then seen in
        # one or the other, never in neither.
        with self._pending_lock:
            overlay = {**self._in_flight.get(article_id, {}), **self._pending.get(article_id, {})}
        saved = self._db.raw_table(TABLE).get(article_id)
        if saved is None and not overlay:
            return ReadingState(article_id=article_id)
        doc = {**(saved or {}), **overlay}
        return decode_state(article_id, doc)

    def all(self) -> dict[str, ReadingState]:
        with self._pending_lock:  # before the saved data, as in `get`
            overlay: dict[str, dict[str, Any]] = {}
            for source in (self._in_flight, self._pending):
                for article_id, fields in source.items():
                    overlay.setdefault(article_id, {}).update(fields)
        table = self._db.raw_table(TABLE)
        states = {
            article_id: decode_state(article_id, {**doc, **overlay.get(article_id, {})})
            for article_id, doc in table.items()
        }
        for article_id, fields in overlay.items():
            if article_id not in states:
                states[article_id] = decode_state(article_id, fields)
        return states

    def update(self, article_id: str, **fields: Any) -> ReadingState:
        """Change some fields; visible at once, written by the next `flush`.

        Only the fields given are written, on top of what is on disk then, so two
        processes changing different fields of one article both keep their change.
        """
        if not article_id:
            raise ValueError("article_id must not be empty")
        if isinstance(fields.get("path"), PathLike):
            fields["path"] = fspath(fields["path"])
        for name, value in fields.items():
            _check(name, value)
        encoded = {name: _encode(name, value) for name, value in fields.items()}
        with self._pending_lock:
            self._pending.setdefault(article_id, {}).update(encoded)
        return self.get(article_id)

    @property
    def pending(self) -> int:
        """How many articles have changes not yet on disk."""
        with self._pending_lock:
            return len(self._pending)

    def flush(self) -> int:
        """Write every pending change now, in one write; returns how many articles it wrote.

        Thread-safe; blocks the calling thread for the write (and for another process's
        write holding the lock), so call it from a worker. On failure the changes stay
        pending and the error propagates.
        """
        with self._db._lock:
            with self._pending_lock:
                if not self._pending:
                    return 0
                self._in_flight, self._pending = self._pending, {}
                batch = self._in_flight
            try:
                with self._db.writing():
                    table = self._db.table(TABLE)
                    existing = set(self._db.storage.read().get(TABLE, {}))
                    present = [key for key in batch if key in existing]
                    missing = [key for key in batch if key not in existing]
                    if present:
                        table.update(
                            lambda doc: doc.update(batch[doc["article_id"]]),
                            doc_ids=present,  # type: ignore[arg-type]
                        )
                    if missing:
                        from tuireader.store.database import keyed_document

                        table.insert_multiple(
                            keyed_document({"article_id": key, **batch[key]}, key)
                            for key in missing
                        )
            except BaseException:
                with self._pending_lock:
                    for article_id, fields in batch.items():
                        merged = {**fields, **self._pending.get(article_id, {})}
                        self._pending[article_id] = merged
                    self._in_flight = {}
                raise
            with self._pending_lock:
                self._in_flight = {}
            return len(batch)

    def move(self, old_id: str, new_id: str) -> ReadingState:
        """Give `old_id`'s state to `new_id` (the article's id changed); fields `new_id`
        already has win. Written at once."""
        self.flush()
        from tuireader.store.database import keyed_document

        with self._db.writing():
            table = self._db.storage.read().get(TABLE, {})
            old, new = table.get(old_id), table.get(new_id)
            if old is not None:
                merged = {**old, **(new or {}), "article_id": new_id}
                tinydb_table = self._db.table(TABLE)
                tinydb_table.remove(doc_ids=[old_id])  # type: ignore[list-item]
                tinydb_table.upsert(keyed_document(merged, new_id))
        return self.get(new_id)

    def last_opened(self) -> ReadingState | None:
        """The article opened most recently, to reopen it at start-up."""
        best: ReadingState | None = None
        for state in self.all().values():
            if state.last_opened is None:
                continue
            if best is None or _sort_key(state.last_opened) > _sort_key(best.last_opened):
                best = state
        return best

    def find_by_path(self, path: str | PathLike[str]) -> ReadingState | None:
        """The state last seen at `path`, so it can follow an article whose id changed."""
        wanted = str(path)
        for state in self.all().values():
            if state.path == wanted:
                return state
        return None


def _sort_key(moment: datetime | None) -> float:
    """Naive and aware datetimes in one ordering (naive read as local time)."""
    return moment.timestamp() if moment is not None else float("-inf")
