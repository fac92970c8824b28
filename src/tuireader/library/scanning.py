"""Finding article files under the paths a user gave, and loading each into an Article."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from tuireader.library.article import Article, LoadProblem, ScanResult
from tuireader.library.decoding import os_reason
from tuireader.library.ids import IdRegistry
from tuireader.library.loading import LoadError, load_articles

logger = logging.getLogger(__name__)


class FoundFile:
    """An article file met by the walk: where it is, and its stat (cached, taken on demand)."""

    __slots__ = ("_absolute", "_entry", "_path", "absolute_dir", "directory", "name",
                 "relative", "root")

    def __init__(
        self,
        root: int,
        relative: str,
        directory: Path,
        name: str,
        absolute_dir: str,
        entry: os.DirEntry[str] | None = None,
        path: Path | None = None,
    ) -> None:
        self.root = root
        """Index of the root (in the paths given) the file was found under."""
        self.relative = relative
        """Posix path relative to that root; a file given directly: its name."""
        self.directory = directory
        self.name = name
        self.absolute_dir = absolute_dir
        self._entry = entry
        self._path = path
        self._absolute: str | None = None

    @property
    def absolute(self) -> str:
        """`os.path.abspath` of the path: a file reached twice is loaded once."""
        if self._absolute is None:
            if self._entry is None:
                self._absolute = os.path.abspath(self.path)
            else:
                self._absolute = f"{self.absolute_dir}/{self.name}"
        return self._absolute

    @property
    def given_directly(self) -> bool:
        """A file named as a root itself (not found in a folder)."""
        return self._entry is None

    @property
    def path(self) -> Path:
        """The path as `iter_scan` reports it: built from the root as the user gave it."""
        if self._path is None:
            self._path = self.directory / self.name
        return self._path

    def stat(self) -> os.stat_result:
        """The file's stat, following symlinks (a scandir entry's is cached; no realpath)."""
        if self._entry is not None:
            return self._entry.stat()
        return os.stat(self.path)


def scan(paths: Iterable[Path | str]) -> ScanResult:
    """Every article, every problem and every file skipped under `paths`; see `iter_scan`."""
    result = ScanResult()
    for item in iter_scan(paths, result.skipped):
        if isinstance(item, Article):
            result.articles.append(item)
        else:
            result.problems.append(item)
    return result


def iter_scan(
    paths: Iterable[Path | str], skipped: list[Path] | None = None
) -> Iterator[Article | LoadProblem]:
    """Articles and problems one by one (for progress), in a deterministic order.

    Roots are taken in the order given; folders are walked recursively in name order,
    skipping hidden entries. A feed file gives its entries in feed order. Files in folders
    that no format reads are appended to `skipped` (when given), never reported as problems.
    A file reached twice is loaded once. When two articles claim one id, the later keeps a
    disambiguated id and both are kept.
    """
    ids = IdRegistry()
    for found in iter_files(paths):
        if isinstance(found, LoadProblem):
            yield found
            continue
        try:
            articles = load_articles(found.path)
        except LoadError as error:
            if found.given_directly or not (error.quiet or error.unsupported):
                yield LoadProblem(found.path, error.reason)
            elif error.unsupported and skipped is not None:
                skipped.append(found.path)
            continue
        for article in articles:
            yield claim_id(ids, article, found.relative)


def claim_id(ids: IdRegistry, article: Article, relative: str) -> Article:
    """The article with the id it gets in this scan (disambiguated when already taken)."""
    where = relative if article.entry is None else f"{relative}#{article.entry}"
    unique = ids.claim(article.id, article.title, article.date, where)
    return article if unique == article.id else replace(article, id=unique)


def iter_files(paths: Iterable[Path | str]) -> Iterator[FoundFile | LoadProblem]:
    """Every article file under `paths` once, in scan order, and the problems of the walk.

    Within one root no file can come twice (each folder is walked once, by inode), so the
    check for files already met is needed, and paid for, only with several roots.
    """
    roots = list(paths)
    seen_files: set[str] = set()
    seen_folders: set[tuple[int, int]] = set()
    for index, root in enumerate(roots):
        found_files = _files_under(index, Path(root), seen_folders)
        if len(roots) == 1:
            yield from found_files
            continue
        for found in found_files:
            if isinstance(found, FoundFile):
                if found.absolute in seen_files:
                    continue
                seen_files.add(found.absolute)
            yield found


def _files_under(
    index: int, root: Path, seen_folders: set[tuple[int, int]]
) -> Iterator[FoundFile | LoadProblem]:
    """Files to load under one root; folders already walked (by inode) are not walked again."""
    try:
        is_dir = root.is_dir()
        exists = is_dir or root.exists()
    except OSError as error:
        yield LoadProblem(root, os_reason(error))
        return
    if not exists:
        yield LoadProblem(root, "no such file or directory")
    elif is_dir:
        yield from _walk(index, root, "", seen_folders)
    elif not root.is_file():
        yield LoadProblem(root, "not a regular file")
    else:
        yield FoundFile(index, root.name, root.parent, root.name, "", path=root)


def _walk(
    index: int, directory: Path, prefix: str, visited: set[tuple[int, int]]
) -> Iterator[FoundFile | LoadProblem]:
    try:
        info = directory.stat()
        if (info.st_dev, info.st_ino) in visited:
            return
        visited.add((info.st_dev, info.st_ino))
        with os.scandir(directory) as listing:
            entries = sorted(listing, key=lambda entry: (entry.name.casefold(), entry.name))
    except OSError as error:
        yield LoadProblem(directory, f"cannot open folder: {os_reason(error)}")
        return
    absolute_dir = os.path.abspath(directory).rstrip("/")
    for entry in entries:
        name = entry.name
        if name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()
            is_file = not is_dir and entry.is_file()
        except OSError:  # neither a folder nor a file we can tell: left out, as before
            logger.warning("cannot tell what %s is; skipped", directory / name, exc_info=True)
            continue
        if is_dir:
            yield from _walk(index, directory / name, f"{prefix}{name}/", visited)
        elif is_file:  # whatever its suffix: a feed is told by its content
            yield FoundFile(index, f"{prefix}{name}", directory, name, absolute_dir, entry)
