"""End to end: the installed `tuireader` in a real terminal (tmux), driven by keystrokes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import uuid
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

TMUX = shutil.which("tmux")
if TMUX is None:
    if os.environ.get("TUIREADER_E2E_REQUIRED"):
        raise RuntimeError("tmux is required for the end-to-end tests here but is not installed")
    pytest.skip("tmux is not installed: the real-terminal test needs it", allow_module_level=True)

PATIENCE = 30.0
"""Seconds to wait for the screen before declaring the app broken (not a speed check)."""


def installed_tuireader() -> str:
    beside_python = Path(sys.executable).with_name("tuireader")
    found = str(beside_python) if beside_python.exists() else shutil.which("tuireader")
    if found is None:
        pytest.fail("the tuireader console script is not installed (pip install -e .)")
    return found


def terminal_environment() -> dict[str, str]:
    """Our environment minus what would lie to the app about its terminal.

    Test runners export COLUMNS/LINES (80x24), and programs prefer them to the real size.
    """
    hidden = {"COLUMNS", "LINES", "TMUX", "TMUX_PANE"}
    return {key: value for key, value in os.environ.items() if key not in hidden}


class Terminal:
    """One tmux session on a private socket, so a test never touches the user's tmux."""

    def __init__(self, command: list[str], env: dict[str, str], size: tuple[int, int]) -> None:
        self.socket = f"tuireader-test-{uuid.uuid4().hex[:8]}"
        self.session = "app"
        width, height = str(size[0]), str(size[1])
        # A detached session may start at tmux's default size and resize later; fix the size
        # first, then start the app in the pane, so it sees the terminal it will keep.
        self._tmux(
            "new-session", "-d", "-s", self.session, "-x", width, "-y", height, "sleep 600",
            ";", "set", "-g", "status", "off", ";", "set", "-g", "window-size", "manual",
            ";", "resize-window", "-t", self.session, "-x", width, "-y", height,
        )
        env_args = [f"{key}={value}" for key, value in env.items()]
        self._tmux(
            "respawn-pane", "-k", "-t", self.session,
            "env", "-u", "COLUMNS", "-u", "LINES", *env_args, *command,
        )

    def _tmux(self, *args: str) -> str:
        result = subprocess.run(
            [TMUX, "-L", self.socket, *args],
            capture_output=True, text=True, check=False, env=terminal_environment(),
        )
        return result.stdout

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", self.session)

    def press(self, *keys: str) -> None:
        for key in keys:
            self._tmux("send-keys", "-t", self.session, key)

    def wait_for(self, predicate: Callable[[str], bool], what: str) -> str:
        deadline = time.monotonic() + PATIENCE
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if predicate(screen):
                return screen
            time.sleep(0.1)
        pytest.fail(f"timed out waiting for {what}; the screen was:\n{screen}")

    def pid(self) -> int:
        """The app's process (`env` execs it in the pane)."""
        return int(self._tmux("display-message", "-p", "-t", self.session, "#{pane_pid}"))

    def alive(self) -> bool:
        result = subprocess.run(
            [TMUX, "-L", self.socket, "has-session", "-t", self.session],
            capture_output=True, check=False,
        )
        return result.returncode == 0

    def close(self) -> None:
        subprocess.run([TMUX, "-L", self.socket, "kill-server"], capture_output=True, check=False)


@pytest.fixture
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    folder.mkdir()
    (folder / "a-first.txt").write_text(
        "Keepers back at Skerry Point\nDate: 2023-05-04\n\n"
        "The keepers came back on Tuesday after two years away.\n",
        encoding="utf-8",
    )
    (folder / "b-second.md").write_text(
        "---\ntitle: Ferry times change in June\ndate: 2023-05-20\n---\n\n"
        "From 1 June 2023 the first ferry leaves at 6:15 a.m. every weekday.\n",
        encoding="utf-8",
    )
    return folder


@pytest.fixture
def launch(tmp_path: Path) -> Iterator[Callable[..., Terminal]]:
    terminals: list[Terminal] = []
    env = {
        "TUIREADER_DATA_DIR": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "TERM": "xterm-256color",
        "COLORTERM": "truecolor",
    }

    def start(library: Path, size: tuple[int, int] = (160, 48)) -> Terminal:
        terminal = Terminal([installed_tuireader(), str(library)], env, size)
        terminals.append(terminal)
        return terminal

    yield start
    for terminal in terminals:
        terminal.close()


def process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie (ended, not yet reaped by tmux's dead server) has ended all the same.
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[-1][:1]
    except OSError:
        return False
    return state != "Z"


def has_panes(screen: str) -> bool:
    return all(title in screen for title in ("Articles", "Reader", "Timeline"))


class TestInRealTerminal:
    def test_opens_three_panes_reads_and_remembers(self, library, launch):
        terminal = launch(library)
        # The list fills just after the first frame (from the index or the scan): wait for it.
        terminal.wait_for(
            lambda s: has_panes(s)
            and "Keepers back at Skerry Point" in s
            and "Ferry times change in June" in s,
            "the three pane titles and both articles in the list",
        )

        # Newest first: the ferry article (20 May) is on top, the keepers (4 May) below it.
        terminal.press("Enter")
        terminal.wait_for(
            lambda s: "6:15 a.m. every weekday" in s, "the ferry article's text in the reader"
        )
        terminal.wait_for(lambda s: "2023-06-01" in s, "the timeline of the second article")

        terminal.press("1", "q")
        deadline = time.monotonic() + PATIENCE
        while terminal.alive() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not terminal.alive(), "q in the article list should quit the app"

        again = launch(library)
        again.wait_for(
            lambda s: has_panes(s) and "6:15 a.m. every weekday" in s,
            "the relaunched app to reopen the last article",
        )

    def test_closing_the_terminal_keeps_what_was_marked(self, library, launch, tmp_path):
        """Reading state reaches the disk every few seconds; closing the terminal (SIGHUP to
        the app) right after `m` and `f` must not lose them."""
        terminal = launch(library)
        terminal.wait_for(lambda s: has_panes(s) and "Ferry times change in June" in s,
                          "the list")
        terminal.wait_for(lambda s: "2 unread" in s, "the reading state to load")
        terminal.press("m", "f")  # the ferry article (on top): read and starred
        terminal.wait_for(lambda s: "1 unread" in s, "the mark to show")
        app = terminal.pid()
        terminal.close()  # tmux's server goes: the app gets SIGHUP, as from a closed window
        deadline = time.monotonic() + PATIENCE
        while process_exists(app) and time.monotonic() < deadline:
            time.sleep(0.05)
        log_file = tmp_path / "data" / "tuireader.log"
        log = log_file.read_text(encoding="utf-8") if log_file.exists() else ""
        assert not process_exists(app), f"the app should end when its terminal closes:\n{log}"
        if "after a signal to end: ending the process" in log:
            # Ended all the same, by its watch, and nothing is lost (checked below): say why
            # the exit hung, with every thread's stack.
            warnings.warn(f"the app's exit hung after the hang-up:\n{log}", stacklevel=1)

        listed = subprocess.run(
            [installed_tuireader(), "list", "--json", str(library)],
            capture_output=True, text=True, check=True,
            env={**terminal_environment(), "TUIREADER_DATA_DIR": str(tmp_path / "data")},
            timeout=PATIENCE,
        ).stdout
        states = {row["title"]: (row["read"], row["starred"])
                  for row in map(json.loads, listed.splitlines())}
        assert states == {"Ferry times change in June": (True, True),
                          "Keepers back at Skerry Point": (False, False)}

    def test_one_file_opens_in_the_reader_at_once(self, library, launch):
        """`tuireader FILE`, as `less FILE`: the text with no key pressed, right under a
        one-line header at 80x24."""
        terminal = launch(library / "b-second.md", (80, 24))
        screen = terminal.wait_for(lambda s: "From 1 June 2023 the first ferry" in s,
                                   "the file's text, with no key pressed")
        lines = screen.splitlines()
        header = next(i for i, line in enumerate(lines) if "Ferry times change in June" in line)
        assert "2023-05-20" in lines[header]
        assert "From 1 June 2023" in lines[header + 1]
