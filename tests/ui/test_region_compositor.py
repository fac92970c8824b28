"""The main screen's partial updates write to the terminal exactly what Textual's would."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.ui.conftest import LONG, open_title, settle
from textual._compositor import ChopsUpdate, Compositor
from textual.app import active_app

from tuireader.app import TuiReaderApp
from tuireader.screens.region_compositor import RegionCompositor

AppFactory = Callable[..., TuiReaderApp]


@pytest.fixture
def compared(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """(Textual's update, ours) for every partial update from now on, as terminal output."""
    pairs: list[tuple[str, str]] = []
    ours = RegionCompositor.render_partial_update

    def both(self: RegionCompositor) -> ChopsUpdate | None:
        changed = set(self._dirty_regions)
        textual = Compositor.render_partial_update(self)
        self._dirty_regions.update(changed)
        update = ours(self)
        if update is not None and textual is not None:
            console = active_app.get().console
            pairs.append((textual.render_segments(console), update.render_segments(console)))
        else:
            assert update is textual is None
        return update

    monkeypatch.setattr(RegionCompositor, "render_partial_update", both)
    return pairs


@pytest.mark.parametrize("size", [(120, 30), (80, 24)])
async def test_every_partial_update_matches_textuals(
    make_app: AppFactory, compared: list[tuple[str, str]], size: tuple[int, int]
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
