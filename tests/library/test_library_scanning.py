"""Scanning folders and files, loading one article, and re-reading an article's text."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from tuireader.library import (
    Article,
    LoadError,
    LoadProblem,
    iter_scan,
    load,
    read_text,
    scan,
)
from tuireader.locations import bundled_samples

WriteFile = Callable[..., Path]


def _names(root: Path, paths: list[Path]) -> list[str]:
    return [path.relative_to(root).as_posix() for path in paths]


class TestScanWalk:
    def test_recursive_sorted_skipping_hidden_and_unknown(
        self, write: WriteFile, tmp_path: Path
    ) -> None:
        write("b.txt", "B\n\nbody\n")
        write("A.md", "# A\n")
        write("sub/c.markdown", "# C\n")
        write("sub/deeper/d.txt", "D\n")
        write(".hidden.txt", "Hidden\n")
        write(".git/e.txt", "Inside hidden dir\n")
        write("notes.docx", b"PK\x03\x04")
        write("README", "no suffix\n")
        result = scan([tmp_path])
        assert result.problems == []
        assert _names(tmp_path, [a.path for a in result.articles]) == [
            "A.md",
            "b.txt",
            "sub/c.markdown",
            "sub/deeper/d.txt",
        ]
        assert [a.title for a in result.articles] == ["A", "B", "C", "D"]

    @pytest.mark.parametrize(
        ("roots", "titles"),
        [
            (["z.txt", "dir", "."], ["Z", "A"]),
            ([".", "dir", "z.txt"], ["A", "Z"]),
            (["dir", "link-to-dir"], ["A"]),
        ],
        ids=["file-then-dir-then-parent", "parent-then-children", "symlinked-folder"],
    )
    def test_roots_in_given_order_and_each_file_loaded_once(
        self, write: WriteFile, tmp_path: Path, roots: list[str], titles: list[str]
    ) -> None:
        write("z.txt", "Z\n")
        write("dir/a.txt", "A\n")
        (tmp_path / "link-to-dir").symlink_to(tmp_path / "dir")
        result = scan([tmp_path / root for root in roots])
        assert [a.title for a in result.articles] == titles
        assert result.problems == []

    def test_iter_scan_yields_as_it_goes(self, write: WriteFile, tmp_path: Path) -> None:
        write("a.txt", "A\n")
        write("b.txt", "B\n")
        items = iter_scan([tmp_path])
        first = next(items)
        assert isinstance(first, Article)
        assert first.title == "A"
        write("b.txt", "B loaded only when reached\n")
        assert [item.title for item in items if isinstance(item, Article)] == [
            "B loaded only when reached"
        ]

    def test_accepts_strings(self, write: WriteFile, tmp_path: Path) -> None:
        write("a.txt", "A\n")
        assert [a.title for a in scan([str(tmp_path)]).articles] == ["A"]

    def test_symlink_loop_terminates(self, write: WriteFile, tmp_path: Path) -> None:
        write("lib/a.txt", "A\n")
        (tmp_path / "lib" / "loop").symlink_to(tmp_path / "lib")
        assert [a.title for a in scan([tmp_path / "lib"]).articles] == ["A"]


class TestScanProblems:
    def test_problems_are_reported_and_good_articles_kept(
        self, write: WriteFile, tmp_path: Path
    ) -> None:
        write("1-good.txt", "Good\n")
        write("2-empty.txt", "")
        write("3-binary.md", b"\x00\x01\x02binary")
        write("4-bad-yaml.md", "---\ntitle: a: b\n---\n")
        write("5-bad-date.txt", "Dated\nDate: the other day\n\nBody\n")
        result = scan([tmp_path])
        assert [a.title for a in result.articles] == ["Good", "a: b", "Dated"]
        assert result.articles[1].warnings == (
            "front matter is not valid YAML (line 2: mapping values are not allowed here); "
            "read line by line",)
        assert result.articles[2].warnings == ("date 'the other day' not understood",)
        assert [(p.path.name, p.reason) for p in result.problems] == [
            ("2-empty.txt", "empty file"),
            ("3-binary.md", "binary file, not an article"),
        ]

    @pytest.mark.parametrize(
        ("name", "reason"),
        [
            ("photo.xyz", "unsupported file type .xyz"),
            ("Makefile", "unsupported file type (no suffix)"),
        ],
    )
    def test_explicit_file_of_unknown_type(self, write: WriteFile, name: str, reason: str) -> None:
        path = write(name, "text\n")
        assert scan([path]).problems == [LoadProblem(path, reason)]

    def test_nonexistent_path(self, tmp_path: Path) -> None:
        missing = tmp_path / "nowhere"
        assert list(iter_scan([missing])) == [LoadProblem(missing, "no such file or directory")]

    def test_explicit_hidden_file_is_loaded(self, write: WriteFile) -> None:
        path = write(".draft.txt", "Draft\n")
        assert [a.title for a in scan([path]).articles] == ["Draft"]

    def test_unreadable_folder(
        self, write: WriteFile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        write("open/a.txt", "A\n")
        write("locked/b.txt", "B\n")
        real_scandir = os.scandir
        locked = tmp_path / "locked"

        def scandir(path: Path) -> object:
            if Path(path) == locked:
                raise PermissionError(errno.EACCES, "Permission denied", str(path))
            return real_scandir(path)

        monkeypatch.setattr(os, "scandir", scandir)
        result = scan([tmp_path])
        assert [a.title for a in result.articles] == ["A"]
        assert result.problems == [LoadProblem(locked, "cannot open folder: permission denied")]

    def test_unreadable_file(
        self, write: WriteFile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        secret = write("secret.txt", "S\n")
        write("public.txt", "P\n")
        real_open = Path.open

        def fake_open(self: Path, *args: object, **kwargs: object) -> object:
            if self == secret:
                raise PermissionError(errno.EACCES, "Permission denied", str(self))
            return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

        monkeypatch.setattr(Path, "open", fake_open)
        result = scan([tmp_path])
        assert [a.title for a in result.articles] == ["P"]
        assert result.problems == [LoadProblem(secret, "permission denied")]


class TestLoad:
    def test_load_returns_article_and_text_with_body_offset(self, write: WriteFile) -> None:
        path = write("a.txt", "Title\nSource: Wire\n\n\x1b[31mRed\x1b[0m alert\n")
        loaded = load(path)
        assert loaded.article.path == path
        assert loaded.article.source == "Wire"
        assert loaded.text.body == "␛[31mRed␛[0m alert\n"
        assert loaded.text.content[loaded.text.body_start :] == loaded.text.body

    @pytest.mark.parametrize(
        ("make", "reason"),
        [
            (lambda root: root / "missing.txt", "no such file or directory"),
            (lambda root: root / "x.unknown", "unsupported file type .unknown"),
        ],
        ids=["missing", "unknown-suffix"],
    )
    def test_load_errors(self, tmp_path: Path, make: Callable[[Path], Path], reason: str) -> None:
        path = make(tmp_path)
        with pytest.raises(LoadError) as caught:
            load(path)
        assert (caught.value.path, caught.value.reason) == (path, reason)

    def test_load_a_directory_named_like_an_article(self, tmp_path: Path) -> None:
        folder = tmp_path / "folder.txt"
        folder.mkdir()
        with pytest.raises(LoadError) as caught:
            load(folder)
        assert caught.value.reason == "is a directory, not a file"


class TestReadText:
    def test_reads_the_current_file(self, write: WriteFile) -> None:
        path = write("a.txt", "Title\n\nOld body\n")
        article = scan([path]).articles[0]
        path.write_text("Title\n\nNew body\n")
        assert read_text(article).body == "New body\n"

    @pytest.mark.parametrize(
        ("change", "reason"),
        [
            (lambda p: p.write_bytes(b"\x00\x00binary"), "binary file, not an article"),
            (lambda p: p.write_bytes(b""), "empty file"),
            (lambda p: p.unlink(), "no such file or directory"),
        ],
        ids=["binary", "emptied", "deleted"],
    )
    def test_file_changed_into_something_unreadable(
        self, write: WriteFile, change: Callable[[Path], object], reason: str
    ) -> None:
        path = write("a.txt", "Title\n\nBody\n")
        article = scan([path]).articles[0]
        change(path)
        with pytest.raises(LoadError) as caught:
            read_text(article)
        assert (caught.value.path, caught.value.reason) == (path, reason)

    def test_markdown_body_offset(self, write: WriteFile) -> None:
        path = write("a.md", "---\ntitle: T\n---\n\nBody\n")
        article = replace(scan([path]).articles[0])
        text = read_text(article)
        assert text.body == "Body\n"
        assert text.body_start == len("---\ntitle: T\n---\n\n")


class TestBundledSamples:
    def test_bundled_samples_all_load_without_problems(self) -> None:
        samples = bundled_samples()
        if not samples.is_dir() or not any(samples.iterdir()):
            pytest.skip("no bundled samples in this checkout")
        result = scan([samples])
        assert result.problems == []
        assert result.articles
        assert all(a.date is not None and a.warnings == () for a in result.articles)
        assert len({a.id for a in result.articles}) == len(result.articles)
