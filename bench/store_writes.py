"""Cost of the storage layer at 1k / 10k / 100k reading-state records (figures, no asserts).

For each size: open (parse), `reading.get` (one stat, no re-read), a flush of one change,
a flush of a 50-change batch, `notes.add` (on disk before it returns), `reading.all()`, and
the re-read another process's write costs. Medians of --repeat runs, in milliseconds.

    python bench/store_writes.py [--sizes 1000 10000 100000] [--repeat 7]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from tuireader.store import Database
from tuireader.store.storage import serialise


def timed(action: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def populate(data_dir: Path, size: int) -> None:
    opened = datetime(2026, 11, 27, tzinfo=UTC).isoformat()
    reading = {
        f"article-{i:06d}": {
            "article_id": f"article-{i:06d}",
            "read": i % 3 == 0,
            "starred": i % 11 == 0,
            "last_opened": opened,
            "position": i * 7,
            "path": f"/home/reader/news/2026/{i % 97:02d}/article-{i:06d}.md",
        }
        for i in range(size)
    }
    # Written as the one-file release did; the first open moves it into the shards.
    (data_dir / "tuireader.json").write_bytes(serialise({"reading": reading, "notes": {}}))
    Database(data_dir).close()


def bench(size: int, repeat: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        populate(data_dir, size)
        row: dict[str, float] = {}
        row["open"] = timed(lambda: Database(data_dir).close(), repeat)
        file_kib = sum(path.stat().st_size for path in data_dir.rglob("*.json")) / 1024
        with Database(data_dir) as db, Database(data_dir) as other:
            row["get"] = timed(lambda: db.reading.get("article-000042"), repeat * 100)
            counter = iter(range(10**9))

            def one_change() -> None:
                db.reading.update("article-000042", position=next(counter))
                db.reading.flush()

            def batch_of_50() -> None:
                for k in range(50):
                    db.reading.update(f"article-{k * 13 % size:06d}", position=next(counter))
                db.reading.flush()

            row["flush 1"] = timed(one_change, repeat)
            row["flush 50"] = timed(batch_of_50, repeat)
            row["note add"] = timed(lambda: db.notes.add("article-000001", "a note"), repeat)
            row["all()"] = timed(db.reading.all, repeat)

            def reread() -> None:
                other.reading.update("article-000042", starred=True)
                other.reading.flush()
                start = time.perf_counter()
                db.reading.get("article-000042")  # sees the new shard file: one re-read
                row.setdefault("_reread", 0.0)
                row["_reread"] += time.perf_counter() - start

            for _ in range(repeat):
                reread()
            row["re-read"] = row.pop("_reread") / repeat * 1000
        row["file KiB"] = file_kib
        return row


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    rows = {size: bench(size, args.repeat) for size in args.sizes}
    columns = list(next(iter(rows.values())))
    print("records  " + "  ".join(f"{c:>9}" for c in columns) + "   (ms; file in KiB)")
    for size, row in rows.items():
        print(f"{size:>7}  " + "  ".join(f"{row[c]:>9.2f}" for c in columns))
    return 0


if __name__ == "__main__":
    sys.exit(main())
