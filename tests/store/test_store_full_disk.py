"""A read-only data dir or a full disk: the database opens with what is on disk, says that
saving fails, keeps working in memory, and never damages what is saved.

Both are faked in-process (tests/fake_disk.py): the suite runs as root, whom chmod does not
stop.
"""

from __future__ import annotations

import errno
import logging
import os
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

import fake_disk
from tuireader.store import Database, ReadingState, SaveFailedError, StoreError

OPENED = datetime(2026, 11, 27, 6, 15, tzinfo=UTC)


def saved_library(data_dir: Path) -> str:
    """A data dir holding a note, a setting and flushed reading state; the note's id."""
    with Database(data_dir) as db:
        note = db.notes.add("a1", "kept note")
        db.settings.set("ui.theme", "nord")
        db.reading.update("a1", read=True, last_opened=OPENED, position=40)
        db.reading.update("a2", starred=True)
    return note.id


def saved_then(fake: Callable[[Path, fake_disk.Setter], None], data_dir: Path,
               monkeypatch: pytest.MonkeyPatch) -> tuple[str, dict[str, bytes]]:
    """`saved_library`, then `fake` on the data dir: the note's id and the files before."""
    note_id = saved_library(data_dir)
    before = fake_disk.snapshot(data_dir)
    fake(data_dir, monkeypatch.setattr)
    return note_id, before


def assert_reads_what_is_on_disk(db: Database, note_id: str) -> None:
    assert [(n.id, n.text) for n in db.notes.all()] == [(note_id, "kept note")]
    assert db.notes.article_ids_with_notes() == {"a1"}
    assert db.settings.get("ui.theme") == "nord"
    assert db.reading.get("a1") == ReadingState("a1", read=True, last_opened=OPENED,
                                                position=40)
    assert db.reading.read_ids() == {"a1"} and db.reading.starred_ids() == {"a2"}


class TestReadOnlyDataDir:
    def test_opens_with_what_is_on_disk_keeps_changes_in_memory_and_writes_nothing(
        self, data_dir: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        note_id, before = saved_then(fake_disk.read_only, data_dir, monkeypatch)
        db = Database(data_dir)
        assert not db.writable
        assert db.save_error is not None and str(data_dir) in db.save_error
        assert db.recovery_message is None
        assert_reads_what_is_on_disk(db, note_id)

        assert db.reading.update("a3", read=True).read  # shown at once, as ever
        with pytest.raises(SaveFailedError, match="Could not save the reading state") as failed:
            db.reading.flush()
        assert failed.value.errno == errno.EACCES and "Traceback" not in str(failed.value)
        assert db.reading.pending == 1 and db.reading.read_ids() == {"a1", "a3"}
        with pytest.raises(SaveFailedError, match="Could not save the note"):
            db.notes.add("a1", "not saved")
        with pytest.raises(SaveFailedError):
            db.settings.set("ui.theme", "light")
        assert [n.text for n in db.notes.all()] == ["kept note"]
        assert db.settings.get("ui.theme") == "nord"
        assert fake_disk.snapshot(data_dir) == before

        monkeypatch.undo()  # the file system is writable again: the pending change goes out
        assert db.reading.flush() == 1
        assert db.writable and db.save_error is None
        db.close()
        with Database(data_dir) as again:
            assert again.reading.read_ids() == {"a1", "a3"}
            assert [n.text for n in again.notes.all()] == ["kept note"]

    def test_closing_with_unsaved_changes_says_so_and_changes_nothing(
        self, data_dir: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        _, before = saved_then(fake_disk.read_only, data_dir, monkeypatch)
        db = Database(data_dir)
        db.reading.update("a1", position=99)
        with pytest.raises(SaveFailedError):
            db.close()
        assert fake_disk.snapshot(data_dir) == before

    def test_a_data_dir_that_cannot_be_created_opens_empty(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        fake_disk.read_only(tmp_path, monkeypatch.setattr)
        db = Database(tmp_path / "new" / "data")
        assert not db.writable and db.save_error is not None
        assert db.notes.all() == [] and db.reading.all() == {}
        assert db.settings.get("ui.theme") is None
        with pytest.raises(SaveFailedError):
            db.notes.add("a1", "nowhere to go")
        db.close()  # nothing pending: nothing to fail
        assert not (tmp_path / "new").exists()

    def test_a_file_in_place_of_the_data_dir_is_still_an_error(self, tmp_path: Path) -> None:
        (tmp_path / "data").write_text("not a directory")
        with pytest.raises(StoreError, match="as the data directory"):
            Database(tmp_path / "data")


class TestFullDisk:
    def test_a_failed_save_keeps_the_files_and_the_pending_changes_until_space_frees(
        self, data_dir: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        note_id = saved_library(data_dir)
        db = Database(data_dir)
        db.reading.update("a1", position=41)
        db.reading.update("a4", read=True)
        before = fake_disk.snapshot(data_dir)
        fake_disk.full(data_dir, monkeypatch.setattr)

        with pytest.raises(SaveFailedError, match="No space left on device") as failed:
            db.reading.flush()
        assert failed.value.errno == errno.ENOSPC and isinstance(failed.value, OSError)
        assert not db.writable
        assert db.save_error is not None and "No space left on device" in db.save_error
        assert db.reading.pending == 2 and db.reading.get("a1").position == 41
        with pytest.raises(SaveFailedError, match="Could not save the note"):
            db.notes.add("a1", "no room")
        assert [n.id for n in db.notes.all()] == [note_id]  # not half-kept in memory
        assert fake_disk.snapshot(data_dir) == before  # every file and backup intact

        monkeypatch.undo()  # space freed
        assert db.reading.flush() == 2
        assert db.writable and db.save_error is None
        db.close()
        with Database(data_dir) as again:
            assert again.reading.get("a1").position == 41
            assert again.reading.read_ids() == {"a1", "a4"}
            assert again.notes.get(note_id) is not None

    def test_opening_on_a_full_disk_reads_everything(
        self, data_dir: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        note_id, before = saved_then(fake_disk.full, data_dir, monkeypatch)
        with Database(data_dir) as db:
            assert_reads_what_is_on_disk(db, note_id)
        assert fake_disk.snapshot(data_dir) == before

    def test_a_lock_file_that_cannot_be_made_opens_read_only(
        self, data_dir: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        note_id = saved_library(data_dir)
        (data_dir / "tuireader.json.lock").unlink()
        real_open = os.open

        def no_lock_file(path: object, flags: int, *args: object, **kwargs: object) -> int:
            if str(path).endswith(".lock"):
                raise OSError(errno.ENOSPC, "No space left on device", str(path))
            return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "open", no_lock_file)
        with Database(data_dir) as db:
            assert not db.writable
            assert db.save_error is not None and "lock file" in db.save_error
            assert_reads_what_is_on_disk(db, note_id)
            with pytest.raises(SaveFailedError, match="lock file"):
                db.settings.set("ui.theme", "light")

    def test_background_flush_failures_are_logged_once_and_kept_for_the_ui(
        self, data_dir: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
    ) -> None:
        saved_library(data_dir)
        fake_disk.full(data_dir, monkeypatch.setattr)
        db = Database(data_dir, autoflush=0.01)
        db.reading.update("a1", position=7)
        with caplog.at_level(logging.WARNING, logger="tuireader.store"):
            for _ in range(500):
                if db.flush_error is not None:
                    break
                threading.Event().wait(0.01)
            threading.Event().wait(0.1)  # several more failed rounds
        assert isinstance(db.flush_error, SaveFailedError)
        flush_records = [r for r in caplog.records if "Background flush" in r.getMessage()]
        assert len(flush_records) == 1 and flush_records[0].exc_info is not None
        assert db.reading.pending == 1
        monkeypatch.undo()
        db.close()
        with Database(data_dir) as again:
            assert again.reading.get("a1").position == 7
