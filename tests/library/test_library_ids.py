"""Article ids: stable across moves and cosmetic title edits; collisions keep both articles."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from tuireader.library import load, scan
from tuireader.library.ids import derived_id

WriteFile = Callable[..., Path]


class TestIdStability:
    def test_id_survives_rename_and_move(self, write: WriteFile, tmp_path: Path) -> None:
        path = write("inbox/report.txt", "UN report\nDate: 2022-09-01\n\nBody\n")
        before = load(path).article.id
        moved = tmp_path / "archive" / "2022" / "un-report-final.txt"
        moved.parent.mkdir(parents=True)
        path.rename(moved)
        assert load(moved).article.id == before
        assert [a.id for a in scan([tmp_path]).articles] == [before]

    def test_id_is_a_short_hash_of_normalised_title_and_iso_date(self, write: WriteFile) -> None:
        article = load(write("a.txt", "UN  Report\nDate: 2022-09-01\n\nBody\n")).article
        expected = hashlib.sha1(b"un report\x1f2022-09-01").hexdigest()[:16]
        assert article.id == expected

    @pytest.mark.parametrize(
        ("a", "b"),
        [("UN Report", "un   report"), ("Café", "Cafe\u0301"), ("A\tB", "a b")],
    )
    def test_cosmetic_title_changes_keep_the_id(self, a: str, b: str) -> None:
        assert derived_id(a, None) == derived_id(b, None)

    def test_date_and_title_distinguish(self) -> None:
        ids = {
            derived_id("Vote", date(2022, 9, 1)),
            derived_id("Vote", date(2022, 9, 2)),
            derived_id("Vote", None),
            derived_id("Vote delayed", date(2022, 9, 1)),
        }
        assert len(ids) == 4

    def test_front_matter_id_wins(self, write: WriteFile) -> None:
        article = load(write("a.md", "---\nid: my-own-id\ntitle: T\n---\nBody\n")).article
        assert article.id == "my-own-id"


class TestIdCollisions:
    def test_same_title_and_date_both_kept_with_distinct_ids(
        self, write: WriteFile, tmp_path: Path
    ) -> None:
        write("a/copy.txt", "Same title\nDate: 2022-09-01\n\nFirst version\n")
        write("b/copy.txt", "Same title\nDate: 2022-09-01\n\nSecond version\n")
        articles = scan([tmp_path]).articles
        assert [a.path.parent.name for a in articles] == ["a", "b"]
        first, second = articles
        assert first.id == derived_id("Same title", first.date)
        assert second.id != first.id
        assert len(second.id) == 16

    def test_disambiguation_is_deterministic(self, write: WriteFile, tmp_path: Path) -> None:
        for name in ("x.md", "y.md", "z.md"):
            write(name, "---\nid: shared\ntitle: T\n---\nBody\n")
        runs = [[a.id for a in scan([tmp_path]).articles] for _ in range(2)]
        assert runs[0] == runs[1]
        assert runs[0][0] == "shared"
        assert len(set(runs[0])) == 3
