"""Shared fixtures for the UI tests: the small fixture library, a frozen clock, a tmp data dir."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import textual._wait
import textual.constants
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet
from textual.pilot import Pilot

from tuireader.app import TuiReaderApp
from tuireader.screens.main import MainScreen
from tuireader.screens.pacing import Pacing, set_pacing

LIBRARY = Path(__file__).resolve().parents[1] / "fixtures" / "ui_library"
FROZEN_NOW = datetime(2023, 5, 1, 12, 0, tzinfo=UTC)

NEWEST_FIRST = [
    "Mill dispute reaches the court",
    "Harbour bridge reopens after repairs",
    "Council vote on library budget delayed",
    "Markup [bold red]x[/] and ␛[31m escape",  # the library neutralises the ESC
    "Storm season opens with early gale",
]
LONG = NEWEST_FIRST[0]
SHORT = NEWEST_FIRST[1]
RELATIVE = NEWEST_FIRST[4]


PILOT_IDLE_STEP = 1 / 500
"""Pilot decides the app is idle (after each key press and pause) by sleeping in steps and
watching the process's CPU clock. Textual's step is 1/50 s, so every press waited 40 ms or
more with nothing to do; at 2 ms a step the UI tests took half the wall time. The test of
idleness is unchanged: a step in which the process (worker threads included) used under a
twentieth of it."""


def _finer_pilot_idle_steps() -> None:
    if isinstance(getattr(textual._wait, "SLEEP_GRANULARITY", None), float):
        textual._wait.SLEEP_GRANULARITY = PILOT_IDLE_STEP
        textual._wait.SLEEP_IDLE = PILOT_IDLE_STEP / 20


_finer_pilot_idle_steps()


PARSE_RULES_PARAMETERS = ["self", "css", "read_from", "is_default_rules", "tie_breaker", "scope"]


def _css_parsed_once_per_process() -> None:
    """Every app parses the same CSS again (the app's and each widget's DEFAULT_CSS): ~40 ms
    of CPU per app started. Textual keeps what one stylesheet parsed for that stylesheet; here
    every stylesheet of the process shares it, keyed as Textual keys it plus the CSS variables
    (a theme's colours), so a parse is the same parse. The rule sets are only read after
    parsing, as Textual's own cache already relies on. Left alone if Textual's method changed."""
    real = getattr(Stylesheet, "_parse_rules", None)
    if real is None or list(inspect.signature(real).parameters) != PARSE_RULES_PARAMETERS:
        return
    parsed: dict[tuple[object, ...], list[RuleSet]] = {}

    def parse_rules(self: Stylesheet, css: str, read_from: object,
                    is_default_rules: bool = False, tie_breaker: int = 0,
                    scope: str = "") -> list[RuleSet]:
        key = (css, read_from, is_default_rules, tie_breaker, scope,
               tuple(sorted(self._variables.items())))
        if key not in parsed:
            parsed[key] = real(self, css, read_from, is_default_rules, tie_breaker, scope)
        return parsed[key]

    Stylesheet._parse_rules = parse_rules  # type: ignore[method-assign]


_css_parsed_once_per_process()


@pytest.fixture(autouse=True)
def no_ui_delays(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Pilot drives the app faster than a person and waits for the work itself: the delays
    that smooth the screen for a person (first-frame headroom, frame hold, busy pauses, scan
    batching) only slow the suite down. So do Textual's animations (a scroll to the end of
    the help took a second per key): the apps are made as with TEXTUAL_ANIMATIONS=none."""
    monkeypatch.setattr(textual.constants, "TEXTUAL_ANIMATIONS", "none")
    previous = set_pacing(Pacing.none())
    yield
    set_pacing(previous)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def make_app(data_dir: Path) -> Callable[..., TuiReaderApp]:
    def make(paths: list[Path] | None = None) -> TuiReaderApp:
        return TuiReaderApp(paths if paths is not None else [LIBRARY], data_dir,
                            now=lambda: FROZEN_NOW)

    return make


async def settle(pilot: Pilot[None]) -> None:
    """Let the scan, text and timeline workers finish and their results land on screen."""
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def main_screen(pilot: Pilot[None]) -> MainScreen:
    screen = pilot.app.screen
    assert isinstance(screen, MainScreen)
    return screen


async def open_title(pilot: Pilot[None], title: str) -> MainScreen:
    """Select the article with `title` in the list and press enter, as a user would."""
    screen = main_screen(pilot)
    screen.article_list.focus()
    titles = [a.title for a in screen.article_list.visible_articles]
    await pilot.press("g", *(["j"] * titles.index(title)), "enter")
    await settle(pilot)
    assert screen.current is not None and screen.current.title == title
    return screen
