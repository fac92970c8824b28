"""Golden files: the fixture article with fixed notes and times must export byte for byte.

To accept a deliberate change of format, run with TUIREADER_UPDATE_GOLDEN=1 and review the
diff of tests/export/golden/ before committing it.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest
from tests.export.conftest import EXPORTED_AT, FIXTURES, GOLDEN, ferry_item

from tuireader.export import ExportItem, export_articles, render_combined, render_item
from tuireader.library import load
from tuireader.store import ReadingState


def quiet_item() -> ExportItem:
    loaded = load(FIXTURES / "quiet-harbour.txt")
    return ExportItem(loaded.article, loaded.text, (), ReadingState(loaded.article.id), ())


def check_golden(name: str, rendered: str) -> None:
    golden = GOLDEN / name
    if os.environ.get("TUIREADER_UPDATE_GOLDEN"):
        golden.write_bytes(rendered.encode("utf-8"))
    assert golden.read_bytes() == rendered.encode("utf-8")


class TestGoldenFiles:
    def test_single_article(self) -> None:
        check_golden("ferry-strike.md", render_item(ferry_item(), EXPORTED_AT))

    def test_combined(self) -> None:
        check_golden("combined.md", render_combined([ferry_item(), quiet_item()], EXPORTED_AT))

    def test_file_on_disk_is_the_golden_bytes(self, tmp_path: Path) -> None:
        [written] = export_articles([ferry_item()], tmp_path, False, EXPORTED_AT)
        assert written.read_bytes() == (GOLDEN / "ferry-strike.md").read_bytes()


class TestDeterminism:
    def test_same_data_same_bytes(self, tmp_path: Path) -> None:
        first = export_articles([ferry_item()], tmp_path / "a", False, EXPORTED_AT)[0]
        second = export_articles([ferry_item()], tmp_path / "b", False, EXPORTED_AT)[0]
        assert first.name == second.name
        assert first.read_bytes() == second.read_bytes()

    def test_only_exported_at_differs_between_two_times(self) -> None:
        early = render_item(ferry_item(), EXPORTED_AT).splitlines()
        late = render_item(ferry_item(), EXPORTED_AT + timedelta(hours=5)).splitlines()
        differing = [(a, b) for a, b in zip(early, late, strict=True) if a != b]
        assert differing == [
            ("exported_at: '2026-11-27T07:00:00Z'", "exported_at: '2026-11-27T12:00:00Z'")
        ]

    @pytest.mark.parametrize("reverse", [False, True])
    def test_note_order_in_the_store_does_not_matter(self, reverse: bool) -> None:
        item = ferry_item()
        notes = tuple(sorted(item.notes, key=lambda n: n.id, reverse=reverse))
        shuffled = ExportItem(item.article, item.text, item.events, item.state, notes)
        assert render_item(shuffled, EXPORTED_AT) == render_item(item, EXPORTED_AT)
