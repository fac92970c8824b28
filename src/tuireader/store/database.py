"""The tuireader database: one TinyDB file under the data dir, safe across crashes and processes."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from filelock import FileLock, Timeout
from tinydb import TinyDB
from tinydb.table import Document, Table

from tuireader.store.files import DATABASE_NAME
from tuireader.store.storage import (
    AtomicJSONStorage,
    CorruptDatabaseError,
    StoreError,
    make_writable_directory,
)

READING_TABLE = "reading"
"""Where the previous release kept reading state in the main file (now in the shards)."""
MAX_MESSAGES = 3


class StoreBusyError(StoreError):
    """Another process held the database lock for longer than we are willing to wait."""


class KeyedTable(Table):
    """A TinyDB table whose document ids are our own string keys (article id, note id).

    Keys we choose ourselves never collide between processes, unlike TinyDB's per-instance
    counter of integer ids.
    """

    document_id_class = str  # type: ignore[assignment]


class KeyedTinyDB(TinyDB):
    table_class = KeyedTable


def keyed_document(data: dict[str, Any], key: str) -> Document:
    """A TinyDB `Document` with a string id (TinyDB's hints say int; `KeyedTable` uses str)."""
    return Document(data, doc_id=key)  # type: ignore[arg-type]


class Database:
    """Notes and settings in `data_dir/tuireader.json`, reading state in the shards under
    `data_dir/reading/` (see `reading_shards`).

    Every change is a read-modify-write under one file lock (one writer across processes),
    on top of the files as they are on disk now. Opening a corrupt file never raises: it is
    moved aside, the backup is used when it is good, and `recovery_message` says what
    happened.
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
        # Imported here: the stores import this module for `Database`'s type.
        from tuireader.store.note_store import NoteStore
        from tuireader.store.reading_shards import ReadingShards
        from tuireader.store.reading_store import ReadingStateStore
        from tuireader.store.settings import SettingsStore

        self.data_dir = Path(data_dir)
        self.path = self.data_dir / DATABASE_NAME
        self._messages: list[str] = []
        make_writable_directory(
            self.data_dir, parents=True,
            cannot=f"Cannot use {self.data_dir} as the data directory",
            advice="choose another with --data-dir or TUIREADER_DATA_DIR.")
        self.storage = AtomicJSONStorage(self.path)
        self._lock = threading.RLock()
        self._file_lock = FileLock(
            str(self.path.with_name(self.path.name + ".lock")), timeout=lock_timeout
        )
        self._tinydb = KeyedTinyDB(storage=lambda: self.storage)
        self._tables: dict[str, KeyedTable] = {}
        self.shards = ReadingShards(self.data_dir, self._lock)
        self._closed = False
        with self._locked():
            self.storage.clean_stray_temp_files()
            self._refresh_locked()
            self._messages.extend(self.shards.open_locked())
            self._migrate_reading_locked()
        self.reading = ReadingStateStore(self)
        self.notes = NoteStore(self, clock or _local_now)
        self.settings = SettingsStore(self)
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
            with self._lock:
                self._closed = True
                self.storage.close()
                self.shards.close()

    def move_article(self, old_id: str, new_id: str) -> int:
        """Reading state and notes of `old_id` now belong to `new_id`; how many notes moved."""
        self.reading.move(old_id, new_id)
        return self.notes.move_article(old_id, new_id)

    def _autoflush_loop(self, interval: float) -> None:
        while not self._stop_autoflush.wait(interval):
            try:
                self.reading.flush()
                self.flush_error = None
            except Exception as error:  # kept pending; reported to the UI, retried next time
                self.flush_error = error

    def table(self, name: str) -> KeyedTable:
        table = self._tables.get(name)
        if table is None:
            created = self._tinydb.table(name)
            assert isinstance(created, KeyedTable)
            table = self._tables[name] = created
        return table

    def raw_table(self, name: str) -> dict[str, dict[str, Any]]:
        """The documents of `name` as last read or written, refreshed if the lock is free.

        Never waits for a write in progress (in this process or another), so the UI thread
        may call it; it then sees the state before that write.
        """
        if self._lock.acquire(blocking=False):
            try:
                with contextlib.suppress(CorruptDatabaseError, OSError):
                    self._refresh_unlocked_file()
            finally:
                self._lock.release()
        return self.storage.read().get(name, {})

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """A read-modify-write: lock, re-read if another process wrote, apply, write once."""
        with self._locked():
            self._refresh_locked()
            with self.storage.deferred():
                yield

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        with self._lock:
            try:
                self._file_lock.acquire()
            except Timeout as error:
                raise StoreBusyError(
                    f"Another tuireader has held {self._file_lock.lock_file} for longer than "
                    f"{self._file_lock.timeout:g} s; try again when it has finished."
                ) from error
            try:
                yield
            finally:
                self._file_lock.release()

    def _refresh_unlocked_file(self) -> None:
        """Pick up another process's write (safe without the file lock: writes are renames)."""
        if self.storage.refresh():
            self._clear_query_caches()

    def _refresh_locked(self) -> None:
        try:
            changed = self.storage.refresh()
        except CorruptDatabaseError as error:
            self._recover(error)
            changed = True
        if changed:
            self._clear_query_caches()

    def _clear_query_caches(self) -> None:
        for table in self._tables.values():
            table.clear_cache()

    def _recover(self, error: CorruptDatabaseError) -> None:
        """Move the bad file aside, start from the backup if it is good, and say so."""
        self._messages.append(self.storage.recover(error))

    def _migrate_reading_locked(self) -> None:
        """Move a `reading` table of the previous release (one file) into the shards.

        Crash-safe: the shards are written (fsynced) before the table leaves the main file,
        so a crash in between only repeats the migration on the next open; state saved in
        the shards wins over the copy in the main file, so repeating it changes nothing.
        """
        legacy = self.storage.read().get(READING_TABLE)
        if legacy is None or self.storage.read_only:
            return
        try:
            if legacy:
                self._messages.extend(self.shards.apply_locked(legacy, keep_saved=True))
            with self.storage.deferred():
                self._tinydb.drop_table(READING_TABLE)
        except OSError as error:
            raise StoreError(
                f"Cannot move the reading state from {self.path} into "
                f"{self.shards.directory} ({error.strerror or error}); nothing was lost, "
                f"and it will be tried again next time."
            ) from error


def _local_now() -> datetime:
    return datetime.now(UTC).astimezone()
