"""Full text for one saved entry: its linked page fetched and extracted, written as the
entry file's body.

The front matter stays (its `id`, so the notes and reading state keyed by it stay too) and
says `full_text: true`, so a later refresh of the feed keeps the article instead of putting
the summary back.
"""

from __future__ import annotations

import logging
from pathlib import Path

from tuireader.atomic import atomic_write
from tuireader.feeds.entry_files import with_full_text
from tuireader.feeds.fetching import Fetcher, FetchError
from tuireader.feeds.refreshing import PAGE_ACCEPT
from tuireader.feeds.urls import RefusedURLError, checked_url

logger = logging.getLogger(__name__)


class FullTextError(Exception):
    """The full text could not be fetched or written; one line for the user."""


def fetch_full_text(fetcher: Fetcher, path: Path, source: str | None) -> str:
    """Replace the body of the entry file at `path` with the article at `source`; returns
    the new body. Raises FullTextError (the file is then unchanged)."""
    if not source:
        raise FullTextError("the entry has no link to its page")
    try:
        url = checked_url(source)
    except RefusedURLError as error:
        raise FullTextError(str(error)) from None
    text = _read(path)
    try:
        fetched = fetcher.fetch(url, accept=PAGE_ACCEPT)
    except FetchError as error:
        raise FullTextError(f"{url}: {error}") from None
    body = _extracted(fetched.content, fetched.url)
    rewritten = with_full_text(text, body)
    if rewritten is None:
        raise FullTextError(f"{path.name} is not a fetched entry (it has no front matter)")
    try:
        atomic_write(path, rewritten.encode("utf-8"))
    except OSError as error:
        logger.exception("could not write the full text to %s", path)
        raise FullTextError(f"cannot write {path}: {error.strerror or error}") from None
    return body


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        logger.exception("could not read %s for its full text", path)
        raise FullTextError(f"cannot read {path}: {error}") from None


def _extracted(content: bytes, url: str) -> str:
    from tuireader.web.extraction import extract_page  # trafilatura: ~0.3 s to import

    try:
        text = extract_page(content, url).text.strip()
    except Exception as error:  # a third-party extractor: one page's problem
        logger.exception("extracting the text of %s failed", url)
        raise FullTextError(f"could not extract the page's text ({type(error).__name__})"
                            ) from None
    if not text:
        raise FullTextError("no article text found in the linked page")
    return text
