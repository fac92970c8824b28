"""Notes on disk: each change is written (atomically, under the lock) before it returns."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from tuireader.store.anchoring import AnchorStatus, Located, locate
from tuireader.store.notes import Note, NoteAnchor

if TYPE_CHECKING:
    from tuireader.store.database import Database

TABLE = "notes"


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


def decode_note(note_id: str, doc: dict[str, Any]) -> Note | None:
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


class NoteStore:
    def __init__(self, database: Database, clock: Callable[[], datetime]) -> None:
        self._db = database
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
        from tuireader.store.database import keyed_document

        with self._db.writing():
            self._db.table(TABLE).insert(keyed_document(encode_note(note), note.id))
        return note

    def get(self, note_id: str) -> Note | None:
        doc = self._db.raw_table(TABLE).get(note_id)
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
        with self._db.writing():
            if note_id not in self._db.storage.read().get(TABLE, {}):
                return False
            self._db.table(TABLE).remove(doc_ids=[note_id])  # type: ignore[list-item]
        return True

    def for_article(self, article_id: str) -> list[Note]:
        """The article's notes in the order of their passages in the text."""
        return sorted((n for n in self._decode_all() if n.article_id == article_id), key=note_order)

    def all(self) -> list[Note]:
        """Every note, grouped by article, each article's in text order."""
        return sorted(self._decode_all(), key=lambda n: (n.article_id, *note_order(n)))

    def article_ids_with_notes(self) -> set[str]:
        return {
            doc["article_id"]
            for doc in self._db.raw_table(TABLE).values()
            if isinstance(doc.get("article_id"), str)
        }

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
        with self._db.writing():
            ids = [
                key
                for key, doc in self._db.storage.read().get(TABLE, {}).items()
                if doc.get("article_id") == old_id
            ]
            if ids:
                self._db.table(TABLE).update({"article_id": new_id}, doc_ids=ids)  # type: ignore[arg-type]
        return len(ids)

    def _decode_all(self) -> Iterable[Note]:
        for note_id, doc in list(self._db.raw_table(TABLE).items()):
            note = decode_note(note_id, doc)
            if note is not None:
                yield note

    def _change(self, note_id: str, fields: dict[str, Any]) -> Note:
        self._change_many({note_id: fields})
        note = self.get(note_id)
        if note is None:
            raise NoteNotFoundError(note_id)
        return note

    def _change_many(self, changes: dict[str, dict[str, Any]]) -> None:
        with self._db.writing():
            existing = self._db.storage.read().get(TABLE, {})
            missing = [key for key in changes if key not in existing]
            if missing:
                raise NoteNotFoundError(missing[0])
            self._db.table(TABLE).update(
                lambda doc: doc.update(changes[doc["id"]]),
                doc_ids=list(changes),  # type: ignore[arg-type]
            )
