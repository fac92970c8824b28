"""The library pane: one row per article (unread ●, starred ★, notes ✎, a file to check ⚠,
title, feed, date), filterable by title and narrowed to one feed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import ClassVar
from urllib.parse import urlsplit

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message

from tuireader.library.article import Article
from tuireader.library.list_view import ListIndex, ListView, Marks, SortOrder, arrange
from tuireader.library.order import display_key, merge_for_display
from tuireader.widgets.cursor_list import CursorList, movement_bindings
from tuireader.widgets.safe_text import visible

UNREAD_MARK = "●"
STAR_MARK = "★"
NOTES_MARK = "✎"
WARNING_MARK = "⚠"
"""The file loaded with something to fix (`Article.warnings`: front matter YAML refused, a
date not understood); opening it says what."""
DATE_WIDTH = 10
FEED_WIDTH = 12
FEED_COLUMN_FROM = 44
"""The list's width from which rows show their feed (with subscriptions only): the pane is
at most 56 wide, so a wide terminal shows it, 120 columns do not."""


def article_date_label(article: Article) -> str:
    return article.date.isoformat()[:DATE_WIDTH] if article.date is not None else ""


class ArticleList(CursorList):
    """Presents articles in the order it is given (display order: newest first), or as its
    `view` sorts them; the view and the filter hide rows.

    The rows are chosen when the view, the filter or the articles change, and when the saved
    marks arrive; marking an article afterwards redraws its row but does not move or hide it
    (an article read under "unread only" stays until the view is chosen again).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        *movement_bindings("list"),
        Binding("enter", "choose", "Open", id="list.open"),
        # Letters typed right after "/" (a burst, a busy UI) land in the filter box: the app
        # sends them again once "/" has moved the focus (screens/key_routing.py). Not a
        # priority binding: that ran before an earlier "2" had moved the focus to the reader.
        Binding("slash", "screen.open_filter", "Filter", id="list.filter"),
        Binding("s", "screen.choose_sort", "Sort", id="list.sort"),
        Binding("l", "screen.choose_narrowing", "Show only", id="list.narrow"),
        Binding("e", "export", "Export notes", id="list.export"),
        Binding("ctrl+f", "feed_filter", "This feed only", show=False, id="list.feed_filter"),
        Binding("escape", "clear_filter", "Clear filter", show=False, id="list.clear_filter"),
        Binding("q", "app.quit", "Quit", show=False, id="list.quit"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *CursorList.COMPONENT_CLASSES,
        "article-list--unread",
        "article-list--unread-mark",
        "article-list--open",
        "article-list--read",
        "article-list--star",
        "article-list--notes",
        "article-list--warning",
        "article-list--date",
        "article-list--feed",
    }

    class ExportRequested(Message):
        """`e`: export every annotated article in the library."""

    class FilterCleared(Message):
        """The filter was cleared from the list itself (escape); the screen hides the box."""

    class FeedFilterChanged(Message):
        """The list was narrowed to a feed or widened again (the pane's title says which)."""

    class Resized(Message):
        """The list's width changed (the screen shortens the pane's counts to fit)."""

    class ArticleHighlighted(Message):
        def __init__(self, article: Article) -> None:
            super().__init__()
            self.article = article

    class ArticleChosen(Message):
        def __init__(self, article: Article) -> None:
            super().__init__()
            self.article = article

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._articles: list[Article] = []
        self._id_counts: Counter[str] = Counter()
        self._visible: Sequence[int] = range(0)
        self._read: set[str] = set()
        self._starred: set[str] = set()
        self._noted: set[str] = set()
        self.filter_text = ""
        self.view = ListView()
        """How the rows are sorted and narrowed (`set_view`)."""
        self._index: ListIndex | None = None
        """What arranging needs of `_articles`, taken when first needed after they change."""
        self._unread_count = 0
        self.empty_message: str | None = None
        """Shown when there are no articles at all (None while the scan may still find some)."""
        self.open_id: str | None = None
        """The article shown in the reader: its title is drawn in the accent colour."""
        self.feed_filter: str | None = None
        """The feed (URL) the list is narrowed to (None: every article)."""
        self._feed_names: dict[str, str] = {}
        """Feed URL -> its title, for the feed column (empty: no column)."""

    @property
    def row_count(self) -> int:
        return len(self._visible)

    @property
    def total(self) -> int:
        return len(self._articles)

    @property
    def articles(self) -> list[Article]:
        """Every article, filtered out or not, in display order."""
        return list(self._articles)

    @property
    def visible_articles(self) -> list[Article]:
        return [self._articles[i] for i in self._visible]

    @property
    def unread_count(self) -> int:
        return self._unread_count

    def _recount_unread(self) -> None:
        """A full count: only when the rows or the whole read set are replaced."""
        read = self._read
        self._unread_count = sum(count for article_id, count in self._id_counts.items()
                                 if article_id not in read)

    def _mark(self, article_id: str, read: bool) -> None:
        """One read change, keeping the unread count up to date without a recount."""
        if read == (article_id in self._read):
            return
        if read:
            self._read.add(article_id)
            self._unread_count -= self._id_counts.get(article_id, 0)
        else:
            self._read.discard(article_id)
            self._unread_count += self._id_counts.get(article_id, 0)

    @property
    def highlighted(self) -> Article | None:
        if 0 <= self.cursor < len(self._visible):
            return self._articles[self._visible[self.cursor]]
        return None

    def is_read(self, article: Article) -> bool:
        return article.id in self._read

    def is_starred(self, article: Article) -> bool:
        return article.id in self._starred

    def set_articles(self, articles: Sequence[Article]) -> None:
        """Replace the rows, keeping the cursor on the same article when it is still there."""
        current = self.highlighted
        self._articles = list(articles)
        self._index = None
        self._id_counts = Counter(article.id for article in self._articles)
        self._recount_unread()
        self._apply_filter(keep=current)

    def add_articles(self, fresh: Sequence[Article],
                     merged: list[Article] | None = None) -> None:
        """Put newly scanned articles in their places (the rows are in display order): only
        the new rows are counted and filtered, so a growing list costs per batch.

        `merged` is the rows with `fresh` already merged (a scan worker does that off the UI
        thread); without it they are merged here.
        """
        old = self._articles
        if merged is None:
            merged = merge_for_display(old, fresh)
        if len(merged) != len(old) + len(fresh) or not self.view.is_default:
            # Not these rows plus fresh, or rows in another order than display order.
            self.set_articles(merged)
            return
        if not fresh:
            return
        keep = self.highlighted
        needle = self.filter_text.casefold()
        self._articles = merged
        self._index = None
        read = self._read
        for article in fresh:
            self._id_counts[article.id] += 1
            if article.id not in read:
                self._unread_count += 1
        feed = self.feed_filter
        shown = [article for article in fresh if needle in article.title.casefold()
                 and (feed is None or article.feed == feed)] if needle or feed else fresh
        if needle or feed:
            kept = {id(old[i]) for i in self._visible}
            kept.update(id(article) for article in shown)
            self._visible = [i for i, article in enumerate(self._articles) if id(article) in kept]
        else:
            self._visible = range(len(self._articles))
        if keep is not None:
            key = display_key(keep)
            self.cursor += sum(1 for article in shown if display_key(article) < key)
        self.cursor = min(self.cursor, max(len(self._visible) - 1, 0))
        self.message = None if self._visible else "No title matches the filter"
        self.invalidate()
        self._keep_cursor_visible()

    def set_states(self, read: Iterable[str], starred: Iterable[str],
                   noted: Iterable[str] | None = None) -> None:
        """The saved marks (and which articles have notes): a view that depends on them
        chooses its rows again."""
        self._read = set(read)
        self._recount_unread()
        self._starred = set(starred)
        if noted is not None:
            self._noted = set(noted)
        if self.view.uses_marks:
            self._apply_filter(keep=self.highlighted)
        else:
            self.invalidate()

    def set_view(self, view: ListView) -> None:
        """Sort and narrow the rows as `view` says (the cursor stays on its article when
        that is still shown)."""
        self.view = view
        self._apply_filter(keep=self.highlighted)

    def find(self, article_id: str) -> Article | None:
        """The article with this id, shown or not."""
        return next((article for article in self._articles if article.id == article_id), None)

    def set_state(self, article_id: str, *, read: bool | None = None,
                  starred: bool | None = None) -> None:
        if read is not None:
            self._mark(article_id, read)
        if starred is not None:
            (self._starred.add if starred else self._starred.discard)(article_id)
        self.invalidate()

    def set_feed_names(self, names: Mapping[str, str]) -> None:
        """The subscriptions' titles by feed URL: rows of a feed show it in a column."""
        if names != self._feed_names:
            self._feed_names = dict(names)
            self._index = None  # its feed order goes by these names
            if self.view.sort is SortOrder.FEED:
                self._apply_filter(keep=self.highlighted)
            self.invalidate()

    def feed_name(self, feed: str) -> str:
        """A feed's title, else its host (an entry of a feed since unsubscribed)."""
        return self._feed_names.get(feed) or urlsplit(feed).hostname or feed

    def set_feed_filter(self, feed: str | None) -> None:
        """Show only the articles of `feed` (None: all), with the title filter on top."""
        self.feed_filter = feed
        self._apply_filter(keep=self.highlighted)

    def set_empty_message(self, message: str | None) -> None:
        self.empty_message = message
        self._apply_filter(keep=self.highlighted)

    def set_open(self, article_id: str | None) -> None:
        """Mark the article shown in the reader: only the rows on screen whose mark changed
        are repainted (the open state is part of each cached row's key), not the whole list."""
        previous, self.open_id = self.open_id, article_id
        if previous == article_id:
            return
        changed = {previous, article_id}
        articles, shown = self._articles, self._visible
        self.refresh_rows(row for row in self.visible_rows()
                          if articles[shown[row]].id in changed)

    def row_mark(self, index: int) -> object:
        return self._articles[self._visible[index]].id == self.open_id

    def set_noted(self, article_ids: Iterable[str]) -> None:
        """The articles that have notes (each row gets a ✎)."""
        noted = set(article_ids)
        if noted != self._noted:
            self._noted = noted
            self.invalidate()

    def has_notes(self, article: Article) -> bool:
        return article.id in self._noted

    def mark_read(self, article_ids: Iterable[str]) -> None:
        for article_id in article_ids:
            self._mark(article_id, True)
        self.invalidate()

    def set_filter(self, text: str) -> None:
        """Show only articles whose title contains `text` (case-insensitive)."""
        self.filter_text = text
        self._apply_filter(keep=self.highlighted)

    def select_article(self, article_id: str) -> bool:
        """Move the cursor to an article (clearing a filter that hides it)."""
        for row, index in enumerate(self._visible):
            if self._articles[index].id == article_id:
                self.move_cursor(row, notify=False)
                return True
        if self.filter_text or self.feed_filter is not None:
            self.filter_text, self.feed_filter = "", None
            self._apply_filter(keep=self.highlighted)
            return self.select_article(article_id)
        return False

    def first_unread_row(self) -> int | None:
        """The first visible row whose article is not marked read (None: all are)."""
        read = self._read
        for row, index in enumerate(self._visible):
            if self._articles[index].id not in read:
                return row
        return None

    def neighbour(self, step: int, *, unread_only: bool = False) -> Article | None:
        """The next (step=1) or previous (step=-1) visible article after the cursor."""
        row = self.cursor + step
        while 0 <= row < len(self._visible):
            article = self._articles[self._visible[row]]
            if not unread_only or article.id not in self._read:
                return article
            row += step
        return None

    @property
    def list_index(self) -> ListIndex:
        """What sorting and narrowing need of the articles (kept until they change)."""
        if self._index is None:
            self._index = ListIndex(self._articles, self.feed_name)
        return self._index

    def _apply_filter(self, keep: Article | None) -> None:
        feed = self.feed_filter
        if self.filter_text or not self.view.is_default or feed is not None:
            rows = arrange(self.list_index, self.view,
                           Marks(self._read, self._starred, self._noted), self.filter_text)
            if feed is not None:
                articles = self._articles
                rows = [i for i in rows if articles[i].feed == feed]
            self._visible = rows
        else:
            self._visible = range(len(self._articles))
        row = 0
        if keep is not None:
            for position, index in enumerate(self._visible):
                if self._articles[index].id == keep.id:
                    row = position
                    break
        self.cursor = min(row, max(len(self._visible) - 1, 0))
        if self._visible:
            self.message = None
        elif self._articles:
            self.message = ("No title matches the filter" if self.filter_text or
                            not self.view.narrowed else self.view.empty_message())
        else:
            self.message = self.empty_message
        self.invalidate()
        self._keep_cursor_visible()

    def render_row(self, index: int, width: int) -> list[Text]:
        article = self._articles[self._visible[index]]
        read = article.id in self._read
        row_style = self.style_of(
            "article-list--read" if read else "article-list--unread"
        )
        if article.id == self.open_id:
            row_style += self.style_of("article-list--open")
        text = Text(no_wrap=True, end="")
        if read:
            text.append("  ")
        else:
            text.append(UNREAD_MARK + " ", self.style_of("article-list--unread-mark"))
        if article.id in self._starred:
            text.append(STAR_MARK + " ", self.style_of("article-list--star"))
        if article.id in self._noted:
            text.append(NOTES_MARK + " ", self.style_of("article-list--notes"))
        if article.warnings:
            text.append(WARNING_MARK + " ", self.style_of("article-list--warning"))
        date = article_date_label(article)
        show_date = bool(date) and width >= 36
        show_feed = bool(self._feed_names) and width >= FEED_COLUMN_FROM
        title_width = (width - text.cell_len - (DATE_WIDTH + 1 if show_date else 0)
                       - (FEED_WIDTH + 1 if show_feed else 0))
        title = Text(visible(article.title), style=row_style, no_wrap=True, end="")
        title.truncate(max(title_width, 1), overflow="ellipsis", pad=show_date or show_feed)
        text.append_text(title)
        if show_feed:
            name = Text(" " + visible(self.feed_name(article.feed)) if article.feed else " ",
                        style=self.style_of("article-list--feed"), no_wrap=True, end="")
            name.truncate(FEED_WIDTH + 1, overflow="ellipsis", pad=True)
            text.append_text(name)
        if show_date:
            text.append(" ")
            text.append(date.rjust(DATE_WIDTH), self.style_of("article-list--date"))
        return [text]

    def on_resize(self, event: events.Resize) -> None:
        super().on_resize(event)
        self.post_message(self.Resized())

    def action_choose(self) -> None:
        article = self.highlighted
        if article is not None and self.message is None:
            self.post_message(self.ArticleChosen(article))

    def action_export(self) -> None:
        self.post_message(self.ExportRequested())

    def action_feed_filter(self) -> None:
        """Narrow the list to the highlighted article's feed, or widen it again."""
        article = self.highlighted
        if self.feed_filter is not None:
            self.set_feed_filter(None)
        elif article is not None and article.feed is not None:
            self.set_feed_filter(article.feed)
        else:
            self.notify("This article is not from a feed.", timeout=3)
            return
        self.post_message(self.FeedFilterChanged())

    def action_clear_filter(self) -> None:
        """The typed filter first; then "this feed only" (`ctrl+f`, or a feed chosen on the
        feeds screen), which the list's title shows as a filter too."""
        if self.filter_text:
            self.set_filter("")
            self.post_message(self.FilterCleared())
        elif self.feed_filter is not None:
            self.set_feed_filter(None)
            self.post_message(self.FeedFilterChanged())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Without a filter, escape is not ours: it falls through to the screen ("back").
        if action == "clear_filter":
            return bool(self.filter_text) or self.feed_filter is not None
        return True

    def on_cursor_list_cursor_moved(self, event: CursorList.CursorMoved) -> None:
        event.stop()
        article = self.highlighted
        if article is not None:
            self.post_message(self.ArticleHighlighted(article))

    def on_cursor_list_chosen(self, event: CursorList.Chosen) -> None:
        event.stop()
        self.action_choose()
