"""Small app-level values (a per-article date override, the last library path, ...)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tuireader.store.files import DATABASE_NAME

if TYPE_CHECKING:
    from tuireader.store.database import Database

TABLE = "settings"


class SettingsStore:
    """JSON values by string key, each written at once (they change rarely)."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def get(self, key: str, default: Any = None) -> Any:
        doc = self._db.raw_table(TABLE).get(key)
        return default if doc is None else doc.get("value", default)

    def set(self, key: str, value: Any) -> None:
        """Store `value` (anything JSON can hold) under `key`; on disk when this returns."""
        if not key:
            raise ValueError("a setting needs a non-empty key")
        try:
            json.dumps(value)
        except (TypeError, ValueError) as error:
            raise TypeError(f"setting {key!r} cannot be stored as JSON: {error}") from error
        from tuireader.store.database import keyed_document

        with self._db.writing():
            self._db.table(TABLE).upsert(keyed_document({"value": value}, key))

    def delete(self, key: str) -> bool:
        """Remove `key`; False when it was not set."""
        with self._db.writing():
            table = self._db.table(TABLE)
            if key not in self._db.storage.read().get(TABLE, {}):
                return False
            table.remove(doc_ids=[key])  # type: ignore[list-item]
            return True

    def all(self) -> dict[str, Any]:
        return {key: doc.get("value") for key, doc in self._db.raw_table(TABLE).items()}


def peek_setting(data_dir: Path, key: str) -> Any:
    """A setting read straight from the file, without opening the database (no lock, no
    recovery, no TinyDB import): for what the first frame needs, such as the theme. None when
    the file is missing, unreadable or odd; the opened database has the last word."""
    try:
        with open(data_dir / DATABASE_NAME, "rb") as handle:
            tables = json.load(handle)
        return tables[TABLE][key]["value"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
