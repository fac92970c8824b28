"""Refreshing subscriptions: fetch (conditionally), parse, write the entries, record the result.

Feeds are refreshed by a pool of threads; the fetcher keeps each host to its own limit.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from tuireader.feeds.entry_files import EntryDocument, EntryFolder, derived_id
from tuireader.feeds.feed import Feed, FeedEntry, NotAFeedError
from tuireader.feeds.fetching import Fetched, Fetcher, FetchError
from tuireader.feeds.parsing import parse_feed
from tuireader.feeds.subscriptions import Subscription

logger = logging.getLogger(__name__)

WORKERS = 16
FEED_ACCEPT = ("application/rss+xml, application/atom+xml, application/feed+json, "
               "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5")
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
TITLE_WORDS = 12


@dataclass(frozen=True, slots=True)
class RefreshResult:
    subscription: Subscription
    """The subscription with this refresh's outcome recorded (status, validators...)."""
    new: int = 0
    updated: int = 0

    @property
    def failed(self) -> bool:
        return self.subscription.status == "failed"


def now_iso() -> str:
    return datetime.now(UTC).astimezone().isoformat(timespec="seconds")


class FeedRefresher:
    """Turns a subscription into files under `library`; one per CLI command (or app task)."""

    def __init__(self, fetcher: Fetcher, library: Path,
                 clock: Callable[[], str] = now_iso) -> None:
        self.fetcher = fetcher
        self.library = library
        self._clock = clock

    def refresh_all(self, subscriptions: Iterable[Subscription],
                    workers: int = WORKERS) -> Iterator[RefreshResult]:
        """Each subscription's result, as soon as it is known (not in the given order)."""
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="refresh") as pool:
            futures = [pool.submit(self.refresh, sub) for sub in subscriptions]
            for future in as_completed(futures):
                yield future.result()

    def refresh(self, subscription: Subscription) -> RefreshResult:
        """Never raises: a failure is the result's `error` (and is logged)."""
        try:
            fetched = self.fetcher.fetch(subscription.url, subscription.validators,
                                         accept=FEED_ACCEPT)
            if fetched.not_modified:
                return RefreshResult(self._checked(subscription, fetched, "not modified"))
            feed = parse_feed(fetched.content, fetched.content_type, fetched.url)
            return self.store(subscription, fetched, feed)
        except (FetchError, NotAFeedError) as error:
            logger.info("Refreshing %s failed: %s", subscription.url, error)
            return self._failed(subscription, str(error))
        except Exception as error:
            logger.exception("Refreshing %s failed", subscription.url)
            return self._failed(subscription, f"{type(error).__name__}: {error}")

    def store(self, subscription: Subscription, fetched: Fetched, feed: Feed) -> RefreshResult:
        """Write the feed's entries into the subscription's folder and record the result."""
        folder = EntryFolder(self.library / subscription.folder)
        new = updated = 0
        for entry in feed.entries:
            if folder.was_deleted(self._article_id(subscription, entry)):
                continue  # the user deleted its file: it stays deleted
            _path, created = folder.save(self._document(subscription, entry, folder))
            new += created is True
            updated += created is False
        checked = self._checked(subscription, fetched, "ok").merged(
            title=feed.title or subscription.title, new=new, warning=feed.warning)
        return RefreshResult(checked, new=new, updated=updated)

    def _document(self, subscription: Subscription, entry: FeedEntry,
                  folder: EntryFolder) -> EntryDocument:
        from tuireader.web.extraction import fragment_markdown

        article_id = self._article_id(subscription, entry)
        body = None
        saved = folder.find(article_id, entry.link)
        if saved is not None and saved.full_text:  # `F` in the app fetched it: keep it
            body = folder.body_of(saved)
        elif subscription.full_text and entry.link:
            body = self._full_text(article_id, entry.link, folder)
        full_text = body is not None
        if body is None:
            body = fragment_markdown(entry.html) if entry.html else ""
        return EntryDocument(
            id=article_id,
            title=entry.title or _first_words(body) or "Untitled",
            date=entry.published,
            source=entry.link,
            author=entry.author,
            feed=subscription.url,
            guid=entry.guid,
            body=body,
            full_text=full_text,
        )

    @staticmethod
    def _article_id(subscription: Subscription, entry: FeedEntry) -> str:
        key = entry.key or derived_id(entry.title or "", str(entry.published), entry.html)
        return derived_id(subscription.url, key)

    def _full_text(self, article_id: str, link: str, folder: EntryFolder) -> str | None:
        """The linked page's article: kept from the saved file, else fetched once.

        None (the feed's summary is used) when the page cannot be fetched or has no text.
        """
        saved = folder.find(article_id, link)
        if saved is not None:
            return folder.body_of(saved)
        from tuireader.web.extraction import extract_page

        try:
            page = self.fetcher.fetch(link, accept=PAGE_ACCEPT)
            text = extract_page(page.content, page.url).text
        except FetchError as error:
            logger.info("Full text of %s not fetched: %s", link, error)
            return None
        except Exception:
            logger.exception("Full text of %s could not be extracted", link)
            return None
        return text or None

    def _checked(self, subscription: Subscription, fetched: Fetched,
                 status: str) -> Subscription:
        validators = fetched.validators
        keep = fetched.not_modified
        return subscription.merged(
            checked=self._clock(), status=status, error=None, new=0,
            warning=subscription.warning if keep else None,
            etag=validators.etag or (subscription.etag if keep else None),
            last_modified=validators.last_modified or (
                subscription.last_modified if keep else None),
        )

    def _failed(self, subscription: Subscription, reason: str) -> RefreshResult:
        return RefreshResult(subscription.merged(checked=self._clock(), status="failed",
                                                 error=reason, new=0))


def _first_words(body: str) -> str | None:
    """A title for an entry that has none: the start of its text."""
    words = body.split()
    if not words:
        return None
    title = " ".join(words[:TITLE_WORDS]).lstrip("#>- ")
    return title + ("…" if len(words) > TITLE_WORDS else "")
