"""Reading one article file: bytes -> decoded, sanitised text -> metadata.

A file is one article, except a feed, which is one article per entry (`Article.entry` says
which): loading such a file reads it whole, and picks the entry asked for.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import NamedTuple

from tuireader.library.article import Article, ArticleText, LoadedArticle
from tuireader.library.decoding import DecodedText, DecodeError, gunzip, os_reason
from tuireader.library.formats import (
    COMPRESSED_SUFFIX,
    Format,
    FormatError,
    NotAnArticle,
    ParsedMetadata,
    format_for,
    is_feed_name,
)
from tuireader.library.formats.feed import FORMAT_NAME as FEED
from tuireader.library.formats.feed import (
    SNIFF_BYTES,
    looks_like_feed,
    might_be_feed,
    parse_feed_file,
)
from tuireader.library.ids import derived_id
from tuireader.library.sanitizing import sanitize

logger = logging.getLogger(__name__)

MAX_FILE_SIZE = 64 * 1024 * 1024
"""Far beyond any article; stops a stray disk image or log from eating the memory."""


class Part(NamedTuple):
    """One article of a file: its text, what its format said about it, the format's name."""

    text: ArticleText
    meta: ParsedMetadata
    format: str


class LoadError(Exception):
    """An article file could not be loaded; `reason` is plain words a user can act on."""

    def __init__(self, path: Path, reason: str, *, quiet: bool = False,
                 unsupported: bool = False) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
        self.quiet = quiet
        """Not an article at all (our own export): skip it silently when met in a folder."""
        self.unsupported = unsupported
        """No format reads it (a .pdf, an .xml that is no feed): when met in a folder it is
        skipped, and counted in the notice of skipped files."""


class SeveralArticles(LoadError):
    """A file of several articles (a feed) was asked for as one; `articles` are all of them."""

    def __init__(self, path: Path, articles: list[Article]) -> None:
        super().__init__(path, f"a feed of {len(articles)} entries; name one by its id")
        self.articles = articles


def load(path: Path | str, entry: str | None = None) -> LoadedArticle:
    """One article with its text, for commands that work on a single one: the file's, or the
    feed entry `entry` (without one, a feed of several entries raises SeveralArticles)."""
    path = Path(path)
    parts = _read_parts(path)
    if entry is None and len(parts) > 1:
        raise SeveralArticles(path, [_article(path, part) for part in parts])
    part = parts[0] if entry is None else _entry_part(path, parts, entry)
    return LoadedArticle(article=_article(path, part), text=part.text)


def load_articles(path: Path) -> list[Article]:
    """Metadata only (what scanning needs): one article, or a feed's entries; raises LoadError."""
    return [_article(path, part) for part in _read_parts(path)]


def read_text(article: Article) -> ArticleText:
    """The article's current text, read fresh from its file (it may have been edited)."""
    parts = _read_parts(article.path)
    if article.entry is None:
        return parts[0].text
    return _entry_part(article.path, parts, article.entry).text


def _entry_part(path: Path, parts: list[Part], entry: str) -> Part:
    for part in parts:
        if part.meta.entry == entry:
            return part
    raise LoadError(path, "the entry is no longer in this feed")


def _article(path: Path, part: Part) -> Article:
    return article_from_metadata(part.meta, path, part.format)


def article_from_metadata(meta: ParsedMetadata, path: Path, format_name: str) -> Article:
    """The Article, with every string sanitised again.

    The content was sanitised before parsing, but YAML escapes ("\\e[2J"), feed fields and
    file names (the title fallback) can still carry control characters into the metadata.
    """
    title = sanitize(meta.title)
    return Article(
        id=sanitize(meta.id) if meta.id else derived_id(title, meta.date),
        path=path,
        title=title,
        date=meta.date,
        source=_sanitize_optional(meta.source),
        author=_sanitize_optional(meta.author),
        tags=tuple(sanitize(tag) for tag in meta.tags),
        format=format_name,
        warnings=tuple(sanitize(warning) for warning in meta.warnings),
        feed=_sanitize_optional(meta.feed),
        entry=_sanitize_optional(meta.entry),
        guid=_sanitize_optional(meta.guid),
    )


def _sanitize_optional(value: str | None) -> str | None:
    return None if value is None else sanitize(value)


def _read_parts(path: Path) -> list[Part]:
    """Every article in the file: a feed's entries (whatever the suffix), else the one its
    format reads."""
    fmt = format_for(path)
    if fmt is None:
        _check_head(path)
    data = _read_bytes(path)
    if looks_like_feed(data):
        try:
            parsed = parse_feed_file(data, path)
        except FormatError as error:
            if fmt is None:
                raise LoadError(path, error.reason) from error
        else:
            return [Part(ArticleText(sanitize(meta.text or "")), meta, FEED) for meta in parsed]
    if fmt is None:
        raise LoadError(path, _skip_reason(path), unsupported=True)
    return [_parse(path, fmt, _decoded(path, fmt, data))]


def _check_head(path: Path) -> None:
    """A file no format takes by its suffix is read whole only when its first bytes may be a
    feed's, so a large file of another kind costs one small read."""
    if path.name.lower().endswith(COMPRESSED_SUFFIX) and is_feed_name(path.name):
        return  # its first bytes are gzip's: told once unpacked
    head = _head(path)
    if head is None and is_feed_name(path.name):
        return  # reading it whole says what is wrong
    if head is None or not might_be_feed(head):
        raise LoadError(path, _skip_reason(path), unsupported=True)


def _head(path: Path) -> bytes | None:
    """The first bytes of a file no format takes by its suffix: enough to tell a feed, so a
    large file of another kind is never read whole (None when it cannot be read)."""
    try:
        with path.open("rb") as file:
            return file.read(SNIFF_BYTES)
    except OSError:
        logger.info("cannot read %s to tell whether it is a feed", path, exc_info=True)
        return None


def _read_bytes(path: Path) -> bytes:
    try:
        with path.open("rb") as file:
            size = os.fstat(file.fileno()).st_size
            if size > MAX_FILE_SIZE:
                raise LoadError(path, f"file too large for an article ({size // 2**20} MB)")
            data = file.read(MAX_FILE_SIZE + 1)
    except OSError as error:
        raise LoadError(path, os_reason(error)) from error
    if path.name.lower().endswith(COMPRESSED_SUFFIX):
        try:
            data = gunzip(data, MAX_FILE_SIZE)
        except DecodeError as error:
            raise LoadError(path, error.reason) from error
    return data


def _decoded(path: Path, fmt: Format, data: bytes) -> DecodedText:
    try:
        return fmt.decode(data)
    except DecodeError as error:
        raise LoadError(path, error.reason) from error


def _parse(path: Path, fmt: Format, decoded: DecodedText) -> Part:
    content = sanitize(decoded.text)
    try:
        meta = fmt.parse(content, path)
    except FormatError as error:
        raise LoadError(path, error.reason, quiet=isinstance(error, NotAnArticle)) from error
    if meta.text is not None:
        content = sanitize(meta.text)
    return Part(ArticleText(content, meta.body_start, decoded.encoding), meta, fmt.name)


def unsupported_reason(path: Path) -> str:
    if path.suffix:
        return f"unsupported file type {path.suffix}"
    return "unsupported file type (no suffix)"


def _skip_reason(path: Path) -> str:
    """Why a file no format reads is left out (said when it was named on its own)."""
    if is_feed_name(path.name):
        packed = path.suffix.lower() == COMPRESSED_SUFFIX
        return f"a {''.join(path.suffixes[-2:]) if packed else path.suffix} file that is not a feed"
    return unsupported_reason(path)
