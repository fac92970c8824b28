"""A small app around the notes widgets (reader with passages, notes pane, editor), so they
can be tested without the main screen."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from textual import on
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer

import tuireader
from tuireader.library.article import Article
from tuireader.screens.notes_controller import NotesController
from tuireader.store import Database
from tuireader.widgets.notes_view import NotesView
from tuireader.widgets.passage_reader import PassageReader

PACKAGE = Path(tuireader.__file__).parent
FROZEN_NOW = datetime(2023, 5, 1, 12, 0, tzinfo=UTC)

BODY = (
    "The council met on Monday. It delayed the vote on the library budget! "
    "Members asked for more time.\n"
    "\n"
    "The mayor said the delay was regrettable. A new date will be set in June.\n"
    "\n"
    "Residents protested outside. Some carried banners. Police watched quietly.\n"
)


class NotesHarness(Screen[None]):
    def __init__(self, article: Article, body: str, export_dir: Path) -> None:
        super().__init__()
        self.article = article
        self.body = body
        self.with_notes: set[str] = set()
        self.controller = NotesController(self, lambda: export_dir)

    @property
    def db(self) -> Database | None:
        return getattr(self.app, "db", None)

    @property
    def reader(self) -> PassageReader:
        return self.query_one(PassageReader)

    @property
    def notes_view(self) -> NotesView:
        return self.query_one(NotesView)

    def notes_changed(self, article_ids: set[str]) -> None:
        self.with_notes = set(article_ids)

    def articles_for_export(self) -> list[Article]:
        return [self.article]

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield PassageReader(id="reader")
            yield NotesView(id="notes")
        yield Footer()

    def on_mount(self) -> None:
        self.reader.show_body(self.body)
        self.reader.focus()
        self.controller.article_opened(self.article, self.body)

    @on(PassageReader.AnnotateRequested)
    def _annotate(self, event: PassageReader.AnnotateRequested) -> None:
        self.controller.annotate(event.start, event.end)

    @on(PassageReader.CopyRequested)
    def _copy(self, event: PassageReader.CopyRequested) -> None:
        self.controller.copy_quote(event.start, event.end)

    @on(PassageReader.ExportRequested)
    def _export(self, _: PassageReader.ExportRequested) -> None:
        self.controller.export()

    @on(NotesView.NoteChosen)
    def _chosen(self, event: NotesView.NoteChosen) -> None:
        if self.controller.jump(event.note):
            self.reader.focus()

    @on(NotesView.EditRequested)
    def _edit(self, event: NotesView.EditRequested) -> None:
        self.controller.edit(event.note)

    @on(NotesView.DeleteRequested)
    def _delete(self, event: NotesView.DeleteRequested) -> None:
        self.controller.delete(event.note)


class NotesApp(App[None]):
    CSS_PATH = [PACKAGE / "app.tcss", PACKAGE / "notes.tcss"]  # noqa: RUF012

    def __init__(self, data_dir: Path, export_dir: Path, body: str = BODY,
                 article: Article | None = None) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.db: Database | None = Database(data_dir, clock=lambda: FROZEN_NOW)
        self.article = article or Article(id="council-1", path=data_dir / "council.txt",
                                          title="Council vote delayed",
                                          source="Valley Chronicle")
        self.body = body
        self.export_dir = export_dir
        self.copied: list[str] = []

    def copy_to_clipboard(self, text: str) -> None:
        self.copied.append(text)
        super().copy_to_clipboard(text)

    def on_mount(self) -> None:
        self.push_screen(NotesHarness(self.article, self.body, self.export_dir))

    def on_unmount(self) -> None:
        if self.db is not None:
            self.db.close()
