"""Pilot tests: what a user sees and can do on the main screen, one feature per class."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

import pytest
from tests.ui.conftest import (
    FROZEN_NOW,
    LIBRARY,
    LONG,
    NEWEST_FIRST,
    RELATIVE,
    SHORT,
    main_screen,
    open_title,
    settle,
)
from textual import events
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import OptionList
from textual.worker import WorkerCancelled

from tuireader.app import TuiReaderApp
from tuireader.library.article import Article
from tuireader.screens import article_loading
from tuireader.screens.confirm import ConfirmScreen
from tuireader.screens.help import HelpScreen
from tuireader.screens.main import MainScreen
from tuireader.timeline import article_timeline
from tuireader.widgets.cursor_list import CursorList
from tuireader.widgets.reader_header import HeaderLine
from tuireader.widgets.search_box import SearchBox

AppFactory = Callable[..., TuiReaderApp]


def rows(widget: CursorList) -> list[str]:
    """The visible rows as a user reads them (one screen line per row)."""
    lines = widget.scrollable_content_region.height
    return [widget.render_line(y).text.rstrip() for y in range(lines)
            if widget.render_line(y).text.strip()]


def title_colour(screen: MainScreen, y: int) -> object:
    """The colour of the Mill or Harbour title on list line `y` (the open one stands out)."""
    segments = [seg for seg in screen.article_list.render_line(y)
                if "Mill" in seg.text or "Harbour" in seg.text]
    return segments[0].style.color if segments[0].style else None


def title_of(screen: MainScreen, pane: str) -> str:
    return screen.query_one(f"#{pane}-pane")._border_title.plain  # type: ignore[union-attr]


def subtitle_of(screen: MainScreen, pane: str) -> str:
    subtitle = screen.query_one(f"#{pane}-pane")._border_subtitle
    return subtitle.plain if subtitle is not None else ""


class TestLayout:
    @pytest.mark.parametrize(("size", "layout"), [((80, 24), "-narrow"), ((160, 48), "-wide")])
    async def test_three_titled_panes_at_both_sizes(
        self, make_app: AppFactory, size: tuple[int, int], layout: str
    ) -> None:
        app = make_app()
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            screen = main_screen(pilot)
            assert screen.has_class(layout)
            assert [title_of(screen, p) for p in ("articles", "reader", "timeline")] == [
                "Articles (1)", "Reader (2)", "Timeline (3)"]  # nothing open yet
            assert subtitle_of(screen, "articles") == "5 articles · 5 unread"
            reader = screen.query_one("#reader-pane").region
            timeline = screen.query_one("#timeline-pane").region
            if layout == "-narrow":
                assert timeline.y > reader.y and timeline.x == reader.x
            else:
                assert timeline.x > reader.x and timeline.y == reader.y
            for pane in ("articles", "reader", "timeline"):
                assert screen.query_one(f"#{pane}-pane").region.width >= 20
            region = screen.query_one("#reader-pane").region
            shown = [strip.text[region.x:region.right]
                     for strip in screen._compositor.render_strips()[region.y:region.bottom]]
            assert sum(line.count("No article open") for line in shown) == 1  # not twice
            assert any("S adds a news feed or a web page." in line for line in shown)

    @pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
    async def test_status_lines_use_the_pane_colours(self, make_app: AppFactory,
                                                     theme: str) -> None:
        app = make_app()
        async with app.run_test(size=(120, 30)) as pilot:
            app.theme = theme
            await settle(pilot)
            screen = main_screen(pilot)
            for widget in (screen.timeline, screen.reader):
                segment = next(iter(widget.render_line(0)))
                assert segment.text.startswith("No article open")
                assert segment.style is not None
                assert segment.style.bgcolor == widget.rich_style.bgcolor

    async def test_list_shows_newest_first_with_unread_marks_and_dates(
        self, make_app: AppFactory
    ) -> None:
        async with make_app().run_test(size=(160, 48)) as pilot:
            await settle(pilot)
            shown = rows(main_screen(pilot).article_list)
            assert len(shown) == 5
            assert shown[0].startswith("● Mill dispute reaches the court")
            assert shown[0].endswith("2023-04-04")
            assert shown[4].endswith("2023-01-09")


class TestUntrustedText:
    async def test_markup_in_title_and_source_is_shown_literally(
        self, make_app: AppFactory
    ) -> None:
        async with make_app().run_test(size=(160, 48)) as pilot:
            await settle(pilot)
            screen = await open_title(pilot, NEWEST_FIRST[3])
            row = rows(screen.article_list)[3]
            assert "Markup [bold red]x[/] and ␛[31m" in row
            header = screen.query_one("#reader-title", HeaderLine)
            assert "[bold red]x[/]" in str(header.render())
            assert "[link=http://evil]src[/link]" in header.text
            body = [screen.reader.render_line(y).text for y in range(3)]
            assert "[italic]markup[/italic]" in "".join(body)


class TestLoadProblems:
    async def test_binary_file_is_a_notification_and_the_rest_loads(
        self, make_app: AppFactory
    ) -> None:
        app = make_app()
        async with app.run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            messages = [n.message for n in app._notifications]
            assert any("broken-binary.txt" in m and "binary" in m for m in messages)
            assert main_screen(pilot).article_list.total == 5

    async def test_front_matter_yaml_refuses_is_an_article_marked_with_the_reason(
        self, make_app: AppFactory, tmp_path: Path
    ) -> None:
        library = tmp_path / "library"
        library.mkdir()
        (library / "dispatch-12.md").write_text(
            "---\ntitle: Dispatch 12: the vote\ndate: 2023-05-04\n---\n\n"
            "The council voted at noon.\n", encoding="utf-8")
        (library / "calm.md").write_text(
            "---\ntitle: A calm day\ndate: 2023-05-01\n---\n\nNothing.\n", encoding="utf-8")
        app = make_app([library])
        async with app.run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            screen = main_screen(pilot)
            shown = rows(screen.article_list)
            assert shown[0].startswith("● ⚠ Dispatch 12: the vote")
            assert shown[0].endswith("2023-05-04")
            assert shown[1].startswith("● A calm day")
            await pilot.press("enter")
            await settle(pilot)
            assert "The council voted at noon." in screen.reader.render_line(0).text
            reasons = [n.message for n in app._notifications if "dispatch-12.md" in n.message]
            assert reasons == ["dispatch-12.md: front matter is not valid YAML (line 2: mapping "
                               "values are not allowed here); read line by line"]

    async def test_missing_path_is_reported_not_raised(
        self, make_app: AppFactory, tmp_path: Path
    ) -> None:
        app = make_app([tmp_path / "nowhere", LIBRARY])
        async with app.run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            assert any("nowhere" in n.message for n in app._notifications)
            assert main_screen(pilot).article_list.total == 5

    async def test_an_empty_folder_says_what_to_give_on_whole_lines(
        self, make_app: AppFactory, tmp_path: Path
    ) -> None:
        """The list pane is 26 cells wide here: the message wraps instead of being cut."""
        (tmp_path / "empty").mkdir()
        async with make_app([tmp_path / "empty"]).run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            shown = rows(main_screen(pilot).article_list)
            assert " ".join(shown) == ("No articles found. Give tuireader a folder of .txt, "
                                       ".md, .html or feed files.")
            assert "…" not in "".join(shown)


def fake_articles(count: int) -> list[Article]:
    return [Article(id=f"a{i:05d}", path=Path(f"/nonexistent/{i}.txt"), title=f"Article {i}")
            for i in range(count)]


class TestListKeys:
    MOTIONS: ClassVar[list[tuple[list[str], int]]] = [
        (["j"], 1), (["down"], 1), (["j", "j", "k"], 1), (["j", "up"], 0),
        (["G"], 4), (["end"], 4), (["G", "g"], 0), (["G", "home"], 0),
    ]
    PAGING: ClassVar[list[tuple[list[str], str | int]]] = [
        (["space"], "page"), (["pagedown"], "page"), (["space", "b"], 0),
        (["pagedown", "pageup"], 0), (["ctrl+d"], "half"), (["ctrl+d", "ctrl+u"], 0),
    ]

    async def test_motion_moves_the_highlight(self, make_app: AppFactory) -> None:
        """Each key sequence from the top of the list (one app for all: each run costs)."""
        async with make_app().run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            article_list = main_screen(pilot).article_list
            for keys, expected in self.MOTIONS:
                article_list.move_cursor(0)
                await pilot.press(*keys)
                assert article_list.cursor == expected, keys
                assert article_list.highlighted is not None
                assert article_list.highlighted.title == NEWEST_FIRST[expected], keys

    async def test_paging_in_a_long_list(self, make_app: AppFactory) -> None:
        async with make_app([]).run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            article_list = main_screen(pilot).article_list
            article_list.set_articles(fake_articles(500))
            await pilot.pause()
            page = article_list.scrollable_content_region.height - 1
            for keys, rows_moved in self.PAGING:
                article_list.move_cursor(0)
                await pilot.pause()
                await pilot.press(*keys)
                expected = {"page": page, "half": page // 2}.get(str(rows_moved), rows_moved)
                assert article_list.cursor == expected, keys
                assert article_list.scroll_y <= article_list.cursor, keys

    async def test_enter_opens_the_highlighted_article(self, make_app: AppFactory) -> None:
        async with make_app().run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            await pilot.press("j", "enter")
            await settle(pilot)
            screen = main_screen(pilot)
            assert screen.current is not None and screen.current.title == SHORT
            assert "Harbour bridge" in str(screen.query_one("#reader-title").render())

    async def test_the_open_article_stays_marked_when_the_cursor_moves(
        self, make_app: AppFactory
    ) -> None:
        async with make_app().run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            screen = main_screen(pilot)
            await pilot.press("enter", "j", "j")
            await settle(pilot)
            assert title_colour(screen, 0) != title_colour(screen, 1)  # Mill is open

    async def test_opening_another_article_moves_the_open_mark(
        self, make_app: AppFactory
    ) -> None:
        async with make_app().run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            screen = main_screen(pilot)
            await pilot.press("enter")
            await settle(pilot)
            open_colour, closed_colour = title_colour(screen, 0), title_colour(screen, 1)
            assert open_colour != closed_colour
            await pilot.press("1", "j", "enter")
            await settle(pilot)
            assert (title_colour(screen, 0), title_colour(screen, 1)) == (closed_colour,
                                                                           open_colour)

    async def test_click_opens_an_article(self, make_app: AppFactory) -> None:
        async with make_app().run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            await pilot.click("#articles", offset=(5, 2))
            await settle(pilot)
            screen = main_screen(pilot)
            assert screen.current is not None and screen.current.title == NEWEST_FIRST[2]


class TestFilter:
    async def test_slash_filters_as_you_type_and_escape_clears(
        self, make_app: AppFactory
    ) -> None:
        async with make_app().run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            screen = main_screen(pilot)
            await pilot.press("slash", *"court")
            assert [a.title for a in screen.article_list.visible_articles] == [LONG]
            assert subtitle_of(screen, "articles").startswith("1 match ·")
            await pilot.press("escape")
            assert screen.article_list.row_count == 5
            assert screen.focused is screen.article_list

    async def test_the_count_says_matches_in_the_plural(self, make_app: AppFactory) -> None:
        async with make_app().run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            screen = main_screen(pilot)
            await pilot.press("slash", *"open")
            assert [a.title for a in screen.article_list.visible_articles] == [SHORT, RELATIVE]
            assert subtitle_of(screen, "articles").startswith("2 matches ·")

    async def test_enter_keeps_the_filter_and_returns_to_the_list(
        self, make_app: AppFactory
    ) -> None:
        async with make_app().run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            screen = main_screen(pilot)
            await pilot.press("slash", *"STORM", "enter")
            assert screen.focused is screen.article_list
            assert [a.title for a in screen.article_list.visible_articles] == [RELATIVE]
            await pilot.press("escape")
            assert screen.article_list.row_count == 5

    async def test_enter_opens_the_highlighted_article(self, make_app: AppFactory) -> None:
        async with make_app().run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            screen = main_screen(pilot)
            await pilot.press("slash", *"open", "enter")  # the first match is highlighted
            await settle(pilot)
            assert screen.current is not None and screen.current.title == SHORT
            assert screen.reader.message is None and "bridge" in screen.reader.body
            assert screen.focused is screen.article_list


class TestReaderKeys:
    SCROLLING: ClassVar[list[tuple[list[str], str]]] = [
        (["j"], "1"), (["down"], "1"), (["j", "j", "k"], "1"), (["j", "up"], "0"),
        (["space"], "page"), (["pagedown"], "page"), (["space", "b"], "0"),
        (["pagedown", "pageup"], "0"), (["ctrl+d"], "half"), (["ctrl+d", "ctrl+u"], "0"),
        (["G"], "max"), (["end"], "max"), (["G", "g"], "0"), (["G", "home"], "0"),
    ]

    async def test_scrolling_keys(self, make_app: AppFactory) -> None:
        """Each key sequence from the top of a long article (one app for all)."""
        async with make_app().run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            screen = await open_title(pilot, LONG)
            reader = screen.reader
            await pilot.press("2")
            page = reader.scrollable_content_region.height - 1
            assert reader.max_scroll_y > page
            for keys, expected in self.SCROLLING:
                reader.scroll_to(y=0, animate=False, immediate=True)
                await pilot.pause()
                await pilot.press(*keys)
                want = {"page": page, "half": page // 2, "max": int(reader.max_scroll_y)}.get(
                    expected, int(expected) if expected.isdigit() else 0)
                assert int(reader.scroll_y) == want, keys

    async def test_progress_shows_in_the_reader_pane(self, make_app: AppFactory) -> None:
        async with make_app().run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            screen = await open_title(pilot, LONG)
            first = subtitle_of(screen, "reader")
            await pilot.press("2", "G")
            await pilot.pause()
            assert first.endswith("%") and first != "100%"
            assert subtitle_of(screen, "reader") == "100%"


class TestMarkdownHeadings:
    async def test_a_heading_is_bold_on_every_line_it_wraps_to_and_only_there(
            self, make_app: AppFactory, tmp_path: Path) -> None:
        library = tmp_path / "library"
        library.mkdir()
        heading = "# " + "A heading long enough to wrap " * 8
        (library / "headed.md").write_text(
            f"---\ntitle: Headed\ndate: 2023-05-04\n---\n\n{heading}\n\n"
            + "The council voted at noon, and # is no heading here. " * 6 + "\n",
            encoding="utf-8")
        async with make_app([library]).run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            screen = main_screen(pilot)
            await pilot.press("enter")
            await settle(pilot)
            lines = [screen.reader.render_line(y) for y in range(12)]
            texts = [line.text.strip() for line in lines]
            bold = [any(seg.style is not None and seg.style.bold for seg in line
                        if seg.text.strip()) for line in lines]
            blank = texts.index("")
            assert blank >= 2 and texts[0].startswith("# A heading")
            assert all(bold[:blank])
            assert any(texts[blank + 1:]) and not any(bold[blank + 1:])


class TestFind:
    async def test_find_counts_and_steps_through_matches(self, make_app: AppFactory) -> None:
        async with make_app().run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            screen = await open_title(pilot, LONG)
            await pilot.press("2", "slash", *"court", "enter")
            assert subtitle_of(screen, "reader").startswith("“court” 1 of 3")
            assert screen.focused is screen.reader
            await pilot.press("n")
            assert subtitle_of(screen, "reader").startswith("“court” 2 of 3")
            await pilot.press("n")
            start, _ = screen.reader.matches[2]
            line = screen.reader._line_of(start)
            top = int(screen.reader.scroll_y)
            assert top <= line < top + screen.reader.scrollable_content_region.height
            await pilot.press("N", "N")
            assert subtitle_of(screen, "reader").startswith("“court” 1 of 3")
            await pilot.press("escape")
            assert "court" not in subtitle_of(screen, "reader")
            assert screen.reader.matches == []

    @pytest.mark.parametrize("submit", [["enter"], []], ids=["from-reader", "from-box"])
    async def test_escape_closes_the_find_box(
        self, make_app: AppFactory, submit: list[str]
    ) -> None:
        async with make_app().run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            screen = await open_title(pilot, LONG)
            await pilot.press("2", "slash", *"court", *submit)
            box = screen.query_one("#find", SearchBox)
            assert box.display and box.value == "court"
            await pilot.press("escape")
            await pilot.pause()
            assert not box.display
            assert screen.focused is screen.reader
            await pilot.press("slash")
            assert box.display and box.value == ""

    async def test_n_without_a_search_says_how_to_search(self, make_app: AppFactory) -> None:
        async with make_app().run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            screen = await open_title(pilot, LONG)
            top = screen.reader.scroll_y
            pilot.app.clear_notifications()
            await pilot.press("2", "n")
            await pilot.pause()
            assert [n.message for n in pilot.app._notifications] == [
                "No search: press / to find"]
            assert screen.reader.scroll_y == top

    async def test_nothing_found_says_so(self, make_app: AppFactory) -> None:
        async with make_app().run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            screen = await open_title(pilot, SHORT)
            await pilot.press("2", "slash", *"zebra")
            assert "“zebra” not found" in subtitle_of(screen, "reader")


class TestPanes:
    MOVES: ClassVar[list[tuple[list[str], str]]] = [
        (["tab"], "reader"), (["tab", "tab"], "timeline"), (["tab", "tab", "tab"], "articles"),
        (["shift+tab"], "timeline"), (["2"], "reader"), (["3"], "timeline"),
        (["3", "1"], "articles"), (["2", "q"], "articles"), (["2", "escape"], "articles"),
        (["3", "escape"], "reader"), (["3", "q"], "reader"),
    ]

    async def test_focus_moves_between_panes(self, make_app: AppFactory) -> None:
        """Each key sequence from the list (one app for all)."""
        async with make_app().run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            screen = main_screen(pilot)
            for keys, pane in self.MOVES:
                screen.article_list.focus()
                await pilot.pause()
                await pilot.press(*keys)
                assert screen.focused_pane() == pane, keys

    async def test_q_in_the_list_quits(self, make_app: AppFactory) -> None:
        app = make_app()
        async with app.run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            await pilot.press("q")
            await pilot.pause()
            assert app._exit

    async def test_ctrl_q_quits_from_the_reader(self, make_app: AppFactory) -> None:
        app = make_app()
        async with app.run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            await pilot.press("2", "ctrl+q")
            await pilot.pause()
            assert app._exit


class TestArticleNavigation:
    @pytest.mark.parametrize(("keys", "expected"), [
        (["J"], NEWEST_FIRST[1]), (["J", "J"], NEWEST_FIRST[2]), (["J", "J", "K"], NEWEST_FIRST[1]),
    ])
    async def test_next_and_previous_article_from_the_reader(
        self, make_app: AppFactory, keys: list[str], expected: str
    ) -> None:
        async with make_app().run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            screen = await open_title(pilot, LONG)
            await pilot.press("2")
            for key in keys:
                await pilot.press(key)
                await settle(pilot)
            assert screen.current is not None and screen.current.title == expected
            assert screen.article_list.highlighted == screen.current
            assert screen.focused is screen.reader

    async def test_next_and_previous_unread_skip_read_articles(
        self, make_app: AppFactory
    ) -> None:
        async with make_app().run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            screen = main_screen(pilot)
            await pilot.press("j", "j", "m", "g")  # Council marked read by hand
            await pilot.press("right_square_bracket")
            await settle(pilot)
            # Harbour fits on screen, so opening it reads it; ] skips read Council next.
            assert screen.current is not None and screen.current.title == SHORT
            await pilot.press("right_square_bracket")
            await settle(pilot)
            assert screen.current.title == NEWEST_FIRST[3]
            await pilot.press("left_square_bracket")
            await settle(pilot)
            assert screen.current.title == LONG


class TestReadingState:
    async def test_opening_a_long_article_does_not_mark_it_read_reaching_the_end_does(
        self, make_app: AppFactory
    ) -> None:
        async with make_app().run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            screen = await open_title(pilot, LONG)
            assert not screen.article_list.is_read(screen.current)  # type: ignore[arg-type]
            assert rows(screen.article_list)[0].startswith("●")
            await pilot.press("2", "G")
            await pilot.pause()
            assert screen.article_list.is_read(screen.current)  # type: ignore[arg-type]
            assert not rows(screen.article_list)[0].startswith("●")
            assert subtitle_of(screen, "articles") == "5 articles · 4 unread"

    async def test_an_article_that_fits_is_read_on_opening(self, make_app: AppFactory) -> None:
        async with make_app().run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            screen = await open_title(pilot, SHORT)
            assert screen.article_list.is_read(screen.current)  # type: ignore[arg-type]

    async def test_m_toggles_read_and_f_stars(self, make_app: AppFactory) -> None:
        async with make_app().run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            screen = main_screen(pilot)
            await pilot.press("m")
            assert not rows(screen.article_list)[0].startswith("●")
            await pilot.press("m")
            assert rows(screen.article_list)[0].startswith("●")
            await pilot.press("f")
            assert "★ Mill dispute" in rows(screen.article_list)[0]
            await pilot.press("f")
            assert "★" not in rows(screen.article_list)[0]

    async def test_capital_m_marks_only_the_visible_articles_read(
        self, make_app: AppFactory
    ) -> None:
        async with make_app().run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            screen = main_screen(pilot)
            await pilot.press("slash", *"re", "enter")  # Mill and Harbour
            visible = screen.article_list.visible_articles
            assert 1 < len(visible) < 5
            await pilot.press("M")  # several at once: asked first
            await pilot.pause()
            assert isinstance(pilot.app.screen, ConfirmScreen)
            await pilot.press("n")
            assert screen.article_list.unread_count == 5
            await pilot.press("M", "y", "escape")
            assert screen.article_list.unread_count == 5 - len(visible)


class TestPersistence:
    async def test_state_survives_a_restart(self, make_app: AppFactory) -> None:
        first = make_app()
        async with first.run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            screen = await open_title(pilot, LONG)
            await pilot.press("2", "space", "space", "f")
            await pilot.pause()
            saved = screen.reader.top_offset
            assert saved > 0
            await pilot.press("1", "j", "j", "m")  # Council read by hand
        second = make_app()
        async with second.run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            screen = main_screen(pilot)
            assert screen.current is not None and screen.current.title == LONG
            assert screen.article_list.highlighted == screen.current
            assert screen.reader.top_offset == saved
            assert screen.article_list.is_starred(screen.current)
            council = screen.article_list.visible_articles[2]
            assert screen.article_list.is_read(council)
            assert not screen.article_list.is_read(screen.current)

    async def test_mark_all_read_is_kept_even_when_quitting_at_once(
        self, make_app: AppFactory
    ) -> None:
        async with make_app().run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            await pilot.press("M", "y", "q")
        async with make_app().run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            screen = main_screen(pilot)
            assert screen.article_list.unread_count == 0
            assert not any(row.startswith("●") for row in rows(screen.article_list))

    async def test_position_survives_a_different_width(self, make_app: AppFactory) -> None:
        async with make_app().run_test(size=(160, 48)) as pilot:
            await settle(pilot)
            screen = await open_title(pilot, LONG)
            await pilot.press("2", "space", "space")
            await pilot.pause()
            saved = screen.reader.top_offset
            paragraph = screen.reader.body[saved:saved + 20]
        async with make_app().run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            reader = main_screen(pilot).reader
            top = int(reader.scroll_y)
            height = reader.scrollable_content_region.height
            shown = "".join(reader.render_line(y).text for y in range(height))
            assert top > 0
            assert paragraph.split()[0] in shown


class TestTimeline:
    async def test_events_in_date_order_with_granularity_and_markers(
        self, make_app: AppFactory
    ) -> None:
        async with make_app().run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            screen = await open_title(pilot, LONG)
            starts = [e.interval.start for e in screen.timeline.events[
                :screen.timeline.placed_count] if e.interval]
            assert len(starts) >= 3 and starts == sorted(starts)
            shown = rows(screen.timeline)
            assert shown[0].startswith("= 2023-03-21 Tue")
            assert title_of(screen, "timeline") == "Timeline (3) · 4 dated"

    async def test_a_range_is_one_row_spanning_its_years(self, make_app: AppFactory) -> None:
        async with make_app().run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            screen = await open_title(pilot, SHORT)
            shown = rows(screen.timeline)
            assert sum("2015–2019" in row for row in shown) == 1
            assert not any(row.rstrip() in ("= 2015", "= 2019") for row in shown)

    async def test_relative_dates_are_marked(self, make_app: AppFactory) -> None:
        async with make_app().run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            screen = await open_title(pilot, RELATIVE)
            shown = rows(screen.timeline)
            assert any(row.startswith("~ ") for row in shown)
            assert "~ week of 2023-01-02" in shown  # "last week", not "2023-W01"

    async def test_timeline_says_computing_before_it_arrives(
        self, make_app: AppFactory
    ) -> None:
        async with make_app().run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            screen = main_screen(pilot)
            article = screen.article_list.visible_articles[0]
            screen.open_article(article)
            assert screen.timeline.message == "computing…"
            assert title_of(screen, "timeline") == "Timeline (3) · computing…"
            await settle(pilot)
            assert screen.timeline.message is None

    async def test_an_ordinary_article_shows_its_text_and_timeline_together(
        self, make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        # Even the first article opened: the extractor is warmed up once the scan is done.
        warm = threading.Event()
        monkeypatch.setattr(article_timeline, "_warm", warm)
        async with make_app().run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            assert warm.wait(30)  # the warm-up thread started by the scan's end
            screen = main_screen(pilot)
            computed: list[str] = []
            monkeypatch.setattr(screen, "compute_timeline",
                                lambda article, _body: computed.append(article.title))
            await open_title(pilot, LONG)
            # The timeline came with the text (no second worker, no "computing…" frame).
            assert computed == []
            assert screen.timeline.message is None
            assert title_of(screen, "timeline") == "Timeline (3) · 4 dated"

    async def test_a_long_articles_timeline_comes_from_a_child_process(
        self, make_app: AppFactory, monkeypatch: pytest.MonkeyPatch,
        timeline_children: list[subprocess.Popen[bytes]],
    ) -> None:
        children = timeline_children
        monkeypatch.setattr(article_timeline, "APART_CHARS", 1)  # every article is long
        monkeypatch.setattr(article_loading, "WITH_TEXT_CHARS", 0)
        async with make_app().run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            screen = await open_title(pilot, LONG)
            assert title_of(screen, "timeline") == "Timeline (3) · 4 dated"
        # Under the running app (its stderr replaced), the child started and answered.
        assert [child.returncode for child in children] == [0]

    async def test_enter_on_an_event_scrolls_the_reader_to_its_sentence(
        self, make_app: AppFactory
    ) -> None:
        async with make_app().run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            screen = await open_title(pilot, LONG)
            await pilot.press("3", "G", "enter")
            event = screen.timeline.events[-1]
            reader = screen.reader
            assert reader.highlight == (event.start, event.end)
            line = reader._line_of(event.start)
            top = int(reader.scroll_y)
            assert top > 0
            assert top <= line < top + reader.scrollable_content_region.height
            shown = "".join(reader.render_line(y).text
                            for y in range(reader.scrollable_content_region.height))
            assert event.text in shown


class TestHelp:
    @pytest.mark.parametrize(
        ("keys", "pane", "expected"),
        [
            (["question_mark"], "articles", ["Filter", "Open", "Next article", "Command palette"]),
            (["2", "f1"], "reader", ["Find", "Next match", "Star"]),
            (["3", "question_mark"], "timeline", ["Go to sentence", "relative to the publication",
                                                  "+  counted from another date"]),
        ],
    )
    async def test_help_lists_the_pane_and_global_keys(
        self, make_app: AppFactory, keys: list[str], pane: str, expected: list[str]
    ) -> None:
        app = make_app()
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            await pilot.press(*keys)
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            assert app.screen.pane == pane
            text = " ".join(str(s.render()) for s in app.screen.query("Static"))
            for word in expected:
                assert word in text
            body = app.screen.query_one("#help-body")
            await pilot.press("G")  # as in the panes: the end of a help longer than the screen
            assert body.scroll_y == body.max_scroll_y
            await pilot.press("g")
            assert body.scroll_y == 0
            await pilot.press("escape")
            assert isinstance(app.screen, MainScreen)


class TestCommandPalette:
    async def test_ctrl_p_opens_the_palette_with_our_commands(
        self, make_app: AppFactory
    ) -> None:
        app = make_app()
        async with app.run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            titles = [c.title for c in app.get_system_commands(app.screen)]
            assert "Filter" in titles and "Star" in titles
            await pilot.press("ctrl+p")
            await pilot.pause()
            assert isinstance(app.screen, CommandPalette)

    @staticmethod
    async def palette_results(pilot: Pilot[None], typed: str) -> list[str]:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*typed)
        # The palette searches in a worker, started again on each key: wait for the last.
        for worker in list(pilot.app.workers):
            with contextlib.suppress(WorkerCancelled):
                await worker.wait()
        await pilot.pause()
        results = pilot.app.screen.query_one(OptionList)
        return [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]

    async def test_each_action_is_listed_once_with_its_keys(
        self, make_app: AppFactory
    ) -> None:
        app = make_app()
        async with app.run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            assert await self.palette_results(pilot, "quit") == ["Quit\nKey: q ^q"]
            await pilot.press("escape")
            assert await self.palette_results(pilot, "keys") == []  # Textual's keys panel
            await pilot.press("escape")
            assert await self.palette_results(pilot, "help") == ["Help\nKey: ? f1"]
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)


class TestMouse:
    async def test_wheel_scrolls_the_reader(self, make_app: AppFactory) -> None:
        async with make_app().run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            screen = await open_title(pilot, LONG)
            await pilot._post_mouse_events([events.MouseScrollDown], "#reader", offset=(5, 5),
                                           times=3)
            await pilot.pause()
            assert screen.reader.scroll_y > 0


class TestBackgroundScan:
    async def test_list_is_usable_while_the_scan_runs(
        self, make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        import tuireader.screens.library_screen as library_screen
        from tuireader.library import scan
        from tuireader.library.catalog import RefreshResult
        from tuireader.library.index import Progress

        release = threading.Event()
        real = scan([LIBRARY]).articles

        class SlowCatalog:
            """A first run: nothing indexed, two files read, then a pause."""

            indexed = False

            def __init__(self, paths: object, cache: object) -> None:
                pass

            def head(self) -> tuple[list[Article], int]:
                return [], 0

            def load(self) -> list[Article]:
                return []

            def refresh(self, progress: Callable[[Progress], None],
                        cancelled: Callable[[], bool]) -> RefreshResult:
                progress(Progress(walked=2, parsed=2, expected=None, fresh=tuple(real[:2])))
                release.wait(timeout=10)
                return RefreshResult(real, [], changed=True, parsed=5, complete=True)

            def save(self) -> None:
                return None

        monkeypatch.setattr(library_screen, "Catalog", SlowCatalog)
        async with make_app().run_test(size=(120, 30)) as pilot:
            for _ in range(50):
                await pilot.pause(0.02)
                if main_screen(pilot).article_list.total == 2:
                    break
            screen = main_screen(pilot)
            assert screen.article_list.total == 2
            assert title_of(screen, "articles") == "Articles (1) · scanning 2…"
            await pilot.press("j")
            assert screen.article_list.cursor == 1
            release.set()
            await settle(pilot)
            assert screen.article_list.total == 5
            assert title_of(screen, "articles") == "Articles (1)"


class TestScanBatches:
    """Batches of a first scan join the list in display order without moving the user."""

    @staticmethod
    def dated(index: int, day: int) -> Article:
        from datetime import date

        return Article(id=f"d{index}", path=Path(f"/nonexistent/d{index}.txt"),
                       title=f"Story {index}", date=date(2024, 1, day))

    @pytest.mark.parametrize(("filter_text", "expected_titles"), [
        ("", ["Story 5", "Story 4", "Story 3", "Story 2", "Story 1"]),
        ("story 4", ["Story 4"]),
    ])
    async def test_batches_merge_in_order_and_keep_the_cursor(
        self, make_app: AppFactory, filter_text: str, expected_titles: list[str]
    ) -> None:
        async with make_app([]).run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            article_list = main_screen(pilot).article_list
            article_list.set_filter(filter_text)
            article_list.add_articles([self.dated(1, 1), self.dated(3, 3), self.dated(4, 4)])
            article_list.select_article("d4" if filter_text else "d3")
            before = article_list.highlighted
            article_list.set_state("d1", read=True)
            article_list.add_articles([self.dated(5, 5), self.dated(2, 2)])
            await pilot.pause()
            assert [a.title for a in article_list.visible_articles] == expected_titles
            assert article_list.highlighted == before
            assert article_list.total == 5
            assert article_list.unread_count == 4


class TestWarmStart:
    async def test_second_start_lists_from_the_index_and_sees_new_files(
        self, make_app: AppFactory, tmp_path: Path
    ) -> None:
        library = tmp_path / "library"
        shutil.copytree(LIBRARY, library)
        async with make_app([library]).run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            assert main_screen(pilot).article_list.total == 5
        (library / "late-news.txt").write_text("Late news arrives\nDate: 2023-06-01\n\nText.\n")
        async with make_app([library]).run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            screen = main_screen(pilot)
            assert screen.article_list.total == 6
            assert rows(screen.article_list)[0].startswith("● Late news arrives")


class TestKeymap:
    async def test_a_binding_id_can_be_remapped(self, make_app: AppFactory) -> None:
        app = make_app()
        app.set_keymap({"reader.top": "t", "main.toggle_star": "s", "main.subscriptions": "W",
                        "reader.annotate": "x"})
        async with app.run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            # the hints name the keys as remapped
            assert "W adds a news feed" in (main_screen(pilot).reader.message or "")
            screen = await open_title(pilot, LONG)
            await pilot.press("2", "G")
            assert screen.reader.scroll_y > 0
            await pilot.press("t", "s")
            assert screen.reader.scroll_y == 0
            assert screen.article_list.is_starred(screen.current)  # type: ignore[arg-type]
            await pilot.press("3", "ctrl+n")
            await pilot.pause()
            assert screen.notes_view.message == "No notes yet: select a passage and press x"


class TestEmptyLibrary:
    async def test_an_empty_folder_says_what_to_do(
        self, make_app: AppFactory, tmp_path: Path
    ) -> None:
        empty = tmp_path / "empty"
        empty.mkdir()
        async with make_app([empty]).run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            screen = main_screen(pilot)
            assert rows(screen.article_list)[0].startswith("No articles found")
            await pilot.press("enter", "j", "m", "f", "J", "right_square_bracket")
            assert screen.current is None


class TestUnusableDataDir:
    async def test_reading_works_and_the_user_is_told(self, tmp_path: Path) -> None:
        blocker = tmp_path / "not-a-dir"
        blocker.write_text("a file where the data dir should be")
        app = TuiReaderApp([LIBRARY], blocker, now=lambda: FROZEN_NOW)
        async with app.run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            assert any("will not be saved" in n.message for n in app._notifications)
            screen = await open_title(pilot, SHORT)
            assert screen.reader.line_count > 0
            await pilot.press("f")
            assert screen.article_list.is_starred(screen.current)  # type: ignore[arg-type]


class TestHelpScrolling:
    async def test_j_and_k_scroll_a_help_longer_than_the_screen(
        self, make_app: AppFactory
    ) -> None:
        app = make_app()
        async with app.run_test(size=(80, 16)) as pilot:
            await settle(pilot)
            await pilot.press("question_mark")
            await pilot.pause()
            body = app.screen.query_one("#help-body")
            for _ in range(100):  # until laid out: the help is longer than 16 rows
                if body.max_scroll_y >= 3:
                    break
                await pilot.pause()
            await pilot.press("j", "j", "j")
            await pilot.pause()
            assert body.scroll_y == 3
            await pilot.press("k")
            await pilot.pause()
            assert body.scroll_y == 2

    async def test_end_shows_the_last_row_and_home_the_first(
        self, make_app: AppFactory
    ) -> None:
        """In the help of each pane: the list, the reader, the timeline, the notes pane."""
        app = make_app()
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await open_title(pilot, LONG)
            for pane, last_row in ((["1"], "Command palette"), (["2"], "Command palette"),
                                   (["3"], "?  could not be placed"),
                                   (["3", "ctrl+n"], "Command palette")):
                await pilot.press(*pane, "question_mark")
                await pilot.pause()
                title = app.screen.query_one("#help-body").border_title
                await pilot.press("end")
                await pilot.wait_for_animation()  # the scroll is animated
                shown = [strip.text for strip in app.screen._compositor.render_strips()]
                assert any(last_row in line for line in shown), pane
                assert str(title) in shown[1], pane  # the dialog itself did not move
                await pilot.press("home")
                await pilot.wait_for_animation()
                shown = [strip.text for strip in app.screen._compositor.render_strips()]
                assert not any(last_row in line for line in shown), pane
                await pilot.press("escape")
                await pilot.pause()


class TestTheme:
    async def test_the_chosen_theme_comes_back(self, make_app: AppFactory) -> None:
        first = make_app()
        async with first.run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            first.theme = "textual-light"
            await settle(pilot)
        second = make_app()
        async with second.run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            assert second.theme == "textual-light"
