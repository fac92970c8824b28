"""`add URL`: a feed is subscribed, a page saved as one article, a page's feed offered."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from tuireader.feeds.entry_files import EntryDocument, EntryFolder, derived_id
from tuireader.feeds.feed import NotAFeedError
from tuireader.feeds.fetching import Fetched, FetchError
from tuireader.feeds.pages import FeedLink, feed_links, is_page
from tuireader.feeds.parsing import parse_feed
from tuireader.feeds.refreshing import (
    FEED_ACCEPT,
    FeedRefresher,
    RefreshResult,
    now_iso,
)
from tuireader.feeds.subscriptions import PAGES_FOLDER, Subscription, SubscriptionStore
from tuireader.feeds.urls import RefusedURLError, checked_url

logger = logging.getLogger(__name__)

class AddError(Exception):
    """`add` could not do what was asked; one line for the user."""


@dataclass(frozen=True, slots=True)
class Added:
    """What `add` did: subscribed (`result`), or saved a page (`page`), maybe offering feeds."""

    result: RefreshResult | None = None
    already_subscribed: bool = False
    page: Path | None = None
    page_title: str | None = None
    offered: list[FeedLink] = field(default_factory=list)


class Adder:
    def __init__(self, refresher: FeedRefresher, store: SubscriptionStore) -> None:
        self._refresher = refresher
        self._store = store

    def add(self, url: str, *, subscribe: bool = False, full_text: bool = False) -> Added:
        url = _checked(url)
        existing = self._store.get(url)
        if existing is not None:
            return self._resubscribe(existing, full_text)
        fetched = self._fetch(url)
        if not is_page(fetched.content, fetched.content_type):
            return Added(result=self._subscribe(url, fetched, full_text))
        links = feed_links(_page_text(fetched), fetched.url)
        if subscribe:
            if not links:
                raise AddError("the page links no feed (no <link rel=\"alternate\">)")
            return self._subscribe_link(links[0].url, full_text)
        page, title = self._save_page(fetched)
        return Added(page=page, page_title=title, offered=links)

    def _subscribe_link(self, url: str, full_text: bool) -> Added:
        """Subscribe to the feed a page links."""
        existing = self._store.get(url)
        if existing is not None:
            return self._resubscribe(existing, full_text)
        fetched = self._fetch(url)
        if is_page(fetched.content, fetched.content_type):
            raise AddError(f"the page's feed link {url} leads to another page, not a feed")
        return Added(result=self._subscribe(url, fetched, full_text))

    def _resubscribe(self, subscription: Subscription, full_text: bool) -> Added:
        if full_text and not subscription.full_text:
            subscription = subscription.merged(full_text=True)
        result = self._refresher.refresh(subscription)
        self._store.save(result.subscription)
        return Added(result=result, already_subscribed=True)

    def _subscribe(self, url: str, fetched: Fetched, full_text: bool) -> RefreshResult:
        try:
            feed = parse_feed(fetched.content, fetched.content_type, fetched.url)
        except NotAFeedError as error:
            raise AddError(str(error)) from None
        subscription = Subscription(
            url=url, title=feed.title, full_text=full_text, added=now_iso(),
            folder=self._store.new_folder(feed.title, url, self._refresher.library),
        )
        result = self._refresher.store(subscription, fetched, feed)
        self._store.save(result.subscription)
        return result

    def _fetch(self, url: str) -> Fetched:
        try:
            return self._refresher.fetcher.fetch(url, accept=FEED_ACCEPT + ", text/html;q=0.8")
        except FetchError as error:
            raise AddError(str(error)) from None

    def _save_page(self, fetched: Fetched) -> tuple[Path, str]:
        from tuireader.web.extraction import extract_page

        page = extract_page(fetched.content, fetched.url)
        if not page.text.strip():
            raise AddError("no article text found in the page")
        title = " ".join((page.title or "").split()) or fetched.url
        document = EntryDocument(
            id=derived_id(fetched.url), title=title, date=page.date,
            source=page.source or fetched.url, author=page.author, feed=None, guid=None,
            body=page.text,
        )
        path, _created = EntryFolder(self._refresher.library / PAGES_FOLDER).save(document)
        return path, title


def _checked(url: str) -> str:
    try:
        return checked_url(url)
    except RefusedURLError as error:
        raise AddError(str(error)) from None


def _page_text(fetched: Fetched) -> str:
    """The page as text for finding its links (extraction gets the bytes and decodes them)."""
    charset = "utf-8"
    for part in fetched.content_type.split(";")[1:]:
        name, _, value = part.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    try:
        return fetched.content.decode(charset, errors="replace")
    except LookupError:
        return fetched.content.decode("utf-8", errors="replace")
