"""The article model: what the library knows about one article (a file, or one entry of a
feed file)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

MARKDOWN_BODIES = frozenset({"md", "html", "feed"})
"""Formats whose body is Markdown (a saved page's or a feed entry's extracted text is): the
reader marks headings."""


@dataclass(frozen=True, slots=True)
class Article:
    """One article's metadata (cheap to hold for 100k articles; no body here)."""

    id: str
    """Stable id: front-matter `id` when given, else derived from title and date (not path)."""
    path: Path
    title: str
    date: date | datetime | None = None
    """Publication date: the reference date for relative expressions in the text."""
    source: str | None = None
    author: str | None = None
    tags: tuple[str, ...] = ()
    format: str = "txt"
    warnings: tuple[str, ...] = ()
    """Things the user may want to fix that did not stop loading (e.g. an unreadable date)."""
    feed: str | None = None
    """The URL of the feed it was fetched from (front matter `feed:`; None for other files)."""
    entry: str | None = None
    """Which of the file's articles this is, for a file of several (a feed's entry: its guid,
    else its link); None for a file that is one article."""
    guid: str | None = None
    """A fetched entry file's front-matter `guid:`, the feed's id for the entry (a file of
    one article, so its `entry` is None); None elsewhere."""


@dataclass(frozen=True, slots=True)
class ArticleText:
    """An article's decoded text.

    `content` is the whole file as decoded (universal newlines, BOM dropped) with control
    characters neutralised one-for-one, so offsets into it are offsets into the file's decoded
    content. The body the reader shows is `content[body_start:]`.
    """

    content: str
    body_start: int = 0
    encoding: str = "utf-8"

    @property
    def body(self) -> str:
        return self.content[self.body_start :]


@dataclass(frozen=True, slots=True)
class LoadedArticle:
    article: Article
    text: ArticleText


@dataclass(frozen=True, slots=True)
class LoadProblem:
    """A file the library could not load, with a reason a user can act on."""

    path: Path
    reason: str


@dataclass(slots=True)
class ScanResult:
    articles: list[Article] = field(default_factory=list)
    problems: list[LoadProblem] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    """Files met in folders that no format reads (see `skipped_notice`)."""
