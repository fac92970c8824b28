"""Full text for one saved entry (`F` in the app): the linked article replaces the summary,
the front matter and id stay, and a later refresh keeps the article."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from feeds_support import FAST, fixture, run, serve
from pytest_httpserver import HTTPServer

from tuireader.feeds.entry_files import EntryDocument
from tuireader.feeds.fetching import Fetcher
from tuireader.feeds.full_text import FullTextError, fetch_full_text

FEED = fixture("rss2.xml").decode().replace("/news/bridge", "/keeper.html").encode()


def parts(path: Path) -> tuple[dict[str, object], str]:
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(front), body


@pytest.fixture
def bridge(httpserver: HTTPServer, capsys: pytest.CaptureFixture[str], data_dir: Path) -> Path:
    """The feed subscribed without full text: the bridge entry holds the feed's summary."""
    status, _out, _err = run(capsys, "add", serve(httpserver, "/feed.xml", FEED))
    assert status == 0
    return next(path for path in (data_dir / "library").rglob("*.md") if "bridge" in path.name)


def test_the_article_replaces_the_summary_and_a_refresh_keeps_it(
        httpserver: HTTPServer, capsys: pytest.CaptureFixture[str], bridge: Path) -> None:
    before, summary = parts(bridge)
    assert "6 a.m." in summary and "112 steps" not in summary
    serve(httpserver, "/keeper.html", "page.html", "text/html")
    with Fetcher(FAST) as fetcher:
        body = fetch_full_text(fetcher, bridge, str(before["source"]))
    after, text = parts(bridge)
    assert "112 steps of the north lighthouse" in body and body.strip() == text.strip()
    assert "Harbour Gazette, all rights reserved" not in text
    assert after == {**before, "full_text": True}  # id, feed, guid... unchanged
    status, _out, _err = run(capsys, "refresh")
    assert status == 0
    assert parts(bridge) == (after, text)  # the feed's summary did not come back


@pytest.mark.parametrize(("source", "reason"), [
    (None, "the entry has no link to its page"),
    ("file:///etc/passwd", "file: URLs are refused (only http and https are fetched)"),
    ("/gone", "HTTP 404 NOT FOUND"),
])
def test_a_failure_says_why_and_leaves_the_file_alone(
        httpserver: HTTPServer, tmp_path: Path, source: str | None, reason: str) -> None:
    bridge = tmp_path / "bridge.md"
    bridge.write_text(EntryDocument(id="e1", title="Bridge", date=None, source=source,
                                    author=None, feed="https://example.org/feed", guid=None,
                                    body="The summary.").render(), encoding="utf-8")
    httpserver.expect_request("/gone").respond_with_data("gone", status=404)
    url = httpserver.url_for(source) if source and source.startswith("/") else source
    before = bridge.read_bytes()
    with Fetcher(FAST) as fetcher, pytest.raises(FullTextError) as raised:
        fetch_full_text(fetcher, bridge, url)
    assert str(raised.value).endswith(reason)
    assert bridge.read_bytes() == before
