"""Writing exports to disk: stable file names, atomic replacement, and no clobbering.

Every target is checked before anything is written, so a refusal never leaves half an export.
A file is only ever replaced when it is an earlier tuireader export (its front matter has
`exported_at`), never an article or some other document that happens to share the name.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from tuireader.atomic import atomic_write
from tuireader.export.document import ExportItem, render_combined, render_item
from tuireader.library import Article

logger = logging.getLogger(__name__)

COMBINED_NAME = "tuireader-export.md"
"""The file `combined` writes when given a folder (or nothing)."""
MARKDOWN_SUFFIXES = (".md", ".markdown")
SLUG_LENGTH = 60
SHORT_ID_LENGTH = 8
_EXPORT_MARK = re.compile(r"^exported_at:", re.MULTILINE)


class ExportError(Exception):
    """The export cannot be written as asked; the message says why in a user's words."""


def slug(text: str) -> str:
    """Lower-case ASCII words joined by `-` (accents dropped), at most `SLUG_LENGTH` long."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    result = ""
    for word in words:
        candidate = f"{result}-{word}" if result else word
        if len(candidate) > SLUG_LENGTH:
            break
        result = candidate
    return result or (words[0][:SLUG_LENGTH] if words else "")


def file_name(article: Article, id_length: int = SHORT_ID_LENGTH) -> str:
    """`<title-slug>-<short-id>.md`: readable, and stable while the title and id are."""
    short_id = slug(article.id).replace("-", "")[:id_length] or "article"
    title = slug(article.title) or "untitled"
    return f"{title}-{short_id}.md"


def export_articles(
    items: Sequence[ExportItem],
    out: Path | None,
    combined: bool,
    exported_at: datetime,
) -> list[Path]:
    """Write the exports; the paths written, in order. Raises `ExportError`.

    `out`: a folder (existing, or a new path without a .md suffix; default the current
    directory) gets one file per article, or `COMBINED_NAME` when `combined`; a file
    (existing, or a path ending in .md) gets the one article, or all of them combined.
    """
    if not items:
        return []
    plan = plan_files(items, out, combined)
    sources = [item.article.path for item in items]
    for target, _ in plan:
        check_target(target, sources)
    written: list[Path] = []
    for target, group in plan:
        text = (
            render_combined(group, exported_at)
            if combined
            else render_item(group[0], exported_at)
        )
        write_atomically(target, text)
        written.append(target)
    return written


def plan_files(
    items: Sequence[ExportItem], out: Path | None, combined: bool
) -> list[tuple[Path, list[ExportItem]]]:
    """Which file each article goes to (no disk writes except creating the output folder)."""
    out = Path.cwd() if out is None else out.expanduser()
    if _is_file_target(out):
        if not combined and len(items) > 1:
            raise ExportError(
                f"{out} is a single file, but there are {len(items)} articles to export: "
                "give a folder, or combine them into one file"
            )
        return [(out, list(items))]
    _make_folder(out)
    if combined:
        return [(out / COMBINED_NAME, list(items))]
    plan: list[tuple[Path, list[ExportItem]]] = []
    taken: set[str] = set()
    for item in items:
        name = file_name(item.article)
        if name in taken:  # two titles, same slug and short id: use the whole id
            name = file_name(item.article, id_length=64)
        counter = 2
        base = name
        while name in taken:
            name = f"{base[:-3]}-{counter}.md"
            counter += 1
        taken.add(name)
        plan.append((out / name, [item]))
    return plan


def _is_file_target(out: Path) -> bool:
    if out.is_dir():
        return False
    if out.exists():
        return True
    return out.suffix.lower() in MARKDOWN_SUFFIXES


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise ExportError(f"cannot create the folder {folder}: a file is in the way") from None
    except OSError as error:
        raise ExportError(f"cannot create the folder {folder}: {_reason(error)}") from None


def check_target(target: Path, sources: Sequence[Path]) -> None:
    """Refuse to replace a folder, an article being exported, or a file we did not write."""
    if target.is_dir():
        raise ExportError(f"{target} is a folder; not replacing it with an export file")
    if not target.exists():
        if not target.parent.is_dir():
            raise ExportError(f"cannot write {target}: the folder {target.parent} does not exist")
        return
    for source in sources:
        try:
            same = target.samefile(source)
        except OSError:  # the source is gone: it cannot be the target
            logger.warning("Could not compare %s with %s", target, source, exc_info=True)
            continue
        if same:
            raise ExportError(f"{target} is the article being exported; not overwriting it")
    if not is_export_file(target):
        raise ExportError(
            f"{target} already exists and is not a tuireader export; not overwriting it "
            "(move it away or choose another output)"
        )


def is_export_file(path: Path) -> bool:
    """Whether `path` starts with front matter holding `exported_at` (we wrote it)."""
    try:
        with path.open("r", encoding="utf-8", errors="replace") as file:
            head = file.read(64 * 1024)
    except OSError:  # unreadable: not known to be ours, so not overwritten
        logger.warning("Could not read %s", path, exc_info=True)
        return False
    if not head.startswith("---\n"):
        return False
    end = head.find("\n---\n", 3)
    return end != -1 and _EXPORT_MARK.search(head, 0, end + 1) is not None


def write_atomically(path: Path, text: str) -> None:
    """Replace `path` with `text` (UTF-8) atomically: readers see the old file or the new
    one, never a half-written one. Raises `ExportError`."""
    try:
        atomic_write(path, text.encode("utf-8"), mode=0o666)  # a document for the user
    except OSError as error:
        raise ExportError(f"cannot write {path}: {_reason(error)}") from None


def _reason(error: OSError) -> str:
    return error.strerror or str(error)
