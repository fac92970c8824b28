"""How a resolved date reads to a person: honest about granularity (a month is not a day)."""

from __future__ import annotations

from datetime import datetime, timedelta

from tuireader.timeline.event import Event, Granularity, Interval, Resolution

RESOLUTION_MARKS: dict[Resolution, str] = {
    Resolution.ABSOLUTE: "=",
    Resolution.RELATIVE: "~",
    Resolution.INFERRED: "*",
    Resolution.UNRESOLVED: "?",
}
"""One-character markers for how a date was resolved, shared by the CLI and the app.

ASCII on purpose: "≈" and "·" are East Asian "ambiguous" width, two cells in some fonts,
which would shift every row after them."""

DERIVED_MARK = "+"
"""A row whose date the text gives as a distance from another ("13 minutes before ...")."""

RESOLUTION_HELP: dict[Resolution, str] = {
    Resolution.ABSOLUTE: "written out in full in the text",
    Resolution.RELATIVE: "relative to the publication date",
    Resolution.INFERRED: "inferred from a nearby date in the text",
    Resolution.UNRESOLVED: "could not be placed",
}

_SEASONS = {12: "winter", 1: "winter", 2: "winter", 3: "spring", 4: "spring", 5: "spring",
            6: "summer", 7: "summer", 8: "summer", 9: "autumn", 10: "autumn", 11: "autumn"}


def _parts_of_day(moment: datetime) -> str:
    hour = moment.hour
    if hour < 6:
        return "night"
    if hour < 12:
        return "morning"
    if hour < 18:
        return "afternoon"
    return "evening"


_PARTS_BY_SPAN = {(6, 6): "morning", (12, 6): "afternoon", (18, 4): "evening", (20, 10): "night",
                  (8, 10): "daytime"}
"""A part of the day by its (first hour, hours), as `intervals` spans TIMEX3's MO, AF, EV,
NI and DT: "tonight" runs 20:00 to 06:00 and is one night, not "evening – next night"."""


def _season(moment: datetime) -> str:
    """"2022 summer"; a winter runs over new year, so it names both years ("2020–21 winter")."""
    season = _SEASONS[moment.month]
    if season != "winter":
        return f"{moment.year} {season}"
    year = moment.year if moment.month == 12 else moment.year - 1
    return f"{year}–{(year + 1) % 100:02d} winter"


def point_label(moment: datetime, granularity: Granularity) -> str:
    """A single moment written at the given granularity."""
    match granularity:
        case Granularity.CENTURY:
            return f"{moment.year // 100 * 100}s"
        case Granularity.DECADE:
            return f"{moment.year // 10 * 10}s"
        case Granularity.YEAR:
            return f"{moment.year}"
        case Granularity.HALF:
            return f"{moment.year} H{1 if moment.month <= 6 else 2}"
        case Granularity.QUARTER:
            return f"{moment.year} Q{(moment.month - 1) // 3 + 1}"
        case Granularity.SEASON:
            return _season(moment)
        case Granularity.MONTH:
            return moment.strftime("%Y-%m")
        case Granularity.WEEK:
            monday = moment - timedelta(days=moment.weekday())
            return f"week of {monday:%Y-%m-%d}"
        case Granularity.DAY:
            return moment.strftime("%Y-%m-%d %a")
        case Granularity.PART_OF_DAY:
            return f"{moment:%Y-%m-%d} {_parts_of_day(moment)}"
        case Granularity.HOUR:
            return moment.strftime("%Y-%m-%d %H:00")
        case Granularity.MINUTE:
            return moment.strftime("%Y-%m-%d %H:%M")
        case Granularity.SECOND:
            return moment.strftime("%Y-%m-%d %H:%M:%S")
    return moment.isoformat()


def _last_unit_start(interval: Interval) -> datetime:
    """The start of the last granule inside the interval (for "2017–2019" style ranges)."""
    return interval.end - timedelta(microseconds=1)


def _part_of_day(interval: Interval) -> str | None:
    """"2022-09-29 night" when the interval is one named part of a day, else None."""
    hours, rest = divmod((interval.end - interval.start).total_seconds(), 3600)
    name = _PARTS_BY_SPAN.get((interval.start.hour, int(hours))) if not rest else None
    return None if name is None else f"{interval.start:%Y-%m-%d} {name}"


def _unshared(first: str, last: str) -> str:
    """`last` without the leading date parts it shares with `first`: "2021-12-25 Sat" after
    "2021-12-24 Fri" is "25 Sat", "2022-09-04 17:00" after "2022-09-04 09:00" is "17:00"."""
    shared = 0
    for index, (a, b) in enumerate(zip(first, last, strict=False)):
        if a != b:
            break
        if a in "- ":
            shared = index + 1
    return last[shared:]


def interval_label(interval: Interval, *, compact: bool = False) -> str:
    """The interval at its granularity: one label, or "first – last" for a range. `compact`
    (for a column on screen) leaves out of the range's end what its start already says."""
    if interval.granularity is Granularity.PART_OF_DAY:
        named = _part_of_day(interval)
        if named is not None:
            return named
    first = point_label(interval.start, interval.granularity)
    last = point_label(_last_unit_start(interval), interval.granularity)
    if first == last:
        return first
    if compact:
        last = _unshared(first, last)
    separator = "–" if " " not in first + last else " – "
    return f"{first}{separator}{last}"


_YEAR_PARTS = frozenset({Granularity.HALF, Granularity.QUARTER, Granularity.SEASON})
_DAY_PARTS = frozenset({Granularity.PART_OF_DAY, Granularity.HOUR, Granularity.MINUTE,
                        Granularity.SECOND})


def under_heading(interval: Interval) -> str:
    """The date as a line under its year, month or day heading shows it (the library
    timeline): only what the heading does not say. "18:00" under "Sunday 18 December 2022",
    "Q3" or "summer" under "2022", "week of 19 Sep" under "September 2022", nothing for a
    row of the heading's own day, month or year; a range adds its end ("– 2019" under
    "2017", "09:00 – 17:00")."""
    granularity = interval.granularity
    start, last = interval.start, _last_unit_start(interval)
    named = _part_of_day(interval) if granularity is Granularity.PART_OF_DAY else None
    if named is not None:  # "tonight" (20:00 to 06:00) is one night, not two parts of days
        return named.split(" ", 1)[1]
    first = _within(start, granularity)
    if point_label(start, granularity) == point_label(last, granularity):
        return first
    return f"{first} – {_end_after(start, last, granularity)}".lstrip()


def _within(moment: datetime, granularity: Granularity) -> str:
    """What of `moment` its heading (its year, month or day) does not say."""
    match granularity:
        case Granularity.CENTURY | Granularity.DECADE:
            return point_label(moment, granularity)
        case Granularity.HALF | Granularity.QUARTER:
            return point_label(moment, granularity).split()[1]
        case Granularity.SEASON:
            return _SEASONS[moment.month]
        case Granularity.WEEK:
            monday = moment - timedelta(days=moment.weekday())
            return f"week of {monday.day} {monday:%b}"
    if granularity in _DAY_PARTS:  # the label's time after its date ("18:00", "evening")
        return point_label(moment, granularity).split(" ", 1)[1]
    return ""  # a year, a month, a day: the heading's own


def _end_after(start: datetime, last: datetime, granularity: Granularity) -> str:
    """A range's end, saying the day, month or year only when it differs from the start's."""
    year = f" {last.year}" if last.year != start.year else ""
    match granularity:
        case Granularity.CENTURY | Granularity.DECADE | Granularity.YEAR:
            return point_label(last, granularity)
        case Granularity.MONTH:
            return f"{last:%b}{year}"
        case Granularity.DAY:
            return f"{last.day} {last:%b}{year}"
    if granularity in _DAY_PARTS and last.date() != start.date():
        return f"{last.day} {last:%b}{year} {_within(last, granularity)}"
    return f"{_within(last, granularity)}{year}"


def when_label(event: Event) -> str:
    """The date column of a timeline row: the interval when placed, else the TIMEX3 value."""
    if event.interval is None:
        return event.value
    return interval_label(event.interval)


def trimmed(sentence: str, width: int = 80) -> str:
    """One line of at most `width` characters, whitespace collapsed, ellipsis when cut."""
    line = " ".join(sentence.split())
    if len(line) <= width:
        return line
    return line[: max(width - 1, 0)].rstrip() + "…"
