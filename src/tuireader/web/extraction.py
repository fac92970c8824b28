"""A saved web page's main article text and metadata, via maintained extractors.

trafilatura and lxml are heavy to import, so this module is imported only when a page is read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from lxml import etree

from tuireader.web import markdown_blocks


@dataclass(frozen=True, slots=True)
class Page:
    """What a reader needs from a page: its metadata and its main text as Markdown."""

    title: str | None
    author: str | None
    date: date | datetime | None
    """Publication date."""
    source: str | None
    """Canonical URL (or og:url, or the URL given)."""
    text: str
    """Paragraphs, "#" headings, "- " lists and "> " quotes; empty when nothing was found."""
    language: str | None = None


_TRAFILATURA_TAGS = {"item": "li", "quote": "blockquote", "lb": "br", "row": "tr", "cell": "td"}
"""trafilatura's internal element names (XML-TEI-like) as the HTML ones they stand for."""


def extract_page(html: str | bytes, url: str | None = None) -> Page:
    """The page's article text and metadata; text is "" when no article was found."""
    import trafilatura  # deferred: ~0.3 s of imports, paid only when a page is read

    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_formatting=True,
        include_tables=True,
        include_comments=False,
    )
    if not isinstance(document, trafilatura.settings.Document):
        return Page(title=None, author=None, date=None, source=url, text="")
    body = getattr(document, "body", None)
    text = markdown_blocks.blocks_markdown(_as_html(body)) if body is not None else ""
    return Page(
        title=document.title or None,
        author=document.author or None,
        date=_date(document.date),
        source=document.url or url,
        text=text,
        language=document.language or None,
    )


def fragment_markdown(html: str) -> str:
    """An HTML fragment (a feed entry's content) as Markdown; plain text comes back as is."""
    return markdown_blocks.fragment_markdown(html)


def _as_html(body: etree._Element) -> etree._Element:
    """A copy of trafilatura's body with its element names turned into HTML ones."""
    tree = etree.fromstring(etree.tostring(body))
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        rend = element.get("rend") or ""
        if element.tag == "head":
            element.tag = rend if rend in {"h1", "h2", "h3", "h4", "h5", "h6"} else "h2"
        elif element.tag == "list":
            element.tag = "ol" if rend == "ol" else "ul"
        else:
            element.tag = _TRAFILATURA_TAGS.get(element.tag, element.tag)
    return tree


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
