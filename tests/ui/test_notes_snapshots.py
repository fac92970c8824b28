"""Snapshots of notes: a marked passage with the notes pane, and the editor over a selection."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.ui.conftest import settle
from tests.ui.test_snapshots import snapshot_app
from textual.pilot import Pilot
from textual.widgets import TextArea


async def open_first(pilot: Pilot[None]) -> None:
    pilot.app.theme = "textual-dark"
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


async def with_note_and_pane(pilot: Pilot[None]) -> None:
    await open_first(pilot)
    await pilot.press("2", "v", "j", "a")
    await pilot.pause()
    await pilot.press(*"Which witnesses? Check the court list.", "ctrl+s")
    await settle(pilot)
    await pilot.press("ctrl+n")
    await settle(pilot)
    pilot.app.clear_notifications()
    await pilot.pause()


async def editor_over_selection(pilot: Pilot[None]) -> None:
    await open_first(pilot)
    pilot.app.clear_notifications()
    await pilot.press("2", "v", "right_curly_bracket", "a")
    await pilot.pause()
    pilot.app.screen.query_one(TextArea).cursor_blink = False
    await pilot.press(*"A first line", "enter", *"and a [b]second[/b] one")
    await pilot.pause()


class TestNotesSnapshots:
    @pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=lambda s: f"{s[0]}x{s[1]}")
    def test_marked_passage_and_notes_pane(  # type: ignore[no-untyped-def]
        self, snap_compare, data_dir: Path, monkeypatch: pytest.MonkeyPatch,
        size: tuple[int, int],
    ) -> None:
        app = snapshot_app(data_dir, monkeypatch)
        assert snap_compare(app, terminal_size=size, run_before=with_note_and_pane)

    def test_editor(self, snap_compare, data_dir: Path,  # type: ignore[no-untyped-def]
                    monkeypatch: pytest.MonkeyPatch) -> None:
        app = snapshot_app(data_dir, monkeypatch)
        assert snap_compare(app, terminal_size=(100, 30), run_before=editor_over_selection)
