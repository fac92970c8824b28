"""How the benchmarks read tuireader's screen: the one place to change when the UI changes.

The app draws three bordered panes side by side (`│` borders). The list's border title is
`Articles (1)`; its count (`10,000 articles · 10,000 unread · scanning 9,312…`, the tail may
be cut to `…`) is in its title or subtitle; the timeline's title reads
`Timeline (3) · computing…` then `Timeline (3) · N dated`.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from make_library import read_titles
from tmux_screen import Capture, TmuxScreen, find_tuireader, private_env, strip_ansi

PREFIX = 12
LIST_HEADER = re.compile(r"Articles \(1\)(?P<rest>[^╮┐]*)")
LIST_COUNT = re.compile(r"([\d,]+) articles?\b")
TIMELINE_HEADER = re.compile(r"Timeline \(3\)(?P<rest>[^╮┐]*)")
DATED = re.compile(r"([\d,]+) dated")
ROW_MARKS = "●★✓ "
PLACEHOLDERS = ("Loading…", "No article open", "Could not open")


def panes(line: str) -> list[str]:
    """The text of each pane on one screen line (left to right), borders dropped."""
    return [part for index, part in enumerate(line.split("│")) if index % 2 == 1]


def pane_lines(shot: Capture, index: int) -> list[str]:
    """Lines of pane `index` (0 list, 1 reader, 2 timeline), border rows excluded."""
    out = []
    for line in shot.lines:
        parts = panes(line)
        if len(parts) > index:
            out.append(parts[index].rstrip())
    return out


def list_border_texts(shot: Capture) -> list[str]:
    """The list pane's top and bottom border lines (its title and subtitle live there)."""
    out = []
    for line in shot.lines:
        if line[:1] in "╭┌╰└":
            end = min((i for i in (line.find(c) for c in "╮┐╯┘") if i >= 0), default=len(line))
            out.append(line[: end + 1])
    return out


def list_header(shot: Capture) -> str | None:
    for line in list_border_texts(shot):
        if LIST_HEADER.search(line):
            return line
    return None


def list_count(shot: Capture) -> int | None:
    for line in list_border_texts(shot):
        match = LIST_COUNT.search(line)
        if match:
            return int(match.group(1).replace(",", ""))
    return None


def list_scanning(shot: Capture) -> bool:
    """True while a list border says it is scanning (its tail may be cut to `…`)."""
    for line in list_border_texts(shot):
        text = line.rstrip("─╮┐╯┘ ")
        if "scanning" in line or ("article" in line and text.endswith("…")):
            return True
    return False


BACKGROUND = re.compile(r"\x1b\[[0-9;]*?48;[0-9;]*m")


def list_cursor(shot: Capture) -> tuple[int, str] | None:
    """(screen row, text) of the list's highlighted row: the one row with a background
    colour no other row has; None when no single row stands out."""
    rows: list[tuple[int, str, frozenset[str]]] = []
    for number, raw in enumerate(shot.raw.split("\n")):
        parts = raw.split("│")
        if len(parts) < 3:
            continue
        segment = parts[1]
        text = strip_ansi(segment).strip()
        if text:
            rows.append((number, text, frozenset(BACKGROUND.findall(segment))))
    counts: dict[str, int] = {}
    for _, _, backgrounds in rows:
        for code in backgrounds:
            counts[code] = counts.get(code, 0) + 1
    # A background colour found on one row only (the scrollbar's rows share theirs).
    unique = [(number, text) for number, text, backgrounds in rows
              if any(counts[code] == 1 for code in backgrounds)]
    return unique[0] if len(rows) >= 3 and len(unique) == 1 else None


def cursor_moved(before: Capture) -> Callable[[Capture], bool]:
    """The highlighted row changed (row or text), whatever else the scan repainted."""
    old = list_cursor(before)

    def predicate(shot: Capture) -> bool:
        now = list_cursor(shot)
        return now is not None and now != old
    return predicate


@dataclass(frozen=True)
class Library:
    """A generated library and the title prefixes that identify its rows on screen."""

    root: Path
    size: int
    prefixes: frozenset[str]

    @classmethod
    def load(cls, root: Path, size: int) -> Library:
        titles = read_titles(root)
        return cls(root, size, frozenset(title[:PREFIX] for title in titles.values()))

    def rows(self, shot: Capture) -> int:
        """How many list rows show one of this library's titles."""
        count = 0
        for text in pane_lines(shot, 0):
            if text.lstrip(ROW_MARKS)[:PREFIX] in self.prefixes:
                count += 1
        return count

    def painted(self, rows: int) -> Callable[[Capture], bool]:
        """The list's title and at least `rows` rows of article titles are on screen."""
        def predicate(shot: Capture) -> bool:
            return list_header(shot) is not None and self.rows(shot) >= rows
        return predicate

    def complete(self, total: int) -> Callable[[Capture], bool]:
        """The header counts every article and has stopped scanning."""
        def predicate(shot: Capture) -> bool:
            return list_count(shot) == total and not list_scanning(shot)
        return predicate


def reader_progress(shot: Capture) -> int | None:
    """The reader's scroll percentage from its bottom border (`… 42% ─╯`), if shown."""
    for line in reversed(shot.lines):
        if line[:1] in "╰└":
            borders = [part for part in re.split(r"[╯┘]", line) if part]
            if len(borders) >= 2:
                match = re.search(r"(\d+)%", borders[1])
                return int(match.group(1)) if match else None
    return None


def reader_text(shot: Capture) -> list[str]:
    return [line.strip() for line in pane_lines(shot, 1) if line.strip()]


def reader_body_shown(before: Capture | None, min_lines: int = 8) -> Callable[[Capture], bool]:
    """The reader shows body text (several lines, no placeholder) that differs from before."""
    old = reader_text(before) if before is not None else None

    def predicate(shot: Capture) -> bool:
        lines = reader_text(shot)
        if any(p in line for line in lines for p in PLACEHOLDERS):
            return False
        return len(lines) >= min_lines and lines != old
    return predicate


def timeline_done(shot: Capture) -> int | None:
    """The number of dated events once the timeline has been computed, else None."""
    for line in shot.lines[:3]:
        match = TIMELINE_HEADER.search(line)
        if match:
            rest = match.group("rest")
            if "computing" in rest:
                return None
            dated = DATED.search(rest)
            return int(dated.group(1).replace(",", "")) if dated else None
    return None


def timeline_shown(shot: Capture) -> bool:
    """Computed, and the pane lists at least one entry."""
    return timeline_done(shot) is not None and any(
        line.strip() and "No article open" not in line for line in pane_lines(shot, 2))


class AppRun:
    """One tuireader process in its own tmux server, data dir and config dir."""

    def __init__(self, library: Path | list[Path], tuireader: str | None = None,
                 data_root: Path | None = None, env: dict[str, str] | None = None) -> None:
        self.paths = library if isinstance(library, list) else [library]
        self.tuireader = find_tuireader(tuireader)
        self._own_root = data_root is None
        self.root = data_root or Path(tempfile.mkdtemp(prefix="tuireader-bench-"))
        self.env = {**private_env(self.root), **(env or {})}
        self.screen = TmuxScreen()

    def argv(self) -> list[str]:
        return [self.tuireader, *map(str, self.paths), "--data-dir",
                self.env["TUIREADER_DATA_DIR"]]

    def __enter__(self) -> AppRun:
        self.screen.start()
        return self

    def launch(self) -> float:
        return self.screen.launch(self.argv(), self.env)

    def quit(self, timeout: float = 15.0) -> float | None:
        """ctrl+q, then the time until the process has exited (None if it did not)."""
        sent = self.screen.send_keys("C-q")
        try:
            wait = self.screen.wait_for(lambda _shot: self.screen.pane_dead(), sent, timeout,
                                        "the app to exit", screen_only=False)
        except TimeoutError:
            return None
        return wait.elapsed

    def __exit__(self, *exc_info: object) -> None:
        self.screen.close()
        if self._own_root:
            shutil.rmtree(self.root, ignore_errors=True)
