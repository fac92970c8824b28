"""`tuireader opml import FILE` and `opml export [--out FILE]`."""

from __future__ import annotations

import argparse
import sys

from tuireader import locations
from tuireader.atomic import atomic_write
from tuireader.commands import CommandError
from tuireader.config import fetched_library, load_config
from tuireader.feeds.opml import OPMLError, read_opml, write_opml
from tuireader.feeds.refreshing import now_iso
from tuireader.feeds.subscriptions import Subscription, SubscriptionStore
from tuireader.library import sanitize
from tuireader.library.decoding import os_reason
from tuireader.store import Database


def run_opml(args: argparse.Namespace) -> int:
    if args.opml_command == "import":
        return _import(args)
    return _export(args)


def _import(args: argparse.Namespace) -> int:
    try:
        data = args.file.read_bytes()
    except OSError as error:
        raise CommandError(f"{sanitize(str(args.file))}: {os_reason(error)}") from None
    try:
        found = read_opml(data)
    except OPMLError as error:
        print(f"tuireader: {sanitize(str(args.file))}: {error}", file=sys.stderr)
        return 1
    for line in found.refused:
        print(f"tuireader: skipped {sanitize(line)}", file=sys.stderr)
    data_dir = locations.data_dir(args.data_dir)
    library = fetched_library(load_config(), data_dir)
    with Database(data_dir) as db:
        store = SubscriptionStore(db)
        new: list[Subscription] = []
        for feed in found.feeds:
            if store.get(feed.url) is not None or any(sub.url == feed.url for sub in new):
                continue
            folder = store.new_folder(feed.title, feed.url, library,
                                      pending=(sub.folder for sub in new))
            new.append(Subscription(url=feed.url, title=feed.title, group=feed.group,
                                    folder=folder, added=now_iso()))
        store.save(*new)
    known = len(found.feeds) - len(new)
    print(f"imported {len(new)} subscriptions ({known} already subscribed); "
          "`tuireader refresh` fetches them")
    return 1 if found.refused else 0


def _export(args: argparse.Namespace) -> int:
    with Database(locations.data_dir(args.data_dir)) as db:
        document = write_opml(SubscriptionStore(db).all())
    if args.out is None:
        sys.stdout.buffer.write(document)
        sys.stdout.flush()
        return 0
    try:
        atomic_write(args.out, document, mode=0o644)
    except OSError as error:
        print(f"tuireader: cannot write {sanitize(str(args.out))}: {os_reason(error)}",
              file=sys.stderr)
        return 1
    print(sanitize(str(args.out)))
    return 0
