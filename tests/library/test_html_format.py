"""Saved web pages in the library: a reader sees the article of a page, not its furniture."""

from __future__ import annotations

import gzip
import logging
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest

from tuireader.library import load, loading, scan
from tuireader.web import extraction

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "web"
NEWS = FIXTURES / "news_page.html"
FIRST_PARAGRAPH = (
    "The harbour bridge reopened to traffic on Thursday morning after eleven months of repairs"
)


def day(value: date | datetime | None) -> date | None:
    return value.date() if isinstance(value, datetime) else value


class TestNewsPage:
    def test_metadata_comes_from_the_page(self) -> None:
        article = load(NEWS).article
        assert article.title == "Harbour bridge reopens after repairs"
        assert article.author == "Marta Olsen"
        assert day(article.date) == date(2023, 3, 9)
        assert article.source == "https://gazette.example/2023/03/harbour-bridge-reopens"
        assert article.format == "html"

    def test_the_body_is_the_article_without_the_page_furniture(self) -> None:
        body = load(NEWS).text.body
        assert body.startswith(FIRST_PARAGRAPH)
        assert "38 million, about a fifth more than the original estimate" in body
        for furniture in ("cookie", "Subscribe", "Share on", "Related stories",
                          "Ferry operator wins", "riverwatcher", "industrial estate",
                          "newsletter", "All rights reserved", "Weather"):
            assert furniture not in body

    def test_headings_lists_and_quotes_keep_their_structure(self) -> None:
        lines = load(NEWS).text.body.splitlines()
        assert "## What changed for commuters" in lines
        bullets = [index for index, line in enumerate(lines) if line.startswith("- ")]
        assert [lines[i] for i in bullets] == [
            "- Bus routes 4 and 12 cross the bridge again from Monday.",
            "- The temporary ferry runs until the end of March.",
            "- Cyclists get a separate lane on the eastern side.",
        ]
        assert bullets == list(range(bullets[0], bullets[0] + 3))  # one list, no gaps
        assert "> We have waited almost a year for this day, and the whole street came out to " \
               "watch the first bus cross." in lines

    def test_the_text_is_the_same_every_time(self) -> None:
        """Notes anchor to offsets in this text: it must not change between readings."""
        assert load(NEWS).text == load(NEWS).text

    def test_a_gzipped_page_reads_like_the_page(self, tmp_path: Path) -> None:
        packed = tmp_path / "news_page.html.gz"
        packed.write_bytes(gzip.compress(NEWS.read_bytes()))
        loaded = load(packed)
        assert loaded.text.body == load(NEWS).text.body
        assert loaded.article.title == "Harbour bridge reopens after repairs"


def test_a_folder_walk_takes_pages_and_gzipped_pages_only(tmp_path: Path) -> None:
    shutil.copy(NEWS, tmp_path / "a.htm")
    (tmp_path / "b.HTML.GZ").write_bytes(gzip.compress(NEWS.read_bytes()))
    (tmp_path / "backup.tar.gz").write_bytes(gzip.compress(b"not an article"))
    (tmp_path / "c.xhtml").write_bytes(NEWS.read_bytes())
    result = scan([tmp_path])
    assert sorted(article.path.name for article in result.articles) == [
        "a.htm", "b.HTML.GZ", "c.xhtml"]
    assert result.problems == []


def test_a_legacy_charset_declared_in_meta_is_honoured() -> None:
    loaded = load(FIXTURES / "legacy_charset.html")
    assert loaded.article.title == "Bäckerei öffnet wieder"
    assert "die neuen Öfen backen größere Brote" in loaded.text.body
    assert loaded.text.encoding == "cp1252"  # ISO-8859-1 is read as windows-1252, like browsers


def test_a_declaration_the_bytes_contradict_is_ignored(tmp_path: Path) -> None:
    page = (FIXTURES / "legacy_charset.html").read_bytes().decode("iso-8859-1")
    path = tmp_path / "utf8.html"
    path.write_bytes(page.encode("utf-8"))  # still says iso-8859-1, but is UTF-8
    assert "größere Brote" in load(path).text.body


def test_a_page_with_no_article_text_is_a_one_line_problem(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "no_article.html", tmp_path / "app.html")
    result = scan([tmp_path])
    assert result.articles == []
    [problem] = result.problems
    assert problem.reason == "no article text found in this page"


def test_a_gzip_bomb_is_refused_without_expanding_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loading, "MAX_FILE_SIZE", 2**20)
    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(gzip.compress(b"<p>" + b" " * (8 * 2**20)))
    [problem] = scan([bomb]).problems
    assert problem.reason == "expands to more than 1 MB, too large for an article"


def test_a_broken_gzip_file_is_a_problem(tmp_path: Path) -> None:
    broken = tmp_path / "broken.html.gz"
    broken.write_bytes(gzip.compress(NEWS.read_bytes())[:200])
    [problem] = scan([broken]).problems
    assert problem.reason == "gzip file is truncated"


def test_an_extractor_failure_is_logged_and_reported_in_one_line(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def failing(html: str | bytes, url: str | None = None) -> extraction.Page:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(extraction, "extract_page", failing)
    with caplog.at_level(logging.ERROR):
        [problem] = scan([NEWS]).problems
    assert problem.reason == "could not extract the page's text (RecursionError)"
    assert any(record.exc_info for record in caplog.records)
