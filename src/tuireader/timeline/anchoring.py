"""What relative expressions are relative to: the reference date and the tense around them."""

from __future__ import annotations

import re
from datetime import date, datetime
from enum import StrEnum

from tuireader.timeline.calendar_days import days_after


class Tense(StrEnum):
    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"


_FUTURE = re.compile(
    r"\b(?:will|won't|shall|going\s+to|plans?\s+to|(?<!as\s)planned|planning|expects?\s+to|"
    r"expected\s+to|(?<!as\s)scheduled|is\s+to|are\s+to|intends?\s+to|wants?\s+to|would|likely\s+to|"
    r"hopes?\s+to|aims?\s+to|set\s+to|as\s+soon\s+as|upcoming|effective|forecast\s+to|"
    r"predicted\s+to|poised\s+to|slated\s+to|set\s+for|due\s+(?:to|in|on|for)|"
    r"must(?!\s+have)|(?:has|have|needs?)\s+to|(?:is|are)\s+expected)"
    r"\b|'ll\b",
    re.IGNORECASE,
)
_PAST_WORDS = frozenset(
    [
        "was", "were", "had", "did", "said", "told", "ago", "last", "earlier", "yesterday",
        "been", "came", "went", "made", "took", "gave", "met", "left", "began", "won", "lost",
        "saw", "held", "sent", "found", "got", "became", "fell", "rose", "ran", "spoke", "wrote",
        "brought", "bought", "thought", "sought", "fought", "caught", "taught", "struck",
        "stood", "kept", "knew", "grew", "drew", "threw", "flew", "drove", "broke", "chose",
        "stole", "felt", "paid", "sold", "heard", "fled", "swore", "withdrew", "arose",
        "overtook", "undertook", "forgot", "sank", "shot", "led", "built", "spent", "laid",
        "meant", "shook", "slid", "stuck", "swept", "swung", "understood", "hung", "tore",
        "wore", "woke", "swam", "sat", "sang", "rang", "rode", "hid", "dug", "froze", "slept",
        "wept", "shrank", "spun", "sprang", "blew", "dealt", "forgave", "sped", "shone",
    ]
)  # fmt: skip
"""Past forms (besides any word in -ed): irregular verbs and words that place things before."""
_WORD = re.compile(r"\b[a-z]{2,}\b", re.IGNORECASE)
_REPORTING = frozenset({"said", "told"})
"""Reporting verbs say when something was said, not when it happens: they count for less."""
_REPORTING_PENALTY = 40
_PAST_AUX = re.compile(r"\b(?:had\s+been|was|were|had)\s+$", re.IGNORECASE)
_LEAD_FUTURE = re.compile(r"\b(?:by|until|till|through|effective|starting)\s+$",
                          re.IGNORECASE)
_ADJACENT_PAST_BEFORE = re.compile(
    r"\b(said|told|announced|reported|[a-z]{3,}ed|was|were|did)\s+(?:on\s+|late\s+|early\s+)?$",
    re.IGNORECASE,
)
_ADJACENT_PAST_AFTER = re.compile(
    r"(?:'s\b|\u2019s\b|,?\s+(?:said|told|announced|reported|was|were)\b)", re.IGNORECASE
)
_ADJACENT_FUTURE_BEFORE = re.compile(
    r"(?:\b(?:will|would|shall|'ll)\s+(?:\w+\s+)?|\b(?:is|are)\s+(?:now\s+)?(?:at\s+)?"
    r"(?:(?:\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\.?|noon|midnight)\s+(?:[A-Z]\w+\s+time\s+)?)?)"
    r"(?:on\s+)?$",
    re.IGNORECASE)
""""will speak on Friday"; "the deadline is Monday", "the vote is on Friday", "the deadline is
5 p.m. Pacific time Monday": a date that a present "is" gives to something is one ahead (or
today's)."""
_AHEAD_PASSIVE = re.compile(
    r"(?:\b(?:will|shall|to|is|are|am)|'ll)\s+(?:(?:not|be)\s+)?(?:\w+ly\s+)?$", re.IGNORECASE)
_REPORTED_TO = re.compile(
    r"\b(?:told|informed|assured|warned)\s+(?:(?!(?:that|will|would|to)\b)[\w-]+\s+){1,2}"
    r"(?:on\s+|late\s+|early\s+)?$", re.IGNORECASE)
"""A reporting verb and its hearer just before the expression ("told staff on Friday"): the
day it was said."""
_MODAL = re.compile(r"\b(?:will|would|shall|could|should|must|can|may|might|to\s+be)\b|'ll\b",
                    re.IGNORECASE)
_BY = re.compile(r"\bby\s+$", re.IGNORECASE)
_PLUPERFECT = re.compile(r"\b(?:had|was|were|did)\b", re.IGNORECASE)
_LEAD_PAST = re.compile(r"\b(?:since)\s+$", re.IGNORECASE)
_NOT_PAST = frozenset({"need", "speed", "seed", "feed", "red", "bed", "shed", "led", "hundred",
                       "indeed", "based", "proposed", "planned", "scheduled", "expected",
                       "supposed", "interested", "concerned", "related", "united", "limited",
                       "used", "reported", "succeed", "exceed", "proceed", "breed", "bleed",
                       "heed", "greed", "deed", "weed", "embed", "wed"})  # fmt: skip
_SCHEDULE_VERBS = (
    r"meets?|arrives?|begins?|starts?|opens?|resumes?|leaves?|visits?|travels?|"
    r"convenes?|expires?|takes?\s+effect|takes?\s+place|goes|kicks?\s+off|testif(?:y|ies)|"
    r"runs?\s+out|runs|lasts|"
    r"(?:is|are)\s+(?:due|set|slated)|(?:is|are)\s+(?:on\s+)?(?:next|coming\s+up)|"
    r"(?:is|are)\s+(?!being\b)[a-z]{2,}ing"
)
_SCHEDULE = re.compile(r"\b(?:" + _SCHEDULE_VERBS + r")\b", re.IGNORECASE)
"""Simple present that schedules ("the committee meets Thursday", "the law takes effect in
July") and the present progressive of an arrangement ("is closing on Sunday"): in news they
point ahead. Only looked for just before the expression."""
_SCHEDULE_AHEAD = re.compile(
    r"\b(?:" + _SCHEDULE_VERBS + r"|restarts|reopens|reconvenes|takes\s+on|plays|faces|hosts|"
    r"closes|returns|ends|finishes|concludes|wraps\s+up|launches|hears|votes|debates|"
    r"premieres|airs|lands|departs|flies|holds|gathers|sits"
    r"|(?<!\bthe\s)(?<!\ba\s)(?:close|reopen|return|play|face|host|resume|sit|vote))\b",
    re.IGNORECASE,
)
"""For the tense of an expression just after it, more verbs schedule: "the team plays Arsenal
on Sunday", "Parliament returns on Monday", "schools close on Friday" (a plural's verb, not "the
close on Friday"), "the court hears the appeal on Friday". Not for
`schedules`, which also asks it of a passive's verb: "Wimbledon is played in June" is a rule."""
_SCHEDULE_REACH = 40
_ONGOING = frozenset({"runs", "lasts"})
"""Schedule verbs of a period that may be under way ("the fair runs from Monday to Friday"):
the present, whose weekdays are the nearest ones, not the next ("the money runs out at midnight
Saturday" is an end ahead)."""
_NOT_PAST_EED = frozenset(w for w in _NOT_PAST if w.endswith("eed"))
"""Right beside an expression "planned"/"expected" still read as past; "succeed" never does."""
_FUTURE_PASSIVE = re.compile(
    r"\b(?:will|would|shall|could|should|to|'ll)\s+(?:not\s+)?(?:be|have\s+been)\s+"
    r"(?:\w+ly\s+)?$", re.IGNORECASE)
"""A participle after "will be" / "to be" ("will be named in December") is a future, not a past."""


_DETERMINER_BEFORE = re.compile(
    r"\b(?:a|an|the|its|their|his|her|our|this|that|these|those)\s+(?:(?:still|\w+ly)\s+)?$",
    re.IGNORECASE)
"""A word in -ed right after a determiner ("a still undisclosed date", "the injured") is an
adjective, not a past verb."""
_MODAL_BEFORE = re.compile(r"(?:\b(?:will|would|shall|could|should|can|may|might|must|to)"
                           r"|'ll)\s+$", re.IGNORECASE)
_AUX_BEFORE_FUTURE = re.compile(r"\s+(?:" + _FUTURE.pattern + ")", re.IGNORECASE)
""""were planning to", "was expected to": the auxiliary is not a past of its own."""


def has_past_or_future(sentence: str) -> bool:
    """Whether `sentence` has a past form (an irregular one, any word in -ed), a future or a
    plan: it tells of one time, not of what happens as a rule."""
    if _FUTURE.search(sentence):
        return True
    return any(word in _PAST_WORDS or (len(word) >= 4 and word.endswith("ed"))
               for word in (m.group(0).lower() for m in _WORD.finditer(sentence)))


def has_past(sentence: str) -> bool:
    """Whether `sentence` has a past form: an irregular one, or a word in -ed."""
    return any(word in _PAST_WORDS or (len(word) >= 4 and word.endswith("ed")
                                       and word not in _NOT_PAST)
               for word in (m.group(0).lower() for m in _WORD.finditer(sentence)))


def schedules(sentence: str) -> bool:
    """Whether `sentence` has a simple present that schedules ("the committee meets")."""
    return _SCHEDULE.search(sentence) is not None


def tense_near(sentence: str, position: int, end: int | None = None) -> Tense:
    """The tense of the verb closest to `position` in `sentence` (a coarse, cheap guess).

    A verb right beside the expression ("said Friday", "Friday's vote") decides; "by Friday" /
    "until May" look ahead and "since May" looks back unless a pluperfect (before or just
    after: "Until Thursday, they had not ...") says otherwise.
    """
    lead = sentence[max(0, position - 24) : position]
    tail = sentence[end : end + 24] if end is not None else ""
    adjacent = _adjacent_tense(sentence, position, lead, tail)
    if adjacent is not None:
        return adjacent
    if _LEAD_FUTURE.search(lead[-12:]):
        before = sentence[max(0, position - 80) : position]
        after = sentence[end : end + 40] if end is not None else ""
        past = bool(_PLUPERFECT.search(before) or _PLUPERFECT.search(after))
        # "restored power by late Wednesday": a simple past verb before "by" decides
        if not past and _BY.search(lead):
            clause = max(sentence.rfind(",", 0, position), sentence.rfind(";", 0, position)) + 1
            tense, word = _nearest_verb(sentence[clause:position], position - clause)
            past = (tense is Tense.PAST and word not in _REPORTING
                    and not _MODAL.search(sentence, clause, position))
        return Tense.PAST if past else Tense.FUTURE
    if _LEAD_PAST.search(lead[-12:]):
        return Tense.PAST
    return _nearest_verb(sentence, position)[0]


def _adjacent_tense(sentence: str, position: int, lead: str, tail: str) -> Tense | None:
    """The tense a verb right beside the expression gives, if one does: "said Friday",
    "Friday's vote", "will speak on Friday", "told staff on Friday"; a participle after "will be"
    or "to be" ("will be unveiled on Memorial Day") is a future, after "is"/"are" ("is
    scheduled to be arraigned Monday", "are expected on Election Day") an arrangement ahead."""
    adjacent = _ADJACENT_PAST_BEFORE.search(lead)
    if adjacent and adjacent.group(1).lower().endswith("ed"):
        at = position - len(lead) + adjacent.start(1)
        if _AHEAD_PASSIVE.search(sentence, max(0, at - 30), at):
            return Tense.FUTURE
    if (adjacent and adjacent.group(1).lower() not in _NOT_PAST_EED) or _ADJACENT_PAST_AFTER.match(
        tail
    ) or _REPORTED_TO.search(sentence, max(0, position - 40), position):
        return Tense.PAST
    if _ADJACENT_FUTURE_BEFORE.search(lead):
        return Tense.FUTURE
    return None


def _nearest_verb(sentence: str, position: int) -> tuple[Tense, str]:
    """The tense of the verb nearest `position` (a future, a schedule, a past form) and that
    verb; the present and "" when there is none."""
    best: tuple[int, Tense, str] | None = None
    breaks = [b.start() for b in _CLAUSE_JOINT.finditer(sentence)]
    commas = [m.start() for m in _COMMA.finditer(sentence)]
    for m in _FUTURE.finditer(sentence):
        if _PAST_AUX.search(sentence, max(0, m.start() - 14), m.start()):
            continue
        d = abs(m.start() - position) + _across(breaks, m.start(), position, commas)
        if best is None or d < best[0]:
            best = (d, Tense.FUTURE, m.group(0).lower())
    for m in _SCHEDULE_AHEAD.finditer(sentence, max(0, position - _SCHEDULE_REACH),
                                      position):
        if _PLUPERFECT.search(sentence, max(0, m.start() - 25), m.start()):
            continue  # "had been due to expire Friday"
        d = position - m.start()
        if best is None or d < best[0]:
            verb = m.group(0).lower()
            best = (d, Tense.PRESENT if verb in _ONGOING else Tense.FUTURE, verb)
    for m in _WORD.finditer(sentence):
        word = m.group(0).lower()
        if word in _NOT_PAST or not (
            word in _PAST_WORDS or (len(word) >= 4 and word.endswith("ed"))
        ):
            continue
        if best is not None and abs(m.start() - position) >= best[0]:
            continue  # the penalties only add: it cannot be nearer (the checks below cost)
        if word.endswith("ed") and _DETERMINER_BEFORE.search(sentence, max(0, m.start() - 24),
                                                              m.start()):
            continue
        if word in ("was", "were") and _AUX_BEFORE_FUTURE.match(sentence, m.end()):
            continue
        if word.endswith("ed") and _participle_aside(sentence, m.start(), position, commas):
            continue
        if _MODAL_BEFORE.search(sentence, max(0, m.start() - 8), m.start()):
            continue  # "will last", "to last": a verb's plain form, not a past
        d = abs(m.start() - position) + (_REPORTING_PENALTY if word in _REPORTING else 0) \
            + _across(breaks, m.start(), position, commas)
        if best is not None and d >= best[0]:
            continue
        found = Tense.PAST
        if _FUTURE_PASSIVE.search(sentence, max(0, m.start() - 30), m.start()):
            found = Tense.FUTURE
        best = (d, found, word)
    return (Tense.PRESENT, "") if best is None else (best[1], best[2])


_CLAUSE_JOINT = re.compile(
    r",\s+(?:and|but|while|whereas)\s|;\s"
    r"|\s(?:and|but)\s+(?=(?:will|would|shall|is|are|was|were|has|have|had)\s)"
    r"|[,.?!][\'\u2019\"\u201d](?=\s)",
    re.IGNORECASE)
"""Where one clause ends and the next begins: "fired ... on Saturday evening, and a second
burn is planned for Monday", "convicted on Friday and will be sentenced on 14 June" (a new
predicate with its own auxiliary), "'The line will reopen on Monday,' a spokesman told ..."
(the end of a quote)."""
_ACROSS_PENALTY = 120
"""A verb in another coordinated clause than the expression's tells less of its tense."""


_COMMA = re.compile(",")
_COMMA_PENALTY = 20
"""A verb past a comma ("the ban, announced in January, would be lifted") is more likely
another clause's than one in the expression's own stretch of the sentence."""


_ASIDE_OPENING = re.compile(r"\w,\s+(?:\w+ly\s+|first\s+|once\s+)?$")


def _participle_aside(sentence: str, at: int, position: int, commas: list[int]) -> bool:
    """Whether the participle at `at` opens an aside closed before `position` ("The senator,
    first elected in 2012, faces ... in August"): it tells of the subject, not of the main
    clause's time."""
    opening = _ASIDE_OPENING.search(sentence, max(0, at - 16), at)
    if opening is None or "," in sentence[: opening.start() + 1]:
        return False  # only an aside right after the subject, at the sentence's first comma
    return any(at < x < position for x in commas)


def _across(breaks: list[int], one: int, other: int, commas: list[int] | None = None) -> int:
    a, b = (one, other) if one < other else (other, one)
    if any(a < x < b for x in breaks):
        return _ACROSS_PENALTY
    return _COMMA_PENALTY if commas and any(a < x < b for x in commas) else 0


def as_date(reference: date | datetime | None) -> date | None:
    if reference is None:
        return None
    if isinstance(reference, datetime):
        return reference.date()
    return reference


def resolve_weekday(ref: date, weekday: int, direction: int) -> date:
    """The date of `weekday` near `ref`: -1 the last one (not ref), +1 the next one, 0 by tense.

    With direction 0 callers pass the tense result instead; ref itself counts when it is that
    weekday, because news uses the bare weekday for the day it was written.
    """
    delta = weekday - ref.weekday()
    if direction < 0:
        return days_after(ref, delta - 7 if delta >= 0 else delta)
    if direction > 0:
        return days_after(ref, delta + 7 if delta <= 0 else delta)
    return ref


def weekday_by_tense(ref: date, weekday: int, tense: Tense) -> date:
    """A bare weekday: the day written when it is that day, otherwise past or future by tense;
    in the present, the nearest one ("voting runs on Thursday" on a Monday is that week's)."""
    if weekday == ref.weekday():
        return ref
    if tense is Tense.FUTURE:
        return resolve_weekday(ref, weekday, +1)
    if tense is Tense.PRESENT and (weekday - ref.weekday()) % 7 <= 3:
        return resolve_weekday(ref, weekday, +1)
    return resolve_weekday(ref, weekday, -1)
