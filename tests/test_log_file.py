"""The log keeps working whatever the libraries underneath do with logging."""

from __future__ import annotations

import subprocess
import sys

import pytest

SCRIPT = """
import logging, logging.config, sys
from tuireader import log_file
ours = logging.getLogger("tuireader.store.database")
if sys.argv[1] == "claimed":
    log_file.claim_root_logger()
from dateparser.utils import get_logger
get_logger().warning("a language file said something")
print("disabled" if ours.disabled else "enabled")
"""


@pytest.mark.parametrize(("how", "expected"), [("claimed", "enabled"), ("bare", "disabled")])
def test_dateparser_cannot_silence_our_loggers(how: str, expected: str) -> None:
    """dateparser's first record configures logging (disabling every existing logger, printing
    to stdout) unless the root logger has a handler: `claim_root_logger` gives it one. The
    bare run shows the library still does it, so the claimed run proves the guard.
    (`logging.config` is imported first as in any process that has it already: dateparser
    1.2.0 calls it without importing it.)"""
    result = subprocess.run([sys.executable, "-c", SCRIPT, how], capture_output=True,
                            text=True, check=True)
    assert result.stdout.splitlines()[-1] == expected
    if how == "claimed":
        assert result.stdout.strip() == "enabled"  # nothing else printed on stdout
