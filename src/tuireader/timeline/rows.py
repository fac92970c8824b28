"""Timeline rows: events, not expressions.

Per sentence, expressions whose dates nest (month ⊃ day ⊃ minute) make one row at the most
precise date, the others riding along as its context; "from X to Y" is one range row; dates
said of no particular time make no row; an offset anchored on a date ("two days later",
"13 minutes before the close") makes a row of its own, derived from that date."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Any

from tuireader.timeline.clauses import clause_around, coordinated_parts
from tuireader.timeline.clock_twins import bracketed_twins
from tuireader.timeline.event import Event, Granularity, Interval, Resolution
from tuireader.timeline.generic import after_a_yearly_set, beside_a_set, is_generic
from tuireader.timeline.intervals import interval_of, spanning
from tuireader.timeline.labels import interval_label
from tuireader.timeline.offsets import (
    AnchoredOffset,
    OffsetForm,
    after_or_before,
    in_days,
    inexact_distance,
    offset_at,
    part_of_day,
    shifted,
)
from tuireader.timeline.row_nesting import container_row, precision
from tuireader.timeline.row_ranges import bounds, paired_ends, period_ending
from tuireader.timeline.sentences import Sentence, split_sentences


@dataclass(frozen=True, slots=True)
class Derivation:
    """Where a derived row's date comes from: a dated expression and a distance from it."""

    anchor: Event
    """The expression whose date the row was counted from."""
    value: str
    """That date (TIMEX3 value)."""
    offset: AnchoredOffset
    sign: int
    """+1: the row's date is the anchor's plus the offset; -1: minus."""
    phrase: str
    """"13 minutes before", "Two days later"."""

    def to_json(self, offset: int = 0) -> dict[str, Any]:
        return {"event": self.anchor.id, "value": self.value,
                "offset": self.offset.iso(self.sign),
                "text": self.phrase, "start": self.offset.start + offset,
                "end": self.offset.end + offset}


@dataclass(frozen=True, slots=True)
class TimelineRow:
    """One event on the timeline: a date, a range, or a date derived from another."""

    event: Event
    """The row's main expression (the most precise; for a derived row, the offset's)."""
    value: str
    """TIMEX3 value of the row's date (for a range, of its start)."""
    interval: Interval
    label: str
    """The clause that carries the event."""
    label_start: int
    partner: Event | None = None
    """The other end of a range."""
    end_value: str | None = None
    context: tuple[Event, ...] = ()
    """Less precise expressions of the same date ("Wednesday", "the end of August")."""
    derived_from: Derivation | None = None

    @property
    def events(self) -> tuple[Event, ...]:
        """Every expression the row stands for, the main one first."""
        ends = (self.event,) if self.partner is None else (self.event, self.partner)
        return (*ends, *self.context)

    @property
    def when(self) -> str:
        return interval_label(self.interval)

    @property
    def text(self) -> str:
        """The expression(s) as written: "2017 … 2019" for a range."""
        if self.derived_from is not None:
            return self.derived_from.phrase
        if self.partner is None:
            return self.event.text
        return f"{self.event.text} … {self.partner.text}"

    @property
    def context_text(self) -> str:
        """"Wednesday · end of August": the other expressions of the row's date."""
        return " · ".join(_bare(event.text) for event in self.context)

    @property
    def note(self) -> str:
        """What the row's date rests on, when it is not written in the text."""
        d = self.derived_from
        if d is None:
            return ""
        return f"derived: {' '.join(d.anchor.text.split())} {d.offset.words(d.sign)}"

    @property
    def aside(self) -> str:
        """What a row shows beside its clause: its date's derivation, or its other
        expressions."""
        return self.note or self.context_text

    def to_json(self, offset: int = 0) -> dict[str, Any]:
        """The `rows` item of `tuireader timeline --json`; `offset` shifts into a larger text."""
        return {
            "anchor": self.event.start + offset,
            "value": self.value,
            "end_value": self.end_value,
            "start": self.interval.start.isoformat(),
            "end": self.interval.end.isoformat(),
            "granularity": str(self.interval.granularity),
            "label": self.label,
            "label_start": self.label_start + offset,
            "expressions": [event.id for event in self.events],
            "context": self.context_text,
            "derived_from": None if self.derived_from is None
            else self.derived_from.to_json(offset),
        }


_LEADING = re.compile(r"^(?:the|on|at|in|by)\s+", re.IGNORECASE)


def _bare(said: str) -> str:
    return _LEADING.sub("", " ".join(said.split()))


def timeline_rows(text: str, events: Sequence[Event]) -> list[TimelineRow]:
    """The rows of `text`'s timeline in date order (then text order).

    Sentences are the events' own (`Event.sentence`: a long one is cut to the clause around
    its expression), so no pass over the whole text is needed: a 5 MB article's rows cost
    what its events do."""
    rows: list[TimelineRow] = []
    previous: list[TimelineRow] = []
    previous_end = -1
    for (start, end), said in _by_sentence(text, events):
        sentence = Sentence(start, end, text[start:end])
        # Offsets count from the sentence just before only (nothing but space between).
        before = previous if 0 <= previous_end <= start and not text[previous_end:start].strip() \
            else []
        found = _SentenceRows(text, sentence, said, before).rows()
        rows += found
        previous, previous_end = found, end
    rows.sort(key=lambda row: (row.interval.start, row.event.start))
    return rows


MAX_SENTENCE = 2_000
"""A row's sentence grows no longer (in characters). A run of text with no sentence end (a
page scraped into one line, a minified text) would otherwise be one sentence, and each of its
rows looks at the whole of it: a 5 MB line with dates took hours. The longest sentence in the
sample and TimeML articles is ~900 characters, the longest group of rows ~350."""


def _by_sentence(text: str, events: Sequence[Event]
                 ) -> list[tuple[tuple[int, int], list[Event]]]:
    """Events grouped by sentence, in text order. An event's sentence is its own; a long one
    was cut to the clause around each expression, and those clauses are joined again (up to
    MAX_SENTENCE characters)."""
    groups: list[tuple[tuple[int, int], list[Event]]] = []
    for event in sorted(events, key=lambda e: e.start):
        start, end = event.sentence_start, event.sentence_start + len(event.sentence)
        if groups:
            (a, b), said = groups[-1]
            if max(b, end) - min(a, start) <= MAX_SENTENCE and (
                    start < b or _same_sentence(text, b, start)):
                said.append(event)
                groups[-1] = ((min(a, start), max(b, end)), said)
                continue
        groups.append(((start, end), [event]))
    return groups


_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*$")


def _same_sentence(text: str, end: int, start: int) -> bool:
    """Whether a text cut at `end` goes on at `start` in the same sentence: the first part
    ends in no full stop, and neither a line break nor a sentence's end comes between (two
    clauses cut from two sentences are not joined: "Wechsler on Thursday: '... inaccurate.'
    White House on Thursday: '...'" are two statements, each with its row)."""
    if _SENTENCE_END.search(text, max(0, end - 4), end) is not None or "\n" in text[end:start]:
        return False
    return len(split_sentences(text[end:start + 1])) <= 1


class _SentenceRows:
    """The rows of one sentence (`before`: the previous sentence's, for offsets to count from)."""

    def __init__(self, text: str, sentence: Sentence, events: list[Event],
                 before: list[TimelineRow]) -> None:
        self.text = text
        self.sentence = sentence
        self.events = events
        self.before = before

    def rows(self) -> list[TimelineRow]:
        habits = _habits(self.text, self.events) | bracketed_twins(self.text, self.events)
        dated = [e for e in self.events if not _generic(self.text, e, self.sentence)
                 and e.id not in habits
                 and not inexact_distance(self.text, e.start, e.end)]
        offsets = {e.id: found for e in dated
                   if (found := offset_at(self.text, e.start, e.end)) is not None}
        placed = [e for e in dated if e.placed and e.id not in offsets]
        anaphors = [e for e in placed if _is_same_day(e)]
        plain = [e for e in placed if e not in anaphors]
        rows = self._nested(plain)
        derived: list[TimelineRow] = []
        unanchored: list[Event] = []
        previous: AnchoredOffset | None = None
        for event in dated:
            if event.id in offsets:
                offset = offsets[event.id]
                # a chain counts on from the date derived before it ("a week later, ...,
                # and two days after that, ..."); offsets joined by "and" ("a day after the
                # vote and five days before the deadline") count from the same date
                joined = previous is not None and _JOINED_OFFSETS.fullmatch(
                    self.text, previous.end, offset.start) is not None
                row = self._derived(event, offset, rows if joined else rows + derived)
                if row is not None:
                    derived.append(row)
                elif event.placed and not _counted_from_publication(event, offset):
                    unanchored.append(event)
                previous = offset
        if unanchored:
            plain = sorted(plain + unanchored, key=lambda e: e.start)
            rows = self._nested(plain)
        said = {row.value for row in rows}  # "60 days after 1 March, falls on 30 April": once
        derived = [row for row in derived if row.value not in said
                   or (row.derived_from is not None and row.derived_from.offset.vague)]
        return self._by_clause(self._with_their_day(rows, anaphors, plain) + derived)

    def _by_clause(self, rows: list[TimelineRow]) -> list[TimelineRow]:
        """Each row labelled with its own coordinated clause when the sentence joins several
        ("X in 2010, and Y in 2017"), not with the whole sentence."""
        if len(rows) < 2:
            return rows
        spans = [_span(row) for row in rows]
        parts = coordinated_parts(self.text, self.sentence.start, self.sentence.end, spans)
        whole = (self.sentence.start, self.sentence.end)
        out: list[TimelineRow] = []
        for row, (a, b), (start, end) in zip(rows, parts, spans, strict=True):
            if (a, b) == whole:
                out.append(row)
                continue
            label, label_start = clause_around(self.text, a, b, start, end)
            d = row.derived_from
            if d is not None and d.offset.form is OffsetForm.BEFORE_COMPLEMENT:
                label, label_start = _from(self.text, label, label_start, start)
            out.append(replace(row, label=label.rstrip(), label_start=label_start))
        return out

    def _with_their_day(self, rows: list[TimelineRow], anaphors: list[Event],
                        plain: list[Event]) -> list[TimelineRow]:
        """"Earlier in the day" joins the row of the sentence's day (its nearest) as context;
        with no day in the sentence it keeps the date the extractor gave it."""
        left: list[Event] = []
        for event in anaphors:
            days = [i for i, row in enumerate(rows)
                    if row.partner is None and row.interval.granularity in _DAY_OR_FINER]
            if not days:
                left.append(event)
                continue
            i = min(days, key=lambda i: abs(rows[i].event.start - event.start))
            context = tuple(sorted((*rows[i].context, event), key=lambda e: e.start))
            rows[i] = replace(rows[i], context=context)
        return self._nested(sorted(plain + left, key=lambda e: e.start)) if left else rows

    def _label(self, start: int, end: int) -> tuple[str, int]:
        return clause_around(self.text, self.sentence.start, self.sentence.end, start, end)

    def _nested(self, placed: list[Event]) -> list[TimelineRow]:
        """Ranges first, then each expression joins a row whose date it names less precisely
        (2022-08 ⊃ 2022-08-31 ⊃ 2022-08-31T23:47), most precise first; the rest make their own.

        Along the calendar's own line only: "the fourth quarter" holds "last month" but names
        another event (a quarter's results, a month's earthquake)."""
        ranges, singles = paired_ends(self.text, placed)
        rows: list[tuple[Event, Event | None, list[Event]]] = [(a, b, []) for a, b in ranges]
        for event in sorted(singles, key=precision):
            home = container_row(self.text, rows, event)
            if home is None:
                rows.append((event, None, []))
            else:
                home[2].append(event)
        return [self._row(main, partner, context) for main, partner, context in rows]

    def _row(self, main: Event, partner: Event | None, context: list[Event]) -> TimelineRow:
        assert main.interval is not None
        interval = main.interval
        end = main.end
        if partner is not None and partner.interval is not None:
            interval = spanning(main.interval, partner.interval)
            end = max(end, partner.end)
        label, label_start = self._label(main.start, end)
        value = main.value
        period = period_ending(self.text, main) if partner is None else None
        if period is not None and (period_interval := interval_of(period)) is not None:
            value, interval = period, period_interval  # "the three months to June"
        return TimelineRow(
            main, value, interval, label, label_start, partner,
            partner.value if partner is not None else None,
            tuple(sorted(context, key=lambda e: e.start)),
        )

    def _derived(self, event: Event, offset: AnchoredOffset, rows: list[TimelineRow]
                 ) -> TimelineRow | None:
        """The row of the event an anchored offset places, when a date to count from is near."""
        found = self._anchor(offset, rows)
        if found is None:
            return None
        anchor, direction = found
        counted = in_days(anchor.interval, offset)
        if counted is None:
            return None
        offset, sign = counted, direction * offset.sign
        placed = shifted(anchor.interval, offset, sign, part_of_day(self.text, offset))
        if placed is None:
            return None
        value, interval = placed
        interval = after_or_before(anchor.interval, interval, offset, sign)
        said = event.interval
        if said is not None and event.resolution is not Resolution.RELATIVE \
                and anchor.derived_from is None \
                and not (said.start <= interval.start and interval.end <= said.end) \
                and not (interval.start <= said.start and said.end <= interval.end):
            return None  # the extractor placed it elsewhere, from what it knows of the story
            # (counted from the publication date, it knew nothing of the story's dates, nor
            # of a date derived before it in a chain)
        phrase = self.text[offset.start:offset.end]
        if offset.form is OffsetForm.BEFORE_COMPLEMENT:
            label, label_start = self._label(offset.start, offset.end)
            label, label_start = _from(self.text, label, label_start, offset.start)
        else:
            label, label_start = self._label(offset.start, offset.end)
        derivation = Derivation(anchor.event, anchor.value, offset, sign, phrase)
        return TimelineRow(event, value, interval, label, label_start, derived_from=derivation)

    def _anchor(self, offset: AnchoredOffset, rows: list[TimelineRow]
                ) -> tuple[TimelineRow, int] | None:
        """The row to count from, and which way: +1 counts the offset forwards from it."""
        singles = [row for row in rows if row.partner is None and (
            offset.counts_from is None or (row.derived_from is None
                                           and row.interval.granularity in offset.counts_from))]
        earlier = [row for row in singles if row.event.end <= offset.start]
        later = [row for row in singles if row.event.start >= offset.end]
        nearest_before = max(earlier, key=lambda row: row.event.end, default=None)
        nearest_after = min(later, key=lambda row: row.event.start, default=None)
        if offset.form is OffsetForm.LEFT:
            near = [row for row in (nearest_before, nearest_after) if row is not None]
            best = min(near, key=lambda row: _distance(row, offset), default=None)
            return None if best is None else (best, 1)
        if offset.form is OffsetForm.BEFORE_COMPLEMENT:
            if offset.rounded and nearest_after is not None:
                return None  # "about two weeks after its twin, which left on August 20"
            if nearest_before is not None:
                return nearest_before, -1
            if offset.rounded:
                return None
            if nearest_after is not None:
                between = self.text[offset.end:nearest_after.event.start]
                # "two days before the vote on 12 May": the date is the complement's;
                # "13 days after the bombings, forces on Thursday ...": the main clause's
                return nearest_after, -1 if _CLAUSE_BREAK.search(between) \
                    and not _RELATIVE_CLAUSE.search(between) else 1
            return None  # "a month after X" with X's date in another sentence: whose is it?
        if nearest_before is not None:
            return nearest_before, 1
        last = max((row for row in self.before if row.partner is None and (
            offset.counts_from is None or (row.derived_from is None
                                           and row.interval.granularity in offset.counts_from))),
                   key=lambda row: row.event.end, default=None)
        if last is None and nearest_after is not None and offset.names_unit \
                and _COMPLEMENT_DATE.match(self.text, offset.end):
            # "The committee will vote the day before the plenary session on 15 May": with
            # nothing said before, the day is counted from its complement's date
            return nearest_after, 1
        return None if last is None else (last, 1)


_CLAUSE_BREAK = re.compile(r"[,;:(\u2013\u2014]")
_RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who|that|whose)\b", re.IGNORECASE)
"""A comma that opens a relative clause on the complement ("three months after stage one,
which launches on 1 September"): the date is still the complement's."""
_JOINED_OFFSETS = re.compile(r"\s+(?:the\s+|a\s+|an\s+)?[\w'-]+(?:\s+[\w'-]+)?\s*,?\s+and\s+")
"""What lies between two offsets said of one date ("a day after [the vote] and five days
before ..."): the first's complement, then "and"."""

_COMPLEMENT_DATE = re.compile(r"\s+(?:the|a|an|his|her|its|their)\s+[^,;.]{0,60}?\b(?:on|in)\s+",
                              re.IGNORECASE)
_SAME_DAY = re.compile(
    r"(?:earlier|later)\s+(?:in|on)\s+the\s+day|(?:earlier|later)\s+that\s+day"
    r"|(?:that|the)\s+same\s+day", re.IGNORECASE)
_DAY_OR_FINER = frozenset({Granularity.DAY, Granularity.PART_OF_DAY, Granularity.HOUR,
                           Granularity.MINUTE, Granularity.SECOND})


def _is_same_day(event: Event) -> bool:
    """"Earlier in the day", "that same day": the day of the sentence's other date, which
    the extractor, reading the phrase alone, counted from the publication date."""
    return event.resolution is Resolution.RELATIVE and _SAME_DAY.fullmatch(
        " ".join(event.text.split())) is not None
_ERAS = (Granularity.DECADE, Granularity.CENTURY)


def _generic(text: str, event: Event, sentence: Sentence) -> bool:
    """Dates that make no row: said of no particular time, or eras ("the 1980s")."""
    if event.interval is not None and event.interval.granularity in _ERAS:
        return True
    return event.placed and is_generic(text, event, sentence.start, sentence.end)


def _habits(text: str, events: list[Event]) -> set[str]:
    """The events said of a habit: beside a set ("at 9 a.m. every day"), after a yearly one
    ("Each year, ... on June 1"), or a range with such an end ("from June 1 to November 30
    each year": both ends)."""
    found = {e.id for e in events
             if beside_a_set(text, e, events) or after_a_yearly_set(text, e, events)}
    ordered = sorted((e for e in events if e.placed), key=lambda e: e.start)
    for first, second in pairwise(ordered):
        if (first.id in found) != (second.id in found) and (
                first.range_partner == second.id or bounds(text, first, second)):
            found.update((first.id, second.id))
    return found


_NEAR_UNITS = frozenset({"minute", "hour", "day", "weekday", "week", "month", "decade"})


def _counted_from_publication(event: Event, offset: AnchoredOffset) -> bool:
    """"Seven days later", "a day earlier" with no date near to count from: the extractor
    counted it from the publication date, which is a guess (a story's "later" follows its own
    events, not the day it was printed). No row for it, nor for "a decade earlier"; "a year
    earlier" (the same period last year, in a report) keeps the year the extractor gave it."""
    return event.resolution is Resolution.RELATIVE and offset.unit in _NEAR_UNITS


def _span(row: TimelineRow) -> tuple[int, int]:
    """Where a row's date is said: its offset phrase, or its expression(s)."""
    if row.derived_from is not None:
        return row.derived_from.offset.start, row.derived_from.offset.end
    if row.partner is None:
        return row.event.start, row.event.end
    return min(row.event.start, row.partner.start), max(row.event.end, row.partner.end)


def _distance(row: TimelineRow, offset: AnchoredOffset) -> int:
    if row.event.end <= offset.start:
        return offset.start - row.event.end
    return row.event.start - offset.end


def _from(text: str, label: str, label_start: int, start: int) -> tuple[str, int]:
    """The label cut to begin at `start` ("13 minutes before the term ended")."""
    if label_start <= start < label_start + len(label):
        return label[start - label_start:], start
    return label, label_start
