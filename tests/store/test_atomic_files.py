"""`tuireader.atomic`, which writes every file tuireader writes: old or new, never torn."""

from __future__ import annotations

import errno
import logging
import os
from pathlib import Path

import pytest

import fake_disk
from tuireader.atomic import AtomicBatch, atomic_write, remove_stray_temp_files


def temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def fail_renames_onto(suffix: str, code: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """`os.replace` onto a path ending in `suffix` fails with `code`; others happen."""
    real_replace = os.replace

    def replace(src: str, dst: str) -> None:
        if str(dst).endswith(suffix):
            raise OSError(code, os.strerror(code))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)


class TestAtomicWrite:
    def test_replaces_the_file_and_keeps_the_previous_one_as_backup(self, tmp_path: Path) -> None:
        target, backup = tmp_path / "db.json", tmp_path / "db.json.bak"
        atomic_write(target, b"one", backup=backup)
        assert target.read_bytes() == b"one" and not backup.exists()
        atomic_write(target, b"two", backup=backup)
        assert target.read_bytes() == b"two" and backup.read_bytes() == b"one"
        assert target.stat().st_mode & 0o777 == 0o600  # private unless asked otherwise
        assert temp_files(tmp_path) == []

    def test_a_full_disk_leaves_the_old_file_and_no_temp_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        target, backup = tmp_path / "db.json", tmp_path / "db.json.bak"
        atomic_write(target, b"old", backup=backup)
        fake_disk.full(tmp_path, monkeypatch.setattr)
        with pytest.raises(OSError) as failed:
            atomic_write(target, b"new" * 10_000, backup=backup)
        assert failed.value.errno == errno.ENOSPC
        monkeypatch.undo()
        assert target.read_bytes() == b"old" and not backup.exists()
        assert temp_files(tmp_path) == []

    def test_a_backup_that_cannot_be_kept_does_not_stop_the_write_and_is_logged(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
    ) -> None:
        target = tmp_path / "db.json"
        atomic_write(target, b"old")
        fail_renames_onto(".bak", errno.EIO, monkeypatch)
        with caplog.at_level(logging.WARNING, logger="tuireader.atomic"):
            atomic_write(target, b"new", backup=tmp_path / "db.json.bak")
        assert target.read_bytes() == b"new"
        assert [r.exc_info is not None for r in caplog.records] == [True]
        assert temp_files(tmp_path) == []


class TestAtomicBatch:
    def test_a_commit_failing_halfway_leaves_each_file_old_or_new(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        paths = [tmp_path / f"{name}.json" for name in "abc"]
        for path in paths:
            atomic_write(path, b"old")
        installed: list[str] = []
        fail_renames_onto("b.json", errno.ENOSPC, monkeypatch)
        with AtomicBatch(tmp_path) as batch:
            for path in paths:
                batch.stage(path, b"new", installed=lambda fd, p=path: (
                    installed.append(p.name), os.close(fd)))
            with pytest.raises(OSError, match="No space"):
                batch.commit()
        assert [path.read_bytes() for path in paths] == [b"new", b"old", b"old"]
        assert installed == ["a.json"]
        assert temp_files(tmp_path) == []

    def test_leaving_the_block_without_commit_writes_nothing(self, tmp_path: Path) -> None:
        target = tmp_path / "a.json"
        with AtomicBatch(tmp_path) as batch:
            batch.stage(target, b"never")
        assert not target.exists() and temp_files(tmp_path) == []


def test_stray_temp_files_of_other_targets_are_left_alone(tmp_path: Path) -> None:
    ours = tmp_path / ".a.json.123.dead.tmp"
    theirs = tmp_path / ".b.json.123.dead.tmp"
    for stray in (ours, theirs):
        stray.write_text("half")
    assert remove_stray_temp_files(tmp_path, [tmp_path / "a.json"]) == [ours]
    assert theirs.exists() and not ours.exists()
