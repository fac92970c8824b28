"""Run the app through a fixed walk (open an article, switch panes, scroll, change theme) and
print what a user sees at each step as JSON: run as a child process, so that
`TUIREADER_PUBLIC_TEXTUAL` in its environment is read when `tuireader` is first imported, as
in the real app (`python -m tests.ui.public_textual_run`)."""

from __future__ import annotations

import asyncio
import json
import re
import sys
import tempfile
from pathlib import Path

from rich.style import Style
from tests.ui.conftest import FROZEN_NOW, LIBRARY, LONG, main_screen, open_title, settle
from textual.geometry import Region
from textual.pilot import Pilot

from tuireader import textual_internals
from tuireader.app import TuiReaderApp
from tuireader.screens.main import PANES
from tuireader.screens.pacing import Pacing, set_pacing

SIZE = (120, 30)
STEPS: list[tuple[str, ...]] = [("2",), ("j", "j", "space"), ("3",), ("tab",), ("tab",),
                                ("1",), ("shift+tab",), ("theme",), ("2",), ("b",)]
"""Keys pressed one step at a time ("theme": the light theme is chosen)."""


def label_look(pilot: Pilot[None], pane: str) -> dict[str, object]:
    """The colour of the pane's top-left corner, and colour and boldness of its title."""
    widget = main_screen(pilot).query_one(f"#{pane}-pane")
    strip = widget.render_lines(Region(0, 0, widget.size.width, 1))[0]
    segments = list(strip)
    title = next(s.style for s in segments if f"({PANES.index(pane) + 1})" in s.text)
    return {"corner": hex_of(segments[0].style), "title": hex_of(title),
            "bold": bool(title and title.bold)}


def hex_of(style: Style | None) -> str | None:
    if style is None or style.color is None or style.color.triplet is None:
        return None
    return style.color.triplet.hex.lower()


EMPTY_RUN = re.compile(r'<(rect|text)[^>]* (width|textLength)="0"[^>]*(/>|>[^<]*</text>)')
"""An SVG element for a run of no cells: where the compositors split the styled runs of a line
differs (RegionCompositor's docstring), and that leaves these behind; they draw nothing."""


def seen(pilot: Pilot[None], keys: tuple[str, ...]) -> dict[str, object]:
    screen = main_screen(pilot)
    svg = EMPTY_RUN.sub("", pilot.app.export_screenshot(title="tuireader"))
    return {
        "keys": list(keys),
        "focused": screen.focused_pane(),
        "accent": pilot.app.get_css_variables()["accent"].lower(),
        "labels": {pane: label_look(pilot, pane) for pane in PANES},
        "reader_top": screen.reader.top_offset,
        "screen": re.sub(r"terminal-\d+", "terminal", svg),
    }


async def walk() -> dict[str, object]:
    set_pacing(Pacing.none())
    with tempfile.TemporaryDirectory() as data:
        app = TuiReaderApp([LIBRARY], Path(data), now=lambda: FROZEN_NOW)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await open_title(pilot, LONG)
            steps = [seen(pilot, ())]
            for keys in STEPS:
                if keys == ("theme",):
                    app.theme = "textual-light"
                else:
                    await pilot.press(*keys)
                await settle(pilot)
                steps.append(seen(pilot, keys))
    return {"enabled": textual_internals.ENABLED, "steps": steps}


if __name__ == "__main__":
    json.dump(asyncio.run(walk()), sys.stdout)
