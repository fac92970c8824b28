"""Dates said of no particular time: a match's "first half", "in summer", the June of "rather
than in June" or of "usually in June". They stay expressions; a timeline shows no row for them."""

from __future__ import annotations

import re

from tuireader.timeline.anchoring import has_past, has_past_or_future
from tuireader.timeline.clock_habits import a_habit_time, named_by_a_clock
from tuireader.timeline.event import Event, EventType
from tuireader.timeline.fragments import alt
from tuireader.timeline.habitual import (
    a_rule_of_the_calendar,
    a_time_of_every_day,
    after_a_recurring_word,
    days_of_every_week,
    said_of_a_kind,
    said_of_every_year,
    simple_present,
    today_as_nowadays,
)
from tuireader.timeline.lexicon import INSTRUCTION_VERBS

_MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
)
_NAMES = (
    _MONTHS + r"|spring|summer|autumn|fall|winter"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
)
_BARE_NAME = re.compile(
    rf"(?:(?:early|late|mid|in|on|the)[\s-]+)?(?:{_NAMES}"
    r"|(?:first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+quarter|weekend)\.?",
    re.IGNORECASE)
"""A month, season, weekday, quarter or weekend with no year, day or "this"/"last" to pin it
down."""
_GAME_QUARTER = re.compile(
    r"(?:the\s+)?(?:first|second|third|fourth|final|1st|2nd|3rd|4th)\s+quarter", re.IGNORECASE)
_GAME = re.compile(
    r"\b(?:touchdowns?|quarterbacks?|field\s+goals?|free\s+throws?|three-pointers?"
    r"|rebounds?|interceptions?|fumbles?|buzzer|halftime|half-time|overtime|tip-off"
    r"|kick-?off|trail(?:s|ed|ing))\b|(?<![\d.,-])\d{1,3}-\d{1,3}(?![\d%.,-])", re.IGNORECASE)
"""A quarter with no year, in a sentence about a game: the game's quarter, not the year's
("two touchdowns in the fourth quarter")."""
_RESULTS = re.compile(
    r"\b(?:revenues?|sales|profits?|earnings|net\s+income|income|losses|turnover"
    r"|margins?|dividends?|GDP|exports|imports|output|production|capacity|deliveries"
    r"|shipments)\b", re.IGNORECASE)
"""A half said of a firm's or an economy's figures or output is the year's ("revenue for the
first half rose 8%", "running at full capacity by the end of the first half"), unless the
sentence is about a game."""


def _a_results_half(text: str, start: int, end: int) -> bool:
    return (_RESULTS.search(text, start, end) is not None
            and _GAME.search(text, start, end) is None)


_BARE_SEASON = re.compile(r"(?:in\s+)?(?:spring|summer|autumn|fall|winter)", re.IGNORECASE)
_TERM_SEASON = re.compile(r"(?:the\s+)?(?:spring|summer|autumn|fall|winter)", re.IGNORECASE)
_TERM_AFTER = re.compile(r"\s+(?:semester|term|session)\b(?!\s+(?:of\s+)?\d{4})",
                         re.IGNORECASE)
"""'the autumn term', 'for the fall semester' with no year: a kind of academic term, which
comes every year, not a date."""
_BREAK_AFTER = re.compile(r"\s+(?:holidays?|break|recess|vacations?)\b(?!\s+(?:of\s+)?\d{4})",
                          re.IGNORECASE)
_A_DAY = re.compile(
    rf"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})"
    rf"|(?:{_MONTHS})\.?\s+\d{{1,2}}\b)", re.IGNORECASE)
"""'after the summer break', 'for the winter holidays' beside a day ('sits again on 6
February', 'close on Friday'): the break's name, the day its event; which summer is meant
depends on the hemisphere, and the day says when. With no day, the season stays a row."""
_HALF = re.compile(r"(?:the\s+)?(?:first|second|1st|2nd|opening|final)\s+half", re.IGNORECASE)
_OF_A_YEAR = re.compile(r"\s+of\s+(?:the|this|last|next|that)\s+(?:financial\s+|fiscal\s+)?year\b",
                        re.IGNORECASE)
"""A half with no "of the year" or year after it: a match's or a concert's half."""
_INSTEAD = re.compile(r"\b(?:rather\s+than|instead\s+of)\s", re.IGNORECASE)
_HABIT_WORD = re.compile(
    r"\b(?:usually|normally|typically|traditionally|generally|customarily|always|often"
    r"|seldom|rarely)\b", re.IGNORECASE)
"""Said before a bare name in the same clause, a counterfactual ("rather than in June") or a
habit's adverb makes the name no date; after it, a habit's adverb does in a simple present
("Third-quarter results are usually weak")."""
_ON_DAYS = re.compile(r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days|weekends)\b",
                      re.IGNORECASE)
"""Days said in the plural before a bare name in the same clause make it a habit's ("closed on
Sundays and in August"); but a weekday after the habit of other days is a day of its own
("closed on Mondays, reopened on Tuesday")."""
_WEEKDAY = re.compile(
    r"(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)", re.IGNORECASE)
_EVERY = re.compile(r"\b(?:every|each)\s+(?:\w+\s+)?$", re.IGNORECASE)
_YEARLY = re.compile(
    r"\b(?:every|each)\s+(?:year|summer|winter|spring|autumn|month|week)\b|\bannually\b"
    r"|\byearly\b|\bas\s+usual\b", re.IGNORECASE)
"""Said after a bare name in the same clause: "held in June every year"."""
_CLAUSE_START = re.compile(r"[;:.!?\u2013\u2014]\s|\s[-\u2013\u2014]\s|,\s+(?:but|while|whereas)\s")


_EACH_YEAR = re.compile(
    r"\b(?:each|every)\s+(?:(?:fiscal|financial|calendar|academic|school|tax)\s+)?year\b",
    re.IGNORECASE)
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
_NAMED_BY_YEAR_BEFORE = re.compile(r"(?-i:Class)\s+of\s+$|(?-i:Act|Vision|Agenda)\s+$",
                                   re.IGNORECASE)
_NAMED_BY_YEAR_AFTER = re.compile(
    r"\s+(?-i:Act|Acts|Bill|Committee|Agenda|Strategy|Vision|Ford|Chevrolet|Chevy|Honda|Toyota"
    r"|Nissan|BMW|Mercedes|Volkswagen|Audi|Volvo|Dodge|Jeep|Cadillac|Buick|Pontiac|Chrysler"
    r"|Hyundai|Kia|Subaru|Mazda|Porsche|Ferrari|Fiat|Peugeot|Renault|Lexus|Mitsubishi)\b")
"""A year that is part of a name: a law's ("the 1990 Act", "the Act 1990"), a school
class's ("the Class of 2010"), a car's model year ("a 2004 Honda Civic"), a committee's
("the 1922 Committee"), a plan's ("the 2030 Agenda", "Vision 2030": a target, not when
anything in the sentence happens). Nothing in the sentence happened in that year. (TimeML
news annotation dates "the ... Act of 1989", the year
the law passed, so that form stays a row.)"""


_DAY_NAME = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day")
_WEEKDAY_NAME = re.compile(_DAY_NAME.pattern, re.IGNORECASE)
_NAMED_BY_DAY_AFTER = re.compile(
    r"\s+(?:Times|Telegraph|Mirror|Express|Post|Herald|Mail|Tribune|Independent|Observer"
    r"|Star|Sport|People|World|Record|Night\s+Football|Night\s+Live)\b")
""""the Sunday Times", "Monday Night Football": a newspaper's or a programme's name."""


_A_DAY_OF_THE_WEEK = re.compile(r"\b(?:a|an|any)\s+$", re.IGNORECASE)


def _a_day_of_the_week(text: str, event: Event) -> bool:
    """"Christmas Day falls on a Wednesday this year", "on a Sunday": a weekday after "a"
    says which day of the week, not which date."""
    return (_WEEKDAY_NAME.fullmatch(event.text.strip()) is not None
            and _A_DAY_OF_THE_WEEK.search(text, max(0, event.start - 5), event.start) is not None)


def _named(text: str, event: Event) -> bool:
    """A year that names a law, a class or a car; a clock time that names a bulletin; a
    weekday that names a newspaper."""
    said = event.text.strip()
    if _DAY_NAME.fullmatch(said):
        return _NAMED_BY_DAY_AFTER.match(text, event.end) is not None
    if _YEAR.fullmatch(said):
        return (_NAMED_BY_YEAR_BEFORE.search(text, max(0, event.start - 12), event.start)
                is not None or _NAMED_BY_YEAR_AFTER.match(text, event.end) is not None)
    return named_by_a_clock(text, event)


_NTH_WEEKDAY = re.compile(
    r"\bthe\s+(?:first|second|third|fourth|last)\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$",
    re.IGNORECASE)
_OF_A_MONTH = re.compile(rf"\s+(?:in|of)\s+(?:{_NAMES})\b(?!\.?,?\s+\d)", re.IGNORECASE)


def _nth_weekday(text: str, event: Event) -> bool:
    """"The last Sunday in October", "the first Tuesday of November", with no year: a rule of
    the calendar, or a day the weekday alone does not place (not last week's Sunday)."""
    if _OF_A_MONTH.match(text, event.end) is None:
        return False
    return _NTH_WEEKDAY.search(text, max(0, event.start - 24), event.end) is not None


_INSTRUCTION = re.compile(r"[\s\"'\u201c]*(?:(?:then|and|just|simply|always)\s+)?"
                          + alt(INSTRUCTION_VERBS) + r"\b", re.IGNORECASE)
_PIECE_BREAK = re.compile(r"[;:]")


def _advice_overnight(text: str, event: Event, sentence_start: int, sentence_end: int) -> bool:
    """"Leave the dough to rise overnight", "defrost overnight before use": in an instruction
    (its sentence, or its part after a semicolon, opens with a verb of a how-to, and nothing
    is past or to come), "overnight" says for how long, not which night."""
    if event.text.strip().lower() != "overnight":
        return False
    breaks = list(_PIECE_BREAK.finditer(text, sentence_start, event.start))
    piece_start = breaks[-1].end() if breaks else sentence_start
    return (_INSTRUCTION.match(text, piece_start) is not None
            and not has_past_or_future(text[sentence_start:sentence_end]))


def _habit(text: str, event: Event, sentence_start: int, sentence_end: int) -> bool:
    """A date said in the simple present of what happens as a rule (see `habitual`)."""
    where = (text, event.start, event.end, sentence_start, sentence_end)
    if event.type is EventType.TIME and a_time_of_every_day(*where):
        return True
    rules = (said_of_every_year, a_rule_of_the_calendar, said_of_a_kind, days_of_every_week,
             today_as_nowadays)
    return any(rule(*where) for rule in rules) or after_a_recurring_word(
        text, event.start, event.text)


def is_generic(text: str, event: Event, sentence_start: int, sentence_end: int) -> bool:
    """Whether `event` (placed on the calendar by the extractor) names no particular date."""
    said = event.text.strip()
    if (_HALF.fullmatch(said) and _OF_A_YEAR.match(text, event.end) is None
            and not _a_results_half(text, sentence_start, sentence_end)) or \
            _BARE_SEASON.fullmatch(said) or _present_age(text, event):
        return True
    if _TERM_SEASON.fullmatch(said) and (_TERM_AFTER.match(text, event.end) or (
            _BREAK_AFTER.match(text, event.end) and _A_DAY.search(
                text[sentence_start:event.start] + " " + text[event.end:sentence_end]))):
        return True
    if _GAME_QUARTER.fullmatch(said) and _GAME.search(text, sentence_start, sentence_end):
        return True
    if _named(text, event) or _nth_weekday(text, event) or _a_day_of_the_week(text, event) \
            or a_habit_time(text, event, sentence_start, sentence_end) \
            or _advice_overnight(text, event, sentence_start, sentence_end):
        return True
    if _EVERY.search(text[max(sentence_start, event.start - 24):event.start]) or _habit(
            text, event, sentence_start, sentence_end):
        return True
    each = _EACH_YEAR.search(text, sentence_start, event.start)
    if each is not None and not _YEAR.search(said) \
            and not _REPORTED.search(text, each.end(), event.start):
        return True  # "Each fiscal year, the agency must report by March 31": every year's
    if not _BARE_NAME.fullmatch(said):
        return False
    before = text[sentence_start:event.start]
    breaks = list(_CLAUSE_START.finditer(before))
    clause = before[breaks[-1].end():] if breaks else before
    after = text[event.end:sentence_end]
    cut = _CLAUSE_START.search(after)
    rest = after[:cut.start()] if cut else after
    habit = _INSTEAD.search(clause) is not None or _habit_before(clause) or (
        _ON_DAYS.search(clause) is not None and _WEEKDAY.fullmatch(said) is None)
    return habit or _YEARLY.search(rest) is not None or (
        _HABIT_WORD.search(rest) is not None and simple_present(clause + " " + rest))


def _habit_before(clause: str) -> bool:
    """A habit's adverb before the name ("usually held in June"), unless it says how a verb in
    the past went ("Computers worked normally over the weekend": one weekend)."""
    for m in _HABIT_WORD.finditer(clause):
        words = clause[:m.start()].split()
        if not words or not has_past(words[-1]):
            return True
    return False


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


_YEARLY_SET = re.compile(r"P\d*Y|XXXX-(?:SP|SU|FA|WI|\d\d)")
"""A set that recurs once a year (or every few): "each year", "annually", "every spring"."""
_MONTH_NAMED = re.compile(rf"\b(?:{_MONTHS})\b", re.IGNORECASE)
_YEAR_WRITTEN = re.compile(r"\d{4}")
_REPORTED = re.compile(r"\b(?:said|says|told|announced|reported)\b", re.IGNORECASE)


def after_a_yearly_set(text: str, event: Event, others: list[Event]) -> bool:
    """Whether `event` is a month or a day of one, with no year written, said after a yearly
    set in the same clause ("Each year, the season runs from June 1 to November 30"): the
    habit's date, not one day. A report in between ("... die each year, the agency said on
    3 March") says when it was said, which is a date."""
    said = event.text
    if _YEAR_WRITTEN.search(said) or not _MONTH_NAMED.search(said):
        return False
    for other in others:
        if other.type is not EventType.SET or other.end > event.start:
            continue
        between = text[other.end:event.start]
        if _YEARLY_SET.fullmatch(other.value) and not _CLAUSE_START.search(between) \
                and not _REPORTED.search(between):
            return True
    return False
