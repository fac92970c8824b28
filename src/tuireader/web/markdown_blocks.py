"""Block-level HTML (an extractor's output or a feed entry's content) as plain Markdown.

Only the structure the reader shows is kept: paragraphs, "#" headings, "- "/"1. " list items
and "> " quotes. Inline markup is dropped to its text, so the words are exactly the page's.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

from lxml import etree, html

logger = logging.getLogger(__name__)

_HEADINGS = {f"h{level}": level for level in range(1, 7)}
_LIST_TAGS = frozenset({"ul", "ol", "dl"})
_SKIPPED = frozenset(
    {"script", "style", "noscript", "template", "head", "svg", "button", "form", "iframe"}
)
_BLOCK_TAGS = frozenset(
    {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "figure",
        "figcaption", "blockquote", "pre", "table", "tr", "li", "dt", "dd", "br", "hr",
        "body", "html", "address", "details", "summary", "center", "tbody", "thead",
    }
    | set(_HEADINGS)
    | _LIST_TAGS
)
_SPACES = re.compile(r"\s+")
_LIST_ITEM = re.compile(r"- |\d+\. ")


def blocks_markdown(root: etree._Element) -> str:
    """The element's text as Markdown."""
    return join_blocks(markdown_blocks(root))


def markdown_blocks(root: etree._Element) -> list[str]:
    """The element's text as Markdown blocks: paragraphs, headings, list items, quoted lines."""
    return list(_blocks(root, quote_depth=0))


def join_blocks(blocks: list[str]) -> str:
    """Blocks as one Markdown text: a blank line between blocks, none inside a list, and a
    bare ">" line between paragraphs of one quote."""
    parts: list[str] = []
    previous = ""
    for block in blocks:
        if previous:
            parts.append(_separator(previous, block))
        parts.append(block)
        previous = block
    return "".join(parts)


def _separator(previous: str, block: str) -> str:
    depth = min(_quote_depth(previous), _quote_depth(block))
    prefix = "> " * depth
    if _LIST_ITEM.match(previous, len(prefix)) and _LIST_ITEM.match(block, len(prefix)):
        return "\n"
    return "\n" + prefix.rstrip() + "\n" if depth else "\n\n"


def _quote_depth(block: str) -> int:
    depth = 0
    while block.startswith("> ", depth * 2):
        depth += 1
    return depth


def fragment_markdown(fragment: str) -> str:
    """An HTML fragment as Markdown; text with no markup comes back as it was (trimmed)."""
    if "<" not in fragment:
        return fragment.strip()
    return join_blocks(fragment_blocks(fragment))


def fragment_blocks(fragment: str) -> list[str]:
    """An HTML fragment's Markdown blocks (none for an empty or unparsable fragment)."""
    try:
        root = html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        logger.warning("HTML fragment could not be parsed; its text is taken as is", exc_info=True)
        return [fragment.strip()] if fragment.strip() else []
    return markdown_blocks(root)


def _blocks(element: etree._Element, quote_depth: int) -> Iterator[str]:
    """Markdown blocks for `element`'s content: inline runs become paragraphs."""
    inline: list[str] = []
    if element.text:
        inline.append(element.text)
    for child in element:
        tag = _tag(child)
        if tag in _SKIPPED or not isinstance(child.tag, str):
            if child.tail:
                inline.append(child.tail)
            continue
        if tag in _BLOCK_TAGS:
            yield from _paragraph(inline, quote_depth)
            inline = []
            yield from _block(child, tag, quote_depth)
        else:
            inline.append(_inline_text(child))
        if child.tail:
            inline.append(child.tail)
    yield from _paragraph(inline, quote_depth)


def _block(element: etree._Element, tag: str, quote_depth: int) -> Iterator[str]:
    if tag in _HEADINGS:
        text = _clean(_inline_text(element))
        if text:
            yield _quoted("#" * _HEADINGS[tag] + " " + text, quote_depth)
    elif tag in _LIST_TAGS:
        yield from _list(element, tag, quote_depth)
    elif tag == "blockquote":
        yield from _blocks(element, quote_depth + 1)
    else:
        yield from _blocks(element, quote_depth)


def _list(element: etree._Element, tag: str, quote_depth: int) -> Iterator[str]:
    number = 0
    for item in element:
        if not isinstance(item.tag, str) or _tag(item) not in {"li", "dt", "dd"}:
            continue
        text = _clean(" ".join(_blocks(item, quote_depth=0)).replace("\n", " "))
        if not text:
            continue
        number += 1
        marker = f"{number}. " if tag == "ol" else "- "
        yield _quoted(marker + text, quote_depth)


def _paragraph(parts: list[str], quote_depth: int) -> Iterator[str]:
    text = _clean("".join(parts))
    if text:
        yield _quoted(text, quote_depth)


def _inline_text(element: etree._Element) -> str:
    """All text inside an inline element (tails excluded), scripts and styles left out."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and _tag(child) not in _SKIPPED:
            parts.append(_inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _quoted(text: str, depth: int) -> str:
    return "> " * depth + text if depth else text


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _tag(element: etree._Element) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""
