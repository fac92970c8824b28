"""A TinyDB storage that never truncates the database in place.

TinyDB's `JSONStorage` truncates and rewrites its file, so a crash mid-write loses everything.
This one serialises first, writes a temp file in the same directory, fsyncs it, keeps the
previous file as a backup (a hard link, so no copy), and `os.replace`s it into place.

It also keeps the parsed data in memory and re-reads the file only when the file on disk is
a different one (inode, size or mtime changed; see `refresh`), so a write costs one serialise
and one file write however often the callers read.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import secrets
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple

from tinydb.storages import Storage

Tables = dict[str, dict[str, Any]]


class StoreError(Exception):
    """A storage problem with a message a user can act on."""


class ReadOnlyDatabaseError(StoreError):
    """The database could not be moved aside after a failed read, so nothing is saved."""


class CorruptDatabaseError(Exception):
    """The database file exists but cannot be read as a TinyDB JSON document."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many objects that hold no cycles.

    Parsing 100k reading-state documents or building 100k `ReadingState`s triggers full
    collections that walk every live object again and again: profiled at 100k records, open
    + `all()` took ~0.7 s with the collector running and ~0.33 s without. Reference counting
    still frees everything; the collector resumes (if it was on) when the block ends.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


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


def fsync_directory(directory: Path) -> None:
    """Make a rename durable: on POSIX the directory entry must be synced too."""
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def serialise(data: Tables) -> bytes:
    """Compact JSON (no indentation): the serialise step is most of a write's cost."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def make_writable_directory(directory: Path, *, parents: bool, cannot: str, advice: str) -> None:
    """Create `directory` if needed and check we may write in it, or raise a `StoreError`:
    "`cannot` (why); `advice`"."""
    try:
        directory.mkdir(parents=parents, exist_ok=True)
        if not os.access(directory, os.W_OK | os.X_OK):
            raise PermissionError(13, "Permission denied")
    except OSError as error:
        raise StoreError(f"{cannot} ({error.strerror or error}); {advice}") from error


def remove_stray_temp_files(directory: Path, prefixes: Iterable[str]) -> list[Path]:
    """Remove `<prefix>*.tmp` files left by a writer that died (one listing of `directory`);
    call only while holding the lock."""
    wanted = tuple(prefixes)
    removed: list[Path] = []
    try:
        names = os.listdir(directory)
    except FileNotFoundError:
        return removed
    for name in names:
        if name.endswith(".tmp") and name.startswith(wanted):
            candidate = directory / name
            with contextlib.suppress(OSError):
                candidate.unlink()
                removed.append(candidate)
    return removed


Signature = tuple[int, int, int, int]


def _signature(st: os.stat_result) -> Signature:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


class StagedWrite(NamedTuple):
    storage: AtomicJSONStorage
    temp: Path
    fd: int


class WriteGroup:
    """Several files of one directory written as one flush: every temp file is written,
    then all are fsynced back to back, then renamed, then the directory is synced once.

    Each file still changes atomically (rename of a synced temp file); fsyncs issued
    together cost less than fsyncs interleaved with writes (45 small files: ~18 ms against
    ~30 ms here). A file whose rename did not happen keeps its old version and is re-read.
    """

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.staged: list[StagedWrite] = []

    def commit(self) -> None:
        try:
            for staged in self.staged:
                os.fsync(staged.fd)
            while self.staged:
                staged = self.staged[0]
                staged.storage._install(staged.temp, staged.fd)
                self.staged.pop(0)
        finally:
            self.abandon()
        fsync_directory(self.directory)

    def abandon(self) -> None:
        for staged in self.staged:
            staged.storage._abandon(staged.temp, staged.fd)
        self.staged = []


class AtomicJSONStorage(Storage):
    """TinyDB storage with atomic replace, a backup, an in-memory copy and deferred writes.

    Not locked by itself: `Database` holds a file lock around every read-modify-write and
    calls `refresh()` under it first, so no process writes on top of data it has not seen.
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
        self.group: WriteGroup | None = None
        """When set, a write is staged into this group and put in place by its `commit`."""
        self.backup_path = path.with_name(path.name + ".bak")
        self._data: Tables = {}
        self._signature: Signature | None = None
        self._pinned_fd: int | None = None
        self._deferred = 0
        self._dirty = False
        self.writes = 0
        """How many times the file was written (tests and benchmarks read it)."""
        self.reloads = 0
        """How many times the file was re-read because another writer changed it."""
        self.read_only = False
        """Set when the file could not be moved aside: changes then stay in memory only."""

    @property
    def temp_prefix(self) -> str:
        return f".{self.path.name}."

    def read(self) -> Tables:
        return self._data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self._data = data
        if self._deferred:
            self._dirty = True
        else:
            self._write_file()

    def close(self) -> None:
        self._unpin()

    @contextlib.contextmanager
    def deferred(self) -> Iterator[None]:
        """Collect every TinyDB write inside the block into one file write at the end."""
        self._deferred += 1
        try:
            yield
        except BaseException:
            self._deferred -= 1
            if self._dirty and not self._deferred:
                # Half-applied changes must not linger in memory: force a re-read.
                self._dirty = False
                self._signature = None
            raise
        self._deferred -= 1
        if self._dirty and not self._deferred:
            self._dirty = False
            self._write_file()

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
        return remove_stray_temp_files(self.path.parent, [self.temp_prefix])

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
                # The next write would replace the backup: keep the bad one too.
                backup_aside = backup.with_name(aside.name.replace(".corrupt-", ".bak.corrupt-"))
                try:
                    os.rename(backup, backup_aside)
                    kept = f"it was moved aside to {backup_aside}"
                except OSError:
                    kept = "it was left where it is"
                why = f"the backup {backup} is unreadable too ({backup_error.reason}); {kept}"
            self.load_data({})
            self.write(self.read())
            return (
                f"The {label} {self.path} could not be read ({error.reason}). It was moved "
                f"aside to {aside}, unchanged, and tuireader started with an empty {label} "
                f"because {why}. Your {self.contents} may be recoverable from {aside}."
            )
        self.load_data(data)
        self.write(self.read())
        return (
            f"The {label} {self.path} could not be read ({error.reason}). It was moved aside "
            f"to {aside}, unchanged, and tuireader started from the backup {backup}, which "
            f"holds the {label} as it was before its last change (that change may be "
            f"missing)."
        )

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
            with contextlib.suppress(OSError):
                os.close(self._pinned_fd)
            self._pinned_fd = None

    def _write_file(self) -> None:
        if self.read_only:
            raise ReadOnlyDatabaseError(
                f"Changes cannot be saved: {self.path} could not be read or moved aside."
            )
        temp, fd = self._write_temp()
        if self.group is not None:
            self.group.staged.append(StagedWrite(self, temp, fd))
            return
        try:
            os.fsync(fd)
            self._install(temp, fd)
        except BaseException:
            self._abandon(temp, fd)
            raise
        fsync_directory(self.path.parent)

    def _write_temp(self) -> tuple[Path, int]:
        """The new version in a temp file beside the file (not yet synced)."""
        payload = serialise(self._data)
        temp = self.path.parent / f"{self.temp_prefix}{os.getpid()}.{secrets.token_hex(4)}.tmp"
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            view = memoryview(payload)
            while view:
                written = os.write(fd, view)
                view = view[written:]
        except BaseException:
            self._abandon(temp, fd)
            raise
        return temp, fd

    def _install(self, temp: Path, fd: int) -> None:
        """Put a synced temp file in place, the old file becoming the backup."""
        self._keep_backup()
        os.replace(temp, self.path)
        self._pin(fd)
        self.writes += 1

    def _abandon(self, temp: Path, fd: int) -> None:
        """Drop a temp file that was not put in place; memory no longer matches the file."""
        with contextlib.suppress(OSError):
            os.close(fd)
        with contextlib.suppress(OSError):
            temp.unlink()
        self._signature = None

    def _keep_backup(self) -> None:
        """Point the backup at the current file (good: it was parsed before we wrote).

        Best effort: failing to refresh the backup leaves the older backup and must not stop
        the write itself.
        """
        if not self.path.exists():
            return
        link = self.path.parent / f"{self.temp_prefix}bak.{secrets.token_hex(4)}.tmp"
        try:
            try:
                os.link(self.path, link)
            except OSError:  # no hard links on this file system: copy instead
                link.write_bytes(self.path.read_bytes())
            os.replace(link, self.backup_path)
        except OSError:
            with contextlib.suppress(OSError):
                link.unlink()
