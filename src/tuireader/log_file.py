"""The log: `tuireader.log` in the data dir, where every caught failure leaves its traceback.

Modules log through `logging.getLogger(__name__)` (all under the `tuireader` logger); this
module is the one place that decides where those records go. The file is size-capped and
rotated, and it is opened only when the first record arrives, so a start-up that logs
nothing writes nothing.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_NAME = "tuireader.log"
MAX_BYTES = 1_000_000
"""The log rotates past this size: `tuireader.log.1` ... `.3` keep the older records."""
BACKUP_COUNT = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s]: %(message)s"

_ROOT = "tuireader"


class _LogFileHandler(RotatingFileHandler):
    """A rotating file handler that stays quiet when the log itself cannot be written.

    Logging's default prints "--- Logging error ---" and a traceback to stderr, which under
    the app is the terminal the UI draws on. A full disk is already said to the user by the
    code that failed to save; the log cannot do better than skip the record.
    """

    def handleError(self, record: logging.LogRecord) -> None:
        return


def claim_root_logger() -> None:
    """Give the root logger a handler that drops records, unless it has one already.

    dateparser configures logging itself the first time it logs (a language-data warning),
    when the root logger has no handler: `dictConfig` with `disable_existing_loggers`, which
    silences every logger that exists then (ours: nothing more reaches the log) and prints
    to stdout (over the UI, or into the timeline child's answer). With a root handler in
    place it leaves logging alone.
    """
    root = logging.getLogger()
    if not root.handlers:
        root.addHandler(logging.NullHandler())


def log_path(data_dir: Path) -> Path:
    return data_dir / LOG_NAME


def start_logging(data_dir: Path, *, level: int = logging.INFO) -> Path | None:
    """Send tuireader's log records to `data_dir/tuireader.log` from now on; returns its path,
    or None when the data dir cannot be created (the records then go nowhere)."""
    claim_root_logger()
    path = log_path(data_dir)
    logger = logging.getLogger(_ROOT)
    logger.setLevel(level)
    for handler in logger.handlers:
        if isinstance(handler, _LogFileHandler) and Path(handler.baseFilename) == path.absolute():
            return path
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError:
        # No log then; but never logging's last resort either, which prints records with
        # their tracebacks on stderr (the terminal the UI draws on, or a command's one line).
        if not any(isinstance(handler, logging.NullHandler) for handler in logger.handlers):
            logger.addHandler(logging.NullHandler())
        return None
    handler = _LogFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT,
                              encoding="utf-8", delay=True)
    handler.setFormatter(logging.Formatter(FORMAT))
    logger.addHandler(handler)
    return path


def current_log_file() -> Path | None:
    """The log file records go to (None: `start_logging` was not called, or failed)."""
    for handler in logging.getLogger(_ROOT).handlers:
        if isinstance(handler, _LogFileHandler):
            return Path(handler.baseFilename)
    return None


def stop_logging() -> None:
    """Close and remove the log file handlers (tests and embedders that start several apps)."""
    logger = logging.getLogger(_ROOT)
    for handler in list(logger.handlers):
        if isinstance(handler, _LogFileHandler):
            logger.removeHandler(handler)
            handler.close()
