"""The session: reading-state changes made before, while and after the database opens all
reach the disk, in order; none is lost at exit."""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tuireader.store import Database
from tuireader.store import database as database_module
from tuireader.store.session import CHUNK, Session

NOW = datetime(2023, 5, 1, 12, 0, tzinfo=UTC)


def session_in(data_dir: Path) -> Session:
    return Session(data_dir, lambda: NOW)


def saved(data_dir: Path) -> tuple[set[str], set[str]]:
    """(read ids, starred ids) as another process would read them."""
    with Database(data_dir) as database:
        return database.reading.read_ids(), database.reading.starred_ids()


class TestBeforeTheDatabaseOpens:
    def test_changes_wait_and_are_written_in_order_at_open(self, data_dir: Path) -> None:
        session = session_in(data_dir)
        session.update("a", read=True)
        session.update("b", starred=True)
        session.update("a", read=False)  # the later change wins
        assert session.database is None and session.opening
        state = session.open()
        assert state.read == set() and state.starred == {"b"}
        session.close()
        assert saved(data_dir) == (set(), {"b"})

    def test_closing_before_the_opening_started_still_saves(self, data_dir: Path) -> None:
        session = session_in(data_dir)
        session.update("a", read=True)
        session.close()  # the app ended before its first frame
        assert saved(data_dir) == ({"a"}, set())

    def test_closing_waits_for_an_opening_in_progress(self, data_dir: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
        gate = threading.Event()
        real = database_module.Database

        def slow(*args: object, **kwargs: object) -> Database:
            gate.wait(10)
            return real(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(database_module, "Database", slow)
        session = session_in(data_dir)
        opener = threading.Thread(target=session.open)
        opener.start()
        session.update("a", starred=True)
        threading.Timer(0.05, gate.set).start()
        session.close()
        opener.join()
        monkeypatch.undo()
        assert saved(data_dir) == (set(), {"a"})


class TestOpen:
    def test_a_change_after_open_is_on_disk_after_flush(self, data_dir: Path) -> None:
        session = session_in(data_dir)
        session.open()
        session.update("a", read=True, position=40)
        assert session.pending
        session.flush()
        assert not session.pending
        assert saved(data_dir) == ({"a"}, set())
        session.close()

    def test_many_changes_are_queued_then_written_in_chunks(self, data_dir: Path) -> None:
        session = session_in(data_dir)
        session.open()
        ids = [f"article-{n}" for n in range(CHUNK * 2 + 5)]
        session.update_many(ids, read=True)
        state = session.get(ids[-1])
        assert state is not None and state.read  # seen at once, before any flush
        session.flush()
        session.close()
        assert saved(data_dir)[0] == set(ids)

    def test_get_sees_queued_changes(self, data_dir: Path) -> None:
        session = session_in(data_dir)
        session.update("a", position=120)
        assert session.get("a") is None  # not open yet: nothing to read
        session.open()
        state = session.get("a")
        assert state is not None and state.position == 120
        session.close()


class TestCannotOpen:
    def test_the_reason_is_kept_and_logged(self, data_dir: Path, monkeypatch: pytest.MonkeyPatch,
                                           caplog: pytest.LogCaptureFixture) -> None:
        def refuse(*_: object, **__: object) -> Database:
            raise OSError(30, "Read-only file system")

        monkeypatch.setattr(database_module, "Database", refuse)
        session = session_in(data_dir)
        session.update("a", read=True)
        with caplog.at_level(logging.WARNING, logger="tuireader"):
            state = session.open()
        assert not session.opening and session.database is None
        assert state.error is not None and "Read-only file system" in state.error
        assert "could not open the database" in caplog.text
        assert "1 reading-state changes not saved" in caplog.text
        assert session.wait() is None  # workers do not hang on it
        session.close()

    def test_changes_after_a_failed_open_are_logged_once(
        self, data_dir: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
    ) -> None:
        """Scrolling updates the position on every step: a line each would flood the log."""

        def refuse(*_: object, **__: object) -> Database:
            raise OSError(30, "Read-only file system")

        monkeypatch.setattr(database_module, "Database", refuse)
        session = session_in(data_dir)
        session.open()
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="tuireader"):
            for position in range(50):
                session.update("a", position=position)
        assert [r.getMessage() for r in caplog.records] == [
            "reading-state changes are not saved (no database)"]
