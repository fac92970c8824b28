"""TIMEX3 values written from calendar parts, shared by the rule families."""

from __future__ import annotations

from datetime import date

from tuireader.timeline.calendar_days import days_after
from tuireader.timeline.intervals import shift_month
from tuireader.timeline.lexicon import MONTHS, PARTS_OF_DAY


def month_number(word: str) -> int | None:
    """1 to 12 for a month's name or abbreviation ("Sept.", "march"), else None."""
    return MONTHS.get(word.lower().rstrip("."))


def part_code(word: str) -> str:
    """The TIMEX3 code of a part of the day ("evenings" -> "EV")."""
    return PARTS_OF_DAY[word.lower().rstrip("s")]


def iso_day(d: date) -> str:
    return d.isoformat()


def year_month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def iso_week(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def unit_value(ref: date, unit: str, k: int) -> str | None:
    """The `unit` (week, month, year, ...) `k` units from the one `ref` falls in."""
    if unit == "week":
        return iso_week(days_after(ref, 7 * k))
    if unit == "weekend":
        return iso_week(days_after(ref, 7 * k)) + "-WE"
    if unit == "month":
        return year_month(*shift_month(ref.year, ref.month, k))
    if unit == "year":
        return f"{ref.year + k:04d}"
    if unit == "quarter":
        n = ref.year * 4 + quarter_of(ref) - 1 + k
        return f"{n // 4:04d}-Q{n % 4 + 1}"
    if unit == "decade":
        return f"{ref.year // 10 + k:03d}"
    if unit == "century":
        return f"{ref.year // 100 + k:02d}"
    if unit == "day":
        return iso_day(days_after(ref, k))
    return None
