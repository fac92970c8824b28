"""The article library: finding, decoding, sanitising and parsing article files (no Textual)."""

from __future__ import annotations

from tuireader.library.article import (
    Article,
    ArticleText,
    LoadedArticle,
    LoadProblem,
    ScanResult,
)
from tuireader.library.formats import supported_suffixes
from tuireader.library.loading import LoadError, load, read_text
from tuireader.library.sanitizing import sanitize
from tuireader.library.scanning import iter_scan, scan

__all__ = [
    "Article",
    "ArticleText",
    "LoadError",
    "LoadProblem",
    "LoadedArticle",
    "ScanResult",
    "iter_scan",
    "load",
    "read_text",
    "sanitize",
    "scan",
    "supported_suffixes",
]
