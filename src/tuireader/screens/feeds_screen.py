"""Feeds in the app: `r`/`R` refresh one feed or all, `F` fetches the open entry's full text,
`o` opens an article's page in the browser, and the list names each entry's feed.

Every fetch runs in a thread worker with the fetcher's limits; what a refresh writes into
the library folder reaches the list through a re-scan (the library index stays the one
truth). The main screen derives from this screen.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar
from urllib.parse import urlsplit

from textual import on, work
from textual.app import SuspendNotSupported
from textual.binding import Binding, BindingType
from textual.message import Message

from tuireader.config import Config, fetched_library, inside
from tuireader.feeds.policy import FetchPolicy
from tuireader.library.article import Article
from tuireader.library.catalog import Catalog
from tuireader.locations import cache_dir
from tuireader.screens.library_screen import LibraryScreen
from tuireader.widgets.article_list import ArticleList
from tuireader.widgets.safe_text import visible

if TYPE_CHECKING:  # the first paint imports neither httpx nor TinyDB (nor webbrowser)
    from tuireader.browser import Browser
    from tuireader.feeds.refreshing import RefreshResult
    from tuireader.screens.subscriptions_screen import FeedsClosed
    from tuireader.store.session import SavedState

logger = logging.getLogger(__name__)

FETCH_POLICY = FetchPolicy()
"""The limits the app fetches with (tests shorten them)."""
BROWSER_SCHEMES = frozenset({"http", "https"})
RESULT_SHOWN = 10.0
"""Seconds the list's title says how the last refresh went."""


class FeedNames(Message):
    """The subscriptions' titles by feed URL (for the list's feed column)."""

    def __init__(self, names: dict[str, str]) -> None:
        super().__init__()
        self.names = names


class FeedRefreshed(Message):
    """One feed of `total` is done (`result`), or the refresh starts (`result` None)."""

    def __init__(self, done: int, total: int, result: RefreshResult | None) -> None:
        super().__init__()
        self.done = done
        self.total = total
        self.result = result


class FeedsRefreshDone(Message):
    """The refresh is over: `new` entries saved, `failed` feeds; `problem`: why it could not
    run at all (no database, no subscriptions)."""

    def __init__(self, new: int, updated: int, failed: int, problem: str | None = None,
                 *, nothing_due: bool = False) -> None:
        super().__init__()
        self.new = new
        self.updated = updated
        self.failed = failed
        self.problem = problem
        self.nothing_due = nothing_due
        """A timed refresh found every feed fresh enough: nothing to say."""


class FullTextDone(Message):
    """`F` finished for `article`: its file holds the full text, or `error` says why not."""

    def __init__(self, article: Article, error: str | None) -> None:
        super().__init__()
        self.article = article
        self.error = error


class FeedsScreen(LibraryScreen):
    """Subclasses show `feed_status` in the list's title (`titles_changed`)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "refresh_feed", "Refresh this feed", show=False, id="main.refresh_feed"),
        Binding("R", "refresh_feeds", "Refresh all feeds", show=False,
                id="main.refresh_all_feeds"),
        Binding("F", "full_text", "Fetch full text", show=False, id="main.full_text"),
        Binding("o", "open_source", "Open in browser", show=False, id="main.open_source"),
        Binding("S", "subscriptions", "Feeds", show=False, id="main.subscriptions"),
    ]

    config: Config
    """The config the app started with (the feeds' library folder, the timed refresh)."""
    feed_status: str | None = None
    """What the feeds' refresh is doing or did, for the list's title (None: nothing)."""
    _refreshing = False

    def reading_state_loaded(self, state: SavedState) -> None:
        super().reading_state_loaded(state)
        self.load_feed_names()
        self._schedule_refreshes()

    def _schedule_refreshes(self) -> None:
        """`refresh_minutes` in the config: stale feeds now, then every so often."""
        minutes = self.config.refresh_minutes
        if minutes is not None:
            self.set_interval(minutes * 60, lambda: self.refresh_stale_feeds(minutes))
            self.refresh_stale_feeds(minutes)

    def refresh_stale_feeds(self, minutes: float) -> None:
        """The feeds not refreshed for `minutes`, quietly when there are none."""
        if not self._refreshing:  # the title shows progress once a feed is due
            self._refreshing = True
            self.refresh_feeds(None, minutes)

    @work(thread=True, exclusive=True, group="feed-names", exit_on_error=False)
    def load_feed_names(self) -> None:
        from tuireader.feeds.subscriptions import SubscriptionStore

        db = self.session.wait()
        if db is not None:
            subscriptions = SubscriptionStore(db).all()
            self.post_message(FeedNames({sub.url: sub.title or "" for sub in subscriptions}))

    @on(FeedNames)
    def _show_feed_names(self, event: FeedNames) -> None:
        self.article_list.set_feed_names(event.names)
        self.titles_changed()

    @on(ArticleList.FeedFilterChanged)
    def _feed_filter_changed(self, _: ArticleList.FeedFilterChanged) -> None:
        self.titles_changed()

    def action_subscriptions(self) -> None:
        from tuireader.screens.subscriptions_screen import SubscriptionsScreen

        library = fetched_library(self.config, self.session.data_dir)
        self.app.push_screen(SubscriptionsScreen(self.session, library), self._feeds_closed)

    def _feeds_closed(self, closed: FeedsClosed | None) -> None:
        if closed is None:
            return
        if closed.changed:
            self._include(closed.library)
            self.rescan_library()
            self.load_feed_names()
        if self.article_list.feed_filter in closed.removed:  # narrowed to a feed now gone
            self.article_list.set_feed_filter(None)
            self.titles_changed()
        if closed.narrow_to is not None:
            self.article_list.set_feed_filter(closed.narrow_to)
            self.article_list.focus()
            self.titles_changed()

    def _include(self, folder: Path) -> None:
        """Show what is fetched even when the app was started on other folders (the bundled
        samples, a path on the command line), as `tuireader` with no path would."""
        if not inside(folder, self.paths):
            self.paths = [*self.paths, folder]

    def action_refresh_feed(self) -> None:
        article = self._target()
        if article is None or article.feed is None:
            self.notify("Not a feed's entry: r refreshes the feed of the selected entry, "
                        "R every feed.", title="Feeds", timeout=5, markup=False)
            return
        self._start_refresh([article.feed])

    def action_refresh_feeds(self) -> None:
        self._start_refresh(None)

    def _start_refresh(self, urls: list[str] | None) -> None:
        if self._refreshing:
            self.notify("The feeds are being refreshed already.", title="Feeds", timeout=3)
            return
        self._refreshing = True
        self.feed_status = "refreshing feeds…"
        self.titles_changed()
        self.refresh_feeds(urls)

    @work(thread=True, exclusive=True, group="feeds", exit_on_error=False)
    def refresh_feeds(self, urls: Sequence[str] | None, due_minutes: float | None = None) -> None:
        """Refresh the feeds at `urls` (None: all; with `due_minutes`, those not refreshed
        for that long), reporting each as it is done."""
        from tuireader.feeds.fetching import Fetcher
        from tuireader.feeds.refreshing import FeedRefresher
        from tuireader.feeds.subscriptions import SubscriptionStore

        try:
            db = self.session.wait()
            if db is None:
                self.post_message(FeedsRefreshDone(0, 0, 0, "the database could not be opened"))
                return
            store = SubscriptionStore(db)
            chosen = store.all() if urls is None else [
                sub for sub in map(store.get, urls) if sub is not None]
            if due_minutes is not None:
                now = datetime.now(UTC)
                chosen = [sub for sub in chosen if sub.due(now, due_minutes)]
                if not chosen:
                    self.post_message(FeedsRefreshDone(0, 0, 0, nothing_due=True))
                    return
            if not chosen:
                self.post_message(FeedsRefreshDone(0, 0, 0, "no subscriptions (tuireader add "
                                                   "URL subscribes to a feed)"))
                return
            library = fetched_library(self.config, self.session.data_dir)
            new = updated = failed = 0
            results = []
            self.post_message(FeedRefreshed(0, len(chosen), None))
            with Fetcher(FETCH_POLICY) as fetcher:
                try:
                    refresher = FeedRefresher(fetcher, library)
                    for result in refresher.refresh_all(chosen):
                        results.append(result.subscription)
                        new, updated = new + result.new, updated + result.updated
                        failed += result.failed
                        self.post_message(FeedRefreshed(len(results), len(chosen), result))
                finally:  # what was refreshed is recorded, even if a later step failed
                    store.save(*results)
            self.post_message(FeedsRefreshDone(new, updated, failed))
        except Exception as error:
            logger.exception("refreshing the feeds failed")
            self.post_message(FeedsRefreshDone(0, 0, 0, str(error)))

    @on(FeedRefreshed)
    def _feed_refreshed(self, event: FeedRefreshed) -> None:
        self.feed_status = f"refreshing feeds {event.done}/{event.total}…"
        result = event.result
        if result is not None and result.failed:
            sub = result.subscription
            self.notify(visible(f"{sub.title or sub.url}: {sub.error or 'unknown error'}"),
                        title="Feed not refreshed", severity="warning", timeout=10,
                        markup=False)
        self.titles_changed()

    @on(FeedsRefreshDone)
    def _feeds_refreshed(self, event: FeedsRefreshDone) -> None:
        self._refreshing = False
        if event.nothing_due:
            self.feed_status = None
        elif event.problem is not None:
            self.feed_status = None
            self.notify(visible(f"Feeds not refreshed: {event.problem}"), title="Feeds",
                        severity="error", timeout=10, markup=False)
        else:
            failed = f", {event.failed} failed" if event.failed else ""
            self.feed_status = f"feeds: +{event.new} new{failed}"
            self.set_timer(RESULT_SHOWN, self._clear_feed_status)
            if event.new or event.updated:
                self.rescan_library()
        self.load_feed_names()
        self.titles_changed()

    def _clear_feed_status(self) -> None:
        if not self._refreshing:
            self.feed_status = None
            self.titles_changed()

    def rescan_library(self) -> None:
        """Show what was written into the library folder: the scan re-reads only new and
        changed files, and the index is saved as after any scan."""
        self.scan_library(Catalog(self.paths, cache_dir(self.session.data_dir)))

    def action_full_text(self) -> None:
        article = self.current
        if article is None:
            self.notify("Open a feed's entry first: F fetches its full text.", title="Full text",
                        timeout=4)
            return
        if article.feed is None or not article.source:
            self.notify("F works on a feed's entry with a link to its page; this article has "
                        "none.", title="Full text", timeout=5)
            return
        self.notify(visible(f"Fetching {article.source}…"), title="Full text", timeout=3,
                    markup=False)
        self.fetch_full_text(article)

    @work(thread=True, exclusive=True, group="full-text", exit_on_error=False)
    def fetch_full_text(self, article: Article) -> None:
        from tuireader.feeds.fetching import Fetcher
        from tuireader.feeds.full_text import FullTextError, fetch_full_text

        try:
            with Fetcher(FETCH_POLICY) as fetcher:
                fetch_full_text(fetcher, article.path, article.source)
        except FullTextError as error:
            logger.info("Full text of %s not fetched: %s", article.path, error)
            self.post_message(FullTextDone(article, str(error)))
            return
        self.post_message(FullTextDone(article, None))

    @on(FullTextDone)
    def _full_text_done(self, event: FullTextDone) -> None:
        if event.error is not None:
            self.notify(visible(f"Full text not fetched: {event.error}"), title="Full text",
                        severity="error", timeout=10, markup=False)
            return
        self.notify("The entry now holds the full article.", title="Full text", timeout=4)
        current = self.current
        if current is not None and current.id == event.article.id:
            self.open_article(current)  # read afresh; its notes are found again in it
        self.rescan_library()

    def open_article(self, article: Article, *, hold: bool = True) -> None:
        """Show `article` in the reader (the main screen)."""

    def action_open_source(self) -> None:
        article = self._target()
        url = article.source if article is not None else None
        if not url:
            self.notify("This article has no source URL to open.", title="Browser", timeout=4)
            return
        scheme = urlsplit(url).scheme.lower()
        if scheme not in BROWSER_SCHEMES:
            self.notify(visible(f"Not opened: only http and https links are opened ({url})."),
                        title="Browser", severity="warning", timeout=6, markup=False)
            return
        from tuireader.browser import BrowserKind, find_browser

        browser = find_browser()
        if browser is None:
            self.copy_link(url, "No browser was found (set $BROWSER)")
        elif browser.kind is BrowserKind.TERMINAL:
            self.open_in_terminal_browser(browser, url)
        else:
            self.notify(visible(f"Opening {url}"), title="Browser", timeout=3, markup=False)
            self.open_in_browser(browser, url)

    def copy_link(self, url: str, why: str) -> None:
        self.app.copy_to_clipboard(url)
        self.notify(visible(f"{why}: the link is copied to the clipboard. {url}"),
                    title="Browser", severity="warning", timeout=10, markup=False)

    def open_in_terminal_browser(self, browser: Browser, url: str) -> None:
        """A console browser gets the terminal to itself until it quits."""
        try:
            with self.app.suspend():
                opened = browser.open(url)
        except SuspendNotSupported:
            self.copy_link(url, f"{browser.name} needs the terminal, which cannot be lent here")
            return
        self.refresh(layout=True)
        if not opened:
            self.notify(f"The browser {browser.name} could not open the page.", title="Browser",
                        severity="error", timeout=8, markup=False)

    @work(thread=True, group="browser", exit_on_error=False)
    def open_in_browser(self, browser: Browser, url: str) -> None:
        """Starting a graphical browser can take a while."""
        if not browser.open(url):
            self.app.call_from_thread(
                self.notify, f"The browser {browser.name} could not be started.",
                title="Browser", severity="error", timeout=8, markup=False)

