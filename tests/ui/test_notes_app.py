"""Pilot tests of notes in the whole app: annotate from the reader and the timeline, the notes
pane, the list's marker, export from the reader and the list, re-anchoring on open."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.ui.conftest import FROZEN_NOW, LIBRARY, RELATIVE, SHORT, main_screen, open_title, settle
from tests.ui.test_notes_widgets import styled_text
from textual.pilot import Pilot

from tuireader.app import TuiReaderApp
from tuireader.screens.confirm import ConfirmScreen
from tuireader.screens.help import HelpScreen
from tuireader.screens.main import MainScreen
from tuireader.screens.note_editor import NoteEditor
from tuireader.store import Database, NoteAnchor
from tuireader.timeline.event import Event

SHORT_FIRST = (
    "The harbour bridge reopened to traffic on 14 March 2023 after eleven weeks of repairs."
)
SHORT_SECOND = "Engineers had closed it on 27 December 2022 when a bearing failed."


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    return tmp_path / "exports"


def make(paths: list[Path], data_dir: Path, out_dir: Path) -> TuiReaderApp:
    return TuiReaderApp(paths, data_dir, now=lambda: FROZEN_NOW, export_dir=out_dir)


@pytest.fixture
def app(data_dir: Path, out_dir: Path) -> TuiReaderApp:
    return make([LIBRARY], data_dir, out_dir)


async def annotate(pilot: Pilot[None], keys: tuple[str, ...], text: str) -> None:
    await pilot.press(*keys)
    await pilot.pause()
    assert isinstance(pilot.app.screen, NoteEditor)
    await pilot.press(*text, "ctrl+s")
    await settle(pilot)
    assert isinstance(pilot.app.screen, MainScreen)


def list_row(screen: MainScreen, title: str) -> str:
    titles = [a.title for a in screen.article_list.visible_articles]
    return screen.article_list.render_line(titles.index(title)).text


def noted_rows(screen: MainScreen) -> list[Event]:
    """The timeline's events whose row shows the note mark."""
    timeline = screen.timeline
    return [event for index, event in enumerate(timeline.events)
            if "✎" in "".join(line.plain for line in timeline.render_row(index, 100))]


class TestAnnotateInTheApp:
    async def test_select_annotate_mark_and_list_marker(self, app: TuiReaderApp) -> None:
        async with app.run_test(size=(160, 48)) as pilot:
            await settle(pilot)
            screen = await open_title(pilot, SHORT)
            assert "✎" not in list_row(screen, SHORT)
            await annotate(pilot, ("2", "v", "j", "a"), "two dates")
            assert app.db is not None
            [note] = app.db.notes.for_article(screen.current.id)  # type: ignore[union-attr]
            assert note.anchor is not None
            assert note.anchor.quote == f"{SHORT_FIRST}\n\n{SHORT_SECOND}"
            assert note.created == FROZEN_NOW
            assert styled_text(screen.reader, "reader--note") == f"{SHORT_FIRST} {SHORT_SECOND}"
            assert "✎" in list_row(screen, SHORT)
            assert "✎" not in list_row(screen, RELATIVE)

    async def test_a_on_a_timeline_event_annotates_that_event(self, app: TuiReaderApp) -> None:
        """...and its row gets the ✎, now and when the article is opened again."""
        async with app.run_test(size=(160, 48)) as pilot:
            await settle(pilot)
            screen = await open_title(pilot, SHORT)
            await pilot.press("3")
            event = screen.timeline.highlighted
            assert event is not None
            assert len(screen.timeline.events) > 1 and noted_rows(screen) == []
            await pilot.press("a")
            await pilot.pause()
            editor = pilot.app.screen
            assert isinstance(editor, NoteEditor) and event.text in editor.quote
            await pilot.press(*"about this date", "ctrl+s")
            await settle(pilot)
            assert app.db is not None
            [note] = app.db.notes.for_article(screen.current.id)  # type: ignore[union-attr]
            assert (note.event_id, note.event_value) == (event.id, event.value)
            assert note.anchor is not None and note.anchor.quote == event.text
            assert noted_rows(screen) == [event]
            await open_title(pilot, RELATIVE)
            assert screen.timeline.events and noted_rows(screen) == []
            await open_title(pilot, SHORT)
            assert noted_rows(screen) == [event]


class TestNotesPane:
    async def test_ctrl_n_lists_notes_enter_jumps_and_ctrl_n_returns(
        self, app: TuiReaderApp
    ) -> None:
        async with app.run_test(size=(160, 48)) as pilot:
            await settle(pilot)
            screen = await open_title(pilot, SHORT)
            await annotate(pilot, ("2", "v", "a"), "first")
            await pilot.press("ctrl+n")
            await pilot.pause()
            assert screen.notes_view.has_focus
            title = str(screen.query_one("#timeline-pane").border_title)
            assert title.startswith("Notes (3) · 1 note")
            rows = [screen.notes_view.render_line(y).text.strip() for y in range(3)]
            assert rows[0].startswith("✎ ")
            assert rows[1].startswith("“The harbour bridge reopened")
            assert rows[2] == "first"
            await pilot.press("enter")
            await pilot.pause()
            assert screen.reader.has_focus
            assert styled_text(screen.reader, "reader--highlight") == SHORT_FIRST
            await pilot.press("ctrl+n")
            await pilot.pause()
            await pilot.press("ctrl+n")
            await pilot.pause()
            assert screen.timeline.has_focus
            assert str(screen.query_one("#timeline-pane").border_title).startswith("Timeline (3)")

    async def test_edit_and_delete_from_the_pane(self, app: TuiReaderApp) -> None:
        async with app.run_test(size=(160, 48)) as pilot:
            await settle(pilot)
            screen = await open_title(pilot, SHORT)
            await annotate(pilot, ("2", "v", "a"), "draft")
            await pilot.press("ctrl+n", "e")
            await pilot.pause()
            assert isinstance(pilot.app.screen, NoteEditor)
            await pilot.press(*" v2", "ctrl+s")
            await settle(pilot)
            assert app.db is not None
            article_id = screen.current.id  # type: ignore[union-attr]
            assert [n.text for n in app.db.notes.for_article(article_id)] == ["draft v2"]
            await pilot.press("d")
            await pilot.pause()
            assert isinstance(pilot.app.screen, ConfirmScreen)
            await pilot.press("y")
            await settle(pilot)
            assert app.db.notes.for_article(article_id) == []
            assert "✎" not in list_row(screen, SHORT)
            assert styled_text(screen.reader, "reader--note") == ""


class TestNotesHelp:
    async def test_help_describes_the_notes_pane_when_it_is_focused(
        self, app: TuiReaderApp
    ) -> None:
        async with app.run_test(size=(160, 48)) as pilot:
            await settle(pilot)
            await open_title(pilot, SHORT)
            await pilot.press("ctrl+n", "question_mark")
            await pilot.pause()
            help_screen = pilot.app.screen
            assert isinstance(help_screen, HelpScreen)
            assert help_screen.pane == "notes"
            keys = {row.description for row in help_screen.pane_keys}
            assert {"Go to passage", "Edit", "Delete"} <= keys


class TestExport:
    async def test_e_in_the_reader_exports_the_open_article_into_the_data_dir(
        self, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """With no `export_dir` configured, `e` writes under the data dir, never into the
        directory the app was started from."""
        started_in = tmp_path / "started-here"
        started_in.mkdir()
        monkeypatch.chdir(started_in)
        app = TuiReaderApp([LIBRARY], data_dir, now=lambda: FROZEN_NOW)
        async with app.run_test(size=(160, 48)) as pilot:
            await settle(pilot)
            await open_title(pilot, SHORT)
            await annotate(pilot, ("2", "v", "a"), "exported note")
            await pilot.press("e")
            await settle(pilot)
            [written] = (data_dir / "exports").glob("*.md")
            text = written.read_text()
            assert f"> {SHORT_FIRST}" in text and "exported note" in text
            assert any(n.message == f"Exported to {written}" for n in app._notifications)
        assert list(started_in.iterdir()) == []

    async def test_e_in_the_list_exports_every_annotated_article(
        self, app: TuiReaderApp, out_dir: Path
    ) -> None:
        async with app.run_test(size=(160, 48)) as pilot:
            await settle(pilot)
            await open_title(pilot, SHORT)
            await annotate(pilot, ("2", "v", "a"), "one")
            await open_title(pilot, RELATIVE)
            await annotate(pilot, ("2", "v", "a"), "two")
            main_screen(pilot).article_list.focus()
            await pilot.press("e")
            await settle(pilot)
            written = sorted(path.name for path in out_dir.glob("*.md"))
            assert len(written) == 2
            assert written[0].startswith("harbour-bridge-reopens") or written[1].startswith(
                "harbour-bridge-reopens")
            assert any(n.message == f"Exported to 2 files in {out_dir}"
                       for n in app._notifications)

    async def test_nothing_annotated_says_so(self, app: TuiReaderApp, out_dir: Path) -> None:
        async with app.run_test(size=(160, 48)) as pilot:
            await settle(pilot)
            main_screen(pilot).article_list.focus()
            await pilot.press("e")
            await settle(pilot)
            assert not out_dir.exists() or not list(out_dir.iterdir())
            assert any("No annotated articles" in n.message for n in app._notifications)


class TestReanchorOnOpen:
    @pytest.fixture
    def library(self, tmp_path: Path) -> Path:
        folder = tmp_path / "library"
        folder.mkdir()
        shutil.copy(LIBRARY / "harbour-bridge-reopens.txt", folder)
        return folder

    def add_note(self, data_dir: Path, library: Path, quote: str) -> str:
        from tuireader.library import load

        loaded = load(library / "harbour-bridge-reopens.txt")
        body = loaded.text.body
        start = body.index(quote) if quote in body else 0
        anchor = NoteAnchor.from_text(body, start, start + len(quote)) if quote in body else (
            NoteAnchor(quote=quote, prefix="", suffix="", start=0, end=len(quote)))
        with Database(data_dir) as db:
            return db.notes.add(loaded.article.id, "kept", anchor).id

    async def test_edited_file_moves_the_mark(self, data_dir: Path, out_dir: Path,
                                              library: Path) -> None:
        note_id = self.add_note(data_dir, library, SHORT_SECOND)
        path = library / "harbour-bridge-reopens.txt"
        path.write_text(path.read_text().replace(
            "after eleven weeks of repairs.\n", "after eleven weeks of repairs.\n\nA new line.\n"))
        app = make([library], data_dir, out_dir)
        async with app.run_test(size=(160, 48)) as pilot:
            await settle(pilot)
            screen = await open_title(pilot, SHORT)
            assert styled_text(screen.reader, "reader--note") == SHORT_SECOND
            assert app.db is not None
            note = app.db.notes.get(note_id)
            assert note is not None and note.anchor is not None
            assert note.anchor.start == screen.reader.body.index(SHORT_SECOND)

    async def test_orphaned_note_is_shown_as_orphaned(self, data_dir: Path, out_dir: Path,
                                                      library: Path) -> None:
        self.add_note(data_dir, library, "A sentence the article never had, at any time.")
        app = make([library], data_dir, out_dir)
        async with app.run_test(size=(160, 48)) as pilot:
            await settle(pilot)
            screen = await open_title(pilot, SHORT)
            assert "✎" in list_row(screen, SHORT)
            await pilot.press("ctrl+n")
            await pilot.pause()
            assert "orphaned" in screen.notes_view.render_line(0).text
            assert app.db is not None
            assert len(app.db.notes.for_article(screen.current.id)) == 1  # type: ignore[union-attr]
