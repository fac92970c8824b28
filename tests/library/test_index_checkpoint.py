"""Index checkpoints: a scan cut short (cancelled, killed) is resumed, never started over."""

from __future__ import annotations

import logging
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.library.test_index import bump, expected, indexed, md

from tuireader.library import checkpoints as checkpoints_module
from tuireader.library.catalog import Catalog, RefreshResult
from tuireader.library.index import Columns, Progress, load_index, save_index
from tuireader.library.order import sort_for_display

WriteFile = Callable[..., Path]
FILES = 1200


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "cache"


@pytest.fixture
def root(write: WriteFile, tmp_path: Path) -> Path:
    """1,200 articles in 12 folders: progress comes every 500 files, so a scan can stop."""
    for number in range(FILES):
        write(f"lib/{number // 100:02d}/{number:04d}.md", md(f"Story {number}"))
    return tmp_path / "lib"


@pytest.fixture
def every_step(monkeypatch: pytest.MonkeyPatch) -> None:
    """A checkpoint at every progress report, however cheap or costly."""
    monkeypatch.setattr(checkpoints_module, "CHECKPOINT_SECONDS", 0.0)
    monkeypatch.setattr(checkpoints_module, "COST_RATIO", 0)


def cancelled_after_first_report(root: Path, cache: Path) -> RefreshResult:
    """A refresh cancelled at its second progress report (as quitting the app does)."""
    seen: list[int] = []
    result = Catalog([root], cache).refresh(lambda p: seen.append(p.walked), interval=0,
                                            cancelled=lambda: bool(seen),
                                            checkpoint_every=3600)  # only the one on stopping
    assert not result.complete
    return result


def all_files(root: Path) -> set[Path]:
    return set(root.rglob("*.md"))


class TestCancelledScan:
    def test_next_start_reads_only_the_files_not_indexed(
        self, root: Path, cache: Path, parsed: list[Path]
    ) -> None:
        first = cancelled_after_first_report(root, cache)  # and no save(): the app quits
        indexed = {article.path for article in first.articles}
        assert 500 <= len(indexed) == len(set(parsed)) < FILES
        assert first.checkpoints == 1
        parsed.clear()
        again = Catalog([root], cache)
        assert {article.path for article in again.load()} == indexed
        result = again.refresh()
        assert set(parsed) == all_files(root) - indexed
        assert len(parsed) == FILES - len(indexed)
        assert result.complete and result.articles == expected([root])[0]

    def test_files_deleted_or_changed_in_between_are_handled(
        self, root: Path, cache: Path, parsed: list[Path]
    ) -> None:
        indexed = {a.path for a in cancelled_after_first_report(root, cache).articles}
        not_indexed = sorted(all_files(root) - indexed)
        gone, changed = sorted(indexed)[:2]
        (gone_later := not_indexed[0]).unlink()
        gone.unlink()
        bump(changed, md("Story rewritten", "2023-05-05"))
        added = root / "00" / "0000a.md"
        added.write_text(md("Added meanwhile"))
        parsed.clear()
        result = Catalog([root], cache).refresh()
        assert set(parsed) == {changed, added, *not_indexed[1:]}
        titles = [a.title for a in result.articles]
        assert "Story rewritten" in titles and "Added meanwhile" in titles
        assert not {gone, gone_later} & {a.path for a in result.articles}
        assert result.articles == expected([root])[0]
        assert len(result.articles) == FILES - 1

    def test_a_warm_refresh_cancelled_keeps_old_entries_not_reached(
        self, root: Path, cache: Path, parsed: list[Path]
    ) -> None:
        indexed([root], cache)
        early, late = root / "00" / "0001.md", root / "11" / "1150.md"
        bump(early, md("Early change"))
        bump(late, md("Story 1"))  # a late file now claiming an early one's id
        parsed.clear()
        cancelled_after_first_report(root, cache)
        assert parsed == [early]
        parsed.clear()
        again = Catalog([root], cache)
        assert len(again.load()) == FILES
        result = again.refresh()
        assert parsed == [late], "only the change the cancelled walk did not reach is read"
        assert result.articles == expected([root])[0]
        assert len({a.id for a in result.articles}) == FILES


class TestKilledScan:
    def test_a_scan_killed_after_a_checkpoint_resumes_from_it(
        self, root: Path, cache: Path, parsed: list[Path]
    ) -> None:
        script = textwrap.dedent(f"""
            import os
            from pathlib import Path
            from tuireader.library import checkpoints
            from tuireader.library.catalog import Catalog

            checkpoints.COST_RATIO = 0

            def progress(step):
                if step.walked >= 1000:
                    os._exit(9)  # no clean-up at all, as with kill -9 or a power cut

            Catalog([Path({str(root)!r})], Path({str(cache)!r})).refresh(
                progress, interval=0, checkpoint_every=0)
        """)
        killed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
        assert killed.returncode == 9, killed.stderr
        catalog = Catalog([root], cache)
        loaded = catalog.load()
        assert len(loaded) == 1000 and loaded == sort_for_display(loaded)
        result = catalog.refresh()
        assert len(parsed) == FILES - 1000
        assert result.articles == expected([root])[0]


class TestCheckpointPolicy:
    def test_the_index_on_disk_follows_the_walk(
        self, root: Path, cache: Path, every_step: None
    ) -> None:
        on_disk: list[int] = []

        def progress(step: Progress) -> None:
            on_disk.append(len(Catalog([root], cache).load()))

        result = Catalog([root], cache).refresh(progress, interval=0)
        assert on_disk == [500, 1000, 1000], "the end is saved by save(), not a checkpoint"
        assert result.checkpoints == 2

    def test_checkpoints_during_a_warm_refresh_leave_its_ids_alone(
        self, root: Path, cache: Path, every_step: None
    ) -> None:
        indexed([root], cache)
        bump(root / "00" / "0001.md", md("Story 1", "2022-09-01"))  # parsed before a checkpoint
        result = Catalog([root], cache).refresh(interval=0)
        assert result.checkpoints == 1, "at 500; nothing was parsed after it"
        assert [a.id for a in result.articles] == [a.id for a in expected([root])[0]]

    def test_checkpoints_are_spaced_by_what_they_cost(
        self, root: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(checkpoints_module, "COST_RATIO", 10**9)
        result = Catalog([root], cache).refresh(checkpoint_every=0)
        assert result.checkpoints == 1

    def test_a_walk_that_parses_nothing_writes_nothing(
        self, root: Path, cache: Path, every_step: None
    ) -> None:
        indexed([root], cache)
        index_file = next((cache / "library").glob("*.index"))
        before = index_file.stat().st_mtime_ns
        assert Catalog([root], cache).refresh().checkpoints == 0
        assert cancelled_after_first_report(root, cache).checkpoints == 0
        assert index_file.stat().st_mtime_ns == before

    def test_checkpoints_leave_no_temporary_files_and_the_same_index_as_a_full_run(
        self, root: Path, cache: Path, tmp_path: Path, every_step: None
    ) -> None:
        indexed([root], cache)
        assert sorted(p.suffix for p in (cache / "library").iterdir()) == [".head", ".index"]
        plain = tmp_path / "plain-cache"
        unchecked = Catalog([root], plain)
        assert unchecked.refresh(checkpoint_every=10**6).checkpoints == 0
        assert unchecked.save() is None
        with_checkpoints, without = Catalog([root], cache), Catalog([root], plain)
        assert with_checkpoints.load() == without.load() == expected([root])[0]
        assert with_checkpoints.head() == without.head()
        assert with_checkpoints.head()[1] == FILES

    def test_columns_kept_from_another_index_are_not_used(self, root: Path, cache: Path) -> None:
        indexed([root], cache)
        stale = Columns(with_stat=True)
        stale.add(load_index(cache, [root]).entries[:700])
        bump(root / "00" / "0003.md", md("Story 3 revised"))
        indexed([root], cache)
        fresh = load_index(cache, [root])
        save_index(fresh, cache, prefix=stale)
        loaded = Catalog([root], cache).load()
        assert "Story 3 revised" in {a.title for a in loaded}
        assert loaded == expected([root])[0]

    def test_an_unwritable_cache_is_logged_once_and_the_scan_goes_on(
        self, root: Path, tmp_path: Path, every_step: None, caplog: pytest.LogCaptureFixture
    ) -> None:
        blocker = tmp_path / "cache-is-a-file"
        blocker.write_text("")
        catalog = Catalog([root], blocker)
        with caplog.at_level(logging.WARNING, logger="tuireader.library"):
            result = catalog.refresh(interval=0)
        assert result.complete and len(result.articles) == FILES
        assert result.checkpoints == 0
        [record] = [r for r in caplog.records if r.name == "tuireader.library.checkpoints"]
        assert "checkpoint" in record.getMessage() and record.exc_info is not None
        message = catalog.save()
        assert message is not None and str(blocker) in message
