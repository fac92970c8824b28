"""A month or a season said of every year: "Wildfires are most common in August", "In June,
the jacarandas turn the streets purple", "Hay fever peaks in late spring".

News tells of one June in the past tense ("the plant closed in June"), or of a coming one with
a future, a plan or a schedule ("the trial will open in June", "is due in June", "is
expected in June"). A bare month in a sentence with none of that, in the simple present, is
a habit of the calendar: it names no particular year."""

from __future__ import annotations

import re

from tuireader.timeline.anchoring import has_past_or_future, schedules

_MONTH_OR_SEASON = re.compile(
    r"(?:(?:early|late|mid|in|by)[\s-]+)?(?:the\s+)?(?:early\s+|late\s+)?"
    r"(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|spring|summer|autumn|fall"
    r"|winter)\.?", re.IGNORECASE)
"""A month or a season with no year, day or "this"/"last"/"next" to pin it down."""

_NOT_SIMPLE_PRESENT = re.compile(
    r"\b(?:bought|built|fought|hit|hung|laid|led|lent|meant|paid|put|quit|sank|sat|set|shook"
    r"|shot|shut|slid|spent|split|spread|stuck|swept|swam|swung|tore|understood|woke|won|wore"
    r"|has|have|should|could|might|must|may|can|due|plans?|intends?|hopes?|aims?|wants?"
    r"|expects?|says|this|next|last|coming|ago|yesterday|today|tomorrow|tonight"
    r"|(?:is|are|am)\s+\w+ing|\w+(?:'d|\u2019d|\u2019ll))\b", re.IGNORECASE)
"""Besides the pasts and futures `has_past_or_future` knows: more irregular pasts,
a perfect, a modal, a plan, a deictic: the June of one particular year. ("may" is a verb
here as often as a month; a sentence with it is left alone.)"""
_SCHEDULED = re.compile(
    r"\b(?:launch(?:es)?|ends?|closes?|runs?|returns?|reopens?|takes?\s+place|goes\s+on"
    r"|gets?\s+under\s+way|comes?\s+into\s+force|heads?"
    r"|reports?|publish(?:es)?|releases?|announces?|unveils?|holds?|hosts?|votes?|decides?"
    r"|rules?|debuts?|premieres?|lands?|joins?|takes?\s+office|steps?\s+down|retires?"
    r"|elects?|chooses?|choose|go(?:es)?\s+to\s+the\s+polls)\b",
    re.IGNORECASE)
"""More schedules in the present than `schedules` knows ("the trial opens in June", "the
shipments arrive in June"): "the firm reports in July", "the season ends in May"."""
_HABIT = re.compile(
    r"\b(?:most|many|some)\s+years\b|\busually\b|\boften\b|\btypically\b|\bgenerally"
    r"\b|\btraditionally\b|\balways\b|\bnormally\b", re.IGNORECASE)
"""But "most years the harvest begins in September" is a habit still."""
_NTH = re.compile(
    r"\bthe\s+last\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|day|week|weekend)\b",
    re.IGNORECASE)
""""The last Sunday in October" is a rule of the calendar, not last week's Sunday."""
_NUMBER = re.compile(r"\d")
_PART_OF = re.compile(r"\bof\s+$", re.IGNORECASE)
""""the first week of June", "the end of June": a part of the month, a schedule's."""


def said_of_every_year(text: str, start: int, end: int, sentence_start: int,
                       sentence_end: int) -> bool:
    """Whether the month or season at text[start:end] (not a part of it) is said in a
    sentence in the simple present, with no number in it (a year, a day or a count would tie
    it to a time)."""
    if _MONTH_OR_SEASON.fullmatch(text, start, end) is None or _PART_OF.search(
            text, max(0, start - 4), start) is not None:
        return False
    sentence = _NTH.sub(" ", text[sentence_start:start] + " " + text[end:sentence_end])
    if _NUMBER.search(sentence) is not None or _NUMBER.search(text, start, end) is not None:
        return False
    if _NOT_SIMPLE_PRESENT.search(sentence) is not None or has_past_or_future(sentence):
        return False
    if _HABIT.search(sentence) is not None:
        return True
    return not schedules(sentence) and _SCHEDULED.search(sentence) is None
