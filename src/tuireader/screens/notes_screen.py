"""A screen that hosts notes: it turns the widgets' note requests into `NotesController` calls.

The main screen derives from it, so its own module stays about articles, reading and the
timeline; a test screen can derive from it too, with just a reader and a notes pane.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.worker import Worker

from tuireader.library.article import Article
from tuireader.screens.notes_controller import NotesController
from tuireader.screens.worker_failures import report_worker_failure
from tuireader.widgets.article_list import ArticleList
from tuireader.widgets.notes_view import NotesView
from tuireader.widgets.passage_reader import PassageReader
from tuireader.widgets.timeline_view import TimelineView

if TYPE_CHECKING:
    from tuireader.store import Database
    from tuireader.store.session import Session


class NotesScreen(Screen[None]):
    """Subclasses provide `reader`, `notes_view`, and may override the hooks below."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "toggle_notes", "Notes", id="main.notes"),
    ]

    def __init__(self, session: Session, export_dir: Callable[[], Path]) -> None:
        super().__init__()
        self.session = session
        self.notes = NotesController(self, export_dir)

    @property
    def db(self) -> Database | None:
        return self.session.database

    @property
    def database_opening(self) -> bool:
        """Whether the app is still opening the database (it opens after the first paint)."""
        return self.session.opening

    def database_when_open(self) -> Database | None:
        """For worker threads: the database, waiting for it if the app is still opening it."""
        return self.session.wait()

    @property
    def reader(self) -> PassageReader:
        raise NotImplementedError

    @property
    def notes_view(self) -> NotesView:
        raise NotImplementedError

    def notes_changed(self, article_ids: set[str]) -> None:
        """Which articles have notes now (the main screen marks them in the list)."""

    def articles_for_export(self) -> list[Article]:
        """The library, for exporting every annotated article."""
        return []

    def show_notes_pane(self, show: bool) -> None:
        """Show the notes pane (focused) or put back what it replaced."""
        (self.notes_view if show else self.reader).focus()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        report_worker_failure(self, event)

    def action_toggle_notes(self) -> None:
        self.show_notes_pane(not self.notes_view.has_focus)

    @on(PassageReader.AnnotateRequested)
    def _annotate_passage(self, event: PassageReader.AnnotateRequested) -> None:
        self.notes.annotate(event.start, event.end)

    @on(PassageReader.CopyRequested)
    def _copy_quote(self, event: PassageReader.CopyRequested) -> None:
        self.notes.copy_quote(event.start, event.end)

    @on(PassageReader.ExportRequested)
    def _export_open_article(self, _: PassageReader.ExportRequested) -> None:
        self.notes.export()

    @on(TimelineView.AnnotateRequested)
    def _annotate_event(self, event: TimelineView.AnnotateRequested) -> None:
        self.notes.annotate_event(event.event)

    @on(ArticleList.ExportRequested)
    def _export_annotated(self, _: ArticleList.ExportRequested) -> None:
        self.notes.export(self.articles_for_export())

    @on(NotesView.NoteChosen)
    def _jump_to_note(self, event: NotesView.NoteChosen) -> None:
        if self.notes.jump(event.note):
            self.reader.focus()

    @on(NotesView.EditRequested)
    def _edit_note(self, event: NotesView.EditRequested) -> None:
        self.notes.edit(event.note)

    @on(NotesView.DeleteRequested)
    def _delete_note(self, event: NotesView.DeleteRequested) -> None:
        self.notes.delete(event.note)
