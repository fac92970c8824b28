"""A worker that fails: the app keeps running, says so, and the log holds the traceback."""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.ui.conftest import SHORT, main_screen, settle

import fake_disk
from tuireader.app import TuiReaderApp
from tuireader.library.article import Article
from tuireader.log_file import LOG_NAME, start_logging, stop_logging
from tuireader.screens import article_loading
from tuireader.screens.note_editor import NoteEditor
from tuireader.store import Database


async def test_a_failing_worker_is_shown_and_logged(
    make_app: Callable[..., TuiReaderApp], data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(article: Article, *_: object) -> None:
        raise RuntimeError(f"wrapping {article.title!r} overflowed")

    monkeypatch.setattr(article_loading, "load_text", broken)
    start_logging(data_dir)
    try:
        app = make_app()
        async with app.run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            screen = main_screen(pilot)
            titles = [a.title for a in screen.article_list.visible_articles]
            await pilot.press("g", *(["j"] * titles.index(SHORT)), "enter")
            await settle(pilot)
            messages = [n.message for n in app._notifications]
            assert f"Could not open the article: wrapping {SHORT!r} overflowed" in messages
            await pilot.press("j", "k")  # still running, still answering keys
            assert app.is_running
    finally:
        stop_logging()
    log = (data_dir / LOG_NAME).read_text(encoding="utf-8")
    assert "load_text failed" in log
    assert "Traceback (most recent call last)" in log
    assert f"RuntimeError: wrapping {SHORT!r} overflowed" in log


async def test_a_full_disk_is_said_once_and_nothing_marked_is_lost(
    make_app: Callable[..., TuiReaderApp], data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        database = app.session.database
        assert database is not None
        real_flush = database.reading.flush

        def full(*_: object) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(database.reading, "flush", full)
        article = main_screen(pilot).article_list.visible_articles[0]
        for key in ("m", "f"):  # two changes, two failed flushes
            await pilot.press(key)
            app.flush_reading_state()
            await settle(pilot)
        told = [n.message for n in app._notifications if n.title == "Not saving"]
        assert len(told) == 1 and "No space left on device" in told[0]
        assert "[Errno" not in told[0]
        assert app.is_running

        monkeypatch.setattr(database.reading, "flush", real_flush)  # space again
        app.flush_reading_state()
        await settle(pilot)
        assert any("saved again" in n.message for n in app._notifications)
    with Database(data_dir) as reopened:
        state = reopened.reading.get(article.id)
        assert state.read and state.starred


@pytest.mark.parametrize("fake", [fake_disk.read_only, fake_disk.full])
async def test_an_unwritable_data_dir_opens_shows_what_is_saved_and_says_so_once(
    make_app: Callable[..., TuiReaderApp], data_dir: Path, monkeypatch: pytest.MonkeyPatch,
    fake: Callable[[Path, fake_disk.Setter], None],
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:  # an earlier session: one article read
        await settle(pilot)
        read = main_screen(pilot).article_list.visible_articles[0]
        await pilot.press("m")
    before = fake_disk.snapshot(data_dir)

    fake(data_dir, monkeypatch.setattr)
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        assert screen.article_list.is_read(read)  # what was saved is shown
        assert screen.article_list.cursor == 1  # on the first unread
        await pilot.press("m", "f")
        for _ in range(2):
            app.flush_reading_state()
            await settle(pilot)
        told = [n.message for n in app._notifications if n.title == "Not saving"]
        assert len(told) == 1
        # the store's own sentence, not wrapped in another ("Changes cannot be saved
        # (Changes will not be saved (DIR: not writable).). Reading goes on…")
        assert told[0].count("(") == 1 and ".)" not in told[0]
        assert told[0].endswith("Reading goes on, and saving is retried.")
        assert screen.article_list.is_starred(screen.article_list.visible_articles[1])
        assert app.is_running

        await pilot.press("enter")  # a note cannot be saved either: the editor says why once
        await settle(pilot)
        await pilot.press("2", "a")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        await pilot.press("x", "ctrl+s")
        await settle(pilot)
        assert app.screen is editor and editor.error.startswith("Could not save the note in ")
        assert editor.error.count("Could not save") == 1
    monkeypatch.undo()
    assert fake_disk.snapshot(data_dir) == before
