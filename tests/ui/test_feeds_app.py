"""Feeds in the app, served from 127.0.0.1: R and r refresh with progress in the list's title
and one notification per failed feed, new entries appear at once, the list names and
narrows by feed, o opens the page in the browser, F replaces a summary with the article."""

from __future__ import annotations

import webbrowser
from collections.abc import Callable
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from tests.ui.conftest import FROZEN_NOW, main_screen, settle
from textual.pilot import Pilot
from werkzeug import Request, Response

from tuireader import browser as browsers
from tuireader.app import TuiReaderApp
from tuireader.feeds.adding import Adder
from tuireader.feeds.fetching import Fetcher
from tuireader.feeds.policy import FetchPolicy
from tuireader.feeds.refreshing import FeedRefresher
from tuireader.feeds.subscriptions import SubscriptionStore
from tuireader.screens import feeds_screen
from tuireader.screens.main import MainScreen
from tuireader.screens.subscriptions_screen import SubscriptionsScreen
from tuireader.store import Database
from tuireader.store.notes import NoteAnchor
from tuireader.widgets.key_footer import KeyFooter

FIXTURES = Path(__file__).resolve().parents[1] / "feeds" / "fixtures"
FAST = FetchPolicy(timeout=2.0, deadline=10.0, max_bytes=1024 * 1024, retries=1, backoff=0.0)
GAZETTE = (FIXTURES / "rss2.xml").read_text(encoding="utf-8")
NEW_ITEM = """<item><title>Night market returns to the quay</title>
<link>/news/market</link><guid>gazette-2023-0506-market</guid>
<pubDate>Sat, 06 May 2023 08:00:00 +0000</pubDate><description>Stalls from 6 p.m.</description>
</item>"""
SUMMARY = "The bridge reopened at 6 a.m. on Thursday after eight months of repairs."
PAGE = f"""<!doctype html><html><head><title>Harbour bridge reopens</title></head><body>
<nav>Home · News · Sport</nav><article><h1>Harbour bridge reopens after repairs</h1>
<p>{SUMMARY}</p>
<p>Engineers replaced forty steel cables and the whole deck, working through a winter of
storms that twice stopped the cranes for a week at a time.</p>
<p>The mayor crossed first, on foot, followed by a queue of cyclists who had waited since
dawn; buses return to their old routes on Monday.</p></article>
<footer>Harbour Gazette, all rights reserved</footer></body></html>"""


@pytest.fixture(scope="session")
def httpserver_listen_address() -> tuple[str, int]:
    return ("127.0.0.1", 0)


class RecordingBrowser(webbrowser.BackgroundBrowser):
    """Stands for the desktop's browser: notes what it was asked to open."""

    def __init__(self, opened: list[str]) -> None:
        super().__init__("recording-browser")
        self.opened = opened

    def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
        self.opened.append(url)
        return True


class Site:
    """What the local server answers at each path; a test changes it between refreshes."""

    def __init__(self, server: HTTPServer) -> None:
        self.server = server
        self.pages: dict[str, tuple[int, str, str]] = {}
        server.expect_request("").respond_with_handler(self.answer)

    def answer(self, request: Request) -> Response:
        status, body, kind = self.pages.get(request.path, (404, "not here", "text/plain"))
        return Response(body, status=status, content_type=kind)

    def serve(self, path: str, body: str, kind: str = "application/rss+xml",
              status: int = 200) -> str:
        self.pages[path] = (status, body, kind)
        return self.server.url_for(path)

    def requested(self) -> list[str]:
        return [request.path for request, _response in self.server.log]


@pytest.fixture
def site(httpserver: HTTPServer, data_dir: Path, tmp_path: Path,
         monkeypatch: pytest.MonkeyPatch) -> Site:
    """Two subscribed feeds (the Harbour Gazette, and the fan makers' Atom feed)."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setattr(feeds_screen, "FETCH_POLICY", FAST)
    site = Site(httpserver)
    gazette = site.serve("/gazette.xml", GAZETTE)
    fans = site.serve("/fans.xml", (FIXTURES / "atom.xml").read_text(encoding="utf-8"),
                      "application/atom+xml")
    with Database(data_dir) as db, Fetcher(FAST) as fetcher:
        adder = Adder(FeedRefresher(fetcher, data_dir / "library"), SubscriptionStore(db))
        for url in (gazette, fans):
            assert not adder.add(url).result.failed  # type: ignore[union-attr]
    return site


@pytest.fixture
def start(data_dir: Path) -> Callable[[], TuiReaderApp]:
    return lambda: TuiReaderApp([data_dir / "library"], data_dir, now=lambda: FROZEN_NOW)


def titles(screen: MainScreen) -> list[str]:
    return [article.title for article in screen.article_list.visible_articles]


async def select(pilot: Pilot[None], title: str) -> MainScreen:
    screen = main_screen(pilot)
    screen.article_list.focus()
    await pilot.press("g", *(["j"] * titles(screen).index(title)))
    return screen


def pane_title(screen: MainScreen) -> str:
    return str(screen.query_one("#articles-pane").border_title)


async def test_refreshing_feeds_from_the_list(
        site: Site, start: Callable[[], TuiReaderApp]) -> None:
    app = start()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        assert "Night market returns to the quay" not in titles(screen)
        rows = [screen.article_list.render_line(y).text for y in range(5)]
        assert rows[0].startswith("● Harbour bridge reopens")  # the feed column:
        assert rows[0].endswith(" Harbour Gaz… 2023-05-04")
        assert any(row.endswith(" Fan & Motor… 2019-07-17") for row in rows)

        seen: list[str | None] = []
        show_titles = screen.titles_changed
        screen.titles_changed = lambda: (seen.append(screen.feed_status), show_titles())[1]
        site.serve("/gazette.xml", GAZETTE.replace("<item>", NEW_ITEM + "<item>", 1))
        site.serve("/fans.xml", "down for maintenance", "text/plain", status=503)
        await pilot.press("R")
        await settle(pilot)
        assert "refreshing feeds 1/2…" in seen and "refreshing feeds 2/2…" in seen
        assert pane_title(screen).endswith("feeds: +1 new, 1 failed")
        assert "Night market returns to the quay" in titles(screen)  # without a restart
        failed = [n for n in app._notifications if n.title == "Feed not refreshed"]
        assert [n.message for n in failed] == ["Fan & Motor news: HTTP 503 SERVICE UNAVAILABLE"]

        # r: only the selected entry's feed.
        await select(pilot, "Ferry timetable changes in June")
        before = len(site.requested())
        await pilot.press("r")
        await settle(pilot)
        assert site.requested()[before:] == ["/gazette.xml"]
        assert pane_title(screen).endswith("feeds: +0 new")

        # ctrl+f: this feed only, and back.
        everything = titles(screen)
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert {a.feed for a in screen.article_list.visible_articles} == {
            site.server.url_for("/gazette.xml")}
        assert len(titles(screen)) == 3 < len(everything)
        pane = screen.query_one("#articles-pane")
        subtitle = str(pane.border_subtitle)
        assert subtitle.startswith("feed: Harbour Gaz") and " · 3 matches · " in subtitle
        assert len(subtitle) <= pane.outer_size.width - 6  # whole inside the border
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert titles(screen) == everything
        # escape clears it too, as it clears a typed filter (S, enter on a feed leaves the
        # list narrowed to that feed: escape is the key people try to get back to all)
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert len(titles(screen)) == 3
        await pilot.press("escape")
        await pilot.pause()
        assert titles(screen) == everything
        assert not str(pane.border_subtitle).startswith("feed:")


async def test_browser_and_full_text_of_an_entry(
        site: Site, start: Callable[[], TuiReaderApp], data_dir: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(browsers, "find_browser", lambda: browsers.Browser(
        RecordingBrowser(opened), browsers.BrowserKind.GRAPHICAL))
    odd = data_dir / "library" / "odd.md"
    odd.write_text("---\ntitle: A script link\nsource: javascript:alert(1)\n---\n\nText.\n",
                   encoding="utf-8")
    site.serve("/news/bridge", PAGE, "text/html; charset=utf-8")
    bridge_title = "Harbour bridge reopens after repairs"
    app = start()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        screen = await select(pilot, bridge_title)
        await pilot.press("o")
        await settle(pilot)
        assert opened == [site.server.url_for("/news/bridge")]

        # No browser at all, or a console one where the terminal cannot be lent (here, a
        # headless run): the link is copied and said, nothing draws over the app.
        def notified() -> str:
            return "\n".join(n.message for n in app._notifications)

        monkeypatch.setattr(browsers, "find_browser", lambda: None)
        await pilot.press("o")
        await settle(pilot)
        assert app.clipboard == site.server.url_for("/news/bridge")
        assert "No browser was found (set $BROWSER): the link is copied" in notified()
        app.copy_to_clipboard("")
        monkeypatch.setattr(browsers, "find_browser", lambda: browsers.Browser(
            RecordingBrowser(opened), browsers.BrowserKind.TERMINAL))
        await pilot.press("o")
        await settle(pilot)
        assert app.clipboard == site.server.url_for("/news/bridge")
        assert "needs the terminal, which cannot be lent here: the link is copied" in notified()
        assert opened == [site.server.url_for("/news/bridge")]  # not started beside the app
        monkeypatch.setattr(browsers, "find_browser", lambda: browsers.Browser(
            RecordingBrowser(opened), browsers.BrowserKind.GRAPHICAL))
        await select(pilot, "A script link")
        await pilot.press("o", "F")
        await settle(pilot)
        assert opened == [site.server.url_for("/news/bridge")]  # javascript: is refused
        messages = [n.message for n in app._notifications]
        assert "Not opened: only http and https links are opened (javascript:alert(1))." in (
            messages)

        # A note on the summary, then F: the article replaces the summary, the note stays.
        await select(pilot, bridge_title)
        await pilot.press("enter")
        await settle(pilot)
        body = screen.reader.body
        assert "forty steel cables" not in body
        start_at = body.index(SUMMARY)
        db = app.session.wait()
        assert db is not None and screen.current is not None
        note = db.notes.add(screen.current.id, "Eight months!",
                            NoteAnchor.from_text(body, start_at, start_at + len(SUMMARY)))
        await pilot.press("F")
        await settle(pilot)
        body = screen.reader.body
        assert "forty steel cables" in body and "all rights reserved" not in body
        assert [n.id for n in db.notes.for_article(screen.current.id)] == [note.id]
        where = screen.notes.located[note.id]
        assert where.found and body[where.start:where.end] == SUMMARY
        assert screen.current.title == bridge_title
        assert titles(screen).count(bridge_title) == 1  # the index re-read the file


async def test_the_feeds_screen_adds_narrows_and_unsubscribes(
        site: Site, data_dir: Path, tmp_path: Path) -> None:
    own = tmp_path / "own"
    own.mkdir()
    (own / "a.md").write_text("---\ntitle: My own article\n---\n\nText.\n", encoding="utf-8")
    quay = site.serve("/quay.xml", (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Quay News</title>'
        f"<link>{site.server.url_for('/')}</link>{NEW_ITEM}</channel></rss>"))
    page = site.serve("/news/bridge", PAGE.replace(
        "<title>", '<link rel="alternate" type="application/rss+xml" title="Quay News" '
        f'href="{quay}"><title>'),
        "text/html; charset=utf-8")
    app = TuiReaderApp([own], data_dir, now=lambda: FROZEN_NOW)  # started on another folder
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        assert titles(screen) == ["My own article"]

        await pilot.press("S")
        await settle(pilot)
        feeds = app.screen
        assert isinstance(feeds, SubscriptionsScreen)
        assert [sub.title for sub in feeds.subscriptions] == ["Fan & Motor news", "Harbour Gazette"]

        # A page: saved as an article, and the feed it links is offered in the input.
        await pilot.press("a")
        footer = feeds.query_one(KeyFooter).render_line(0).text
        assert "⏎ Add" in footer and "esc Cancel" in footer  # what they do in the box
        assert "Add feed or page" not in footer and "Back" not in footer
        feeds.url_input.value = page
        await pilot.press("enter")
        await settle(pilot)
        messages = [n.message for n in app._notifications]
        assert any(m.startswith("Saved the page “Harbour bridge reopens after repairs”")
                   and "It links a feed, Quay News" in m for m in messages)
        assert feeds.url_input.value == quay and feeds.url_input.has_focus
        await pilot.press("enter")  # subscribes to the offered feed
        await settle(pilot)
        assert any(m == "Subscribed to Quay News: +1 new" for m in
                   (n.message for n in app._notifications))
        assert [sub.title for sub in feeds.subscriptions] == [
            "Fan & Motor news", "Harbour Gazette", "Quay News"]

        # Back in the list, the fetched folder is shown beside the folder the app opened;
        # enter on a feed shows only its entries.
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert app.screen is screen
        assert {"My own article", "Night market returns to the quay",
                "Harbour bridge reopens after repairs"} <= set(titles(screen))
        await pilot.press("S")
        await settle(pilot)
        await pilot.press("j", "j", "enter")
        await settle(pilot)
        assert app.screen is screen
        assert titles(screen) == ["Night market returns to the quay"]

        # d unsubscribes after a confirmation; the entries stay.
        await pilot.press("S")
        await settle(pilot)
        await pilot.press("j", "j", "d", "y")
        await settle(pilot)
        assert [sub.title for sub in app.screen.subscriptions] == [  # type: ignore[attr-defined]
            "Fan & Motor news", "Harbour Gazette"]
        db = app.session.wait()
        assert db is not None and SubscriptionStore(db).get(quay) is None
        await pilot.press("escape")
        await settle(pilot)
        assert screen.article_list.feed_filter is None  # the list was narrowed to it
        assert {"Night market returns to the quay", "My own article"} <= set(titles(screen))


async def test_the_feeds_screen_without_subscriptions_says_which_key_adds_one(
        data_dir: Path) -> None:
    app = TuiReaderApp([data_dir / "library"], data_dir, now=lambda: FROZEN_NOW)
    app.set_keymap({"feeds.add": "n"})  # the key said is the one that works
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(pilot)
        await pilot.press("S")
        await settle(pilot)
        feeds = app.screen
        assert isinstance(feeds, SubscriptionsScreen)
        shown = " ".join(feeds.options.render_line(y).text.strip() for y in range(4))
        assert "No subscriptions yet: press n to add the URL of a feed" in shown
        assert "press a" not in shown
        await pilot.press("n")
        assert feeds.url_input.has_focus


async def test_refresh_minutes_refreshes_stale_feeds_on_its_own(
        site: Site, start: Callable[[], TuiReaderApp], data_dir: Path, tmp_path: Path) -> None:
    config = tmp_path / "config" / "tuireader"
    config.mkdir(parents=True)
    (config / "config.toml").write_text("refresh_minutes = 30\n", encoding="utf-8")
    gazette = site.server.url_for("/gazette.xml")
    with Database(data_dir) as db:  # the gazette was last refreshed yesterday
        store = SubscriptionStore(db)
        old = store.get(gazette)
        assert old is not None
        store.save(old.merged(checked="2023-05-05T08:00:00+00:00"))
    site.serve("/gazette.xml", GAZETTE.replace("</channel>", NEW_ITEM + "</channel>"))
    site.server.clear_log()
    app = start()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await settle(pilot)
        screen = main_screen(pilot)
        assert "Night market returns to the quay" in titles(screen)
        assert site.requested() == ["/gazette.xml"]  # the fans' feed is fresh: not fetched
        assert not app._notifications  # nothing failed, nothing to say

        screen.refresh_stale_feeds(30)  # what the timer does: nothing is stale now
        await settle(pilot)
        assert site.requested() == ["/gazette.xml"]
        assert screen.feed_status is None or "+1 new" in screen.feed_status

        # The config is read once: broken while the app runs, the feeds screen still opens.
        (config / "config.toml").write_text("refresh_minutes = [\n", encoding="utf-8")
        await pilot.press("S")
        await settle(pilot)
        assert isinstance(app.screen, SubscriptionsScreen)
        assert not app._notifications
