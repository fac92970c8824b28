"""The library timeline (`T`, `tuireader timeline --library`) at several library sizes.

`library_timeline.py [--sizes 1000,10000] [--keys 20] [--cli-runs 3]`, per size, each phase in
a fresh process (its own RSS) over a generated library (`make_library.py`) and a fresh data
dir that the phases share:

- cold build: every article's rows computed, cached and merged (`open_library_timeline`),
  what the screen's worker does the first time; rows, seconds, VmHWM;
- warm open: the same with the caches warm, plus the headings and density (the worker's
  whole job), median of 5 in one process; then in the app (Pilot, 160x48) `T` to rows
  shown, VmRSS before and after;
- keys: medians of `j`, `space`, `}`, `{` in the library timeline beside `j` in the article
  list (Pilot: press to idle, an upper bound of the work a key causes);
- CLI: `tuireader timeline --library --json DIR` wall time with warm caches (median of
  --cli-runs, after one untimed run).

`--data-root DIR` keeps each size's data dir under DIR, so a later run (another branch, the
same extraction) skips the cold analysis: at 100k it takes the better part of an hour.

Prints figures only; asserts nothing about time.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from make_library import generate

SRC = Path(__file__).resolve().parents[1] / "src"


def memory_mib() -> tuple[float, float]:
    """(VmRSS, VmHWM) of this process in MiB."""
    fields = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines()
                  if line.startswith(("VmRSS", "VmHWM")))
    return (int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024)


def _articles(library: Path, data: Path) -> list[Any]:
    from tuireader.library.catalog import Catalog
    from tuireader.locations import cache_dir

    catalog = Catalog([library], cache_dir(data))
    articles = catalog.refresh().articles
    catalog.save()
    return articles


def _open(library: Path, data: Path, articles: list[Any]) -> Any:
    """What the screen's worker does: `open_library_timeline` over the whole library."""
    from tuireader.locations import cache_dir
    from tuireader.timeline.library_build import library_row_cache
    from tuireader.timeline.library_open import open_library_timeline

    return open_library_timeline(articles, *library_row_cache(cache_dir(data), [library]),
                                 whole_library=True)


def phase_cold(library: Path, data: Path) -> dict[str, Any]:
    articles = _articles(library, data)
    started = time.perf_counter()
    opened = _open(library, data, articles)
    seconds = time.perf_counter() - started
    return {"articles": len(articles), "rows": len(opened.timeline.rows),
            "computed": opened.computed, "seconds": seconds, "hwm": memory_mib()[1]}


def phase_warm(library: Path, data: Path) -> dict[str, Any]:
    articles = _articles(library, data)
    times = []
    for _ in range(5):
        started = time.perf_counter()
        opened = _open(library, data, articles)
        timeline = opened.timeline
        timeline.density(timeline.unit_for(158))
        times.append(time.perf_counter() - started)
        assert opened.computed == 0, "the caches are not warm"
    return {"first": times[0], "median": statistics.median(times), "lines": len(timeline.lines),
            "rss": memory_mib()[0]}


def phase_app(library: Path, data: Path, presses: int) -> dict[str, Any]:
    import textual._wait

    from tuireader.app import TuiReaderApp
    from tuireader.screens.library_timeline import LibraryTimelineScreen
    from tuireader.screens.pacing import Pacing, set_pacing

    # As the UI tests do: Pilot's idle test in 2 ms steps (its default waits 40 ms a key).
    textual._wait.SLEEP_GRANULARITY = 1 / 500
    textual._wait.SLEEP_IDLE = 1 / 10_000
    set_pacing(Pacing.none())
    figures: dict[str, Any] = {}

    async def run() -> None:
        app = TuiReaderApp([library], data)
        async with app.run_test(size=(160, 48)) as pilot:
            for _ in range(3):
                await pilot.pause()
                await app.workers.wait_for_complete()
            figures["list j"] = await timed(pilot, "j", presses)
            figures["rss before"] = memory_mib()[0]
            started = time.perf_counter()
            await pilot.press("T")
            screen = app.screen
            assert isinstance(screen, LibraryTimelineScreen)
            while screen.timeline is None:
                await asyncio.sleep(0.002)
            await pilot.pause()
            figures["T to rows"] = time.perf_counter() - started
            figures["rss after"] = memory_mib()[0]
            for key in ("j", "space", "right_curly_bracket", "left_curly_bracket"):
                figures[f"timeline {key}"] = await timed(pilot, key, presses)

    asyncio.run(run())
    return figures


async def timed(pilot: Any, key: str, presses: int) -> float:
    """Median seconds from a press to the app being idle again."""
    times = []
    for _ in range(presses):
        started = time.perf_counter()
        await pilot.press(key)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def run_phase(name: str, library: Path, data: Path, *extra: str) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    done = subprocess.run([sys.executable, __file__, "--phase", name, str(library), str(data),
                           *extra], env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"phase {name} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def cli_warm(library: Path, data: Path, runs: int) -> tuple[float, int]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    command = [sys.executable, "-m", "tuireader", "timeline", "--library", "--json",
               str(library), "--data-dir", str(data)]
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True)
    times = []
    lines = 0
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(command, env=env, capture_output=True, check=True)
        times.append(time.perf_counter() - started)
        lines = done.stdout.count(b"\n")
    return statistics.median(times), lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--root", type=Path, default=Path("/tmp/tuireader-bench"))
    parser.add_argument("--keys", type=int, default=20, help="presses per key")
    parser.add_argument("--cli-runs", type=int, default=3)
    parser.add_argument("--data-root", type=Path,
                        help="keep each size's data dir (caches) here across runs: a second run "
                             "skips the cold analysis (its cold build then reports 0 analysed)")
    parser.add_argument("--phase", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        name, library, data, *extra = args.phase
        phases = {"cold": lambda: phase_cold(Path(library), Path(data)),
                  "warm": lambda: phase_warm(Path(library), Path(data)),
                  "app": lambda: phase_app(Path(library), Path(data), int(extra[0]))}
        print(json.dumps(phases[name]()))
        return
    print(f"load average {os.getloadavg()[0]:.1f}, {os.cpu_count()} cores")
    for size in (int(value) for value in args.sizes.split(",")):
        library = generate(size, args.root / f"lib-{size}", quiet=True)
        with contextlib.ExitStack() as stack:
            if args.data_root is None:
                data = Path(stack.enter_context(
                    tempfile.TemporaryDirectory(prefix=f"lt-bench-{size}-")))
            else:
                data = args.data_root / str(size)
                data.mkdir(parents=True, exist_ok=True)
            cold = run_phase("cold", library, data)
            warm = run_phase("warm", library, data)
            app = run_phase("app", library, data, str(args.keys))
            cli, lines = cli_warm(library, data, args.cli_runs)
        ms = {key: f"{value * 1000:.1f}" for key, value in app.items() if "rss" not in key}
        print(f"\n{size:,} articles: {cold['rows']:,} rows ({warm['lines']:,} lines with headings)")
        print(f"  cold build      {cold['seconds']:.1f} s ({cold['computed']:,} articles analysed),"
              f" VmHWM {cold['hwm']:.0f} MiB")
        print(f"  warm open       first {warm['first'] * 1000:.0f} ms, median "
              f"{warm['median'] * 1000:.0f} ms, VmRSS {warm['rss']:.0f} MiB")
        print(f"  app: T to rows  {ms['T to rows']} ms; VmRSS {app['rss before']:.0f} -> "
              f"{app['rss after']:.0f} MiB")
        print(f"  keys (median ms, press to idle): list j {ms['list j']}; timeline "
              f"j {ms['timeline j']}, space {ms['timeline space']}, "
              f"}} {ms['timeline right_curly_bracket']}, {{ {ms['timeline left_curly_bracket']}")
        print(f"  CLI timeline --library --json, warm: {cli:.2f} s ({lines:,} lines)")


if __name__ == "__main__":
    main()
