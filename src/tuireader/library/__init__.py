"""The article library: finding, decoding, sanitising and parsing article files (no Textual).

Names are imported on first use (PEP 562): the app's first paint needs only
`tuireader.library.catalog`, which must not pay for YAML and the format parsers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tuireader.lazy_exports import lazy_exports

if TYPE_CHECKING:
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

_EXPORTS = {
    "Article": "tuireader.library.article",
    "ArticleText": "tuireader.library.article",
    "LoadError": "tuireader.library.loading",
    "LoadProblem": "tuireader.library.article",
    "LoadedArticle": "tuireader.library.article",
    "ScanResult": "tuireader.library.article",
    "iter_scan": "tuireader.library.scanning",
    "load": "tuireader.library.loading",
    "read_text": "tuireader.library.loading",
    "sanitize": "tuireader.library.sanitizing",
    "scan": "tuireader.library.scanning",
    "supported_suffixes": "tuireader.library.formats",
}


__getattr__, __dir__ = lazy_exports(globals(), _EXPORTS)


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
