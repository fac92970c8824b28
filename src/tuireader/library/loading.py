"""Reading one article file: bytes -> decoded, sanitised text -> metadata."""

from __future__ import annotations

import os
from pathlib import Path

from tuireader.library.article import Article, ArticleText, LoadedArticle
from tuireader.library.decoding import DecodedText, DecodeError, gunzip, os_reason
from tuireader.library.formats import (
    COMPRESSED_SUFFIX,
    Format,
    FormatError,
    NotAnArticle,
    ParsedMetadata,
    format_for,
)
from tuireader.library.ids import derived_id
from tuireader.library.sanitizing import sanitize

MAX_FILE_SIZE = 64 * 1024 * 1024
"""Far beyond any article; stops a stray disk image or log from eating the memory."""


class LoadError(Exception):
    """An article file could not be loaded; `reason` is plain words a user can act on."""

    def __init__(self, path: Path, reason: str, *, quiet: bool = False) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
        self.quiet = quiet
        """Not an article at all: skip it silently when met while walking a folder."""


def load(path: Path | str) -> LoadedArticle:
    """One article with its text, for commands that work on a single file."""
    path = Path(path)
    fmt = _format_or_error(path)
    text, meta = _read_and_parse(path, fmt)
    return LoadedArticle(article=article_from_metadata(meta, path, fmt), text=text)


def load_article(path: Path) -> Article:
    """Metadata only (what scanning needs); raises LoadError."""
    fmt = _format_or_error(path)
    return article_from_metadata(_read_and_parse(path, fmt)[1], path, fmt)


def read_text(article: Article) -> ArticleText:
    """The article's current text, read fresh from its file (it may have been edited)."""
    fmt = _format_or_error(article.path)
    return _read_and_parse(article.path, fmt)[0]


def article_from_metadata(meta: ParsedMetadata, path: Path, fmt: Format) -> Article:
    """The Article, with every string sanitised again.

    The content was sanitised before parsing, but YAML escapes ("\\e[2J") and file names
    (the title fallback) can still carry control characters into the metadata.
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
        format=fmt.name,
        warnings=tuple(sanitize(warning) for warning in meta.warnings),
        feed=_sanitize_optional(meta.feed),
    )


def _sanitize_optional(value: str | None) -> str | None:
    return None if value is None else sanitize(value)


def read_decoded(path: Path, fmt: Format) -> DecodedText:
    """The file's text (through gzip for "*.gz"), decoded by its format; raises LoadError with
    the OS or decoding reason."""
    try:
        with path.open("rb") as file:
            size = os.fstat(file.fileno()).st_size
            if size > MAX_FILE_SIZE:
                raise LoadError(path, f"file too large for an article ({size // 2**20} MB)")
            data = file.read(MAX_FILE_SIZE + 1)
    except OSError as error:
        raise LoadError(path, os_reason(error)) from error
    try:
        if path.name.lower().endswith(COMPRESSED_SUFFIX):
            data = gunzip(data, MAX_FILE_SIZE)
        return fmt.decode(data)
    except DecodeError as error:
        raise LoadError(path, error.reason) from error


def _read_and_parse(path: Path, fmt: Format) -> tuple[ArticleText, ParsedMetadata]:
    decoded = read_decoded(path, fmt)
    content = sanitize(decoded.text)
    try:
        meta = fmt.parse(content, path)
    except FormatError as error:
        raise LoadError(path, error.reason, quiet=isinstance(error, NotAnArticle)) from error
    if meta.text is not None:
        content = sanitize(meta.text)
    return ArticleText(content, meta.body_start, decoded.encoding), meta


def _format_or_error(path: Path) -> Format:
    fmt = format_for(path)
    if fmt is None:
        raise LoadError(path, unsupported_reason(path))
    return fmt


def unsupported_reason(path: Path) -> str:
    if path.suffix:
        return f"unsupported file type {path.suffix}"
    return "unsupported file type (no suffix)"
