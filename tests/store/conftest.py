from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tuireader.store import Database


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def db(data_dir: Path) -> Iterator[Database]:
    with Database(data_dir) as database:
        yield database


@pytest.fixture
def on_disk(data_dir: Path) -> Callable[[], dict[str, Any]]:
    """What another program reading the database file would see now."""

    def read() -> dict[str, Any]:
        path = data_dir / "tuireader.json"
        if not path.exists():
            return {}
        result: dict[str, Any] = json.loads(path.read_text("utf-8"))
        return result

    return read


@pytest.fixture
def reading_on_disk(data_dir: Path) -> Callable[[], dict[str, Any]]:
    """The reading state another program would see now: every shard file's table, merged."""

    def read() -> dict[str, Any]:
        merged: dict[str, Any] = {}
        for shard in sorted((data_dir / "reading").glob("*.json")):
            table = json.loads(shard.read_text("utf-8")).get("reading", {})
            assert not set(table) & set(merged), f"{shard} repeats an article"
            merged.update(table)
        return merged

    return read
