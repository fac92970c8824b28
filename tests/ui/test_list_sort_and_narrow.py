"""Sorting and narrowing the article list from the keyboard (and the palette), remembered
across runs."""

from __future__ import annotations

from collections.abc import Callable

from tests.ui.conftest import LONG, NEWEST_FIRST, main_screen, settle
from textual.pilot import Pilot

from tuireader.app import TuiReaderApp
from tuireader.screens.choice_picker import ChoicePicker
from tuireader.screens.main import MainScreen

BY_TITLE = sorted(NEWEST_FIRST, key=str.casefold)
TAGGED = "Council vote on library budget delayed"  # tags: council, budget


def titles(screen: MainScreen) -> list[str]:
    return [article.title for article in screen.article_list.visible_articles]


def list_title(screen: MainScreen) -> str:
    return str(screen.query_one("#articles-pane").border_title)


async def press(pilot: Pilot[None], *keys: str) -> None:
    await pilot.press(*keys)
    await pilot.pause()


class TestListView:
    async def test_sort_and_narrow_with_keys_then_the_next_run_shows_the_same(
        self, make_app: Callable[..., TuiReaderApp]
    ) -> None:
        app = make_app()
        async with app.run_test(size=(160, 48)) as pilot:
            await settle(pilot)
            screen = main_screen(pilot)
            assert titles(screen) == NEWEST_FIRST
            palette = {command.title for command in app.get_system_commands(screen)}
            assert {"Sort", "Show only"} <= palette
            await press(pilot, "enter")  # LONG, the newest: open at the next start
            await settle(pilot)
            await press(pilot, "1", "s")
            assert isinstance(app.screen, ChoicePicker)
            await press(pilot, "t")
            assert titles(screen) == BY_TITLE
            assert list_title(screen) == "Articles (1) · by title"
            await press(pilot, "g", "m")  # the first by title is read now
            await press(pilot, "l", "u")
            assert titles(screen) == BY_TITLE[1:]
            assert list_title(screen) == "Articles (1) · unread only · by title"
            await press(pilot, "l", "a", "s", "u")
            unread_first = [title for title in NEWEST_FIRST if title != BY_TITLE[0]]
            assert titles(screen) == [*unread_first, BY_TITLE[0]]
            await press(pilot, "l", "s")
            assert titles(screen) == []
            assert screen.article_list.message == "No starred articles"
            # the picker opens on the current choice (starred); two down is the first tag
            await press(pilot, "l", "j", "j", "enter")
            assert titles(screen) == [TAGGED]
            assert list_title(screen) == "Articles (1) · tagged budget · unread first"
            await press(pilot, "l", "escape")  # nothing picked: nothing changes
            assert isinstance(app.screen, MainScreen) and titles(screen) == [TAGGED]
            await settle(pilot)
        app = make_app()
        async with app.run_test(size=(160, 48)) as pilot:
            await settle(pilot)
            screen = main_screen(pilot)
            assert titles(screen) == [TAGGED]
            assert list_title(screen) == "Articles (1) · tagged budget · unread first"
            # The article open at the quit is not in this view: it is opened all the same.
            assert screen.current is not None and screen.current.title == LONG
