"""The reader's header line and the path it shows (plain functions: no app needed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.style import Style

from tuireader.widgets import reader_header
from tuireader.widgets.reader_header import fitted_line, short_path, shown_source


class TestShortPath:
    def test_a_bundled_sample_is_shown_by_its_folder_not_site_packages(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        samples = tmp_path / ".venv/lib/python3.11/site-packages/tuireader/sample_articles"
        monkeypatch.setattr(reader_header, "bundled_samples", lambda: samples)
        monkeypatch.chdir(tmp_path)  # the samples are under it too: theirs wins
        assert short_path(samples / "artemis-i-launch.md") == "sample_articles/artemis-i-launch.md"

    def test_under_the_current_directory_then_home(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(reader_header, "bundled_samples", lambda: tmp_path / "samples")
        monkeypatch.setattr(Path, "home", lambda: tmp_path / "home")
        monkeypatch.chdir(tmp_path)
        (tmp_path / "home").mkdir()
        assert short_path(tmp_path / "news/a.md") == "news/a.md"
        monkeypatch.chdir(tmp_path / "home")
        assert short_path(tmp_path / "home/news/a.md") == "news/a.md"
        (tmp_path / "elsewhere").mkdir()
        monkeypatch.chdir(tmp_path / "elsewhere")
        assert short_path(tmp_path / "home/news/a.md") == "~/news/a.md"
        assert short_path(Path("relative/a.md")) == "relative/a.md"


class TestFittedLine:
    @pytest.mark.parametrize(
        ("width", "expected"),
        [
            (80, "Mill dispute reaches the court · 2023-04-04 · Valley Chronicle"),
            (56, "Mill dispute reaches th… · 2023-04-04 · Valley Chronicle"),
            (40, "Mill dispute reaches th… · 2023-04-04 ·…"),
            (20, "Mill dispute reache…"),
        ],
    )
    def test_the_title_is_cut_first_then_the_details(self, width: int, expected: str) -> None:
        line = fitted_line("Mill dispute reaches the court", "2023-04-04 · Valley Chronicle",
                           width, Style(bold=True), Style(dim=True))
        assert line.plain == expected
        assert line.cell_len <= width


class TestShownSource:
    def test_a_web_source_is_shown_by_its_site_so_the_title_keeps_the_room(self) -> None:
        url = "https://www.fifa.com/tournaments/mens/worldcup/qatar2022"
        assert shown_source(url) == "fifa.com"
        assert shown_source("http://127.0.0.1:8765/feeds/harbour.rss") == "127.0.0.1"
        assert shown_source("Valley Chronicle") == "Valley Chronicle"
        assert shown_source("ftp://example.org/a") == "ftp://example.org/a"
        assert shown_source(None) is None
        title = "Argentina beat France on penalties to win World Cup after 3-3 final"
        line = fitted_line(title, f"2022-12-19 · {shown_source(url)}", 91, Style(), Style())
        assert line.plain == f"{title} · 2022-12-19 · fifa.com"  # the URL left it 24 cells
