"""`tuireader export`: what a user running it from a shell sees and gets on disk."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tuireader.cli import main

PINNED = "2026-11-27T07:00:00Z"


def note(capsys: pytest.CaptureFixture[str], path: Path, text: str, quote: str) -> str:
    assert main(["notes", "add", str(path), "--text", text, "--quote", quote]) == 0
    return capsys.readouterr().out.strip()


def export(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], str]:
    status = main(["export", *args, "--exported-at", PINNED])
    captured = capsys.readouterr()
    return status, captured.out.splitlines(), captured.err


def front(path: Path) -> dict[str, object]:
    text = path.read_text(encoding="utf-8")
    loaded = yaml.safe_load(text[4 : text.index("\n---\n", 3) + 1])
    assert isinstance(loaded, dict)
    return loaded


class TestOutFolder:
    def test_only_annotated_articles_from_a_folder(
        self, library: Path, tmp_path: Path, capsys
    ) -> None:
        note_id = note(capsys, library / "un.txt", "Which zone?", "11:47 p.m.")
        status, out, err = export(capsys, str(library), "--out", str(tmp_path / "out"))
        assert status == 0, err
        [written] = [Path(line) for line in out]
        assert written.parent == tmp_path / "out"
        assert written.name.startswith("un-rights-office-publishes-xinjiang-assessment-")
        text = written.read_text(encoding="utf-8")
        assert f"^note-{note_id}" in text and "> 11:47 p.m." in text
        assert front(written)["exported_at"] == PINNED

    def test_all_includes_articles_without_notes(
        self, library: Path, tmp_path: Path, capsys
    ) -> None:
        status, out, _ = export(capsys, str(library), "--all", "--out", str(tmp_path / "o"))
        assert status == 0
        assert sorted(front(Path(p))["title"] for p in out) == [
            "Storm season opens", "UN rights office publishes Xinjiang assessment"
        ]

    def test_a_named_file_is_exported_even_without_notes(
        self, library: Path, tmp_path: Path, capsys
    ) -> None:
        status, out, _ = export(capsys, str(library / "storm.md"), "--out", str(tmp_path))
        assert status == 0
        assert front(Path(out[0]))["tags"] == ["weather"]

    def test_default_is_the_current_directory(
        self, library: Path, tmp_path: Path, capsys, monkeypatch
    ) -> None:
        note(capsys, library / "un.txt", "x", "Geneva")
        work = tmp_path / "work"
        work.mkdir()
        monkeypatch.chdir(work)
        status, out, _ = export(capsys, str(library))
        assert status == 0 and Path(out[0]).parent == Path(".")
        assert len(list(work.glob("*.md"))) == 1

    def test_same_export_twice_gives_the_same_bytes(
        self, library: Path, tmp_path: Path, capsys
    ) -> None:
        note(capsys, library / "un.txt", "x", "Geneva")
        _, [first], _ = export(capsys, str(library), "--out", str(tmp_path / "o"))
        before = Path(first).read_bytes()
        _, [second], _ = export(capsys, str(library), "--out", str(tmp_path / "o"))
        assert first == second and Path(second).read_bytes() == before


class TestOutFileAndCombined:
    def test_one_article_to_a_file(self, library: Path, tmp_path: Path, capsys) -> None:
        note(capsys, library / "un.txt", "x", "Geneva")
        target = tmp_path / "un-notes.md"
        status, out, _ = export(capsys, str(library), "--out", str(target))
        assert status == 0 and out == [str(target)]
        assert front(target)["title"] == "UN rights office publishes Xinjiang assessment"

    def test_several_articles_to_a_file_need_combined(
        self, library: Path, tmp_path: Path, capsys
    ) -> None:
        status, out, err = export(capsys, str(library), "--all", "--out",
                                  str(tmp_path / "x.md"))
        assert status == 2 and out == []
        assert "2 articles" in err and not (tmp_path / "x.md").exists()

    def test_combined(self, library: Path, tmp_path: Path, capsys) -> None:
        note(capsys, library / "un.txt", "x", "Geneva")
        note(capsys, library / "storm.md", "y", "busy season")
        target = tmp_path / "all.md"
        status, out, _ = export(capsys, str(library), "--combined", "--out", str(target))
        assert status == 0 and out == [str(target)]
        articles = front(target)["articles"]
        assert isinstance(articles, list) and len(articles) == 2

    def test_combined_into_the_current_directory(
        self, library: Path, tmp_path: Path, capsys, monkeypatch
    ) -> None:
        note(capsys, library / "un.txt", "x", "Geneva")
        monkeypatch.chdir(tmp_path)
        status, out, _ = export(capsys, str(library), "--combined")
        assert status == 0 and out == ["tuireader-export.md"]

    def test_never_overwrites_the_article(self, library: Path, capsys) -> None:
        before = (library / "storm.md").read_bytes()
        status, _, err = export(capsys, str(library / "storm.md"), "--out",
                                str(library / "storm.md"))
        assert status == 2 and "not overwriting" in err
        assert (library / "storm.md").read_bytes() == before


class TestNothingToExport:
    def test_folder_without_notes_is_exit_1_with_a_hint(
        self, library: Path, tmp_path: Path, capsys
    ) -> None:
        status, out, err = export(capsys, str(library), "--out", str(tmp_path / "o"))
        assert status == 1 and out == []
        assert "none of the 2 articles has notes" in err and "--all" in err
        assert not (tmp_path / "o").exists()

    def test_no_articles(self, tmp_path: Path, capsys) -> None:
        empty = tmp_path / "empty"
        empty.mkdir()
        status, _, err = export(capsys, str(empty))
        assert status == 1 and "no articles found" in err


class TestBadInput:
    def test_bad_exported_at(self, library: Path, capsys) -> None:
        assert main(["export", str(library), "--exported-at", "tomorrow"]) == 2
        err = capsys.readouterr().err
        assert "not an ISO 8601 time" in err and "Traceback" not in err

    def test_unreadable_article_is_reported_and_the_rest_exported(
        self, library: Path, tmp_path: Path, capsys
    ) -> None:
        (library / "broken.txt").write_bytes(b"\x00\x01binary\x00" * 40)
        note(capsys, library / "un.txt", "x", "Geneva")
        status, out, err = export(capsys, str(library), "--out", str(tmp_path / "o"))
        assert status == 1 and len(out) == 1
        assert "broken.txt" in err

    def test_help(self, capsys) -> None:
        with pytest.raises(SystemExit) as exit_info:
            main(["export", "--help"])
        assert exit_info.value.code == 0
        out = capsys.readouterr().out
        assert "--combined" in out and "--exported-at" in out and "Exit status" in out


class TestExportIntoTheLibrary:
    def test_warns_that_exports_would_be_read_as_articles(
        self, library: Path, capsys, monkeypatch
    ) -> None:
        note(capsys, library / "un.txt", "x", "Geneva")
        monkeypatch.chdir(library)
        status, out, err = export(capsys, str(library))
        assert status == 0 and len(out) == 1
        assert "inside the library" in err

    def test_no_warning_elsewhere(self, library: Path, tmp_path: Path, capsys) -> None:
        note(capsys, library / "un.txt", "x", "Geneva")
        status, _, err = export(capsys, str(library), "--out", str(tmp_path / "o"))
        assert status == 0 and err == ""
