"""TinyDB storage: reading state, notes and settings, with atomic writes and a file lock."""

from tuireader.store.anchoring import AnchorStatus, Located, locate
from tuireader.store.database import Database, StoreBusyError
from tuireader.store.note_store import NoteNotFoundError, NoteStore
from tuireader.store.notes import Note, NoteAnchor
from tuireader.store.reading_state import ReadingState
from tuireader.store.reading_store import ReadingStateStore
from tuireader.store.settings import SettingsStore
from tuireader.store.storage import ReadOnlyDatabaseError, StoreError

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
    "SettingsStore",
    "StoreBusyError",
    "StoreError",
    "locate",
]
