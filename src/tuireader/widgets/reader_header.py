"""The reader's header: which article is open, in as few rows as the terminal can spare.

At 80x24 every row above the text is a row of text less, so the title, date and source share
one line (the title is cut first); the wide layout adds the author and the file's path.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Static

from tuireader.library.article import Article
from tuireader.locations import bundled_samples
from tuireader.widgets.safe_text import visible

logger = logging.getLogger(__name__)

SEPARATOR = " · "
TITLE_KEEPS = 24
"""Cells of the title kept before the date and source are cut instead."""
SAMPLES_NAME = "sample_articles"


def short_path(path: Path) -> str:
    """The path as a person would type it: a bundled sample as `sample_articles/...` (not
    `.venv/lib/python3.11/site-packages/...`), a file under the current directory relative to
    it, one under the home directory with `~`."""
    bases: list[tuple[Path, str]] = [(bundled_samples(), SAMPLES_NAME + "/")]
    try:
        bases.append((Path.cwd(), ""))
    except OSError:  # the current directory was removed: paths are shown from elsewhere
        logger.warning("no current directory to shorten paths against", exc_info=True)
    bases.append((Path.home(), "~/"))
    for base, prefix in bases:
        if path.is_relative_to(base):
            return prefix + str(path.relative_to(base))
    return str(path)


def shown_source(source: str | None) -> str | None:
    """A web source by its site (`fifa.com`): the whole URL took the header's width from the
    title, and `o` opens it. Any other source (a publication's name) as it is."""
    if not source:
        return source
    parts = urlsplit(source.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return source
    return parts.hostname.removeprefix("www.")


def fitted_line(title: str, meta: str, width: int, title_style: Style,
                meta_style: Style) -> Text:
    """`title · meta` in `width` cells: the title is shortened first, down to
    `TITLE_KEEPS` cells, then the end of the meta is cut."""
    line = Text(title, no_wrap=True, end="")
    if meta:
        room = width - Text(SEPARATOR + meta).cell_len
        line.truncate(max(room, min(line.cell_len, TITLE_KEEPS)), overflow="ellipsis")
    line.stylize(title_style)
    if meta:
        line.append(SEPARATOR + meta, style=meta_style)
    line.truncate(max(width, 0), overflow="ellipsis")
    return line


class HeaderLine(Widget):
    """One line, title then details, fitted to the width at each paint."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"header-line--title", "header-line--meta"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._title = ""
        self._meta = ""

    def show(self, title: str, meta: str) -> None:
        self._title, self._meta = title, meta
        self.refresh()

    @property
    def text(self) -> str:
        """The whole line, before it is fitted to the width."""
        return f"{self._title}{SEPARATOR}{self._meta}" if self._meta else self._title

    def render(self) -> Text:
        return fitted_line(self._title, self._meta, self.content_size.width,
                           self.get_component_rich_style("header-line--title", partial=True),
                           self.get_component_rich_style("header-line--meta", partial=True))


class ReaderHeader(Vertical):
    """Hidden while no article is open: the reader itself says so, once. Plain text throughout
    (titles and sources are untrusted)."""

    def compose(self) -> ComposeResult:
        yield HeaderLine(id="reader-title")
        yield Static(id="reader-path")

    def show_article(self, article: Article | None, *, given: bool = False) -> None:
        """`given`: the article's date is one the user gave (`D`), not its own."""
        self.display = article is not None
        if article is None:
            return
        # An undated article's relative dates stay unplaced until D gives it one: say so
        # where "undated" is read (D is not in the footer).
        when = (article.date.isoformat()[:16].replace("T", " ") if article.date
                else "undated (D: give a date)")
        if given:
            when += " (given)"
        meta = SEPARATOR.join(part for part in (when, shown_source(article.source)) if part)
        self.query_one(HeaderLine).show(visible(article.title), visible(meta))
        details = SEPARATOR.join(part for part in (article.author, short_path(article.path))
                                 if part)
        self.query_one("#reader-path", Static).update(Text(visible(details)))
