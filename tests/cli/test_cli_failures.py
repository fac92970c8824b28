"""An unexpected failure in a command: one line on stderr, exit 1, the traceback in the log."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest

from tuireader import cli
from tuireader.log_file import LOG_NAME, stop_logging


@pytest.fixture(autouse=True)
def closed_log() -> Iterator[None]:
    yield
    stop_logging()


@pytest.fixture
def failing_list(monkeypatch: pytest.MonkeyPatch) -> None:
    """`tuireader list` hits a bug deep inside."""

    def broken(_: argparse.Namespace) -> int:
        raise RuntimeError("index row 7 has no path")

    real = cli._handler
    monkeypatch.setattr(cli, "_handler",
                        lambda command: broken if command == "list" else real(command))


@pytest.mark.usefixtures("failing_list")
class TestUnexpectedFailure:
    def test_one_line_names_the_error_and_the_log(self, library: Path, data_dir: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
        assert cli.main(["list", str(library)]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1
        assert "index row 7 has no path" in err
        assert str(data_dir / LOG_NAME) in err
        assert "Traceback" not in err

    def test_the_log_holds_the_traceback(self, library: Path, data_dir: Path) -> None:
        cli.main(["list", str(library)])
        stop_logging()  # flush and close, as the process exit would
        log = (data_dir / LOG_NAME).read_text(encoding="utf-8")
        assert "Traceback (most recent call last)" in log
        assert "RuntimeError: index row 7 has no path" in log

    def test_debug_prints_the_traceback(self, library: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
        assert cli.main(["list", str(library), "--debug"]) == 1
        err = capsys.readouterr().err
        assert "Traceback (most recent call last)" in err
        assert "RuntimeError: index row 7 has no path" in err


def test_a_run_that_logs_nothing_writes_no_log(library: Path, data_dir: Path) -> None:
    assert cli.main(["list", str(library)]) == 0
    assert not (data_dir / LOG_NAME).exists()


def test_the_log_is_size_capped_and_rotated(tmp_path: Path) -> None:
    import logging

    from tuireader.log_file import BACKUP_COUNT, MAX_BYTES, start_logging

    path = start_logging(tmp_path)
    assert path is not None
    logger = logging.getLogger("tuireader.test")
    for _ in range(MAX_BYTES * (BACKUP_COUNT + 2) // 1000):
        logger.warning("x" * 1000)
    stop_logging()
    logs = sorted(p.name for p in tmp_path.iterdir())
    assert logs == [LOG_NAME, *(f"{LOG_NAME}.{n}" for n in range(1, BACKUP_COUNT + 1))]
    assert all(p.stat().st_size <= MAX_BYTES for p in tmp_path.iterdir())
