"""Where tuireader keeps its files: one place decides, everything else asks here."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import PlatformDirs

APP_NAME = "tuireader"
DATA_DIR_ENV = "TUIREADER_DATA_DIR"

_dirs = PlatformDirs(APP_NAME, appauthor=False)


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data directory: an explicit override, then $TUIREADER_DATA_DIR, then the platform's."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    return Path(_dirs.user_data_dir)


def library_dir(data: Path) -> Path:
    """Where fetched news is written when the config names no `library_dir`."""
    return data / "library"


def config_dir() -> Path:
    return Path(_dirs.user_config_dir)


def config_file() -> Path:
    return config_dir() / "config.toml"


def cache_dir(data: Path | None = None) -> Path:
    """Derived, rebuildable files (timeline and index caches).

    Lives under the data dir when one is given explicitly so that a test or script using a
    temporary data dir never touches the user's real cache.
    """
    if data is not None:
        return data / "cache"
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser() / "cache"
    return Path(_dirs.user_cache_dir)


def bundled_samples() -> Path:
    """The sample library shipped with the package (wheel) or beside it (source checkout)."""
    packaged = Path(__file__).parent / "sample_articles"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "sample_articles"
