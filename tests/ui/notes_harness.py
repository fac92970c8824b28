"""A small app around the notes widgets (reader with passages, notes pane, editor), so they
can be tested without the main screen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.widgets import Footer

import tuireader
from tuireader.library.article import Article
from tuireader.screens.notes_screen import NotesScreen
from tuireader.store import Database
from tuireader.store.session import Session
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


class NotesHarness(NotesScreen):
    def __init__(self, article: Article, body: str, session: Session,
                 export_dir: Callable[[], Path]) -> None:
        super().__init__(session, export_dir)
        self.article = article
        self.body = body
        self.with_notes: set[str] = set()

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
        self.notes.article_opened(self.article, self.body)


class NotesApp(App[None]):
    CSS_PATH = [PACKAGE / "app.tcss", PACKAGE / "notes.tcss"]  # noqa: RUF012

    def __init__(self, data_dir: Path, out_dir: Path, body: str = BODY,
                 article: Article | None = None) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.db: Database | None = Database(data_dir, clock=lambda: FROZEN_NOW)
        self.article = article or Article(id="council-1", path=data_dir / "council.txt",
                                          title="Council vote delayed",
                                          source="Valley Chronicle")
        self.body = body
        self.out_dir = out_dir
        self.copied: list[str] = []

    def export_dir(self) -> Path:
        return self.out_dir

    def copy_to_clipboard(self, text: str) -> None:
        self.copied.append(text)
        super().copy_to_clipboard(text)

    def on_mount(self) -> None:
        assert self.db is not None
        session = Session.of(self.db, lambda: FROZEN_NOW)
        self.push_screen(NotesHarness(self.article, self.body, session, self.export_dir))

    def on_unmount(self) -> None:
        if self.db is not None:
            self.db.close()
