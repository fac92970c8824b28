"""Key latency: time from tmux send-keys to the first screen change, per kind of key.

In a started app on a generated library (after the scan completes): `j`/`k` in the list,
`enter` on the top article, reader scrolling (`2`, then `j` and `space`), and pane switching
(`tab`, `1`, `2`, `3`). Before each key the screen must be quiet (--settle), so keys never
queue behind a repaint. The baseline is the minimal app where `j` flips a label. A change of
colour counts (captures include attributes), so a moved highlight is seen.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app_screen import AppRun, Library
from make_library import generate
from tmux_screen import (
    TmuxScreen,
    Wait,
    find_tuireader,
    machine_note,
    main_guard,
    median,
    minimal_app_command,
    ms,
    print_table,
    python_of,
    titles_visible,
)

TARGET_MS = 30.0


def time_keys(screen: TmuxScreen, keys: list[str], settle: float) -> list[Wait]:
    return [screen.time_key(key, settle=settle) for key in keys]


def baseline(python: str, count: int, settle: float) -> list[Wait]:
    with TmuxScreen() as screen:
        started = screen.launch(minimal_app_command(python, "--toggle-key"))
        screen.wait_for(titles_visible("Articles", "Reader", "Timeline"), started,
                        what="the minimal app")
        return time_keys(screen, ["j"] * count, settle)


def plan(count: int) -> list[tuple[str, list[str], list[str]]]:
    """(kind, keys to time, untimed keys sent before them)."""
    return [
        ("list j", ["j"] * count, ["g"]),
        ("list k", ["k"] * count, []),
        ("enter (first change)", ["Enter"], ["g"]),
        ("reader j", ["j"] * count, ["2"]),
        ("reader space", ["Space"] * max(3, count // 3), []),
        ("pane tab", ["Tab"] * 9, []),
        ("pane 1/2/3", ["1", "2", "3"] * 3, []),
    ]


def measure_app(size: int, args: argparse.Namespace) -> dict[str, list[Wait]]:
    lib_root = generate(size, args.root / f"lib-{size}", seed=args.seed)
    library = Library.load(lib_root, size)
    results: dict[str, list[Wait]] = {}
    with AppRun(lib_root, args.tuireader) as run:
        started = run.launch()
        run.screen.wait_for(library.painted(min(20, size)), started, 120, "the article list")
        run.screen.wait_for(library.complete(size), started, args.complete_timeout,
                            "the complete list")
        for kind, keys, before in plan(args.count):
            for key in before:
                run.screen.send_keys(key)
            if kind.startswith("enter"):
                run.screen.wait_stable(quiet=args.settle)
            results[kind] = time_keys(run.screen, keys, args.settle)
            if kind.startswith("enter"):
                run.screen.wait_stable(quiet=0.5, timeout=30)
        run.quit()
    return results


def report(title: str, results: dict[str, list[Wait]], base: float | None) -> None:
    print(f"\n{title}")
    rows = []
    for kind, waits in results.items():
        times = [w.elapsed for w in waits]
        corrected = [w.corrected for w in waits]
        med = median(times)
        rows.append([kind, len(waits), ms(med), ms(median(corrected)), ms(min(times)),
                     ms(max(times)),
                     "-" if med is None or not base else f"{med / base:.2f}x",
                     "yes" if med is not None and med * 1000 <= TARGET_MS else "NO"])
    print_table(["key", "n", "median ms", "corrected", "min", "max", "vs baseline",
                 f"<= {TARGET_MS:g} ms"], rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--count", type=int, default=30, help="presses per key kind (30)")
    parser.add_argument("--settle", type=float, default=0.1,
                        help="quiet time before each key, s (default 0.1)")
    parser.add_argument("--root", type=Path, default=Path("/tmp/tuireader-bench"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--complete-timeout", type=float, default=600.0)
    parser.add_argument("--tuireader")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",") if size]

    def run() -> int:
        python = python_of(find_tuireader(args.tuireader))
        print(machine_note())
        base_waits = baseline(python, args.count, args.settle)
        base = median(w.elapsed for w in base_waits)
        report("baseline: minimal app, `j` flips a label", {"j": base_waits}, base)
        for size in sizes:
            report(f"tuireader, {size:,} articles", measure_app(size, args), base)
        print("\nmedian/min/max are upper bounds (to the reply of the capture that saw the "
              "change); corrected = minus one capture round trip")
        return 0

    return main_guard(run)


if __name__ == "__main__":
    sys.exit(main())
