"""Pilot tests of the notes widgets in a small app: select, annotate, edit, delete, jump,
copy and export, as a user would do them."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from rich.style import Style
from tests.ui.notes_harness import BODY, NotesApp, NotesHarness
from textual.pilot import Pilot

from tuireader.screens.confirm import ConfirmScreen
from tuireader.screens.note_editor import NoteEditor
from tuireader.store import Database, Note, NoteAnchor
from tuireader.widgets.passage_reader import PassageReader

FIRST = "The council met on Monday."
SECOND = "It delayed the vote on the library budget!"
PARAGRAPH = f"{FIRST} {SECOND} Members asked for more time."


@pytest.fixture
def app(tmp_path: Path) -> NotesApp:
    return NotesApp(tmp_path / "data", tmp_path / "out")


async def settle(pilot: Pilot[None]) -> None:
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def harness(pilot: Pilot[None]) -> NotesHarness:
    for screen in pilot.app.screen_stack:
        if isinstance(screen, NotesHarness):
            return screen
    raise AssertionError("the notes screen is not on the stack")


def selected(reader: PassageReader) -> str | None:
    span = reader.selected_span
    return None if span is None else reader.body[span[0]:span[1]]


def styled_text(reader: PassageReader, component: str, lines: int = 8) -> str:
    """The characters on screen drawn with a component's background (e.g. the note mark)."""
    background = reader.get_component_rich_style(component).bgcolor
    found = []
    for y in range(lines):
        for segment in reader.render_line(y):
            style: Style | None = segment.style
            if style is not None and style.bgcolor == background:
                found.append(segment.text)
        found.append("\n")
    return " ".join(part.strip() for part in "".join(found).split("\n") if part.strip())


async def write_note(pilot: Pilot[None], text: str) -> None:
    assert isinstance(pilot.app.screen, NoteEditor)
    await pilot.press(*text)
    await pilot.press("ctrl+s")
    await settle(pilot)


class TestKeyboardSelection:
    async def test_v_selects_the_first_sentence_and_j_k_grow_and_shrink_it(
        self, app: NotesApp
    ) -> None:
        async with app.run_test(size=(100, 24)) as pilot:
            await settle(pilot)
            reader = harness(pilot).reader
            await pilot.press("v")
            assert selected(reader) == FIRST
            await pilot.press("j")
            assert selected(reader) == f"{FIRST} {SECOND}"
            await pilot.press("k")
            assert selected(reader) == FIRST
            assert styled_text(reader, "reader--selection") == FIRST

    async def test_braces_extend_by_paragraph(self, app: NotesApp) -> None:
        async with app.run_test(size=(100, 24)) as pilot:
            await settle(pilot)
            reader = harness(pilot).reader
            await pilot.press("v", "right_curly_bracket")
            assert selected(reader) == PARAGRAPH
            await pilot.press("right_curly_bracket")
            assert selected(reader).endswith("A new date will be set in June.")  # type: ignore[union-attr]

    @pytest.mark.parametrize("key", ["escape", "v"])
    async def test_escape_or_v_again_cancels(self, app: NotesApp, key: str) -> None:
        async with app.run_test(size=(100, 24)) as pilot:
            await settle(pilot)
            reader = harness(pilot).reader
            await pilot.press("v", "j", key)
            assert selected(reader) is None
            assert styled_text(reader, "reader--selection") == ""

    async def test_j_scrolls_when_nothing_is_selected(self, tmp_path: Path) -> None:
        body = "".join(f"Line {n} of a long article.\n\n" for n in range(100))
        app = NotesApp(tmp_path / "data", tmp_path / "out", body=body)
        async with app.run_test(size=(100, 24)) as pilot:
            await settle(pilot)
            reader = harness(pilot).reader
            await pilot.press("j", "j")
            assert reader.scroll_y == 2
            await pilot.press("v", "j")
            assert reader.scroll_y == 2
            assert selected(reader) == "Line 1 of a long article.\n\nLine 2 of a long article."


class TestMouseSelection:
    async def test_drag_selects_and_a_annotates_what_was_dragged(self, app: NotesApp) -> None:
        async with app.run_test(size=(100, 24)) as pilot:
            await settle(pilot)
            screen = harness(pilot)
            reader = screen.reader
            # Content starts one cell in (the reader's left padding).
            await pilot.mouse_down(reader, offset=(5, 0))
            await pilot.hover(reader, offset=(26, 0))
            await pilot.mouse_up(reader, offset=(26, 0))
            await pilot.pause()
            assert selected(reader) == "council met on Monday."
            assert screen.get_selected_text() == "council met on Monday."
            await pilot.press("a")
            await pilot.pause()
            editor = pilot.app.screen
            assert isinstance(editor, NoteEditor) and editor.quote == "council met on Monday."
            await write_note(pilot, "who chaired?")
            assert pilot.app.db is not None
            [note] = pilot.app.db.notes.for_article("council-1")
            assert note.anchor is not None and note.anchor.quote == "council met on Monday."
            assert styled_text(reader, "reader--note") == "council met on Monday."


class TestAnnotate:
    async def test_selection_note_is_saved_marked_and_listed(self, app: NotesApp) -> None:
        async with app.run_test(size=(100, 24)) as pilot:
            await settle(pilot)
            screen = harness(pilot)
            await pilot.press("v", "j", "a")
            await pilot.pause()
            editor = pilot.app.screen
            assert isinstance(editor, NoteEditor)
            assert editor.quote == f"{FIRST} {SECOND}"
            await pilot.press(*"Why the delay?", "enter", *"Ask the clerk.")
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert pilot.app.screen is screen
            assert pilot.app.db is not None
            [note] = pilot.app.db.notes.for_article("council-1")
            assert note.text == "Why the delay?\nAsk the clerk."
            assert (note.anchor.start, note.anchor.end) == (0, len(f"{FIRST} {SECOND}"))  # type: ignore[union-attr]
            assert styled_text(screen.reader, "reader--note") == f"{FIRST} {SECOND}"
            assert selected(screen.reader) is None
            rows = [screen.notes_view.render_line(y).text.strip() for y in range(3)]
            assert rows[0].startswith("✎ 2023-05-01")
            assert rows[1].startswith(f"“{FIRST}")
            assert rows[2] == "Why the delay? Ask the clerk."
            assert screen.with_notes == {"council-1"}

    async def test_a_without_selection_annotates_the_paragraph_in_view(
        self, app: NotesApp
    ) -> None:
        async with app.run_test(size=(100, 24)) as pilot:
            await settle(pilot)
            await pilot.press("a")
            await pilot.pause()
            editor = pilot.app.screen
            assert isinstance(editor, NoteEditor) and editor.quote == PARAGRAPH

    async def test_quote_is_shown_as_plain_text(self, tmp_path: Path) -> None:
        body = "He typed [bold red]boom[/] and left.\n"
        app = NotesApp(tmp_path / "data", tmp_path / "out", body=body)
        async with app.run_test(size=(100, 24)) as pilot:
            await settle(pilot)
            await pilot.press("a")
            await pilot.pause()
            shown = str(pilot.app.screen.query_one("#editor-quote-text").render())
            assert "[bold red]boom[/]" in shown


    async def test_a_long_quote_is_shown_cut_with_an_ellipsis(self, tmp_path: Path) -> None:
        words = [f"word{n}" for n in range(200)]  # ~1,400 characters, one paragraph
        app = NotesApp(tmp_path / "data", tmp_path / "out", body=" ".join(words) + "\n")
        async with app.run_test(size=(100, 24)) as pilot:
            await settle(pilot)
            await pilot.press("a")
            await pilot.pause()
            shown = str(pilot.app.screen.query_one("#editor-quote-text").render())
            assert shown.startswith("word0 word1 ") and shown.endswith("…")
            assert shown[:-1].split(" ")[-1] in words  # cut after a whole word
            assert "word199" not in shown


class TestEditorSafety:
    async def test_escape_with_typed_text_asks_before_discarding(self, app: NotesApp) -> None:
        async with app.run_test(size=(100, 24)) as pilot:
            await settle(pilot)
            await pilot.press("a", *"draft")
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(pilot.app.screen, ConfirmScreen)
            question = str(pilot.app.screen.query_one("#confirm-question").render())
            assert question == "Discard changes?"
            await pilot.press("n")
            await pilot.pause()
            editor = pilot.app.screen
            assert isinstance(editor, NoteEditor) and editor.text == "draft"
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("y")
            await settle(pilot)
            assert isinstance(pilot.app.screen, NotesHarness)
            assert pilot.app.db is not None
            assert pilot.app.db.notes.for_article("council-1") == []

    async def test_escape_without_text_closes_at_once(self, app: NotesApp) -> None:
        async with app.run_test(size=(100, 24)) as pilot:
            await settle(pilot)
            await pilot.press("a", "escape")
            await pilot.pause()
            assert isinstance(pilot.app.screen, NotesHarness)

    async def test_failed_write_keeps_the_editor_and_the_text(
        self, app: NotesApp, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        async with app.run_test(size=(100, 24)) as pilot:
            await settle(pilot)
            assert app.db is not None
            real_add = app.db.notes.add

            def failing_add(*args: object, **kwargs: object) -> None:
                raise OSError(28, "No space left on device")

            monkeypatch.setattr(app.db.notes, "add", failing_add)
            await pilot.press("a", *"keep me")
            await pilot.press("ctrl+s")
            await settle(pilot)
            editor = pilot.app.screen
            assert isinstance(editor, NoteEditor)
            assert editor.text == "keep me"
            assert "No space left on device" in (editor.error or "")
            assert any("No space left" in n.message for n in pilot.app._notifications)
            monkeypatch.setattr(app.db.notes, "add", real_add)
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert isinstance(pilot.app.screen, NotesHarness)
            assert [n.text for n in app.db.notes.for_article("council-1")] == ["keep me"]

    async def test_editor_closes_only_once_the_note_is_on_disk(
        self, app: NotesApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        async with app.run_test(size=(100, 24)) as pilot:
            await settle(pilot)
            assert app.db is not None
            real_add = app.db.notes.add
            release = threading.Event()

            def slow_add(*args: Any, **kwargs: Any) -> Note:
                release.wait(10)
                return real_add(*args, **kwargs)

            monkeypatch.setattr(app.db.notes, "add", slow_add)
            await pilot.press("a", *"durable", "ctrl+s")
            await pilot.pause()
            editor = pilot.app.screen
            assert isinstance(editor, NoteEditor) and editor.saving
            await pilot.press("escape")  # ignored while the write is in progress
            assert pilot.app.screen is editor
            release.set()
            await settle(pilot)
            assert isinstance(pilot.app.screen, NotesHarness)
            # Another process reading the database file sees the note.
            with Database(tmp_path / "data", lock_timeout=5) as other:
                assert [n.text for n in other.notes.for_article("council-1")] == ["durable"]

    async def test_empty_note_is_not_saved(self, app: NotesApp) -> None:
        async with app.run_test(size=(100, 24)) as pilot:
            await settle(pilot)
            await pilot.press("a", "ctrl+s")
            await settle(pilot)
            editor = pilot.app.screen
            assert isinstance(editor, NoteEditor) and "empty" in (editor.error or "")


async def add_note(pilot: Pilot[None], keys: tuple[str, ...], text: str) -> None:
    await pilot.press(*keys, "a")
    await pilot.pause()
    await write_note(pilot, text)


class TestNotesView:
    async def test_ctrl_n_goes_to_the_notes_and_back(self, app: NotesApp) -> None:
        async with app.run_test(size=(100, 24)) as pilot:
            await settle(pilot)
            screen = harness(pilot)
            await pilot.press("ctrl+n")
            assert screen.notes_view.has_focus
            await pilot.press("ctrl+n")
            assert screen.reader.has_focus

    async def test_edit_changes_the_text(self, app: NotesApp) -> None:
        async with app.run_test(size=(100, 24)) as pilot:
            await settle(pilot)
            screen = harness(pilot)
            await add_note(pilot, ("v",), "first thought")
            screen.notes_view.focus()
            await pilot.press("e")
            await pilot.pause()
            editor = pilot.app.screen
            assert isinstance(editor, NoteEditor) and editor.text == "first thought"
            await pilot.press(*", revised")
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert app.db is not None
            [note] = app.db.notes.for_article("council-1")
            assert note.text == "first thought, revised"
            assert screen.notes_view.render_line(2).text.strip() == "first thought, revised"

    @pytest.mark.parametrize(("answer", "left"), [("y", 0), ("n", 1), ("escape", 1)])
    async def test_delete_asks_first(self, app: NotesApp, answer: str, left: int) -> None:
        async with app.run_test(size=(100, 24)) as pilot:
            await settle(pilot)
            screen = harness(pilot)
            await add_note(pilot, ("v",), "to delete")
            screen.notes_view.focus()
            await pilot.press("d")
            await pilot.pause()
            assert isinstance(pilot.app.screen, ConfirmScreen)
            await pilot.press(answer)
            await settle(pilot)
            assert app.db is not None
            assert len(app.db.notes.for_article("council-1")) == left
            assert len(screen.notes_view.rows) == left
            marked = styled_text(screen.reader, "reader--note")
            assert marked == ("" if left == 0 else FIRST)

    async def test_enter_jumps_the_reader_to_the_passage(self, tmp_path: Path) -> None:
        body = "".join(f"Filler paragraph {n}.\n\n" for n in range(60)) + "The target passage.\n"
        app = NotesApp(tmp_path / "data", tmp_path / "out", body=body)
        start = body.index("The target")
        assert app.db is not None
        app.db.notes.add("council-1", "found it", NoteAnchor.from_text(body, start, len(body) - 1))
        async with app.run_test(size=(100, 24)) as pilot:
            await settle(pilot)
            screen = harness(pilot)
            assert screen.reader.scroll_y == 0
            screen.notes_view.focus()
            await pilot.press("enter")
            await pilot.pause()
            reader = screen.reader
            assert reader.has_focus
            top = int(reader.scroll_y)
            assert top > 0
            visible = "\n".join(reader.render_line(y).text for y in range(reader.size.height))
            assert "The target passage." in visible


    async def test_a_long_note_is_shown_whole_and_a_very_long_one_says_it_goes_on(
        self, app: NotesApp
    ) -> None:
        long_note = " ".join(f"Sentence {n} of a note that runs on for a while." for n in range(6))
        endless = " ".join(f"word{n}" for n in range(400))
        assert app.db is not None
        end = len(FIRST)
        app.db.notes.add("council-1", long_note, NoteAnchor.from_text(BODY, 0, end))
        later = BODY.index("Members")  # to the next paragraph's first words
        app.db.notes.add("council-1", endless, NoteAnchor.from_text(
            BODY, later, BODY.index("The mayor") + 9))
        async with app.run_test(size=(100, 40)) as pilot:
            await settle(pilot)
            view = harness(pilot).notes_view
            lines = [view.render_line(y).text.strip() for y in range(view.size.height)]
            first_note_at = next(i for i, line in enumerate(lines) if line.startswith("Sentence 0"))
            shown = []
            for line in lines[first_note_at:]:
                if line.startswith("✎"):
                    break
                shown.append(line)
            assert " ".join(shown) == long_note  # every word, wrapped over several lines
            assert len(shown) > 1
            second_head = first_note_at + len(shown)
            assert lines[second_head].startswith("✎")
            assert lines[second_head + 1] == "“Members asked for more time. ¶ The mayor”"
            endless_lines = [line for line in lines[second_head + 2:] if line]
            assert endless_lines[0].startswith("word0 ")
            assert "word399" not in " ".join(endless_lines)
            assert endless_lines[-1].endswith("…")  # the rest is cut, and says so


class TestReanchoring:
    async def test_moved_passage_is_marked_where_it_is_now(self, tmp_path: Path) -> None:
        old_body = "Alpha sentence here. Beta sentence there.\n"
        new_body = "A new first paragraph was added.\n\n" + old_body
        app = NotesApp(tmp_path / "data", tmp_path / "out", body=new_body)
        assert app.db is not None
        start = old_body.index("Beta")
        note = app.db.notes.add(
            "council-1", "beta", NoteAnchor.from_text(old_body, start, len(old_body) - 1))
        async with app.run_test(size=(100, 24)) as pilot:
            await settle(pilot)
            screen = harness(pilot)
            assert styled_text(screen.reader, "reader--note") == "Beta sentence there."
            stored = app.db.notes.get(note.id)
            assert stored is not None and stored.anchor is not None
            assert stored.anchor.start == new_body.index("Beta")

    async def test_orphaned_note_is_listed_not_dropped(self, app: NotesApp) -> None:
        assert app.db is not None
        gone = "A sentence that was removed from the article entirely."
        app.db.notes.add("council-1", "still here", NoteAnchor.from_text(gone, 0, len(gone)))
        async with app.run_test(size=(100, 24)) as pilot:
            await settle(pilot)
            screen = harness(pilot)
            [row] = screen.notes_view.rows
            assert row.orphaned
            head = screen.notes_view.render_line(0).text
            assert "orphaned" in head
            assert styled_text(screen.reader, "reader--note") == ""
            screen.notes_view.focus()
            await pilot.press("enter")
            await pilot.pause()
            assert any("no longer in the article" in n.message for n in app._notifications)
            assert len(app.db.notes.for_article("council-1")) == 1


class TestCopyAndExport:
    async def test_y_copies_the_quote_with_its_source(self, app: NotesApp) -> None:
        async with app.run_test(size=(100, 24)) as pilot:
            await settle(pilot)
            await pilot.press("v", "y")
            await pilot.pause()
            assert app.copied == [f"> {FIRST}\n\n— “Council vote delayed”, Valley Chronicle\n"]

    async def test_e_exports_the_open_article_and_says_where(self, tmp_path: Path) -> None:
        article_file = tmp_path / "council.txt"
        article_file.write_text(f"Council vote delayed\nDate: 2023-04-01\n\n{BODY}")
        from tuireader.library import load

        loaded = load(article_file)
        app = NotesApp(tmp_path / "data", tmp_path / "out", body=loaded.text.body,
                       article=loaded.article)
        async with app.run_test(size=(100, 24)) as pilot:
            await settle(pilot)
            await add_note(pilot, ("v",), "export me")
            await pilot.press("e")
            await settle(pilot)
            files = list((tmp_path / "out").glob("*.md"))
            assert len(files) == 1
            written = files[0].read_text()
            assert f"> {FIRST}" in written and "export me" in written
            assert any(n.message == f"Exported to {files[0]}" for n in app._notifications)
