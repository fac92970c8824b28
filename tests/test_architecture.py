"""The arrows point one way: the domain and the command line never import Textual."""

from __future__ import annotations

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


@pytest.mark.parametrize("module", HEADLESS)
def test_headless_module_does_not_import_textual(module):
    loaded = modules_after(f"import {module}")
    assert module in loaded
    assert not {name for name in loaded if name.split(".")[0] == "textual"}


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
