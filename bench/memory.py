"""Resident memory: after start-up (scan complete) and after browsing --browse articles.

Browsing = `1` `j` `enter`, then waiting for the article's text and timeline, repeated. Reads
VmRSS and VmHWM (peak) of the app's python process from /proc/<pid>/status. The minimal
three-pane app's RSS is printed as the floor.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app_screen import AppRun, Library, reader_body_shown, timeline_shown
from make_library import generate
from tmux_screen import (
    TmuxScreen,
    find_tuireader,
    machine_note,
    main_guard,
    memory_mib,
    minimal_app_command,
    print_table,
    python_of,
    titles_visible,
)

TARGETS_MIB = {10_000: 200, 100_000: 600}


def baseline(python: str) -> tuple[float, float]:
    with TmuxScreen() as screen:
        started = screen.launch(minimal_app_command(python))
        screen.wait_for(titles_visible("Articles", "Reader", "Timeline"), started,
                        what="the minimal app")
        screen.wait_stable(quiet=0.3)
        return memory_mib(screen.app_pid())


def measure(size: int, args: argparse.Namespace) -> list[str]:
    root = generate(size, args.root / f"lib-{size}", seed=args.seed)
    library = Library.load(root, size)
    with AppRun(root, args.tuireader) as run:
        started = run.launch()
        run.screen.wait_for(library.complete(size), started, args.complete_timeout,
                            "the complete list")
        run.screen.wait_stable(quiet=0.5)
        pid = run.screen.app_pid()
        start_rss, _ = memory_mib(pid)
        run.screen.send_keys("g")
        missed = 0
        for index in range(args.browse):
            if index:
                run.screen.send_keys("1", "j")
            before = run.screen.wait_stable(quiet=0.05)
            sent = run.screen.send_keys("Enter")
            try:
                run.screen.wait_for(reader_body_shown(before), sent, 30, "the text")
                run.screen.wait_for(timeline_shown, sent, 30, "the timeline")
            except TimeoutError:
                missed += 1
        run.screen.wait_stable(quiet=0.5)
        rss, peak = memory_mib(pid)
        run.quit()
    target = TARGETS_MIB.get(size)
    return [f"{size:,}", f"{start_rss:.0f}", f"{rss:.0f}", f"{peak:.0f}",
            "-" if target is None else f"{target}",
            "-" if target is None else ("yes" if rss <= target else "NO"),
            str(missed)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--browse", type=int, default=50, help="articles opened (default 50)")
    parser.add_argument("--root", type=Path, default=Path("/tmp/tuireader-bench"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--complete-timeout", type=float, default=600.0)
    parser.add_argument("--tuireader")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",") if size]

    def run() -> int:
        python = python_of(find_tuireader(args.tuireader))
        print(machine_note())
        base_rss, base_peak = baseline(python)
        rows = [["minimal app", f"{base_rss:.0f}", "-", f"{base_peak:.0f}", "-", "-", "-"]]
        rows += [measure(size, args) for size in sizes]
        print_table(["library", "RSS after start MiB", f"after {args.browse} opened",
                     "peak (VmHWM)", "target", "within", "opens timed out"], rows)
        return 0

    return main_guard(run)


if __name__ == "__main__":
    sys.exit(main())
