"""Snapshots of the main screen at 80x24 and 160x48, dark and light, with a frozen clock."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.ui.conftest import FROZEN_NOW, LIBRARY, settle
from textual.pilot import Pilot

from tuireader.app import TuiReaderApp
from tuireader.widgets.search_box import SearchBox

SIZES = [(80, 24), (160, 48)]
THEMES = ["textual-dark", "textual-light"]


def snapshot_app(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> TuiReaderApp:
    # A relative library path keeps the checkout's location out of the pictures.
    monkeypatch.chdir(LIBRARY.parent)
    return TuiReaderApp([Path(LIBRARY.name)], data_dir, now=lambda: FROZEN_NOW)


def prepare(theme: str, keys: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot[None]) -> None:
        pilot.app.theme = theme
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press(*keys)
        await settle(pilot)
        for box in pilot.app.screen.query(SearchBox):  # mounted by `/`: a steady cursor
            box.cursor_blink = False
        pilot.app.clear_notifications()
        await pilot.pause()

    return run_before


class TestMainScreenSnapshots:
    @pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
    @pytest.mark.parametrize("theme", THEMES)
    def test_main_screen(self, snap_compare, data_dir: Path,  # type: ignore[no-untyped-def]
                         monkeypatch: pytest.MonkeyPatch, size: tuple[int, int],
                         theme: str) -> None:
        app = snapshot_app(data_dir, monkeypatch)
        assert snap_compare(app, terminal_size=size, run_before=prepare(theme, ("3",)))

    def test_help_screen(self, snap_compare, data_dir: Path,  # type: ignore[no-untyped-def]
                         monkeypatch: pytest.MonkeyPatch) -> None:
        app = snapshot_app(data_dir, monkeypatch)
        assert snap_compare(app, terminal_size=(100, 36),
                            run_before=prepare("textual-dark", ("3", "question_mark")))
