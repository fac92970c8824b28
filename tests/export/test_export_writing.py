"""Where exports go: stable names, folder or file targets, atomic writes, nothing clobbered."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from tests.export.conftest import EXPORTED_AT, ferry_item

import fake_disk
from tuireader.export import (
    COMBINED_NAME,
    ExportError,
    ExportItem,
    export_articles,
    file_name,
    is_export_file,
    parse_exported_at,
)
from tuireader.library import Article, ArticleText
from tuireader.store import ReadingState


def item(title: str, article_id: str = "0123456789abcdef") -> ExportItem:
    article = Article(id=article_id, path=Path(f"{article_id}.txt"), title=title)
    return ExportItem(article, ArticleText("Body.\n"), (), ReadingState(article_id), ())


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


class TestFileNames:
    @pytest.mark.parametrize(
        "title, expected",
        [
            ("UN report on Xinjiang", "un-report-on-xinjiang-01234567.md"),
            ("Île-de-France: élection à 2 tours!", "ile-de-france-election-a-2-tours-01234567.md"),
            ("../../etc/passwd", "etc-passwd-01234567.md"),
            ("日本語のタイトル", "untitled-01234567.md"),
            ("", "untitled-01234567.md"),
            ("word " * 30, "-".join(["word"] * 12) + "-01234567.md"),
        ],
    )
    def test_slug_of_title_and_short_id(self, title: str, expected: str) -> None:
        assert file_name(item(title).article) == expected

    def test_id_is_made_safe_too(self) -> None:
        assert file_name(item("T", article_id="../a/b c").article) == "t-abc.md"

    def test_same_slug_and_short_id_do_not_overwrite_each_other(self, tmp_path: Path) -> None:
        written = export_articles(
            [item("Same", "aaaaaaaa1111"), item("Same", "aaaaaaaa2222")], tmp_path, False,
            EXPORTED_AT,
        )
        assert [p.name for p in written] == ["same-aaaaaaaa.md", "same-aaaaaaaa2222.md"]


class TestTargets:
    def test_folder_gets_one_file_per_article(self, tmp_path: Path) -> None:
        items = [ferry_item(), item("Second")]
        written = export_articles(items, tmp_path / "new" / "folder", False, EXPORTED_AT)
        assert [p.parent for p in written] == [tmp_path / "new" / "folder"] * 2
        assert all(p.read_text(encoding="utf-8").startswith("---\nid: ") for p in written)
        assert leftovers(tmp_path / "new" / "folder") == []

    def test_default_is_the_current_directory(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.chdir(tmp_path)
        [written] = export_articles([item("Here")], None, False, EXPORTED_AT)
        assert written == tmp_path / "here-01234567.md"

    @pytest.mark.parametrize("name", ["notes.md", "NOTES.MARKDOWN"])
    def test_markdown_path_is_a_file(self, tmp_path: Path, name: str) -> None:
        assert export_articles([item("One")], tmp_path / name, False, EXPORTED_AT) == [
            tmp_path / name
        ]

    def test_file_for_several_articles_needs_combined(self, tmp_path: Path) -> None:
        with pytest.raises(ExportError, match="2 articles"):
            export_articles([item("A", "a1"), item("B", "b1")], tmp_path / "x.md", False,
                            EXPORTED_AT)
        assert list(tmp_path.iterdir()) == []

    def test_combined_into_a_file(self, tmp_path: Path) -> None:
        [written] = export_articles(
            [item("A", "a1"), item("B", "b1")], tmp_path / "all.md", True, EXPORTED_AT
        )
        text = written.read_text(encoding="utf-8")
        assert text.count("\n# ") == 2 and "articles:" in text

    def test_combined_into_a_folder(self, tmp_path: Path) -> None:
        [written] = export_articles([item("A", "a1")], tmp_path, True, EXPORTED_AT)
        assert written == tmp_path / COMBINED_NAME

    def test_nothing_to_write_writes_nothing(self, tmp_path: Path) -> None:
        assert export_articles([], tmp_path / "out", False, EXPORTED_AT) == []
        assert not (tmp_path / "out").exists()


class TestNoClobbering:
    def test_an_earlier_export_is_replaced(self, tmp_path: Path) -> None:
        [first] = export_articles([item("A")], tmp_path, False, EXPORTED_AT)
        later = datetime(2030, 1, 1, tzinfo=UTC)
        [second] = export_articles([item("A")], tmp_path, False, later)
        assert first == second
        assert "exported_at: '2030-01-01T00:00:00Z'" in second.read_text(encoding="utf-8")

    @pytest.mark.parametrize(
        "content", ["my own notes\n", "---\ntitle: An article\n---\nBody\n", ""]
    )
    def test_a_file_we_did_not_write_is_refused(self, tmp_path: Path, content: str) -> None:
        target = tmp_path / "mine.md"
        target.write_text(content, encoding="utf-8")
        with pytest.raises(ExportError, match="not a tuireader export"):
            export_articles([item("A")], target, False, EXPORTED_AT)
        assert target.read_text(encoding="utf-8") == content

    def test_the_article_itself_is_refused(self, tmp_path: Path) -> None:
        article_file = tmp_path / "story.md"
        article_file.write_text("---\ntitle: Story\nexported_at: x\n---\nBody\n", "utf-8")
        story = ExportItem(
            Article(id="s", path=article_file, title="Story"), ArticleText("Body\n"),
            (), ReadingState("s"), (),
        )
        with pytest.raises(ExportError, match="the article being exported"):
            export_articles([story], article_file, False, EXPORTED_AT)

    def test_a_folder_in_the_way_of_a_file_is_refused(self, tmp_path: Path) -> None:
        (tmp_path / "a-01234567.md").mkdir()
        with pytest.raises(ExportError, match="is a folder"):
            export_articles([item("A")], tmp_path, False, EXPORTED_AT)

    def test_a_file_in_the_way_of_the_folder_is_refused(self, tmp_path: Path) -> None:
        (tmp_path / "out").write_text("x", encoding="utf-8")
        with pytest.raises(ExportError, match="not a tuireader export"):
            export_articles([item("A"), item("B", "b1")], tmp_path / "out", True, EXPORTED_AT)
        with pytest.raises(ExportError, match="a file is in the way"):
            export_articles([item("A")], tmp_path / "out" / "sub", False, EXPORTED_AT)

    def test_one_refusal_writes_nothing(self, tmp_path: Path) -> None:
        (tmp_path / "b-b1.md").write_text("someone else's\n", encoding="utf-8")
        with pytest.raises(ExportError):
            export_articles([item("A"), item("B", "b1")], tmp_path, False, EXPORTED_AT)
        assert sorted(p.name for p in tmp_path.iterdir()) == ["b-b1.md"]


class TestAtomicWrites:
    def test_failed_rename_keeps_the_old_export_and_no_temp_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        [target] = export_articles([item("A")], tmp_path, False, EXPORTED_AT)
        before = target.read_bytes()

        def fail(src: object, dst: object) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "replace", fail)
        with pytest.raises(ExportError, match="No space left on device"):
            export_articles([item("A")], tmp_path, False, datetime(2031, 1, 1, tzinfo=UTC))
        assert target.read_bytes() == before
        assert leftovers(tmp_path) == []

    def test_unwritable_folder_is_a_clear_error(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        def denied(*args: object, **kwargs: object) -> int:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(os, "open", denied)  # as root, chmod alone would not stop us
        with pytest.raises(ExportError, match=r"cannot write .*a-01234567\.md: Permission denied"):
            export_articles([item("A")], tmp_path, False, EXPORTED_AT)
        assert list(tmp_path.iterdir()) == []

    def test_a_full_disk_keeps_the_old_export_and_no_temp_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        [target] = export_articles([item("A")], tmp_path, False, EXPORTED_AT)
        before = target.read_bytes()
        fake_disk.full(tmp_path, monkeypatch.setattr)
        with pytest.raises(ExportError, match=r"a-01234567\.md: No space left on device"):
            export_articles([item("A")], tmp_path, False, datetime(2031, 1, 1, tzinfo=UTC))
        monkeypatch.undo()
        assert target.read_bytes() == before
        assert leftovers(tmp_path) == []

    def test_an_export_gets_the_permissions_of_any_file_the_user_makes(
        self, tmp_path: Path
    ) -> None:
        umask = os.umask(0o022)
        os.umask(umask)
        [target] = export_articles([item("A")], tmp_path, False, EXPORTED_AT)
        assert target.stat().st_mode & 0o777 == 0o666 & ~umask

    def test_written_file_is_recognised_as_an_export(self, tmp_path: Path) -> None:
        [target] = export_articles([ferry_item()], tmp_path, False, EXPORTED_AT)
        assert is_export_file(target)


class TestExportedAt:
    @pytest.mark.parametrize(
        "value, expected",
        [
            ("2026-11-27T06:00:00Z", datetime(2026, 11, 27, 6, 0, tzinfo=UTC)),
            ("2026-11-27T08:00:00+02:00", datetime(2026, 11, 27, 6, 0, tzinfo=UTC)),
            ("2026-11-27 06:00", datetime(2026, 11, 27, 6, 0, tzinfo=UTC)),
            ("2026-11-27", datetime(2026, 11, 27, tzinfo=UTC)),
            ("2026-11-27T06:00:00.999Z", datetime(2026, 11, 27, 6, 0, tzinfo=UTC)),
        ],
    )
    def test_accepted_forms(self, value: str, expected: datetime) -> None:
        assert parse_exported_at(value) == expected

    @pytest.mark.parametrize("value", ["yesterday", "27/11/2026", ""])
    def test_rejected_with_the_expected_form(self, value: str) -> None:
        with pytest.raises(ValueError, match="2026-11-27T06:00:00Z"):
            parse_exported_at(value)
