"""The tuireader database: TinyDB files under the data dir, safe across crashes and processes."""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from tuireader.store.errors import LockFileError, StoreError
from tuireader.store.errors import StoreBusyError as StoreBusyError
from tuireader.store.files import DATABASE_NAME
from tuireader.store.locks import StoreLock
from tuireader.store.note_store import NoteStore
from tuireader.store.reading_shards import SHARD_DIR, ReadingShards
from tuireader.store.reading_store import ReadingStateStore
from tuireader.store.reference_dates import ReferenceDates
from tuireader.store.saving import SaveGuard, StoreDirectory
from tuireader.store.settings import SettingsStore
from tuireader.store.shared_tinydb import SharedTinyDB
from tuireader.store.storage import AtomicJSONStorage
from tuireader.store.tables import KeyedTable

logger = logging.getLogger(__name__)

READING_TABLE = "reading"
"""Where the previous release kept reading state in the main file (now in the shards)."""
MAX_MESSAGES = 3


class Database:
    """Notes and settings in `data_dir/tuireader.json`, reading state in the shards under
    `data_dir/reading/` (see `reading_shards`).

    Every change is a read-modify-write under one file lock (one writer across processes),
    on top of the files as they are on disk now. Opening a corrupt file never raises: it is
    moved aside, the backup is used when it is good, and `recovery_message` says what
    happened. A read-only data dir or a full disk never stops it either: it opens with what
    is on disk, `writable` and `save_error` say that changes are not saved, and each save
    raises `SaveFailedError` (reading-state changes stay pending for a later flush).
    """

    def __init__(
        self,
        data_dir: Path,
        *,
        lock_timeout: float = 10.0,
        clock: Callable[[], datetime] | None = None,
        autoflush: float | None = None,
    ) -> None:
        """`autoflush`: seconds between background flushes of reading state (None: only
        explicit `flush()` and `close()` write it)."""
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / DATABASE_NAME
        self._messages: list[str] = []
        self._guard = SaveGuard([
            StoreDirectory(self.data_dir, parents=True,
                           cannot=f"Cannot use {self.data_dir} as the data directory",
                           advice="choose another with --data-dir or TUIREADER_DATA_DIR."),
            StoreDirectory(self.data_dir / SHARD_DIR, parents=False,
                           cannot=f"Cannot keep reading state in {self.data_dir / SHARD_DIR}",
                           advice="it must be a directory tuireader can write to."),
        ])
        self._guard.open()
        self._lock = StoreLock(self.path.with_name(self.path.name + ".lock"), lock_timeout)
        self.storage = AtomicJSONStorage(self.path)
        self.main = SharedTinyDB(self.storage, self._lock, self._guard, self._messages.append)
        self.shards = ReadingShards(self.data_dir, self._lock, self._guard,
                                    self._messages.append)
        self._closed = False
        self._open_files()
        self.reading = ReadingStateStore(self.shards)
        self.notes = NoteStore(self.main, clock or _local_now)
        self.settings = SettingsStore(self.main)
        self.reference_dates = ReferenceDates(self.main)
        self.flush_error: Exception | None = None
        """The last error of a background flush (disk full...), for the UI to show."""
        self._stop_autoflush = threading.Event()
        self._autoflush: threading.Thread | None = None
        if autoflush is not None:
            self._autoflush = threading.Thread(
                target=self._autoflush_loop,
                args=(autoflush,),
                name="tuireader-flush",
                daemon=True,
            )
            self._autoflush.start()

    @property
    def recovery_message(self) -> str | None:
        """What was recovered from a corrupt file (main file or reading-state shards)."""
        if not self._messages:
            return None
        shown = self._messages[:MAX_MESSAGES]
        if len(self._messages) > MAX_MESSAGES:
            shown.append(f"({len(self._messages) - MAX_MESSAGES} more files were recovered.)")
        return "\n".join(shown)

    @property
    def writable(self) -> bool:
        """False while changes cannot be saved: the data dir is read-only, or the last save
        failed (disk full). Changes are then kept in memory only; see `save_error`."""
        return self._guard.writable and not self.storage.read_only

    @property
    def save_error(self) -> str | None:
        """Why changes are not being saved, in words for the user (None while they are)."""
        if self.storage.read_only:
            return f"Changes are not saved: {self.path} could not be read or moved aside."
        return self._guard.error

    def add_recovery_messages(self, messages: list[str]) -> None:
        self._messages.extend(messages)

    def __enter__(self) -> Database:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Write pending reading-state changes and release the file.

        If that last write fails (disk full, lock held too long) the file is still released
        and the error is raised, so the caller can tell the user what was not saved.
        """
        if self._closed:
            return
        self._stop_autoflush.set()
        if self._autoflush is not None:
            self._autoflush.join()
        try:
            self.reading.flush()
        finally:
            with self._lock.thread_lock:
                self._closed = True
                self.main.close()
                self.shards.close()

    def move_article(self, old_id: str, new_id: str) -> int:
        """Reading state and notes of `old_id` now belong to `new_id`; how many notes moved."""
        self.reading.move(old_id, new_id)
        return self.notes.move_article(old_id, new_id)

    def table(self, name: str) -> KeyedTable:
        """A TinyDB table of the main file, as last read (see `SharedTinyDB.fresh_table`)."""
        return self.main.fresh_table(name)

    @contextlib.contextmanager
    def writing(self, what: str = "the changes") -> Iterator[None]:
        """A read-modify-write of the main file: lock, re-read if another process wrote,
        apply, write once."""
        with self.main.writing(what):
            yield

    def _autoflush_loop(self, interval: float) -> None:
        while not self._stop_autoflush.wait(interval):
            try:
                self.reading.flush()
                self.flush_error = None
            except Exception as error:  # kept pending; reported to the UI, retried next time
                if str(error) != str(self.flush_error):  # once per failure, not per interval
                    logger.warning("Background flush of the reading state failed",
                                   exc_info=True)
                self.flush_error = error

    def _open_files(self) -> None:
        """Read the files (recovering corrupt ones) and finish a migration, under the lock;
        without it when the data dir takes no writes (reading is safe without it)."""
        if self._guard.writable:
            try:
                with self._lock.held():
                    self._open_locked(writable=True)
                return
            except LockFileError as error:  # a full disk can refuse even an empty file
                logger.warning("Opening %s without the lock", self.data_dir, exc_info=True)
                self._guard.error = str(error)
        with self._lock.thread_lock:
            self._open_locked(writable=False)

    def _open_locked(self, *, writable: bool) -> None:
        if writable:
            self.storage.clean_stray_temp_files()
        self.main.refresh_locked()
        self.shards.open_locked(clean=writable)
        if writable:
            self._migrate_reading_locked()
        elif READING_TABLE in self.main.db.tables():
            self._messages.append(
                f"The reading state in {self.path} will be moved into {self.shards.directory} "
                "once tuireader can write there; until then it is not shown.")

    def _migrate_reading_locked(self) -> None:
        """Move a `reading` table of the previous release (one file) into the shards.

        Crash-safe: the shards are written (fsynced) before the table leaves the main file,
        so a crash in between only repeats the migration on the next open; state saved in
        the shards wins over the copy in the main file, so repeating it changes nothing.
        """
        if READING_TABLE not in self.main.db.tables() or self.storage.read_only:
            return
        legacy = {str(doc.doc_id): dict(doc) for doc in self.main.table(READING_TABLE)}
        try:
            if legacy:
                self.shards.apply_locked(legacy, keep_saved=True)
            with self.main.batching.batch():
                self.main.db.drop_table(READING_TABLE)
        except OSError as error:
            raise StoreError(
                f"Cannot move the reading state from {self.path} into "
                f"{self.shards.directory} ({error.strerror or error}); nothing was lost, "
                f"and it will be tried again next time."
            ) from error


def _local_now() -> datetime:
    return datetime.now(UTC).astimezone()
