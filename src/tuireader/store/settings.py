"""Small app-level values (a per-article date override, the last library path, ...)."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tuireader.store.files import DATABASE_NAME

if TYPE_CHECKING:  # not imported at run time: `peek_setting` must not load TinyDB
    from tuireader.store.shared_tinydb import SharedTinyDB

logger = logging.getLogger(__name__)

TABLE = "settings"


class SettingsStore:
    """JSON values by string key, each written at once (they change rarely)."""

    def __init__(self, file: SharedTinyDB) -> None:
        self._file = file

    def get(self, key: str, default: Any = None) -> Any:
        doc = self._file.fresh_table(TABLE).document(key)
        return default if doc is None else doc.get("value", default)

    def set(self, key: str, value: Any) -> None:
        """Store `value` (anything JSON can hold) under `key`; on disk when this returns."""
        if not key:
            raise ValueError("a setting needs a non-empty key")
        try:
            json.dumps(value)
        except (TypeError, ValueError) as error:
            raise TypeError(f"setting {key!r} cannot be stored as JSON: {error}") from error
        from tuireader.store.tables import keyed_document

        with self._file.writing(f"the setting {key!r}"):
            self._file.table(TABLE).upsert(keyed_document({"value": value}, key))

    def delete(self, key: str) -> bool:
        """Remove `key`; False when it was not set."""
        with self._file.writing(f"the removal of the setting {key!r}"):
            table = self._file.table(TABLE)
            if not table.has(key):
                return False
            table.remove_keys([key])
            return True

    def all(self) -> dict[str, Any]:
        return {str(doc.doc_id): doc.get("value") for doc in self._file.fresh_table(TABLE)}


def peek_setting(data_dir: Path, key: str) -> Any:
    """A setting read straight from the file, without opening the database (no lock, no
    recovery, no TinyDB import): for what the first frame needs, such as the theme. None when
    the file is missing, unreadable or odd; the opened database has the last word.

    The one read of the settings that goes around TinyDB: the first paint must not import
    it (tests/ui/test_startup.py); through TinyDB this read took 16 ms instead of 7 ms
    before the first frame (medians, bench/peek_setting.py; figures in bench/README.md).
    """
    try:
        with open(data_dir / DATABASE_NAME, "rb") as handle:
            tables = json.load(handle)
        return tables[TABLE][key]["value"]
    except (OSError, ValueError, KeyError, TypeError):
        logger.debug("No saved %r in %s", key, data_dir, exc_info=True)
        return None
