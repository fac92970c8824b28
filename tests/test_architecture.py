"""The arrows point one way: the domain and the command line never import Textual."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

HEADLESS = [
    "tuireader.library",
    "tuireader.timeline",
    "tuireader.store",
    "tuireader.export",
    "tuireader.web.extraction",
    "tuireader.cli",
    "tuireader.commands.listing",
    "tuireader.commands.cat",
    "tuireader.commands.timeline",
    "tuireader.commands.library_timeline",
    "tuireader.timeline.library_build",
    "tuireader.export.library_timeline",
    "tuireader.commands.export",
    "tuireader.commands.notes",
    "tuireader.feeds.refreshing",
    "tuireader.feeds.adding",
    "tuireader.feeds.opml",
    "tuireader.commands.feeds",
    "tuireader.commands.opml",
]


def modules_after(code: str) -> set[str]:
    script = textwrap.dedent(code) + "\nimport sys\nprint('\\n'.join(sorted(sys.modules)))\n"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return set(result.stdout.split())


IMPORT_EACH = """
import importlib, json, sys
found = {}
for module in sys.argv[1:]:
    importlib.import_module(module)
    found[module] = sorted(name for name in sys.modules if name.split(".")[0] == "textual")
print(json.dumps(found))
"""


@pytest.fixture(scope="module")
def textual_after_each() -> dict[str, list[str]]:
    """The Textual modules loaded once each headless module is imported, in one fresh
    interpreter: a module that pulls Textual in is the first whose list is not empty (one
    process for all: a process per module cost ~0.2 s of CPU each)."""
    result = subprocess.run([sys.executable, "-c", IMPORT_EACH, *HEADLESS],
                            capture_output=True, text=True, check=True)
    found: dict[str, list[str]] = json.loads(result.stdout)
    return found


@pytest.mark.parametrize("module", HEADLESS)
def test_headless_module_does_not_import_textual(
        module: str, textual_after_each: dict[str, list[str]]) -> None:
    assert module in textual_after_each
    assert textual_after_each[module] == []


def test_a_cli_command_runs_without_textual(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("A title\nDate: 2022-09-01\n\nIt happened on Thursday.\n")
    loaded = modules_after(f"""
        import os, contextlib, io
        os.environ["TUIREADER_DATA_DIR"] = {str(tmp_path / 'data')!r}
        from tuireader.cli import main
        with contextlib.redirect_stdout(io.StringIO()):
            main(["timeline", {str(article)!r}, "--json"])
            main(["list", {str(article)!r}])
    """)
    assert "tuireader.commands.timeline" in loaded
    assert "textual" not in loaded
