"""The times an export writes: ISO 8601 to the second, in UTC, so exports compare as text."""

from __future__ import annotations

from datetime import UTC, datetime


def format_time(moment: datetime) -> str:
    """`2026-11-27T06:01:00Z` (naive times, which carry no zone, are written as they are)."""
    if moment.tzinfo is None:
        return moment.replace(microsecond=0).isoformat()
    utc = moment.astimezone(UTC).replace(microsecond=0, tzinfo=None)
    return utc.isoformat() + "Z"


def export_now() -> datetime:
    """The default `exported_at`: now, in UTC, to the second."""
    return datetime.now(UTC).replace(microsecond=0)


def parse_exported_at(value: str) -> datetime:
    """A pinned `exported_at` (ISO 8601; a date, or a time without a zone, counts as UTC).

    Raises ValueError with a message that names the expected form.
    """
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(
            f"not an ISO 8601 time: {value!r} (expected e.g. 2026-11-27T06:00:00Z)"
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).replace(microsecond=0)
