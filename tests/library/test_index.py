"""The library index: saved and loaded, refreshed incrementally, never trusted when damaged."""

from __future__ import annotations

import errno
import logging
import marshal
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tuireader.library import Article, LoadProblem, scan
from tuireader.library import index as index_module
from tuireader.library.catalog import Catalog
from tuireader.library.index import HEAD_SIZE, Progress, index_files
from tuireader.library.order import merge_for_display, sort_for_display

WriteFile = Callable[..., Path]


def md(title: str, when: str = "2022-09-01", extra: str = "") -> str:
    return f"---\ntitle: {title}\ndate: {when}\n{extra}---\n\nBody of {title}.\n"


@pytest.fixture
def lib(write: WriteFile, tmp_path: Path) -> Path:
    """A small library with a sub-folder, a hidden file, an unknown suffix and a broken file."""
    write("lib/2022/a.md", md("Alpha", "2022-09-01"))
    write("lib/2022/b.md", md("Bravo", "2022-09-03T10:00:00", "tags: [x, y]\nsource: Daily\n"))
    write("lib/2021/c.txt", "Charlie\nDate: 3 March 2021\nSource: Ledger\n\nText.\n")
    write("lib/undated.md", "# Delta\n\nNo date here.\n")
    write("lib/.hidden.md", md("Hidden"))
    write("lib/notes.docx", b"PK\x03\x04")
    write("lib/broken.md", b"---\x00\x01 binary")
    write("lib/empty.txt", "")
    return tmp_path / "lib"


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "cache"


def expected(paths: list[Path]) -> tuple[list[Article], list[LoadProblem]]:
    result = scan(paths)
    return sort_for_display(result.articles), result.problems


def indexed(paths: list[Path], cache: Path) -> Catalog:
    """A catalog whose index was built and saved, as after a first run."""
    catalog = Catalog(paths, cache)
    catalog.load()
    catalog.refresh()
    assert catalog.save() is None
    return catalog


def bump(path: Path, content: str | None = None, seconds: int = 5) -> None:
    """Rewrite (optionally) and move the mtime on, as an editor saving later would."""
    if content is not None:
        path.write_text(content)
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + seconds * 10**9))


class TestRoundTrip:
    def test_first_run_has_no_index_and_refresh_matches_scan(self, lib: Path, cache: Path) -> None:
        catalog = Catalog([lib], cache)
        assert catalog.head() == ([], 0)
        assert catalog.load() == []
        assert not catalog.indexed
        result = catalog.refresh()
        articles, problems = expected([lib])
        assert result.articles == articles
        assert [a.title for a in result.articles] == ["Bravo", "Alpha", "Charlie", "Delta"]
        assert result.problems == problems
        assert {p.path.name for p in result.problems} == {"broken.md", "empty.txt"}
        # 7: notes.docx is read too (its first bytes: a feed is one whatever its suffix)
        assert result.changed and result.complete and result.parsed == 7
        assert result.skipped == (lib / "notes.docx",)

    def test_saved_index_loads_the_same_articles_and_problems(
        self, lib: Path, cache: Path
    ) -> None:
        indexed([lib], cache)
        again = Catalog([lib], cache)
        articles, problems = expected([lib])
        assert again.load() == articles
        assert again.indexed
        assert again.problems == problems

    def test_warm_refresh_reads_no_file_and_changes_nothing(self, lib: Path, cache: Path) -> None:
        indexed([lib], cache)
        again = Catalog([lib], cache)
        loaded = again.load()
        result = again.refresh()
        assert (result.parsed, result.changed) == (0, False)
        assert result.articles == loaded
        assert again.save() is None

    def test_dates_tags_warnings_and_feed_survive(self, write: WriteFile, tmp_path: Path,
                                                  cache: Path) -> None:
        write("lib/a.md", md("Zoned", "2022-09-01T10:00:00+02:00", "tags: [a, b]\nauthor: Ana\n"
                             "feed: https://example.org/feed.xml\n"))
        write("lib/b.md", md("Bad date", "sometime soon"))
        write("lib/c.md", md("Moment", "2022-09-01 10:00:00.250000"))
        indexed([tmp_path / "lib"], cache)
        loaded = {a.title: a for a in Catalog([tmp_path / "lib"], cache).load()}
        assert loaded["Zoned"].date == datetime.fromisoformat("2022-09-01T10:00:00+02:00")
        assert loaded["Zoned"].tags == ("a", "b")
        assert loaded["Zoned"].author == "Ana"
        assert loaded["Bad date"].warnings == ("date 'sometime soon' not understood",)
        assert loaded["Moment"].date == datetime(2022, 9, 1, 10, 0, 0, 250000)
        assert loaded["Zoned"].feed == "https://example.org/feed.xml"
        assert loaded["Moment"].feed is None
        assert list(loaded.values()) == expected([tmp_path / "lib"])[0]
        head, _total = Catalog([tmp_path / "lib"], cache).head()
        assert [a.feed for a in head if a.title == "Zoned"] == ["https://example.org/feed.xml"]

    def test_paths_follow_the_roots_as_given(self, lib: Path, cache: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
        indexed([lib], cache)
        monkeypatch.chdir(lib.parent)
        relative = Catalog([Path("lib")], cache)
        loaded = relative.load()
        assert relative.indexed, "the same folder spelled differently shares the index"
        assert {str(a.path) for a in loaded} >= {"lib/2022/a.md", "lib/undated.md"}
        assert loaded == expected([Path("lib")])[0]
        assert relative.refresh().parsed == 0

    def test_file_name_that_is_not_utf8(self, tmp_path: Path, cache: Path) -> None:
        root = tmp_path / "lib"
        root.mkdir()
        (Path(os.fsdecode(bytes(root))) / os.fsdecode(b"caf\xe9.md")).write_text(md("Cafe"))
        indexed([root], cache)
        loaded = Catalog([root], cache).load()
        assert loaded == scan([root]).articles
        assert os.fsencode(loaded[0].path.name) == b"caf\xe9.md"

    def test_one_index_per_set_of_roots(self, lib: Path, cache: Path) -> None:
        indexed([lib], cache)
        other = Catalog([lib / "2022"], cache)
        assert other.load() == []
        assert index_files(cache, [lib]) != index_files(cache, [lib / "2022"])
        assert index_files(cache, [lib, lib / "2022"]) != index_files(cache, [lib / "2022", lib])


class TestHead:
    def test_head_is_the_first_screen_in_display_order_with_the_total(
        self, write: WriteFile, tmp_path: Path, cache: Path
    ) -> None:
        for number in range(HEAD_SIZE + 30):
            day = date(2000, 1, 1).toordinal() + (number * 37) % 900
            write(f"lib/{number:04d}.md", md(f"Story {number % 50}", date.fromordinal(day)
                                             .isoformat()))
        write("lib/undated.md", "# Undated story\n")
        indexed([tmp_path / "lib"], cache)
        head, total = Catalog([tmp_path / "lib"], cache).head()
        articles = expected([tmp_path / "lib"])[0]
        assert total == HEAD_SIZE + 31
        assert head == articles[:HEAD_SIZE]
        assert head[0].date == max(a.date for a in articles if a.date is not None)

    def test_head_of_a_small_library_holds_everything(self, lib: Path, cache: Path) -> None:
        indexed([lib], cache)
        head, total = Catalog([lib], cache).head()
        assert head == expected([lib])[0]
        assert total == 4


class TestIncrementalRefresh:
    def test_changed_file_is_reparsed_and_only_it(self, lib: Path, cache: Path) -> None:
        indexed([lib], cache)
        bump(lib / "2022/a.md", md("Alpha revised", "2022-09-05"))
        catalog = Catalog([lib], cache)
        catalog.load()
        result = catalog.refresh()
        assert result.parsed == 1
        assert result.changed
        assert result.articles[0].title == "Alpha revised"
        assert result.articles == expected([lib])[0]

    @pytest.mark.parametrize("change", ["mtime", "size"])
    def test_stat_key_is_mtime_and_size(self, lib: Path, cache: Path, change: str) -> None:
        indexed([lib], cache)
        target = lib / "2022/a.md"
        before = target.stat()
        if change == "mtime":  # same size, different content: caught by the mtime
            target.write_text(md("Alphx", "2022-09-01"))
            bump(target)
        else:  # longer content written with the old mtime restored: caught by the size
            target.write_text(md("Alpha longer", "2022-09-01"))
            os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
        result = Catalog([lib], cache).refresh()
        assert result.parsed == 1
        assert ("Alphx" if change == "mtime" else "Alpha longer") in {
            a.title for a in result.articles
        }

    @pytest.mark.parametrize("change", ["date-moves", "title-moves", "added", "removed", "all"])
    def test_few_changes_in_a_big_list_keep_the_display_order(
        self, write: WriteFile, tmp_path: Path, cache: Path, change: str
    ) -> None:
        root = tmp_path / "lib"
        for number in range(40):
            day = f"2022-01-{number % 28 + 1:02d}"
            write(f"lib/{number:02d}.md", md(f"Story {number:02d}", day))
        indexed([root], cache)
        if change in ("date-moves", "all"):
            bump(root / "05.md", md("Story 05", "2023-06-01"))
        if change in ("title-moves", "all"):
            bump(root / "30.md", md("A story first among equals", "2022-01-03"))
        if change in ("added", "all"):
            write("lib/new.md", md("New story", "2022-01-15T12:00:00"))
        if change in ("removed", "all"):
            (root / "12.md").unlink()
        result = Catalog([root], cache).refresh()
        assert result.changed
        assert result.articles == expected([root])[0]
        indexed([root], cache)
        assert Catalog([root], cache).head()[0] == expected([root])[0]

    def test_vanished_files_are_dropped_and_new_ones_added(self, lib: Path, cache: Path) -> None:
        indexed([lib], cache)
        (lib / "2021/c.txt").unlink()
        (lib / "2023").mkdir()
        (lib / "2023/e.md").write_text(md("Echo", "2023-01-01"))
        catalog = Catalog([lib], cache)
        catalog.load()
        result = catalog.refresh()
        assert result.parsed == 1
        assert [a.title for a in result.articles] == ["Echo", "Bravo", "Alpha", "Delta"]
        assert result.articles == expected([lib])[0]

    def test_fixed_problem_file_is_reread(self, lib: Path, cache: Path) -> None:
        indexed([lib], cache)
        bump(lib / "empty.txt", "Now written\n\nText.\n")
        result = Catalog([lib], cache).refresh()
        assert "Now written" in {a.title for a in result.articles}
        assert [p.path.name for p in result.problems] == ["broken.md"]

    def test_unreadable_file_made_readable_is_reread_though_mtime_is_unchanged(
        self, lib: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        secret = lib / "2022/a.md"
        real_open = Path.open

        def fake_open(self: Path, *args: object, **kwargs: object) -> object:
            if self == secret:
                raise PermissionError(errno.EACCES, "Permission denied", str(self))
            return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

        with monkeypatch.context() as patch:
            patch.setattr(Path, "open", fake_open)
            catalog = indexed([lib], cache)
            assert LoadProblem(secret, "permission denied") in catalog.problems
        os.chmod(secret, 0o644)  # what the user would do; it changes only the ctime
        result = Catalog([lib], cache).refresh()
        assert result.parsed == 1
        assert "Alpha" in {a.title for a in result.articles}

    def test_problems_are_kept_without_rereading(self, lib: Path, cache: Path,
                                                 parsed: list[Path]) -> None:
        indexed([lib], cache)
        parsed.clear()
        result = Catalog([lib], cache).refresh()
        assert parsed == []
        assert result.problems == expected([lib])[1]


class TestIds:
    def test_ids_match_iter_scan_including_collisions(
        self, write: WriteFile, tmp_path: Path, cache: Path
    ) -> None:
        for name in ("a.md", "b.md", "sub/c.md"):
            write(f"lib/{name}", md("Same story", "2022-09-01"))
        write("lib/d.md", md("Own id", extra="id: custom-1\n"))
        write("lib/e.md", md("Other", extra="id: custom-1\n"))
        root = tmp_path / "lib"
        indexed([root], cache)
        loaded = Catalog([root], cache).load()
        assert sorted((a.id, a.path) for a in loaded) == sorted(
            (a.id, a.path) for a in scan([root]).articles
        )
        assert len({a.id for a in loaded}) == 5

    def test_ids_follow_scan_after_the_first_claimant_goes(
        self, write: WriteFile, tmp_path: Path, cache: Path
    ) -> None:
        first = write("lib/a.md", md("Same story"))
        write("lib/b.md", md("Same story"))
        root = tmp_path / "lib"
        indexed([root], cache)
        first.unlink()
        result = Catalog([root], cache).refresh()
        assert [a.id for a in result.articles] == [a.id for a in scan([root]).articles]
        assert result.parsed == 0, "b.md kept its entry; only its id moved back"
        indexed([root], cache)
        assert Catalog([root], cache).load() == result.articles

    @pytest.mark.parametrize(
        "roots",
        [["lib", "lib/2022"], ["lib/2022/a.md", "lib"], ["lib", "missing"],
         ["lib/notes.docx", "lib"], ["lib", "link"]],
        ids=["nested-roots", "file-root-first", "missing-root", "unsupported-file-root",
             "symlinked-root"],
    )
    def test_same_articles_and_problems_as_scan_for_any_roots(
        self, lib: Path, cache: Path, tmp_path: Path, roots: list[str]
    ) -> None:
        (tmp_path / "link").symlink_to(lib)
        (lib / "loop").symlink_to(lib)
        paths = [tmp_path / root for root in roots]
        articles, problems = expected(paths)
        result = Catalog(paths, cache).refresh()
        assert (result.articles, result.problems) == (articles, problems)
        indexed(paths, cache)
        catalog = Catalog(paths, cache)
        assert (catalog.load(), catalog.problems) == (articles, problems)
        assert catalog.refresh().parsed == 0


class TestDamagedIndex:
    @pytest.mark.parametrize(
        "damage",
        ["truncate", "flip-byte", "altered-title", "empty", "random", "json", "other-version",
         "head-as-index", "valid-checksum-wrong-shape"],
    )
    def test_damaged_index_is_logged_ignored_and_rebuilt(
        self, lib: Path, cache: Path, damage: str, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture,
    ) -> None:
        indexed([lib], cache)
        full, head = index_files(cache, [lib])
        data = full.read_bytes()
        if damage == "truncate":
            full.write_bytes(data[: len(data) // 2])
        elif damage == "flip-byte":
            full.write_bytes(data[:-10] + bytes([data[-10] ^ 0xFF]) + data[-9:])
        elif damage == "altered-title":  # still well-formed marshal data: only the CRC tells
            full.write_bytes(data.replace(b"Alpha", b"Alphz"))
        elif damage == "empty":
            full.write_bytes(b"")
        elif damage == "random":
            full.write_bytes(os.urandom(4096))
        elif damage == "json":
            full.write_text('{"articles": []}')
        elif damage == "other-version":
            monkeypatch.setattr(index_module, "INDEX_VERSION", index_module.INDEX_VERSION + 1)
        elif damage == "head-as-index":
            full.write_bytes(head.read_bytes())
        else:
            payload = marshal.dumps((("/elsewhere",), 1, ((1, 2), ("x",))))
            full.write_bytes(_envelope(b"full", payload))
        catalog = Catalog([lib], cache)
        with caplog.at_level(logging.INFO, logger="tuireader.library"):
            assert catalog.load() == []
        [record] = caplog.records
        assert str(full) in record.getMessage()
        # another version or kind of file is an upgrade or a mix-up, not damage
        quiet = damage in ("other-version", "head-as-index")
        assert record.levelno == (logging.INFO if quiet else logging.WARNING)
        assert not catalog.indexed
        result = catalog.refresh()
        assert result.articles == expected([lib])[0]
        assert result.parsed == 7
        assert catalog.save() is None
        assert Catalog([lib], cache).load() == result.articles

    @pytest.mark.parametrize("damage", ["truncate", "random", "wrong-roots"])
    def test_damaged_head_gives_nothing(self, lib: Path, cache: Path, damage: str) -> None:
        indexed([lib], cache)
        _, head = index_files(cache, [lib])
        data = head.read_bytes()
        if damage == "truncate":
            head.write_bytes(data[:100])
        elif damage == "random":
            head.write_bytes(os.urandom(300))
        else:
            head.write_bytes(_envelope(b"head", marshal.dumps((("/elsewhere",), 3, ()))))
        assert Catalog([lib], cache).head() == ([], 0)

    def test_unwritable_cache_gives_a_message(self, lib: Path, tmp_path: Path) -> None:
        blocker = tmp_path / "cache-is-a-file"
        blocker.write_text("")
        catalog = Catalog([lib], blocker)
        catalog.refresh()
        message = catalog.save()
        assert message is not None
        assert message.startswith(f"could not save the library index in {blocker}")

    def test_save_leaves_no_temporary_files(self, lib: Path, cache: Path) -> None:
        indexed([lib], cache)
        bump(lib / "2022/a.md", md("Alpha 2"))
        indexed([lib], cache)
        assert sorted(p.suffix for p in (cache / "library").iterdir()) == [".head", ".index"]


def _envelope(kind: bytes, payload: bytes) -> bytes:
    """A well-formed file around any payload: only the payload's shape is wrong."""
    import zlib

    header: bytes = index_module._HEADER.pack(kind, index_module.INDEX_VERSION,
                                              zlib.crc32(payload), len(payload), 4)
    return index_module._MAGIC + header + payload


class TestProgress:
    def test_cold_refresh_reports_counts_and_every_article_once(
        self, write: WriteFile, tmp_path: Path, cache: Path
    ) -> None:
        for number in range(1200):
            write(f"lib/{number // 100}/{number:04d}.md", md(f"Story {number}"))
        reports: list[Progress] = []
        result = Catalog([tmp_path / "lib"], cache).refresh(reports.append, interval=0)
        assert [r.walked for r in reports] == [500, 1000, 1200]
        assert reports[-1].done and not reports[0].done
        assert all(r.expected is None for r in reports)
        fresh = [a for r in reports for a in r.fresh]
        assert sorted(a.id for a in fresh) == sorted(a.id for a in result.articles)

    def test_warm_refresh_expects_the_indexed_count(self, lib: Path, cache: Path) -> None:
        indexed([lib], cache)
        reports: list[Progress] = []
        Catalog([lib], cache).refresh(reports.append)
        # 7 with notes.docx, indexed as skipped so that it is not read again
        assert reports[-1] == Progress(walked=7, parsed=0, expected=7, done=True)

    def test_cancelled_refresh_keeps_what_it_indexed(
        self, write: WriteFile, tmp_path: Path, cache: Path
    ) -> None:
        for number in range(1200):
            write(f"lib/{number:04d}.md", md(f"Story {number}"))
        root = tmp_path / "lib"
        catalog = Catalog([root], cache)
        seen: list[int] = []
        result = catalog.refresh(lambda p: seen.append(p.walked), interval=0,
                                 cancelled=lambda: bool(seen))
        assert not result.complete
        assert 500 <= len(result.articles) == result.parsed < 1200
        assert catalog.save() is None
        rest = Catalog([root], cache).refresh()
        assert rest.parsed == 1200 - result.parsed
        assert rest.articles == expected([root])[0]


    def test_stopped_refresh_saves_unique_ids(
        self, write: WriteFile, tmp_path: Path, cache: Path
    ) -> None:
        for number in range(1200):
            write(f"lib/{number:04d}.md", md("Same" if number == 1100 else f"Story {number}"))
        root = tmp_path / "lib"
        indexed([root], cache)
        write("lib/0001a.md", md("Same"))  # met early: takes the id 1100 had
        seen: list[int] = []
        catalog = Catalog([root], cache)
        result = catalog.refresh(lambda p: seen.append(p.walked), interval=0,
                                 cancelled=lambda: bool(seen))
        assert not result.complete
        assert catalog.save() is None
        ids = [a.id for a in Catalog([root], cache).load()]
        assert len(ids) == len(set(ids)) == 1201
        assert sorted(ids) == sorted(a.id for a in scan([root]).articles)


def _reference_order(articles: list[Article]) -> list[Article]:
    """The rule in words: newest first by ISO text to the second, undated last, then title."""
    def stamp(article: Article) -> str:
        return article.date.isoformat()[:19] if article.date is not None else ""

    ordered = sorted(articles, key=lambda a: (a.title.casefold(), a.title, str(a.path)))
    ordered.sort(key=stamp, reverse=True)
    return ordered


_moments = st.one_of(  # few distinct values, so ties (same second, same day) are common
    st.none(),
    st.builds(date, st.just(1990), st.just(1), st.integers(1, 2)),
    st.builds(datetime, st.just(1990), st.just(1), st.integers(1, 2), st.sampled_from([0, 23]),
              st.sampled_from([0, 30]), st.sampled_from([0, 59]),
              st.sampled_from([0, 500_000]),
              tzinfo=st.sampled_from([None, UTC, timezone(timedelta(hours=-5))])),
)
_articles = st.lists(
    st.builds(lambda title, when, n: Article(id=str(n), path=Path(f"/lib/{n}.md"), title=title,
                                             date=when),
              st.sampled_from(["a", "A", "b", "Zeta", "zeta", "É", "e"]), _moments,
              st.integers(0, 5)),
    max_size=30,
)


class TestDisplayOrder:
    def test_newest_first_undated_last_then_title(self, tmp_path: Path) -> None:
        def art(title: str, when: date | datetime | None) -> Article:
            return Article(id=title, path=tmp_path / f"{title}.md", title=title, date=when)

        articles = [
            art("b undated", None), art("a undated", None),
            art("Old", date(2001, 1, 1)), art("zeta", date(2022, 9, 1)),
            art("Alpha", date(2022, 9, 1)), art("evening", datetime(2022, 9, 1, 20, 0)),
            art("morning", datetime(2022, 9, 1, 8, 0)),
        ]
        assert [a.title for a in sort_for_display(articles)] == [
            "evening", "morning", "Alpha", "zeta", "Old", "a undated", "b undated",
        ]

    @settings(max_examples=300, deadline=None)
    @given(_articles)
    def test_same_as_the_rule_in_words(self, articles: list[Article]) -> None:
        assert sort_for_display(articles) == _reference_order(articles)

    @settings(max_examples=300, deadline=None)
    @given(_articles, _articles)
    def test_merging_a_batch_gives_the_sorted_union(
        self, shown: list[Article], batch: list[Article]
    ) -> None:
        displayed = sort_for_display(shown)
        before = list(displayed)
        merged = merge_for_display(displayed, batch)
        assert merged == _reference_order([*shown, *batch])
        assert displayed == before, "the list on screen is not changed in place"


class TestStartupCost:
    def test_head_needs_neither_yaml_nor_the_parsers(self, lib: Path, cache: Path) -> None:
        indexed([lib], cache)
        script = (
            "import sys\n"
            "from pathlib import Path\n"
            "from tuireader.library.catalog import Catalog\n"
            f"rows, total = Catalog([Path({str(lib)!r})], Path({str(cache)!r})).head()\n"
            "print(total, len(rows))\n"
            "print(' '.join(sorted(sys.modules)))\n"
        )
        result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                                check=True)
        counts, modules = result.stdout.splitlines()
        assert counts == "4 4"
        loaded = set(modules.split())
        assert not {"yaml", "tuireader.library.formats", "tuireader.library.loading",
                    "dateparser", "charset_normalizer"} & loaded
