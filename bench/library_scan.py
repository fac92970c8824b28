"""Library indexing figures: cold scan, warm head / full load / refresh, memory, growth.

`library_scan.py DIR [DIR...] [--runs N] [--cold-runs N] [--formats]` measures each library
(make one with `python bench/make_library.py N DIR`), in a fresh cache dir per cold run:

  scan        the old way: `library.scan()` of every file (no index)
  cold        first run: `Catalog.refresh()` with no index, then `save()` (checkpoints
              written on the way included; how many is printed below the tables)
  head        `Catalog.head()`: what the app reads before its first paint
  head+import the same in a fresh interpreter, imports included (what start-up pays)
  load        `Catalog.load()`: the full index, as Articles in display order
  refresh     `Catalog.refresh()` after `load()`, nothing changed (stat every file)
  frozen      the same after `gc.freeze()` (as the app may do after `load()`): without the
              cyclic GC walking the 100k loaded articles during the refresh
  touch10     `Catalog.refresh()` after 10 files got a new mtime (mtimes restored after)
  memory      Python heap retained by the loaded catalog (tracemalloc), and the RSS growth

Medians of the runs, wall and process CPU time (steadier on a shared machine); OS cache warm
throughout (files were read just before). Prints a table
and the growth ratio of each figure between consecutive sizes. Never asserts on time.
`--formats` also times marshal / pickle / JSON for the full index of the largest library.
"""

from __future__ import annotations

import argparse
import gc
import io
import itertools
import json
import marshal
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

SRC = Path(__file__).resolve().parents[1] / "src"
sys.path.insert(0, str(SRC))

from tuireader.library import scan  # noqa: E402
from tuireader.library.catalog import Catalog  # noqa: E402
from tuireader.library.index import index_files  # noqa: E402

FIGURES = ("scan", "cold", "head", "head+import", "load", "refresh", "frozen", "touch10")

Sample = tuple[float, float]
"""(wall seconds, CPU seconds of this process): CPU time is steadier on a shared machine."""


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def sampled(action: Callable[[], object]) -> Sample:
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu


PYCACHE = Path(tempfile.gettempdir()) / "tuireader-bench-pycache"


def child_env() -> dict[str, str]:
    """Bytecode cached (outside the source tree), as in an installed app: no compile time."""
    env = {**os.environ, "PYTHONPATH": str(SRC), "PYTHONPYCACHEPREFIX": str(PYCACHE)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def head_in_fresh_process(root: Path, cache: Path) -> Sample:
    code = (
        "import time; t, c = time.perf_counter(), time.process_time()\n"
        "from pathlib import Path\n"
        "from tuireader.library.catalog import Catalog\n"
        f"rows, total = Catalog([Path({str(root)!r})], Path({str(cache)!r})).head()\n"
        "assert rows and total\n"
        "print(time.perf_counter() - t, time.process_time() - c)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=child_env(), check=True)
    wall, cpu = out.stdout.split()
    return float(wall), float(cpu)


def article_files(root: Path, count: int) -> list[Path]:
    """`count` files spread over the library (every k-th of the sorted list)."""
    files = sorted(root.rglob("*.md"))
    step = max(1, len(files) // count)
    return files[::step][:count]


def warm(root: Path, cache: Path, figures: dict[str, list[Sample]], freeze: bool) -> None:
    """load then refresh in a clean heap; `freeze`: gc.freeze() between them, as an app may."""
    gc.collect()
    catalog = Catalog([root], cache)
    figures["load"].append(sampled(catalog.load))
    if freeze:
        gc.freeze()
    figures["frozen" if freeze else "refresh"].append(sampled(catalog.refresh))
    gc.unfreeze()


def measure(root: Path, runs: int, cold_runs: int) -> dict[str, Any]:
    figures: dict[str, list[Sample]] = {name: [] for name in FIGURES}
    info: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="tuireader-bench-cache-") as temp:
        for run in range(cold_runs):
            cache = Path(temp) / f"cold-{run}"
            counted: list[int] = []
            figures["scan"].append(sampled(lambda out=counted: out.append(  # type: ignore[misc]
                len(scan([root]).articles))))
            info["articles"] = counted[0]
            gc.collect()
            catalog = Catalog([root], cache)
            written: list[int] = []
            figures["cold"].append(sampled(lambda c=catalog, out=written: (  # type: ignore[misc]
                out.append(c.refresh().checkpoints), c.save())))
            info.setdefault("checkpoints", []).extend(written)
            del catalog
        full, head = index_files(cache, [root])
        info["index_kib"] = full.stat().st_size / 1024
        info["head_kib"] = head.stat().st_size / 1024
        head_in_fresh_process(root, cache)  # writes the bytecode cache
        for run in range(runs):
            figures["head"].append(sampled(lambda: Catalog([root], cache).head()))
            figures["head+import"].append(head_in_fresh_process(root, cache))
            warm(root, cache, figures, freeze=run % 2 == 1)
        touched = article_files(root, 10)
        for _ in range(runs):
            stats = [path.stat() for path in touched]
            for path, stat in zip(touched, stats, strict=True):
                os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
            gc.collect()
            catalog = Catalog([root], cache)
            catalog.load()
            try:
                figures["touch10"].append(sampled(catalog.refresh))
            finally:
                for path, stat in zip(touched, stats, strict=True):
                    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
            catalog.refresh()
            catalog.save()
            del catalog
        info.update(memory(root, cache))
    info["wall"] = {name: statistics.median(w for w, _ in values)
                    for name, values in figures.items() if values}
    info["cpu"] = {name: statistics.median(c for _, c in values)
                   for name, values in figures.items() if values}
    return info


def memory(root: Path, cache: Path) -> dict[str, float]:
    """Heap kept by a loaded catalog (tracemalloc here) and RSS growth (in a fresh process)."""
    gc.collect()
    tracemalloc.start()
    catalog = Catalog([root], cache)
    articles = catalog.load()
    traced = tracemalloc.get_traced_memory()[0] / 2**20
    tracemalloc.stop()
    del catalog, articles
    code = (
        "import os\n"
        "def rss():\n"
        "    with open('/proc/self/statm') as f:\n"
        "        return int(f.read().split()[1]) * os.sysconf('SC_PAGE_SIZE') / 2**20\n"
        "from pathlib import Path\n"
        "from tuireader.library.catalog import Catalog\n"
        "import tuireader.library.scanning\n"
        f"catalog = Catalog([Path({str(root)!r})], Path({str(cache)!r}))\n"
        "before = rss()\n"
        "articles = catalog.load()\n"
        "print(rss() - before)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=child_env(), check=True)
    return {"heap_mib": traced, "rss_growth_mib": float(out.stdout)}


def compare_formats(root: Path) -> None:
    """Times the candidate formats on this library's index data (rows and columns)."""
    with tempfile.TemporaryDirectory(prefix="tuireader-bench-formats-") as temp:
        catalog = Catalog([root], Path(temp))
        catalog.refresh()
        catalog.save()
        payload = marshal.loads(index_files(Path(temp), [root])[0].read_bytes()[32:])
    columns = payload[2]
    rows = tuple(zip(*columns, strict=True))
    print(f"\nformats, {len(rows):,} entries (median of 5; load = bytes -> Python tuples):")

    class NoGlobals(pickle.Unpickler):
        def find_class(self, module: str, name: str) -> Any:
            raise pickle.UnpicklingError(f"{module}.{name} refused")

    coders: dict[str, tuple[Callable[[Any], bytes], Callable[[bytes], Any]]] = {
        "marshal": (lambda data: marshal.dumps(data, 4), marshal.loads),
        "pickle-5": (lambda data: pickle.dumps(data, protocol=5),
                     lambda blob: NoGlobals(io.BytesIO(blob)).load()),
        "json": (lambda data: json.dumps(data).encode(), json.loads),
    }
    print(f"  {'format':<10}{'layout':<9}{'MiB':>7}{'dump ms':>9}{'load ms':>9}")
    for name, (dump, load) in coders.items():
        for layout, data in (("columns", columns), ("rows", rows)):
            blob = dump(data)
            dumps = [timed(lambda d=data, f=dump: f(d)) for _ in range(5)]  # type: ignore[misc]
            loads = [timed(lambda b=blob, f=load: f(b)) for _ in range(5)]  # type: ignore[misc]
            print(f"  {name:<10}{layout:<9}{len(blob) / 2**20:>7.1f}"
                  f"{statistics.median(dumps) * 1000:>9.0f}{statistics.median(loads) * 1000:>9.0f}")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f}" if seconds >= 0.01 else f"{seconds * 1000:.1f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dirs", type=Path, nargs="+", metavar="DIR")
    parser.add_argument("--runs", type=int, default=5,
                        help="warm runs per size (default 5; 'frozen' needs 2 or more)")
    parser.add_argument("--cold-runs", type=int, default=3, help="cold runs (default 3)")
    parser.add_argument("--formats", action="store_true",
                        help="also compare marshal/pickle/JSON on the largest library")
    args = parser.parse_args()
    for folder in args.dirs:
        if not folder.is_dir():
            parser.error(f"{folder}: not a folder (make one with bench/make_library.py N DIR)")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f}")
    results = []
    for folder in args.dirs:
        cold_runs = args.cold_runs
        print(f"measuring {folder} ...", file=sys.stderr, flush=True)
        results.append((folder, measure(folder, args.runs, cold_runs)))
    for kind in ("wall", "cpu"):
        print(f"\n{kind} time, median ms ({'elapsed' if kind == 'wall' else 'process CPU'}):")
        header = ["articles", *FIGURES, "heap MiB", "RSS+ MiB", "index KiB", "head KiB"]
        print("  ".join(f"{h:>11}" for h in header))
        for _, info in results:
            cells = [f"{info['articles']:,}",
                     *[ms(info[kind][name]) if name in info[kind] else "-" for name in FIGURES],
                     f"{info['heap_mib']:.1f}", f"{info['rss_growth_mib']:.1f}",
                     f"{info['index_kib']:,.0f}", f"{info['head_kib']:.0f}"]
            print("  ".join(f"{cell:>11}" for cell in cells))
        for (_, small), (_, large) in itertools.pairwise(results):
            factor = large["articles"] / max(1, small["articles"])
            ratios = [f"{name} x{large[kind][name] / max(small[kind][name], 1e-6):.1f}"
                      for name in FIGURES if name in large[kind] and name in small[kind]]
            ratios.append(f"heap x{large['heap_mib'] / max(small['heap_mib'], 1e-9):.1f}")
            print(f"growth {small['articles']:,} -> {large['articles']:,} (x{factor:.0f}): "
                  + ", ".join(ratios))
    for _, info in results:
        print(f"checkpoints per cold run, {info['articles']:,} articles: {info['checkpoints']}")
    if args.formats:
        compare_formats(args.dirs[-1])
    return 0


if __name__ == "__main__":
    sys.exit(main())
