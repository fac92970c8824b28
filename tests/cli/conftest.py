"""What every command-line test shares: an isolated data dir and config, a small library."""

from __future__ import annotations

from pathlib import Path

import pytest

UN_TEXT = (
    "UN rights office publishes Xinjiang assessment\n"
    "Date: 2022-09-01\n"
    "Source: https://example.org/un\n"
    "\n"
    "The office released the report at 11:47 p.m. on 31 August 2022 in Geneva.\n"
    "\n"
    "China rejected it on Thursday.\n"
)
STORM_TEXT = (
    "---\ntitle: Storm season opens\ndate: 2022-06-01\ntags: [weather]\n---\n\n"
    "Forecasters expect a busy season.\n"
)


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test reads or writes the user's real data dir or config."""
    data = tmp_path / "data"
    monkeypatch.setenv("TUIREADER_DATA_DIR", str(data))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return data


def configure_library(folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Make `folder` the configured library and work from a folder outside it."""
    config = tmp_path / "config" / "tuireader"
    config.mkdir(parents=True)
    (config / "config.toml").write_text(f'library = ["{folder}"]\n', encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return folder


@pytest.fixture
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    folder.mkdir()
    (folder / "un.txt").write_text(UN_TEXT, encoding="utf-8")
    (folder / "storm.md").write_text(STORM_TEXT, encoding="utf-8")
    return folder
