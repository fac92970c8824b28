"""How long the UI takes with a big library: list mount, sort, filter, a 1 MB article.

Prints figures only (no assertions). Run: PYTHONPATH=src python bench/ui_article_list.py [N]
"""

from __future__ import annotations

import asyncio
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import OptionList

from tuireader.library.article import Article
from tuireader.library.order import sort_for_display
from tuireader.widgets.article_list import ArticleList
from tuireader.widgets.reader import ArticleReader
from tuireader.widgets.wrapping import wrap


def fake_articles(count: int) -> list[Article]:
    start = date(2000, 1, 1)
    return [
        Article(id=f"{i:08x}", path=Path(f"/library/{i}.txt"),
                title=f"Article number {i} about topic {i % 97}",
                date=start + timedelta(days=i % 9000))
        for i in range(count)
    ]


class ListApp(App[None]):
    def __init__(self, articles: list[Article]) -> None:
        super().__init__()
        self.articles = articles

    def compose(self) -> ComposeResult:
        yield ArticleList(id="list")


class OptionListApp(App[None]):
    def __init__(self, articles: list[Article]) -> None:
        super().__init__()
        self.articles = articles

    def compose(self) -> ComposeResult:
        yield OptionList(*(a.title for a in self.articles), id="list")


class ReaderApp(App[None]):
    def compose(self) -> ComposeResult:
        yield ArticleReader(id="reader")


async def measure_list(count: int) -> None:
    articles = fake_articles(count)
    began = time.perf_counter()
    ordered = sort_for_display(articles)
    print(f"sort {count:,} for display (done in the scan worker): "
          f"{time.perf_counter() - began:.3f} s")
    app = ListApp(ordered)
    began = time.perf_counter()
    async with app.run_test(size=(120, 40)) as pilot:
        article_list = app.query_one(ArticleList)
        article_list.set_articles(app.articles)
        await pilot.pause()
        print(f"ArticleList: mount + {count:,} rows + first paint: "
              f"{time.perf_counter() - began:.3f} s")
        began = time.perf_counter()
        article_list.set_filter("topic 42")
        await pilot.pause()
        print(f"ArticleList: filter keystroke over {count:,} titles "
              f"({article_list.row_count:,} match): {time.perf_counter() - began:.3f} s")
        began = time.perf_counter()
        article_list.set_filter("")
        await pilot.press("G")
        await pilot.pause()
        print(f"ArticleList: clear filter + jump to the end: {time.perf_counter() - began:.3f} s")


async def measure_option_list(count: int) -> None:
    app = OptionListApp(fake_articles(count))
    began = time.perf_counter()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        print(f"OptionList (for comparison): mount with {count:,} options: "
              f"{time.perf_counter() - began:.3f} s")


async def measure_reader() -> None:
    paragraph = ("The committee met again on Tuesday and agreed to publish the report "
                 "by the end of the month, officials said. ") * 12
    body = "\n\n".join(f"{n}. {paragraph}" for n in range(1100))
    app = ReaderApp()
    async with app.run_test(size=(120, 40)) as pilot:
        reader = app.query_one(ArticleReader)
        began = time.perf_counter()
        reader.show_body(body, offset=len(body) // 2)
        await pilot.pause()
        print(f"Reader: {len(body) / 1e6:.2f} MB body shown at its middle: "
              f"{time.perf_counter() - began:.3f} s ({reader.line_count:,} lines)")
        began = time.perf_counter()
        wrapped = wrap(body, reader.wrap_width)
        wrap_time = time.perf_counter() - began
        began = time.perf_counter()
        reader.show_body(body, offset=0, wrapped=wrapped)
        await pilot.pause()
        print(f"Reader: same body wrapped in the worker ({wrap_time:.3f} s there), then shown: "
              f"{time.perf_counter() - began:.3f} s on the UI thread")
        began = time.perf_counter()
        count = reader.find("report")
        await pilot.pause()
        print(f"Reader: find 'report' ({count:,} matches): {time.perf_counter() - began:.3f} s")


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    asyncio.run(measure_list(count))
    asyncio.run(measure_option_list(count))
    asyncio.run(measure_reader())


if __name__ == "__main__":
    main()
