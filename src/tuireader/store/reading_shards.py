"""Reading state split over a fixed number of small TinyDB files, so a write costs a few
records' worth of serialising instead of the whole library's.

An article's shard is a stable hash of its id (ids are not always hex), so a flush of a few
changes rewrites a few files of ~1/256 of the library each. Every shard is an
`AtomicJSONStorage` (temp file, fsync, backup, rename) read and written under the
database's one file lock; the lock, the locking order and the recovery messages stay in
`Database`.
"""

from __future__ import annotations

import contextlib
import threading
import zlib
from collections.abc import MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tuireader.store.storage import (
    AtomicJSONStorage,
    CorruptDatabaseError,
    WriteGroup,
    make_writable_directory,
    paused_gc,
    remove_stray_temp_files,
)

if TYPE_CHECKING:
    from tuireader.store.database import KeyedTable

SHARD_DIR = "reading"
SHARD_COUNT = 256
"""Part of the on-disk format: every article's file depends on it (changing it means
moving every record, like the migration from the one-file release)."""
TABLE = "reading"

Docs = dict[str, dict[str, Any]]


def shard_index(article_id: str) -> int:
    """Stable across runs and processes (unlike `hash`), spread evenly by any id."""
    return zlib.crc32(article_id.encode("utf-8", "surrogatepass")) % SHARD_COUNT


def shard_name(index: int) -> str:
    return f"{index:02x}.json"


class ReadingShards:
    """The `reading` table as SHARD_COUNT TinyDB files under `data_dir/reading/`."""

    def __init__(self, data_dir: Path, lock: threading.RLock) -> None:
        self.directory = data_dir / SHARD_DIR
        self._lock = lock
        self.storages = [
            AtomicJSONStorage(
                self.directory / shard_name(index),
                label="reading-state file",
                contents="reading state",
                keep_open=False,  # 256 open files would exhaust small descriptor limits
            )
            for index in range(SHARD_COUNT)
        ]
        self._tables: list[KeyedTable | None] = [None] * SHARD_COUNT
        """TinyDB tables, made on first write: opening reads 256 files and writes none."""

    @property
    def writes(self) -> int:
        """Shard files written so far (tests and benchmarks read it)."""
        return sum(storage.writes for storage in self.storages)

    def table(self, index: int) -> KeyedTable:
        from tuireader.store.database import KeyedTable, KeyedTinyDB

        table = self._tables[index]
        if table is None:
            created = KeyedTinyDB(storage=_fixed(self.storages[index])).table(TABLE)
            assert isinstance(created, KeyedTable)
            table = self._tables[index] = created
        return table

    def _forget_queries(self, index: int) -> None:
        """TinyDB caches query results per table; the file changed under them."""
        table = self._tables[index]
        if table is not None:
            table.clear_cache()

    # Under the file lock ------------------------------------------------------------------

    def open_locked(self) -> list[str]:
        """Create the directory, clear dead writers' temp files, read every shard (moving a
        corrupt one aside); returns the recovery messages."""
        make_writable_directory(
            self.directory, parents=False,
            cannot=f"Cannot keep reading state in {self.directory}",
            advice="it must be a directory tuireader can write to.")
        remove_stray_temp_files(self.directory, [s.temp_prefix for s in self.storages])
        messages = []
        with paused_gc():  # the whole library's documents, built in one go
            for index in range(SHARD_COUNT):
                message = self.refresh_locked(index)
                if message is not None:
                    messages.append(message)
        return messages

    def refresh_locked(self, index: int, *, force: bool = False) -> str | None:
        """Re-read shard `index` if it changed (always with `force`); a recovery message
        when it was corrupt."""
        storage = self.storages[index]
        try:
            changed = storage.refresh(force=force)
        except CorruptDatabaseError as error:
            message = storage.recover(error)
            self._forget_queries(index)
            return message
        if changed:
            self._forget_queries(index)
        return None

    def apply_locked(self, changes: Docs, *, keep_saved: bool = False) -> list[str]:
        """Write `changes` (fields per article) on top of each shard as it is on disk now:
        one file write per shard touched. `keep_saved`: fields already saved win (migration).
        Returns recovery messages of shards found corrupt on the way."""
        messages = []
        group = WriteGroup(self.directory)  # durable on return, one directory sync
        try:
            for index, batch in _by_shard(changes).items():
                # Re-read even if the signature matches: shards are not kept open, so the
                # signature alone could miss another process's quick rewrites.
                message = self.refresh_locked(index, force=True)
                if message is not None:
                    messages.append(message)
                storage = self.storages[index]
                storage.group = group
                try:
                    self._apply_to_shard(index, batch, keep_saved)
                finally:
                    storage.group = None
            group.commit()
        except BaseException:
            group.abandon()
            raise
        return messages

    def _apply_to_shard(self, index: int, batch: Docs, keep_saved: bool) -> None:
        """One TinyDB update for the articles the shard has, one insert for the new ones.

        Each TinyDB call converts the whole table, so a call per article would be quadratic
        in a bulk change (mark all read). The update changes the stored documents in place,
        so a reader on another thread sees each one before or after, never missing.
        """
        from tuireader.store.database import keyed_document

        storage = self.storages[index]
        table = self.table(index)
        with storage.deferred():  # one file write for the whole batch
            existing = storage.read().get(TABLE, {})
            present = [key for key in batch if key in existing]
            missing = [key for key in batch if key not in existing]
            if present:
                # TinyDB hands the updater the stored document, not its id: find the id by
                # the document's identity (`existing` keeps every one alive meanwhile).
                key_of = {id(existing[key]): key for key in present}

                def merge(doc: MutableMapping[str, Any]) -> None:
                    fields = batch[key_of[id(doc)]]
                    doc.update({**fields, **doc} if keep_saved else fields)

                table.update(merge, doc_ids=present)  # type: ignore[arg-type]
            if missing:
                table.insert_multiple(
                    keyed_document({**batch[key], "article_id": key}, key) for key in missing
                )

    def saved_locked(self, article_id: str) -> tuple[dict[str, Any] | None, list[str]]:
        """The document on disk now (re-read), and recovery messages."""
        index = shard_index(article_id)
        message = self.refresh_locked(index, force=True)
        doc = self.storages[index].read().get(TABLE, {}).get(article_id)
        return doc, [] if message is None else [message]

    def remove_locked(self, article_id: str) -> list[str]:
        """Delete the article's document; returns recovery messages."""
        doc, messages = self.saved_locked(article_id)
        if doc is not None:
            index = shard_index(article_id)
            with self.storages[index].deferred():
                self.table(index).remove(doc_ids=[article_id])  # type: ignore[list-item]
        return messages

    # Without waiting for the lock ---------------------------------------------------------

    def docs(self, index: int) -> Docs:
        """Shard `index` as last read or written, refreshed if the lock is free.

        Never waits for a write in progress, so the UI thread may call it; it then sees the
        state before that write. A corrupt shard is left to the next locked write.
        """
        if self._lock.acquire(blocking=False):
            try:
                with contextlib.suppress(CorruptDatabaseError, OSError):
                    if self.storages[index].refresh():
                        self._forget_queries(index)
            finally:
                self._lock.release()
        return self.storages[index].read().get(TABLE, {})

    def doc(self, article_id: str) -> dict[str, Any] | None:
        return self.docs(shard_index(article_id)).get(article_id)

    def close(self) -> None:
        for storage in self.storages:
            storage.close()


def _by_shard(changes: Docs) -> dict[int, Docs]:
    shards: dict[int, Docs] = {}
    for article_id, fields in changes.items():
        shards.setdefault(shard_index(article_id), {})[article_id] = fields
    return shards


def _fixed(storage: AtomicJSONStorage) -> Any:
    """TinyDB wants a storage class to call; hand it this instance."""
    return lambda: storage
