"""Feed formats and the quirks of real feeds, read from bytes as the fetcher hands them over."""

from __future__ import annotations

import pytest
from feeds_support import fixture
from pytest_httpserver import HTTPServer

from tuireader.feeds.feed import NotAFeedError
from tuireader.feeds.parsing import parse_feed

ITEM_RSS = (
    '<rss version="2.0"><channel><title>{title}</title>'
    "<item><title>{item}</title><guid>g1</guid><description>{text}</description></item>"
    "</channel></rss>"
)


class TestFormats:
    def test_rss_2(self) -> None:
        feed = parse_feed(fixture("rss2.xml"), "application/rss+xml",
                          "https://harbour.example/feed.xml")
        assert feed.title == "Harbour Gazette" and len(feed.entries) == 2
        bridge = feed.entries[0]
        assert bridge.guid == "gazette-2023-0504-bridge"
        assert bridge.link == "https://harbour.example/news/bridge"  # relative link resolved
        assert bridge.author == "Mara Lind"
        assert bridge.published is not None and bridge.published.isoformat().startswith(
            "2023-05-04T06:10")
        assert "eight months of repairs" in bridge.html and "<script" not in bridge.html

    def test_rss_1_rdf_with_crlf_and_no_declaration(self) -> None:
        data = fixture("rdf.xml").replace(b"\n", b"\r\n")
        feed = parse_feed(data, "application/rdf+xml")
        assert feed.title == "Plant Letters" and feed.warning is None
        [entry] = feed.entries
        assert entry.title == "Wheat roots follow the water"
        assert entry.author == "Okafor, N., Berg, S."

    def test_atom_html_title_is_text(self) -> None:
        feed = parse_feed(fixture("atom.xml"), "application/atom+xml")
        assert feed.title == "Fan & Motor news"
        [entry] = feed.entries
        assert entry.title == "Quieter fans for small drives"
        assert entry.guid == "tag:fans.example,2019-07-17:quiet"

    def test_json_feed(self) -> None:
        feed = parse_feed(fixture("feed.json"), "application/feed+json")
        assert feed.title == "Night Sky Notes"
        comet, note = feed.entries
        assert (comet.guid, comet.link, comet.author) == ("sky-42", "https://sky.example/42",
                                                         "Ilse Brandt")
        assert comet.published is not None and comet.published.utcoffset() is not None
        assert note.title is None and "without a title" in note.html

    def test_html_is_not_a_feed(self) -> None:
        with pytest.raises(NotAFeedError, match="not a feed"):
            parse_feed(b"just some words, no markup at all", "text/plain")


class TestQuirks:
    def test_bom_and_crlf(self) -> None:
        data = b"\xef\xbb\xbf" + ITEM_RSS.format(title="Caf\u00e9", item="Cr\u00e8me",
                                                 text="t").replace(">", ">\r\n").encode()
        feed = parse_feed(data)
        assert feed.title == "Café" and feed.entries[0].title == "Crème"

    def test_declared_legacy_encoding(self) -> None:
        text = ITEM_RSS.format(title="Gazeta Łódzka", item="Zażółć gęślą jaźń", text="t")
        data = b'<?xml version="1.0" encoding="iso-8859-2"?>' + text.encode("iso-8859-2")
        assert parse_feed(data).entries[0].title == "Zażółć gęślą jaźń"

    def test_undeclared_legacy_encoding_is_detected(self) -> None:
        hebrew = "האם תדפיס נייר של אתר אינטרנט שמוצג על מסך משתמש הוא העתק נאמן למקור"
        data = ITEM_RSS.format(title="t", item="i", text=hebrew).encode("windows-1255")
        assert parse_feed(data).entries[0].html == hebrew

    def test_bogus_first_line_and_blank_lines(self) -> None:
        data = b'\n\n<?phpxml version="1.0" encoding="UTF-8"?>\n' + ITEM_RSS.format(
            title="Voetbal", item="Uitslag", text="t").encode()
        feed = parse_feed(data)
        assert feed.title == "Voetbal" and feed.entries[0].title == "Uitslag"

    def test_truncated_feed_keeps_what_came(self) -> None:
        whole = fixture("rss2.xml")
        cut = whole[: whole.index(b"<title>Ferry") + 20]
        feed = parse_feed(cut)
        assert feed.entries[0].title == "Harbour bridge reopens after repairs"
        assert feed.warning is not None and "read what was there" in feed.warning

    def test_a_feed_with_nothing_recoverable_says_why(self) -> None:
        with pytest.raises(NotAFeedError) as caught:
            parse_feed(b"<html><body><p>Moved</p></body></html>", "text/xml")
        assert "\n" not in str(caught.value)

    def test_entity_declarations_are_not_expanded(self) -> None:
        laughs = '<!ENTITY l0 "lol">' + "".join(
            f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(1, 10))
        data = (f'<?xml version="1.0"?><!DOCTYPE rss [{laughs}]>'
                + ITEM_RSS.format(title="&l9;", item="x", text="t")).encode()
        feed = parse_feed(data)
        assert len(feed.title or "") < 100  # 10^9 "lol"s had it been expanded


class TestExternalEntities:
    def test_no_file_or_url_is_read(self, httpserver: HTTPServer, tmp_path) -> None:
        secret = tmp_path / "secret.txt"
        secret.write_text("TOP-SECRET-CONTENT")
        httpserver.expect_request("/dtd").respond_with_data("LEAKED-BY-URL")
        data = (
            f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY file SYSTEM "file://{secret}">'
            f'<!ENTITY web SYSTEM "{httpserver.url_for("/dtd")}">'
            f'<!ENTITY % remote SYSTEM "{httpserver.url_for("/dtd")}"> %remote;]>'
            + ITEM_RSS.format(title="A &file; B", item="C &web; D", text="&file;&web;")
        ).encode()
        feed = parse_feed(data)
        shown = repr(feed)
        assert "TOP-SECRET" not in shown and "LEAKED" not in shown
        assert feed.entries  # the rest of the feed is still read
        assert httpserver.log == []
