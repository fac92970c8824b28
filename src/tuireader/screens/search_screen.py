"""The list's filter box and the reader's find box, and what typing in them does.

The main screen derives from it (as from `NotesScreen`), so its own module stays about
articles, reading and the timeline.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.widgets import Input

from tuireader.screens.notes_screen import NotesScreen
from tuireader.widgets.article_list import ArticleList
from tuireader.widgets.reader import ArticleReader
from tuireader.widgets.search_box import SearchBox

if TYPE_CHECKING:
    from tuireader.store.session import Session

SEARCH_PLACEHOLDERS = {"filter": "filter titles…", "find": "find in article…"}


class SearchScreen(NotesScreen):
    """Subclasses provide `article_list` and `reader`, and show `find_status` somewhere."""

    def __init__(self, session: Session, export_dir: Callable[[], Path]) -> None:
        super().__init__(session, export_dir)
        self.find_status = ""
        """"“budget” 3 of 17", "“budget” not found", or "" with no search."""

    @property
    def article_list(self) -> ArticleList:
        raise NotImplementedError

    def titles_changed(self) -> None:
        """Something the pane titles show changed (the filter, the find status, the library)."""

    async def action_open_filter(self) -> None:
        """`/` in the list (the binding lives there; the box is the screen's)."""
        await self._open_search_box("filter")

    async def action_open_find(self) -> None:
        """`/` in the reader."""
        await self._open_search_box("find")

    async def _open_search_box(self, name: str) -> None:
        box = await self._search_box(name)
        box.return_focus = self.article_list if name == "filter" else self.reader
        box.add_class("-active")
        self.set_focus(box)

    async def _search_box(self, name: str) -> SearchBox:
        """The box `name`, mounted on first use (two Inputs cost ~7 ms of the first frame):
        the filter above the list, the find box below the reader. The key handler awaits the
        mount, so keys typed right after `/` reach the box."""
        for box in self.query(f"#{name}").results(SearchBox):
            return box
        box = SearchBox(placeholder=SEARCH_PLACEHOLDERS[name], id=name)
        if name == "filter":
            await self.query_one("#articles-pane").mount(box, before=self.article_list)
        else:
            await self.query_one("#reader-pane").mount(box, after=self.reader)
        return box

    def close_search_box(self, box_id: str) -> None:
        for box in self.query(f"#{box_id}").results(SearchBox):  # none until first opened
            box.remove_class("-active")
            with box.prevent(Input.Changed):
                box.value = ""

    @on(ArticleList.FilterCleared)
    def _filter_cleared(self, _: ArticleList.FilterCleared) -> None:
        self.close_search_box("filter")
        self.titles_changed()

    @on(ArticleReader.FindCleared)
    def _find_cleared(self, _: ArticleReader.FindCleared) -> None:
        self.close_search_box("find")

    @on(ArticleReader.FindChanged)
    def _find_changed(self, event: ArticleReader.FindChanged) -> None:
        if not event.find_query:
            self.find_status = ""
        elif event.total:
            self.find_status = f"“{event.find_query}” {event.current} of {event.total}"
        else:
            self.find_status = f"“{event.find_query}” not found"
        self.titles_changed()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.article_list.set_filter(event.value)
        self.titles_changed()

    @on(Input.Changed, "#find")
    def _find_typed(self, event: Input.Changed) -> None:
        self.reader.find(event.value)

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        """Enter keeps the filter, goes back to the list and opens the highlighted article."""
        if not event.value:
            self.close_search_box("filter")
        self.article_list.focus()
        self.article_list.action_choose()

    @on(Input.Submitted, "#find")
    def _find_submitted(self, event: Input.Submitted) -> None:
        if not event.value:
            self.close_search_box("find")
        self.reader.focus()

    @on(SearchBox.Cancelled, "#filter")
    def _filter_cancelled(self, _: SearchBox.Cancelled) -> None:
        self.close_search_box("filter")
        self.article_list.set_filter("")
        self.article_list.focus()
        self.titles_changed()

    @on(SearchBox.Cancelled, "#find")
    def _find_cancelled(self, _: SearchBox.Cancelled) -> None:
        self.close_search_box("find")
        self.reader.find("")
        self.reader.focus()
