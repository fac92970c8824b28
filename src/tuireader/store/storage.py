"""A TinyDB storage that never truncates the database in place.

TinyDB's `JSONStorage` truncates and rewrites its file, so a crash mid-write loses everything.
This one serialises first and replaces the file with `tuireader.atomic` (temp file, fsync,
rename), keeping the previous file as a backup (a hard link, so no copy).

It also keeps the parsed data in memory and re-reads the file only when the file on disk is
a different one (inode, size or mtime changed; see `refresh`), so a write costs one serialise
and one file write however often the callers read.
"""

from __future__ import annotations

import json
import logging
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from tuireader.atomic import AtomicBatch, atomic_write, remove_stray_temp_files
from tuireader.gc_pause import paused_gc
from tuireader.store.errors import CorruptDatabaseError as CorruptDatabaseError
from tuireader.store.errors import ReadOnlyDatabaseError as ReadOnlyDatabaseError
from tuireader.store.errors import StoreError as StoreError

logger = logging.getLogger(__name__)

Tables = dict[str, dict[str, Any]]
Signature = tuple[int, int, int, int]


def parse_tables(raw: bytes, path: Path) -> Tables:
    """Decode and check a TinyDB file: a JSON object of tables, each an object of documents."""
    try:
        with paused_gc():
            data = json.loads(raw.decode("utf-8")) if raw.strip() else {}
    except UnicodeDecodeError as error:
        raise CorruptDatabaseError(path, f"not UTF-8 text at byte {error.start}") from error
    except json.JSONDecodeError as error:
        raise CorruptDatabaseError(
            path, f"invalid JSON at line {error.lineno}, column {error.colno}"
        ) from error
    if not isinstance(data, dict):
        raise CorruptDatabaseError(path, "the top level is not a JSON object")
    for name, table in data.items():
        # json.loads builds plain dicts: checking the set of value types runs in C.
        if not isinstance(table, dict) or not set(map(type, table.values())) <= {dict}:
            raise CorruptDatabaseError(path, f"table {name!r} is not an object of documents")
    return data


def read_tables(path: Path) -> Tables:
    """Read and check a TinyDB file; raises `CorruptDatabaseError` (also when unreadable)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise
    except OSError as error:
        raise CorruptDatabaseError(path, f"cannot be read ({error.strerror})") from error
    return parse_tables(raw, path)


def serialise(data: Tables) -> bytes:
    """Compact JSON (no indentation): the serialise step is most of a write's cost."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _signature(st: os.stat_result) -> Signature:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


class AtomicJSONStorage(Storage):
    """TinyDB storage with atomic replace, a backup and an in-memory copy of the file.

    Not locked by itself: the store holds a file lock around every read-modify-write and
    calls `refresh()` under it first, so no process writes on top of data it has not seen.
    Writes come one per batch of TinyDB calls (see `batching.BatchedWrites`).
    """

    def __init__(
        self,
        path: Path,
        *,
        label: str = "database",
        contents: str = "reading state and notes",
        keep_open: bool = True,
    ) -> None:
        """`label` and `contents` name the file in recovery messages. `keep_open=False`: do
        not hold the version in memory open (for the many small reading-state shards, which
        would otherwise cost a file descriptor each); `refresh` then trusts inode, size and
        mtime alone, and writers re-read with `refresh(force=True)` under the lock."""
        self.path = path
        self.label = label
        self.contents = contents
        self.keep_open = keep_open
        self.batch: AtomicBatch | None = None
        """When set, a write is staged into this batch and put in place by its `commit`."""
        self.backup_path = path.with_name(path.name + ".bak")
        self._data: Tables = {}
        self._signature: Signature | None = None
        self._pinned_fd: int | None = None
        self.writes = 0
        """How many times the file was written (tests and benchmarks read it)."""
        self.reloads = 0
        """How many times the file was re-read because another writer changed it."""
        self.read_only = False
        """Set when the file could not be moved aside: changes then stay in memory only."""

    def read(self) -> Tables:
        return self._data

    def write(self, data: Tables) -> None:
        self._data = data
        self._write_file()

    def close(self) -> None:
        self._unpin()

    def invalidate(self) -> None:
        """Memory no longer matches the file (a write failed halfway): re-read it next time."""
        self._signature = None

    def load(self) -> None:
        """Read the file now (raises `CorruptDatabaseError`); a missing file is empty."""
        self._signature = None
        self.refresh()

    def load_data(self, data: Tables) -> None:
        """Replace the data in memory (recovery); the next write puts it on disk."""
        self._unpin()
        self._data = data
        self._signature = None

    def refresh(self, *, force: bool = False) -> bool:
        """Re-read the file if it is not the one last read or written; True if it was.

        A `stat` is cheap, a parse of a large file is not. The inode check is exact because
        we keep the last version we read open (on POSIX), so its inode number cannot be
        reused by a newer file; size and mtime catch in-place edits. `force`: re-read even
        when the signature matches (a storage that does not keep its file open, before a
        read-modify-write).
        """
        if self.read_only:
            return False
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            if self._signature is None and not self._data:
                return False
            self._unpin()
            self._data = {}
            self._signature = None
            return True
        if self._signature == _signature(st) and not force:
            return False
        fd = os.open(self.path, os.O_RDONLY)
        try:
            with os.fdopen(os.dup(fd), "rb") as handle:
                raw = handle.read()
            data = parse_tables(raw, self.path)
        except CorruptDatabaseError:
            os.close(fd)
            raise
        except OSError as error:
            os.close(fd)
            raise CorruptDatabaseError(self.path, f"cannot be read ({error.strerror})") from error
        self._data = data
        self._pin(fd)
        self.reloads += 1
        return True

    def clean_stray_temp_files(self) -> list[Path]:
        """Remove temp files left by a writer that died; call only while holding the lock."""
        return remove_stray_temp_files(self.path.parent, [self.path, self.backup_path])

    def recover(self, error: CorruptDatabaseError) -> str:
        """Move the bad file aside, start from the backup if it is good; says what happened.

        Call under the lock. When the file cannot be moved aside, the storage becomes
        read-only and empty for this session.
        """
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        counter = 1
        while aside.exists():
            aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{counter}")
            counter += 1
        backup = self.backup_path
        label = self.label
        try:
            os.rename(self.path, aside)
        except OSError as move_error:
            logger.warning("Could not move %s aside", self.path, exc_info=True)
            self.read_only = True
            self.load_data({})
            return (
                f"The {label} {self.path} could not be read ({error.reason}) and could not "
                f"be moved aside ({move_error.strerror}). It was left untouched; tuireader is "
                f"running with an empty {label} and will not save changes this session. "
                f"A backup may be in {backup}."
            )
        try:
            data = read_tables(backup)
        except (CorruptDatabaseError, FileNotFoundError) as backup_error:
            if isinstance(backup_error, FileNotFoundError):
                why = "there is no backup"
            else:
                why = f"the backup {backup} is unreadable too ({backup_error.reason}); " + (
                    self._keep_bad_backup(aside))
            self._start_from({})
            return (
                f"The {label} {self.path} could not be read ({error.reason}). It was moved "
                f"aside to {aside}, unchanged, and tuireader started with an empty {label} "
                f"because {why}. Your {self.contents} may be recoverable from {aside}."
            )
        self._start_from(data)
        return (
            f"The {label} {self.path} could not be read ({error.reason}). It was moved aside "
            f"to {aside}, unchanged, and tuireader started from the backup {backup}, which "
            f"holds the {label} as it was before its last change (that change may be "
            f"missing)."
        )

    def _keep_bad_backup(self, aside: Path) -> str:
        """The next write would replace the bad backup: move it aside too; says where."""
        backup_aside = self.backup_path.with_name(
            aside.name.replace(".corrupt-", ".bak.corrupt-"))
        try:
            os.rename(self.backup_path, backup_aside)
        except OSError:
            logger.warning("Could not move the backup %s aside", self.backup_path,
                           exc_info=True)
            return "it was left where it is"
        return f"it was moved aside to {backup_aside}"

    def _start_from(self, data: Tables) -> None:
        """After recovery: `data` in memory and on disk (raises `OSError` if it cannot be
        written: the bad file is aside, so memory alone would be lost at the next read)."""
        self.load_data(data)
        self.write(self.read())

    def _pin(self, fd: int) -> None:
        """Keep `fd` (the version in memory) open and remember its signature."""
        self._unpin()
        st = os.fstat(fd)
        if os.name == "posix" and self.keep_open:
            self._pinned_fd = fd
        else:  # an open file would block os.replace on Windows
            os.close(fd)
        self._signature = _signature(st)

    def _unpin(self) -> None:
        if self._pinned_fd is not None:
            fd, self._pinned_fd = self._pinned_fd, None
            try:
                os.close(fd)
            except OSError:
                logger.warning("Could not close %s", self.path, exc_info=True)

    def _write_file(self) -> None:
        """Put the data in memory on disk (or stage it into `batch`)."""
        if self.read_only:
            raise ReadOnlyDatabaseError(
                f"Changes cannot be saved: {self.path} could not be read or moved aside."
            )
        payload = serialise(self._data)
        self._signature = None  # until the new file is in place, memory is not the file
        if self.batch is not None:
            self.batch.stage(self.path, payload, backup=self.backup_path,
                             installed=self._installed)
            return
        atomic_write(self.path, payload, backup=self.backup_path, installed=self._installed)

    def _installed(self, fd: int) -> None:
        """The file on disk (open as `fd`) is now the data in memory: remember which it is."""
        self._pin(fd)
        self.writes += 1
