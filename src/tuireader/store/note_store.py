"""Notes on disk: each change is written (atomically, under the lock) before it returns."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import datetime
from typing import Any

from tinydb import Query
from tinydb.table import Document

from tuireader.store.anchoring import AnchorStatus, Located, locate
from tuireader.store.notes import Note, NoteAnchor
from tuireader.store.shared_tinydb import SharedTinyDB
from tuireader.store.tables import keyed_document

TABLE = "notes"
NOTE = Query()


class NoteNotFoundError(KeyError):
    """No note has this id (it was deleted, perhaps by another tuireader)."""

    def __str__(self) -> str:
        return f"no note with id {self.args[0]!r}"


def encode_note(note: Note) -> dict[str, Any]:
    return {
        "id": note.id,
        "article_id": note.article_id,
        "text": note.text,
        "anchor": None if note.anchor is None else note.anchor.to_json(),
        "event_id": note.event_id,
        "event_value": note.event_value,
        "created": note.created.isoformat(),
        "updated": note.updated.isoformat(),
    }


def decode_note(note_id: str, doc: Mapping[str, Any]) -> Note | None:
    """The note in `doc`, or None when it lacks what a note needs (article id, text)."""
    article_id, text = doc.get("article_id"), doc.get("text")
    if not isinstance(article_id, str) or not isinstance(text, str):
        return None
    created = _parse_time(doc.get("created"))
    updated = _parse_time(doc.get("updated")) or created
    event_id, event_value = doc.get("event_id"), doc.get("event_value")
    return Note(
        id=note_id,
        article_id=article_id,
        text=text,
        created=created or datetime.fromtimestamp(0).astimezone(),
        updated=updated or datetime.fromtimestamp(0).astimezone(),
        anchor=NoteAnchor.from_json(doc.get("anchor")),
        event_id=event_id if isinstance(event_id, str) else None,
        event_value=event_value if isinstance(event_value, str) else None,
    )


def _parse_time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def note_order(note: Note) -> tuple[bool, int, str, str]:
    """Notes in text order; notes on no passage last, oldest first."""
    return (note.anchor is None, note.position or 0, note.created.isoformat(), note.id)


def _is_text(value: Any) -> bool:
    return isinstance(value, str)


class NoteStore:
    """The `notes` table of the main file; every change is on disk when it returns (or
    raises `SaveFailedError` and changes nothing)."""

    def __init__(self, file: SharedTinyDB, clock: Callable[[], datetime]) -> None:
        self._file = file
        self._clock = clock

    def add(
        self,
        article_id: str,
        text: str,
        anchor: NoteAnchor | None = None,
        event_id: str | None = None,
        event_value: str | None = None,
    ) -> Note:
        """Create a note; it is on disk (fsynced) when this returns."""
        if not article_id:
            raise ValueError("a note needs the id of its article")
        now = self._clock()
        note = Note(
            id=uuid.uuid4().hex,
            article_id=article_id,
            text=text,
            created=now,
            updated=now,
            anchor=anchor,
            event_id=event_id,
            event_value=event_value,
        )
        with self._file.writing("the note"):
            self._file.table(TABLE).insert(keyed_document(encode_note(note), note.id))
        return note

    def get(self, note_id: str) -> Note | None:
        doc = self._file.fresh_table(TABLE).document(note_id)
        return None if doc is None else decode_note(note_id, doc)

    def update(self, note_id: str, text: str) -> Note:
        """Change a note's text; raises `NoteNotFoundError` if it no longer exists."""
        stamp = self._clock().isoformat()
        return self._change(note_id, {"text": text, "updated": stamp})

    def set_anchor(self, note_id: str, anchor: NoteAnchor | None) -> Note:
        """Record where the passage is now (after re-anchoring); `updated` is unchanged."""
        return self._change(note_id, {"anchor": None if anchor is None else anchor.to_json()})

    def delete(self, note_id: str) -> bool:
        """Remove a note; False when there was none with this id."""
        with self._file.writing("the deletion of a note"):
            table = self._file.table(TABLE)
            if not table.has(note_id):
                return False
            table.remove_keys([note_id])
        return True

    def for_article(self, article_id: str) -> list[Note]:
        """The article's notes in the order of their passages in the text."""
        found = self._file.fresh_table(TABLE).search(NOTE.article_id == article_id)
        return sorted(self._decoded(found), key=note_order)

    def all(self) -> list[Note]:
        """Every note, grouped by article, each article's in text order."""
        notes = self._decoded(self._file.fresh_table(TABLE).all())
        return sorted(notes, key=lambda n: (n.article_id, *note_order(n)))

    def article_ids_with_notes(self) -> set[str]:
        found = self._file.fresh_table(TABLE).search(NOTE.article_id.test(_is_text))
        return {doc["article_id"] for doc in found}

    def reanchor(self, article_id: str, text: str) -> list[tuple[Note, Located]]:
        """Find every note of the article in its current `text`; save new offsets for the
        moved and fuzzy ones in one write. Orphaned notes keep their old anchor."""
        results: list[tuple[Note, Located]] = []
        changed: dict[str, NoteAnchor] = {}
        for note in self.for_article(article_id):
            if note.anchor is None:
                continue
            found = locate(note.anchor, text)
            if found.status in (AnchorStatus.MOVED, AnchorStatus.FUZZY):
                new_anchor = NoteAnchor.from_text(text, found.start, found.end)
                changed[note.id] = new_anchor
                note = Note(
                    id=note.id,
                    article_id=note.article_id,
                    text=note.text,
                    created=note.created,
                    updated=note.updated,
                    anchor=new_anchor,
                    event_id=note.event_id,
                    event_value=note.event_value,
                )
            results.append((note, found))
        if changed:
            self._change_many({k: {"anchor": a.to_json()} for k, a in changed.items()})
        return results

    def move_article(self, old_id: str, new_id: str) -> int:
        """Point every note of `old_id` at `new_id` (the article's id changed); the count."""
        with self._file.writing("the notes of a renamed article"):
            table = self._file.table(TABLE)
            if not table.contains(NOTE.article_id == old_id):
                return 0
            return len(table.update({"article_id": new_id}, NOTE.article_id == old_id))

    @staticmethod
    def _decoded(docs: Iterable[Document]) -> Iterator[Note]:
        for doc in docs:
            note = decode_note(str(doc.doc_id), doc)
            if note is not None:
                yield note

    def _change(self, note_id: str, fields: dict[str, Any]) -> Note:
        self._change_many({note_id: fields})
        note = self.get(note_id)
        if note is None:
            raise NoteNotFoundError(note_id)
        return note

    def _change_many(self, changes: dict[str, dict[str, Any]]) -> None:
        with self._file.writing("the note"):
            table = self._file.table(TABLE)
            missing = [key for key in changes if not table.has(key)]
            if missing:
                raise NoteNotFoundError(missing[0])
            table.update_keys(lambda doc: doc.update(changes[doc["id"]]), list(changes))
