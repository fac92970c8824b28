"""A month or a season said of every year: "Wildfires are most common in August", "In June,
the jacarandas turn the streets purple", "Hay fever peaks in late spring".

News tells of one June in the past tense ("the plant closed in June"), or of a coming one with
a future, a plan or a schedule ("the trial will open in June", "is due in June", "is
expected in June"). A bare month in a sentence with none of that, in the simple present, is
a habit of the calendar: it names no particular year."""

from __future__ import annotations

import re

from tuireader.timeline.anchoring import has_past_or_future, schedules
from tuireader.timeline.normalise.holidays import is_holiday_name

_MONTHS_BUT_MAY = (r"january|february|march|april|june|july|august|september|october"
                   r"|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec")
""""May" is a verb as often as a month."""
_MONTH_OR_SEASON = re.compile(
    r"(?:(?:early|late|mid|in|by)[\s-]+)?(?:the\s+)?(?:early\s+|late\s+)?"
    rf"(?:may|{_MONTHS_BUT_MAY}|spring|summer|autumn|fall|winter)\.?", re.IGNORECASE)
"""A month or a season with no year, day or "this"/"last"/"next" to pin it down."""

_NOT_SIMPLE_PRESENT = re.compile(
    r"\b(?:bought|built|fought|hit|hung|laid|led|lent|meant|paid|put|quit|sank|sat|set|shook"
    r"|shot|shut|slid|spent|split|spread|stuck|swept|swam|swung|tore|understood|woke|won|wore"
    r"|has|have|should|could|might|must|(?-i:may)|can|due|plans?|intends?|hopes?|aims?|wants?"
    r"|expects?|says|this|next|last|coming|ago|yesterday|today|tomorrow|tonight"
    r"|(?:is|are|am)\s+\w+ing|\w+(?:'d|\u2019d|\u2019ll))\b", re.IGNORECASE)
"""Besides the pasts and futures `has_past_or_future` knows: more irregular pasts,
a perfect, a modal, a plan, a deictic: the June of one particular year. (The modal "may" is
written in lower case; "May" is the month, as in "from August to May".)"""
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
_NTH_WEEKDAY_OF = re.compile(
    r"\b(?:first|second|third|fourth|fifth|last)\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
    r"\s+(?:of|in)\s+$", re.IGNORECASE)
""""the fourth Thursday of November": the month of a rule of the calendar, said of every
year like the month itself."""
_NTH_WEEKDAY_OF_MONTH = re.compile(
    r"the\s+(?:first|second|third|fourth|fifth|last)\s+[A-Za-z]+day\s+(?:of|in)\s+[A-Za-z]+\.?",
    re.IGNORECASE)
""""Thanksgiving falls on the fourth Thursday of November": the rule's day, each year."""
_IS_DONE = re.compile(r"\b(?:is|are)\s+(?:\w+ly\s+)?(?:[a-z]{3,}ed|run|held|won|sung|done)\b",
                      re.IGNORECASE)
"""A present passive with a rule's day is the rule, even with a schedule's verb ("The Melbourne
Cup is run on the first Tuesday in November"); an active schedule is the next one ("The fair
returns on the second Saturday of September")."""


def said_of_every_year(text: str, start: int, end: int, sentence_start: int,
                       sentence_end: int) -> bool:
    """Whether the month, season or holiday at text[start:end] (not a part of it) is said in a
    sentence in the simple present, with no number in it (a year, a day or a count would tie
    it to a time): "Thanksgiving falls on the fourth Thursday of November"."""
    if (_MONTH_OR_SEASON.fullmatch(text, start, end) is None
            and _NTH_WEEKDAY_OF_MONTH.fullmatch(text, start, end) is None
            and not is_holiday_name(text[start:end])) or (_PART_OF.search(
            text, max(0, start - 4), start) is not None and _NTH_WEEKDAY_OF.search(
            text, max(0, start - 40), start) is None):
        return False
    sentence = _NTH.sub(" ", text[sentence_start:start] + " " + text[end:sentence_end])
    if _NUMBER.search(sentence) is not None or _NUMBER.search(text, start, end) is not None:
        return False
    if not simple_present(sentence):
        return False
    if _HABIT.search(sentence) is not None or (
            _NTH_WEEKDAY_OF_MONTH.fullmatch(text, start, end) is not None
            and _IS_DONE.search(sentence) is not None):
        return True
    return (not schedules(sentence) and _SCHEDULED.search(sentence) is None
            and _DEADLINE.search(sentence) is None)


_DEADLINE = re.compile(r"\b(?:has|have)\s+until\b|\bdeadline\b", re.IGNORECASE)
""""The chancellor has until the autumn statement in November": one deadline, not a rule."""
_PRESENT_PASSIVE = re.compile(r"\b(?:is|are)\s+(?:\w+ly\s+)?(?P<participle>[a-z]{3,}ed)\b",
                              re.IGNORECASE)


_HAVE_NOT_PERFECT = re.compile(
    r"\b(?:has|have)\b(?!\s+(?:not\s+|never\s+|\w+ly\s+)?(?:been|had|\w+ed|\w+en|got|done|made"
    r"|said|seen|come|gone|become|run|won|lost|left|held|kept|put|set|cut|hit|paid|sold"
    r"|built|told|found|brought|bought|taught|thought|fought|spent|sent|begun)\b)",
    re.IGNORECASE)
""""has a population" is a present; "has risen" a perfect."""


_LOOKED_FOR = frozenset({"expected", "anticipated", "predicted", "forecasted", "planned",
                         "scheduled", "awaited"})
""""A decision is expected in January": one decision looked for, not a rule."""


def simple_present(sentence: str) -> bool:
    """Whether `sentence` tells of what happens as a rule: no past, future, plan, perfect,
    modal or deictic. A present passive is present ("Wimbledon is played in June"), unless its
    verb is a schedule's ("the film is released in June": one release)."""
    for m in _PRESENT_PASSIVE.finditer(sentence):
        word = m.group("participle").lower()
        if word in _LOOKED_FOR or any(_SCHEDULED.fullmatch(form) or schedules(form)
                                      for form in (word[:-2] + "s", word[:-2] + "es",
                                                   word[:-1] + "s")):
            return False
    sentence = _HAVE_NOT_PERFECT.sub(" ", _PRESENT_PASSIVE.sub(" is ", sentence))
    return _NOT_SIMPLE_PRESENT.search(sentence) is None and not has_past_or_future(sentence)


_YEAR_OF_RULES = re.compile(
    r"\b(?:tax|financial|fiscal|academic|school|university|church|liturgical)\s+years?\s+"
    r"(?:ends?|begins?|starts?|runs?)\b|\bseasons?\s+(?:runs?|lasts?)\s+from\b", re.IGNORECASE)
"""A kind of year, or a season said as a span of months ("The Premier League season runs from
August to May"): it comes round every year."""
_YEAR_WRITTEN = re.compile(r"\d{4}")


def a_rule_of_the_calendar(text: str, start: int, end: int, sentence_start: int,
                           sentence_end: int) -> bool:
    """"The UK tax year ends on 5 April": a day with no year on which a kind of year (or a
    season) always ends or begins, in the simple present."""
    sentence = _NTH.sub(" ", text[sentence_start:start] + " " + text[end:sentence_end])
    return (_YEAR_OF_RULES.search(sentence) is not None
            and _YEAR_WRITTEN.search(text, sentence_start, sentence_end) is None
            and simple_present(sentence))


_TODAY_OPENS = re.compile(r"\s*,\s+(?:the|a|an|its|their|it|they|there|this|most|many|\w+)\s",
                          re.IGNORECASE)
_STATE = re.compile(r"\b(?:has|have|remains?|employs?|lives?|stands?|houses?)\b(?!\s+\w+ing\b)"
                    r"|\b(?:is|are)\s+(?:home\s+to|one\s+of|among|still|no\s+longer|an?)\b",
                    re.IGNORECASE)
"""A lasting state ("has a population", "is home to"), not where someone is today ("Today,
the prime minister is in Brussels" is the day's)."""


def today_as_nowadays(text: str, start: int, end: int, sentence_start: int,
                      sentence_end: int) -> bool:
    """"Today, the town has a population of 12,000": a sentence that opens with "Today," and
    tells of a state in the simple present is about the present age, not the day."""
    if text[start:end].lower() != "today" or text[sentence_start:start].strip():
        return False
    if _TODAY_OPENS.match(text, end) is None:
        return False
    rest = text[end:sentence_end]
    return _STATE.search(rest) is not None and simple_present(rest)


_RECURRING = re.compile(
    r"\b(?:quarterly|biannually|half-yearly)(?=\s*[,;:)]|\s+(?:on|in|at|from)\b)"
    r"|\btwice\s+a\s+year\b", re.IGNORECASE)
"""Said as an adverb ("paid quarterly, on ..."), not of a thing ("its quarterly dividend")."""
_CLAUSE_OR_SENTENCE = re.compile(r"[;:.!?\u2013\u2014]\s|\n")


def after_a_recurring_word(text: str, start: int, said: str) -> bool:
    """"Interest is paid quarterly, on the last day of March, June ...": months (with no year)
    after a word of recurrence in the same clause are the habit's."""
    if _YEAR_WRITTEN.search(said):
        return False
    before = text[max(0, start - 120):start]
    cut = list(_CLAUSE_OR_SENTENCE.finditer(before))
    clause = before[cut[-1].end():] if cut else before
    return _RECURRING.search(clause) is not None


_A_DAY_SAID = re.compile(
    r"\b(?:today|tonight|tomorrow|yesterday|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
    rf"|{_MONTHS_BUT_MAY}|\d{{1,2}}\s+May|May\s+\d{{1,2}}|morning|afternoon|evening|night|now"
    r"|\d{4})\b", re.IGNORECASE)


_BARE_PLURAL_SUBJECT = re.compile(
    r"\s*(?!(?:This|Its|His|Hers|Theirs|Was|Is|As|Has|Does|Yes|Thus|Less|Unless|News)\b)"
    r"[A-Z][a-z]+s\b"
    r"|\s*The\s+(?:[a-z-]+\s+){0,2}?(?:news|bulletins?|newscasts?)\s+(?:is|are|airs?)\b")
"""A kind of thing ("Markets in Tokyo"), or a bulletin that comes each day ("The lunchtime
news is read at 1pm")."""


def a_time_of_every_day(text: str, start: int, end: int, sentence_start: int,
                        sentence_end: int) -> bool:
    """"Markets in Tokyo open at 9am local time": a clock time with no day in its sentence,
    in the simple present, said of a kind of thing (a bare plural) or of a daily bulletin, is
    the time of a habit ("The match kicks off at 10pm" is one match's)."""
    sentence = text[sentence_start:start] + " " + text[end:sentence_end]
    return ((_BARE_PLURAL_SUBJECT.match(sentence) is not None
             or _hours_kept(text, start, end, sentence))
            and _A_DAY_SAID.search(text, start, end) is None
            and _A_DAY_SAID.search(sentence) is None
            and simple_present(sentence))


_CLOCK = r"\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?)?"
_HOURS_FROM = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)
_HOURS_TO = re.compile(r"\s*(?:to|until|till|and|-|\u2013)\s*" + _CLOCK, re.IGNORECASE)
_HOURS_FROM_TO = re.compile(r"\b(?:from|between)\s+" + _CLOCK
                            + r"\s*(?:to|until|till|and|-|\u2013)\s*$", re.IGNORECASE)


def _hours_kept(text: str, start: int, end: int, sentence: str) -> bool:
    """"The helpline is staffed from 8:00 to 20:00": the span of a day's hours, said in the
    present of no one day or event scheduled, is the hours kept every day (opening hours)."""
    return (((_HOURS_FROM.search(text, max(0, start - 10), start) is not None
             and _HOURS_TO.match(text, end) is not None)
             or _HOURS_FROM_TO.search(text, max(0, start - 30), start) is not None)
            and not schedules(sentence) and _SCHEDULED.search(sentence) is None)


_NAMED_SUBJECT = re.compile(
    r"\s*(?P<name>(?:[A-Z][\w-]*|of)(?:\s+(?:[A-Z][\w-]*|of))*?)"
    r"(?:\s+[a-z][a-z-]*){0,2}?\s+[a-z][a-z-]*[^s\W]s"
    r"\s+(?!(?:the|a|an|of|in|on|at|for|to|and|or|with|by|from|this|that|its|their|his|her)\b)"
    r"[a-z]+\b")
"""A sentence's subject: capitalised words (no possessive: "Monday's talks" are one day's),
then a plural noun and the next word (a verb or an adverb, not a preposition: "Friday marks
the" is a day and its verb)."""
_DAY_OR_MONTH = re.compile(rf"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|{_MONTHS_BUT_MAY})\b",
                           re.IGNORECASE)
_DEICTIC = re.compile(r"\b(?:this|next|last|coming|past)\b|\d{4}", re.IGNORECASE)


def said_of_a_kind(text: str, start: int, end: int, sentence_start: int,
                   sentence_end: int) -> bool:
    """"Boxing Day sales now start before Christmas", "Sunday trading laws restrict ...": a
    subject that is a kind of thing named by a day (a holiday, a weekday, a day of a month), in
    the simple present, tells of every year's: its day, and the sentence's other dates with
    no year, are no date."""
    subject = _NAMED_SUBJECT.match(text, sentence_start, sentence_end)
    if subject is None or _DEICTIC.search(text, start, end) is not None:
        return False
    words = subject.group("name").split()
    if not (_DAY_OR_MONTH.search(subject.group("name"))
            or any(is_holiday_name(" ".join(words[i:])) for i in range(len(words)))):
        return False
    return simple_present(text[sentence_start:start] + " " + text[end:sentence_end])


_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?"
_DAYS_AS_A_WORD = re.compile(rf"{_WEEKDAY}-(?:to-)?{_WEEKDAY}\b", re.IGNORECASE)
""""a Monday-to-Friday job": the days of a kind of week, said as one word."""
_BARE_DAY_RANGE = re.compile(rf"(?<!from\s)(?<!between\s){_WEEKDAY}\s*(?:to|-|\u2013|through)\s*"
                             rf"{_WEEKDAY}\b", re.IGNORECASE)

_OPEN_AS_A_STATE = re.compile(r"\b(?:is|are)\s+(?:open|closed|shut)\b", re.IGNORECASE)
""""is open": a state, not the schedule "opens"."""


def days_of_every_week(text: str, start: int, end: int, sentence_start: int,
                       sentence_end: int) -> bool:
    """"A Monday-to-Friday job", "The unit is open 9-5, Monday to Friday": weekdays said as one
    word, or as a range with no "from" in a simple present that schedules nothing, are the
    days of every week ("The talks run from Monday to Friday" is one week's)."""
    for found in (_DAYS_AS_A_WORD, _BARE_DAY_RANGE):
        for m in found.finditer(text, max(sentence_start, start - 20),
                                min(sentence_end, end + 20)):
            if not (m.start() <= start and end <= m.end()):
                continue
            if found is _DAYS_AS_A_WORD:
                return True
            sentence = _OPEN_AS_A_STATE.sub(
                " is ", text[sentence_start:m.start()] + " " + text[m.end():sentence_end])
            return (simple_present(sentence) and not schedules(sentence)
                    and _SCHEDULED.search(sentence) is None)
    return False


def days_of_every_week_in(text: str, sentence_start: int, sentence_end: int) -> bool:
    """Whether the sentence names days of every week ("The gallery is open Tuesday to
    Sunday"): its hours are every such day's ("10am to 6pm"), not one day's."""
    return any(days_of_every_week(text, m.start(), m.end(), sentence_start, sentence_end)
               for found in (_DAYS_AS_A_WORD, _BARE_DAY_RANGE)
               for m in found.finditer(text, sentence_start, sentence_end))
