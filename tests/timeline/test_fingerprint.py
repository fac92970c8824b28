"""The timeline cache is keyed by the source of what finds events, and the library's row
cache also by what makes rows: every module they import is in the key, nothing else."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tuireader.timeline import fingerprint
from tuireader.timeline.fingerprint import EXTRACTION_MODULES, ROWS_MODULES

ALWAYS = {"tuireader.timeline", "tuireader.timeline.fingerprint"}


def timeline_modules_imported_by(module: str) -> set[str]:
    code = f"import sys, {module}; print('\\n'.join(sys.modules))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True).stdout.split()
    return {name for name in loaded if name.startswith("tuireader.timeline")} - ALWAYS


def covered(name: str, names: tuple[str, ...]) -> bool:
    return name.removeprefix("tuireader.timeline.").split(".")[0] in names


@pytest.mark.parametrize(("module", "keyed_by"), [
    ("tuireader.timeline.extractor", EXTRACTION_MODULES),
    ("tuireader.timeline.rows", EXTRACTION_MODULES + ROWS_MODULES),
])
def test_everything_the_module_runs_is_in_its_key(module: str, keyed_by: tuple[str, ...]) -> None:
    missing = {name for name in timeline_modules_imported_by(module)
               if not covered(name, keyed_by)}
    assert missing == set()


def test_a_change_to_the_library_timeline_keeps_the_extractions(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("extractor", "library", "rows"):
        (tmp_path / f"{name}.py").write_text(f"# {name}\n", encoding="utf-8")
    monkeypatch.setattr(fingerprint, "PACKAGE", tmp_path)
    before = fingerprint.source_fingerprint("extractor")
    rows_before = fingerprint.source_fingerprint("rows")
    (tmp_path / "library.py").write_text("# changed\n", encoding="utf-8")
    assert fingerprint.source_fingerprint("extractor") == before
    (tmp_path / "extractor.py").write_text("# changed\n", encoding="utf-8")
    assert fingerprint.source_fingerprint("extractor") != before
    assert fingerprint.source_fingerprint("rows") == rows_before
