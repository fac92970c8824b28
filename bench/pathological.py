"""Timeline and reader layout on pathological texts, against a normal text of the same size.

    python bench/pathological.py [--mb 5] [--repeat 3] [--only oneline,word]

Texts, generated (deterministic) from make_library's news sentences:
  normal    paragraphs of sentences (the baseline)
  oneline   the same prose run into one line (a scraped page, a minified text)
  noends    that line with no sentence end at all (no . ! ?)
  dense     one line of a date, clock time or weekday every few words, no sentence end
  word      one "word" of letters and digits, no space at all (a data URI, a hash dump)
For each: the median seconds of `extract_timeline`, of `timeline_rows` and of the reader's
`wrap` at 80 columns, and each over the normal text's, all in this process. Prints figures
only; on a shared machine compare the ratios.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from make_library import FILLER, _absolute_date, _clock, sentence_pool

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tuireader.timeline import extract_timeline  # noqa: E402  (after the src path insert)
from tuireader.timeline.rows import timeline_rows  # noqa: E402
from tuireader.widgets.wrapping import wrap  # noqa: E402

REFERENCE = date(2024, 1, 1)
WRAP_WIDTH = 80
SPOKEN = ("on Friday", "last week", "two days later", "yesterday", "in March")


def normal(size: int, seed: int) -> str:
    rng = random.Random(seed)
    pool = sentence_pool(seed)
    paragraphs: list[str] = []
    length = 0
    while length < size:
        paragraph = " ".join(rng.choices(pool, k=rng.randint(2, 6)))
        paragraphs.append(paragraph)
        length += len(paragraph) + 2
    return "\n\n".join(paragraphs)[:size]


def one_line(size: int, seed: int) -> str:
    return " ".join(normal(size, seed).split())


def no_sentence_end(size: int, seed: int) -> str:
    return one_line(size, seed).translate(str.maketrans("", "", ".!?"))


def dense_dates(size: int, seed: int) -> str:
    rng = random.Random(seed)
    parts: list[str] = []
    length = 0
    while length < size:
        when = rng.choice((_absolute_date(rng), _clock(rng).replace(".", ""),
                           rng.choice(SPOKEN)))
        part = f"{' '.join(rng.choices(FILLER, k=rng.randint(2, 5)))} {when}"
        parts.append(part)
        length += len(part) + 1
    return " ".join(parts)[:size]


def one_word(size: int, seed: int) -> str:
    rng = random.Random(seed)
    return "".join(rng.choices("abcdefghijklmnopqrstuvwxyz0123456789", k=size))


TEXTS: dict[str, Callable[[int, int], str]] = {
    "normal": normal, "oneline": one_line, "noends": no_sentence_end, "dense": dense_dates,
    "word": one_word,
}


def timed(work: Callable[[], object], repeat: int) -> tuple[float, object]:
    """(median seconds of `repeat` runs, the last run's result)."""
    times: list[float] = []
    result: object = None
    for _ in range(repeat):
        started = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def measure(text: str, repeat: int) -> dict[str, float | int]:
    extract_s, events = timed(lambda: extract_timeline(text, REFERENCE), repeat)
    assert isinstance(events, list)
    rows_s, rows = timed(lambda: timeline_rows(text, events), repeat)
    assert isinstance(rows, list)
    wrap_s, _ = timed(lambda: wrap(text, WRAP_WIDTH), repeat)
    return {"extract": extract_s, "rows": rows_s, "wrap": wrap_s, "events": len(events),
            "row count": len(rows), "longest label": max((len(r.label) for r in rows),
                                                         default=0)}


def ratio(value: float, base: float) -> str:
    return f"{value / base:5.2f}x" if base > 0 else "   -  "


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=5.0, help="size of each text (default 5)")
    parser.add_argument("--repeat", type=int, default=3, help="median of N runs (default 3)")
    parser.add_argument("--only", default="", help="comma-separated kinds (normal always runs)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    size = int(args.mb * 1_000_000)
    kinds = ["normal", *(k for k in TEXTS if k != "normal"
                         and (not args.only or k in args.only.split(",")))]
    print(f"{args.mb:g} MB texts, median of {args.repeat}; load average "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    extract_timeline("warm up on 1 May 2020", None)
    header = (f"{'text':8} {'extract s':>9} {'ratio':>6} {'rows s':>7} {'ratio':>6} "
              f"{'wrap s':>7} {'ratio':>6} {'events':>7} {'rows':>6} {'longest label':>13}")
    print(header)
    base: dict[str, float | int] = {}
    for kind in kinds:
        figures = measure(TEXTS[kind](size, args.seed), args.repeat)
        base = base or figures
        print(f"{kind:8} {figures['extract']:9.2f} {ratio(figures['extract'], base['extract'])} "
              f"{figures['rows']:7.2f} {ratio(figures['rows'], base['rows'])} "
              f"{figures['wrap']:7.2f} {ratio(figures['wrap'], base['wrap'])} "
              f"{figures['events']:7} {figures['row count']:6} {figures['longest label']:13}",
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
