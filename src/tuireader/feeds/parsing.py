"""Feeds read with feedparser, hardened: no XML entity is expanded or fetched, and bytes whose
encoding nobody declared are decoded by the library's detector rather than guessed as cp1252.

feedparser recovers what it can from broken feeds (truncated files, bogus first lines, bad
CDATA) with its loose parser; when nothing is recovered the error says why in one line.
"""

from __future__ import annotations

import html
import io
import logging
import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import feedparser
import feedparser.api
from defusedxml import DefusedXmlException

from tuireader.feeds.feed import Feed, FeedEntry, NotAFeedError
from tuireader.feeds.json_feed import looks_like_json, parse_json_feed
from tuireader.web.extraction import fragment_markdown

logger = logging.getLogger(__name__)

# feedparser's strict pass runs on the first SAX parser of this list: defusedxml's refuses
# entity declarations and external references instead of expanding or fetching them.
feedparser.api.PREFERRED_XML_PARSERS = ["defusedxml.expatreader"]

_XML_DECLARATION = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._-]+)", re.IGNORECASE)
_DOCTYPE = re.compile(rb"<!DOCTYPE[^\[>]*(\[.*?\])?\s*>", re.DOTALL | re.IGNORECASE)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_SPACES = re.compile(r"\s+")


def parse_feed(content: bytes, content_type: str = "", url: str | None = None) -> Feed:
    """The feed in `content`; NotAFeedError when it is none (or nothing could be read)."""
    if "json" in content_type.lower() or looks_like_json(content):
        return parse_json_feed(content)
    data, charset = _declared_or_utf8(content, content_type)
    try:
        parsed = _feedparser(data, charset, url)
    except DefusedXmlException:
        logger.info("Feed %s declares XML entities; read without its DOCTYPE", url,
                    exc_info=True)
        parsed = _feedparser(_DOCTYPE.sub(b"", data, count=1), charset, url)
    entries = tuple(_entry(raw) for raw in parsed.entries)
    warning = _problem(parsed.get("bozo_exception")) if parsed.get("bozo") else None
    if not parsed.get("version") and not entries:
        raise NotAFeedError(f"not a feed ({warning})" if warning else "not a feed")
    return Feed(title=_title(parsed.feed), link=_plain(parsed.feed.get("link")),
                entries=entries, warning=warning)


def _feedparser(data: bytes, charset: str | None, url: str | None) -> Any:
    headers = {"content-type": f"application/xml; charset={charset}" if charset
               else "application/xml"}
    if url:
        headers["content-location"] = url
    # A stream, never a string: feedparser would take a string for a URL or a path to open.
    return feedparser.parse(io.BytesIO(data), response_headers=headers)


def _declared_or_utf8(content: bytes, content_type: str) -> tuple[bytes, str | None]:
    """The bytes for feedparser and the charset to tell it, if any.

    A BOM, an HTTP charset or an XML declaration are left to feedparser. Otherwise UTF-8 is
    tried, then the library's detector, whose text is handed over re-encoded as UTF-8.
    """
    stripped = content.lstrip(b" \t\r\n")  # a blank line before `<?xml` breaks the strict pass
    header = _CHARSET.search(content_type)
    if content.startswith(_BOMS):
        return content, None
    if header or _XML_DECLARATION.match(stripped):
        return stripped, header.group(1) if header else None
    try:
        stripped.decode("utf-8")
        return stripped, "utf-8"
    except UnicodeDecodeError:
        pass
    from tuireader.library.decoding import DecodeError, decode

    try:
        return decode(stripped).text.encode("utf-8"), "utf-8"
    except DecodeError as error:
        raise NotAFeedError(f"not a feed ({error.reason})") from None


def _entry(raw: Any) -> FeedEntry:
    return FeedEntry(
        guid=_plain(raw.get("id")),
        link=_plain(raw.get("link")),
        title=_title(raw),
        author=_plain(raw.get("author")),
        published=_date(raw),
        html=_body(raw),
    )


def _body(raw: Any) -> str:
    """The fullest body the entry has (content over summary), plain text escaped as HTML."""
    for part in [*raw.get("content", []), raw.get("summary_detail")]:
        if part and part.get("value"):
            value: str = part["value"]
            return html.escape(value) if part.get("type") == "text/plain" else value
    return ""


def _title(raw: Any) -> str | None:
    title = raw.get("title")
    if not title:
        return None
    detail = raw.get("title_detail") or {}
    if detail.get("type") in ("text/html", "application/xhtml+xml"):
        title = fragment_markdown(title)
    return _plain(title)


def _plain(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = _SPACES.sub(" ", value).strip()
    return text or None


def _date(raw: Any) -> datetime | None:
    """The entry's date, with the offset it was written with when it has one (its day there is
    the reference for "yesterday" in the text), else in UTC."""
    for key in ("published", "updated", "created"):
        written = _with_offset(raw.get(key))
        if written is not None:
            return written
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = raw.get(key)
        if parsed:
            try:
                year, month, day, hour, minute, second = parsed[:6]
                return datetime(year, month, day, hour, minute, second, tzinfo=UTC)
            except (TypeError, ValueError):
                logger.debug("Unusable %s %r", key, parsed, exc_info=True)
    return None


def _with_offset(value: object) -> datetime | None:
    """An RFC 822 or ISO 8601 date-time that states its offset; None for anything else."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        parsed = (datetime.fromisoformat(text.replace("Z", "+00:00")) if text[:1].isdigit()
                  else parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError):
        return None
    return parsed if parsed.utcoffset() is not None else None


def _problem(error: object) -> str | None:
    """The recovered error in one line; None for feedparser's notes that are no problem."""
    if isinstance(error, feedparser.CharacterEncodingOverride):
        return None
    if error is None:
        return "malformed feed; read what was there"
    message = str(getattr(error, "getMessage", lambda: error)()) or type(error).__name__
    line = getattr(error, "getLineNumber", None)
    where = f"line {line()}: " if callable(line) else ""
    return f"malformed feed ({where}{_plain(message) or type(error).__name__}); read what was there"
