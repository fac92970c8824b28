"""Dates said of no particular time: a match's "first half", "in summer", the June of "rather
than in June" or of "usually in June". They stay expressions; a timeline shows no row for them."""

from __future__ import annotations

import re

from tuireader.timeline.event import Event, EventType

_NAMES = (
    r"january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
    r"|spring|summer|autumn|fall|winter"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
)
_BARE_NAME = re.compile(
    rf"(?:(?:early|late|mid|in|on)[\s-]+)?(?:{_NAMES})\.?", re.IGNORECASE)
"""A month, season or weekday with no year, day or "this"/"last" to pin it down."""
_BARE_SEASON = re.compile(r"(?:in\s+)?(?:spring|summer|autumn|fall|winter)", re.IGNORECASE)
_HALF = re.compile(r"(?:the\s+)?(?:first|second|1st|2nd|opening|final)\s+half", re.IGNORECASE)
"""A half with no "of the year" or year after it: a match's or a concert's half."""
_NOT_THIS_TIME = re.compile(
    r"\b(?:rather\s+than|instead\s+of|usually|normally|typically|traditionally|generally"
    r"|customarily|always|often|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days|weekends)\b",
    re.IGNORECASE)
"""Said before a bare name in the same clause, it makes the name a habit or a counterfactual
("rather than in June", "closed on Sundays and in August")."""
_EVERY = re.compile(r"\b(?:every|each)\s+(?:\w+\s+)?$", re.IGNORECASE)
_YEARLY = re.compile(
    r"\b(?:every|each)\s+(?:year|summer|winter|spring|autumn|month|week)\b|\bannually\b"
    r"|\byearly\b|\bas\s+usual\b", re.IGNORECASE)
"""Said after a bare name in the same clause: "held in June every year"."""
_CLAUSE_START = re.compile(r"[;:.!?\u2013\u2014]\s|\s[-\u2013\u2014]\s|,\s+(?:but|while|whereas)\s")


_NOWADAYS = re.compile(
    r"(?:'s|\u2019s)\s+(?:[a-z]+\s+)?(?:world|society|societies|youth|young|generations?"
    r"|children|kids|teens|teenagers|culture|standards|dollars|terms|technology|computers"
    r"|politics|media|era|age)\b", re.IGNORECASE)
"""After "today": "today's youth", "in today's world", "today's personal computers" are the
present age, not the day of the article."""
_OF_TOMORROW = re.compile(r"\bof\s+$", re.IGNORECASE)
""""the people of tomorrow", "the cities of tomorrow": the future, not the next day."""


def _present_age(text: str, event: Event) -> bool:
    said = event.text.strip().lower()
    if said == "today":
        return _NOWADAYS.match(text, event.end) is not None
    return said == "tomorrow" and _OF_TOMORROW.search(text, max(0, event.start - 4),
                                                      event.start) is not None


_YEAR = re.compile(r"\d{4}")
_NAMED_BY_YEAR_BEFORE = re.compile(r"(?-i:Class)\s+of\s+$|(?-i:Act)\s+$", re.IGNORECASE)
_NAMED_BY_YEAR_AFTER = re.compile(
    r"\s+(?-i:Act|Acts|Bill|Ford|Chevrolet|Chevy|Honda|Toyota|Nissan|BMW|Mercedes|Volkswagen"
    r"|Audi|Volvo|Dodge|Jeep|Cadillac|Buick|Pontiac|Chrysler|Hyundai|Kia|Subaru|Mazda"
    r"|Porsche|Ferrari|Fiat|Peugeot|Renault|Lexus|Mitsubishi)\b")
"""A year that is part of a name: a law's ("the 1990 Act", "the Act 1990"), a school
class's ("the Class of 2010"), a car's model year ("a 2004 Honda Civic"). Nothing in the
sentence happened in that year. (TimeML news annotation dates "the ... Act of 1989", the year
the law passed, so that form stays a row.)"""
_CLOCK = re.compile(r"\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?)?", re.IGNORECASE)
_NAMED_BY_CLOCK = re.compile(
    r"\s+(?:news|bulletin|newscast|broadcast|programme|program|show|edition)\b",
    re.IGNORECASE)
""""the 6 p.m. news": a bulletin's name, not a time that day."""
_WEEKDAYS_PLURAL = (r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days|weekdays|weekends"
                    r"|the\s+weekends?)")
_HABIT_AFTER = re.compile(rf"\s*,?\s*(?:on|at)\s+{_WEEKDAYS_PLURAL}\b", re.IGNORECASE)
_HABIT_BEFORE = re.compile(rf"\b(?:on|at)\s+{_WEEKDAYS_PLURAL}\s*,?\s*(?:at\s+)?$",
                           re.IGNORECASE)
""""at 5 p.m. on Sundays", "on weekdays at 9": the time of a habit."""


def _named(text: str, event: Event) -> bool:
    """A year that names a law, a class or a car; a clock time that names a bulletin."""
    said = event.text.strip()
    if _YEAR.fullmatch(said):
        return (_NAMED_BY_YEAR_BEFORE.search(text, max(0, event.start - 12), event.start)
                is not None or _NAMED_BY_YEAR_AFTER.match(text, event.end) is not None)
    if _CLOCK.fullmatch(said):
        return (text[max(0, event.start - 4):event.start].lower() == "the "
                and _NAMED_BY_CLOCK.match(text, event.end) is not None)
    return False


def _habit_time(text: str, event: Event) -> bool:
    if event.type is not EventType.TIME:
        return False
    return (_HABIT_AFTER.match(text, event.end) is not None
            or _HABIT_BEFORE.search(text, max(0, event.start - 24), event.start) is not None)


def is_generic(text: str, event: Event, sentence_start: int, sentence_end: int) -> bool:
    """Whether `event` (placed on the calendar by the extractor) names no particular date."""
    said = event.text.strip()
    if _HALF.fullmatch(said) or _BARE_SEASON.fullmatch(said) or _present_age(text, event):
        return True
    if _named(text, event) or _habit_time(text, event):
        return True
    if _EVERY.search(text[max(sentence_start, event.start - 24):event.start]):
        return True
    if not _BARE_NAME.fullmatch(said):
        return False
    before = text[sentence_start:event.start]
    breaks = list(_CLAUSE_START.finditer(before))
    clause = before[breaks[-1].end():] if breaks else before
    after = text[event.end:sentence_end]
    cut = _CLAUSE_START.search(after)
    rest = after[:cut.start()] if cut else after
    return _NOT_THIS_TIME.search(clause) is not None or _YEARLY.search(rest) is not None


_BESIDE = re.compile(r"\s*(?:,\s*)?(?:(?:in|at|on)\s+)?", re.IGNORECASE)


def beside_a_set(text: str, event: Event, others: list[Event]) -> bool:
    """Whether `event` is said right beside a set ("at 9 a.m. every day", "every year in
    September"): the time of a habit, not a date."""
    for other in others:
        if other.type is not EventType.SET:
            continue
        if other.end <= event.start and _BESIDE.fullmatch(text, other.end, event.start):
            return True
        if event.end <= other.start and _BESIDE.fullmatch(text, event.end, other.start):
            return True
    return False
