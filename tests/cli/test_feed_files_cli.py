"""Feed files from the command line: each entry listed with its id, named by it in `cat`,
`timeline`, `notes` and `export`, and notes on an entry kept when the feed gains entries."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from tests.cli.conftest import configure_library

from tuireader.cli import main
from tuireader.feeds.entry_files import EntryDocument


def rss(*items: tuple[str, str, str, str]) -> str:
    body = "".join(
        f"<item><title>{title}</title><guid>{guid}</guid><link>https://town.example/{guid}</link>"
        f"<pubDate>{date}</pubDate><description>&lt;p&gt;{text}&lt;/p&gt;</description></item>\n"
        for guid, title, date, text in items
    )
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
            f"<title>Town news</title><link>https://town.example/</link>\n{body}</channel></rss>\n")


VOTE = ("vote-1", "Council vote delayed", "Tue, 02 May 2023 09:00:00 +0000",
        "The council delayed the vote until Thursday.")
FERRY = ("ferry-1", "Ferry returns", "Mon, 01 May 2023 08:00:00 +0000",
         "The ferry returned to service yesterday.")
MARKET = ("market-1", "Market reopens", "Wed, 03 May 2023 07:00:00 +0000",
          "The market reopened this morning.")


@pytest.fixture
def news(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The configured library: a feed of two entries, an article and a PDF; work elsewhere."""
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "town.xml").write_text(rss(VOTE, FERRY), encoding="utf-8")
    (folder / "story.md").write_text("---\ntitle: Story\ndate: 2023-04-01\n---\n\nText.\n",
                                     encoding="utf-8")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4\n")
    return configure_library(folder, tmp_path, monkeypatch)


def listed(capsys: pytest.CaptureFixture[str]) -> dict[str, dict[str, object]]:
    assert main(["list", "--json"]) == 0
    captured = capsys.readouterr()
    assert captured.err == "tuireader: 1 file skipped: .pdf\n"
    return {row["title"]: row for row in map(json.loads, captured.out.splitlines())}


def later(path: Path, text: str) -> None:
    """Rewrite a file as an editor saving later would (a new mtime, whatever the clock)."""
    before = path.stat().st_mtime_ns
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(before + 5 * 10**9, before + 5 * 10**9))


class TestList:
    def test_each_entry_is_a_row_with_its_id_title_and_date(self, news, capsys):
        rows = listed(capsys)
        assert list(rows) == ["Council vote delayed", "Ferry returns", "Story"]
        vote = rows["Council vote delayed"]
        assert vote["date"] == "2023-05-02T09:00:00+00:00"
        assert vote["path"] == str(news / "town.xml")
        assert vote["source"] == "https://town.example/vote-1"
        assert vote["entry"] == "vote-1" and rows["Story"]["entry"] is None
        assert len({row["id"] for row in rows.values()}) == 3

    def test_a_fetched_entry_saved_as_markdown_names_its_guid_else_its_link(self, news, capsys):
        for guid, title in (("tag:town.example,2023:tram", "Tram line opens"), (None, "No guid")):
            slug = title.lower().replace(" ", "-")
            (news / f"{slug}.md").write_text(EntryDocument(
                id=slug, title=title, date=None, source=f"https://town.example/{slug}",
                author=None, feed="https://town.example/feed.xml", guid=guid, body="Text.",
            ).render(), encoding="utf-8")
        for _ in ("cold", "warm"):  # the warm list reads it from the index
            rows = listed(capsys)
            assert rows["Tram line opens"]["entry"] == "tag:town.example,2023:tram"
            assert rows["No guid"]["entry"] == "https://town.example/no-guid"
            assert rows["Story"]["entry"] is None  # an article of its own, not a feed's entry
            assert rows["Council vote delayed"]["entry"] == "vote-1"
            assert set(rows["No guid"]) == set(rows["Story"])

    def test_the_skipped_notice_is_said_once_on_a_warm_list_too(self, news, capsys):
        listed(capsys)
        assert main(["list"]) == 0
        assert capsys.readouterr().err == "tuireader: 1 file skipped: .pdf\n"


class TestNamingAnEntry:
    def test_cat_of_an_entry_id_prints_that_entry(self, news, capsys):
        ids = {title: row["id"] for title, row in listed(capsys).items()}
        assert main(["cat", str(ids["Ferry returns"])]) == 0
        out = capsys.readouterr().out
        assert out == ("Ferry returns\nDate: 2023-05-01T08:00:00+00:00\n"
                       "Source: https://town.example/ferry-1\n\n"
                       "The ferry returned to service yesterday.\n")

    def test_cat_of_a_feed_file_says_how_to_name_one_entry(self, news, capsys):
        ids = {title: row["id"] for title, row in listed(capsys).items()}
        assert main(["cat", str(news / "town.xml")]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"tuireader: {news / 'town.xml'} is a feed of 2 entries; "
                              "name one by its id: ")
        assert f"{ids['Council vote delayed']} (Council vote delayed)" in err
        assert "list" in err and "--json" in err and err.count("\n") == 1

    def test_timeline_of_a_feed_file_is_every_entry_and_of_an_id_one(self, news, capsys):
        ids = {title: row["id"] for title, row in listed(capsys).items()}
        assert main(["timeline", str(news / "town.xml"), "--json"]) == 0
        rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        assert [row["title"] for row in rows] == ["Council vote delayed", "Ferry returns"]
        # each entry's date is its own reference date: "yesterday" is 30 April
        [ferry] = [row for row in rows if row["title"] == "Ferry returns"]
        assert [event["value"] for event in ferry["events"]] == ["2023-04-30"]
        assert main(["timeline", str(ids["Ferry returns"]), "--json"]) == 0
        assert [json.loads(line)["title"] for line in capsys.readouterr().out.splitlines()] == [
            "Ferry returns"]

    def test_export_of_an_entry_links_to_the_entry(self, news, capsys, tmp_path):
        ids = {title: row["id"] for title, row in listed(capsys).items()}
        out = tmp_path / "out"
        assert main(["export", str(ids["Council vote delayed"]), "--out", str(out)]) == 0
        [written] = out.iterdir()
        text = written.read_text(encoding="utf-8")
        assert "# Council vote delayed" in text and "https://town.example/vote-1" in text
        assert "Ferry" not in text


class TestNotesOnEntries:
    def test_a_note_on_an_entry_survives_the_feed_gaining_an_entry(self, news, capsys):
        ids = {title: row["id"] for title, row in listed(capsys).items()}
        vote = str(ids["Council vote delayed"])
        assert main(["notes", "add", vote, "--text", "Check the date",
                     "--quote", "until Thursday"]) == 0
        note_id = capsys.readouterr().out.strip()
        later(news / "town.xml", rss(MARKET, VOTE, FERRY))
        rows = listed(capsys)
        assert list(rows)[:2] == ["Market reopens", "Council vote delayed"]
        assert rows["Council vote delayed"]["id"] == vote
        assert main(["notes", "list", "--json"]) == 0
        [note] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        assert (note["id"], note["article_id"], note["title"]) == (
            note_id, vote, "Council vote delayed")
        assert (note["quote"], note["status"]) == ("until Thursday", "exact")

    def test_notes_add_on_a_feed_of_several_entries_asks_for_one(self, news, capsys):
        assert main(["notes", "add", str(news / "town.xml"), "--text", "x"]) == 2
        assert "is a feed of 2 entries; name one by its id" in capsys.readouterr().err
