"""JSON Feed (jsonfeed.org, versions 1 and 1.1), which feedparser does not read."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from tuireader.feeds.feed import Feed, FeedEntry, NotAFeedError

VERSION_PREFIX = "https://jsonfeed.org/version/"


def looks_like_json(content: bytes) -> bool:
    return content.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{"


def parse_json_feed(content: bytes) -> Feed:
    try:
        data = json.loads(content.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as error:
        raise NotAFeedError(f"not valid JSON ({error})") from None
    if not isinstance(data, dict) or not str(data.get("version", "")).startswith(VERSION_PREFIX):
        raise NotAFeedError("JSON, but not a JSON Feed (no jsonfeed.org version)")
    items = data.get("items")
    entries = tuple(_entry(item) for item in items if isinstance(item, dict)) if isinstance(
        items, list) else ()
    return Feed(title=_text(data.get("title")), link=_text(data.get("home_page_url")),
                entries=entries)


def _entry(item: dict[str, Any]) -> FeedEntry:
    html = _text(item.get("content_html"))
    if html is None:
        html = _text(item.get("content_text")) or _text(item.get("summary")) or ""
    return FeedEntry(
        guid=_text(item.get("id")),
        link=_text(item.get("url")) or _text(item.get("external_url")),
        title=_text(item.get("title")),
        author=_author(item),
        published=_date(item.get("date_published")) or _date(item.get("date_modified")),
        html=html,
    )


def _author(item: dict[str, Any]) -> str | None:
    authors = item.get("authors")
    if isinstance(authors, list):
        names = [_text(author.get("name")) for author in authors if isinstance(author, dict)]
        joined = ", ".join(name for name in names if name)
        if joined:
            return joined
    author = item.get("author")
    return _text(author.get("name")) if isinstance(author, dict) else None


def _text(value: object) -> str | None:
    if isinstance(value, str | int) and not isinstance(value, bool):
        text = str(value).strip()
        return text or None
    return None


def _date(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
