"""How the list is sorted and what it shows: chosen with `s` and `l` (or the palette),
remembered in the settings, and put back when the database opens.

The main screen derives from it (through `LibraryScreen`), so its own module stays about
the open article and the panes.
"""

from __future__ import annotations

from textual import work

from tuireader.library.list_view import (
    NARROWING_LABELS,
    ListView,
    Narrowing,
    SortOrder,
    tag_counts,
)
from tuireader.screens.search_screen import SearchScreen

# The picker (Textual's OptionList) is imported when first opened: the first paint does
# not need it.

LIST_VIEW_SETTING = "list.view"

SORT_CHOICES = [
    (SortOrder.DATE, "Date, newest first", "d"),
    (SortOrder.TITLE, "Title, A to Z", "t"),
    (SortOrder.UNREAD_FIRST, "Unread first, then read", "u"),
    (SortOrder.FEED, "Feed, then newest first", "f"),
]
NARROWING_KEYS = {Narrowing.ALL: "a", Narrowing.UNREAD: "u", Narrowing.STARRED: "s",
                  Narrowing.ANNOTATED: "n"}
TAG_CHOICES = 50
"""Tags offered in the picker (the most used first)."""
_TAG_PREFIX = "tag:"


class ListViewScreen(SearchScreen):
    """Owns the list's view: the pickers, and saving the choice (off the UI thread)."""

    _view_chosen = False
    """A view was picked in this session (the saved one, arriving later, does not undo it)."""

    def action_choose_sort(self) -> None:
        from tuireader.screens.choice_picker import Choice, ChoicePicker

        choices = [Choice(sort.value, label, key) for sort, label, key in SORT_CHOICES]
        current = self.article_list.view.sort.value
        self.app.push_screen(ChoicePicker("Sort articles", choices, current),
                             self._sort_chosen)

    def action_choose_narrowing(self) -> None:
        from tuireader.screens.choice_picker import Choice, ChoicePicker

        view = self.article_list.view
        choices = [Choice(narrowing.value, label.capitalize(), NARROWING_KEYS[narrowing])
                   for narrowing, label in NARROWING_LABELS.items()]
        for tag, count in tag_counts(self.article_list.list_index)[:TAG_CHOICES]:
            choices.append(Choice(_TAG_PREFIX + tag, f"Tagged {tag} ({count:,})"))
        current = (_TAG_PREFIX + (view.tag or "") if view.narrowing is Narrowing.TAG
                   else view.narrowing.value)
        self.app.push_screen(ChoicePicker("Show", choices, current), self._narrowing_chosen)

    def _sort_chosen(self, value: str | None) -> None:
        if value is not None:
            view = self.article_list.view
            self.choose_view(ListView(SortOrder(value), view.narrowing, view.tag))

    def _narrowing_chosen(self, value: str | None) -> None:
        if value is None:
            return
        sort = self.article_list.view.sort
        if value.startswith(_TAG_PREFIX):
            self.choose_view(ListView(sort, Narrowing.TAG, value[len(_TAG_PREFIX):]))
        else:
            self.choose_view(ListView(sort, Narrowing(value)))

    def choose_view(self, view: ListView) -> None:
        """Show the list as `view` says, and remember it."""
        self._view_chosen = True
        self.article_list.set_view(view)
        self.titles_changed()
        self.save_view(view)

    def restore_view(self, saved: object) -> None:
        """The view saved last time (the raw setting), unless one was chosen meanwhile.

        Called just before the saved marks reach the list: a view that depends on them is
        arranged then (`set_states`), not twice."""
        view = ListView.from_setting(saved)
        if self._view_chosen or view == self.article_list.view:
            return
        if view.uses_marks:
            self.article_list.view = view
        else:
            self.article_list.set_view(view)
        self.titles_changed()

    @work(thread=True, exclusive=True, group="list-view", exit_on_error=False)
    def save_view(self, view: ListView) -> None:
        """Settings are written to disk at once: never on the UI thread."""
        db = self.session.wait()
        if db is not None:
            db.settings.set(LIST_VIEW_SETTING, view.to_setting())
