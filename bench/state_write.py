"""Cost of one reading-state write at 1k / 10k / 100k records, beside TinyDB's default storage.

tuireader: `Database.reading.update(...)` (what a keypress pays: memory only) and
`update + flush()` (what the background writer pays: one atomic, locked write), plus a flush
of a 50-change batch, opening the database, opening it and calling `reading.all()`, and
opening it and asking what the article list needs at start-up (read and starred ids, the
article opened last; "n/a" for a version without `read_ids`). Baseline: plain `TinyDB(path)`
with its default JSONStorage doing one `table.update` (it rewrites the whole file every
time). Both stores hold the same records; the file sizes are printed (all `*.json` files
under the data dir, backups excluded).

`--compare-table-scan`: also open + all() and open + list state with the whole-library scans
going through TinyDB's `Table` (every document copied into a `Document`, as `Table.all()`
and iteration do) instead of `ReadingShards.documents`, the one read around it.
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
from typing import Any

from tmux_screen import machine_note, print_table

try:
    from tinydb import Query, TinyDB

    from tuireader.store import Database, ReadingStateStore, reading_shards
except ImportError as error:  # pragma: no cover - a clear message instead of a traceback
    print(f"state_write.py: {error}; run it with the project's venv python "
          "(/work/main/.venv/bin/python) after `pip install -e /work/main`", file=sys.stderr)
    sys.exit(2)

OPENED = datetime(2026, 11, 27, 9, 30, tzinfo=UTC)
OPEN_RUNS = 5
"""Timed opens per figure (a 100k open takes ~0.2-0.6 s, so a few; their median is printed)."""


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return samples


def article_id(index: int) -> str:
    return f"bench-{index:07d}"


def populate(data_dir: Path, size: int) -> float:
    """Fill through the public API (updates then one flush); returns the flush time."""
    with Database(data_dir) as db:
        for index in range(size):
            db.reading.update(article_id(index), read=index % 3 == 0, starred=index % 17 == 0,
                              position=index * 7, last_opened=OPENED,
                              path=f"library/{index // 1000}/{index:07d}.md")
        started = time.perf_counter()
        db.reading.flush()
        return time.perf_counter() - started


def documents_through_table(self: Any, index: int) -> dict[str, Any]:
    """`ReadingShards.documents` as TinyDB's `Table` would give them: a copy of each."""
    table = self.files[index].fresh_table(reading_shards.TABLE)
    return {str(doc.doc_id): doc for doc in table}


def scan_figures(data_dir: Path, figures: dict[str, float], suffix: str) -> None:
    """open + all(), open + list state: what the list needs at start-up."""

    def open_and_all() -> None:
        with Database(data_dir) as db:
            db.reading.all()

    figures[f"open + all(){suffix}"] = statistics.median(timed(open_and_all, OPEN_RUNS))

    def open_and_list_state() -> None:
        with Database(data_dir) as db:
            db.reading.read_ids()  # type: ignore[attr-defined]
            db.reading.starred_ids()  # type: ignore[attr-defined]
            db.reading.last_opened()

    if hasattr(ReadingStateStore, "read_ids"):
        figures[f"open + list state{suffix}"] = statistics.median(
            timed(open_and_list_state, OPEN_RUNS))


def tuireader_figures(size: int, repeat: int, compare_table_scan: bool) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="state-write-") as tmp:
        data_dir = Path(tmp)
        fill = populate(data_dir, size)
        figures: dict[str, float] = {"fill flush": fill}
        figures["open"] = statistics.median(timed(lambda: Database(data_dir).close(), OPEN_RUNS))
        scan_figures(data_dir, figures, "")
        if compare_table_scan:
            bypass = reading_shards.ReadingShards.documents
            reading_shards.ReadingShards.documents = documents_through_table  # type: ignore
            try:
                scan_figures(data_dir, figures, " via Table")
            finally:
                reading_shards.ReadingShards.documents = bypass  # type: ignore
        with Database(data_dir) as db:
            counter = iter(range(10**9))

            def update_only() -> None:
                db.reading.update(article_id(next(counter) % size), position=next(counter))

            def update_and_flush() -> None:
                db.reading.update(article_id(next(counter) % size), position=next(counter))
                db.reading.flush()

            def batch_of_50() -> None:
                for _ in range(50):
                    db.reading.update(article_id(next(counter) % size), read=True)
                db.reading.flush()

            figures["update (UI thread)"] = statistics.median(timed(update_only, 200))
            db.reading.flush()
            figures["update + flush"] = statistics.median(timed(update_and_flush, repeat))
            figures["flush of 50 changes"] = statistics.median(timed(batch_of_50, repeat))
        files = list(data_dir.rglob("*.json"))
        figures["file MiB"] = sum(f.stat().st_size for f in files) / 2**20
    return figures


def tinydb_figures(size: int, repeat: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="state-write-tinydb-") as tmp:
        path = Path(tmp) / "db.json"
        db = TinyDB(path)
        table = db.table("reading")
        table.insert_multiple(
            {"article_id": article_id(index), "read": index % 3 == 0,
             "starred": index % 17 == 0, "position": index * 7,
             "last_opened": OPENED.isoformat(), "path": f"library/{index // 1000}/{index:07d}.md"}
            for index in range(size))
        counter = iter(range(10**9))
        doc_ids = [doc.doc_id for doc in table.all()]

        def update_one() -> None:
            table.update({"position": next(counter)},
                         doc_ids=[doc_ids[next(counter) % len(doc_ids)]])

        def update_by_query() -> None:
            wanted = article_id(next(counter) % size)
            table.update({"position": next(counter)}, Query().article_id == wanted)

        figures = {"update by doc id": statistics.median(timed(update_one, repeat)),
                   "update by query": statistics.median(timed(update_by_query, repeat)),
                   "file MiB": path.stat().st_size / 2**20}
        db.close()
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=9, help="timed writes per figure (9)")
    parser.add_argument("--compare-table-scan", action="store_true",
                        help="also scan the reading state through TinyDB's Table")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",") if size]
    print(machine_note())
    ours = {size: tuireader_figures(size, args.repeat, args.compare_table_scan)
            for size in sizes}
    theirs = {size: tinydb_figures(size, args.repeat) for size in sizes}
    rows = []
    for name in ("update (UI thread)", "update + flush", "flush of 50 changes", "open",
                 "open + all()", "open + all() via Table", "open + list state",
                 "open + list state via Table", "fill flush"):
        if name.endswith("via Table") and not args.compare_table_scan:
            continue
        rows.append([f"tuireader {name}", *[_cell(ours, s, name, i, sizes)
                                            for i, s in enumerate(sizes)]])
    for name in ("update by doc id", "update by query"):
        rows.append([f"TinyDB JSONStorage {name}", *[_cell(theirs, s, name, i, sizes)
                                                     for i, s in enumerate(sizes)]])
    rows.append(["file size MiB (tuireader / TinyDB)",
                 *[f"{ours[s]['file MiB']:.1f} / {theirs[s]['file MiB']:.1f}" for s in sizes]])
    print_table(["ms (median; xN = growth over the previous size)",
                 *[f"{s:,} records" for s in sizes]], rows)
    return 0


def _cell(table: dict[int, dict[str, float]], size: int, name: str, index: int,
          sizes: list[int]) -> str:
    if name not in table[size]:
        return "n/a"
    value = table[size][name]
    cell = f"{value * 1000:.3f}" if value < 0.001 else f"{value * 1000:.1f}"
    if index:
        previous = table[sizes[index - 1]].get(name, 0.0)
        if name in table[sizes[index - 1]] and previous > 0:
            cell += f" (x{value / previous:.1f})"
    return cell


if __name__ == "__main__":
    sys.exit(main())
