"""The README's command-line section documents the commands as they are."""

from __future__ import annotations

from pathlib import Path

from tuireader.commands import COMMANDS

README = Path(__file__).resolve().parents[2] / "README.md"


def command_line_section() -> list[str]:
    lines = README.read_text(encoding="utf-8").splitlines()
    start = lines.index("## Command line")
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("## "))
    return lines[start:end]


def test_the_command_table_is_one_table_naming_every_command():
    section = command_line_section()
    rows = [index for index, line in enumerate(section) if line.startswith("|")]
    assert rows == list(range(rows[0], rows[-1] + 1)), "a blank line splits the table"
    table = "\n".join(section[index] for index in rows)
    for command in COMMANDS:
        assert f"`tuireader {command} " in table
