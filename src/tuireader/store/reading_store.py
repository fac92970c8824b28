"""Reading state per article: changes show at once and reach the disk in batches.

A keypress must never wait for the disk, so `update` only records the change in memory;
`flush` (from a worker thread, on a timer, and on close) writes everything pending in one
locked read-modify-write.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator, Mapping
from datetime import datetime
from os import PathLike, fspath
from typing import Any

from tuireader.gc_pause import paused_gc
from tuireader.store.reading_shards import SHARD_COUNT, ReadingShards, shard_index
from tuireader.store.reading_state import ReadingState

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


def decode_state(article_id: str, doc: Mapping[str, Any]) -> ReadingState:
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
            # Positional: keywords cost a microsecond more per state, `all()` builds 100,000.
            return ReadingState(article_id, read, starred, moment, position, path)
    return _decode_state_slowly(article_id, doc)


def _decode_state_slowly(article_id: str, doc: Mapping[str, Any]) -> ReadingState:
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

    def __init__(self, shards: ReadingShards) -> None:
        self._shards = shards
        self._pending: dict[str, dict[str, Any]] = {}
        self._in_flight: dict[str, dict[str, Any]] = {}
        self._pending_lock = threading.Lock()

    def get(self, article_id: str) -> ReadingState:
        """The state as the user last set it (pending changes included); default if unknown."""
        # Overlay first, then the saved data: a flush finishing in between is then seen in
        # one or the other, never in neither.
        overlay = self._overlay_of(article_id)
        saved = self._shards.document(article_id)
        if saved is None and not overlay:
            return ReadingState(article_id=article_id)
        doc = {**(saved or {}), **overlay}
        return decode_state(article_id, doc)

    def all(self) -> dict[str, ReadingState]:
        overlay = self._overlay()  # before the saved data, as in `get`
        tables = self._saved_tables()
        states: dict[str, ReadingState] = {}
        with paused_gc():  # one state per article
            for table in tables:
                states.update((article_id, decode_state(article_id, doc))
                              for article_id, doc in table.items())
            for article_id, fields in overlay.items():
                saved = tables[shard_index(article_id)].get(article_id, {})
                states[article_id] = decode_state(article_id, {**saved, **fields})
        return states

    def read_ids(self) -> set[str]:
        """Ids of the articles marked read, without building every state (for the list)."""
        return self._ids_where("read")

    def starred_ids(self) -> set[str]:
        """Ids of the starred articles, without building every state (for the list)."""
        return self._ids_where("starred")

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
        """How many articles have changes not yet on disk (a flush in progress has not put
        its batch there yet)."""
        with self._pending_lock:
            return len(self._pending.keys() | self._in_flight.keys())

    def flush(self) -> int:
        """Write every pending change now; returns how many articles it wrote.

        One locked write that rewrites only the shard files holding a changed article.
        Thread-safe; blocks the calling thread for the write (and for another process's
        write holding the lock), so call it from a worker. On failure the changes stay
        pending and the error propagates (`SaveFailedError` when the disk is full or the data
        dir read-only; shards already written get the same fields again next time, which
        changes nothing).
        """
        with self._shards.lock.thread_lock:
            with self._pending_lock:
                if not self._pending:
                    return 0
                self._in_flight, self._pending = self._pending, {}
                batch = self._in_flight
            try:
                with self._shards.writing():
                    self._shards.apply_locked(batch)
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
        already has win. Written at once: `new_id` first, so a crash in between leaves the
        state under both ids rather than under neither."""
        if old_id == new_id:
            return self.get(new_id)
        self.flush()
        with self._shards.writing():
            old = self._shards.saved_locked(old_id)
            if old is not None:
                fields = {k: v for k, v in old.items() if k != "article_id"}
                self._shards.apply_locked({new_id: fields}, keep_saved=True)
                self._shards.remove_locked(old_id)
        return self.get(new_id)

    def last_opened(self) -> ReadingState | None:
        """The article opened most recently, to reopen it at start-up.

        Parsing 100k timestamps cost ~0.1 s, so they are compared as text first: stamps
        written by `isoformat` with the same length and the same last six characters (the
        UTC offset) sort as text in time order. Only the latest of each such group is
        parsed, and a group whose latest does not parse is parsed whole. Builds one state.
        """
        overlay = self._overlay()
        tables = self._saved_tables()
        latest: dict[tuple[int, str], tuple[str, str]] = {}  # shape -> (stamp, article id)
        for table in tables:
            for article_id, doc in table.items():
                raw = doc.get("last_opened")
                if raw.__class__ is str and article_id not in overlay:
                    shape = (len(raw), raw[-6:])
                    held = latest.get(shape)
                    if held is None or raw > held[0]:
                        latest[shape] = (raw, article_id)
        pending: list[tuple[str, Any]] = []
        for article_id, fields in overlay.items():
            saved = tables[shard_index(article_id)].get(article_id, {})
            pending.append((article_id, {**saved, **fields}.get("last_opened")))
        candidates = [(article_id, raw) for raw, article_id in latest.values()] + pending
        best_id: str | None = None
        best_key = float("-inf")
        for article_id, raw in candidates:
            if raw.__class__ is not str:
                continue
            try:
                key = _sort_key(datetime.fromisoformat(raw))
            except ValueError:
                if (article_id, raw) in pending:
                    continue
                found = self._latest_of_shape(tables, overlay, (len(raw), raw[-6:]))
                if found is None:
                    continue
                article_id, key = found
            if best_id is None or key > best_key:
                best_id, best_key = article_id, key
        return None if best_id is None else self.get(best_id)

    @staticmethod
    def _latest_of_shape(
        tables: list[Mapping[str, Mapping[str, Any]]],
        overlay: dict[str, dict[str, Any]],
        shape: tuple[int, str],
    ) -> tuple[str, float] | None:
        """The slow way, for a group whose textual latest is not a valid timestamp."""
        best: tuple[str, float] | None = None
        for table in tables:
            for article_id, doc in table.items():
                raw = doc.get("last_opened")
                if raw.__class__ is not str or article_id in overlay:
                    continue
                if (len(raw), raw[-6:]) != shape:
                    continue
                try:
                    key = _sort_key(datetime.fromisoformat(raw))
                except ValueError:
                    continue
                if best is None or key > best[1]:
                    best = (article_id, key)
        return best

    def find_by_path(self, path: str | PathLike[str]) -> ReadingState | None:
        """The state last seen at `path`, so it can follow an article whose id changed."""
        wanted = str(path)
        overlay = self._overlay()
        for article_id, doc in self._merged_docs(overlay, self._saved_tables()):
            if doc.get("path") == wanted:
                state = self.get(article_id)
                if state.path == wanted:
                    return state
        return None

    def _overlay_of(self, article_id: str) -> dict[str, Any]:
        with self._pending_lock:
            return {**self._in_flight.get(article_id, {}), **self._pending.get(article_id, {})}

    def _overlay(self) -> dict[str, dict[str, Any]]:
        with self._pending_lock:
            overlay: dict[str, dict[str, Any]] = {}
            for source in (self._in_flight, self._pending):
                for article_id, fields in source.items():
                    overlay.setdefault(article_id, {}).update(fields)
        return overlay

    def _saved_tables(self) -> list[Mapping[str, Mapping[str, Any]]]:
        """Every shard's documents, each refreshed once (never waiting for a write)."""
        return [self._shards.documents(index) for index in range(SHARD_COUNT)]

    @staticmethod
    def _merged_docs(
        overlay: dict[str, dict[str, Any]], tables: list[Mapping[str, Mapping[str, Any]]]
    ) -> Iterator[tuple[str, Mapping[str, Any]]]:
        """Every saved document with its pending changes on top, then the unsaved ones."""
        for table in tables:
            for article_id, doc in table.items():
                fields = overlay.get(article_id)
                yield article_id, doc if fields is None else {**doc, **fields}
        for article_id, fields in overlay.items():
            if article_id not in tables[shard_index(article_id)]:
                yield article_id, fields

    def _ids_where(self, flag: str) -> set[str]:
        overlay = self._overlay()
        ids: set[str] = set()
        for table in self._saved_tables():
            ids.update(key for key, doc in table.items() if doc.get(flag) is True)
        for article_id, fields in overlay.items():  # a pending change wins over the saved one
            if flag in fields:
                if fields[flag] is True:
                    ids.add(article_id)
                else:
                    ids.discard(article_id)
        return ids


def _sort_key(moment: datetime | None) -> float:
    """Naive and aware datetimes in one ordering (naive read as local time)."""
    return moment.timestamp() if moment is not None else float("-inf")
