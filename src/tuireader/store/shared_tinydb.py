"""One TinyDB file that several tuireader processes (and threads) read and write."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator

from tuireader.store.batching import BatchedWrites
from tuireader.store.errors import CorruptDatabaseError
from tuireader.store.locks import StoreLock
from tuireader.store.saving import SaveGuard
from tuireader.store.storage import AtomicJSONStorage
from tuireader.store.tables import KeyedTable, KeyedTinyDB

logger = logging.getLogger(__name__)


class SharedTinyDB:
    """A TinyDB over an `AtomicJSONStorage`, its writes batched (`BatchedWrites`).

    Writes are read-modify-writes under the store's lock on top of the file as it is on
    disk now (`writing`); reads never wait for a write (`fresh_table`). A corrupt file is
    moved aside when met under the lock, and `report` gets the recovery message.
    """

    def __init__(self, storage: AtomicJSONStorage, lock: StoreLock, guard: SaveGuard,
                 report: Callable[[str], None]) -> None:
        self.storage = storage
        self.batching = BatchedWrites(storage)
        self._lock = lock
        self._guard = guard
        self._report = report
        self._db: KeyedTinyDB | None = None

    @property
    def db(self) -> KeyedTinyDB:
        """Made on first use: the 256 reading-state shards are opened by reading their
        files, and most of them may never be read through TinyDB in a session."""
        if self._db is None:
            self._db = KeyedTinyDB(storage=self.batching)
        return self._db

    def table(self, name: str) -> KeyedTable:
        """The table as in memory now (inside `writing`, the file as it is on disk)."""
        return self.db.keyed_table(name)

    def fresh_table(self, name: str) -> KeyedTable:
        """The table for reading: the file is re-read first if another process replaced it,
        unless a write of this process is in progress (then: the state before that write)."""
        self.refresh_if_free()
        return self.table(name)

    def refresh_if_free(self) -> None:
        """Pick up another process's write without waiting for the lock (safe: files are
        replaced by renames). A corrupt file is left to the next write, which recovers it."""
        with self._lock.if_free() as free:
            if not free:
                return
            try:
                self.storage.refresh()
            except (CorruptDatabaseError, OSError):
                logger.warning("Could not re-read %s; showing what was read before",
                               self.storage.path, exc_info=True)

    def refresh_locked(self, *, force: bool = False) -> None:
        """Under the lock: re-read the file if it changed (always with `force`), recovering
        a corrupt one."""
        try:
            self.storage.refresh(force=force)
        except CorruptDatabaseError as error:
            self._report(self.storage.recover(error))

    @contextlib.contextmanager
    def writing(self, what: str) -> Iterator[None]:
        """A read-modify-write of `what` ("the note"): lock, re-read if another process
        wrote, apply, write once. Raises `SaveFailedError` if it cannot be written."""
        with self._guard.saving(what, self.storage.path), self._lock.held():
            self.refresh_locked()
            with self.batching.batch():
                yield

    def close(self) -> None:
        self.storage.close()
