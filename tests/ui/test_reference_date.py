"""D gives an undated article the date its timeline counts from: the pane resolves its
relative dates at once, the header says the date was given, and it is kept for next time."""

from __future__ import annotations

from pathlib import Path

from tests.ui.conftest import FROZEN_NOW, main_screen, settle
from textual.widgets import Input

from tuireader.app import TuiReaderApp
from tuireader.screens.date_prompt import DatePrompt
from tuireader.widgets.reader_header import HeaderLine

SEED = ("UN report out\n\nThe report went online with 13 minutes left, at 11:47 p.m. on "
        "31 August, just before the high commissioner's term came to a close. China "
        "rejected it on Thursday.\n")


async def test_a_date_given_with_d_resolves_the_timeline_and_is_kept(
        tmp_path: Path, data_dir: Path) -> None:
    seed = tmp_path / "library" / "seed.txt"
    seed.parent.mkdir()
    seed.write_text(SEED, encoding="utf-8")
    app = TuiReaderApp([seed], data_dir, now=lambda: FROZEN_NOW)
    async with app.run_test(size=(140, 36)) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        assert screen.current is not None and screen.timeline.whens == []
        assert "undated (D: give a date)" in screen.query_one(HeaderLine).text  # the way out

        await pilot.press("D")
        await settle(pilot)
        prompt = app.screen
        assert isinstance(prompt, DatePrompt) and "it has no date" in prompt.question
        assert "enter sets it · esc cancels" in str(
            prompt.query_one("#date-prompt-body").border_subtitle)
        prompt.query_one(Input).value = "not a date"
        await pilot.press("enter")
        await settle(pilot)
        assert any("not a date with a day, month and year" in n.message
                   and n.message.endswith("; D to try again.") for n in app._notifications)
        assert screen.timeline.whens == []

        await pilot.press("D")
        await settle(pilot)
        app.screen.query_one(Input).value = "1 September 2022"
        await pilot.press("enter")
        await settle(pilot)
        whens = screen.timeline.whens
        assert "2022-08-31 23:47" in whens and "2022-09-01 Thu" in whens
        assert "2022-09-01 (given)" in screen.query_one(HeaderLine).text

    again = TuiReaderApp([seed], data_dir, now=lambda: FROZEN_NOW)
    async with again.run_test(size=(140, 36)) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        assert "2022-08-31 23:47" in screen.timeline.whens  # kept with the article
        await pilot.press("D")
        await settle(pilot)
        prompt = again.screen
        assert isinstance(prompt, DatePrompt) and "given with D" in prompt.question
        prompt.query_one(Input).value = ""  # back to the article's own (none)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.timeline.whens == []
        assert "undated" in screen.query_one(HeaderLine).text
