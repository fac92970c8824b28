"""TinyDB storage: reading state, notes and settings, with atomic writes and a file lock.

Names are imported on first use (PEP 562): the app paints its first frame before it opens the
database, and importing `Note` for a type must not make it pay for TinyDB and filelock
(~25 ms).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tuireader.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from tuireader.store.anchoring import AnchorStatus, Located, locate
    from tuireader.store.database import Database
    from tuireader.store.errors import (
        ReadOnlyDatabaseError,
        SaveFailedError,
        StoreBusyError,
        StoreError,
    )
    from tuireader.store.note_store import NoteNotFoundError, NoteStore
    from tuireader.store.notes import Note, NoteAnchor
    from tuireader.store.reading_state import ReadingState
    from tuireader.store.reading_store import ReadingStateStore
    from tuireader.store.settings import SettingsStore

_EXPORTS = {
    "AnchorStatus": "tuireader.store.anchoring",
    "Database": "tuireader.store.database",
    "Located": "tuireader.store.anchoring",
    "Note": "tuireader.store.notes",
    "NoteAnchor": "tuireader.store.notes",
    "NoteNotFoundError": "tuireader.store.note_store",
    "NoteStore": "tuireader.store.note_store",
    "ReadOnlyDatabaseError": "tuireader.store.errors",
    "ReadingState": "tuireader.store.reading_state",
    "ReadingStateStore": "tuireader.store.reading_store",
    "SaveFailedError": "tuireader.store.errors",
    "SettingsStore": "tuireader.store.settings",
    "StoreBusyError": "tuireader.store.errors",
    "StoreError": "tuireader.store.errors",
    "locate": "tuireader.store.anchoring",
}


__getattr__, __dir__ = lazy_exports(globals(), _EXPORTS)


__all__ = [
    "AnchorStatus",
    "Database",
    "Located",
    "Note",
    "NoteAnchor",
    "NoteNotFoundError",
    "NoteStore",
    "ReadOnlyDatabaseError",
    "ReadingState",
    "ReadingStateStore",
    "SaveFailedError",
    "SettingsStore",
    "StoreBusyError",
    "StoreError",
    "locate",
]
