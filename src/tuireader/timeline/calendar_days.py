"""Days the calendar can hold (years 1 to 9999): building and counting them, with one error for
a day that is not on it."""

from __future__ import annotations

from datetime import date, timedelta


class OffCalendar(ValueError):
    """The expression names no day: 30 February, month 13, or a day counted from a reference
    date at the calendar's edge (1 AD, 9999) past that edge. Its candidate has no value; this is
    an answer about the text, not a failure of the extractor."""


def calendar_day(year: int, month: int, day: int) -> date:
    """`date(year, month, day)`, raising OffCalendar when there is no such day."""
    try:
        return date(year, month, day)
    except ValueError as error:
        raise OffCalendar(f"{year:04d}-{month:02d}-{day:02d}: {error}") from error


def days_after(day: date, days: int) -> date:
    """The day `days` after `day` (before it when negative), raising OffCalendar past the
    calendar's edge."""
    try:
        return day + timedelta(days=days)
    except OverflowError as error:
        raise OffCalendar(f"{day.isoformat()} {days:+d} days: {error}") from error
