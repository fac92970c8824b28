"""Pilot tests: the library timeline (`T`) shows every listed article's rows under date
headings with a density strip; enter opens the article at the row's expression; `e` exports."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from tests.ui.conftest import FROZEN_NOW, LIBRARY, NEWEST_FIRST, main_screen, settle
from textual.pilot import Pilot

from tuireader.app import TuiReaderApp
from tuireader.screens.library_timeline import LibraryTimelineScreen
from tuireader.timeline import library_open
from tuireader.timeline.library import Heading
from tuireader.widgets.density_strip import BLOCKS, DensityStrip
from tuireader.widgets.library_timeline_view import LibraryTimelineView


def screen_lines(pilot: Pilot[None]) -> list[str]:
    view = pilot.app.screen.query_one(LibraryTimelineView)
    return [view.render_line(y).text.rstrip() for y in range(view.size.height)]


async def open_library_timeline(pilot: Pilot[None]) -> LibraryTimelineScreen:
    await pilot.press("T")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, LibraryTimelineScreen)
    assert screen.timeline is not None
    return screen


class TestLibraryTimeline:
    async def test_rows_headings_strip_periods_export_and_enter(
            self, data_dir: Path, tmp_path: Path) -> None:
        exports = tmp_path / "exports"
        app = TuiReaderApp([LIBRARY], data_dir, now=lambda: FROZEN_NOW, export_dir=exports)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            titles = [c.title for c in app.get_system_commands(app.screen)]
            assert "Library timeline" in titles
            screen = await open_library_timeline(pilot)
            timeline = screen.timeline
            assert timeline is not None and timeline.articles == 5
            lines = screen_lines(pilot)
            assert lines[0] == "2015" and "December 2022" in "\n".join(lines)
            day = [line.strip() for line in lines].index("Tuesday 27 December 2022")
            assert "Harbour bridge reopens" in lines[day + 1]
            assert not lines[day + 1].split("Harbour bridge")[0].strip()  # the heading's day
            assert "[bold red]" in "\n".join(lines)  # a title is text, never markup
            # A week sits under its month; a row's date says what its heading does not.
            week = next(i for i, line in enumerate(lines) if "struck last week" in line)
            assert lines[week - 1].strip() == "January 2023"
            assert lines[week].split("Storm season")[0].strip() == "week of 2 Jan"
            assert next(line.split("Harbour bridge")[0].strip() for line in lines
                    if "Harbour bridge" in line) == "– 2019"  # 2015–2019, under 2015
            strip = screen.query_one(DensityStrip).render().plain.splitlines()
            assert set(strip[1]) & set(BLOCKS)  # bars over two lines, then the axis
            assert strip[2].split()[0] == "2015" and "2022" in strip[2].split()
            assert strip[3].startswith("2015: 1 row")
            await pilot.press("right_curly_bracket")
            view = screen.query_one(LibraryTimelineView)
            assert timeline.lines[view.cursor].period[0] == 2022
            assert screen.query_one(DensityStrip).render().plain.splitlines()[3].startswith(
                "2022")
            await pilot.press("e")
            await settle(pilot)
            written = list(exports.glob("library-timeline-*.md"))
            assert len(written) == 1
            assert "#### Tuesday 27 December 2022" in written[0].read_text(encoding="utf-8")
            # The cursor rests on rows only: g, j, k, } and { never stop on a heading, and
            # the headings above the first row stay in view.
            await pilot.press("g")
            assert not isinstance(timeline.lines[view.cursor], Heading)
            assert view.cursor > 0 and view.scroll_y == 0
            rows_seen = [view.cursor]
            for key in ("j", "j", "j", "k", "right_curly_bracket", "left_curly_bracket",
                        "left_curly_bracket"):
                await pilot.press(key)
                assert not isinstance(timeline.lines[view.cursor], Heading), key
                rows_seen.append(view.cursor)
            assert rows_seen[1] > rows_seen[0] and rows_seen[4] == rows_seen[2]
            assert rows_seen[7] < rows_seen[6]  # { from a period's first row goes back
            # A click on a heading opens nothing.
            await pilot.click(LibraryTimelineView, offset=(2, 0))
            assert isinstance(app.screen, type(screen))
            # Enter on a row: back to the main screen, its article open, the expression shown.
            row = timeline.lines[view.cursor]
            assert not isinstance(row, Heading)
            await pilot.press("enter")
            await settle(pilot)
            main = main_screen(pilot)
            assert main.current is not None and main.current.id == row.article.id
            assert main.reader.highlight == (row.anchor, row.anchor_end)
            assert main.reader.has_focus
            body = main.reader.body
            assert body[row.anchor:row.anchor_end] in row.label

    async def test_the_list_filter_applies(self, data_dir: Path) -> None:
        app = TuiReaderApp([LIBRARY], data_dir, now=lambda: FROZEN_NOW)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            main_screen(pilot).article_list.set_filter("storm")
            screen = await open_library_timeline(pilot)
            assert screen.timeline is not None
            assert {row.article.title for row in screen.timeline.rows} == {NEWEST_FIRST[4]}
            status = str(screen.query_one("#library-timeline-status").render())
            assert "1 article matching “storm”" in status and "from" not in status
            await pilot.press("q")
            assert isinstance(app.screen, type(main_screen(pilot)))


    async def test_a_changed_article_is_analysed_again_the_others_shown_meanwhile(
            self, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        changed_counts: list[int] = []

        def recording(*args: Any, early: Any, **options: Any) -> Any:
            def shown_early(timeline: Any, changed: int) -> None:
                changed_counts.append(changed)
                early(timeline, changed)

            return opening(*args, early=shown_early, **options)

        opening = library_open.open_library_timeline
        monkeypatch.setattr(library_open, "open_library_timeline", recording)
        library = tmp_path / "library"
        shutil.copytree(LIBRARY, library)
        app = TuiReaderApp([library], data_dir, now=lambda: FROZEN_NOW)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            screen = await open_library_timeline(pilot)
            assert screen.timeline is not None and changed_counts == []
            rows = len(screen.timeline.rows)
            await pilot.press("q")
            council = library / "council-vote-delayed.md"
            council.write_text(council.read_text(encoding="utf-8")
                               + "\nThe vote is now set for 14 February 2031.\n",
                               encoding="utf-8")
            screen = await open_library_timeline(pilot)
            assert changed_counts == [1]  # the unchanged articles were shown first
            assert screen.timeline is not None and len(screen.timeline.rows) == rows + 1
            assert screen.timeline.rows[-1].when.startswith("2031-02-14")
            status = str(screen.query_one("#library-timeline-status").render())
            assert "adding" not in status and f"{rows + 1} dated rows" in status


class TestLibraryTimelineSnapshot:
    def test_view_at_80x24(self, snap_compare, data_dir: Path,  # type: ignore[no-untyped-def]
                           monkeypatch: pytest.MonkeyPatch) -> None:
        async def run_before(pilot: Pilot[None]) -> None:
            await settle(pilot)
            await open_library_timeline(pilot)
            await pilot.press("j", "j", "j")
            pilot.app.clear_notifications()
            await pilot.pause()

        monkeypatch.chdir(LIBRARY.parent)  # no checkout path on screen
        app = TuiReaderApp([Path(LIBRARY.name)], data_dir, now=lambda: FROZEN_NOW)
        assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
