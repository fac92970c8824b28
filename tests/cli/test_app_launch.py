"""`tuireader [PATH...]` before the app starts: mistyped commands, missing paths, no terminal."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tuireader import launch
from tuireader.app import TuiReaderApp
from tuireader.cli import main

SRC = Path(__file__).resolve().parents[2] / "src"


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[list[Path]]:
    """What the app would open, in a terminal, without running it."""
    runs: list[list[Path]] = []
    monkeypatch.setattr(launch, "has_terminal", lambda: True)
    monkeypatch.setattr(TuiReaderApp, "run", lambda app: runs.append(list(app.paths)))
    return runs


class TestMissingPaths:
    def test_a_mistyped_command_is_one_line_with_a_suggestion(self, opened, capsys):
        assert main(["lsit"]) == 2
        err = capsys.readouterr().err
        assert err == (
            "tuireader: lsit: no such file or directory; commands: list, cat, timeline, "
            "export, notes, add, refresh, feeds, unsubscribe, opml; "
            "did you mean `tuireader list`?\n"
        )
        assert opened == []

    def test_an_unknown_command_lists_the_commands(self, opened, capsys):
        assert main(["frobnicate"]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "frobnicate: no such file or directory" in err
        assert ("commands: list, cat, timeline, export, notes, add, refresh, feeds, unsubscribe, "
                "opml") in err
        assert "did you mean" not in err
        assert opened == []

    def test_a_mistyped_command_before_a_folder_is_refused(self, opened, library, capsys):
        assert main(["lsit", str(library)]) == 2
        assert "did you mean `tuireader list`?" in capsys.readouterr().err
        assert opened == []

    def test_no_path_exists(self, opened, tmp_path, capsys):
        assert main([str(tmp_path / "a.md"), str(tmp_path / "b")]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"tuireader: {tmp_path / 'a.md'}, {tmp_path / 'b'}: no such file")
        assert err.count("\n") == 1 and "did you mean" not in err
        assert opened == []

    def test_the_existing_paths_open_and_the_missing_are_named(
        self, opened, library, tmp_path, capsys
    ):
        gone = tmp_path / "gone.md"
        assert main([str(library), str(gone)]) == 0
        assert opened == [[library]]
        err = capsys.readouterr().err
        assert err == (
            f"tuireader: warning: {gone}: no such file or directory (opening the other paths)\n"
        )

    def test_existing_paths_open_quietly(self, opened, library, capsys):
        assert main([str(library)]) == 0
        assert opened == [[library]]
        assert capsys.readouterr().err == ""


class TestNoTerminal:
    @pytest.mark.parametrize("piped", ["stdin", "stdout"])
    def test_refused_in_one_line(self, library, piped, monkeypatch, capsys):
        runs: list[object] = []
        monkeypatch.setattr(TuiReaderApp, "run", runs.append)
        terminal = type("Terminal", (), {"isatty": staticmethod(lambda: True)})()
        monkeypatch.setattr(sys, "stdin" if piped == "stdout" else "stdout", terminal)
        monkeypatch.setattr(sys, piped, open(os.devnull, "w"))  # noqa: SIM115
        assert main([str(library)]) == 2
        err = capsys.readouterr().err
        assert err.startswith("tuireader: the app needs a terminal") and err.count("\n") == 1
        assert runs == []

    def test_a_piped_app_exits_at_once_without_importing_textual(self, data_dir):
        code = (
            "import sys\n"
            "from tuireader.cli import main\n"
            "status = main([])\n"
            "print(status, any(name.split('.')[0] == 'textual' for name in sys.modules))\n"
        )
        env = {**os.environ, "PYTHONPATH": str(SRC)}
        done = subprocess.run([sys.executable, "-c", code], stdin=subprocess.DEVNULL,
                              capture_output=True, text=True, env=env, timeout=60, check=False)
        assert done.stdout == "2 False\n"
        assert done.stderr.startswith("tuireader: the app needs a terminal")
        assert done.stderr.count("\n") == 1
