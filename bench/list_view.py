"""What sorting and narrowing the article list costs (`library.list_view.arrange`) on a
synthetic library of N articles in display order; a 100k-item list comprehension is the
baseline taken in the same run (the machine's speed at that moment). Figures, no asserts.

    python bench/list_view.py [N] [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from store_writes import timed  # the same median of timed runs, in ms

from tuireader.library import list_view as lv
from tuireader.library.article import Article
from tuireader.library.order import sort_for_display

WORDS = ["harbour", "ferry", "strike", "council", "budget", "vote", "bridge", "storm",
         "election", "river", "court", "school", "mill", "gale", "union", "roster"]


def library(size: int) -> list[Article]:
    rng = random.Random(1)
    return sort_for_display(
        Article(id=f"{i:016x}", path=Path(f"/library/{i}.md"),
                title=" ".join(rng.choices(WORDS, k=rng.randint(4, 10))).capitalize(),
                date=date(2005 + i % 20, 1 + i % 12, 1 + i % 28),
                tags=tuple(rng.sample(WORDS, 2)))
        for i in range(size))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("size", nargs="?", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    articles = library(args.size)
    rng = random.Random(2)
    marks = lv.Marks(read={a.id for a in articles if rng.random() < 0.6},
                  starred={a.id for a in articles if rng.random() < 0.02},
                  noted={a.id for a in articles if rng.random() < 0.01})
    index = lv.ListIndex(articles)
    _ = index.by_title, index.tagged
    print(f"{args.size:,} articles; load average {os.getloadavg()[0]:.2f}; medians of {args.runs}")
    views = {
        "sort by date (display order)": (lv.ListView(), ""),
        "sort by title": (lv.ListView(lv.SortOrder.TITLE), ""),
        "unread first": (lv.ListView(lv.SortOrder.UNREAD_FIRST), ""),
        "unread only": (lv.ListView(narrowing=lv.Narrowing.UNREAD), ""),
        "starred only": (lv.ListView(narrowing=lv.Narrowing.STARRED), ""),
        "one tag": (lv.ListView(narrowing=lv.Narrowing.TAG, tag="ferry"), ""),
        "title + unread only + filter": (
            lv.ListView(lv.SortOrder.TITLE, lv.Narrowing.UNREAD), "vote"),
    }
    rows: list[tuple[str, Callable[[], object]]] = [
        ("baseline: 100k-item list comprehension",
         lambda: [i for i in range(100_000) if i % 3]),
        ("ListIndex (ids; once per article list)", lambda: lv.ListIndex(articles)),
        ("title order, first time (then cached)", lambda: lv.ListIndex(articles).by_title),
        *((label, partial(lv.arrange, index, view, marks, needle))
          for label, (view, needle) in views.items()),
        ("tags indexed + counted (`l`, first time)",
         lambda: lv.tag_counts(lv.ListIndex(articles))),
    ]
    for label, work in rows:
        print(f"  {label:42s} {timed(work, args.runs):8.1f} ms")


if __name__ == "__main__":
    main()
