"""Saved web pages: the main article text, extracted, with the page's own metadata.

The article's content is the extracted text (Markdown: paragraphs, "#" headings, "- " lists,
"> " quotes), not the HTML, so the reader, notes and the timeline all work on what is read.
"""

from __future__ import annotations

import logging
from pathlib import Path

from tuireader.library.decoding import decode_markup
from tuireader.library.formats.base import Format, FormatError, ParsedMetadata, clean_text

logger = logging.getLogger(__name__)

SUFFIXES = (".html", ".htm", ".xhtml")


def parse_html(content: str, path: Path) -> ParsedMetadata:
    """Title, author, publication date and source from the page; its main text as the body."""
    # Deferred: trafilatura and lxml cost ~0.3 s to import, paid only once a page is read.
    from tuireader.web.extraction import extract_page

    try:
        page = extract_page(content)
    except Exception as error:  # a third-party extractor: any failure is one page's problem
        logger.exception("extracting the text of %s failed", path)
        raise FormatError(f"could not extract the page's text ({type(error).__name__})") from error
    text = page.text.strip()
    if not text:
        raise FormatError("no article text found in this page")
    return ParsedMetadata(
        title=clean_text(page.title) or _stem(path),
        body_start=0,
        date=page.date,
        source=clean_text(page.source),
        author=clean_text(page.author),
        text=text + "\n",
    )


def _stem(path: Path) -> str:
    """The file name without its suffixes ("page.html.gz" -> "page")."""
    name = path.name
    for suffix in (".gz", *SUFFIXES):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    return name or path.name


FORMAT = Format(
    name="html",
    suffixes=(*SUFFIXES, *(suffix + ".gz" for suffix in SUFFIXES)),
    parse=parse_html,
    decode=decode_markup,
)
