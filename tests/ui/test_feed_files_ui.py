"""Pilot: a feed file's entries are rows of the list, each opens as its own article, and
files no format reads are counted in one notification."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from tests.ui.conftest import main_screen, open_title, settle

from tuireader.app import TuiReaderApp
from tuireader.widgets.reader_header import HeaderLine

FEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"


async def test_feed_entries_are_listed_and_one_opens_in_the_reader(
    make_app: Callable[..., TuiReaderApp], tmp_path: Path
) -> None:
    library = tmp_path / "library"
    library.mkdir()
    shutil.copy(FEEDS / "harbour.rss", library / "harbour.rss")
    (library / "scan.pdf").write_bytes(b"%PDF-1.4\n")
    (library / "notes.docx").write_bytes(b"PK\x03\x04")
    app = make_app([library])
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        titles = [article.title for article in screen.article_list.visible_articles]
        assert titles == ["Bridge reopens after repairs", "Ferry timetable changes",
                          "Gulls have returned to the north pier, a week earlier than last year"]
        skipped = [n.message for n in app._notifications if n.title == "Skipped files"]
        assert skipped == ["2 files skipped: .docx, .pdf (not articles or feeds)."]
        await open_title(pilot, "Ferry timetable changes")
        body = "".join(screen.reader.render_line(y).text for y in range(4))
        assert "From Monday the first ferry leaves at 6:15." in body
        assert "bridge" not in body.lower()
        # The entry's link is named by its site: the title keeps the header's width.
        header = screen.query_one("#reader-title", HeaderLine).text
        assert header.endswith(" · harbour.example") and "https" not in header
