"""Keys that arrive together (a fast typist, a paste of keystrokes, tmux send-keys) are each
handled where the previous key sent them: none is lost to the pane that had focus before."""

from __future__ import annotations

from tests.ui.conftest import LONG, main_screen, settle
from textual import events
from textual.pilot import Pilot

from tuireader.library.list_view import Narrowing, SortOrder
from tuireader.screens.subscriptions_screen import SubscriptionsScreen


async def burst(pilot: Pilot[None], *keys: str) -> None:
    """Queue every key before the app handles the first, as a terminal read delivers them."""
    for key in keys:
        character = {"slash": "/"}.get(key, key if len(key) == 1 else None)
        pilot.app.post_message(events.Key(key, character))
    await settle(pilot)


class TestKeyBursts:
    async def test_letters_right_after_slash_filter_the_list(self, make_app) -> None:
        async with make_app().run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            screen = main_screen(pilot)
            await burst(pilot, "slash", "m", "i", "l", "l")
            assert [a.title for a in screen.article_list.visible_articles] == [LONG]
            assert screen.article_list.cursor == 0

            # Keys right after escape are the list's again, not text for the closing box.
            await burst(pilot, "escape", "j", "j")
            assert screen.article_list.filter_text == ""
            assert screen.article_list.cursor == 2
            assert pilot.app.focused is screen.article_list

    async def test_keys_right_after_a_pane_key_go_to_that_pane(self, make_app) -> None:
        async with make_app().run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            screen = main_screen(pilot)
            await pilot.press("enter")
            await settle(pilot)
            await burst(pilot, "3", "j", "j")
            assert screen.article_list.cursor == 0
            assert screen.timeline.cursor == 2

    async def test_slash_right_after_a_pane_key_searches_that_pane(self, make_app) -> None:
        """`2 /telescope` found in the reader; it filtered the list, which had the focus
        when `/` came in (and `1 /` opened the reader's find box)."""
        async with make_app().run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            screen = main_screen(pilot)
            await pilot.press("enter")
            await settle(pilot)
            await burst(pilot, "2", "slash", "t", "h", "e")
            assert screen.article_list.filter_text == ""
            assert pilot.app.focused is screen.query_one("#find")
            assert screen.find_status.startswith("“the”")
            await pilot.press("escape")
            await burst(pilot, "1", "slash", "m", "i", "l", "l")
            assert [a.title for a in screen.article_list.visible_articles] == [LONG]
            assert not screen.find_status

    async def test_keys_right_after_a_key_that_opens_a_screen_go_to_that_screen(
            self, make_app) -> None:
        """`s t` (sort by title), `l u` (unread only) and `S a` (add a feed) typed as one
        burst: the second key was lost, read by the screen below while the new one opened."""
        async with make_app().run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            screen = main_screen(pilot)
            await burst(pilot, "s", "t")
            assert pilot.app.screen is screen
            assert screen.article_list.view.sort is SortOrder.TITLE
            await burst(pilot, "l", "s")
            assert pilot.app.screen is screen
            assert screen.article_list.view.narrowing is Narrowing.STARRED
            await burst(pilot, "S", "a", "h", "t", "t", "p")
            feeds = pilot.app.screen
            assert isinstance(feeds, SubscriptionsScreen)
            assert pilot.app.focused is feeds.url_input
            assert feeds.url_input.value == "http"
