from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import tuireader
from tuireader.store import Database

SRC = str(Path(tuireader.__file__).resolve().parents[1])


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = SRC + os.pathsep + env.get("PYTHONPATH", "")
    return env


def corrupt_files(data_dir: Path) -> list[Path]:
    return sorted(data_dir.glob("tuireader.json.corrupt-*"))


class TestAtomicWrites:
    def test_file_is_compact_json_with_a_backup_of_the_previous_version(
        self, db: Database, data_dir: Path
    ) -> None:
        first = db.notes.add("a", "first")
        db.notes.add("a", "second")
        main = (data_dir / "tuireader.json").read_text("utf-8")
        backup = json.loads((data_dir / "tuireader.json.bak").read_text("utf-8"))
        assert "\n" not in main and ": " not in main
        assert list(backup["notes"]) == [first.id]

    def test_stray_temp_files_are_removed_on_start(self, data_dir: Path) -> None:
        data_dir.mkdir(parents=True)
        strays = [data_dir / ".tuireader.json.999.dead.tmp", data_dir / ".tuireader.json.bak.x.tmp"]
        for stray in strays:
            stray.write_text('{"half": ')
        unrelated = data_dir / "my-notes.tmp"
        unrelated.write_text("keep me")
        with Database(data_dir) as db:
            assert db.recovery_message is None
        assert not any(stray.exists() for stray in strays)
        assert unrelated.read_text() == "keep me"

    def test_a_failed_write_keeps_the_old_file_and_the_pending_state(
        self, db: Database, data_dir: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        kept = db.notes.add("a", "kept")
        before = (data_dir / "tuireader.json").read_bytes()
        db.reading.update("a", starred=True)

        def disk_full(*args: object) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "replace", disk_full)
        with pytest.raises(OSError, match="No space"):
            db.notes.add("a", "lost")
        with pytest.raises(OSError, match="No space"):
            db.reading.flush()
        assert (data_dir / "tuireader.json").read_bytes() == before
        assert not list(data_dir.glob(".tuireader.json.*.tmp"))
        assert [n.text for n in db.notes.all()] == ["kept"]
        assert db.reading.get("a").starred and db.reading.pending == 1
        monkeypatch.undo()
        assert db.reading.flush() == 1
        assert db.notes.get(kept.id) is not None


class TestCorruptDatabase:
    @pytest.mark.parametrize(
        ("garbage", "reason"),
        [
            (b'{"notes": {"1": {"text": "cut off', "invalid JSON at line 1"),
            (b"\xff\xfe\x00garbage", "not UTF-8"),
            (b"[1, 2, 3]", "not a JSON object"),
            (b'{"notes": [1]}', "is not an object of documents"),
        ],
    )
    def test_corrupt_file_is_moved_aside_and_the_backup_used(
        self, data_dir: Path, garbage: bytes, reason: str
    ) -> None:
        with Database(data_dir) as db:
            older = db.notes.add("a", "in the backup")
            db.notes.add("a", "only in the lost version")
        backup_before = (data_dir / "tuireader.json.bak").read_bytes()
        (data_dir / "tuireader.json").write_bytes(garbage)
        with Database(data_dir) as db:
            message = db.recovery_message
            assert message is not None
            (aside,) = corrupt_files(data_dir)
            assert aside.read_bytes() == garbage
            assert str(aside) in message and str(data_dir / "tuireader.json.bak") in message
            assert reason in message and "started from the backup" in message
            assert [n.text for n in db.notes.all()] == ["in the backup"]
            assert db.notes.get(older.id) is not None
            db.notes.add("a", "after recovery")
        backup_now = json.loads((data_dir / "tuireader.json.bak").read_bytes())
        assert backup_now == json.loads(backup_before)
        with Database(data_dir) as db:
            assert db.recovery_message is None
            assert len(db.notes.all()) == 2

    def test_corrupt_file_without_a_backup_starts_empty(self, data_dir: Path) -> None:
        data_dir.mkdir(parents=True)
        (data_dir / "tuireader.json").write_text("not json at all")
        with Database(data_dir) as db:
            assert db.recovery_message is not None
            assert "empty database because there is no backup" in db.recovery_message
            assert db.notes.all() == [] and db.reading.all() == {}
        (aside,) = corrupt_files(data_dir)
        assert aside.read_text() == "not json at all"

    def test_corrupt_file_and_corrupt_backup_are_both_kept(self, data_dir: Path) -> None:
        data_dir.mkdir(parents=True)
        (data_dir / "tuireader.json").write_text("{broken")
        (data_dir / "tuireader.json.bak").write_text("{also broken")
        with Database(data_dir) as db:
            message = db.recovery_message
            assert message is not None and "unreadable too" in message
            db.notes.add("a", "new start")
        (aside,) = corrupt_files(data_dir)
        assert aside.read_text() == "{broken"
        (backup_aside,) = data_dir.glob("tuireader.json.bak.corrupt-*")
        assert backup_aside.read_text() == "{also broken"
        assert str(backup_aside) in message

    def test_second_corruption_does_not_overwrite_the_first(self, data_dir: Path) -> None:
        data_dir.mkdir(parents=True)
        for content in ("first bad", "second bad"):
            (data_dir / "tuireader.json").write_text(content)
            Database(data_dir).close()
        assert sorted(p.read_text() for p in corrupt_files(data_dir)) == ["first bad", "second bad"]

    def test_empty_file_is_an_empty_database(self, data_dir: Path) -> None:
        data_dir.mkdir(parents=True)
        (data_dir / "tuireader.json").write_text("")
        with Database(data_dir) as db:
            assert db.recovery_message is None


class TestSharedDataDir:
    def test_two_instances_see_each_others_notes(self, data_dir: Path) -> None:
        with Database(data_dir) as one, Database(data_dir) as two:
            a = one.notes.add("x", "from one")
            b = two.notes.add("x", "from two")
            c = one.notes.add("x", "one again")
            assert {n.id for n in one.notes.all()} == {a.id, b.id, c.id}
            assert {n.id for n in two.notes.all()} == {a.id, b.id, c.id}
            two.notes.delete(a.id)
            assert one.notes.get(a.id) is None

    def test_threads_on_two_instances_lose_no_notes(self, data_dir: Path) -> None:
        errors: list[BaseException] = []
        added: list[str] = []
        with Database(data_dir) as one, Database(data_dir) as two:

            def writer(db: Database, name: str) -> None:
                try:
                    for i in range(40):
                        added.append(db.notes.add("x", f"{name} {i}").id)
                except BaseException as error:
                    errors.append(error)

            threads = [
                threading.Thread(target=writer, args=(db, f"{tag}{k}"))
                for tag, db in (("one", one), ("two", two))
                for k in range(2)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        assert errors == []
        with Database(data_dir) as check:
            assert sorted(n.id for n in check.notes.all()) == sorted(added)
            assert len(added) == 160

    def test_processes_lose_no_notes(self, data_dir: Path) -> None:
        code = (
            "import sys\n"
            "from pathlib import Path\n"
            "from tuireader.store import Database\n"
            "with Database(Path(sys.argv[1])) as db:\n"
            "    for i in range(40):\n"
            "        db.notes.add('x', sys.argv[2] + str(i))\n"
            "        db.reading.update(sys.argv[2], position=i)\n"
            "        db.reading.flush()\n"
        )
        data_dir.mkdir(parents=True)
        children = [
            subprocess.Popen(
                [sys.executable, "-c", code, str(data_dir), f"p{k}-"],
                env=child_env(),
                stderr=subprocess.PIPE,
                text=True,
            )
            for k in range(3)
        ]
        with Database(data_dir) as here:
            for i in range(40):
                here.notes.add("x", f"parent-{i}")
        outcomes = [
            (child.wait(timeout=60), child.stderr.read() if child.stderr else "")
            for child in children
        ]
        assert [code for code, _ in outcomes] == [0, 0, 0], outcomes
        assert not any("already exists" in err for _, err in outcomes)
        with Database(data_dir) as check:
            texts = sorted(n.text for n in check.notes.all())
            positions = {k: s.position for k, s in check.reading.all().items()}
        expected = sorted(
            [f"parent-{i}" for i in range(40)] + [f"p{k}-{i}" for k in range(3) for i in range(40)]
        )
        assert texts == expected
        assert positions == {"p0-": 39, "p1-": 39, "p2-": 39}


WRITERS = """
import os
import sys
from pathlib import Path
from tuireader.store import Database
for line in sys.stdin:
    pid = os.fork()
    if pid:
        os.waitpid(pid, 0)
        print("reaped", flush=True)
        continue
    answer = os.open(line.rstrip("\\n"), os.O_WRONLY)
    os.dup2(answer, 1)
    db = Database(Path(sys.argv[1]))
    print("ready", os.getpid(), flush=True)
    i = 0
    while True:
        note = db.notes.add("crash", f"note {i} " + "x" * (i % 97))
        db.reading.update("crash", position=i)
        if i % 7 == 0:
            db.reading.flush()
        print(note.id, flush=True)
        i += 1
"""
"""Starts a note-adding writer per line it reads (the path of a FIFO to answer on), each a
fork of this process: the writers are killed, this process only waits for them. Forked, a
writer does not pay for Python's start and the store's imports again (30 rounds: 4.5 s of CPU
in child processes before, when each writer was a new interpreter)."""


def crash_rounds(data_dir: Path, rounds: int, seed: int) -> tuple[int, int, set[str]]:
    """SIGKILL a note-adding writer process at random moments; returns (confirmed, found,
    missing).

    Also checks the reading state after each kill: the writer flushes position i when i is a
    multiple of 7, before confirming note i, so the saved position is a flushed one (never a
    torn or unflushed value) and not older than the last flush the writer confirmed.
    """
    rng = random.Random(seed)
    confirmed: set[str] = set()
    found = 0
    launcher = subprocess.Popen([sys.executable, "-c", WRITERS, str(data_dir)],
                                env=child_env(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                text=True)
    assert launcher.stdin is not None and launcher.stdout is not None
    try:
        for round_number in range(rounds):
            answers = data_dir.parent / f"writer-{round_number}.fifo"
            os.mkfifo(answers)
            launcher.stdin.write(f"{answers}\n")
            launcher.stdin.flush()
            with answers.open(encoding="utf-8") as writer:
                ready, pid = writer.readline().split()
                assert ready == "ready"
                threading.Event().wait(rng.uniform(0.0, 0.12))
                os.kill(int(pid), signal.SIGKILL)
                written = writer.read()  # to the end: the writer is dead
            assert launcher.stdout.readline() == "reaped\n"
            this_round = [
                line[:-1] for line in written.splitlines(keepends=True) if line.endswith("\n")
            ]
            confirmed.update(this_round)
            with Database(data_dir) as db:
                assert db.recovery_message is None
                ids = {n.id for n in db.notes.all()}
                position = db.reading.get("crash").position
            found = len(ids)
            assert position % 7 == 0
            if this_round:  # the flush before the last confirmed note, or the one after it
                last = len(this_round) - 1
                assert position in (last - last % 7, last - last % 7 + 7)
    finally:
        launcher.stdin.close()
        launcher.wait(timeout=60)
        launcher.stdout.close()
    assert launcher.returncode == 0
    return len(confirmed), found, confirmed - ids


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
class TestCrash:
    def test_killed_writer_loses_no_confirmed_note(
        self, data_dir: Path, on_disk: Callable[[], dict[str, Any]]
    ) -> None:
        data_dir.mkdir(parents=True)
        confirmed, found, missing = crash_rounds(data_dir, rounds=30, seed=1127)
        print(f"\ncrash test: 30 rounds, {confirmed} confirmed, {found} found, {len(missing)} lost")
        assert missing == set()
        assert found > 0
        assert not list(data_dir.glob(".tuireader.json.*.tmp"))
        assert not list((data_dir / "reading").glob(".*.tmp"))
        assert len(on_disk()["notes"]) == found


class TestRereadOnlyWhenChanged:
    def test_reads_do_not_reparse_an_unchanged_file(self, data_dir: Path) -> None:
        with Database(data_dir) as one, Database(data_dir) as two:
            one.notes.add("a", "first")
            reloads = two.storage.reloads
            for _ in range(100):
                two.reading.get("a")
                two.notes.for_article("a")
            assert two.storage.reloads == reloads + 1
            assert [n.text for n in two.notes.for_article("a")] == ["first"]

    def test_own_writes_are_not_reread(self, db: Database) -> None:
        reloads = db.storage.reloads
        for i in range(10):
            db.notes.add("a", str(i))
        assert db.storage.reloads == reloads

    def test_an_edit_in_place_by_another_program_is_seen(
        self, db: Database, data_dir: Path
    ) -> None:
        db.settings.set("k", 1)
        path = data_dir / "tuireader.json"
        with path.open("r+", encoding="utf-8") as handle:  # same inode, new size
            handle.write('{"settings":{"k":{"value":12345}}}')
            handle.truncate()
        assert db.settings.get("k") == 12345
