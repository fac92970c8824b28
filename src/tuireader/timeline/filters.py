"""What looks like a date but is not: modal "may", "second" terms, scores, prices, phone numbers.

Each rule may have a filter that sees the match and the text around it (never document state);
a candidate it rejects is dropped before the longest-match selection, so a shorter reading of the
same words can still win.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tuireader.timeline.fragments import HOUR_WORD, MONTH

SAID_CLOCK = re.compile(
    r"\b(?:(?:1[0-2]|0?[1-9])(?:[:.][0-5]\d)?\s*(?P<meridiem>[ap]\.?m\b|o'clock)|"
    + HOUR_WORD + r"\s+o'clock|(?:half|quarter|five|ten|twenty|twenty[\s-]five)\s+(?:past|to)\s+"
    + HOUR_WORD + r")\b", re.IGNORECASE)
"""A clock time said with its hour: what makes a bare "at nine" later in the sentence a time
("Doors open at 7.30pm, and the band is on at nine"), not an age."""

_SHORT_MONTHS = frozenset(
    ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
)
_MAY_CONTEXT = re.compile(
    r"(?:\b(?:in|of|since|until|till|by|from|to|through|during|between|and|early|late|mid|last|"
    r"next|this|before|after|each|every|for|on|that|or|-)\s+|mid-)$",
    re.IGNORECASE,
)
_YEAR_NOUNS = frozenset(
    [
        "people", "workers", "troops", "jobs", "shares", "cars", "units", "employees", "members",
        "votes", "feet", "meters", "metres", "miles", "tons", "tonnes", "barrels", "acres",
        "points", "yards", "kilometers", "kilometres", "students", "soldiers", "residents",
        "homes", "houses", "deaths", "cases", "pounds", "dollars", "euros", "calories", "words",
        "pages", "copies", "signatures", "delegates", "seats", "rooms", "beds", "patients",
        "victims", "refugees",
    ]
)  # fmt: skip
_NOT_YEAR_BEFORE = re.compile(
    r"\b(?:No\.|number|Flight|flight|Room|room|Route|route|Highway|Interstate|page|Page|Boeing|"
    r"Section|section|Article|article|Chapter|chapter|Clause|clause|Rule|Regulation|"
    r"Airbus|model|Model|code|Code|about|some|nearly|over|than|of|to)\s+$"
)
# A street block, a law named with one: the year names, not dates. (A work's year, "the 2019
# film", is when it came out: a date, as TimeML annotates it.)
_YEAR_IN_NAME = re.compile(
    r"\s+(?:block\b|(?:[A-Z][\w'-]*\s+){1,4}Act\b)"
)
_THAN_AFTER = re.compile(
    r"\s+than\s+(?:usual|normal|normally|typical|typically|in\s+(?:past|previous)\s+years)\b",
    re.IGNORECASE)
_A_BEFORE = re.compile(r"\b(?:a|an)\s+$", re.IGNORECASE)
_PHRASE_ENDS = re.compile(r"\s*(?:[.,;:!?)]|$)|\s+(?:and|or|but|when|in|of)\b"
                          r"|\s+(?:this|next|last)\s+year\b")


def _indefinite_weekday(m: re.Match[str], text: str) -> bool:
    """"started on a Tuesday", "falls on a Thursday this year": an indefinite weekday is no
    particular day (but "a Sunday night memorial service" is a modifier of one)."""
    return (_A_BEFORE.search(text, max(0, m.start() - 4), m.start()) is not None
            and _PHRASE_ENDS.match(text, m.end()) is not None)


_RATE_BEFORE = re.compile(
    r"(?:^|\s)([$\u00a3\u20ac]?\d[\d.,%]*|million|billion|thousand|hundred|dozen|[a-z]{3,}s)\s+$"
)
_NOT_PLURAL = frozenset(
    ["was", "has", "is", "as", "its", "his", "this", "us", "less", "across", "perhaps", "does",
     "unless", "thus", "yes", "plus", "bus", "gas"]
)  # fmt: skip
_PAST_NUMBER = re.compile(
    r"\s*(?:\d|few|several|two|three|four|five|six|seven|eight|nine|ten|decade|year|month|week|"
    r"day)",
    re.IGNORECASE,
)


def is_capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()


def _before(m: re.Match[str], text: str, n: int) -> str:
    return text[max(0, m.start() - n) : m.start()]


def _after(m: re.Match[str], text: str, n: int) -> str:
    return text[m.end() : m.end() + n]


def _month_word_ok(rule: str, m: re.Match[str], text: str) -> bool:
    """Month words must be capitalised; a bare "May"/"March" needs a preposition before it."""
    month = m.group("month")
    if not is_capitalised(month):
        return False
    if rule != "month":
        return True
    if m.group("year") or m.group("deictic") or m.group("modifier") or m.group("range_year"):
        return True
    if month.rstrip(".").lower() in _SHORT_MONTHS:
        return False
    if month in ("May", "MAY", "March", "MARCH") and not (
        _MAY_CONTEXT.search(_before(m, text, 12)) or _month_before_noun(m, text)
    ):
        return False
    # headline capitals: "MAY" in "TALKS MAY RESUME" is rarely the month
    return not (month.isupper() and len(month) > 1)


_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_NOUN_AFTER = re.compile(r"\s+(?!(?:of|on|to|for|against|through|across|from|into|and)\b)[a-z]+\b")


def _month_before_noun(m: re.Match[str], text: str) -> bool:
    """"the March accession", "the May elections": a month naming what follows it (a march
    goes "on" or "to" somewhere, and "the March of Dimes" is a name)."""
    return (_THE_BEFORE.search(_before(m, text, 6)) is not None
            and _NOUN_AFTER.match(text, m.end()) is not None)


def _year_ok(m: re.Match[str], text: str) -> bool:
    """Bare four-digit numbers: not before a counted noun, not in a run of digit groups, not
    part of a name ("the 1900 block", "the 2019 film", "the 1972 Clean Water Act")."""
    after = _after(m, text, 48)
    following = after.split(None, 1)[0].strip(".,;:") if after.strip() else ""
    if following.lower() in _YEAR_NOUNS or _YEAR_IN_NAME.match(after):
        return False
    if m.group("modifier") or m.group("year_kind"):
        return True
    before = _before(m, text, 20)
    # "more than 2000 people" is a count; "no earlier than 2027", "in or about 2018" are times
    if _NOT_YEAR_BEFORE.search(before) and not re.search(
            r"\b(?:of|to|(?:earlier|later|sooner)\s+than|in\s+or\s+about)\s+$", before):
        return False
    # a run of digit groups is a phone or account number
    return not (re.search(r"\d\s$", before) or re.match(r"\s\d", after))


_NAME_NEXT = re.compile(r"\s+([A-Z][a-z]+)")
_DATE_WORDS = frozenset(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
     "Saturday", "Sunday", "Morning", "Afternoon", "Evening", "Night"]
)  # fmt: skip


def _in_a_name(m: re.Match[str], text: str, word_group: str) -> bool:
    """"the Sunday Times", "the Summer Olympics": a capitalised day or season after "the" and
    before another capitalised word names a paper or an event, not a date."""
    if not m.group(word_group)[:1].isupper():
        return False
    if not re.search(r"\b[Tt]he\s+$", text[max(0, m.start(word_group) - 5) : m.start(word_group)]):
        return False
    following = _NAME_NEXT.match(text, m.end(word_group), m.end(word_group) + 24)
    return following is not None and following.group(1) not in _DATE_WORDS


def _season_ok(m: re.Match[str], text: str) -> bool:
    """"fall" and "spring" are verbs unless something marks them as seasons."""
    if _in_a_name(m, text, "season"):
        return False
    season = m.group("season").lower()
    if season not in ("fall", "spring"):
        return True
    if m.group("year"):
        return True
    if not m.group("deictic"):
        return False
    return (m.group("deictic").lower() != "the"
            or not re.match(r"\s+(?:of|in)\b", _after(m, text, 6)))


def _is_rate(before: str) -> bool:
    """"$1.76 a year", "700 seats a week": "a <unit>" after an amount is a rate, not a span."""
    found = _RATE_BEFORE.search(before)
    return found is not None and found.group(1).lower() not in _NOT_PLURAL


def _duration_ok(m: re.Match[str], text: str) -> bool:
    """Not ages ("44-year-old"), "a second term", rates, fractions, or a year as a quantity."""
    unit = m.group("unit").lower()
    quantity = m.group("quantity").lower().strip()
    if m.group("age") or re.match(r"-(?:old|year-old)", _after(m, text, 10)):
        return False
    if quantity in ("a", "an") and unit.startswith(("second", "quarter")):
        return False
    if quantity in ("a", "an", "one") and re.search(r"\b(?:twice|times|once|per)\s+$",
                                                    _before(m, text, 8)):
        return False
    bare = not (m.group("determiner") or m.group("direction") or m.group("relation"))
    if quantity in ("a", "an") and bare and _is_rate(_before(m, text, 24)):
        return False
    if re.fullmatch(r"(?:1[0-9]|20)\d\d", quantity):
        return False
    if m.group("relation") and _THAN_AFTER.match(text, m.end()):
        return False  # "a week earlier than usual": a comparison with a habit, not a point
    if unit.startswith("quarter") and re.match(r"\s+of\b", _after(m, text, 4)):
        return False  # "more than a quarter of the shares"
    return not (unit == "quarters" and "-" in text[m.end("quantity") : m.start("unit")])


def _ref_ok(m: re.Match[str], text: str) -> bool:
    word = re.sub(r"\s+", " ", m.group("phrase").lower())
    after, before = _after(m, text, 14), _before(m, text, 12)
    if word == "the past":
        return not _PAST_NUMBER.match(after)
    if word == "now":
        return not after.startswith("-")
    if word == "soon":
        return not (re.match(r"\s+(?:as|after|afterwards?|thereafter)\b", after)
                    or re.search(r"\bas\s+$", before))
    if word == "current":
        return m.group("phrase").islower() and not (
            re.match(r"[\s-]+(?:account|accounts|affairs|events|ratio|density)\b", after,
                     re.IGNORECASE)
            or re.search(r"\b(?:then|electric|ocean|alternating|direct)\s+$", before,
                         re.IGNORECASE)
        )
    if "future" in word:
        return not re.match(r"\s+of\b", after)  # "the future of our peoples"
    return True


def _titled(rule: str, m: re.Match[str], text: str) -> bool:
    """"60 Minutes", "This Week": a capitalised duration mid-sentence is a programme's name."""
    words = m.group(0).split()
    if len(words) < 2 or not words[-1][:1].isupper() or words[0].isupper():
        return False
    if not all(w[:1].isupper() or w[:1].isdigit() for w in words):
        return False
    before = _before(m, text, 3)
    return not (m.start() == 0 or re.search(r"(?:[.!?]\s+|\n\s*)$", before))


_NAME_BEFORE = re.compile(r"\b[A-Z][A-Za-z]*[ \t]+$")


def _day_word_ok(m: re.Match[str], text: str) -> bool:
    """"USA Today", "VOA Today": a capitalised "Today" right after a capitalised word (no
    punctuation between) is a paper's or a programme's name."""
    word = m.group("day_word")
    return not (word[:1].isupper() and m.start("day_word") == m.start()
                and _NAME_BEFORE.search(_before(m, text, 24)) is not None)


_COMPOUND_AFTER = re.compile(r"-(?!end)[a-z]")


def _quarter_ref_ok(m: re.Match[str], text: str) -> bool:
    """"its quarter-century low", "the quarter-to-quarter comparison": a compound, not a
    quarter of the year ("the quarter-end" still is one)."""
    return _COMPOUND_AFTER.match(text, m.end()) is None


def _set_ok(m: re.Match[str], text: str) -> bool:
    """"14,000 miles per hour", "3% per year": a rate after an amount says how fast or how
    much, not how often something happens ("twice per week" is its own rule)."""
    every = m.group("every")
    return not (every and every.lower() == "per" and _is_rate(_before(m, text, 24)))


_MARKET_BEFORE = re.compile(
    r"(?:[$\u00a3\u20ac\u00a5]|\b(?:shares?|stocks?|index|price[sd]?|pound|sterling|dollar|euro|"
    r"yen|rate|yield|odds|closed|opened|traded|settled|ended|finished|stood|rose|fell|climbed|"
    r"dropped|slipped|gained|lost|jumped|slid|fixed|priced|valued|cents?|pence|p)\b)[^.;]*$",
    re.IGNORECASE)


def _dotted_clock_ok(m: re.Match[str], text: str) -> bool:
    """"At 9.02 on Wednesday" is a time; "the shares closed at 9.02 on Wednesday" a price."""
    return _MARKET_BEFORE.search(_before(m, text, 60)) is None


_STAMP_END = re.compile(r"\s*(?:[\u2014\u2013:-]|$)|\s+[A-Z]")
_DATE_BEFORE = re.compile(r"(?:\b" + MONTH + r"\.?|\b\d{1,2}(?:st|nd|rd|th)?),?\s+\d{4},?\s+$",
                          re.IGNORECASE)


def _clock_stamp_ok(m: re.Match[str], text: str) -> bool:
    """A clock with no "at" is a time when it carries its zone ("Updated 14:32 GMT", "06.00
    BST"), follows a whole date ("12 June 2024, 09:05"), or opens a live blog's entry, at a
    line's start or after "yesterday", before a dash, a colon or the entry's capital ("14:05 The
    minister has arrived"); a bare "10.30" is as often a price or a score."""
    if m.group("zone"):
        return True
    if m.group("sep") != ":":
        return False
    if m.group("line") is not None or m.group("day_word"):
        return _STAMP_END.match(text, m.end()) is not None
    return _DATE_BEFORE.search(_before(m, text, 24)) is not None


def _spoken_year_ok(m: re.Match[str], text: str) -> bool:
    """"Nineteen Eighty-Four": a year spelled out in capitals is a title's name (prose writes
    "nineteen eighty-four", capitalised at most at a sentence's start). "Twenty twenty-two" is
    also a count ("twenty twenty-pound notes"): a year only after a preposition or a comma and
    at its phrase's end."""
    rest = m.group("after_nineteen") or m.group("after_thousand") or m.group("after_twenty") or ""
    if rest[:1].isupper():
        return False
    return not m.group("twenty") or (_SPOKEN_YEAR_LEAD.search(_before(m, text, 10)) is not None
                                     and _SPOKEN_YEAR_END.match(text, m.end()) is not None)


_SPOKEN_YEAR_LEAD = re.compile(r"(?:\b(?:in|of|since|until|till|by|from)\s+|,\s*)$",
                               re.IGNORECASE)
_SPOKEN_YEAR_END = re.compile(r"\s*(?:[,.;:!?)]|$)|\s+(?:and|when|to|at|in|before|after)\b")


def _clock_words_ok(m: re.Match[str], text: str) -> bool:
    """"A quarter to three" is a time after "at", "by", "until"...; "from five to ten" is not.
    "The Ten O'Clock News": a title's capitals name a programme."""
    if re.search(r"O'Clock", m.group(0)):
        return False
    return not m.group("minutes_to") or bool(m.group("lead"))


_SENTENCE_START = re.compile(r"(?:[.!?]\s|\n)(?!.*(?:[.!?]\s|\n))", re.DOTALL)


def clock_said_before(m: re.Match[str], text: str) -> re.Match[str] | None:
    """The last clock time said in the sentence before `m`, if any."""
    start = max(0, m.start() - 200)
    cut = _SENTENCE_START.search(text, start, m.start())
    found = list(SAID_CLOCK.finditer(text, cut.end() if cut else start, m.start()))
    return found[-1] if found else None


_EVERY_YEAR = re.compile(r"\b(?:every|each)\s+year\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")


def _holiday_ok(m: re.Match[str], text: str) -> bool:
    """Holidays are capitalised ("the summer solstice" is a day too); one with no year or
    "last"/"next" in a sentence that says "every year" is said of every year ("Anzac Day
    services are held at dawn every year")."""
    holiday = m.group("holiday")
    if not (is_capitalised(holiday) or holiday.lower().endswith("solstice")):
        return False
    if m.group("year") or m.group("deictic"):
        return True
    cut = _SENTENCE_START.search(text, max(0, m.start() - 200), m.start())
    end = _SENTENCE_END.search(text, m.end())
    sentence = text[cut.end() if cut else max(0, m.start() - 200):end.start() if end else None]
    return _EVERY_YEAR.search(sentence) is None


_COUNT_AFTER = re.compile(r"\s+(?:(?:to|and|or)\s+[\d,]+\s+)?([a-z]+)")


def _old_year_ok(m: re.Match[str], text: str) -> bool:
    """"In 1132" is a year, "in 1200 homes" and "from 1200 to 1500 metres" are counts."""
    counted = _COUNT_AFTER.match(text, m.end())
    return counted is None or counted.group(1).lower() not in _YEAR_NOUNS


_CHANGED_BY = re.compile(
    r"\b(?:r[io]se|fell|fall|grew|grow|increased?|decreased?|cut|reduced?|dropped|climbed|"
    r"jumped|shr[au]nk|slipped|declined?|gained|lost|raised?|lowered?|up|down)\s+by\s+$",
    re.IGNORECASE)


def _numeric_day_ok(m: re.Match[str], text: str) -> bool:
    """"Sales fell by 1/4": after a verb of change, "by" measures a fraction, not a deadline."""
    return _CHANGED_BY.search(text, max(0, m.start("span") - 24), m.start("span")) is None


_FILTERS: dict[str, Callable[[re.Match[str], str], bool]] = {
    "numeric_day": _numeric_day_ok,
    "old_year": _old_year_ok,
    "bare_hour": lambda m, text: clock_said_before(m, text) is not None,
    "clock_words": _clock_words_ok,
    "set": _set_ok,
    "clock_dotted": _dotted_clock_ok,
    "clock_stamp": _clock_stamp_ok,
    "spoken_year": _spoken_year_ok,
    "year": _year_ok,
    "season": _season_ok,
    "duration": lambda m, text: _duration_ok(m, text) and not _titled("duration", m, text),
    "rel_unit": lambda m, text: not _titled("rel_unit", m, text),
    "ref": _ref_ok,
    "day_word": _day_word_ok,
    "quarter_ref": _quarter_ref_ok,
    "weekday": lambda m, text: (is_capitalised(m.group("weekday"))
                                and not _in_a_name(m, text, "weekday")
                                and not _indefinite_weekday(m, text)),
    "holiday": _holiday_ok,
    "noon": lambda m, text: not re.search(r"\bhigh\s+$", _before(m, text, 6), re.IGNORECASE),
    "part_of_day": lambda m, text: not (m.group(0).lower().startswith("the ")
                                        and re.match(r"\s+of\b", _after(m, text, 4))),
}


def plausible(rule: str, m: re.Match[str], text: str) -> bool:
    """Whether a candidate of `rule` can be a temporal expression where it stands."""
    if "month" in m.re.groupindex and m.group("month") and m.group("month")[0].isalpha() and (
        not _month_word_ok(rule, m, text)
    ):
        return False
    check = _FILTERS.get(rule)
    return check is None or check(m, text)
