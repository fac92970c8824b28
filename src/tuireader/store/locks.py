"""One writer at a time: a thread lock within the process, a file lock across processes."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock, Timeout

from tuireader.store.errors import LockFileError, StoreBusyError


class StoreLock:
    """Held around every read-modify-write of the store's files.

    Readers do not take it: files are replaced by renames, so a reader sees a whole old or
    whole new file. The thread lock lets a reader on the UI thread skip refreshing while a
    write is in progress here (`if_free`) instead of waiting for it.
    """

    def __init__(self, lock_file: Path, timeout: float) -> None:
        self.thread_lock = threading.RLock()
        self._file_lock = FileLock(str(lock_file), timeout=timeout)

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        """Both locks (raises `StoreBusyError` after the timeout, `LockFileError` when the
        lock file cannot be made)."""
        with self.thread_lock:
            try:
                self._file_lock.acquire()
            except Timeout as error:
                raise StoreBusyError(
                    f"Another tuireader has held {self._file_lock.lock_file} for longer than "
                    f"{self._file_lock.timeout:g} s; try again when it has finished."
                ) from error
            except OSError as error:
                raise LockFileError(
                    error.errno,
                    f"Cannot create the lock file {self._file_lock.lock_file} "
                    f"({error.strerror or error}); changes are not saved.",
                ) from error
            try:
                yield
            finally:
                self._file_lock.release()

    @contextlib.contextmanager
    def if_free(self) -> Iterator[bool]:
        """The thread lock if no write of this process holds it (True), without waiting."""
        got = self.thread_lock.acquire(blocking=False)
        try:
            yield got
        finally:
            if got:
                self.thread_lock.release()
