"""Fetched news as Markdown files with YAML front matter, found again and updated in place.

A file's `id:` is derived from the feed and the entry's guid (or a page's URL), so the
article id, and with it the notes and reading state keyed by it, stays the same however the
entry's title, date or text change; a re-fetched entry rewrites its own file.
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from tuireader.atomic import atomic_write

logger = logging.getLogger(__name__)

ID_LENGTH = 16
SLUG_LENGTH = 60
_NOT_WORD = re.compile(r"[^\w]+")
_DELIMITER = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
FULL_TEXT_KEY = "full_text"
_FULL_TEXT_LINE = re.compile(rf"^{FULL_TEXT_KEY}:[ \t]*true[ \t]*$", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class EntryDocument:
    """What one saved entry or page file holds."""

    id: str
    title: str
    date: date | datetime | None
    source: str | None
    """The entry's or page's own URL."""
    author: str | None
    feed: str | None
    """The URL of the feed it came from (None for a page added on its own)."""
    guid: str | None
    body: str
    """Markdown text."""
    full_text: bool = False
    """The body is the linked page's article, not the feed's summary (a refresh keeps it)."""

    def render(self) -> str:
        fields: dict[str, Any] = {"id": self.id, "title": self.title}
        for key, value in (("date", self.date), ("source", self.source),
                           ("author", self.author), ("feed", self.feed), ("guid", self.guid)):
            if value is not None:
                fields[key] = value
        if self.full_text:
            fields[FULL_TEXT_KEY] = True
        front = yaml.safe_dump(fields, sort_keys=False, allow_unicode=True, width=10_000)
        return f"---\n{front}---\n\n{self.body.strip()}\n"


def derived_id(*parts: str) -> str:
    """A short stable hash of what identifies a fetched article (feed URL and guid...)."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8"), usedforsecurity=False)
    return digest.hexdigest()[:ID_LENGTH]


def slug(text: str, fallback: str = "untitled") -> str:
    """A file-name-safe form of `text`: words joined by hyphens, never hidden, never empty."""
    words = _NOT_WORD.sub("-", unicodedata.normalize("NFKC", text).casefold()).strip("-_")
    return words[:SLUG_LENGTH].rstrip("-_") or fallback


@dataclass(frozen=True, slots=True)
class SavedFile:
    path: Path
    id: str
    source: str | None
    full_text: bool = False
    """Its body is the linked page's article (`EntryDocument.full_text`)."""


LEDGER = ".tuireader-written"
"""In each entry folder: the id of every entry ever written there, one per line. An entry
whose file is gone was deleted by the user, and a refresh must not bring it back."""


class EntryFolder:
    """The files of one feed (or of added pages): looked up by id, then by link."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._by_id: dict[str, SavedFile] = {}
        self._by_source: dict[str, SavedFile] = {}
        if folder.is_dir():
            for path in sorted(folder.glob("*.md")):
                saved = _read_saved(path)
                if saved is not None:
                    self._by_id.setdefault(saved.id, saved)
                    if saved.source:
                        self._by_source.setdefault(saved.source, saved)
        self._written = self._read_ledger()
        self._record(sorted(set(self._by_id) - self._written))  # files from before the ledger

    def was_deleted(self, article_id: str) -> bool:
        """Written here once, and its file is gone."""
        return article_id in self._written and article_id not in self._by_id

    def find(self, article_id: str, source: str | None) -> SavedFile | None:
        return self._by_id.get(article_id) or (
            self._by_source.get(source) if source else None)

    def save(self, document: EntryDocument) -> tuple[Path, bool | None]:
        """Write `document`: its existing file (same id, or same link), else a new one.

        Returns the path and True for a new file, False for an updated one, None when the
        file already said exactly this. An entry found by its link keeps the file's id.
        """
        existing = self.find(document.id, document.source)
        if existing is not None:
            if existing.id != document.id:
                document = _with_id(document, existing.id)
            text = document.render()
            if _read_text(existing.path) == text:
                return existing.path, None
            atomic_write(existing.path, text.encode("utf-8"))
            return existing.path, False
        path = self._new_path(document)
        atomic_write(path, document.render().encode("utf-8"))
        saved = SavedFile(path, document.id, document.source)
        self._by_id[document.id] = saved
        if document.source:
            self._by_source.setdefault(document.source, saved)
        self._record([document.id])
        return path, True

    def _read_ledger(self) -> set[str]:
        try:
            return set((self.folder / LEDGER).read_text(encoding="utf-8").split())
        except FileNotFoundError:
            return set()
        except (OSError, UnicodeDecodeError):
            logger.warning("Cannot read %s", self.folder / LEDGER, exc_info=True)
            return set()

    def _record(self, ids: list[str]) -> None:
        """Add `ids` to the ledger. Losing this write only means a deleted entry may come
        back, so a failure is logged and the refresh goes on."""
        fresh = [article_id for article_id in ids if article_id not in self._written]
        if not fresh:
            return
        self._written.update(fresh)
        try:
            with (self.folder / LEDGER).open("a", encoding="utf-8") as ledger:
                ledger.write("".join(f"{article_id}\n" for article_id in fresh))
        except OSError:
            logger.warning("Cannot record the entries written in %s", self.folder, exc_info=True)

    def body_of(self, saved: SavedFile) -> str | None:
        """The body of a saved file (what full text fetched once), None if unreadable."""
        text = _read_text(saved.path)
        if text is None:
            return None
        parts = _split_front_matter(text)
        return parts[1].strip() if parts is not None else None

    def _new_path(self, document: EntryDocument) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        day = document.date.strftime("%Y-%m-%d-") if document.date else ""
        name = f"{day}{slug(document.title)}"
        path = self.folder / f"{name}.md"
        if path.exists():
            path = self.folder / f"{name}-{document.id[:6]}.md"
        return path


def with_full_text(text: str, body: str) -> str | None:
    """An entry file's `text` with `body` in place of its own, its front matter (id, title,
    feed...) kept and marked `full_text: true`; None when `text` has no front matter."""
    parts = _split_front_matter(text)
    if parts is None:
        return None
    front = parts[0]
    if _FULL_TEXT_LINE.search(front) is None:
        closing = front.rstrip().rfind("\n") + 1
        front = f"{front[:closing]}{FULL_TEXT_KEY}: true\n{front[closing:]}"
    return f"{front.rstrip()}\n\n{body.strip()}\n"


def _split_front_matter(text: str) -> tuple[str, str] | None:
    """(the front matter with its delimiters, the rest), or None without front matter."""
    if not text.startswith("---"):
        return None
    closing = _DELIMITER.search(text, 4)
    if closing is None:
        return None
    return text[:closing.end()], text[closing.end():]


def _with_id(document: EntryDocument, article_id: str) -> EntryDocument:
    from dataclasses import replace

    return replace(document, id=article_id)


def _read_text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        logger.warning("Cannot read %s", path, exc_info=True)
        return None


def _read_saved(path: Path) -> SavedFile | None:
    """The id and link of a file in the folder; None for a file tuireader did not write."""
    from tuireader.library.formats.base import FormatError, NotAnArticle
    from tuireader.library.formats.markdown import parse_markdown

    text = _read_text(path)
    if text is None:
        return None
    try:
        meta = parse_markdown(text, path)
    except (FormatError, NotAnArticle):
        logger.warning("Skipping %s when matching fetched entries", path, exc_info=True)
        return None
    if not meta.id:
        return None
    front = _split_front_matter(text)
    full_text = front is not None and _FULL_TEXT_LINE.search(front[0]) is not None
    return SavedFile(path, meta.id, meta.source, full_text)
