"""Opening articles: `enter` to body text visible and to timeline entries shown; 1 MB articles.

Each part runs once per size in --sizes: the articles opened sit at the top of the list
(dated after the rest) of a library that also holds a generated library of that size (0: the
opened articles alone), so the figures show whether opening depends on the library's size.
Part 1: --articles articles of ~1,000 words. For each of --runs articles
(top of the list, then `1` `j` to the next): `enter`, time until the reader shows new body
text and until the timeline pane shows computed entries. Then the first --reopen of them are
opened again (their timelines should now come from the on-disk cache).
Part 2: --big articles of ~1 MB: first screen of text, timeline, and reader
scrolling (`j`, `space`) while the timeline is still computing and after it is done.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from datetime import date
from pathlib import Path

from app_screen import AppRun, Library, reader_body_shown, timeline_shown
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


def open_one(screen: TmuxScreen, timeout: float) -> dict[str, float | None]:
    before = screen.wait_stable(quiet=0.15)
    sent = screen.send_keys("Enter")
    first = screen.wait_for(lambda shot: shot.raw != before.raw, sent, timeout, "any change")
    text = screen.wait_for(reader_body_shown(before), sent, timeout, "the article's text")
    figures: dict[str, float | None] = {"first change": first.elapsed, "text": text.elapsed,
                                        "timeline": None}
    with contextlib.suppress(TimeoutError):
        figures["timeline"] = screen.wait_for(timeline_shown, sent, timeout,
                                              "the timeline").elapsed
    return figures


def summarise(label: str, runs: list[dict[str, float | None]], rows: list[list[str]]) -> None:
    for key in ("first change", "text", "timeline"):
        values = [run[key] for run in runs if run[key] is not None]
        missing = len(runs) - len(values)
        rows.append([f"{label}: {key}", str(len(values)) + (f" ({missing} timed out)"
                                                            if missing else ""),
                     ms(median(values)), ms(min(values, default=None)),
                     ms(max(values, default=None))])


TOP_DAY = date(2030, 1, 1)
"""The opened articles' dates start here, after every generated library's (2005-2025)."""


def with_library(args: argparse.Namespace, size: int, opened: Path) -> list[Path]:
    """`opened` and, unless `size` is 0, the generated library of `size` articles."""
    if not size:
        return [opened]
    return [generate(size, args.root / f"lib-{size}", seed=args.seed, quiet=True), opened]


def size_label(size: int) -> str:
    return f"{size // 1000}k lib" if size >= 1000 else f"{size} lib"


def part_ordinary(args: argparse.Namespace, size: int, rows: list[list[str]]) -> None:
    root = generate(args.articles, args.root / f"open-{args.articles}x{args.words}w-top",
                    seed=args.seed, words=args.words, first_day=TOP_DAY, quiet=True)
    library = Library.load(root, args.articles)
    with AppRun(with_library(args, size, root), args.tuireader) as run:
        started = run.launch()
        run.screen.wait_for(library.complete(size + args.articles), started, args.scan_timeout,
                            "the complete list")
        run.screen.send_keys("g")
        first_runs = []
        for index in range(args.runs):
            if index:
                run.screen.send_keys("1", "j")
            first_runs.append(open_one(run.screen, args.timeout))
        run.screen.send_keys("1", "g")
        again = []
        for index in range(min(args.reopen, args.runs)):
            if index:
                run.screen.send_keys("1", "j")
            again.append(open_one(run.screen, args.timeout))
        run.quit()
    summarise(f"{size_label(size)}, {args.words}-word, first open", first_runs, rows)
    summarise(f"{size_label(size)}, {args.words}-word, opened again", again, rows)


def part_big(args: argparse.Namespace, size: int, rows: list[list[str]]) -> None:
    root = generate(0, args.root / f"big-{args.big}-top", seed=args.seed, big=args.big,
                    first_day=TOP_DAY, quiet=True)
    library = Library.load(root, args.big)
    opens: list[dict[str, float | None]] = []
    during: list[Wait | None] = []
    after: list[Wait | None] = []
    for index in range(args.big):
        with AppRun(with_library(args, size, root), args.tuireader) as run:
            started = run.launch()
            run.screen.wait_for(library.complete(size + args.big), started, args.scan_timeout,
                                "the complete list")
            run.screen.send_keys("g", *["j"] * index)
            before = run.screen.wait_stable(quiet=0.15)
            sent = run.screen.send_keys("Enter")
            text = run.screen.wait_for(reader_body_shown(before), sent, args.timeout,
                                       "the 1 MB article's text")
            run.screen.send_keys("2")
            computing = not timeline_shown(run.screen.capture())
            if computing:
                during.extend(run.screen.time_key(key, settle=0.05)
                              for key in ["j"] * 5 + ["Space"] * 3)
            timeline: float | None = None
            with contextlib.suppress(TimeoutError):
                timeline = run.screen.wait_for(timeline_shown, sent, args.timeout,
                                               "the 1 MB article's timeline").elapsed
            after.extend(run.screen.time_key(key) for key in ["j"] * 10 + ["Space"] * 5)
            opens.append({"first change": None, "text": text.elapsed, "timeline": timeline})
            run.quit()
    for key in ("text", "timeline"):
        values = [run[key] for run in opens if run[key] is not None]
        rows.append([f"{size_label(size)}, 1 MB: {key}", str(len(values)), ms(median(values)),
                     ms(min(values, default=None)), ms(max(values, default=None))])
    for label, waits in ((f"{size_label(size)}, 1 MB: scroll while timeline computing", during),
                         (f"{size_label(size)}, 1 MB: scroll after", after)):
        times = [w.elapsed for w in waits if w is not None]
        missed = len(waits) - len(times)
        rows.append([label, f"{len(times)}" + (f" ({missed} no change)" if missed else ""),
                     ms(median(times)), ms(min(times, default=None)),
                     ms(max(times, default=None))])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,100000",
                        help="library sizes the opened articles sit in (0: alone)")
    parser.add_argument("--scan-timeout", type=float, default=600.0,
                        help="seconds for a cold scan of the library (default 600)")
    parser.add_argument("--articles", type=int, default=200,
                        help="size of the ~1,000-word library (default 200)")
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=15, help="articles opened (default 15)")
    parser.add_argument("--reopen", type=int, default=5,
                        help="of those, opened again to see the timeline cache (default 5)")
    parser.add_argument("--big", type=int, default=2, help="1 MB articles (default 2)")
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--root", type=Path, default=Path("/tmp/tuireader-bench"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--tuireader")
    args = parser.parse_args()

    def run() -> int:
        python = python_of(find_tuireader(args.tuireader))
        print(machine_note())
        with TmuxScreen() as screen:
            started = screen.launch(minimal_app_command(python))
            base = screen.wait_for(titles_visible("Articles", "Reader", "Timeline"), started,
                                   what="the minimal app").elapsed
        rows: list[list[str]] = [["baseline: minimal app painted", "1", ms(base), "", ""]]
        for size in [int(size) for size in args.sizes.split(",") if size.strip()]:
            part_ordinary(args, size, rows)
            if args.big:
                part_big(args, size, rows)
        print_table(["figure (from enter / key)", "n", "median ms", "min", "max"], rows)
        print("targets: text at once; timeline <= 100 ms median; 1 MB first screen <= 500 ms; "
              "scroll <= 30 ms")
        return 0

    return main_guard(run)


if __name__ == "__main__":
    sys.exit(main())
