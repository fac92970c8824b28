"""Publication dates from headers and front matter: a datetime when a time is given, else a date."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_HAS_TIME = re.compile(r"\d{1,2}:\d{2}|\d\s*[ap]\.?m\b", re.IGNORECASE)
_FORMATS_WITHOUT_TIME = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y")


class DateNotUnderstood(ValueError):
    """The value is not a date we can place on a calendar; the message quotes it."""


def parse_date(value: object) -> date | datetime | None:
    """Read a publication date; None for no value, DateNotUnderstood for a value we can't read.

    Only full dates count (day, month and year): "September 2022" or "yesterday" are rejected
    rather than resolved to an invented day.
    """
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return value
    if not isinstance(value, str):
        raise DateNotUnderstood(f"date {value!r} not understood")
    text = " ".join(value.split())
    if not text:
        return None
    parsed = _parse_fast(text)
    if parsed is None:
        parsed = _parse_fallback(text)
    if parsed is None:
        raise DateNotUnderstood(f"date '{text}' not understood")
    return parsed


def _parse_fast(text: str) -> date | datetime | None:
    if _ISO_DATE.fullmatch(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            return None
    if _ISO_DATE.match(text):
        try:
            return datetime.fromisoformat(text)
        except ValueError:
            pass
    if "," in text and ":" in text:
        try:
            return parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            pass
    for pattern in _FORMATS_WITHOUT_TIME:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _parse_fallback(text: str) -> date | datetime | None:
    parsed: datetime | None = _date_parser().get_date_data(text).date_obj
    if parsed is None:
        return None
    return parsed if _HAS_TIME.search(text) else parsed.date()


@lru_cache(maxsize=1)
def _date_parser() -> DateDataParser:
    """Built once, on first need: importing dateparser and loading its data costs ~50 ms."""
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={
            "REQUIRE_PARTS": ["day", "month", "year"],
            "PREFER_DAY_OF_MONTH": "first",
            "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
            "STRICT_PARSING": False,
        },
    )
