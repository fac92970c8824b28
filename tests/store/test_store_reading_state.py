from __future__ import annotations

import json
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from filelock import FileLock

from tuireader.store import Database, ReadingState, StoreBusyError, StoreError
from tuireader.store.reading_shards import shard_index, shard_name


class TestRoundTrip:
    def test_state_survives_a_restart(self, data_dir: Path) -> None:
        opened = datetime(2026, 11, 27, 6, 15, tzinfo=UTC)
        with Database(data_dir) as first_run:
            first_run.reading.update("un-report", read=True, starred=True, position=1234)
            first_run.reading.update("un-report", last_opened=opened, path="a/un.md")
        with Database(data_dir) as second_run:
            assert second_run.reading.get("un-report") == ReadingState(
                article_id="un-report",
                read=True,
                starred=True,
                last_opened=opened,
                position=1234,
                path="a/un.md",
            )

    def test_unknown_article_has_the_default_state(self, db: Database) -> None:
        assert db.reading.get("never-seen") == ReadingState(article_id="never-seen")

    def test_all_includes_saved_and_pending(self, db: Database) -> None:
        db.reading.update("a", read=True)
        db.reading.flush()
        db.reading.update("b", starred=True)
        states = db.reading.all()
        assert sorted(states) == ["a", "b"]
        assert states["a"].read and not states["a"].starred
        assert states["b"].starred and not states["b"].read

    @pytest.mark.parametrize(
        ("field", "value"),
        [("read", "yes"), ("position", -1), ("position", 1.5), ("starred", 1), ("colour", 1)],
    )
    def test_bad_values_are_refused(self, db: Database, field: str, value: object) -> None:
        with pytest.raises((TypeError, ValueError)):
            db.reading.update("a", **{field: value})
        assert db.reading.get("a") == ReadingState(article_id="a")

    def test_malformed_stored_fields_fall_back_to_defaults(self, data_dir: Path) -> None:
        data_dir.mkdir(parents=True)
        (data_dir / "tuireader.json").write_text(
            '{"reading": {"a": {"article_id": "a", "read": "maybe", "starred": true,'
            ' "last_opened": "not a date", "position": 7, "future_field": 1}}}'
        )
        with Database(data_dir) as db:
            assert db.reading.get("a") == ReadingState(article_id="a", starred=True, position=7)
            assert db.recovery_message is None


class TestBatching:
    def test_update_is_visible_at_once_but_not_on_disk_until_flush(
        self,
        db: Database,
        on_disk: Callable[[], dict[str, Any]],
        reading_on_disk: Callable[[], dict[str, Any]],
    ) -> None:
        state = db.reading.update("a", read=True)
        assert state.read and db.reading.get("a").read
        assert db.reading.pending == 1
        assert reading_on_disk() == {}
        assert db.reading.flush() == 1
        assert reading_on_disk()["a"]["read"] is True
        assert "reading" not in on_disk()  # the notes file is not rewritten for it
        assert db.reading.pending == 0

    def test_a_batch_writes_each_shard_it_touches_once(self, db: Database) -> None:
        db.reading.update("seen", read=True)
        db.reading.flush()
        main_writes = db.storage.writes
        before = [storage.writes for storage in db.shards.storages]
        ids = [f"article-{i}" for i in range(50)]
        for i, article_id in enumerate(ids):
            db.reading.update(article_id, position=i)
        db.reading.update("seen", starred=True)
        assert db.reading.flush() == 51
        written = {
            index
            for index, storage in enumerate(db.shards.storages)
            if storage.writes != before[index]
        }
        assert written == {shard_index(key) for key in [*ids, "seen"]}
        assert all(db.shards.storages[i].writes - before[i] == 1 for i in written)
        assert db.storage.writes == main_writes
        assert db.reading.get("seen") == ReadingState(article_id="seen", read=True, starred=True)
        assert db.reading.get("article-49").position == 49

    def test_a_flush_of_one_change_leaves_the_other_files_alone(
        self, data_dir: Path, reading_on_disk: Callable[[], dict[str, Any]]
    ) -> None:
        with Database(data_dir) as db:
            for i in range(2000):
                db.reading.update(f"a{i}", read=True, path=f"/lib/{i}.md")
        files = sorted(data_dir.rglob("*.json"))
        inodes = {path: path.stat().st_ino for path in files}
        with Database(data_dir) as db:
            db.reading.update("a7", position=70)
            assert db.reading.flush() == 1
        changed = [path for path in files if path.stat().st_ino != inodes[path]]
        assert changed == [data_dir / "reading" / shard_name(shard_index("a7"))]
        assert changed[0].stat().st_size < sum(p.stat().st_size for p in files) / 50
        assert reading_on_disk()["a7"] == {
            "article_id": "a7",
            "read": True,
            "path": "/lib/7.md",
            "position": 70,
        }
        assert len(reading_on_disk()) == 2000

    def test_close_flushes(
        self, data_dir: Path, reading_on_disk: Callable[[], dict[str, Any]]
    ) -> None:
        db = Database(data_dir)
        db.reading.update("a", starred=True)
        db.close()
        assert reading_on_disk()["a"]["starred"] is True

    def test_flush_with_nothing_pending_writes_nothing(self, db: Database) -> None:
        assert db.reading.flush() == 0
        assert db.storage.writes == 0 and db.shards.writes == 0

    def test_flush_from_worker_threads_while_updating(self, data_dir: Path) -> None:
        """The UI updates on its thread while workers flush: no change is lost."""
        with Database(data_dir) as db:
            stop = threading.Event()

            def flusher() -> None:
                while not stop.is_set():
                    db.reading.flush()

            workers = [threading.Thread(target=flusher) for _ in range(3)]
            for worker in workers:
                worker.start()
            for i in range(300):
                db.reading.update(f"a{i % 40}", position=i)
            stop.set()
            for worker in workers:
                worker.join()
        with Database(data_dir) as reopened:
            positions = {k: s.position for k, s in reopened.reading.all().items()}
        last_written = {f"a{i % 40}": i for i in range(300)}
        assert positions == last_written

    def test_two_instances_changing_different_fields_keep_both(
        self, data_dir: Path, reading_on_disk: Callable[[], dict[str, Any]]
    ) -> None:
        with Database(data_dir) as one, Database(data_dir) as two:
            one.reading.update("a", read=True)
            two.reading.update("a", starred=True)
            one.reading.flush()
            two.reading.flush()
            assert one.reading.get("a").starred and one.reading.get("a").read
        assert reading_on_disk()["a"] == {
            "article_id": "a",
            "read": True,
            "starred": True,
        }


class TestLookups:
    def test_last_opened_is_the_most_recent(self, db: Database) -> None:
        assert db.reading.last_opened() is None
        base = datetime(2026, 11, 1, tzinfo=UTC)
        db.reading.update("old", last_opened=base)
        db.reading.update("new", last_opened=base + timedelta(days=2))
        db.reading.update("middle", last_opened=base + timedelta(days=1))
        db.reading.update("unopened", read=True)
        last = db.reading.last_opened()
        assert last is not None and last.article_id == "new"

    def test_find_by_path_follows_a_file(self, db: Database) -> None:
        db.reading.update("old-id", path=Path("/lib/storm.md"), starred=True)
        db.reading.flush()
        found = db.reading.find_by_path(Path("/lib/storm.md"))
        assert found is not None and found.article_id == "old-id" and found.starred
        assert db.reading.find_by_path("/lib/other.md") is None


class TestListQueries:
    """What the article list asks at start-up, answered without building every state."""

    def test_read_and_starred_ids_agree_with_all_and_pending_changes_win(
        self, db: Database
    ) -> None:
        for i in range(600):
            db.reading.update(f"a{i}", read=i % 2 == 0, starred=i % 3 == 0)
        db.reading.flush()
        db.reading.update("a0", read=False)  # saved read, now unread (pending)
        db.reading.update("a1", read=True)
        db.reading.update("new", starred=True)
        db.reading.update("a3", position=5)  # pending, but not a flag: saved flags stand
        states = db.reading.all()
        assert db.reading.read_ids() == {k for k, s in states.items() if s.read}
        assert db.reading.starred_ids() == {k for k, s in states.items() if s.starred}
        assert "a0" not in db.reading.read_ids() and "a1" in db.reading.read_ids()
        assert {"new", "a3"} <= db.reading.starred_ids()

    def test_last_opened_sees_pending_and_mixed_offsets(self, db: Database) -> None:
        base = datetime(2026, 11, 1, 12, tzinfo=UTC)
        db.reading.update("utc", last_opened=base)
        plus_two = timezone(timedelta(hours=2))
        # 13:30 at +02:00 is 11:30 UTC: earlier, though its text sorts later.
        db.reading.update("earlier", last_opened=datetime(2026, 11, 1, 13, 30, tzinfo=plus_two))
        db.reading.flush()
        last = db.reading.last_opened()
        assert last is not None and last.article_id == "utc"
        db.reading.update("earlier", last_opened=base + timedelta(minutes=1))
        last = db.reading.last_opened()
        assert last is not None and last.article_id == "earlier"

    def test_last_opened_is_not_fooled_by_a_malformed_stamp_or_by_fractions(
        self, data_dir: Path
    ) -> None:
        stamps = {
            "old": "2026-11-01T10:00:00+00:00",
            "fraction": "2026-11-01T12:00:00.500000+00:00",  # longer: compared as a time
            "newest": "2026-11-02T10:00:00+00:00",
            "garbage": "2026-13-45T10:00:00+00:00",  # same shape, sorts last as text
            "not-text": 20261103,
        }
        data_dir.mkdir(parents=True)
        reading = {k: {"article_id": k, "last_opened": v} for k, v in stamps.items()}
        (data_dir / "tuireader.json").write_text(json.dumps({"reading": reading}))
        with Database(data_dir) as db:
            last = db.reading.last_opened()
            assert last is not None and last.article_id == "newest"
            db.reading.update("old", last_opened=datetime(2026, 11, 5, tzinfo=UTC))
            last = db.reading.last_opened()
            assert last is not None and last.article_id == "old"


class TestMovedArticle:
    def test_move_article_takes_state_and_notes_along(self, db: Database) -> None:
        db.reading.update("old-id", starred=True, position=99, path="/lib/a.md")
        db.notes.add("old-id", "note")
        assert db.move_article("old-id", "new-id") == 1
        assert db.reading.get("new-id") == ReadingState(
            article_id="new-id", starred=True, position=99, path="/lib/a.md"
        )
        assert db.reading.get("old-id") == ReadingState(article_id="old-id")
        assert [n.text for n in db.notes.for_article("new-id")] == ["note"]

    def test_moving_an_article_to_its_own_id_keeps_its_state(self, db: Database) -> None:
        db.reading.update("same", starred=True)
        assert db.reading.move("same", "same").starred
        assert db.reading.get("same").starred
        assert db.reading.all()["same"].starred

    def test_a_move_across_shards_leaves_one_copy(
        self, db: Database, reading_on_disk: Callable[[], dict[str, Any]]
    ) -> None:
        new_id = next(f"n{i}" for i in range(100) if shard_index(f"n{i}") != shard_index("o"))
        db.reading.update("o", read=True, position=3)
        db.reading.update(new_id, starred=True)
        db.reading.flush()
        db.reading.move("o", new_id)
        assert reading_on_disk() == {
            new_id: {"article_id": new_id, "read": True, "position": 3, "starred": True}
        }


class TestNeverBlocksTheUI:
    def test_update_and_get_do_not_wait_for_a_held_lock(self, data_dir: Path) -> None:
        with Database(data_dir, lock_timeout=0.2) as db:
            db.reading.update("a", read=True)
            db.reading.flush()
            other_process = FileLock(str(data_dir / "tuireader.json.lock"))
            with other_process:
                assert db.reading.update("a", starred=True).starred
                assert db.reading.get("a") == ReadingState("a", read=True, starred=True)
                with pytest.raises(StoreBusyError, match="Another tuireader has held"):
                    db.reading.flush()
                assert db.reading.pending == 1
            assert db.reading.flush() == 1

    def test_autoflush_writes_in_the_background(
        self, data_dir: Path, reading_on_disk: Callable[[], dict[str, Any]]
    ) -> None:
        with Database(data_dir, autoflush=0.01) as db:
            db.reading.update("a", position=5)
            for _ in range(500):
                if "a" in reading_on_disk():
                    break
                threading.Event().wait(0.01)
            assert reading_on_disk()["a"]["position"] == 5
            assert db.flush_error is None


class TestDataDir:
    def test_a_file_in_place_of_the_data_dir_is_a_clear_error(self, tmp_path: Path) -> None:
        blocker = tmp_path / "data"
        blocker.write_text("not a directory")
        with pytest.raises(StoreError, match=r"Cannot use .* as the data directory"):
            Database(blocker)
