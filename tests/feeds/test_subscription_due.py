"""Which subscriptions a timed refresh (`refresh_minutes`) fetches: the stale ones."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tuireader.feeds.subscriptions import Subscription

NOW = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(("checked", "due"), [
    (None, True),                           # never refreshed
    ("2026-12-03T11:00:00+00:00", True),    # an hour ago
    ("2026-12-03T11:45:00+00:00", False),   # 15 minutes ago
    ("2026-12-03T12:40:00+01:00", False),   # 20 minutes ago, in another zone
    ("2026-12-03T11:30:00", True),          # no zone: read as the same clock
    ("yesterday", True),                    # unreadable: fetch it
])
def test_a_feed_is_due_after_the_given_minutes(checked: str | None, due: bool) -> None:
    sub = Subscription(url="https://example.org/feed.xml", checked=checked)
    assert sub.due(NOW, 30) is due
