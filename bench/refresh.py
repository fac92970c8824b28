"""Refreshing N subscriptions served from loopback: serial against concurrent, then the
second, conditional refresh (every feed answers 304).

The feeds are our own generated RSS (20 entries each), served by threading HTTP servers on
loopback addresses 127.0.0.1 ... 127.0.0.K (all loopback on Linux; `--hosts K`, default 8),
so the per-host limit (4) applies as it would to K real sites. One feed in ten is slow
(answers after `--slow` seconds), one in twenty fails (half 404, half 503: retried with
backoff). Each run starts from an empty data dir: the first refresh writes every entry file
and the subscriptions' results (one store write), the second sends If-None-Match and gets
304s. Prints medians of `--runs` runs; never asserts on time.

    python bench/refresh.py 200 [--runs 3] [--hosts 8] [--slow 0.3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from tuireader.feeds.fetching import Fetcher, FetchPolicy
from tuireader.feeds.refreshing import WORKERS, FeedRefresher
from tuireader.feeds.subscriptions import Subscription, SubscriptionStore
from tuireader.store import Database

ENTRIES = 20
POLICY = FetchPolicy(backoff=0.25)


def feed_xml(number: int) -> bytes:
    start = datetime(2024, 1, 1, tzinfo=UTC)
    items = "".join(
        f"<item><title>Feed {number} story {n}</title><guid>f{number}-s{n}</guid>"
        f"<link>http://news.example/{number}/{n}</link>"
        f"<pubDate>{format_datetime(start + timedelta(hours=n))}</pubDate>"
        f"<description>&lt;p&gt;Story {n} of feed {number} happened on Monday, "
        f"{'and then more text. ' * 20}&lt;/p&gt;</description></item>"
        for n in range(ENTRIES))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {number}</title>'
            f"{items}</channel></rss>").encode()


def handler(slow: float) -> type[BaseHTTPRequestHandler]:
    class Feeds(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            number = int(self.path.strip("/").removesuffix(".xml"))
            if number % 20 == 7:
                self.send_error(404 if number % 40 == 7 else 503)
                return
            if number % 10 == 3:
                time.sleep(slow)
            etag = f'"v{number}"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            body = feed_xml(number)
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("ETag", etag)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: object) -> None:
            pass

    return Feeds


def start_servers(hosts: int, slow: float) -> list[ThreadingHTTPServer]:
    servers = []
    for index in range(hosts):
        server = ThreadingHTTPServer((f"127.0.0.{index + 1}", 0), handler(slow))
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
    return servers


def subscriptions(count: int, servers: list[ThreadingHTTPServer]) -> list[Subscription]:
    subs = []
    for number in range(count):
        host, port = servers[number % len(servers)].server_address[:2]
        subs.append(Subscription(url=f"http://{host}:{port}/{number}.xml",
                                 folder=f"feed-{number}"))
    return subs


def refresh(subs: list[Subscription], data: Path, workers: int) -> tuple[float, list[Subscription],
                                                                         int, int]:
    """Seconds for one whole refresh (fetch, parse, write files, save the results)."""
    started = time.perf_counter()
    with Database(data) as db, Fetcher(POLICY) as fetcher:
        refresher = FeedRefresher(fetcher, data / "library")
        results = list(refresher.refresh_all(subs, workers=workers))
        SubscriptionStore(db).save(*(result.subscription for result in results))
    elapsed = time.perf_counter() - started
    new = sum(result.new for result in results)
    failed = sum(result.failed for result in results)
    return elapsed, [result.subscription for result in results], new, failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, metavar="N")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--hosts", type=int, default=8)
    parser.add_argument("--slow", type=float, default=0.3)
    args = parser.parse_args()
    servers = start_servers(args.hosts, args.slow)
    subs = subscriptions(args.count, servers)
    timings: dict[str, list[float]] = {"serial": [], "concurrent": [], "conditional": []}
    counts = ""
    for _run in range(args.runs):
        for label, workers in (("serial", 1), ("concurrent", WORKERS)):
            with tempfile.TemporaryDirectory() as folder:
                elapsed, refreshed, new, failed = refresh(subs, Path(folder), workers)
                timings[label].append(elapsed)
                if label == "concurrent":
                    second, _subs, again, _failed = refresh(refreshed, Path(folder), workers)
                    timings["conditional"].append(second)
                    counts = (f"first refresh: {new} entries written, {failed} feeds failed; "
                              f"conditional: {again} new")
    for server in servers:
        server.shutdown()
    median = {label: statistics.median(values) for label, values in timings.items()}
    print(f"{args.count} feeds x {ENTRIES} entries on {args.hosts} loopback hosts; "
          f"{WORKERS} workers, {POLICY.per_host} per host; 1 in 10 slow ({args.slow:g} s), "
          f"1 in 20 failing (backoff {POLICY.backoff:g} s); median of {args.runs} runs")
    print(counts)
    for label in ("serial", "concurrent", "conditional"):
        print(f"  {label:12} {median[label]:7.2f} s   "
              f"({', '.join(f'{value:.2f}' for value in timings[label])})")
    print(f"  serial / concurrent: {median['serial'] / median['concurrent']:.1f}x; "
          f"conditional / concurrent first refresh: "
          f"{median['conditional'] / median['concurrent']:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
