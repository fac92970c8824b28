"""The library timeline opened from its merged rows: a warm open analyses nothing and shows
what a full build shows; a changed article is analysed again, never served from the merged
file; the list's filter and dates apply; `--json` bytes from the encoded lines are those
`render_json_lines` writes."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

import tuireader.timeline.library_build as library_build
from tuireader.export.library_timeline import render_json_lines
from tuireader.library import scan
from tuireader.library.article import Article
from tuireader.library.loading import read_text
from tuireader.timeline.library import Heading, LibraryTimeline
from tuireader.timeline.library_build import build_library_rows, library_row_cache
from tuireader.timeline.library_json import json_path, library_json_lines
from tuireader.timeline.library_merged import SelectedRows
from tuireader.timeline.library_open import OpenedTimeline, open_library_timeline
from tuireader.timeline.rows import timeline_rows
from tuireader.timeline.strict import STRICT_ENV

TEXTS = {
    "a.md": ("2022-09-01", "The vote was on 31 August 2022. Talks resume on 5 September 2022."),
    "b.md": ("2021-01-05", "Talks began on 4 January 2021 and resumed two days later."),
    "c.md": ("2022-09-02", "The council met on 31 August 2022 at 9 a.m."),
}


def write_article(folder: Path, name: str, day: str, text: str) -> Path:
    path = folder / name
    path.write_text(f"---\ntitle: {name}\ndate: {day}\n---\n\n{text}\n", encoding="utf-8")
    return path


@pytest.fixture
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "lib"
    folder.mkdir()
    for name, (day, text) in TEXTS.items():
        write_article(folder, name, day, text)
    return folder


def open_timeline(library: Path, cache: Path, articles: list[Article] | None = None,
                  **options: Any) -> OpenedTimeline:
    listed = scan([library]).articles if articles is None else articles
    return open_library_timeline(listed, *library_row_cache(cache, [library]), **options)


def shown(timeline: LibraryTimeline) -> list[str]:
    return [line.text if isinstance(line, Heading)
            else f"{line.when} {line.article.title} {line.anchor}-{line.anchor_end}"
            for line in timeline.lines]


class TestWarmOpen:
    def test_warm_open_reads_the_merged_rows_and_shows_what_a_full_build_shows(
            self, library: Path, tmp_path: Path) -> None:
        cache = tmp_path / "cache"
        cold = open_timeline(library, cache)
        assert cold.computed == 3 and cold.timeline is not None
        warm = open_timeline(library, cache)
        assert warm.computed == 0 and warm.problems == [] and warm.timeline is not None
        assert isinstance(warm.timeline.rows, SelectedRows)
        built = build_library_rows(scan([library]).articles,
                                   *library_row_cache(tmp_path / "other", [library]))
        eager = LibraryTimeline(built.rows)
        assert shown(warm.timeline) == shown(cold.timeline) == shown(eager)
        assert warm.timeline.density("month") == eager.density("month")
        assert warm.timeline.articles == 3
        # One day, two sources: 31 August 2022 holds the rows of a.md and c.md.
        day = shown(warm.timeline).index("Wednesday 31 August 2022")
        titles = {line.split()[2] for line in shown(warm.timeline)[day + 1:day + 4]
                  if line[:4].isdigit()}
        assert titles == {"a.md", "c.md"}

    def test_a_changed_article_is_analysed_again_not_served_from_the_merged_rows(
            self, library: Path, tmp_path: Path) -> None:
        cache = tmp_path / "cache"
        open_timeline(library, cache)
        write_article(library, "b.md", "2021-01-05",
                      "Talks began on 3 January 2021 and resumed two days later.")
        early: list[tuple[set[str], int]] = []
        opened = open_timeline(library, cache, early=lambda timeline, changed: early.append(
            ({row.article.title for row in timeline.rows}, changed)))
        assert early == [({"a.md", "c.md"}, 1)]  # the others at once, b.md once analysed
        assert opened.computed == 1 and opened.timeline is not None
        whens = [row.when for row in opened.timeline.rows if row.article.title == "b.md"]
        assert whens == ["2021-01-03 Sun", "2021-01-05 Tue"]
        again = open_timeline(library, cache)
        assert again.computed == 0 and again.timeline is not None
        assert shown(again.timeline) == shown(opened.timeline)

    def test_listed_articles_and_dates_choose_the_rows(self, library: Path,
                                                       tmp_path: Path) -> None:
        cache = tmp_path / "cache"
        open_timeline(library, cache)
        articles = scan([library]).articles
        only = [article for article in articles if article.title == "c.md"]
        opened = open_timeline(library, cache, only)
        assert opened.computed == 0 and opened.timeline is not None
        assert {row.article.title for row in opened.timeline.rows} == {"c.md"}
        assert opened.timeline.articles == 1
        dated = open_timeline(library, cache, since=date(2022, 9, 1), until=date(2022, 9, 30))
        assert dated.computed == 0 and dated.timeline is not None
        assert [row.when for row in dated.timeline.rows] == ["2022-09-05 Mon"]

    def test_a_gone_file_is_a_problem_and_a_damaged_merged_file_is_rebuilt(
            self, library: Path, tmp_path: Path) -> None:
        cache = tmp_path / "cache"
        articles = scan([library]).articles
        first = open_timeline(library, cache, articles)
        assert first.timeline is not None
        (library / "a.md").unlink()
        opened = open_timeline(library, cache, articles)
        assert [problem.path.name for problem in opened.problems] == ["a.md"]
        assert opened.timeline is not None and opened.computed == 0
        assert {row.article.title for row in opened.timeline.rows} == {"b.md", "c.md"}
        merged = library_row_cache(cache, [library])[0].merged_path
        merged.write_bytes(merged.read_bytes()[:-3] + b"xyz")
        rebuilt = open_timeline(library, cache)
        assert rebuilt.timeline is not None and rebuilt.problems == []
        assert {row.article.title for row in rebuilt.timeline.rows} == {"b.md", "c.md"}

    def test_an_article_that_failed_is_tried_again_each_open(
            self, library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        real = timeline_rows

        def failing(body: str, events: Any) -> Any:
            if "council" in body:
                raise ValueError("no rows today")
            return real(body, events)

        monkeypatch.setattr(f"{library_build.__name__}.timeline_rows", failing)
        monkeypatch.delenv(STRICT_ENV, raising=False)  # the failure is survived, as in use
        cache = tmp_path / "cache"
        for computed in (2, 0):
            opened = open_timeline(library, cache)
            assert opened.computed == computed
            assert [problem.reason for problem in opened.problems] == [
                "timeline failed: no rows today"]
        monkeypatch.setattr(f"{library_build.__name__}.timeline_rows", real)
        opened = open_timeline(library, cache)
        assert opened.problems == [] and opened.computed == 1 and opened.timeline is not None
        assert "c.md" in {row.article.title for row in opened.timeline.rows}


class TestJsonLines:
    def test_encoded_lines_are_the_rendered_ones_and_follow_changes(
            self, library: Path, tmp_path: Path) -> None:
        cache = tmp_path / "cache"
        path = json_path(library_row_cache(cache, [library])[0].merged_path)

        def both(articles: list[Article] | None = None) -> tuple[bytes, bytes]:
            timeline = open_timeline(library, cache, articles).timeline
            assert timeline is not None and isinstance(timeline.rows, SelectedRows)
            encoded = b"".join(library_json_lines(timeline.rows, path))
            return encoded, render_json_lines(timeline.rows).encode()

        encoded, rendered = both()
        assert encoded == rendered and encoded.count(b"\n") == 5
        assert path.exists()
        assert both() == (rendered, rendered)  # from the file this time
        some = [article for article in scan([library]).articles if article.title != "a.md"]
        encoded, rendered = both(some)
        assert encoded == rendered and b'"a.md"' not in encoded
        write_article(library, "c.md", "2022-09-02", "The council met on 1 August 2022.")
        encoded, rendered = both()
        assert encoded == rendered and b"2022-08-01" in encoded


class TestFeedEntries:
    def test_entries_of_one_feed_file_keep_their_own_rows(self, tmp_path: Path) -> None:
        library = tmp_path / "lib"
        library.mkdir()
        feed = Path(__file__).resolve().parents[1] / "fixtures" / "feeds" / "harbour.rss"
        (library / feed.name).write_bytes(feed.read_bytes())
        articles = scan([library]).articles
        assert len({article.entry for article in articles}) == 3
        bodies = {article.entry: read_text(article).body for article in articles}
        for computed in (3, 0):  # analysed, then from the merged rows
            opened = open_timeline(library, tmp_path / "cache", articles)
            assert opened.computed == computed and opened.timeline is not None
            rows = list(opened.timeline.rows)
            assert len({row.article.entry for row in rows}) >= 2
            for row in rows:
                body = bodies[row.article.entry]
                assert body[row.anchor:row.anchor_end] in row.label
