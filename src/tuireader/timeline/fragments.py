"""The regex pieces the candidate grammar (`patterns`) is built from: months, weekdays,
quantities, days, years, zones, and where a phrase ends."""

from __future__ import annotations

from tuireader.timeline.lexicon import DAY_ORDINALS, ONES, TENS, TIME_ZONES


def alt(words: list[str] | tuple[str, ...]) -> str:
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


NUM_WORD = (
    "(?:" + alt(list(TENS)) + r"(?:[\s-]" + alt([w for w in ONES if ONES[w] < 10]) + ")?"
    "|" + alt(list(ONES)) + ")"
)
MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|"
    r"Nov\.?|Dec\.?)(?![\w-])"
)
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
QUAL_WORDS = (
    r"(?:nearly|(?:no\s+)?more\s+than|less\s+than|fewer\s+than|at\s+least|up\s+to|"
    r"some|roughly|approximately)"
)
QUALIFIER = r"(?:" + QUAL_WORDS + r"\s+)"
QUANTITY = (
    r"(?:(?:\d+|" + NUM_WORD + r")[\s-]+and[\s-]+a[\s-]+half|"
    r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+|\s+1/2|-1/2)?|" + NUM_WORD + r"|a\s+couple\s+of|"
    r"couple\s+of|a\s+few|few|several|many|a\s+dozen|dozens\s+of|hundreds\s+of|a\s+hundred|"
    r"half\s+an?|a\s+half|a|an|one\s+and\s+a\s+half)"
)
UNIT = r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|" \
    r"decades?|centur(?:y|ies))"
DAY_NUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
DAY_SPELLED = alt([w.replace("-", r"[\s-]") for w in DAY_ORDINALS]) + r"(?=\s+of\s)"
"""A spelled day is said as "the ... of": "the twenty-third of June", "the Fourth of July"."""
PHRASE_END = (r"(?=\s*(?:[,.;:!?)]|$)|\s+(?:to|at|in|when|after|before|as|for|with|but|and|or"
               r")\b)")
"""Where a day that could be another ordinal ends its phrase: "on the fifteenth." and "June
first, 2024" are days; "the first time", "June first-half sales" are not."""
DAY_SPELLED_ALONE = (alt([w.replace("-", r"[\s-]") for w in DAY_ORDINALS]) + r"(?![\w-])"
                      + PHRASE_END)
"""A spelled day after its month or on its own: "June twenty-first", "on the fifteenth"."""
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
DATED_YEAR = r"(?:" + YEAR + r"|1[0-5]\d\d)"
"""A year after a day and a month may be an old one ("26 April 1564"); alone, a number."""
TZ = (
    r"(?:" + "|".join(TIME_ZONES)
    + r"|(?-i:ET|PT|CT|HKT|SGT|MSK|EET|EEST|AEDT|NZST|NZDT)|local\s+time)"
)
"""Short zones ("3:30 p.m. ET") only in capitals, so "et" and "pt" in prose never count."""
APPROX = r"(?:(?:early|late|mid|the\s+middle\s+of|the\s+end\s+of|the\s+beginning\s+of|" \
    r"the\s+start\s+of|the\s+close\s+of|the\s+turn\s+of|end\s+of|mid)[\s-]+)"
PART = r"(?:morning|afternoon|evening|night)"
SHORT_YEAR_END = r"[-\u2013/]\d\d(?![\w%/-]|[.,]\d|\s*(?:percent|%))"
"""The "-20" of "the 2019-20 season", "2008/09": a span of two years with the second cut
short."""


HOUR_WORD = alt([w for w in ONES if ONES[w] <= 12])


OF_YEAR = r"\s+(?:of\s+)?(?P<year_deictic>this|last|next|that|the\s+same)\s+year\b"
"""A day's year said in words: "August 20 of that year", "3 May of last year", "21 July this
year"."""
OF_WEEK = (r"\s+(?:of\s+(?P<week>this|last|next|that|the\s+same|the\s+following|the\s+previous)"
           r"|(?P<bare_week>last|next))\s+week\b")
"""A weekday's week said in words: "Tuesday of last week", "Friday next week"."""
PLURAL_UNIT = r"(?:seconds|minutes|hours|days|weeks|months|years|decades|centuries)"
