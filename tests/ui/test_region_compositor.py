"""The main screen's partial updates write the same cells to the terminal as Textual's."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from rich.cells import cell_len
from tests.ui.conftest import LONG, open_title, settle
from textual._compositor import ChopsUpdate, Compositor, LayoutUpdate
from textual.app import active_app

from tuireader.app import TuiReaderApp
from tuireader.textual_internals import RegionCompositor

AppFactory = Callable[..., TuiReaderApp]

_TOKEN = re.compile(r"\x1b\[(\d+);(\d+)H|\x1b\[([\d;]*)m|(\n)|(.)", re.DOTALL)

Cells = dict[tuple[int, int], tuple[str, str]]


def _cells(output: str) -> Cells:
    """What `output` writes to a terminal: (row, column) -> (character, SGR style).

    Compared rather than the bytes: the two compositors cut lines at different places, so
    the same cells may come in differently split (or empty) styled runs, and Textual also
    moves the cursor to a piece past a changed span without writing any of it."""
    cells: Cells = {}
    row = column = 0
    style = ""
    for row_to, column_to, sgr, _newline, character in _TOKEN.findall(output):
        if row_to:
            row, column = int(row_to), int(column_to)
        elif character:
            cells[row, column] = (character, style)
            column += cell_len(character)
        elif not _newline:
            style = "" if sgr in ("", "0") else sgr
    return cells


@pytest.fixture
def compared(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Cells, Cells]]:
    """(Textual's update, ours) for every update from now on, as the cells written."""
    pairs: list[tuple[Cells, Cells]] = []
    ours = RegionCompositor.render_partial_update

    def both(self: RegionCompositor) -> ChopsUpdate | None:
        changed = set(self._dirty_regions)
        textual = Compositor.render_partial_update(self)
        self._dirty_regions.update(changed)
        update = ours(self)
        if update is not None and textual is not None:
            console = active_app.get().console
            pairs.append((_cells(textual.render_segments(console)),
                          _cells(update.render_segments(console))))
        else:
            assert update is textual is None
        return update

    def both_full(self: RegionCompositor, simplify: bool = False) -> LayoutUpdate:
        textual = Compositor.render_full_update(self, simplify)
        update = ours_full(self, simplify)
        console = active_app.get().console
        pairs.append((_cells(textual.render_segments(console)),
                      _cells(update.render_segments(console))))
        return update

    ours_full = RegionCompositor.render_full_update
    monkeypatch.setattr(RegionCompositor, "render_partial_update", both)
    monkeypatch.setattr(RegionCompositor, "render_full_update", both_full)
    return pairs


@pytest.mark.parametrize("size", [(120, 30), (80, 24)])
async def test_every_update_matches_textuals(
    make_app: AppFactory, compared: list[tuple[Cells, Cells]], size: tuple[int, int]
) -> None:
    async with make_app().run_test(size=size) as pilot:
        await settle(pilot)
        await open_title(pilot, LONG)
        keys = ["tab", "tab", "tab", "shift+tab", "1", "j", "j", "k", "2", "j", "space", "b",
                "3", "j", "1", "/", "h", "a", "escape", "m", "enter", "2", "ctrl+d", "1"]
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await settle(pilot)
    assert len(compared) >= len(keys)  # every key repainted something
    for textual, ours in compared:
        assert ours == textual


async def test_a_resize_repaints_every_cell_as_textual_would(
    make_app: AppFactory, compared: list[tuple[Cells, Cells]]
) -> None:
    async with make_app().run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await open_title(pilot, LONG)
        compared.clear()
        await pilot.resize_terminal(80, 24)  # narrow: the panes stack
        await settle(pilot)
    whole = [pair for pair in compared if len(pair[0]) == 80 * 24]
    assert whole  # a full update was made
    for textual, ours in compared:
        assert ours == textual
