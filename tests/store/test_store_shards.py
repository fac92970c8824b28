"""Reading state in shard files: migration from the one-file release, corrupt shards."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from test_store_safety import child_env

from tuireader.store import Database, ReadingState, StoreError
from tuireader.store.reading_shards import SHARD_COUNT, shard_index, shard_name
from tuireader.store.storage import serialise

OPENED = datetime(2026, 11, 27, 6, 15, tzinfo=UTC)

# Ids as the library makes them and as older releases or imports did: not always hex.
LEGACY_IDS = ["3f2a9c", "un-report", "Zeitung/2026-11-27", "café-ü", "a" * 80] + [
    f"legacy-{i}" for i in range(300)
]


def legacy_reading() -> dict[str, dict[str, Any]]:
    return {
        key: {
            "article_id": key,
            "read": i % 2 == 0,
            "starred": i % 5 == 0,
            "last_opened": OPENED.isoformat(),
            "position": i * 3,
            "path": f"/lib/{i}.md",
        }
        for i, key in enumerate(LEGACY_IDS)
    }


def write_previous_release(data_dir: Path, reading: dict[str, Any]) -> dict[str, Any]:
    """A tuireader.json as the previous release left it: reading state beside notes."""
    data_dir.mkdir(parents=True, exist_ok=True)
    data = {
        "reading": reading,
        "notes": {
            "n1": {
                "id": "n1",
                "article_id": "un-report",
                "text": "kept",
                "anchor": None,
                "event_id": None,
                "event_value": None,
                "created": OPENED.isoformat(),
                "updated": OPENED.isoformat(),
            }
        },
        "settings": {"theme": {"value": "nord"}},
    }
    (data_dir / "tuireader.json").write_bytes(serialise(data))
    return data


def expected_state(key: str, doc: dict[str, Any]) -> ReadingState:
    return ReadingState(
        article_id=key,
        read=doc["read"],
        starred=doc["starred"],
        last_opened=OPENED,
        position=doc["position"],
        path=doc["path"],
    )


class TestMigration:
    def test_the_reading_table_moves_into_the_shards_and_nothing_else_changes(
        self,
        data_dir: Path,
        on_disk: Callable[[], dict[str, Any]],
        reading_on_disk: Callable[[], dict[str, Any]],
    ) -> None:
        legacy = legacy_reading()
        before = write_previous_release(data_dir, legacy)
        with Database(data_dir) as db:
            assert db.recovery_message is None
            assert db.reading.all() == {k: expected_state(k, d) for k, d in legacy.items()}
            assert [n.text for n in db.notes.all()] == ["kept"]
            assert db.settings.get("theme") == "nord"
        assert on_disk() == {"notes": before["notes"], "settings": before["settings"]}
        assert reading_on_disk() == legacy
        for key in LEGACY_IDS:  # each article in the shard its id hashes to
            shard = data_dir / "reading" / shard_name(shard_index(key))
            assert key in json.loads(shard.read_bytes())["reading"]
        with Database(data_dir) as again:
            assert again.reading.get("café-ü") == expected_state("café-ü", legacy["café-ü"])
            assert len(again.reading.all()) == len(LEGACY_IDS)

    def test_a_crash_before_the_table_leaves_the_main_file_loses_and_repeats_nothing(
        self,
        data_dir: Path,
        on_disk: Callable[[], dict[str, Any]],
        reading_on_disk: Callable[[], dict[str, Any]],
    ) -> None:
        legacy = legacy_reading()
        write_previous_release(data_dir, legacy)
        crash_on_main_write = (
            "import os, sys\n"
            "from pathlib import Path\n"
            "from tuireader.store import storage\n"
            "write = storage.AtomicJSONStorage._write_file\n"
            "def dying_write(self):\n"
            "    if self.path.name == 'tuireader.json':\n"
            "        os._exit(9)  # killed after the shards, before the main file\n"
            "    write(self)\n"
            "storage.AtomicJSONStorage._write_file = dying_write\n"
            "from tuireader.store import Database\n"
            "Database(Path(sys.argv[1]))\n"
        )
        child = subprocess.run(
            [sys.executable, "-c", crash_on_main_write, str(data_dir)],
            env=child_env(),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert child.returncode == 9, child.stderr
        assert on_disk()["reading"] == legacy  # still there: the crash came first
        assert reading_on_disk() == legacy  # and already complete in the shards
        with Database(data_dir) as db:
            assert db.recovery_message is None
            db.reading.update("un-report", position=4242)
        with Database(data_dir) as db:
            states = db.reading.all()
        assert "reading" not in on_disk()
        assert len(states) == len(LEGACY_IDS)
        assert states["un-report"].position == 4242
        assert states["legacy-7"] == expected_state("legacy-7", legacy["legacy-7"])

    def test_state_saved_in_the_shards_wins_over_an_older_copy_in_the_main_file(
        self, data_dir: Path, reading_on_disk: Callable[[], dict[str, Any]]
    ) -> None:
        """The main file's backup may still hold the old table: restoring it must not undo
        newer reading state."""
        with Database(data_dir) as db:
            db.reading.update("a", read=True, position=900)
        stale = {
            "a": {"article_id": "a", "read": False, "position": 1, "starred": True},
            "only-in-old": {"article_id": "only-in-old", "read": True},
        }
        write_previous_release(data_dir, stale)
        with Database(data_dir) as db:
            assert db.reading.get("a") == ReadingState("a", read=True, starred=True, position=900)
            assert db.reading.get("only-in-old").read
        assert reading_on_disk()["a"] == {
            "article_id": "a",
            "read": True,
            "position": 900,
            "starred": True,
        }

    def test_a_failed_migration_is_a_clear_error_and_is_retried(
        self,
        data_dir: Path,
        monkeypatch: pytest.MonkeyPatch,
        on_disk: Callable[[], dict[str, Any]],
    ) -> None:
        legacy = legacy_reading()
        write_previous_release(data_dir, legacy)
        original = (data_dir / "tuireader.json").read_bytes()

        def disk_full(*args: object) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "replace", disk_full)
        with pytest.raises(StoreError, match=r"Cannot move the reading state .* nothing was lost"):
            Database(data_dir)
        monkeypatch.undo()
        assert (data_dir / "tuireader.json").read_bytes() == original
        with Database(data_dir) as db:
            assert len(db.reading.all()) == len(LEGACY_IDS)
        assert "reading" not in on_disk()


def corrupt_shards(data_dir: Path) -> list[Path]:
    return sorted((data_dir / "reading").glob("*.json.corrupt-*"))


class TestCorruptShard:
    def test_a_corrupt_shard_is_moved_aside_and_its_backup_used(self, data_dir: Path) -> None:
        with Database(data_dir) as db:
            db.reading.update("victim", position=1)
            db.reading.update("bystander", starred=True)
            db.reading.flush()
            db.reading.update("victim", position=2)  # the backup keeps position 1
        shard = data_dir / "reading" / shard_name(shard_index("victim"))
        shard.write_bytes(b'{"reading": {"victim": {"pos')
        with Database(data_dir) as db:
            message = db.recovery_message
            assert message is not None
            (aside,) = corrupt_shards(data_dir)
            assert aside.read_bytes() == b'{"reading": {"victim": {"pos'
            assert str(shard) in message and str(aside) in message
            assert "started from the backup" in message and "invalid JSON" in message
            assert db.reading.get("victim").position == 1
            assert db.reading.get("bystander").starred
            assert db.notes.all() == []
        with Database(data_dir) as db:
            assert db.recovery_message is None
            assert db.reading.get("victim").position == 1

    def test_a_corrupt_shard_without_a_backup_costs_only_its_own_articles(
        self, data_dir: Path
    ) -> None:
        with Database(data_dir) as db:
            for i in range(1000):
                db.reading.update(f"a{i}", read=True)
            db.notes.add("a1", "a note")
        index = shard_index("a1")
        shard = data_dir / "reading" / shard_name(index)
        shard.with_name(shard.name + ".bak").unlink(missing_ok=True)
        shard.write_text("[]")
        with Database(data_dir) as db:
            message = db.recovery_message
            assert message is not None and "empty reading-state file" in message
            assert "there is no backup" in message and "not a JSON object" in message
            lost = {f"a{i}" for i in range(1000) if shard_index(f"a{i}") == index}
            assert 0 < len(lost) < 20
            assert db.reading.read_ids() == {f"a{i}" for i in range(1000)} - lost
            assert [n.text for n in db.notes.all()] == ["a note"]
            db.reading.update("a1", starred=True)
        with Database(data_dir) as db:
            assert db.recovery_message is None and db.reading.get("a1").starred

    def test_a_shard_corrupted_while_running_is_recovered_by_the_next_flush(
        self, data_dir: Path
    ) -> None:
        with Database(data_dir) as db:
            db.reading.update("x", read=True)
            db.reading.flush()
            shard = data_dir / "reading" / shard_name(shard_index("x"))
            shard.write_bytes(b"\xff\xfe garbage")
            assert db.reading.get("x").read  # a read never raises
            db.reading.update("x", position=5)
            assert db.reading.flush() == 1
            assert db.recovery_message is not None and "not UTF-8" in db.recovery_message
        assert len(corrupt_shards(data_dir)) == 1
        with Database(data_dir) as db:
            assert db.reading.get("x").position == 5

    def test_many_corrupt_shards_give_a_short_message(self, data_dir: Path) -> None:
        (data_dir / "reading").mkdir(parents=True)
        for index in range(SHARD_COUNT):
            (data_dir / "reading" / shard_name(index)).write_text("{")
        with Database(data_dir) as db:
            message = db.recovery_message
            assert message is not None
            assert f"({SHARD_COUNT - 3} more files were recovered.)" in message
            assert len(message.splitlines()) == 4
            assert db.reading.all() == {}

    def test_stray_shard_temp_files_are_removed_on_start(self, data_dir: Path) -> None:
        (data_dir / "reading").mkdir(parents=True)
        stray = data_dir / "reading" / ".3a.json.999.dead.tmp"
        stray.write_text('{"half": ')
        unrelated = data_dir / "reading" / "mine.tmp"
        unrelated.write_text("keep me")
        with Database(data_dir) as db:
            assert db.recovery_message is None
        assert not stray.exists()
        assert unrelated.read_text() == "keep me"


class TestFailedFlush:
    def test_a_flush_failing_halfway_keeps_every_change_pending_and_no_file_torn(
        self,
        data_dir: Path,
        monkeypatch: pytest.MonkeyPatch,
        reading_on_disk: Callable[[], dict[str, Any]],
    ) -> None:
        with Database(data_dir) as db:
            for i in range(200):
                db.reading.update(f"a{i}", position=i)
            db.reading.flush()
            for i in range(50):
                db.reading.update(f"a{i}", read=True)
            real_replace = os.replace
            renames: list[str] = []

            def disk_full_after_three(src: Any, dst: Any) -> None:
                if str(dst).endswith(".json"):
                    if len(renames) == 3:
                        raise OSError(28, "No space left on device")
                    renames.append(str(dst))
                real_replace(src, dst)

            monkeypatch.setattr(os, "replace", disk_full_after_three)
            with pytest.raises(OSError, match="No space"):
                db.reading.flush()
            monkeypatch.undo()
            assert db.reading.pending == 50
            assert not list((data_dir / "reading").glob(".*.tmp"))
            saved = reading_on_disk()  # each shard whole: its old version or its new one
            assert {k for k, doc in saved.items() if doc.get("read")} == {
                f"a{i}"
                for i in range(50)
                if str(data_dir / "reading" / shard_name(shard_index(f"a{i}"))) in renames
            }
            assert [saved[f"a{i}"]["position"] for i in range(200)] == list(range(200))
            assert all(db.reading.get(f"a{i}").read for i in range(50))
            assert db.reading.flush() == 50
        with Database(data_dir) as db:
            assert db.recovery_message is None
            assert db.reading.read_ids() == {f"a{i}" for i in range(50)}


class TestShardDirectory:
    def test_a_file_in_place_of_the_shard_directory_is_a_clear_error(self, data_dir: Path) -> None:
        data_dir.mkdir(parents=True)
        (data_dir / "reading").write_text("not a directory")
        with pytest.raises(StoreError, match=r"Cannot keep reading state in .*reading"):
            Database(data_dir)
        assert (data_dir / "reading").read_text() == "not a directory"


class TestSharedShards:
    def test_another_instance_flush_is_seen_and_not_overwritten(self, data_dir: Path) -> None:
        with Database(data_dir) as one, Database(data_dir) as two:
            for round_ in range(20):  # quick rewrites of one shard by both
                one.reading.update("same", position=10 + round_)
                one.reading.flush()
                two.reading.update("same", read=round_ % 2 == 0)
                two.reading.flush()
                assert one.reading.get("same") == two.reading.get("same")
            final = one.reading.get("same")
            assert final.position == 29 and final.read is False

    def test_reads_reparse_only_the_shard_another_instance_wrote(self, data_dir: Path) -> None:
        with Database(data_dir) as one, Database(data_dir) as two:
            for i in range(500):
                one.reading.update(f"a{i}", position=i)
            one.reading.flush()
            two.reading.all()
            before = [storage.reloads for storage in two.shards.storages]
            one.reading.update("a7", read=True)
            one.reading.flush()
            for _ in range(50):
                assert two.reading.get("a7").read
                assert two.reading.all()["a7"].read
            reloaded = [
                index
                for index, storage in enumerate(two.shards.storages)
                if storage.reloads != before[index]
            ]
            assert reloaded == [shard_index("a7")]
            assert two.shards.storages[shard_index("a7")].reloads == before[shard_index("a7")] + 1
