"""Fixtures for library tests: every article file is written by the test that reads it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tuireader.library import Article, loading

WriteFile = Callable[..., Path]


@pytest.fixture
def write(tmp_path: Path) -> WriteFile:
    """write("sub/a.txt", "text" or b"bytes", encoding="utf-8") -> the file's path."""

    def _write(name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content if isinstance(content, bytes) else content.encode(encoding)
        path.write_bytes(data)
        return path

    return _write


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every file the loader reads (to index it) from now on, in order."""
    calls: list[Path] = []
    real = loading.load_articles

    def counting(path: Path) -> list[Article]:
        calls.append(path)
        return real(path)

    monkeypatch.setattr(loading, "load_articles", counting)
    return calls
