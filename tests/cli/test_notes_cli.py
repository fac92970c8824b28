"""`tuireader notes list|add`, driven as a script would: in-process and as separate processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import fake_disk
from tuireader.cli import main

ARTICLE = (
    "Harbour bridge reopens after repairs\n"
    "Date: 2023-05-04\n"
    "Source: https://example.org/bridge\n"
    "\n"
    "The bridge reopened at 6 a.m. on Thursday after eight months of repairs.\n"
    "\n"
    "Traffic was light.  The bridge  will close\nagain for inspection in June.\n"
)
SRC = Path(__file__).resolve().parents[2] / "src"
TESTS = Path(__file__).resolve().parents[1]


@pytest.fixture
def article(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    folder.mkdir()
    path = folder / "bridge.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def body_of(path: Path) -> tuple[str, int]:
    content = path.read_text(encoding="utf-8")
    body_start = content.index("The bridge reopened")
    return content[body_start:], body_start


def add(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["notes", "add", *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def listed(capsys: pytest.CaptureFixture[str], *paths: Path) -> list[dict[str, object]]:
    assert main(["notes", "list", *map(str, paths), "--json"]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


class TestAdd:
    def test_prints_the_id_of_a_note_found_by_list(self, article: Path, capsys) -> None:
        status, out, err = add(capsys, str(article), "--text", "finally", "--quote",
                               "eight months of repairs")
        assert status == 0 and err == ""
        note_id = out.strip()
        [row] = listed(capsys, article)
        body, body_start = body_of(article)
        start = body.index("eight months") + body_start
        assert row["id"] == note_id
        assert row["text"] == "finally"
        assert row["quote"] == "eight months of repairs"
        assert (row["start"], row["end"]) == (start, start + len("eight months of repairs"))
        assert row["body_start"] == body_start
        assert row["status"] == "exact"
        assert row["title"] == "Harbour bridge reopens after repairs"

    def test_quote_matching_ignores_whitespace_differences(self, article: Path, capsys) -> None:
        status, _, _ = add(capsys, str(article), "--text", "when?", "--quote",
                           "The bridge will close again")
        assert status == 0
        [row] = listed(capsys, article)
        assert row["quote"] == "The bridge  will close\nagain"

    @pytest.mark.parametrize("quote", ["not in the article", "   "])
    def test_quote_not_found_saves_nothing(self, article: Path, capsys, quote: str) -> None:
        status, out, err = add(capsys, str(article), "--text", "x", "--quote", quote)
        assert status == 2 and out == ""
        assert "nothing was saved" in err and "Traceback" not in err
        assert listed(capsys, article) == []

    def test_ambiguous_quote_takes_the_first_and_says_so(self, article: Path, capsys) -> None:
        status, _, err = add(capsys, str(article), "--text", "x", "--quote", "bridge")
        assert status == 0
        assert "occurs 2 times" in err and "--occurrence" in err
        body, body_start = body_of(article)
        assert listed(capsys, article)[0]["start"] == body.index("bridge") + body_start

    def test_occurrence_picks_another_match(self, article: Path, capsys) -> None:
        status, _, err = add(capsys, str(article), "--text", "x", "--quote", "bridge",
                             "--occurrence", "2")
        assert status == 0 and err == ""
        body, body_start = body_of(article)
        second = body.index("bridge", body.index("bridge") + 1)
        assert listed(capsys, article)[0]["start"] == second + body_start

    def test_occurrence_out_of_range(self, article: Path, capsys) -> None:
        status, _, err = add(capsys, str(article), "--text", "x", "--quote", "bridge",
                             "--occurrence", "3")
        assert status == 2 and "occurs 2 times" in err

    def test_note_on_the_whole_article(self, article: Path, capsys) -> None:
        assert add(capsys, str(article), "--text", "good news")[0] == 0
        [row] = listed(capsys, article)
        assert (row["quote"], row["start"], row["status"]) == (None, None, "article")

    def test_text_from_standard_input(self, article: Path, capsys, monkeypatch) -> None:
        import io

        monkeypatch.setattr(sys, "stdin", io.StringIO("line one\n\n- item\n"))
        assert add(capsys, str(article), "--text", "-")[0] == 0
        assert listed(capsys, article)[0]["text"] == "line one\n\n- item\n"

    def test_event_note(self, article: Path, capsys) -> None:
        assert main(["timeline", str(article), "--json"]) == 0
        events = json.loads(capsys.readouterr().out)["events"]
        june = next(e for e in events if e["text"] == "June")
        status, _, _ = add(capsys, str(article), "--text", "which day?", "--event", june["id"])
        assert status == 0
        [row] = listed(capsys, article)
        assert row["event_id"] == june["id"]
        assert (row["start"], row["end"]) == (june["start"], june["end"])

    def test_unknown_event(self, article: Path, capsys) -> None:
        status, _, err = add(capsys, str(article), "--text", "x", "--event", "e000")
        assert status == 2 and "no timeline event" in err

    def test_empty_note_without_quote_is_refused(self, article: Path, capsys) -> None:
        status, _, err = add(capsys, str(article), "--text", "")
        assert status == 2 and "empty" in err

    def test_missing_article(self, tmp_path: Path, capsys) -> None:
        status, _, err = add(capsys, str(tmp_path / "nope.txt"), "--text", "x")
        assert status == 2 and "nope.txt" in err and "Traceback" not in err


class TestList:
    def test_orphaned_notes_are_flagged(self, article: Path, capsys) -> None:
        add(capsys, str(article), "--text", "light?", "--quote", "Traffic was light.")
        article.write_text(ARTICLE.replace("Traffic was light.", "Queues formed."), "utf-8")
        [row] = listed(capsys, article)
        assert row["status"] == "orphaned"
        assert row["quote"] == "Traffic was light."
        assert row["start"] is None
        assert main(["notes", "list", str(article)]) == 0
        out = capsys.readouterr().out
        assert "ORPHANED" in out and "light?" in out and "Traffic was light." in out

    def test_human_output_has_title_quote_text_and_time(self, article: Path, capsys) -> None:
        add(capsys, str(article), "--text", "finally\nsecond line", "--quote", "eight months")
        assert main(["notes", "list", str(article)]) == 0
        out = capsys.readouterr().out
        assert out.splitlines()[0] == "Harbour bridge reopens after repairs"
        assert "“eight months”" in out and "finally" in out and "second line" in out
        assert "updated 20" in out

    def test_human_output_shows_the_date_of_an_event_note(self, article: Path, capsys) -> None:
        assert main(["timeline", str(article), "--json"]) == 0
        events = json.loads(capsys.readouterr().out)["events"]
        june = next(e for e in events if e["text"] == "June")
        add(capsys, str(article), "--text", "which day?", "--event", june["id"])
        assert main(["notes", "list", str(article)]) == 0
        out = capsys.readouterr().out
        assert f"event {june['value']} · updated 20" in out
        assert [row["event_value"] for row in listed(capsys, article)] == [june["value"]]

    def test_notes_in_text_order(self, article: Path, capsys) -> None:
        add(capsys, str(article), "--text", "late", "--quote", "Traffic")
        add(capsys, str(article), "--text", "early", "--quote", "reopened")
        assert [row["text"] for row in listed(capsys, article)] == ["early", "late"]

    def test_no_notes(self, article: Path, capsys) -> None:
        assert main(["notes", "list", str(article)]) == 0
        assert "no notes" in capsys.readouterr().out

    def test_default_is_the_configured_library(
        self, article: Path, tmp_path: Path, capsys
    ) -> None:
        config = tmp_path / "config" / "tuireader"
        config.mkdir(parents=True)
        (config / "config.toml").write_text(f'library = ["{article.parent}"]\n', "utf-8")
        add(capsys, str(article), "--text", "x", "--quote", "Traffic")
        assert [row["path"] for row in listed(capsys)] == [str(article)]


class TestSavingFails:
    """A read-only data dir or a full disk: exit status 1, one line on stderr, and the
    notes saved before are intact. Both are faked in-process (tests/fake_disk.py)."""

    @pytest.mark.parametrize(("fake", "reason"), [(fake_disk.read_only, "not writable"),
                                                  (fake_disk.full, "No space left on device")])
    def test_add_fails_in_one_line_and_keeps_the_saved_notes(
        self, article: Path, data_dir: Path, capsys, monkeypatch, fake, reason: str
    ) -> None:
        status, out, _ = add(capsys, str(article), "--text", "saved", "--quote", "Traffic")
        assert status == 0
        before = fake_disk.snapshot(data_dir)
        fake(data_dir, monkeypatch.setattr)
        status, out, err = add(capsys, str(article), "--text", "lost", "--quote", "Traffic")
        assert status == 1 and out == ""
        assert err.count("\n") == 1 and err.startswith("tuireader: Could not save the note")
        assert reason in err
        assert fake_disk.snapshot(data_dir) == before
        assert [row["text"] for row in listed(capsys, article)] == ["saved"]

    def test_a_data_dir_that_cannot_be_created(self, article: Path, tmp_path: Path, capsys,
                                               monkeypatch) -> None:
        fake_disk.read_only(tmp_path, monkeypatch.setattr)
        status, out, err = add(capsys, str(article), "--text", "x", "--data-dir",
                               str(tmp_path / "absent"))
        assert status == 1 and out == "" and err.count("\n") == 1
        assert err.startswith("tuireader: Could not save the note")

    def test_a_process_on_a_full_disk_prints_no_traceback(
        self, article: Path, data_dir: Path
    ) -> None:
        """In a process of its own, where no test harness catches the log records."""
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), str(TESTS)])}
        assert run("notes", "add", str(article), "--text", "saved", env=env).returncode == 0
        before = fake_disk.snapshot(data_dir)
        script = (
            "import sys\n"
            "from pathlib import Path\n"
            "import fake_disk\n"
            "fake_disk.full(Path(sys.argv[1]), setattr)\n"
            "from tuireader.cli import main\n"
            "sys.exit(main(['notes', 'add', sys.argv[2], '--text', 'lost']))\n"
        )
        child = subprocess.run([sys.executable, "-c", script, str(data_dir), str(article)],
                               capture_output=True, text=True, env=env, check=False)
        assert child.returncode == 1 and child.stdout == ""
        [line] = child.stderr.splitlines()
        assert line.startswith("tuireader: Could not save the note in ")
        assert "No space left on device" in line
        assert fake_disk.snapshot(data_dir) == before


def run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tuireader", *args], capture_output=True, text=True, env=env,
        check=False,
    )


class TestSeparateProcesses:
    def test_a_note_added_by_one_process_is_seen_by_the_next(
        self, article: Path, data_dir: Path
    ) -> None:
        env = {**os.environ, "PYTHONPATH": str(SRC), "TUIREADER_DATA_DIR": str(data_dir)}
        added = run("notes", "add", str(article), "--text", "from a script", "--quote",
                    "Traffic was light.", env=env)
        assert added.returncode == 0, added.stderr
        seen = run("notes", "list", str(article), "--json", env=env)
        assert seen.returncode == 0, seen.stderr
        [row] = [json.loads(line) for line in seen.stdout.splitlines()]
        assert row["id"] == added.stdout.strip()
        assert row["text"] == "from a script"

    def test_help_works_without_a_terminal(self, data_dir: Path) -> None:
        env = {**os.environ, "PYTHONPATH": str(SRC), "TUIREADER_DATA_DIR": str(data_dir)}
        for args in (["notes", "--help"], ["notes", "add", "--help"], ["notes", "list", "-h"]):
            result = run(*args, env=env)
            assert result.returncode == 0 and "usage: tuireader notes" in result.stdout
