"""Our own Markdown exports sit happily in a library folder without becoming articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from tuireader.library import LoadError, load, scan
from tuireader.library.catalog import Catalog

ARTICLE = "---\ntitle: Ferry strike\ndate: 2024-03-15\nid: ferry-1\n---\n\nCrews walked out.\n"
EXPORT = (
    "---\nid: ferry-1\ntitle: Ferry strike\nexported_at: '2026-11-27T07:00:00Z'\n---\n\n"
    "# Ferry strike\n\n## Notes\n"
)


@pytest.fixture
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    folder.mkdir()
    (folder / "ferry.md").write_text(ARTICLE, encoding="utf-8")
    (folder / "ferry-strike-ferry-1.md").write_text(EXPORT, encoding="utf-8")
    return folder


class TestExportsInTheLibrary:
    def test_scan_skips_an_export_silently_and_keeps_the_article_id(self, library):
        result = scan([library])
        assert [article.title for article in result.articles] == ["Ferry strike"]
        assert result.articles[0].id == "ferry-1"
        assert result.problems == []

    def test_catalog_skips_it_too_and_remembers_that(self, library, tmp_path):
        catalog = Catalog([library], tmp_path / "cache")
        first = catalog.refresh()
        assert [article.path.name for article in first.articles] == ["ferry.md"]
        assert first.problems == []
        catalog.save()
        again = Catalog([library], tmp_path / "cache")
        again.load()
        second = again.refresh()
        assert second.parsed == 0
        assert [article.path.name for article in second.articles] == ["ferry.md"]

    def test_named_on_its_own_it_says_what_it_is(self, library):
        with pytest.raises(LoadError) as raised:
            load(library / "ferry-strike-ferry-1.md")
        assert "export" in raised.value.reason
        problems = scan([library / "ferry-strike-ferry-1.md"]).problems
        assert len(problems) == 1 and "not an article" in problems[0].reason
