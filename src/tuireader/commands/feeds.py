"""`tuireader add URL`, `refresh [URL...]`, `feeds` and `unsubscribe URL...`: subscriptions
from the command line.

Every line printed names a feed by title and URL, both from the network, so both are
sanitised like article text.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from tuireader import locations
from tuireader.commands import CommandError
from tuireader.commands.output import console, exit_status, write_json_lines, write_table
from tuireader.config import fetched_library, load_config
from tuireader.feeds.adding import Added, Adder, AddError
from tuireader.feeds.fetching import Fetcher
from tuireader.feeds.policy import FetchPolicy
from tuireader.feeds.refreshing import FeedRefresher, RefreshResult
from tuireader.feeds.subscriptions import Subscription, SubscriptionStore
from tuireader.library import sanitize
from tuireader.store import Database

FETCH_POLICY = FetchPolicy()
"""The limits every command fetches with (tests shorten the backoff)."""
NO_SUBSCRIPTIONS = "tuireader: no subscriptions (tuireader add URL subscribes to a feed)"


@dataclass(frozen=True, slots=True)
class FeedSession:
    store: SubscriptionStore
    refresher: FeedRefresher


@contextlib.contextmanager
def feed_session(args: argparse.Namespace) -> Iterator[FeedSession]:
    data_dir = locations.data_dir(args.data_dir)
    library = fetched_library(load_config(), data_dir)
    with Database(data_dir) as db, Fetcher(FETCH_POLICY) as fetcher:
        if db.recovery_message:
            print(f"tuireader: {db.recovery_message}", file=sys.stderr)
        yield FeedSession(SubscriptionStore(db), FeedRefresher(fetcher, library))


def run_add(args: argparse.Namespace) -> int:
    with feed_session(args) as session:
        adder = Adder(session.refresher, session.store)
        try:
            added = adder.add(args.url, subscribe=args.subscribe, full_text=args.full_text)
        except AddError as error:
            print(f"tuireader: {sanitize(args.url)}: {sanitize(str(error))}", file=sys.stderr)
            return 1
    return _report_added(added)


def _report_added(added: Added) -> int:
    if added.result is not None:
        verb = "refreshed" if added.already_subscribed else "subscribed"
        print(f"{verb}  {result_line(added.result)}")
        return 1 if added.result.failed else 0
    print(f"saved  {sanitize(added.page_title or '')}  {sanitize(str(added.page))}")
    for link in added.offered:
        print(f"offers a feed  {sanitize(link.title or '')}  {sanitize(link.url)}  "
              "(add --subscribe to subscribe to it)")
    return 0


def run_refresh(args: argparse.Namespace) -> int:
    with feed_session(args) as session:
        subscriptions = _chosen(session.store, args.urls)
        results: list[Subscription] = []
        failed = 0
        try:
            for result in session.refresher.refresh_all(subscriptions):
                results.append(result.subscription)
                failed += result.failed
                print(result_line(result), flush=True)
        finally:  # what was refreshed before a Ctrl-C is still recorded
            session.store.save(*results)
    if not subscriptions:
        print(NO_SUBSCRIPTIONS, file=sys.stderr)
    return exit_status(failed)


def run_unsubscribe(args: argparse.Namespace) -> int:
    with Database(locations.data_dir(args.data_dir)) as db:
        store = SubscriptionStore(db)
        chosen = _chosen(store, args.urls)  # every URL checked before any is removed
        library = fetched_library(load_config(), db.data_dir)
        for subscription in chosen:
            store.remove(subscription.url)
            print(f"unsubscribed  {sanitize(subscription.title or '')}  "
                  f"{sanitize(subscription.url)}  (its saved entries stay in "
                  f"{sanitize(str(library / subscription.folder))})")
    return 0


def _chosen(store: SubscriptionStore, urls: list[str]) -> list[Subscription]:
    if not urls:
        return store.all()
    chosen = []
    for url in urls:
        subscription = store.get(url.strip())
        if subscription is None:
            raise CommandError(f"{sanitize(url)}: not a subscription (`tuireader feeds` "
                               "lists them; `tuireader add URL` subscribes)")
        chosen.append(subscription)
    return chosen


def result_line(result: RefreshResult) -> str:
    """One line per feed: `+3 new  Title  URL`, or `failed  URL: reason`."""
    sub = result.subscription
    url = sanitize(sub.url)
    if result.failed:
        return f"failed  {url}: {sanitize(sub.error or 'unknown error')}"
    counts = f"+{result.new} new" + (f", {result.updated} updated" if result.updated else "")
    notes = [note for note in ("not modified" if sub.status == "not modified" else None,
                               sub.warning) if note]
    suffix = f"  ({sanitize('; '.join(notes))})" if notes else ""
    return f"{counts}  {sanitize(sub.title or '')}  {url}{suffix}"


def run_feeds(args: argparse.Namespace) -> int:
    with Database(locations.data_dir(args.data_dir)) as db:
        subscriptions = SubscriptionStore(db).all()
    if args.json:
        write_json_lines(_as_json(sub) for sub in subscriptions)
        return 0
    if not subscriptions:
        print(NO_SUBSCRIPTIONS, file=sys.stderr)
        return 0
    rows = [[(sub.last_result, "red" if sub.status == "failed" else "cyan"),
             (sub.title or "", "bold"), (sub.url, "dim")] for sub in subscriptions]
    write_table(console(), rows, flexible=1)
    return 0


def _as_json(sub: Subscription) -> dict[str, Any]:
    data = sub.as_json()
    data["group"] = list(sub.group)
    return data

