"""What can go wrong in the store, each with a message a user can act on."""

from __future__ import annotations

import errno as errnos
from pathlib import Path


class StoreError(Exception):
    """A storage problem with a message a user can act on."""


class StoreBusyError(StoreError):
    """Another process held the database lock for longer than we are willing to wait."""


class SaveFailedError(StoreError, OSError):
    """A change could not be written (disk full, read-only data dir...). What was on disk
    before is intact; reading-state changes stay pending and are written by a later flush.

    Also an `OSError` (with the failure's `errno`), so code that handles disk errors
    handles this one; `str()` is the message alone, for one line on the screen.
    """

    def __init__(self, code: int | None, message: str) -> None:
        super().__init__(code if code is not None else errnos.EIO, message)

    def __str__(self) -> str:
        return str(self.strerror)


class LockFileError(SaveFailedError):
    """The lock file cannot be created (read-only or full data dir), so nothing is saved."""


class ReadOnlyDatabaseError(SaveFailedError):
    """The database could not be moved aside after a failed read, so nothing is saved."""

    def __init__(self, message: str) -> None:
        super().__init__(errnos.EROFS, message)


class CorruptDatabaseError(Exception):
    """The database file exists but cannot be read as a TinyDB JSON document."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
