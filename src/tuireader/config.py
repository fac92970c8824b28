"""The user's configuration file (TOML under the platform config dir)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tuireader import locations


class ConfigError(Exception):
    """The config file exists but cannot be used; the message says why and where."""


@dataclass(frozen=True, slots=True)
class Config:
    library: tuple[Path, ...] = ()
    """Folders and files that make up the library when no path is given on the command line."""
    keymap: dict[str, str] = field(default_factory=dict)
    """Binding id -> key(s), e.g. {"reader.page_down": "space,z"}."""
    export_dir: Path | None = None
    """Where `e` in the app writes Markdown exports (None: `exports` in the data dir)."""
    library_dir: Path | None = None
    """Where fetched feeds and pages are written (None: `<data dir>/library`)."""
    refresh_minutes: float | None = None
    """While the app runs, feeds not refreshed for this long are refreshed (at start, then
    as often); None: only when asked (`R`, `tuireader refresh`)."""


def load_config(path: Path | None = None) -> Config:
    path = path or locations.config_file()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Config()
    except OSError as error:
        raise ConfigError(f"cannot read {path}: {error.strerror or error}") from None
    import tomllib  # only with a config file: its import is ~10 ms of the app's start-up

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path} is not valid TOML: {error}") from None
    return Config(
        library=_library(data.get("library", []), path),
        keymap=_keymap(data, path),
        export_dir=_folder(data.get("export_dir"), "export_dir", path),
        library_dir=_folder(data.get("library_dir"), "library_dir", path),
        refresh_minutes=_minutes(data.get("refresh_minutes"), "refresh_minutes", path),
    )


def _library(value: object, path: Path) -> tuple[Path, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{path}: 'library' must be a path or a list of paths")
    return tuple(Path(item).expanduser() for item in value)


def _folder(value: object, key: str, path: Path) -> Path | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{path}: '{key}' must be a folder path, e.g. \"~/notes\"")
    return Path(value).expanduser()


def _minutes(value: object, key: str, path: Path) -> float | None:
    if value is None or value == 0:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not 1 <= value <= 10080:
        raise ConfigError(f"{path}: '{key}' must be a number of minutes from 1 to 10080 "
                          "(a week), or 0 for never, e.g. refresh_minutes = 30")
    return float(value)


def _keymap(data: dict[str, object], path: Path) -> dict[str, str]:
    keymap = data.get("keymap", {})
    if not isinstance(keymap, dict) or not all(
        isinstance(key, str) and isinstance(value, str) for key, value in keymap.items()
    ):
        raise ConfigError(f"{path}: [keymap] maps binding ids to keys, e.g. reader.top = \"g\"")
    return dict(keymap)


def fetched_library(config: Config, data_dir: Path) -> Path:
    """The user's library folder, where `tuireader add` and `refresh` write what they fetch."""
    return config.library_dir or locations.library_dir(data_dir)


def library_paths(explicit: list[Path], config: Config,
                  data_dir: Path | None = None) -> list[Path]:
    """What to open: paths given on the command line; else the configured library (or the
    samples) and, when it exists, the library folder of fetched news in `data_dir`."""
    if explicit:
        return explicit
    paths = list(config.library) if config.library else [locations.bundled_samples()]
    if data_dir is not None:
        fetched = fetched_library(config, data_dir)
        if fetched.is_dir() and not inside(fetched, paths):
            paths.append(fetched)
    return paths


def inside(folder: Path, paths: Sequence[Path]) -> bool:
    """Whether `folder` is one of `paths` or under one (it must not be listed twice)."""
    resolved = folder.resolve()
    return any(resolved.is_relative_to(path.resolve()) for path in paths)
