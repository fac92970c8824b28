"""What the app starts on, and keys typed before it has anything to show (issue #14)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.ui.conftest import FROZEN_NOW, LIBRARY, LONG, NEWEST_FIRST, SHORT, main_screen, settle
from tests.ui.test_startup import DatabaseGate
from textual.pilot import Pilot

from tuireader.app import TuiReaderApp
from tuireader.library import load
from tuireader.library.catalog import Catalog
from tuireader.locations import cache_dir
from tuireader.screens import library_scan
from tuireader.store import Database
from tuireader.widgets.reader_header import HeaderLine

AppFactory = Callable[..., TuiReaderApp]
FILES = {"Mill dispute reaches the court": "mill-dispute-long.txt",
         "Harbour bridge reopens after repairs": "harbour-bridge-reopens.txt"}


async def settle_but_the_database(pilot: Pilot[None]) -> None:
    """`settle`, without waiting for a database a `DatabaseGate` holds (nor for the notes,
    which wait for it): the scan and the text are in."""
    for _ in range(3):
        await pilot.pause()
        workers = [worker for worker in pilot.app.workers if worker.group in ("scan", "text")]
        if workers:  # none: wait_for_complete would wait for every worker
            await pilot.app.workers.wait_for_complete(workers)
    await pilot.pause()


def mark_read(data_dir: Path, titles: list[str]) -> None:
    with Database(data_dir) as database:
        for title in titles:
            database.reading.update(load(LIBRARY / FILES[title]).article.id, read=True)


class TestOneFile:
    async def test_it_opens_in_the_reader_at_once_where_it_was_left(
        self, make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """As `less FILE`: the text under a one-line header (at 80x24), and the keys scroll
        it. Opened before the database is open, it goes to the saved position when that
        arrives."""
        path = LIBRARY / FILES[LONG]
        async with make_app([path]).run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            screen = main_screen(pilot)
            assert screen.current is not None and screen.current.title == LONG
            assert screen.focused_pane() == "reader"
            assert "The court heard the first day" in screen.reader.render_line(0).text
            header = screen.query_one("#reader-header").region  # 80x24: one line, then text
            assert header.height == 1 and screen.reader.region.y == header.y + 1
            line = str(screen.query_one("#reader-title", HeaderLine).render())
            assert line.startswith("Mill dispute") and "· 2023-04-04 · Valley" in line
            await pilot.press("space", "space")
            await pilot.pause()
            saved = screen.reader.top_offset
            assert saved > 0
        gate = DatabaseGate(monkeypatch)
        async with make_app([path]).run_test(size=(80, 24)) as pilot:
            await settle_but_the_database(pilot)
            screen = main_screen(pilot)
            assert pilot.app.db is None
            assert screen.current is not None and screen.current.title == LONG
            assert screen.reader.top_offset == 0
            gate.open()
            await settle(pilot)
            assert screen.reader.top_offset == saved


class TestFirstUnread:
    async def test_the_list_starts_on_the_first_unread_unless_moved_or_reopened(
        self, make_app: AppFactory, data_dir: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch
    ) -> None:
        mark_read(data_dir, NEWEST_FIRST[:2])
        gate = DatabaseGate(monkeypatch)
        async with make_app().run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            screen = main_screen(pilot)
            assert screen.article_list.cursor == 0  # the read marks are not known yet
            gate.open()
            await settle(pilot)
            assert screen.article_list.cursor == 2  # Council: the first unread
            assert screen.current is None
            await pilot.press("j", "j", "enter")
            await settle(pilot)
        monkeypatch.undo()

        moved_first = tmp_path / "other-data"
        mark_read(moved_first, NEWEST_FIRST[:2])
        gate = DatabaseGate(monkeypatch)
        app = TuiReaderApp([LIBRARY], moved_first, now=lambda: FROZEN_NOW)
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            await pilot.press("j")  # before the read marks: the cursor is the user's
            gate.open()
            await settle(pilot)
            assert main_screen(pilot).article_list.cursor == 1
        monkeypatch.undo()

        async with make_app().run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            screen = main_screen(pilot)  # the article open at the quit wins
            assert screen.current is not None and screen.current.title == NEWEST_FIRST[4]
            assert screen.article_list.cursor == 4


class ScanGate:
    """Holds the library scan until `open()`, with no saved head to paint from: the list is
    empty while keys come in, as on a first run over a slow disk."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.released = threading.Event()
        real = library_scan.scan_library

        def held(*args: Any) -> None:
            self.released.wait(10)
            real(*args)

        monkeypatch.setattr(library_scan, "scan_library", held)
        monkeypatch.setattr(Catalog, "head", lambda _self: ([], 0))

    def open(self) -> None:
        self.released.set()


class TestKeysBeforeTheList:
    async def test_they_run_in_order_once_it_has_rows(
        self, make_app: AppFactory, data_dir: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        catalog = Catalog([LIBRARY], cache_dir(data_dir))  # the scan then hands over all rows
        catalog.refresh()
        assert catalog.save() is None
        gate = ScanGate(monkeypatch)
        async with make_app().run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            screen = main_screen(pilot)
            assert screen.article_list.total == 0
            await pilot.press("j", "enter", "2")
            gate.open()
            await settle(pilot)
            assert screen.current is not None and screen.current.title == SHORT
            assert screen.article_list.cursor == 1
            assert screen.focused_pane() == "reader"

    async def test_ctrl_q_does_not_wait_for_the_list(
        self, make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        gate = ScanGate(monkeypatch)
        try:
            async with make_app().run_test(size=(120, 30)) as pilot:
                await pilot.pause()
                assert main_screen(pilot).article_list.total == 0
                await pilot.press("ctrl+q")
                await pilot.pause()
                assert not pilot.app.is_running
        finally:
            gate.open()
