"""`cat`, `timeline`, `notes list` and `export` take an article id from `list --json`, or a
unique prefix of one, wherever they take a path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.cli.conftest import configure_library

from tuireader.cli import main


def article(folder: Path, name: str, article_id: str, title: str) -> Path:
    path = folder / name
    path.write_text(
        f"---\nid: {article_id}\ntitle: {title}\ndate: 2022-09-01\n---\n\n"
        f"{title} was reported on Thursday.\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def configured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A configured library of three articles, and a working directory outside it."""
    folder = tmp_path / "news"
    folder.mkdir()
    article(folder, "one.md", "storm-one", "First storm")
    article(folder, "two.md", "storm-two", "Second storm")
    article(folder, "dam.md", "dam-7f3c", "Dam opens")
    return configure_library(folder, tmp_path, monkeypatch)


def listed_ids(capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    assert main(["list", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    return {row["title"]: row["id"] for row in rows}


class TestById:
    def test_cat_takes_an_id_from_list_json(self, configured, capsys):
        ids = listed_ids(capsys)
        assert main(["cat", ids["Dam opens"], "--json"]) == 0
        shown = json.loads(capsys.readouterr().out)
        assert (shown["id"], shown["path"]) == ("dam-7f3c", str(configured / "dam.md"))

    def test_a_unique_prefix_is_enough(self, configured, capsys):
        assert main(["cat", "dam"]) == 0
        assert capsys.readouterr().out.startswith("Dam opens\n")

    def test_timeline_mixes_ids_and_paths(self, configured, capsys):
        assert main(["timeline", "storm-two", str(configured / "one.md"), "--json"]) == 0
        titles = [json.loads(line)["title"] for line in capsys.readouterr().out.splitlines()]
        assert titles == ["Second storm", "First storm"]

    def test_notes_list_of_one_article_by_id(self, configured, capsys):
        for name in ("one.md", "dam.md"):
            assert main(["notes", "add", str(configured / name), "--text", f"on {name}"]) == 0
        capsys.readouterr()
        assert main(["notes", "list", "dam-7", "--json"]) == 0
        rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        assert [(row["article_id"], row["text"]) for row in rows] == [("dam-7f3c", "on dam.md")]

    def test_export_by_id_exports_that_article_even_without_notes(self, configured, capsys):
        assert main(["export", "storm-one", "--out", "out"]) == 0
        [written] = capsys.readouterr().out.splitlines()
        assert "id: storm-one" in Path(written).read_text(encoding="utf-8")

    def test_an_existing_path_stays_a_path(self, configured, capsys):
        (Path.cwd() / "dam").mkdir()
        article(Path.cwd() / "dam", "local.md", "elsewhere", "A folder named like an id")
        assert main(["timeline", "dam", "--json"]) == 0
        [shown] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        assert shown["title"] == "A folder named like an id"


class TestRefused:
    @pytest.mark.parametrize("command", [["cat"], ["timeline"], ["notes", "list"], ["export"]])
    def test_an_ambiguous_prefix_names_the_candidates(self, configured, command, capsys):
        assert main([*command, "storm"]) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err.count("\n") == 1
        assert captured.err.startswith("tuireader: storm: 2 articles have ids starting so: ")
        assert "storm-one (First storm)" in captured.err
        assert "storm-two (Second storm)" in captured.err

    def test_an_unknown_id_for_cat_is_one_line(self, configured, capsys):
        assert main(["cat", "nothing-like-it"]) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err == (
            "tuireader: nothing-like-it: no such file, directory or article id "
            "(`tuireader list --json` shows the ids)\n"
        )

    @pytest.mark.parametrize("command", [["timeline"], ["notes", "list"], ["export"]])
    def test_an_unknown_id_among_several_is_skipped_as_a_missing_path(
        self, configured, command, capsys
    ):
        """The exit-status contract of these commands: a missing input is skipped with one
        line (status 1) and the rest is still done."""
        assert main([*command, str(configured / "one.md"), "nothing-like-it"]) == 1
        captured = capsys.readouterr()
        assert captured.err.count("\n") == 1
        assert captured.err == "tuireader: skipped nothing-like-it: no such file or directory\n"

    def test_the_rest_is_still_printed(self, configured, capsys):
        assert main(["timeline", str(configured / "one.md"), "nothing-like-it"]) == 1
        assert "First storm" in capsys.readouterr().out

    def test_many_candidates_are_cut_short(self, configured, capsys):
        for number in range(3, 7):
            article(configured, f"s{number}.md", f"storm-{number}", f"Storm {number}")
        assert main(["cat", "storm-"]) == 2
        err = capsys.readouterr().err
        assert "6 articles have ids starting so" in err and err.endswith(
            " and 3 more; give more of the id\n")
