"""A directory on a read-only or a full file system, faked in-process.

The suite runs as root, whom `chmod 0o500` does not stop, and mounting a read-only or a
tiny file system needs privileges a test should not take. So the write primitives Python
and filelock use (`os.open` with write flags, `os.write`, `os.mkdir`, `os.replace`,
`os.rename`, `os.link`, `os.unlink`, `io.open` for writing, `os.access(W_OK)`) are wrapped
to fail, for paths under the directory only, the way the kernel does:

- `read_only`: every change fails with EROFS and `os.access(W_OK)` says no;
- `full`: writing data fails with ENOSPC (so does making a directory, which needs a
  block), while opening, renaming and removing still work, as on a disk with inodes left.

`setattr` is `monkeypatch.setattr` in a test, or the builtin in a child process (a script
patches itself before it calls the CLI). Linux only (`full` finds an fd's path in /proc).
"""

from __future__ import annotations

import builtins
import errno
import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

Setter = Callable[[object, str, object], None]
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


def _under(path: Any, root: str) -> bool:
    if isinstance(path, int):
        return False
    full = os.path.abspath(os.fsdecode(path))
    return full == root or full.startswith(root + os.sep)


def _fail(code: int, path: Any) -> None:
    raise OSError(code, os.strerror(code), os.fsdecode(path))


def _writes(mode: str) -> bool:
    return any(flag in mode for flag in "wax+")


def _guard_opens(root: str, code: int, setattr: Setter, *, flags_fail: bool) -> None:
    """`io.open`/`open` for writing fail under `root`; so does `os.open` with write flags
    when `flags_fail`."""
    real_io_open = io.open

    def io_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if _writes(mode) and _under(file, root):
            _fail(code, file)
        return real_io_open(file, mode, *args, **kwargs)

    setattr(io, "open", io_open)
    setattr(builtins, "open", io_open)
    if not flags_fail:
        return
    real_os_open = os.open

    def os_open(path: Any, flags: int, mode: int = 0o777, *, dir_fd: int | None = None) -> int:
        if flags & WRITE_FLAGS and _under(path, root):
            _fail(code, path)
        return real_os_open(path, flags, mode, dir_fd=dir_fd)

    setattr(os, "open", os_open)


def _guard_paths(root: str, code: int, setattr: Setter, names: tuple[str, ...]) -> None:
    """`os.<name>(path, ...)` fails under `root` (for renames: either path)."""
    for name in names:
        real = getattr(os, name)

        def guarded(*args: Any, _real: Any = real, **kwargs: Any) -> Any:
            for path in args[:2]:
                if not isinstance(path, int) and _under(path, root):
                    _fail(code, path)
            return _real(*args, **kwargs)

        setattr(os, name, guarded)


def read_only(directory: Path, setattr: Setter) -> None:
    """From now on `directory` (which may not exist) is on a read-only file system."""
    root = os.path.abspath(directory)
    _guard_opens(root, errno.EROFS, setattr, flags_fail=True)
    _guard_paths(root, errno.EROFS, setattr,
                 ("mkdir", "replace", "rename", "link", "symlink", "unlink", "remove", "rmdir"))
    real_access = os.access

    def access(path: Any, mode: int, **kwargs: Any) -> bool:
        if mode & os.W_OK and _under(path, root):
            return False
        return real_access(path, mode, **kwargs)

    setattr(os, "access", access)


def full(directory: Path, setattr: Setter) -> None:
    """From now on the file system of `directory` has no free block."""
    root = os.path.abspath(directory)
    _guard_opens(root, errno.ENOSPC, setattr, flags_fail=False)
    _guard_paths(root, errno.ENOSPC, setattr, ("mkdir",))
    real_write = os.write

    def write(fd: int, data: Any) -> int:
        try:
            path = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            path = ""
        if _under(path.removesuffix(" (deleted)"), root):
            _fail(errno.ENOSPC, path)
        return real_write(fd, data)

    setattr(os, "write", write)


def snapshot(directory: Path) -> dict[str, bytes]:
    """Every saved file under `directory` (relative path -> content), to compare before/after.

    The log (`tuireader.log`) is left out: it is where a failure is told, not saved data
    (and Python's buffered file writes do not go through the faked `os.write`)."""
    return {
        str(path.relative_to(directory)): path.read_bytes()
        for path in sorted(directory.rglob("*"))
        if path.is_file() and not path.name.startswith("tuireader.log")
    }
