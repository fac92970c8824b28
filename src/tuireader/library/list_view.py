"""How the article list is arranged: its sort order and which articles it narrows to.

Pure functions of the articles and their marks, so they are tested and timed without the
UI; the list widget keeps the result (row indexes) and draws it. Articles always arrive in
display order (`order.display_key`: newest first), which is the date sort as it is.
"""

from __future__ import annotations

import logging
import operator
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import compress

from tuireader.library.article import Article

logger = logging.getLogger(__name__)


class SortOrder(StrEnum):
    DATE = "date"
    """Newest first (the display order)."""
    TITLE = "title"
    """A to Z, ignoring case."""
    UNREAD_FIRST = "unread"
    """Unread articles, then read ones; each newest first."""
    FEED = "feed"
    """Grouped by feed, A to Z by the feed's name, articles of no feed last; each group
    newest first."""


class Narrowing(StrEnum):
    ALL = "all"
    UNREAD = "unread"
    STARRED = "starred"
    ANNOTATED = "annotated"
    TAG = "tag"


SORT_LABELS = {
    SortOrder.DATE: "newest first",
    SortOrder.TITLE: "by title",
    SortOrder.UNREAD_FIRST: "unread first",
    SortOrder.FEED: "by feed",
}
NARROWING_LABELS = {
    Narrowing.ALL: "all articles",
    Narrowing.UNREAD: "unread only",
    Narrowing.STARRED: "starred only",
    Narrowing.ANNOTATED: "with notes only",
}


@dataclass(frozen=True, slots=True)
class ListView:
    sort: SortOrder = SortOrder.DATE
    narrowing: Narrowing = Narrowing.ALL
    tag: str | None = None
    """The tag shown when `narrowing` is TAG."""

    @property
    def is_default(self) -> bool:
        return self.sort is SortOrder.DATE and self.narrowing is Narrowing.ALL

    @property
    def narrowed(self) -> bool:
        return self.narrowing is not Narrowing.ALL

    @property
    def uses_marks(self) -> bool:
        """Whether the read, starred or noted marks decide the rows."""
        return self.sort is SortOrder.UNREAD_FIRST or self.narrowing not in (
            Narrowing.ALL, Narrowing.TAG)

    def describe_narrowing(self) -> str:
        if self.narrowing is Narrowing.TAG:
            return f"tagged {self.tag}"
        return NARROWING_LABELS[self.narrowing]

    def describe(self) -> str:
        """"unread only · by title"; "" for the default view."""
        parts = [self.describe_narrowing()] if self.narrowed else []
        if self.sort is not SortOrder.DATE:
            parts.append(SORT_LABELS[self.sort])
        return " · ".join(parts)

    def empty_message(self) -> str:
        """What the list says when the view leaves no article to show."""
        return {
            Narrowing.UNREAD: "No unread articles",
            Narrowing.STARRED: "No starred articles",
            Narrowing.ANNOTATED: "No articles with notes",
        }.get(self.narrowing, f"No articles tagged {self.tag}")

    def to_setting(self) -> dict[str, str | None]:
        return {"sort": self.sort.value, "narrowing": self.narrowing.value, "tag": self.tag}

    @classmethod
    def from_setting(cls, value: object) -> ListView:
        """The view saved by `to_setting`; what cannot be read falls back to the default
        (a setting from another version must not stop the app)."""
        if value is None:
            return cls()
        try:
            if not isinstance(value, dict):
                raise TypeError(f"not a mapping: {value!r}")
            sort = SortOrder(value.get("sort", SortOrder.DATE.value))
            narrowing = Narrowing(value.get("narrowing", Narrowing.ALL.value))
            tag = value.get("tag")
            if narrowing is Narrowing.TAG and not (isinstance(tag, str) and tag):
                raise ValueError(f"a tag view without a tag: {value!r}")
        except (TypeError, ValueError):
            logger.exception("ignoring the saved list view")
            return cls()
        return cls(sort, narrowing, tag if narrowing is Narrowing.TAG else None)


@dataclass(frozen=True, slots=True)
class Marks:
    """Article ids by mark (the reading state and the notes)."""

    read: Collection[str] = frozenset()
    starred: Collection[str] = frozenset()
    noted: Collection[str] = frozenset()


class ListIndex:
    """What arranging needs of the articles, taken once per article list: the ids and
    folded titles as plain lists (tests run at C speed over them), the title order when
    first asked for (the one arrangement that sorts)."""

    def __init__(self, articles: Sequence[Article],
                 feed_name: Callable[[str], str] = str) -> None:
        self.articles = articles
        self.ids = [article.id for article in articles]
        self._feed_name = feed_name
        self._folded: list[str] | None = None
        self._by_title: list[int] | None = None
        self._by_feed: list[int] | None = None
        self._tagged: dict[str, list[int]] | None = None

    @property
    def folded_titles(self) -> list[str]:
        if self._folded is None:
            self._folded = [article.title.casefold() for article in self.articles]
        return self._folded

    @property
    def by_title(self) -> list[int]:
        """Indexes A to Z by title (case-insensitive); equal titles keep display order."""
        if self._by_title is None:
            self._by_title = sorted(range(len(self.articles)),
                                    key=self.folded_titles.__getitem__)
        return self._by_title

    @property
    def by_feed(self) -> list[int]:
        """Indexes grouped by feed name (case-insensitive), no feed last; display order
        within a feed."""
        if self._by_feed is None:
            names: dict[str, str] = {}

            def key(row: int) -> tuple[bool, str]:
                feed = self.articles[row].feed
                if feed is None:
                    return True, ""
                if feed not in names:
                    names[feed] = self._feed_name(feed).casefold()
                return False, names[feed]

            self._by_feed = sorted(range(len(self.articles)), key=key)
        return self._by_feed

    @property
    def tagged(self) -> dict[str, list[int]]:
        """Each tag's articles (indexes, display order): one pass over the tags, then a tag's
        rows and the counts the picker shows are at hand."""
        if self._tagged is None:
            tagged: dict[str, list[int]] = {}
            for row, article in enumerate(self.articles):
                for tag in article.tags:
                    tagged.setdefault(tag, []).append(row)
            self._tagged = tagged
        return self._tagged


def arrange(index: ListIndex, view: ListView, marks: Marks, needle: str = "") -> Sequence[int]:
    """The rows to show, as indexes into `index.articles` (in display order), in `view`'s
    order, narrowed to `view` and to titles containing `needle` (case-insensitive)."""
    keep = _keep_mask(index, view, marks, needle.casefold())
    if view.sort in (SortOrder.TITLE, SortOrder.FEED):
        ordered = index.by_title if view.sort is SortOrder.TITLE else index.by_feed
        rows: Sequence[int] = ordered if keep is None else [i for i in ordered if keep[i]]
    elif keep is None:
        rows = range(len(index.ids))
    else:
        rows = list(compress(range(len(index.ids)), keep))
    if view.sort is SortOrder.UNREAD_FIRST:
        is_read = list(map(marks.read.__contains__, index.ids))
        rows = [i for i in rows if not is_read[i]] + [i for i in rows if is_read[i]]
    return rows


def _keep_mask(index: ListIndex, view: ListView, marks: Marks,
               needle: str) -> list[bool] | None:
    """Per article (display order), whether it is shown; None: every one is."""
    masks: list[Iterable[bool]] = []
    if needle:
        masks.append([needle in title for title in index.folded_titles])
    narrowing = view.narrowing
    if narrowing is Narrowing.UNREAD:
        masks.append(map(operator.not_, map(marks.read.__contains__, index.ids)))
    elif narrowing is Narrowing.STARRED:
        masks.append(map(marks.starred.__contains__, index.ids))
    elif narrowing is Narrowing.ANNOTATED:
        masks.append(map(marks.noted.__contains__, index.ids))
    elif narrowing is Narrowing.TAG:
        tagged = bytearray(len(index.ids))
        for row in index.tagged.get(view.tag or "", ()):
            tagged[row] = 1
        masks.append(map(bool, tagged))
    if not masks:
        return None
    if len(masks) == 1:
        return list(masks[0])
    return list(map(operator.and_, *masks))


def tag_counts(index: ListIndex) -> list[tuple[str, int]]:
    """Every tag in the library with how many articles carry it, most used first."""
    counts = [(tag, len(rows)) for tag, rows in index.tagged.items()]
    return sorted(counts, key=lambda item: (-item[1], item[0].casefold(), item[0]))
