"""OPML: subscriptions moved to and from other feed readers, folders (nested outlines) kept.

Read with defusedxml: an OPML file from elsewhere is untrusted XML like any feed.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from xml.etree.ElementTree import Element, SubElement, indent, tostring

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

from tuireader.feeds.subscriptions import Subscription
from tuireader.feeds.urls import RefusedURLError, checked_url

logger = logging.getLogger(__name__)


class OPMLError(ValueError):
    """The file is no OPML tuireader can read; one line for the user."""


@dataclass(frozen=True, slots=True)
class OPMLFeed:
    url: str
    title: str | None
    group: tuple[str, ...]
    site: str | None = None


@dataclass(slots=True)
class OPMLImport:
    feeds: list[OPMLFeed] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    """One line per outline skipped (a refused URL scheme...)."""


def read_opml(data: bytes) -> OPMLImport:
    try:
        root = fromstring(data)
    except DefusedXmlException as error:
        raise OPMLError(f"refused: the file declares XML entities or a DTD ({error})") from None
    except ParseError as error:
        raise OPMLError(f"not valid XML ({error})") from None
    if _local(root.tag) != "opml":
        raise OPMLError(f"not OPML (the root element is <{_local(root.tag)}>)")
    body = next((child for child in root if _local(child.tag) == "body"), None)
    if body is None:
        raise OPMLError("OPML without a <body>")
    found = OPMLImport()
    for outline, group in _outlines(body, ()):
        _read_outline(outline, group, found)
    return found


def _outlines(parent: Element, group: tuple[str, ...]) -> Iterator[tuple[Element, tuple[str,
                                                                                     ...]]]:
    for child in parent:
        if _local(child.tag) != "outline":
            continue
        yield child, group
        if not _attribute(child, "xmlUrl"):
            name = _name(child)
            yield from _outlines(child, (*group, name) if name else group)


def _read_outline(outline: Element, group: tuple[str, ...], found: OPMLImport) -> None:
    url = _attribute(outline, "xmlUrl")
    if not url:
        return
    try:
        found.feeds.append(OPMLFeed(checked_url(url), _name(outline), group,
                                    _attribute(outline, "htmlUrl")))
    except RefusedURLError as error:
        found.refused.append(f"{url}: {error}")


def _attribute(element: Element, name: str) -> str | None:
    """An attribute, matched without regard to case (readers write xmlUrl, xmlurl...)."""
    for key, value in element.attrib.items():
        if key.lower() == name.lower():
            text = " ".join(value.split())
            return text or None
    return None


def _name(outline: Element) -> str | None:
    return _attribute(outline, "title") or _attribute(outline, "text")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def write_opml(subscriptions: list[Subscription], now: datetime | None = None) -> bytes:
    """OPML 2.0 with one `<outline>` per folder and per feed, in the given order."""
    root = Element("opml", version="2.0")
    head = SubElement(root, "head")
    SubElement(head, "title").text = "tuireader subscriptions"
    SubElement(head, "dateCreated").text = format_datetime(now or datetime.now(UTC))
    body = SubElement(root, "body")
    folders: dict[tuple[str, ...], Element] = {(): body}
    for subscription in subscriptions:
        parent = _folder(folders, subscription.group)
        title = subscription.title or subscription.url
        SubElement(parent, "outline", type="rss", text=title, title=title,
                   xmlUrl=subscription.url)
    indent(root)
    document: bytes = tostring(root, encoding="utf-8", xml_declaration=False)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + document + b"\n"


def _folder(folders: dict[tuple[str, ...], Element], group: tuple[str, ...]) -> Element:
    if group not in folders:
        parent = _folder(folders, group[:-1])
        folders[group] = SubElement(parent, "outline", text=group[-1], title=group[-1])
    return folders[group]
