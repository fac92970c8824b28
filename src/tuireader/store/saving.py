"""Whether the store's changes reach the disk, and why not when they do not.

A full disk or a read-only data directory must not stop tuireader: the database opens with
what is on disk, keeps changes in memory, and says once, in words, that saving fails. A
write that fails leaves the previous files intact (see `tuireader.atomic`).
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tuireader.store.errors import SaveFailedError, StoreError

logger = logging.getLogger(__name__)

CANNOT_WRITE = frozenset({errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC, errno.EDQUOT})
"""Errors that mean "this place takes no writes now", not "this is no place for data"."""


@dataclass(frozen=True)
class StoreDirectory:
    path: Path
    parents: bool
    cannot: str
    """The start of the error when it cannot be a directory: "Cannot use X as ..."."""
    advice: str


def prepare(directory: StoreDirectory) -> OSError | None:
    """Create the directory if needed; None when we may write in it, else why not.

    Raises `StoreError` when it cannot be a directory at all (a file in the way, a parent
    missing with `parents=False`): that is a mistake to fix, not a disk to wait for.
    """
    try:
        directory.path.mkdir(parents=directory.parents, exist_ok=True)
    except OSError as error:
        if error.errno in CANNOT_WRITE:
            return error
        raise StoreError(
            f"{directory.cannot} ({error.strerror or error}); {directory.advice}"
        ) from error
    if not os.access(directory.path, os.W_OK | os.X_OK):
        return PermissionError(errno.EACCES, "not writable", str(directory.path))
    return None


def _reason(error: OSError) -> str:
    where = f"{error.filename}: " if error.filename else ""
    return f"{where}{error.strerror or error}"


class SaveGuard:
    """Runs every save (`saving`) and remembers how the last one went.

    `writable` is False while saving fails: the data directory is read-only, or the last
    save failed (disk full); `error` says why. A save first checks the directories again
    (a few syscalls), so one made writable again is used without a restart, and one still
    read-only fails at once instead of waiting for a lock file it cannot create.
    """

    def __init__(self, directories: list[StoreDirectory]) -> None:
        self.directories = directories
        self.error: str | None = None

    @property
    def writable(self) -> bool:
        return self.error is None

    def open(self) -> None:
        """At start: note whether the directories take writes (raises `StoreError` if one
        cannot be a directory)."""
        problem = self._problem()
        if problem is not None:
            self.error = f"Changes will not be saved ({_reason(problem)})."

    def _problem(self) -> OSError | None:
        for directory in self.directories:
            problem = prepare(directory)
            if problem is not None:
                return problem
        return None

    @contextlib.contextmanager
    def saving(self, what: str, where: Path) -> Iterator[None]:
        """Around a write of `what` ("the note"...) to `where`: an `OSError` becomes
        `SaveFailedError` with a message for the user, remembered until a save succeeds."""
        problem = self._problem()
        if problem is not None:
            raise self._failed(what, where, _reason(problem), problem.errno)
        try:
            yield
        except SaveFailedError as error:
            self.error = str(error)
            raise
        except OSError as error:
            logger.warning("Saving %s in %s failed", what, where, exc_info=True)
            raise self._failed(what, where, error.strerror or str(error), error.errno) from error
        self.error = None

    def _failed(self, what: str, where: Path, reason: str, code: int | None) -> SaveFailedError:
        self.error = (f"Could not save {what} in {where} ({reason}); "
                      "what was saved before is intact.")
        return SaveFailedError(code, self.error)
