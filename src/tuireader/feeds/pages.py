"""Web pages: telling one from a feed, and the feeds a page links (`<link rel="alternate">`)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from tuireader.feeds.urls import RefusedURLError, checked_url, resolved

logger = logging.getLogger(__name__)

FEED_TYPES = frozenset({
    "application/rss+xml", "application/atom+xml", "application/rdf+xml",
    "application/feed+json", "application/json", "text/xml", "application/xml",
})
SNIFF = 2048
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML_ROOT = re.compile(rb"<(?:!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class FeedLink:
    url: str
    title: str | None


def is_page(content: bytes, content_type: str) -> bool:
    """HTML rather than a feed: the content decides first (feeds are often served as
    text/html, pages rarely look like a feed), the Content-Type when the start says nothing."""
    head = content[:SNIFF]
    if _FEED_ROOT.search(head):
        return False
    if _HTML_ROOT.search(head):
        return True
    kind = content_type.split(";")[0].strip().lower()
    return kind in ("text/html", "application/xhtml+xml")


def feed_links(html: str, base_url: str) -> list[FeedLink]:
    """The feeds the page announces, absolute, http(s) only, in page order, each once."""
    finder = _AlternateLinks()
    try:
        finder.feed(html)
        finder.close()
    except AssertionError:  # html.parser gives up on some broken markup; keep what it found
        logger.warning("Broken HTML in %s while looking for feed links", base_url,
                       exc_info=True)
    links: list[FeedLink] = []
    for href, title in finder.found:
        try:
            url = checked_url(resolved(base_url, href))
        except RefusedURLError:
            logger.info("Ignoring feed link %r in %s", href, base_url)
            continue
        if all(link.url != url for link in links):
            links.append(FeedLink(url, title))
    return links


class _AlternateLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "link":
            return
        values = {name: value or "" for name, value in attrs}
        rels = values.get("rel", "").lower().split()
        kind = values.get("type", "").split(";")[0].strip().lower()
        if "alternate" in rels and kind in FEED_TYPES and values.get("href"):
            title = " ".join(values.get("title", "").split()) or None
            self.found.append((values["href"], title))
