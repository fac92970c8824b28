"""Feeds and pages served from 127.0.0.1 by pytest-httpserver; nothing reaches the internet."""

from __future__ import annotations

from pathlib import Path

import pytest
from feeds_support import FAST

from tuireader.commands import feeds as feed_commands


@pytest.fixture(scope="session")
def httpserver_listen_address() -> tuple[str, int]:
    return ("127.0.0.1", 0)


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An isolated data dir and config; fetches with short limits and no backoff."""
    data = tmp_path / "data"
    monkeypatch.setenv("TUIREADER_DATA_DIR", str(data))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setattr(feed_commands, "FETCH_POLICY", FAST)
    return data
