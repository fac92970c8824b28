"""`tuireader add`, `refresh` and `feeds` against feeds and pages served from 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from feeds_support import fixture, run, serve, subscriptions
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tuireader.feeds.entry_files import LEDGER
from tuireader.store import Database

FEED = fixture("rss2.xml").decode()
NEW_ITEM = """<item><title>Night market returns to the quay</title>
<link>https://gazette.example/news/market</link><guid>gazette-2023-0506-market</guid>
<pubDate>Sat, 06 May 2023 08:00:00 +0000</pubDate><description>Stalls from 6 p.m.</description>
</item>"""


def front_matter(path: Path) -> dict[str, object]:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])


def entry_files(data_dir: Path) -> list[Path]:
    return sorted((data_dir / "library").rglob("*.md"))


def listed(capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    status, out, _err = run(capsys, "list", "--json")
    assert status == 0
    return [json.loads(line) for line in out.splitlines()]


class TestAdd:
    def test_a_feed_is_subscribed_and_its_entries_saved(
            self, httpserver: HTTPServer, capsys, data_dir: Path) -> None:
        url = serve(httpserver, "/feed.xml", "rss2.xml")
        status, out, err = run(capsys, "add", url)
        assert (status, err) == (0, "")
        assert out == f"subscribed  +2 new  Harbour Gazette  {url}\n"
        bridge = next(path for path in entry_files(data_dir) if "bridge" in path.name)
        meta = front_matter(bridge)
        assert meta["title"] == "Harbour bridge reopens after repairs"
        assert meta["author"] == "Mara Lind" and meta["feed"] == url
        assert meta["guid"] == "gazette-2023-0504-bridge"
        assert meta["source"] == httpserver.url_for("/news/bridge")
        assert str(meta["date"]).startswith("2023-05-04 06:10")
        body = bridge.read_text(encoding="utf-8").split("---\n", 2)[2]
        assert "The bridge reopened at 6 a.m. on Thursday" in body and "<" not in body
        [sub] = subscriptions(capsys)
        assert (sub["url"], sub["title"], sub["status"], sub["new"]) == (
            url, "Harbour Gazette", "ok", 2)

    def test_the_library_folder_joins_the_default_library(
            self, httpserver: HTTPServer, capsys) -> None:
        run(capsys, "add", serve(httpserver, "/feed.xml", "rss2.xml"))
        titles = {article["title"] for article in listed(capsys)}
        assert "Ferry timetable changes in June" in titles
        assert "Voyager 1 has left the solar bubble, NASA confirms" in titles  # samples stay

    @pytest.mark.parametrize(("name", "kind", "title"), [
        ("rdf.xml", "application/rdf+xml", "Plant Letters"),
        ("atom.xml", "application/atom+xml", "Fan & Motor news"),
        ("feed.json", "application/feed+json", "Night Sky Notes"),
    ])
    def test_each_format(self, httpserver: HTTPServer, capsys, data_dir: Path,
                         name: str, kind: str, title: str) -> None:
        url = serve(httpserver, f"/{name}", name, kind)
        status, out, _err = run(capsys, "add", url)
        assert status == 0 and f"  {title}  {url}" in out
        assert entry_files(data_dir)

    def test_a_page_is_saved_and_its_feed_offered(
            self, httpserver: HTTPServer, capsys, data_dir: Path) -> None:
        url = serve(httpserver, "/keeper.html", "page.html", "text/html; charset=utf-8")
        status, out, err = run(capsys, "add", url)
        assert (status, err) == (0, "")
        [saved] = entry_files(data_dir)
        assert saved.parent.name == "pages"
        meta = front_matter(saved)
        assert meta["title"].startswith("Lighthouse keeper retires after 40 years")
        assert "112 steps of the north lighthouse" in saved.read_text(encoding="utf-8")
        assert "Harbour Gazette, all rights reserved" not in saved.read_text(encoding="utf-8")
        feed_url = httpserver.url_for("/feed.xml")
        assert out.splitlines()[1] == (f"offers a feed  Harbour Gazette  {feed_url}  "
                                       "(add --subscribe to subscribe to it)")
        assert "file:" not in out  # a refused scheme is never offered
        assert subscriptions(capsys) == []

    def test_subscribe_takes_the_page_s_feed(self, httpserver: HTTPServer, capsys) -> None:
        url = serve(httpserver, "/keeper.html", "page.html", "text/html")
        feed_url = serve(httpserver, "/feed.xml", "rss2.xml")
        status, out, _err = run(capsys, "add", url, "--subscribe")
        assert status == 0 and out.startswith(f"subscribed  +2 new  Harbour Gazette  {feed_url}")
        assert [sub["url"] for sub in subscriptions(capsys)] == [feed_url]

    def test_full_text_stores_the_linked_article(
            self, httpserver: HTTPServer, capsys, data_dir: Path) -> None:
        feed = FEED.replace("/news/bridge", "/keeper.html")
        url = serve(httpserver, "/feed.xml", feed.encode())
        serve(httpserver, "/keeper.html", "page.html", "text/html")
        httpserver.expect_request("/news/ferry").respond_with_data("gone", status=404)
        status, _out, _err = run(capsys, "add", url, "--full-text")
        assert status == 0
        texts = {front_matter(path)["guid"]: path.read_text(encoding="utf-8")
                 for path in entry_files(data_dir)}
        assert "112 steps of the north lighthouse" in texts["gazette-2023-0504-bridge"]
        assert "first ferry leaves at 5:40" in texts["gazette-2023-0502-ferry"]  # summary kept
        assert subscriptions(capsys)[0]["full_text"] is True
        run(capsys, "refresh")  # the article is not fetched again
        assert sum(entry[0].path == "/keeper.html" for entry in httpserver.log) == 1

    @pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/feed.xml"])
    def test_other_schemes_are_refused(self, capsys, url: str) -> None:
        status, out, err = run(capsys, "add", url)
        assert status == 1 and out == ""
        assert err.startswith(f"tuireader: {url}: ") and "refused" in err
        assert err.count("\n") == 1

    def test_a_gzip_bomb_is_one_line(self, httpserver: HTTPServer, capsys) -> None:
        import gzip

        httpserver.expect_request("/bomb.xml").respond_with_data(
            gzip.compress(b" " * (16 * 1024 * 1024)), headers={"Content-Encoding": "gzip"})
        status, _out, err = run(capsys, "add", httpserver.url_for("/bomb.xml"))
        assert status == 1
        assert err == (f"tuireader: {httpserver.url_for('/bomb.xml')}: "
                       "response larger than 1 MB (stopped)\n")


class TestRefresh:
    def test_the_second_refresh_is_conditional(self, httpserver: HTTPServer, capsys) -> None:
        seen: list[dict[str, str]] = []

        def conditional(request: Request) -> Response:
            seen.append(dict(request.headers))
            if request.headers.get("If-None-Match") == '"v1"':
                return Response(status=304, headers={"ETag": '"v1"'})
            return Response(FEED, content_type="application/rss+xml", headers={
                "ETag": '"v1"', "Last-Modified": "Thu, 04 May 2023 07:00:00 GMT"})

        httpserver.expect_request("/feed.xml").respond_with_handler(conditional)
        url = httpserver.url_for("/feed.xml")
        run(capsys, "add", url)
        status, out, _err = run(capsys, "refresh")
        assert status == 0
        assert out == f"+0 new  Harbour Gazette  {url}  (not modified)\n"
        assert seen[1]["If-None-Match"] == '"v1"'
        assert seen[1]["If-Modified-Since"] == "Thu, 04 May 2023 07:00:00 GMT"
        assert subscriptions(capsys)[0]["status"] == "not modified"

    def test_a_changed_entry_updates_its_file_and_keeps_its_notes(
            self, httpserver: HTTPServer, capsys, data_dir: Path) -> None:
        url = serve(httpserver, "/feed.xml", "rss2.xml")
        run(capsys, "add", url)
        bridge = next(path for path in entry_files(data_dir) if "bridge" in path.name)
        article_id = str(front_matter(bridge)["id"])
        with Database(data_dir) as db:
            db.notes.add(article_id, "check the date")

        httpserver.clear()
        serve(httpserver, "/feed.xml", FEED.replace(
            "Harbour bridge reopens after repairs", "Bridge reopens, two days late").replace(
            "06:10:00", "18:30:00").encode())
        status, out, _err = run(capsys, "refresh", url)
        assert status == 0 and out.startswith("+0 new, 1 updated  Harbour Gazette")
        assert len(entry_files(data_dir)) == 2 and bridge in entry_files(data_dir)
        meta = front_matter(bridge)
        assert (meta["id"], meta["title"]) == (article_id, "Bridge reopens, two days late")
        status, out, _err = run(capsys, "notes", "list", "--json")
        [note] = [json.loads(line) for line in out.splitlines()]
        assert (note["article_id"], note["text"]) == (article_id, "check the date")
        assert note["title"] == "Bridge reopens, two days late"

    def test_an_entry_matched_by_link_keeps_its_file(
            self, httpserver: HTTPServer, capsys, data_dir: Path) -> None:
        url = serve(httpserver, "/feed.xml", "rss2.xml")
        run(capsys, "add", url)
        before = {path: front_matter(path)["id"] for path in entry_files(data_dir)}
        httpserver.clear()
        serve(httpserver, "/feed.xml",
              FEED.replace("gazette-2023-0502-ferry", "ferry-guid-v2").encode())
        _status, out, _err = run(capsys, "refresh")
        assert out.startswith("+0 new")
        assert {path: front_matter(path)["id"] for path in entry_files(data_dir)} == before

    def test_a_deleted_entry_stays_deleted(
            self, httpserver: HTTPServer, capsys, data_dir: Path) -> None:
        url = serve(httpserver, "/feed.xml", "rss2.xml")
        run(capsys, "add", url)
        bridge = next(path for path in entry_files(data_dir) if "bridge" in path.name)
        bridge.unlink()
        changed = FEED.replace("Harbour bridge reopens after repairs",
                               "Bridge reopens, two days late")
        httpserver.clear()
        serve(httpserver, "/feed.xml", changed.replace("</channel>", NEW_ITEM + "</channel>")
              .encode())
        status, out, _err = run(capsys, "refresh", url)
        assert status == 0 and out.startswith("+1 new  Harbour Gazette")
        names = [path.name for path in entry_files(data_dir)]
        assert len(names) == 2 and not any("bridge" in name for name in names)

    def test_entries_saved_before_the_ledger_stay_deleted_too(
            self, httpserver: HTTPServer, capsys, data_dir: Path) -> None:
        url = serve(httpserver, "/feed.xml", "rss2.xml")
        run(capsys, "add", url)
        [ledger] = data_dir.rglob(LEDGER)
        ledger.unlink()  # as a library written by an older tuireader
        httpserver.clear()
        serve(httpserver, "/feed.xml", FEED.replace("06:10:00", "18:30:00").encode())
        run(capsys, "refresh", url)  # reads the folder: every file is in the ledger again
        bridge = next(path for path in entry_files(data_dir) if "bridge" in path.name)
        bridge.unlink()
        run(capsys, "refresh", url)
        assert not any("bridge" in path.name for path in entry_files(data_dir))

    def test_one_line_per_feed_and_failures_say_why(
            self, httpserver: HTTPServer, capsys, tmp_path: Path) -> None:
        good = serve(httpserver, "/feed.xml", "rss2.xml")
        run(capsys, "add", good)
        run(capsys, "opml", "import", str(write_opml(httpserver, tmp_path)))
        status, out, err = run(capsys, "refresh")
        assert status == 1 and err == ""
        lines = sorted(out.splitlines())
        assert lines == sorted([
            f"+0 new  Harbour Gazette  {good}",
            f"failed  {httpserver.url_for('/missing.xml')}: HTTP 404 NOT FOUND",
            f"failed  {httpserver.url_for('/loop')}: redirect loop",
        ])
        failed = {sub["url"]: sub["error"] for sub in subscriptions(capsys)}
        assert failed[httpserver.url_for("/loop")] == "redirect loop"
        status, out, _err = run(capsys, "feeds")
        assert "failed: redirect loop" in out

    def test_an_unknown_url_is_a_usage_error(self, capsys) -> None:
        status, out, err = run(capsys, "refresh", "http://127.0.0.1:9/nope.xml")
        assert status == 2 and out == ""
        assert err.startswith("tuireader: http://127.0.0.1:9/nope.xml: not a subscription")

    def test_fields_from_the_feed_are_shown_as_text(
            self, httpserver: HTTPServer, capsys, data_dir: Path) -> None:
        hostile = FEED.replace("Harbour Gazette", "Gazette \x1b]0;pwned\x07 [bold]x[/bold]")
        url = serve(httpserver, "/feed.xml", hostile.encode())
        _status, out, _err = run(capsys, "add", url)
        assert "\x1b" not in out and "\x07" not in out and "[bold]x[/bold]" in out
        _status, out, _err = run(capsys, "feeds")
        assert "\x1b" not in out and "[bold]x[/bold]" in out


class TestUnsubscribe:
    def test_the_feed_is_no_longer_fetched_and_its_entries_and_notes_stay(
            self, httpserver: HTTPServer, capsys, data_dir: Path) -> None:
        url = serve(httpserver, "/feed.xml", "rss2.xml")
        run(capsys, "add", url)
        saved = entry_files(data_dir)
        article_id = str(front_matter(saved[0])["id"])
        with Database(data_dir) as db:
            db.notes.add(article_id, "keep this")
        status, out, err = run(capsys, "unsubscribe", url)
        assert (status, err) == (0, "")
        assert out.startswith(f"unsubscribed  Harbour Gazette  {url}  (its saved entries stay in ")
        assert subscriptions(capsys) == []
        assert entry_files(data_dir) == saved
        status, _out, err = run(capsys, "refresh")
        assert "no subscriptions" in err
        assert len(httpserver.log) == 1  # only the add fetched
        status, out, err = run(capsys, "feeds")  # said, not an empty screen
        assert (status, out) == (0, "") and "no subscriptions" in err
        status, out, err = run(capsys, "feeds", "--json")
        assert (status, out, err) == (0, "", "")  # a script reads no lines
        _status, out, _err = run(capsys, "notes", "list", "--json")
        assert [json.loads(line)["text"] for line in out.splitlines()] == ["keep this"]

    def test_an_unknown_url_removes_nothing(self, httpserver: HTTPServer, capsys) -> None:
        url = serve(httpserver, "/feed.xml", "rss2.xml")
        run(capsys, "add", url)
        status, out, err = run(capsys, "unsubscribe", url, "http://127.0.0.1:9/nope.xml")
        assert status == 2 and out == ""
        assert err.startswith("tuireader: http://127.0.0.1:9/nope.xml: not a subscription")
        assert [sub["url"] for sub in subscriptions(capsys)] == [url]


def write_opml(server: HTTPServer, folder: Path) -> Path:
    """An OPML file of two feeds that fail: one missing, one redirecting to itself."""
    server.expect_request("/missing.xml").respond_with_data("", status=404)
    server.expect_request("/loop").respond_with_data("", status=302,
                                                     headers={"Location": "/loop"})
    target = folder / "feeds.opml"
    target.write_text(
        '<opml version="2.0"><body>'
        f'<outline text="Missing" xmlUrl="{server.url_for("/missing.xml")}"/>'
        f'<outline text="Loop" xmlUrl="{server.url_for("/loop")}"/>'
        "</body></opml>", encoding="utf-8")
    return target
