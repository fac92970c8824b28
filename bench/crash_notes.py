"""Crash safety of notes: SIGKILL a process that adds notes at random moments, then count.

The child prints a note's id only after `NoteStore.add` returned (the note is then on disk).
After every kill the database is reopened: it must load without recovery, and every printed
id must be in it. Prints "rounds, notes confirmed, notes found, lost".

    python bench/crash_notes.py [--rounds 50] [--seed 1] [--max-delay 0.15] [--data-dir D]
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
sys.path[:0] = [str(SRC), str(ROOT)]

from tests.store.test_store_safety import CRASH_CHILD  # noqa: E402

from tuireader.store import Database  # noqa: E402

# The writer the suite's crash test kills: one definition, so bench and test measure the same.
CHILD = CRASH_CHILD


def temp_files(data_dir: Path) -> list[Path]:
    """Temp files of killed writers: the notes file's and the reading-state shards'."""
    return [*data_dir.glob(".tuireader.json.*.tmp"), *(data_dir / "reading").glob(".*.tmp")]


def run(data_dir: Path, rounds: int, seed: int, max_delay: float) -> int:
    rng = random.Random(seed)
    env = dict(os.environ, PYTHONPATH=str(SRC) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    confirmed: set[str] = set()
    lost: set[str] = set()
    found = 0
    recoveries = 0
    strays_seen = 0
    started = time.perf_counter()
    for _ in range(rounds):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(data_dir)],
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        if child.stdout.readline() != "ready\n":
            child.kill()
            print("child failed to start", file=sys.stderr)
            return 2
        time.sleep(rng.uniform(0.0, max_delay))
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        for line in child.stdout.read().splitlines(keepends=True):
            if line.endswith("\n"):  # a cut-off last line was never confirmed
                confirmed.add(line.strip())
        child.stdout.close()
        strays_seen += len(temp_files(data_dir))
        with Database(data_dir) as db:
            if db.recovery_message is not None:
                recoveries += 1
                print(db.recovery_message, file=sys.stderr)
            ids = {note.id for note in db.notes.all()}
        found = len(ids)
        lost |= confirmed - ids
    strays = len(temp_files(data_dir))
    elapsed = time.perf_counter() - started
    print("rounds, notes confirmed, notes found, lost")
    print(f"{rounds}, {len(confirmed)}, {found}, {len(lost)}")
    print(
        f"(recoveries: {recoveries}; temp files left by killed writers: {strays_seen}, "
        f"left after reopening: {strays}; {elapsed:.1f} s)"
    )
    return 1 if lost or recoveries else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--max-delay",
        type=float,
        default=0.15,
        help="longest time (s) the child runs before it is killed",
    )
    parser.add_argument("--data-dir", type=Path, help="default: a fresh temporary directory")
    args = parser.parse_args()
    if args.data_dir is not None:
        args.data_dir.mkdir(parents=True, exist_ok=True)
        return run(args.data_dir, args.rounds, args.seed, args.max_delay)
    with tempfile.TemporaryDirectory(prefix="tuireader-crash-") as tmp:
        return run(Path(tmp), args.rounds, args.seed, args.max_delay)


if __name__ == "__main__":
    sys.exit(main())
