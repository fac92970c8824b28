"""Feed files in the library: one article per entry, whatever the suffix, broken ones recovered
or explained in one line, and files no format reads counted, never dropped silently."""

from __future__ import annotations

import codecs
import gzip
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tuireader.library import LoadError, load, read_text, scan
from tuireader.library.catalog import Catalog
from tuireader.library.formats.feed import looks_like_feed
from tuireader.library.loading import SeveralArticles
from tuireader.library.skipped import skipped_notice

WriteFile = Callable[..., Path]
FIXTURES = Path(__file__).parent.parent / "fixtures" / "feeds"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def rss(items: str, *, prologue: str = '<?xml version="1.0" encoding="UTF-8"?>\n',
        channel: str = "<title>Town news</title><link>https://town.example/</link>") -> str:
    return f'{prologue}<rss version="2.0"><channel>{channel}\n{items}</channel></rss>\n'


def item(title: str, guid: str, text: str, date: str = "Tue, 02 May 2023 09:00:00 +0000") -> str:
    return (f"<item><title>{title}</title><guid>{guid}</guid><pubDate>{date}</pubDate>"
            f"<description>{text}</description></item>\n")


class TestFormats:
    def test_rss_2_entries_are_articles_with_readable_text(self, write: WriteFile) -> None:
        path = write("feeds/harbour.rss", fixture("harbour.rss"))
        result = scan([path])
        assert result.problems == []
        bridge, ferry, gulls = result.articles
        assert [a.path for a in result.articles] == [path] * 3
        assert bridge.title == "Bridge reopens after repairs"
        assert (bridge.author, bridge.source) == ("Mara Lind",
                                                  "https://harbour.example/news/bridge")
        # the entry's own day (4 May, 23:30 at -05:00) is the reference date, not UTC's 5 May
        assert bridge.date == datetime(2023, 5, 4, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
        assert bridge.date is not None and bridge.date.isoformat().startswith("2023-05-04T23:30")
        body = read_text(bridge).body
        assert body.startswith("The harbour bridge reopened on Thursday")
        assert "## What changed" in body and "- A footpath & cycle lane" in body
        assert "<" not in body and "alert" not in body
        assert read_text(ferry).body == "From Monday the first ferry leaves at 6:15.\n"
        # no title: named by the start of its text
        assert gulls.title == "Gulls have returned to the north pier, a week earlier than last year"
        assert {a.format for a in result.articles} == {"feed"}

    def test_rss_1_without_declaration_and_with_crlf(self, write: WriteFile) -> None:
        path = write("letters.rdf", fixture("letters.rdf").replace(b"\n", b"\r\n"))
        [letter] = scan([path]).articles
        assert letter.title == "Wheat roots follow the water"
        assert letter.date == datetime(2019, 8, 27, 10, tzinfo=timezone(timedelta(hours=2)))
        assert read_text(letter).body == (
            "Roots grew towards moisture within two days of planting.\n")

    def test_atom_html_title_is_text_and_markup_is_never_interpreted(
        self, write: WriteFile
    ) -> None:
        [fans] = scan([write("fans.atom", fixture("fans.atom"))]).articles
        assert fans.title == "Quieter fans for [bold]small[/bold] drives"
        assert fans.author == "Ines Roth"
        assert read_text(fans).body == "The new fans run 4 dB quieter than last year's models.\n"

    def test_json_feed(self, write: WriteFile) -> None:
        comet, note = scan([write("sky.json", fixture("sky.json"))]).articles
        assert (comet.title, comet.author, comet.source) == (
            "A comet in the west", "Ilse Brandt", "https://sky.example/42")
        assert note.title == "A note without a title: clouds all week"
        assert read_text(note).body == "A note without a title: clouds all week.\n"

    def test_escape_sequences_in_any_field_are_neutralised(self, write: WriteFile) -> None:
        data = rss(
            "<item><title>Alert \x1b]0;pwned\x07 \u202etxet [b]x[/b]</title><guid>n-1</guid>"
            "<author>ann\x1b[31m@example.org</author>"
            "<link>https://town.example/a\u202e</link>"
            "<description>&lt;p&gt;Body &amp;#27;[2J here&lt;/p&gt;</description></item>")
        [article] = scan([write("nasty.xml", data)]).articles
        assert article.title == "Alert ␛]0;pwned␇ \ufffdtxet [b]x[/b]"
        assert article.author == "ann␛[31m@example.org"
        assert article.source == "https://town.example/a\ufffd"
        assert read_text(article).body == "Body ␛[2J here\n"


class TestAnySuffix:
    @pytest.mark.parametrize("name", ["feed.php", "feed", "news.txt", "index.html"])
    def test_a_feed_is_read_as_one_whatever_its_name(self, write: WriteFile, name: str) -> None:
        write(f"lib/{name}", fixture("harbour.rss"))
        result = scan([write("lib/a.md", "# Other\n").parent])
        assert sorted(a.title for a in result.articles)[:2] == [
            "Bridge reopens after repairs", "Ferry timetable changes"]
        assert len(result.articles) == 4
        assert result.skipped == []

    def test_xml_and_json_that_are_not_feeds_are_counted_as_skipped(
        self, write: WriteFile, tmp_path: Path
    ) -> None:
        write("lib/a.md", "# Story\n")
        write("lib/drawing.xml", '<?xml version="1.0"?>\n<svg width="4"></svg>\n')
        write("lib/data.json", '{"version": 2, "items": []}\n')
        write("lib/paper.pdf", b"%PDF-1.4\n%\xe2\xe3")
        write("lib/notes.docx", b"PK\x03\x04")
        result = scan([tmp_path / "lib"])
        assert [a.title for a in result.articles] == ["Story"]
        assert result.problems == []
        assert sorted(p.name for p in result.skipped) == [
            "data.json", "drawing.xml", "notes.docx", "paper.pdf"]
        assert skipped_notice(result.skipped) == "4 files skipped: .docx, .json, .pdf, .xml"

    def test_named_on_its_own_a_non_feed_says_why(self, write: WriteFile) -> None:
        path = write("drawing.xml", "<svg></svg>\n")
        assert [p.reason for p in scan([path]).problems] == [
            "a .xml file that is not a feed"]

    def test_a_gzipped_feed_is_read_and_other_archives_skipped(
        self, write: WriteFile, tmp_path: Path
    ) -> None:
        write("lib/harbour.rss.gz", gzip.compress(fixture("harbour.rss")))
        write("lib/backup.tar.gz", gzip.compress(b"not a feed at all"))
        write("lib/broken.xml.gz", b"\x1f\x8b not really gzip")
        result = scan([tmp_path / "lib"])
        assert sorted(a.title for a in result.articles)[:2] == [
            "Bridge reopens after repairs", "Ferry timetable changes"]
        assert [p.name for p in result.skipped] == ["backup.tar.gz"]
        assert [(p.path.name, p.reason) for p in result.problems] == [
            ("broken.xml.gz", "not a valid gzip file")]

    def test_sniffing_reads_only_the_first_bytes_of_other_files(self, write: WriteFile) -> None:
        assert looks_like_feed(codecs.BOM_UTF8 + b"\n<!-- c -->\n<?php x?>\n<rss>")
        assert looks_like_feed("<?xml version='1.0' encoding='utf-16'?><feed>".encode("utf-16"))
        assert not looks_like_feed(b"<html><body><rss></rss></body></html>")
        assert not looks_like_feed(b'{"version": "1"}')


class TestQuirks:
    def test_bom_and_crlf(self, write: WriteFile) -> None:
        data = codecs.BOM_UTF8 + rss(item("Café opens", "c-1", "Crème brûlée.")).replace(
            "\n", "\r\n").encode("utf-8")
        [article] = scan([write("bom.xml", data)]).articles
        assert article.title == "Café opens"
        assert read_text(article).body == "Crème brûlée.\n"

    def test_bogus_first_line(self, write: WriteFile) -> None:
        data = rss(item("Derby won", "d-1", "Two goals late."),
                   prologue='<?phpxml version="1.0" encoding="UTF-8"?> \n\n')
        [article] = scan([write("club.rss", data)]).articles
        assert article.title == "Derby won"

    @pytest.mark.parametrize(
        ("encoding", "declared"),
        [("windows-1251", True), ("cp1252", False)],
        ids=["declared-cyrillic", "undeclared-western"],
    )
    def test_legacy_encodings(self, write: WriteFile, encoding: str, declared: bool) -> None:
        title, text = (("Мост открыт", "Движение восстановлено в четверг вечером.")
                       if declared else
                       ("Le café rouvre", "Les clients sont revenus dès l'aube, très déçus "
                        "par les prix mais ravis de l'accueil chaleureux."))
        prologue = f'<?xml version="1.0" encoding="{encoding}"?>\n' if declared else ""
        data = rss(item(title, "l-1", text), prologue=prologue).encode(encoding)
        [article] = scan([write("legacy.xml", data)]).articles
        assert article.title == title
        assert read_text(article).body == text + "\n"

    def test_truncated_feed_keeps_the_entries_read(self, write: WriteFile) -> None:
        whole = rss(item("First", "t-1", "One.") + item("Second", "t-2", "Two."))
        cut = whole[: whole.index("<title>Second") + 12]
        [first] = scan([write("cut.xml", cut)]).articles
        assert first.title == "First" and read_text(first).body == "One.\n"
        assert len(first.warnings) == 1 and first.warnings[0].startswith("malformed feed")

    def test_nothing_recovered_is_one_line(self, write: WriteFile) -> None:
        path = write("broken.xml", '<rss version="2.0">\n</rss')
        [problem] = scan([path.parent]).problems
        assert problem.path == path
        assert problem.reason.startswith("malformed feed (line")
        assert problem.reason.endswith("no entry could be read") and "\n" not in problem.reason

    def test_a_feed_without_entries(self, write: WriteFile) -> None:
        [problem] = scan([write("empty.rss", rss(""))]).problems
        assert problem.reason == "a feed with no entries"


class TestEntries:
    def test_ids_come_from_the_guid_and_survive_edits(self, write: WriteFile) -> None:
        path = write("town.xml", rss(item("Vote delayed", "v-1", "The vote was delayed.")))
        [before] = scan([path]).articles
        write("town.xml", rss(item("New story", "n-1", "Fresh.")
                              + item("Vote delayed again", "v-1", "Delayed to June.")))
        new, after = scan([path]).articles
        assert after.id == before.id and after.entry == before.entry == "v-1"
        assert new.id != before.id
        assert read_text(before).body == "Delayed to June.\n"

    def test_same_guid_twice_gives_two_articles(self, write: WriteFile) -> None:
        path = write("dup.xml", rss(item("One", "same", "1.") + item("Two", "same", "2.")))
        one, two = scan([path]).articles
        assert one.id != two.id and one.entry != two.entry
        assert (read_text(one).body, read_text(two).body) == ("1.\n", "2.\n")

    def test_load_picks_an_entry_and_refuses_to_guess(self, write: WriteFile) -> None:
        path = write("two.xml", rss(item("One", "e-1", "1.") + item("Two", "e-2", "2.")))
        assert load(path, "e-2").text.body == "2.\n"
        with pytest.raises(SeveralArticles) as several:
            load(path)
        assert [a.entry for a in several.value.articles] == ["e-1", "e-2"]
        with pytest.raises(LoadError, match="no longer in this feed"):
            load(path, "gone")

    def test_a_one_entry_feed_loads_as_one_article(self, write: WriteFile) -> None:
        path = write("one.xml", rss(item("Only", "o-1", "Alone.")))
        assert load(path).article.entry == "o-1"


class TestIndex:
    def test_one_row_per_entry_reused_until_the_file_changes(
        self, write: WriteFile, tmp_path: Path, parsed: list[Path]
    ) -> None:
        lib = tmp_path / "lib"
        feed = write("lib/town.xml", rss(item("A", "a", "1.") + item("B", "b", "2.")))
        write("lib/story.md", "# Story\n\nText.\n")
        write("lib/paper.pdf", b"%PDF-1.4")
        cache = tmp_path / "cache"
        first = Catalog([lib], cache)
        result = first.refresh()
        assert sorted(a.title for a in result.articles) == ["A", "B", "Story"]
        assert result.skipped == (lib / "paper.pdf",)
        assert first.save() is None
        parsed.clear()
        again = Catalog([lib], cache)
        assert sorted(a.title for a in again.load()) == ["A", "B", "Story"]
        warm = again.refresh()
        assert (warm.parsed, warm.changed, parsed) == (0, False, [])
        assert warm.skipped == (lib / "paper.pdf",)
        assert {a.entry for a in warm.articles} == {"a", "b", None}
        ids = {a.entry: a.id for a in warm.articles}
        feed.write_text(rss(item("C", "c", "3.") + item("A", "a", "1.") + item("B", "b", "2.")))
        later = Catalog([lib], cache).refresh()
        assert parsed == [feed]
        assert {a.entry: a.id for a in later.articles if a.entry in ids} == ids
        assert sorted(a.title for a in later.articles) == ["A", "B", "C", "Story"]

    def test_index_matches_scan(self, write: WriteFile, tmp_path: Path) -> None:
        lib = tmp_path / "lib"
        write("lib/town.xml", rss(item("A", "a", "1.") + item("A", "a", "1.")))
        write("lib/sky.json", fixture("sky.json"))
        write("lib/a.md", "---\ntitle: A\ndate: 2023-05-02\n---\n\nText.\n")
        expected = scan([lib])
        catalog = Catalog([lib], tmp_path / "cache")
        result = catalog.refresh()
        assert sorted(result.articles, key=lambda a: a.id) == sorted(
            expected.articles, key=lambda a: a.id)
        catalog.save()
        reloaded = Catalog([lib], tmp_path / "cache")
        assert sorted(reloaded.load(), key=lambda a: a.id) == sorted(
            expected.articles, key=lambda a: a.id)
