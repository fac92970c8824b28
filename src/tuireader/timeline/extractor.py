"""`extract_timeline`: find, normalise and anchor every temporal expression in a text."""

from __future__ import annotations

import hashlib
import logging
import re
from bisect import bisect_left, insort
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from itertools import pairwise

from tuireader.timeline.anchoring import Tense, as_date, tense_near
from tuireader.timeline.calendar_days import OffCalendar
from tuireader.timeline.clock_ranges import bare_openings, military_ranges
from tuireader.timeline.coordination import share_what_the_last_says
from tuireader.timeline.event import Event, EventType, Resolution
from tuireader.timeline.filters import plausible
from tuireader.timeline.fingerprint import EXTRACTION_MODULES, source_fingerprint
from tuireader.timeline.intervals import interval_of
from tuireader.timeline.normalise import NORMALISERS, Ctx, DocState, Found, Norm
from tuireader.timeline.patterns import (
    MARGIN_AFTER,
    MARGIN_BEFORE,
    RULES,
    TOKEN,
    TRIGGER_WORDS,
    Rule,
)
from tuireader.timeline.quotes import from_the_day_said
from tuireader.timeline.sentences import Sentence, sentence_at, split_sentences
from tuireader.timeline.strict import strict_mode
from tuireader.timeline.their_day import on_their_day, weekend_of_the_dates

logger = logging.getLogger(__name__)


EXTRACTOR_VERSION = source_fingerprint(*EXTRACTION_MODULES)
"""Part of every timeline cache key."""

_RANGE_GAP = re.compile(
    r"\s*(?:-|\u2013|\u2014|to|and|until|till|through|thru|or)\s*", re.IGNORECASE
)
_RANGE_LEAD = re.compile(r"(?:between|from)\s+$", re.IGNORECASE)
_WEEKDAY_ONLY = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day", re.IGNORECASE)
_CLOCK_ON_WEEKDAY = re.compile(r"[^\n]*\s(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day",
                               re.IGNORECASE)

_TENSE_REACH = 160
"""How far either side of an expression its tense is looked for (keeps long inputs linear)."""
_CLOCK_REACH = 300
"""A bare clock time may take its day from an earlier sentence this close (in characters)."""
_MAX_CONTEXT = 320
"""Longer sentences are cut to the clause (or window) around the expression."""
_CLAUSE_BREAK = re.compile(r"[;:\u2013\u2014]\s|\s[-\u2013\u2014]\s|\n")

_MONTH_VALUE = re.compile(r"(\d{4})-(\d\d)(?:-\d\d)?$")

_Candidate = tuple[int, int, int, re.Match[str]]


def extract_timeline(text: str, reference_date: date | datetime | None) -> list[Event]:
    """All temporal expressions in `text`, in text order.

    A bug costs the timeline, never the caller: it is logged with its traceback and an empty
    timeline returned, except in strict mode (`TUIREADER_STRICT=1`), where it is raised."""
    try:
        return _extract(text, reference_date)
    except Exception:
        logger.exception("timeline extraction failed (%d characters, reference date %s)",
                         len(text), reference_date)
        if strict_mode():
            raise
        return []


def chronological(events: list[Event]) -> list[Event]:
    """The events that sit on the calendar, by interval start, then by position."""
    placed = [e for e in events if e.placed and e.interval is not None]
    return sorted(placed, key=lambda e: (e.interval.start if e.interval else datetime.min,
                                         e.start))


def _trigger_index(text: str) -> dict[str, list[tuple[int, int]]]:
    """Where each trigger token occurs; the rules' regexes then run only around them."""
    index: dict[str, list[tuple[int, int]]] = {}
    for m in TOKEN.finditer(text):
        token = m.group(0)
        key = f"#{len(token)}" if token[0].isdigit() else token.lower()
        if key in TRIGGER_WORDS:
            index.setdefault(key, []).append(m.span())
    return index


def _windows(index: dict[str, list[tuple[int, int]]], rule: Rule, size: int
             ) -> list[tuple[int, int]]:
    spans = sorted(span for key in rule.triggers for span in index.get(key, ()))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        a, b = max(0, s - MARGIN_BEFORE), min(size, e + MARGIN_AFTER)
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _matches(text: str, rule: Rule, windows: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    for a, b in windows:
        yield from rule.regex.finditer(text, a, b)


def _candidates(text: str) -> list[_Candidate]:
    found: list[_Candidate] = []
    index_by_token = _trigger_index(text)
    for index, rule in enumerate(RULES):
        for m in _matches(text, rule, _windows(index_by_token, rule, len(text))):
            try:
                if not plausible(rule.name, m, text):
                    continue
            except Exception:  # a broken filter costs its candidate (raised in strict mode)
                logger.exception("the %s filter failed on %r", rule.name, m.group(0))
                if strict_mode():
                    raise
                continue
            s, e = m.span("span") if "span" in rule.regex.groupindex else m.span()
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if s < e:
                found.append((s, e, index, m))
    return found


def _select(found: list[_Candidate]) -> list[_Candidate]:
    """Longest candidates win; among equals the earliest, then the first rule."""
    found.sort(key=lambda c: (c[0] - c[1], c[0], c[2]))
    starts: list[int] = []
    spans: dict[int, int] = {}
    chosen: list[_Candidate] = []
    for cand in found:
        s, e = cand[0], cand[1]
        i = bisect_left(starts, s)
        if i > 0 and spans[starts[i - 1]] > s:
            continue
        if i < len(starts) and starts[i] < e:
            continue
        insort(starts, s)
        spans[s] = e
        chosen.append(cand)
    chosen.sort(key=lambda c: c[0])
    return chosen


def _event_id(start: int, end: int, value: str) -> str:
    return "e" + hashlib.sha1(f"{start}:{end}:{value}".encode()).hexdigest()[:11]


def _normalise(rule: str, ctx: Ctx) -> Norm | None:
    """The rule's normaliser on one candidate. A candidate naming no calendar day has no value;
    a normaliser that fails costs only its candidate (raised in strict mode)."""
    try:
        return NORMALISERS[rule](ctx)
    except OffCalendar:  # "30 February", or counted past year 9999: an answer, not a failure
        logger.debug("%s: %r names no calendar day", rule, ctx.match.group(0), exc_info=True)
        return None
    except Exception:
        logger.exception("the %s normaliser failed on %r", rule, ctx.match.group(0))
        if strict_mode():
            raise
        return None


def _extract(text: str, reference_date: date | datetime | None) -> list[Event]:
    if not text:
        return []
    ref = as_date(reference_date)
    sentences = split_sentences(text)
    starts = [s.start for s in sentences]
    state = DocState(ref=ref)
    items: list[Found] = []
    tenses: dict[int, Tense] = {}
    for s, e, index, m in _select(_candidates(text)):
        sentence = sentence_at(sentences, starts, s)
        tense = Tense.PAST
        if sentence is not None:
            a = max(sentence.start, s - _TENSE_REACH)
            b = min(sentence.end, e + _TENSE_REACH)
            tense = tense_near(text[a:b], s - a, e - a)
        norm = _normalise(RULES[index].name, Ctx(text, m, tense, state))
        if norm is None:
            continue
        if norm.span is not None:
            s, e = norm.span
            while e > s and text[e - 1].isspace():
                e -= 1
        if s >= e:
            continue
        if norm.resolution is Resolution.ABSOLUTE and re.match(r"\d{4}", norm.value):
            state.last_year = int(norm.value[:4])
            said_month = _MONTH_VALUE.match(norm.value)
            state.year_said = (e, state.last_year, int(said_month.group(2)) if said_month else 0)
        if norm.anchor is not None:
            state.last_day = norm.anchor
        month = _MONTH_VALUE.match(norm.value)
        if month and norm.type is EventType.DATE:
            state.last_month = (int(month.group(1)), int(month.group(2)))
            state.last_month_end = e
            if len(norm.value) == 7:
                state.month_named = (e, int(month.group(1)), int(month.group(2)))
        if norm.type is EventType.DATE and norm.resolution is not Resolution.UNRESOLVED:
            interval = interval_of(norm.value)
            if interval is not None:
                state.last_point = (e, interval.start.date())
                state.last_value = (e, norm.value)
        items.append((s, e, norm, sentence))
        tenses[s] = tense
    _join_spoken_years(text, items)
    _join_overnight(text, items)
    military_ranges(text, items)
    on_their_day(text, items)
    weekend_of_the_dates(text, items)
    _the_year_in_apposition(text, items)
    from_the_day_said(text, items, ref)
    share_what_the_last_says(text, items)
    _anchor_clock_times(text, items, ref)
    bare_openings(text, items)
    _defined_by_what_follows(text, items)
    return _build_events(text, items, tenses)


def _context(text: str, sentence: Sentence | None, s: int, e: int) -> tuple[str, int]:
    """The sentence around [s, e), or its clause (or a window) when the sentence is long."""
    if sentence is None:
        a, b = max(0, s - _MAX_CONTEXT // 2), min(len(text), e + _MAX_CONTEXT // 2)
    elif sentence.end - sentence.start <= _MAX_CONTEXT:
        return sentence.text, sentence.start
    else:
        a, b = sentence.start, sentence.end
        for m in _CLAUSE_BREAK.finditer(text, max(a, s - _MAX_CONTEXT), s):
            a = m.end()
        m2 = _CLAUSE_BREAK.search(text, e, min(b, e + _MAX_CONTEXT))
        if m2 is not None:
            b = m2.start()
        a, b = max(a, s - _MAX_CONTEXT // 2), min(b, e + _MAX_CONTEXT // 2)
        while a < s and not text[a - 1].isspace() and a > sentence.start:
            a += 1
        while b > e and b < sentence.end and not text[b].isspace():
            b -= 1
    while a < s and text[a].isspace():
        a += 1
    while b > e and text[b - 1].isspace():
        b -= 1
    return text[a:b], a


def _anchor_clock_times(text: str, items: list[Found],
                        ref: date | None) -> None:
    """Give a bare clock time the day nearest to it in its sentence, else the last day named
    shortly before it, else the reference date. A day later in the sentence but past a comma
    ("By midday the court rose to read the report, dated 21 March") is another event's."""
    by_sentence: dict[int, list[tuple[int, int, Norm]]] = {}
    for s, e, norm, sentence in items:
        if norm.anchor is not None or norm.needs_day:
            by_sentence.setdefault(id(sentence), []).append((s, e, norm))
    previous: tuple[int, date] | None = None
    for s, e, norm, sentence in items:
        if not norm.needs_day:
            if norm.anchor is not None:
                previous = (e, norm.anchor)
            continue
        best: tuple[int, date] | None = None
        for s2, e2, other in by_sentence.get(id(sentence), ())[:200]:
            if other.anchor is None or other is norm:
                continue
            if s2 > e and previous is not None and _another_clause(text[e:s2]):
                continue
            if s2 > e and _TWIN_OPENING.match(text, e) and ")" not in text[e:s2]:
                continue  # "2:40 a.m. (6:40 p.m. EST Tuesday)": the twin's day, in its zone
            # "1.30am local time (2330 GMT Friday) on Saturday": a day on the same side of a
            # bracket first, each clock its own
            dist = s - e2 if e2 <= s else (s2 - s) + 1
            if _across_a_bracket(text, min(e, e2), max(s, s2)):
                dist += _BRACKET_PENALTY
            if best is None or dist < best[0]:
                best = (dist, other.anchor)
        if best is None and previous is not None and s - previous[0] <= _CLOCK_REACH:
            best = (s - previous[0], previous[1])
        clock = norm.value.split("T", 1)[1]
        if best is not None:
            norm.value, norm.resolution, norm.anchor = (
                f"{best[1].isoformat()}T{clock}", Resolution.INFERRED, best[1])
        elif ref is not None:
            norm.value, norm.resolution, norm.anchor = (
                f"{ref.isoformat()}T{clock}", Resolution.RELATIVE, ref)
        norm.needs_day = False


_SPOKEN_YEAR = next(rule.regex for rule in RULES if rule.name == "spoken_year")
_YEAR_GAP = re.compile(r",?\s+(?:of\s+)?", re.IGNORECASE)
_IN_A_YEAR = re.compile(r"\d{4}-(?:[01]\d|SP|SU|FA|WI)")


def _join_spoken_years(text: str, items: list[Found]) -> None:
    """"January nineteen ninety-seven", "the winter of nineteen ninety-four", "May 4,
    nineteen seventy": a month, season or day followed by its year in words is one date in
    that year (transcripts spell years out), not a date of the current year and a year."""
    i = 0
    while i < len(items) - 1:
        s, e, norm, sentence = items[i]
        s2, e2, year, _ = items[i + 1]
        if (norm.type is EventType.DATE and _IN_A_YEAR.match(norm.value)
                and _YEAR_GAP.fullmatch(text, e, s2) and _SPOKEN_YEAR.fullmatch(text, s2, e2)
                and re.fullmatch(r"\d{4}", year.value)
                and not re.search(r"\d{4}", text[s:e])):
            joined = year.value + norm.value[4:]
            if interval_of(joined) is not None:  # not "February 29" of a common year
                norm.value, norm.resolution = joined, Resolution.ABSOLUTE
                items[i] = (s, e2, norm, sentence)
                del items[i + 1]
        i += 1


_THE_YEAR = re.compile(r"the\s+(?:same\s+)?year", re.IGNORECASE)
_YEAR_VALUE = re.compile(r"\d{4}")


def _the_year_in_apposition(text: str, items: list[Found]
                            ) -> None:
    """"Born in 1931, the year the Empire State Building opened": "the year" said of a year
    just written, a comma between, is that year, not this one."""
    for (_, e, before, _), (s, e2, norm, _) in pairwise(items):
        if (_THE_YEAR.fullmatch(text, s, e2) and _YEAR_VALUE.fullmatch(before.value)
                and re.fullmatch(r"\s*,\s*", text[e:s])):
            norm.value, norm.resolution = before.value, Resolution.INFERRED


_OVERNIGHT_INTO = re.compile(r"overnight\s+(?:into|to|through)\s+$", re.IGNORECASE)


def _join_overnight(text: str, items: list[Found]) -> None:
    """"Overnight into Sunday": one night, the one before that day, not tonight and Sunday."""
    i = 0
    while i < len(items) - 1:
        s, _, _, sentence = items[i]
        s2, e2, day, _ = items[i + 1]
        if day.anchor is not None and _OVERNIGHT_INTO.fullmatch(text, s, s2):
            night = day.anchor - timedelta(days=1)
            items[i] = (s, e2, Norm(EventType.TIME, f"{night.isoformat()}TNI", day.resolution,
                                    anchor=night), sentence)
            del items[i + 1]
        i += 1


_SAME_UNIT = re.compile(r"(?:the\s+)?(?:same|that)\s+(?P<unit>year|month)", re.IGNORECASE)
_RELATIVE_CLAUSE = re.compile(r"\s+(?:that|when|as|in\s+which)\b", re.IGNORECASE)
_UNIT_LENGTH = {"year": 4, "month": 7}


def _defined_by_what_follows(text: str, items: list[Found]
                             ) -> None:
    """"The same year that they made their discovery, on November 16, 1974, ...": a year
    that a relative clause goes on to define is the year of the date written after it in the
    sentence, not the last year said before."""
    for i, (s, e, norm, sentence) in enumerate(items):
        said = _SAME_UNIT.fullmatch(text, s, e)
        if said is None or _RELATIVE_CLAUSE.match(text, e) is None:
            continue
        length = _UNIT_LENGTH[said.group("unit").lower()]
        for _, _, other, where in items[i + 1:]:
            if where is not sentence:
                break
            if other.resolution is Resolution.ABSOLUTE and len(other.value) >= length \
                    and re.match(r"\d{4}", other.value):
                norm.value, norm.resolution = other.value[:length], Resolution.INFERRED
                break


_BRACKET_PENALTY = 10_000
_TWIN_OPENING = re.compile(r"\s*\(")


def _across_a_bracket(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] goes into or out of brackets: what is said in them (a time in
    another zone) has its own day."""
    return text.count("(", start, end) != text.count(")", start, end)


def _another_clause(between: str) -> bool:
    """Whether a day said after a clock time sits past a clause of its own ("midday the court
    rose to read the report, dated ..."), not beside it ("9 a.m., on 5 April")."""
    return "," in between and len(between.split()) > 4


def _order_weekday_range(text: str, first: tuple[int, int, Norm], second: tuple[int, int, Norm],
                         past: bool) -> None:
    """"from Monday to Friday": a range's closing weekday falls on or after its opening one, within
    the week. When they cross, a past range moves its opening day back a week, any other its
    closing day on; a closing day a week or more on comes back to the opening day's week."""
    (s1, e1, n1), (s2, e2, n2) = first, second
    said = _WEEKDAY_ONLY if n1.type is EventType.DATE else _CLOCK_ON_WEEKDAY
    if not (said.fullmatch(text[s1:e1]) and said.fullmatch(text[s2:e2])):
        return
    if n1.anchor is None or n2.anchor is None:
        return
    apart = (n2.anchor - n1.anchor).days
    if apart >= 7:  # "ran from Monday until Wednesday": the Wednesday after that Monday
        _move(n2, n2.anchor - timedelta(days=apart // 7 * 7))
        return
    if apart >= 0:
        return
    if past:
        _move(n1, n1.anchor - timedelta(days=7))
    else:
        _move(n2, n2.anchor + timedelta(days=7))


def _move(norm: Norm, day: date) -> None:
    """The day of a weekday (or of a clock time on one) moved, its time of day kept."""
    norm.value, norm.anchor = day.isoformat() + norm.value[10:], day


def _build_events(text: str, items: list[Found],
                  tenses: dict[int, Tense]) -> list[Event]:
    pairs: list[int] = []
    for i in range(len(items) - 1):
        s1, e1, n1, _ = items[i]
        s2, e2, n2, _ = items[i + 1]
        if n1.type is not n2.type or n1.type not in (EventType.DATE, EventType.TIME):
            continue
        gap = text[e1:s2]
        if not _RANGE_GAP.fullmatch(gap):
            continue
        dash = gap.strip() in ("-", "\u2013", "\u2014")
        if dash or _RANGE_LEAD.search(text[max(0, s1 - 12) : s1]):
            if n1.type is EventType.DATE:  # clock times are paired by the rows
                pairs.append(i)
            past = tenses.get(s2) is Tense.PAST and tenses.get(s1) is Tense.PAST
            _order_weekday_range(text, (s1, e1, n1), (s2, e2, n2), past)
    ids = [_event_id(s, e, n.value) for s, e, n, _ in items]
    partners: dict[int, str] = {}
    for i in pairs:
        partners[i], partners[i + 1] = ids[i + 1], ids[i]
    events: list[Event] = []
    for i, (s, e, norm, sentence) in enumerate(items):
        placed = norm.type in (EventType.DATE, EventType.TIME)
        context, context_start = _context(text, sentence, s, e)
        events.append(
            Event(
                id=ids[i],
                start=s,
                end=e,
                text=text[s:e],
                type=norm.type,
                value=norm.value,
                interval=interval_of(norm.value) if placed else None,
                sentence=context,
                sentence_start=context_start,
                resolution=norm.resolution,
                range_partner=partners.get(i),
            )
        )
    return events
