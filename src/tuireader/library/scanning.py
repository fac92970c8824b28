"""Finding article files under the paths a user gave, and loading each into an Article."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from tuireader.library.article import Article, LoadProblem, ScanResult
from tuireader.library.decoding import os_reason
from tuireader.library.formats import format_for
from tuireader.library.ids import IdRegistry
from tuireader.library.loading import LoadError, load_article, unsupported_reason

_Found = tuple[Path, str]
"""A file to load and its path relative to the root it was found under (posix form)."""


def scan(paths: Iterable[Path | str]) -> ScanResult:
    """Every article and every problem under `paths`; see `iter_scan`."""
    result = ScanResult()
    for item in iter_scan(paths):
        if isinstance(item, Article):
            result.articles.append(item)
        else:
            result.problems.append(item)
    return result


def iter_scan(paths: Iterable[Path | str]) -> Iterator[Article | LoadProblem]:
    """Articles and problems one by one (for progress), in a deterministic order.

    Roots are taken in the order given; folders are walked recursively in name order,
    skipping hidden entries and files no format handles. A file reached twice is loaded once.
    When two articles claim one id, the later keeps a disambiguated id and both are kept.
    """
    ids = IdRegistry()
    seen_files: set[str] = set()
    seen_folders: set[tuple[int, int]] = set()
    for root in paths:
        for found in _files_under(Path(root), seen_folders):
            if isinstance(found, LoadProblem):
                yield found
                continue
            path, relative = found
            absolute = os.path.abspath(path)
            if absolute in seen_files:
                continue
            seen_files.add(absolute)
            try:
                article = load_article(path)
            except LoadError as error:
                yield LoadProblem(path, error.reason)
                continue
            unique = ids.claim(article.id, article.title, article.date, relative)
            yield article if unique == article.id else replace(article, id=unique)


def _files_under(root: Path, seen_folders: set[tuple[int, int]]) -> Iterator[_Found | LoadProblem]:
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
        yield from _walk(root, "", seen_folders)
    elif format_for(root) is None:
        yield LoadProblem(root, unsupported_reason(root))
    elif not root.is_file():
        yield LoadProblem(root, "not a regular file")
    else:
        yield root, root.name


def _walk(
    directory: Path, prefix: str, visited: set[tuple[int, int]]
) -> Iterator[_Found | LoadProblem]:
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
    for entry in entries:
        if entry.name.startswith("."):
            continue
        relative = f"{prefix}{entry.name}"
        try:
            is_dir = entry.is_dir()
            is_file = not is_dir and entry.is_file()
        except OSError:
            continue
        if is_dir:
            yield from _walk(directory / entry.name, f"{relative}/", visited)
        elif is_file and format_for(Path(entry.name)) is not None:
            yield directory / entry.name, relative
