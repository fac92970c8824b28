"""The dates given to articles with `D`, for a command that has no database open."""

from __future__ import annotations

import logging
from datetime import date, datetime
from pathlib import Path

logger = logging.getLogger(__name__)


def saved_reference_dates(data_dir: Path) -> dict[str, date | datetime]:
    """The given dates, for a command that has no database open: none when there is no
    database yet, or when it cannot be read (logged: the articles' own dates then serve)."""
    from tuireader.store.errors import StoreError
    from tuireader.store.files import DATABASE_NAME

    if not (data_dir / DATABASE_NAME).exists():
        return {}
    from tuireader.store.database import Database

    try:
        with Database(data_dir) as db:
            return db.reference_dates.all()
    except (StoreError, OSError):
        logger.warning("Could not read the reference dates in %s", data_dir, exc_info=True)
        return {}
