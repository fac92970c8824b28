"""A saved web page's main article text and metadata, via maintained extractors.

The text is trafilatura's and readability-lxml's readings merged by agreement (see
`consensus`); the metadata is trafilatura's. Both libraries and lxml are heavy to import, so
this module is imported only when a page is read.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date, datetime

from lxml import etree

from tuireader.web import markdown_blocks
from tuireader.web.boilerplate import trim_furniture
from tuireader.web.consensus import merge_readings

logger = logging.getLogger(__name__)

_WORD = re.compile(r"\w+")


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
        prune_xpath="//noscript",  # "please enable JavaScript", never the article
    )
    if not isinstance(document, trafilatura.settings.Document):
        blocks = _readability_blocks(html)
        return Page(title=None, author=None, date=None, source=url, text=_text(blocks, None))
    body = getattr(document, "body", None)
    primary = markdown_blocks.markdown_blocks(_as_html(body)) if body is not None else []
    title = document.title or None
    return Page(
        title=title,
        author=document.author or None,
        date=_date(document.date),
        source=document.url or url,
        text=_text(merge_readings(primary, _readability_blocks(html)), title),
        language=document.language or None,
    )


def _readability_blocks(html: str | bytes) -> list[str]:
    """readability-lxml's reading of the page as Markdown blocks; none when it finds none."""
    from readability import Document  # deferred with trafilatura
    from readability.readability import Unparseable

    try:
        summary = Document(html).summary(html_partial=True)
    except Unparseable:
        logger.warning("readability-lxml could not read the page", exc_info=True)
        return []
    return markdown_blocks.fragment_blocks(summary)


def _text(blocks: list[str], title: str | None) -> str:
    """The blocks as Markdown, without furniture at the edges nor a heading that repeats the
    title before the text."""
    blocks = trim_furniture(blocks)
    while blocks and blocks[0].startswith("#") and _same_words(blocks[0], title):
        blocks = blocks[1:]
    return markdown_blocks.join_blocks(blocks)


def _same_words(block: str, title: str | None) -> bool:
    """The heading's words are the title's (or its start: titles often add the site name)."""
    words = _WORD.findall(block.casefold())
    if title is None or not words:
        return False
    return words == _WORD.findall(title.casefold())[: len(words)]


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
