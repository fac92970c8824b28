"""Pilot tests: the focused pane is highlighted, the footer follows the focus, and cached
lines follow the theme."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rich.style import Style
from tests.ui.conftest import LONG, main_screen, open_title, settle
from textual.geometry import Region
from textual.pilot import Pilot
from textual.strip import Strip

from tuireader.app import TuiReaderApp
from tuireader.screens.help import HelpScreen
from tuireader.screens.main import PANES, MainScreen
from tuireader.widgets.cursor_list import CursorList
from tuireader.widgets.key_footer import KeyFooter

AppFactory = Callable[..., TuiReaderApp]


def top_border(screen: MainScreen, pane: str) -> Strip:
    widget = screen.query_one(f"#{pane}-pane")
    return widget.render_lines(Region(0, 0, widget.size.width, 1))[0]


def style_of_text(strip: Strip, text: str) -> Style:
    for segment in strip:
        if text in segment.text:
            assert segment.style is not None
            return segment.style
    raise AssertionError(f"{text!r} not in {strip.text!r}")


def hex_of(style: Style) -> str:
    assert style.color is not None and style.color.triplet is not None
    return f"{style.color.triplet.hex}".lower()


def footer_text(screen: MainScreen) -> str:
    return screen.query_one(KeyFooter).render_line(0).text


class TestFocusHighlight:
    @pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
    async def test_only_the_focused_pane_is_drawn_in_the_accent_colour(
        self, make_app: AppFactory, theme: str
    ) -> None:
        """After each key sequence from the list (one app per theme)."""
        app = make_app()
        async with app.run_test(size=(120, 30)) as pilot:
            app.theme = theme
            await settle(pilot)
            screen = main_screen(pilot)
            accent = app.get_css_variables()["accent"].lower()
            for keys in ([], ["2"], ["3"], ["tab", "tab", "tab"], ["3", "1"]):
                screen.article_list.focus()
                await pilot.pause()
                await pilot.press(*keys)
                await pilot.pause()
                focused = screen.focused_pane()
                assert focused is not None
                for pane in PANES:
                    strip = top_border(screen, pane)
                    corner = next(iter(strip))
                    title = style_of_text(strip, f"({PANES.index(pane) + 1})")
                    look = (hex_of(corner.style), hex_of(title), title.bold)  # type: ignore[arg-type]
                    if pane == focused:
                        assert look == (accent, accent, True), (keys, pane)
                    else:
                        assert look[0] != accent and look[1] != accent and not look[2], (
                            keys, pane)

    async def test_a_click_in_another_pane_moves_the_highlight(
        self, make_app: AppFactory
    ) -> None:
        app = make_app()
        async with app.run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            screen = main_screen(pilot)
            await pilot.click("#timeline")
            await pilot.pause()
            assert screen.focused_pane() == "timeline"
            accent = app.get_css_variables()["accent"].lower()
            corners = {pane: hex_of(next(iter(top_border(screen, pane))).style)  # type: ignore[arg-type]
                       for pane in PANES}
            assert corners["timeline"] == accent
            assert corners["articles"] != accent and corners["reader"] != accent


class TestFooter:
    @pytest.mark.parametrize(
        ("keys", "shown", "not_shown"),
        [
            ([], ["⏎ Open", "/ Filter", "m Read", "? Help"], ["/ Find"]),
            (["2"], ["space Page down", "/ Find", "? Help"], ["/ Filter", "⏎ Open"]),
            (["3"], ["? Help"], ["/ Filter", "/ Find"]),
        ],
    )
    async def test_the_footer_shows_the_focused_panes_keys(
        self, make_app: AppFactory, keys: list[str], shown: list[str], not_shown: list[str]
    ) -> None:
        async with make_app().run_test(size=(160, 30)) as pilot:
            await settle(pilot)
            await pilot.press(*keys)
            await pilot.pause()
            text = footer_text(main_screen(pilot))
            for label in shown:
                assert f" {label} " in text
            for label in not_shown:
                assert f" {label} " not in text
            assert text.endswith("▏^p palette ")

    async def test_selecting_at_120_columns_shows_how_to_annotate(
            self, make_app: AppFactory) -> None:
        """`v` starts a selection to annotate: `a` dropped off the end of the footer."""
        async with make_app().run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            await pilot.press("enter", "2", "v", "j")
            await settle(pilot)
            text = footer_text(main_screen(pilot))
            assert " j Next sentence " in text and " esc Unselect " in text
            assert " a Annotate " in text

    @pytest.mark.parametrize(("keys", "first"), [
        ([], " ⏎ Open  / Filter "), (["2"], " space Page down  / Find "),
        (["3"], " ⏎ Go to sentence "), (["3", "ctrl+n"], " ⏎ Go to passage "),
    ])
    async def test_at_80_columns_help_stays_and_keys_drop_whole(
        self, make_app: AppFactory, keys: list[str], first: str
    ) -> None:
        async with make_app().run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await open_title(pilot, LONG)
            await pilot.press(*keys)
            await pilot.pause()
            footer = main_screen(pilot).query_one(KeyFooter)
            text = footer.render_line(0).text
            keys_part, palette = text.split("▏")
            assert len(text) == 80 and palette == "^p palette "
            assert keys_part.startswith(first)  # the focused pane's keys go first
            assert keys_part.rstrip().endswith(" ? Help")
            drawn = [f" {item.display} {item.description}" for item in footer._items]
            shown = [label for label in drawn if f"{label} " in keys_part]
            assert "".join(f"{label} " for label in shown).rstrip() == keys_part.rstrip()
            assert len(shown) < len(drawn)  # some keys dropped, none cut

    async def test_the_footer_follows_focus_changes_back_and_forth(
        self, make_app: AppFactory
    ) -> None:
        async with make_app().run_test(size=(160, 30)) as pilot:
            await settle(pilot)
            screen = main_screen(pilot)
            in_list = footer_text(screen)
            await pilot.press("2")
            await pilot.pause()
            assert footer_text(screen) != in_list
            await pilot.press("1")
            await pilot.pause()
            assert footer_text(screen) == in_list

    async def test_clicking_a_key_in_the_footer_presses_it(self, make_app: AppFactory) -> None:
        app = make_app()
        async with app.run_test(size=(160, 30)) as pilot:
            await settle(pilot)
            x = footer_text(main_screen(pilot)).index(" ? Help") + 2
            await pilot.click(KeyFooter, offset=(x, 0))
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)


class TestCachedLinesFollowTheTheme:
    async def test_rows_and_reader_lines_take_the_new_theme(self, make_app: AppFactory) -> None:
        app = make_app()
        async with app.run_test(size=(120, 30)) as pilot:
            app.theme = "textual-dark"
            await settle(pilot)
            screen = await open_title(pilot, LONG)
            article_list, reader = screen.article_list, screen.reader
            # Row 1 is not under the cursor (row 0 is): plain background.
            dark = (article_list.render_line(1), reader.render_line(0))
            app.theme = "textual-light"
            await settle(pilot)
            for widget, before in zip((article_list, reader), dark, strict=True):
                after = widget.render_line(1 if widget is article_list else 0)
                assert after.text == before.text
                style = next(iter(after)).style
                assert style is not None
                assert style.bgcolor == widget.rich_style.bgcolor
                assert style.bgcolor != next(iter(before)).style.bgcolor

    async def test_the_cursor_row_shows_whether_the_list_has_focus(
        self, make_app: AppFactory
    ) -> None:
        async with make_app().run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            await check_cursor_row_follows_focus(pilot, main_screen(pilot).article_list, "1", "2")

    async def test_the_timeline_cursor_row_shows_whether_it_has_focus(
        self, make_app: AppFactory
    ) -> None:
        async with make_app().run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            screen = await open_title(pilot, LONG)
            assert screen.timeline.row_count > 1
            await check_cursor_row_follows_focus(pilot, screen.timeline, "3", "2")


async def check_cursor_row_follows_focus(
    pilot: Pilot[None], widget: CursorList, focus_key: str, away_key: str
) -> None:
    """Moving focus to `widget` and away changes its cursor row's look and no other row."""
    other_row = widget.row_height  # first line of the row under the cursor row
    await pilot.press(focus_key)
    await pilot.pause()
    focused, focused_other = widget.render_line(0), widget.render_line(other_row)
    await pilot.press(away_key)
    await pilot.pause()
    unfocused, unfocused_other = widget.render_line(0), widget.render_line(other_row)
    assert unfocused.text == focused.text
    assert next(iter(unfocused)).style != next(iter(focused)).style
    assert unfocused_other == focused_other
    await pilot.press(focus_key)
    await pilot.pause()
    assert next(iter(widget.render_line(0))).style == next(iter(focused)).style
