"""Key latency: time from tmux send-keys to the first screen change, per kind of key.

In a started app on a generated library: `j` while the scan is still running (if it is),
then after the scan completes `j`/`k` in the list, `enter` (at least 8 articles are opened
from the top, until one is longer than the reader), reader scrolling (`2`, then `j`/`k` and
`space`/`b` alternating), and pane switching (`tab`, `1`, `2`, `3`); then the same reader and
pane keys with a ~1 MB article open (--big, after its timeline is shown). Before each key the
screen must be quiet (--settle), so keys never queue behind a repaint. The baseline is the
minimal app where `j` flips a label and `tab` moves focus. A change of colour counts
(captures include attributes), so a moved highlight is seen.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable
from pathlib import Path

import variants
from app_screen import (
    AppRun,
    Library,
    cursor_moved,
    list_cursor,
    list_scanning,
    reader_body_shown,
    reader_progress,
    timeline_shown,
)
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


def time_keys(screen: TmuxScreen, keys: list[str], settle: float) -> list[Wait | None]:
    return [screen.time_key(key, settle=settle) for key in keys]


def baseline(python: str, count: int, settle: float) -> dict[str, list[Wait | None]]:
    with TmuxScreen() as screen:
        started = screen.launch(minimal_app_command(python, "--toggle-key"))
        screen.wait_for(titles_visible("Articles", "Reader", "Timeline"), started,
                        what="the minimal app")
        return {"j (label flips)": time_keys(screen, ["j"] * count, settle),
                "tab (focus moves)": time_keys(screen, ["Tab"] * 9, settle)}


def open_long_article(screen: TmuxScreen, tries: int, least: int = 8) -> list[Wait | None]:
    """Open articles from the top (at least `least`) until one is longer than the reader.

    Returns the `enter` timings (to the first screen change) collected on the way.
    """
    waits: list[Wait | None] = []
    screen.send_keys("1", "g")
    for attempt in range(tries):
        if attempt:
            screen.send_keys("1", "j")
        waits.append(screen.time_key("Enter", settle=0.15))
        shot = screen.wait_stable(quiet=0.3, timeout=15)
        progress = reader_progress(shot)
        if attempt + 1 >= least and progress is not None and progress < 100:
            break
    return waits


def measure_app(size: int, args: argparse.Namespace, env: dict[str, str] | None = None
                ) -> dict[str, list[Wait | None]]:
    lib_root = generate(size, args.root / f"lib-{size}", seed=args.seed)
    library = Library.load(lib_root, size)
    results: dict[str, list[Wait | None]] = {}
    with AppRun(lib_root, args.tuireader, env=env) as run:
        screen = run.screen
        started = run.launch()
        screen.wait_for(library.painted(min(20, size)), started, 120, "the article list")
        during: list[Wait | None] = []
        while len(during) < args.count:
            # No settle: the scan repaints the list; wait for the highlighted row to move.
            before = screen.capture()
            if not list_scanning(before) or list_cursor(before) is None:
                break
            sent = screen.send_keys("j")
            try:
                during.append(screen.wait_for(cursor_moved(before), sent, 5.0,
                                              "the cursor to move during the scan"))
            except TimeoutError:
                during.append(None)
        if during:
            results["list j during scan"] = during
        screen.wait_for(library.complete(size), started, args.complete_timeout,
                        "the complete list")
        screen.send_keys("g")
        results["list j"] = time_keys(screen, ["j"] * args.count, args.settle)
        results["list k"] = time_keys(screen, ["k"] * args.count, args.settle)
        results["enter (first change)"] = open_long_article(screen, 30)
        results.update(reader_and_pane_keys(screen, args))
        run.quit()
    return results


def reader_and_pane_keys(screen: TmuxScreen, args: argparse.Namespace
                         ) -> dict[str, list[Wait | None]]:
    """Reader scrolling then pane switching, from the reader pane of an open article."""
    results: dict[str, list[Wait | None]] = {}
    screen.send_keys("2")
    # Alternating, so even an article one line longer than the pane moves every time.
    results["reader j/k"] = time_keys(screen, ["j", "k"] * (args.count // 2 + 1), args.settle)
    pages = max(3, args.count // 3)
    results["reader space/b"] = time_keys(screen, ["Space", "b"] * (pages // 2 + 1),
                                          args.settle)
    results["pane tab"] = time_keys(screen, ["Tab"] * 9, args.settle)
    results["pane 1/2/3"] = time_keys(screen, ["1", "2", "3"] * 3, args.settle)
    return results


def measure_big(args: argparse.Namespace, env: dict[str, str] | None = None
                ) -> dict[str, list[Wait | None]]:
    """A library of `--big` ~1 MB articles: open the first, wait for its timeline, then the
    reader and pane keys."""
    root = generate(0, args.root / f"big-{args.big}", seed=args.seed, big=args.big)
    library = Library.load(root, args.big)
    with AppRun(root, args.tuireader, env=env) as run:
        screen = run.screen
        started = run.launch()
        screen.wait_for(library.complete(args.big), started, 120, "the complete list")
        screen.send_keys("g")
        before = screen.wait_stable(quiet=0.15)
        sent = screen.send_keys("Enter")
        screen.wait_for(reader_body_shown(before), sent, 60, "the 1 MB article's text")
        with contextlib.suppress(TimeoutError):  # scrolling while it computes: open_article.py
            screen.wait_for(timeline_shown, sent, 120, "the 1 MB article's timeline")
        results = reader_and_pane_keys(screen, args)
        run.quit()
    return results


def report(title: str, results: dict[str, list[Wait | None]], base: float | None) -> None:
    print(f"\n{title}")
    rows = []
    for kind, all_waits in results.items():
        waits = [w for w in all_waits if w is not None]
        times = [w.elapsed for w in waits]
        corrected = [w.corrected for w in waits]
        med = median(times)
        missed = len(all_waits) - len(waits)
        rows.append([kind, f"{len(waits)}" + (f" ({missed} no change)" if missed else ""),
                     ms(med), ms(median(corrected)), ms(min(times, default=None)),
                     ms(max(times, default=None)),
                     "-" if med is None or not base else f"{med / base:.2f}x",
                     "yes" if med is not None and med * 1000 <= TARGET_MS else "NO"])
    print_table(["key", "n", "median ms", "corrected", "min", "max", "vs baseline",
                 f"<= {TARGET_MS:g} ms"], rows)


def report_variants(title: str, runs: list[variants.Variant], rounds: int,
                    measure: Callable[[variants.Variant], dict[str, list[Wait | None]]],
                    base: float | None) -> None:
    """`measure` each variant `rounds` times, alternated; a table per variant."""
    by_variant = variants.alternate(runs, rounds, measure)
    for variant in runs:
        report(variants.heading(title, variant, runs), by_variant[variant.label], base)


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
    parser.add_argument("--big", type=int, default=1,
                        help="~1 MB articles in the big library, 0 to skip it (default 1)")
    parser.add_argument("--tuireader")
    variants.add_arguments(parser)
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",") if size]

    def run() -> int:
        python = python_of(find_tuireader(args.tuireader))
        print(machine_note())
        base_waits = baseline(python, args.count, args.settle)
        base = median(w.elapsed for w in base_waits["j (label flips)"] if w is not None)
        report("baseline: minimal app (ratios below are to its `j`)", base_waits, base)
        runs = variants.parse(args.compare)
        for size in sizes:
            report_variants(f"tuireader, {size:,} articles", runs, args.rounds,
                            lambda v, n=size: measure_app(n, args, v.env), base)
        if args.big:
            report_variants(f"tuireader, a ~1 MB article open ({args.big} in the library)",
                            runs, args.rounds, lambda v: measure_big(args, v.env), base)
        print("\nmedian/min/max are upper bounds (to the reply of the capture that saw the "
              "change); corrected = minus one capture round trip")
        return 0

    return main_guard(run)


if __name__ == "__main__":
    sys.exit(main())
