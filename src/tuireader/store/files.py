"""Where the database lives inside the data directory (a module of its own so the app can
name it before the first frame without importing TinyDB)."""

from __future__ import annotations

DATABASE_NAME = "tuireader.json"
"""Notes and settings (reading state is in the `reading/` shards beside it)."""
