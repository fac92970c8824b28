"""Checks before the app starts: the paths it is given exist, and there is a terminal to draw on.

`tuireader lsit` is a mistyped command, not a library: opening the app on an empty list would
hide the mistake. Started from a pipe or a cron job, the app would wait for keys that never
come. Both are refused with one line (exit status 2) before Textual is imported.
"""

from __future__ import annotations

import difflib
import sys
from collections.abc import Sequence
from pathlib import Path

from tuireader.commands import COMMANDS, CommandError
from tuireader.library import sanitize


def existing_paths(paths: Sequence[Path]) -> list[Path]:
    """The given paths that exist; each missing one is a warning on stderr.

    Raises CommandError when none exists, or when the first looks like a mistyped command.
    """
    missing = [path for path in paths if not path.exists()]
    if not missing:
        return list(paths)
    suggestion = _command_like(paths[0]) if paths[0] in missing else None
    if len(missing) == len(paths) or suggestion is not None:
        names = ", ".join(sanitize(str(path)) for path in missing)
        hint = f"; did you mean `tuireader {suggestion}`?" if suggestion else ""
        raise CommandError(
            f"{names}: no such file or directory; commands: {', '.join(COMMANDS)}{hint}"
        )
    for path in missing:
        print(f"tuireader: warning: {sanitize(str(path))}: no such file or directory "
              "(opening the other paths)", file=sys.stderr)
    return [path for path in paths if path not in missing]


def _command_like(path: Path) -> str | None:
    """The command a bare word is close to (`lsit` → `list`); None for anything path-like."""
    word = str(path)
    if "/" in word or "." in word:
        return None
    close = difflib.get_close_matches(word, COMMANDS, n=1)
    return close[0] if close else None


def has_terminal() -> bool:
    """Whether standard input and output are both a terminal, as the app needs."""
    return sys.stdin is not None and sys.stdout is not None and (
        sys.stdin.isatty() and sys.stdout.isatty()
    )


def require_terminal() -> None:
    if not has_terminal():
        raise CommandError(
            "the app needs a terminal (standard input and output are not one); "
            f"the commands work without one: {', '.join(COMMANDS)}"
        )
