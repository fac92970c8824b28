"""Start-up time: launch to the article list painted, cold and warm, beside a bare Textual app.

For each library size: the minimal three-pane app (baseline), then `tuireader LIBRARY` with a
fresh data dir (cold: nothing indexed or cached yet) and again with the same data dir (warm).
"painted" = the list's title and at least --rows rows of article titles on screen;
"complete" = the header counts every article and has stopped scanning. Times are from
`respawn-pane` to the capture that first showed it, measured in tmux at 160x48.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

import variants
from app_screen import AppRun, Library, list_count, list_scanning
from make_library import generate
from tmux_screen import (
    TmuxScreen,
    find_tuireader,
    machine_note,
    main_guard,
    median,
    memory_mib,
    minimal_app_command,
    ms,
    print_table,
    python_of,
    titles_visible,
)

TARGETS = {10_000: 1.3, 100_000: 2.0}


def baseline(python: str) -> float:
    with TmuxScreen() as screen:
        started = screen.launch(minimal_app_command(python))
        return screen.wait_for(titles_visible("Articles", "Reader", "Timeline"), started,
                               what="the minimal app").elapsed


def app_start(run: AppRun, library: Library, rows: int, complete_timeout: float,
              paint_timeout: float) -> dict[str, float | None]:
    """One launch: painted, complete, RSS at complete, and the time ctrl+q took to exit."""
    started = run.launch()
    painted = run.screen.wait_for(library.painted(min(rows, library.size)), started,
                                  paint_timeout, "the article list")
    figures: dict[str, float | None] = {"painted": painted.elapsed, "complete": None,
                                        "rss": None, "exit": None,
                                        "count at paint": list_count(painted.capture),
                                        "scanning at paint": float(list_scanning(painted.capture))}
    try:
        complete = run.screen.wait_for(library.complete(library.size), started,
                                       complete_timeout, "the complete list")
        figures["complete"] = complete.elapsed
    except TimeoutError:
        pass
    figures["rss"] = memory_mib(run.screen.app_pid())[0]
    figures["exit"] = run.quit()
    return figures


def one_run(lib_root: Path, library: Library, args: argparse.Namespace, python: str,
            env: dict[str, str]) -> dict[str, list[Any]]:
    """The baseline, then tuireader cold and warm (same data dir): each figure as a series of
    one, the warm paint's ratio to this run's baseline, and the run's table row ("row")."""
    base = baseline(python)
    series: dict[str, list[Any]] = {"baseline": [base]}
    with tempfile.TemporaryDirectory(prefix="tuireader-bench-data-") as data:
        figures = {}
        for kind in ("cold", "warm"):
            with AppRun(lib_root, args.tuireader, Path(data), env=env) as run:
                figures[kind] = app_start(run, library, args.rows, args.complete_timeout,
                                          args.paint_timeout)
            for name, value in figures[kind].items():
                if value is not None:
                    series[f"{kind} {name}"] = [value]
    cold, warm = figures["cold"], figures["warm"]
    if warm["painted"] is not None:
        series["warm painted / baseline"] = [warm["painted"] / base]
    series["row"] = [[ms(base), ms(cold["painted"]), ms(cold["complete"]),
                      ms(warm["painted"]), ms(warm["complete"]), f"{warm['rss']:.0f}",
                      ms(warm["exit"]), _count(cold)]]
    return series


def measure_size(size: int, args: argparse.Namespace, python: str
                 ) -> dict[str, dict[str, list[Any]]]:
    """Every variant's series for one library size (`--runs` runs each, alternated)."""
    lib_root = generate(size, args.root / f"lib-{size}", seed=args.seed)
    library = Library.load(lib_root, size)
    runs = variants.parse(args.compare)
    by_variant = variants.alternate(
        runs, args.runs,
        lambda v: one_run(lib_root, library, args, python, v.env))
    for variant in runs:
        title = variants.heading(f"{size:,} articles ({lib_root})", variant, runs)
        print_size(size, title, args, by_variant[variant.label])
    return by_variant


def print_size(size: int, title: str, args: argparse.Namespace,
               series: dict[str, list[Any]]) -> None:
    rows = [[f"run {index + 1}", *row] for index, row in enumerate(series["row"])]
    base_median = median(series["baseline"]) or float("nan")
    medians = {key: median(values) for key, values in series.items() if key != "row"}
    rows.append(["median", *[ms(medians.get(key)) for key in
                             ("baseline", "cold painted", "cold complete", "warm painted",
                              "warm complete")],
                 f"{medians.get('warm rss') or 0:.0f}", ms(medians.get("warm exit")), ""])
    rows.append(["ratio to baseline", "1.00",
                 *[_ratio(medians.get(key), base_median) for key in
                   ("cold painted", "cold complete", "warm painted", "warm complete")],
                 "", "", ""])
    print(f"\n{title}, {len(rows) - 2} run(s), list painted = "
          f"title + {min(args.rows, size)} rows; complete timeout {args.complete_timeout:g} s")
    print_table(["", "baseline ms", "cold painted", "cold complete", "warm painted",
                 "warm complete", "warm RSS MiB", "exit ms", "cold: count shown at paint"],
                rows)
    target = TARGETS.get(size)
    if target is not None and medians.get("warm painted"):
        ratio = medians["warm painted"] / base_median
        print(f"target: warm painted <= {target}x baseline; measured {ratio:.2f}x "
              f"(median of each run's ratio to its own baseline: "
              f"{medians['warm painted / baseline']:.2f}x)")


def _count(figures: dict[str, float | None]) -> str:
    """What the cold run's list said when first painted (proof it is usable mid-scan)."""
    count = figures["count at paint"]
    text = "no count" if count is None else f"{int(count):,}"
    return text + (" (scanning)" if figures["scanning at paint"] else "")


def _ratio(value: float | None, base: float) -> str:
    return "-" if value is None else f"{value / base:.2f}x"


def print_growth(results: dict[int, dict[str, list[float]]]) -> None:
    sizes = sorted(results)
    if len(sizes) < 2:
        return
    print("\ngrowth (medians, ms; xN = factor over the previous size)")
    rows = []
    for key in ("baseline", "cold painted", "cold complete", "warm painted", "warm complete",
                "warm rss"):
        cells: list[str] = []
        previous = None
        for size in sizes:
            value = median(results[size].get(key, []))
            unit = (lambda v: f"{v:.0f} MiB") if key.endswith("rss") else ms
            cell = "-" if value is None else unit(value)
            if value is not None and previous:
                cell += f" (x{value / previous:.1f})"
            cells.append(cell)
            previous = value
        rows.append([key, *cells])
    print_table(["figure", *[f"{size:,}" for size in sizes]], rows)
    print("x10 per step = linear in library size; close to x1 = independent of it")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,100000",
                        help="comma-separated library sizes (default 1000,10000,100000)")
    parser.add_argument("--runs", type=int, default=5, help="runs per size (default 5)")
    parser.add_argument("--root", type=Path, default=Path("/tmp/tuireader-bench"),
                        help="where generated libraries are cached (default /tmp/tuireader-bench)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rows", type=int, default=20,
                        help="list rows that must show article titles (default 20)")
    parser.add_argument("--paint-timeout", type=float, default=120.0)
    parser.add_argument("--complete-timeout", type=float, default=300.0,
                        help="give up waiting for the full count after this (default 300 s)")
    parser.add_argument("--tuireader", help="path of the tuireader script (default: PATH, .venv)")
    variants.add_arguments(parser, rounds=False)
    args = parser.parse_args()
    sizes = [int(size.replace("_", "")) for size in args.sizes.split(",") if size]

    def run() -> int:
        python = python_of(find_tuireader(args.tuireader))
        print(machine_note())
        results = {size: measure_size(size, args, python) for size in sizes}
        for label in next(iter(results.values()), {}):
            print_growth({size: by_label[label] for size, by_label in results.items()})
        return 0

    return main_guard(run)


if __name__ == "__main__":
    sys.exit(main())
