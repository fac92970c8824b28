"""Start-up: the launcher turns the garbage collector off; the app turns it back on; the
database opens after the first paint without losing what the user did meanwhile."""

from __future__ import annotations

import gc
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.ui.conftest import main_screen, settle

from tuireader.app import TuiReaderApp
from tuireader.screens.main import MainScreen
from tuireader.store import Database
from tuireader.store import database as database_module
from tuireader.store import session as session_module
from tuireader.store.session import SavedState

AppFactory = Callable[..., TuiReaderApp]


class TestCollector:
    async def test_collector_runs_again_once_the_list_is_painted(
        self, make_app: AppFactory
    ) -> None:
        gc.disable()  # as `tuireader` does before importing the app
        try:
            async with make_app().run_test(size=(120, 30)) as pilot:
                await settle(pilot)
                assert gc.isenabled()
        finally:
            gc.enable()
            gc.unfreeze()

    async def test_an_app_started_with_the_collector_on_freezes_nothing(
        self, make_app: AppFactory
    ) -> None:
        # Tests and other embedders: their process outlives the app, so nothing may be
        # frozen out of collection (this process froze what collecting the tests made).
        frozen_before = gc.get_freeze_count()
        async with make_app().run_test(size=(120, 30)) as pilot:
            await settle(pilot)
        assert gc.get_freeze_count() == frozen_before


class DatabaseGate:
    """Holds the app's database-opening worker until `open()`, as a slow disk would."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.released = threading.Event()
        real = database_module.Database

        def held(*args: Any, **kwargs: Any) -> Database:
            self.released.wait(10)
            return real(*args, **kwargs)

        monkeypatch.setattr(database_module, "Database", held)

    def open(self) -> None:
        self.released.set()


def first_row(screen: MainScreen) -> str:
    return screen.article_list.render_line(0).text


class TestDatabaseOpensAfterTheFirstPaint:
    async def test_read_and_star_marks_appear_once_the_state_is_loaded(
        self, make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        async with make_app().run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            await pilot.press("m", "f")  # the newest article: read and starred
        gate = DatabaseGate(monkeypatch)
        app = make_app()
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            screen = main_screen(pilot)
            assert screen.article_list.total == 5  # painted from the index, no state yet
            assert first_row(screen).lstrip().startswith("●")
            assert "★" not in first_row(screen)
            gate.open()
            await settle(pilot)
            assert not first_row(screen).lstrip().startswith("●")
            assert "★" in first_row(screen)
            assert "4 unread" in str(screen.query_one("#articles-pane").border_subtitle)

    @pytest.mark.parametrize("theme", ["textual-light", "nord"])
    async def test_the_saved_theme_is_in_the_first_frame(
        self, make_app: AppFactory, monkeypatch: pytest.MonkeyPatch, theme: str
    ) -> None:
        async with make_app().run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            pilot.app.theme = theme
            await settle(pilot)
        gate = DatabaseGate(monkeypatch)
        app = make_app()
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            assert app.db is None  # still opening: the theme came before the database
            assert app.theme == theme
            gate.open()
            await settle(pilot)
            assert app.theme == theme

    async def test_a_damaged_database_file_does_not_stop_the_first_frame(
        self, make_app: AppFactory, data_dir: Path
    ) -> None:
        data_dir.mkdir(parents=True)
        (data_dir / "tuireader.json").write_text('{"settings": {"ui.theme": [1, 2')
        app = make_app()
        async with app.run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            assert app.theme == "textual-dark"
            assert main_screen(pilot).article_list.total == 5

    async def test_m_pressed_before_the_state_is_loaded_is_kept(
        self, make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        gate = DatabaseGate(monkeypatch)
        app = make_app()
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            screen = main_screen(pilot)
            assert app.db is None
            await pilot.press("m")
            assert not first_row(screen).lstrip().startswith("●")  # shown at once
            gate.open()
            await settle(pilot)
            assert not first_row(screen).lstrip().startswith("●")  # not undone by the load
        monkeypatch.undo()
        async with make_app().run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            assert not first_row(main_screen(pilot)).lstrip().startswith("●")  # saved

    async def test_marks_made_while_the_saved_state_is_on_its_way_are_kept(
        self, make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The database is open and its state read, but the list has not shown it yet: `m`
        and `f` pressed then must survive the (older) state arriving."""
        read_at_open = threading.Event()
        delivered = threading.Event()
        real = session_module.read_saved_state

        def slow_delivery(database: Database) -> SavedState:
            state = real(database)
            read_at_open.set()
            delivered.wait(10)
            return state

        monkeypatch.setattr(session_module, "read_saved_state", slow_delivery)
        app = make_app()
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            screen = main_screen(pilot)
            for _ in range(1000):  # the database opens once the first frame is out
                if read_at_open.is_set():
                    break
                await pilot.pause(0.01)
            assert read_at_open.is_set(), "the database never opened"
            await pilot.press("m", "f")
            delivered.set()
            await settle(pilot)
            assert app.db is not None
            assert not first_row(screen).lstrip().startswith("●")
            assert "★" in first_row(screen)
            assert "4 unread" in str(screen.query_one("#articles-pane").border_subtitle)

    async def test_quitting_before_the_database_opens_still_saves(
        self, make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        gate = DatabaseGate(monkeypatch)
        async with make_app().run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            await pilot.press("m", "f")
            threading.Timer(0.3, gate.open).start()  # opens while the app is quitting
            await pilot.press("q")
        monkeypatch.undo()
        async with make_app().run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            row = first_row(main_screen(pilot))
            assert not row.lstrip().startswith("●")
            assert "★" in row

    @pytest.mark.parametrize("changed", [False, True])
    async def test_an_app_that_ends_before_its_first_frame_neither_waits_nor_loses(
        self, make_app: AppFactory, data_dir: Path, monkeypatch: pytest.MonkeyPatch,
        changed: bool
    ) -> None:
        """The database opens after the first frame; an app ending before it (a crash while
        mounting) used to wait 15 s at exit for an opening that had never started."""
        monkeypatch.setattr(TuiReaderApp, "open_database", lambda _self: None)
        app = make_app()
        async with app.run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            article = main_screen(pilot).article_list.visible_articles[0]
            if changed:
                app.session.update(article.id, starred=True)

            def hang(timeout: float | None = None) -> bool:
                raise AssertionError(f"waited {timeout} s for a database nobody opens")

            monkeypatch.setattr(app.session._settled, "wait", hang)
        monkeypatch.undo()
        database = Database(data_dir)
        try:
            assert database.reading.starred_ids() == ({article.id} if changed else set())
        finally:
            database.close()


def test_the_first_paint_imports_neither_the_store_nor_the_note_editor() -> None:
    """TinyDB, filelock and Textual's TextArea cost ~40 ms of a warm start, the page extractor
    (trafilatura, lxml) ~300 ms: they load later."""
    code = "import sys, tuireader.app; print('\\n'.join(sorted(sys.modules)))"
    loaded = set(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                check=True).stdout.split())
    assert "tuireader.app" in loaded
    for module in ("tinydb", "filelock", "tuireader.store.database",
                   "textual.widgets._text_area", "tuireader.screens.note_editor",
                   "tuireader.web.extraction", "trafilatura", "readability", "lxml"):
        assert module not in loaded


async def test_notes_of_an_article_opened_before_the_database_opens_are_shown(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = make_app()
    async with first.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        current = main_screen(pilot).current
        assert first.db is not None and current is not None
        first.db.notes.add(current.id, "written last time", None)
    gate = DatabaseGate(monkeypatch)
    async with make_app().run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        screen = main_screen(pilot)
        await pilot.press("enter")  # the database is still opening
        await pilot.pause()
        gate.open()
        await settle(pilot)
        assert screen.current is not None and screen.current.id == current.id
        await pilot.press("ctrl+n")
        await pilot.pause()
        shown = [screen.notes_view.render_line(y).text for y in range(3)]
        assert any("written last time" in line for line in shown)
