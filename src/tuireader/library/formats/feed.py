"""Feed files (RSS 0.9x/1.0/2.0, Atom, JSON Feed): one article per entry.

A file is a feed by what it holds, whatever its suffix. `looks_like_feed` decides from the
first bytes (the root element after any prologue, or JSON naming a jsonfeed.org version),
so a `.json` or `.xml` that is something else is skipped without being parsed, and a feed is
parsed once. Parsing is `tuireader.feeds.parsing` (feedparser, hardened; it recovers what it
can of broken feeds); each entry's HTML becomes the same Markdown as a saved page's text.
"""

from __future__ import annotations

import codecs
import logging
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from tuireader.library.formats.base import FormatError, ParsedMetadata, clean_text
from tuireader.library.ids import derived_id, entry_id

if TYPE_CHECKING:
    from tuireader.feeds.feed import FeedEntry

logger = logging.getLogger(__name__)

FORMAT_NAME = "feed"
SUFFIXES = (".xml", ".rss", ".atom", ".rdf", ".json")
"""Suffixes feeds usually have; a file with one of them that is not a feed is skipped."""
SNIFF_BYTES = 4096
"""How much of a file `looks_like_feed` needs (a prologue of comments and a doctype fits)."""
TITLE_LENGTH = 80
"""An entry without a title is named by the start of its text, cut to this many characters."""

_XML_FEED = re.compile(
    rb"(?:\s|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>)*"
    rb"<(?:[A-Za-z_][\w.-]*:)?(?:rss|feed|rdf)[\s>/]",
    re.DOTALL | re.IGNORECASE,
)
"""The root element of an RSS, Atom or RSS 1.0 (RDF) document, after whatever may come first
(declarations, a bogus processing instruction, comments, a doctype)."""
_JSON_FEED_MARK = b"jsonfeed.org/version"
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_MARKDOWN_PREFIX = re.compile(r"(?:#{1,6} |> |- |\d+\. )+")
_SENTENCE_END = re.compile("(?<=[.!?])\\s+(?=[A-Z\\d\"'(\u201c\u2018])")
_RECOVERED_SUFFIX = "; read what was there"


def might_be_feed(head: bytes) -> bool:
    """Whether a file starting with `head` (`SNIFF_BYTES` of it) may be a feed: an XML feed
    root, or a JSON object (which `looks_like_feed` confirms on the whole file)."""
    head = _ascii_view(head)
    return _XML_FEED.match(head) is not None or head.lstrip()[:1] == b"{"


def looks_like_feed(data: bytes) -> bool:
    """Whether the file's bytes are a feed, from its first bytes: RSS, Atom or RDF as the root
    element, or a JSON object naming a jsonfeed.org version."""
    head = _ascii_view(data[:SNIFF_BYTES])
    if _XML_FEED.match(head) is not None:
        return True
    return head.lstrip()[:1] == b"{" and _JSON_FEED_MARK in data


def _ascii_view(head: bytes) -> bytes:
    """The markup of `head` as ASCII bytes: without a BOM, and without the NULs of UTF-16."""
    head = head.removeprefix(codecs.BOM_UTF8)
    if head.startswith(_UTF16_BOMS):
        head = head[2:]
    if b"\x00" in head[:64]:
        head = head.replace(b"\x00", b"")
    return head


def parse_feed_file(data: bytes, path: Path) -> tuple[ParsedMetadata, ...]:
    """Each entry that has something to show (a title, text or a link), in feed order;
    FormatError when the file is no feed, or no entry could be read from it."""
    # Deferred: feedparser, defusedxml and lxml cost ~0.2 s to import, paid once a feed is read.
    from tuireader.feeds.feed import NotAFeedError
    from tuireader.feeds.parsing import parse_feed

    try:
        feed = parse_feed(data)
    except NotAFeedError as error:
        raise FormatError(str(error)) from error
    except Exception as error:  # a third-party parser: any failure is this file's problem
        logger.exception("parsing the feed %s failed", path)
        raise FormatError(f"could not read the feed ({type(error).__name__})") from error
    warning = feed.warning.removesuffix(_RECOVERED_SUFFIX) if feed.warning else None
    entries = tuple(_entries(feed.entries, feed.link or "", warning))
    if not entries:
        raise FormatError(f"{warning}; no entry could be read" if warning
                          else "a feed with no entries")
    return entries


def _entries(entries: Iterable[FeedEntry], feed_key: str, warning: str | None
              ) -> Iterable[ParsedMetadata]:
    from tuireader.web.extraction import fragment_markdown

    taken: set[str] = set()
    warnings = (f"{warning}; these entries are what could be read",) if warning else ()
    for entry in entries:
        text = fragment_markdown(entry.html).strip() if entry.html else ""
        title = clean_text(entry.title) or _title_from(text)
        if not title and not entry.link:
            continue  # nothing recovered of it
        title = title or entry.link or ""
        key = _unique(entry.key or derived_id(title, entry.published), taken)
        yield ParsedMetadata(
            title=title,
            body_start=0,
            date=entry.published,
            source=entry.link,
            author=clean_text(entry.author),
            id=entry_id(feed_key, key),
            warnings=warnings,
            text=(text or title) + "\n",
            entry=key,
        )


def _title_from(text: str) -> str | None:
    """For an entry without a title (common in RSS): its first sentence when short enough,
    else the start of it cut at a word."""
    for line in text.split("\n"):
        words = clean_text(_MARKDOWN_PREFIX.sub("", line.strip(), count=1))
        if words:
            sentence = _SENTENCE_END.split(words, maxsplit=1)[0].rstrip(".")
            if len(sentence) <= TITLE_LENGTH:
                return sentence
            cut = sentence[: TITLE_LENGTH - 1]
            space = cut.rfind(" ")
            return (cut[:space] if space > TITLE_LENGTH // 2 else cut).rstrip(" ,;:") + "…"
    return None


def _unique(key: str, taken: set[str]) -> str:
    """`key`, or `key#2`, `key#3`... when entries of the file share a guid."""
    candidate, number = key, 1
    while candidate in taken:
        number += 1
        candidate = f"{key}#{number}"
    taken.add(candidate)
    return candidate
