"""Every timeline test runs in strict mode: a rule or filter that raises fails the test instead
of quietly costing its candidate (the rest of the suite keeps the default)."""

from __future__ import annotations

import pytest

from tuireader.timeline.strict import STRICT_ENV


@pytest.fixture(autouse=True)
def strict_timeline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(STRICT_ENV, "1")
