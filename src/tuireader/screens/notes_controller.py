"""Notes on the main screen: open the editor, save/delete in workers, mark passages, export.

The screen owns one `NotesController` and forwards the widgets' requests to it; all disk
work (note writes, re-anchoring, exports) runs in thread workers, never on a keypress.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual.worker import get_current_worker

from tuireader.library.article import Article
from tuireader.widgets.notes_view import NoteRow, one_line
from tuireader.widgets.safe_text import visible

if TYPE_CHECKING:
    from tuireader.screens.notes_screen import NotesScreen
    from tuireader.store import Database, Located, Note, NoteAnchor
    from tuireader.timeline.event import Event

# The editor (Textual's TextArea), the confirm dialog and the store's modules are imported
# where they are used: none of them is needed for the first paint.

logger = logging.getLogger(__name__)

QUOTE_LIMIT = 2000
"""Characters of a passage copied with `y` (a whole chapter is not a quote)."""


@dataclass(frozen=True, slots=True)
class OpenArticle:
    article: Article
    body: str


def quote_with_source(article: Article, quote: str) -> str:
    """`y`: the passage as a Markdown quote, then where it came from."""
    text = quote if len(quote) <= QUOTE_LIMIT else quote[:QUOTE_LIMIT].rstrip() + "…"
    lines = [f"> {line}" if line.strip() else ">" for line in text.strip().split("\n")]
    source = [f"“{one_line(article.title)}”"]
    if article.author:
        source.append(one_line(article.author))
    if article.source:
        source.append(one_line(article.source))
    if article.date is not None:
        source.append(article.date.isoformat()[:10])
    return "\n".join(lines) + "\n\n— " + ", ".join(source) + "\n"


def note_rows(notes: Sequence[Note], located: dict[str, Located]) -> list[NoteRow]:
    """Notes in text order, using where each passage is now; orphaned ones last."""
    rows = [NoteRow(note, orphaned=note.id in located and not located[note.id].found)
            for note in notes]

    def order(row: NoteRow) -> tuple[bool, bool, int, str]:
        found = located.get(row.note.id)
        position = found.start if found is not None else (row.note.position or 0)
        return (row.orphaned, row.note.anchor is None, position, row.note.created.isoformat())

    return sorted(rows, key=order)


class NotesController:
    """Keeps the open article's notes and where their passages are in its body."""

    def __init__(self, host: NotesScreen, export_dir: Callable[[], Path]) -> None:
        self.host = host
        self.export_dir = export_dir
        self.open: OpenArticle | None = None
        self.notes: list[Note] = []
        self.located: dict[str, Located] = {}

    @property
    def db(self) -> Database | None:
        return self.host.db

    def _database(self) -> Database | None:
        """For worker threads: the database, once open if it is still opening."""
        return self.host.database_when_open()

    @property
    def _database_failed(self) -> bool:
        """No database, and none is coming: it could not be opened."""
        return self.db is None and not self.host.database_opening

    def _no_database(self) -> bool:
        if self._database_failed:
            self.host.notify("Notes cannot be saved: the database could not be opened.",
                             title="Notes", severity="error", markup=False)
            return True
        return False

    def article_opened(self, article: Article, body: str) -> None:
        """The reader shows a new body: find its notes again (in a worker; may save)."""
        self.open = OpenArticle(article, body)
        self.notes = []
        self.located = {}
        self.host.notes_view.show_message("finding notes…")
        self.reload(announce=True)

    def article_closed(self, message: str = "No article open") -> None:
        self.open = None
        self.notes = []
        self.located = {}
        self.host.notes_view.show_message(message)

    def reload(self, *, keep: str | None = None, announce: bool = False) -> None:
        """Read the article's notes and locate them in the body (in a worker); `announce`
        says how many were orphaned (on opening, not after each change)."""
        opened = self.open
        if opened is None:
            return
        if self._database_failed:
            self.host.notes_view.show_message("Notes unavailable: no database")
            return

        def work() -> None:
            error: str | None = None
            db = self._database()
            if db is None:
                self.host.app.call_from_thread(self._show_failure, opened, "no database")
                return
            try:
                notes = db.notes.for_article(opened.article.id)
                try:
                    found = db.notes.reanchor(opened.article.id, opened.body)
                except Exception as failure:  # a read-only store: still show where they are
                    logger.warning("could not re-anchor the notes", exc_info=True)
                    from tuireader.store import locate

                    error = str(failure)
                    found = [(n, locate(n.anchor, opened.body)) for n in notes if n.anchor]
                moved = {note.id: note for note, _ in found}
                notes = [moved.get(note.id, note) for note in notes]
                located = {note.id: where for note, where in found}
                with_notes = db.notes.article_ids_with_notes()
            except Exception as failure:
                logger.exception("could not load the notes")
                self.host.app.call_from_thread(self._show_failure, opened, str(failure))
                return
            if not get_current_worker().is_cancelled:  # a newer reload is on its way
                self.host.app.call_from_thread(self._show, opened, notes, located, with_notes,
                                               keep, error, announce)

        self.host.run_worker(work, thread=True, group="notes", exclusive=True,
                             exit_on_error=False)

    def _show_failure(self, opened: OpenArticle, reason: str) -> None:
        if self.open is opened:
            self.host.notes_view.show_message(f"Could not read notes: {reason}")

    def _show(self, opened: OpenArticle, notes: list[Note], located: dict[str, Located],
              with_notes: set[str], keep: str | None, error: str | None,
              announce: bool) -> None:
        from tuireader.store.anchoring import AnchorStatus

        if self.open is not opened:
            self.host.notes_changed(with_notes)
            return
        self.notes = notes
        self.located = located
        self.host.reader.set_note_spans(
            (where.start, where.end) for where in located.values() if where.found
        )
        self.host.notes_view.show_notes(note_rows(notes, located), keep=keep)
        self.host.notes_changed(with_notes)
        if error is not None:
            self.host.notify(f"Could not save the notes' new positions: {error}",
                             title="Notes", severity="warning", markup=False)
        orphans = sum(1 for where in located.values() if where.status is AnchorStatus.ORPHANED)
        if orphans and announce:
            self.host.notify(
                f"{orphans} note{'s' if orphans != 1 else ''} no longer match the text; "
                "they are listed as orphaned (ctrl+n).",
                title="Notes", severity="warning", markup=False)

    def noted_events(self, events: Sequence[Event]) -> set[str]:
        """The ids of those of `events` (the open article's timeline) that have a note."""
        if not self.notes or not events:
            return set()
        from tuireader.timeline.note_events import event_of_note

        noted: set[str] = set()
        for note in self.notes:
            if note.event_id is None:
                continue
            where = self.located.get(note.id)
            span = (where.start, where.end) if where is not None and where.found else None
            event = event_of_note(note.event_id, note.event_value, span, events)
            if event is not None:
                noted.add(event.id)
        return noted

    def annotate(self, start: int, end: int) -> None:
        """Open the editor for a new note on body[start:end]."""
        from tuireader.store.notes import NoteAnchor

        opened = self.open
        if opened is None or self._no_database() or not 0 <= start < end <= len(opened.body):
            return
        anchor = NoteAnchor.from_text(opened.body, start, end)
        self._new_note(opened, anchor, None)

    def annotate_event(self, event: Event) -> None:
        """Open the editor for a note on a timeline event (anchored on its expression)."""
        from tuireader.store.notes import NoteAnchor

        opened = self.open
        if opened is None or self._no_database():
            return
        anchor = None
        if 0 <= event.start < event.end <= len(opened.body):
            anchor = NoteAnchor.from_text(opened.body, event.start, event.end)
        self._new_note(opened, anchor, event)

    def _new_note(self, opened: OpenArticle, anchor: NoteAnchor | None,
                  event: Event | None) -> None:
        from tuireader.screens.note_editor import NoteEditor

        article_id = opened.article.id
        quote = anchor.quote if anchor is not None else ""
        title = "New note"
        if event is not None:
            quote = f"{event.text} ({event.value}): {event.sentence}"
            title = "New note on a timeline event"

        def save(text: str) -> Note:  # in the editor's worker thread
            db = self._database()
            if db is None:
                raise RuntimeError("the database could not be opened")
            return db.notes.add(article_id, text, anchor,
                                event.id if event else None, event.value if event else None)

        self.host.app.push_screen(NoteEditor(quote, save, title=title), self._saved)

    def _saved(self, note: Note | None) -> None:
        if note is None:
            return
        self.host.reader.clear_selection()
        self.host.notify("Note saved.", title="Notes", timeout=3)
        self.reload(keep=note.id)

    def edit(self, note: Note) -> None:
        from tuireader.screens.note_editor import NoteEditor

        if self._no_database():
            return
        quote = note.anchor.quote if note.anchor is not None else (note.event_value or "")

        def save(text: str) -> Note:  # in the editor's worker thread
            db = self._database()
            if db is None:
                raise RuntimeError("the database could not be opened")
            return db.notes.update(note.id, text)

        self.host.app.push_screen(
            NoteEditor(quote, save, text=note.text, title="Edit note"), self._edited
        )

    def _edited(self, note: Note | None) -> None:
        if note is not None:
            self.host.notify("Note updated.", title="Notes", timeout=3)
            self.reload(keep=note.id)

    def delete(self, note: Note) -> None:
        from tuireader.screens.confirm import ConfirmScreen

        if self._no_database():
            return
        preview = one_line(note.text)
        preview = preview if len(preview) <= 60 else preview[:59] + "…"

        def answered(yes: bool | None) -> None:
            if yes:
                self._delete(note)

        self.host.app.push_screen(
            ConfirmScreen(f"Delete this note?\n\n{preview}", yes="Delete", no="Keep",
                          title="Delete note"), answered)

    def _delete(self, note: Note) -> None:
        def work() -> None:
            try:
                db = self._database()
                if db is None:
                    raise RuntimeError("the database could not be opened")
                db.notes.delete(note.id)
            except Exception as error:
                logger.exception("could not delete the note")
                self.host.app.call_from_thread(
                    self.host.notify, f"Could not delete the note: {error}", title="Notes",
                    severity="error", markup=False)
                return
            self.host.app.call_from_thread(self._deleted)

        self.host.run_worker(work, thread=True, group="notes-write", exit_on_error=False)

    def _deleted(self) -> None:
        self.host.notify("Note deleted.", title="Notes", timeout=3)
        self.reload()

    def jump(self, note: Note) -> bool:
        """Show the note's passage in the reader; False when it is orphaned."""
        where = self.located.get(note.id)
        if where is None or not where.found:
            self.host.notify("This note's passage is no longer in the article.",
                             title="Notes", severity="warning", markup=False)
            return False
        self.host.reader.show_span(where.start, where.end)
        return True

    def copy_quote(self, start: int, end: int) -> None:
        opened = self.open
        if opened is None:
            return
        self.host.app.copy_to_clipboard(
            quote_with_source(opened.article, visible(opened.body[start:end]))
        )
        self.host.notify("Copied the quote with its source.", timeout=3)

    def export(self, articles: Sequence[Article] | None = None) -> None:
        """Export the open article (`articles` None), else those of `articles` with notes."""
        if self._no_database():
            return
        opened = self.open
        if articles is None and opened is None:
            self.host.notify("Open an article to export it.", timeout=3)
            return
        chosen = list(articles) if articles is not None else [opened.article]  # type: ignore[union-attr]
        only_annotated = articles is not None
        data_dir = getattr(self.host.app, "data_dir", None)

        def work() -> None:
            from tuireader.export import (
                ExportError,
                annotated,
                export_articles,
                export_now,
                gather_many,
            )
            from tuireader.locations import cache_dir
            from tuireader.timeline import TimelineCache, extract_timeline

            try:
                db = self._database()
                if db is None:
                    self._report("Export failed: the database could not be opened", "error")
                    return
                targets = annotated(db, chosen) if only_annotated else chosen
                if not targets:
                    self._report("No annotated articles to export.", "warning")
                    return
                timeline = (extract_timeline if data_dir is None else
                            TimelineCache(cache_dir(data_dir) / "timelines").timeline)
                items, problems = gather_many(db, targets, timeline)
                written = export_articles(items, self.export_dir(), False, export_now())
            except ExportError as error:
                self._report(f"Export failed: {error}", "error")
                return
            except Exception as error:  # the store or the disk: say so, keep running
                logger.exception("export failed")
                self._report(f"Export failed: {error}", "error")
                return
            if not written:
                self._report("Nothing was exported.", "warning")
                return
            where = str(written[0]) if len(written) == 1 else (
                f"{len(written)} files in {written[0].parent}"
            )
            skipped = f" ({len(problems)} could not be read)" if problems else ""
            self._report(f"Exported to {where}{skipped}", "information")

        self.host.run_worker(work, thread=True, group="export", exclusive=True,
                             exit_on_error=False)

    def _report(self, message: str, severity: str) -> None:
        self.host.app.call_from_thread(
            self.host.notify, message, title="Export", severity=severity, timeout=8,
            markup=False)
