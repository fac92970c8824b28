"""The candidate grammar: one compiled regex per expression family, built once at import.

Every pattern is a sequence of bounded alternations of fixed words (no nested repetition), so
matching stays linear in the length of the text.

The named groups are what the filters and normalisers read; the same name means the same thing
in every rule that has it:

- `year`, `month`, `day`: the calendar parts as written ("2022", "Aug.", "31st"); `weekday`
  ("Friday"), `day_word` ("yesterday", "today", "tomorrow", "tonight"), `part` ("morning").
- `deictic`: the word that places the expression from now or from the story ("last", "next",
  "this", "that", "the same", "the following"); `modifier`: "early", "late", "mid", "the end of".
- `unit` ("week", "quarters"), `quantity` ("two", "a few", "2 1/2"), `relation` ("ago",
  "later", "from now", "before"), `determiner` and `adjective` before a quarter or a duration.
- `span`: the part of the match that is the expression when the match carries context too
  ("for" in "for the year", "at" in "at 14:30").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tuireader.timeline.fragments import (
    APPROX,
    DATED_YEAR,
    DAY_NUM,
    DAY_SPELLED,
    DAY_SPELLED_ALONE,
    HOUR_WORD,
    MONTH,
    NUM_WORD,
    OF_WEEK,
    OF_YEAR,
    PART,
    PHRASE_END,
    PLURAL_UNIT,
    QUAL_WORDS,
    QUALIFIER,
    QUANTITY,
    SHORT_YEAR_END,
    TZ,
    UNIT,
    WEEKDAY,
    YEAR,
    alt,
)
from tuireader.timeline.lexicon import DAY_ORDINALS, DECADE_WORDS, ONES


@dataclass(frozen=True, slots=True)
class Rule:
    """A family of expressions; `triggers` are the tokens every match contains ("#4" = a
    four-digit number), so the regex only runs near them."""

    name: str
    regex: re.Pattern[str]
    triggers: frozenset[str]


_MONTH_T = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sept sep oct nov dec"
)
_WEEKDAY_T = "monday tuesday wednesday thursday friday saturday sunday"
_UNIT_T = (
    "second seconds minute minutes hour hours day days week weeks weekend weekends fortnight "
    "fortnights month months quarter quarters year years decade decades century centuries "
    "yearlong daylong weeklong monthlong"
)
_ORDINAL_T = " ".join(sorted({part for w in DAY_ORDINALS for part in w.split("-")}))
_HOUR_T = " ".join(w for w in ONES if ONES[w] <= 12)
_TRIGGERS: dict[str, str] = {
    "iso_date": "#4", "iso_week": "#4", "numeric_date": "#1 #2", "other_numeric": "#1 #2 #4",
    "month_day": _MONTH_T, "day_month": _MONTH_T, "day_continuation": _MONTH_T,
    "day_pair_first": _MONTH_T, "ordinal_day": "#1 #2 month " + _ORDINAL_T,
    "numeric_day": "#1 #2", "month": _MONTH_T, "year": "#4", "year_continuation": "#4",
    "old_year": "#4",
    "spoken_year": "nineteen thousand twenty",
    "decade": "#4 #2 " + " ".join(DECADE_WORDS), "century": "century",
    "quarter": "quarter half", "quarter_ref": "quarter period",
    "quarter_code": "#1 #2 #4", "year_ago_adj": "year", "month_quarter": "quarter",
    "elided_quarter": "first second third fourth",
    "season": "spring summer fall autumn winter", "rel_unit": _UNIT_T, "earlier_in": _UNIT_T,
    "duration": _UNIT_T, "duration_adj": _UNIT_T, "vague_plural": _UNIT_T, "ago_this": "ago",
    "from_day_word": "today tomorrow", "in_time": "time", "after_next": "next last",
    "this_day_in": "day date",
    "opening_units": "ago earlier later",
    "recent_units": _UNIT_T, "vague_span": "while time term", "weekday": _WEEKDAY_T + " ago",
    "day_word": "yesterday today tomorrow tonight",
    "part_of_day": "morning afternoon evening night overnight", "clock": "#1 #2",
    "clock_words": "clock past quarter twenty ten five",
    "bare_hour": "#1 #2 " + _HOUR_T, "clock24": "#1 #2", "clock_dotted": "#2",
    "clock_military": "#4", "clock_stamp": "#1 #2",
    "noon": "noon midnight midday",
    "ref": "now currently nowadays present days recently past future possible date soon current",
    "set": "every each per daily weekly monthly annually yearly hourly nightly biweekly",
    "set_freq": "day week month year",
    "the_unit": "year weekend",
    "day_anaphor": "day morning afternoon evening night", "year_end": "year end month",
    "day_neighbour": "day night week month eve",
    "then": "then",
    "holiday": "christmas new thanksgiving independence halloween valentine boxing labor "
    "memorial easter election good australia anzac solstice", "nth_weekday": _WEEKDAY_T,
    "midweek": "midweek",
}  # fmt: skip


def _rule(name: str, pattern: str) -> Rule:
    return Rule(name, re.compile(pattern, re.IGNORECASE), frozenset(_TRIGGERS[name].split()))


RULES: tuple[Rule, ...] = (
    _rule(
        "iso_date",
        r"(?<![\w/.-])(?P<year>" + YEAR + r")-(?P<month>0[1-9]|1[0-2])-(?P<day>[0-2]\d|3[01])"
        r"(?:[T ](?P<hour>[01]\d|2[0-3]):(?P<minute>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?"
        r"(?:Z|[+-][01]\d:?[0-5]\d)?)?(?![\w/-])",
    ),
    _rule(
        "iso_week",
        r"(?<![\w/.-])(?P<year>" + YEAR + r")-?W(?P<week>0[1-9]|[1-4]\d|5[0-3])(?![\w/-])",
    ),
    _rule(
        "numeric_date",
        r"(?<![\w/.$-])(?P<first>[01]?\d|[23]\d)/(?P<second>[0-3]?\d)/(?P<year>(?:19|20)\d\d|\d\d)(?![\w/])",
    ),
    _rule(
        "numeric_day",
        r"\b(?:on|by|until|till|since|ending|ended|beginning|starting|commencing)\s+(?P<span>"
        r"(?!24/7\b)(?P<first>[12]\d|3[01]|0?[1-9])/"
        r"(?P<second>[12]\d|3[01]|0?[1-9]))(?![\w/%]|[.,]\d|\s*(?:percent|of)\b)",
    ),
    _rule(
        "other_numeric",
        r"(?<![\w/.:$-])(?P<first>\d{1,4})(?P<separator>[./-])(?P<second>\d{1,2})(?P=separator)(?P<third>\d{2,4})"
        r"(?![\w/]|[.:-]\d)",
    ),
    _rule(
        "month_day",
        r"\b(?:(?P<weekday>" + WEEKDAY + r"),?\s+)?(?P<modifier>" + APPROX + r")?(?P<month>"
        + MONTH + r")\s+(?:the\s+(?=\d+(?:st|nd|rd|th)\b|[a-z]))?(?P<day>" + DAY_NUM
        + r"|" + DAY_SPELLED_ALONE + r")(?![\d:,.]\d)\b(?:,?\s+(?P<year>" + DATED_YEAR
        + r")\b|" + OF_YEAR + r"|(?=\s*(?:-|\u2013|and|to|through)\s*" + DAY_NUM
        + r",?\s+(?P<range_year>" + YEAR + r")\b))?",
    ),
    _rule(
        "day_continuation",
        r"\b(?P<month>" + MONTH + r")\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s*(?:-|\u2013|and|"
        r"to|through|or)\s*(?P<span>(?P<day>" + DAY_NUM + r")\b(?![,.]?\d|\s*(?:%|percent|"
        r"people|years|days))(?:,?\s+(?P<year>" + YEAR + r")\b)?)",
    ),
    _rule(
        "day_pair_first",
        r"\b(?P<span>(?P<day>" + DAY_NUM + r"))\s*(?:-|\u2013|and|to|or)\s*" + DAY_NUM
        + r"\s+(?:of\s+)?(?P<month>" + MONTH + r")(?:,?\s+(?P<year>" + YEAR + r")\b)?",
    ),
    _rule(
        "day_month",
        r"\b(?:(?P<weekday>" + WEEKDAY + r"),?\s+)?(?:the\s+)?(?P<day>" + DAY_NUM
        + r"|(?<=\bthe\s)" + DAY_SPELLED + r")\s+(?:of\s+)?(?P<month>" + MONTH
        + r")(?:,?\s+(?P<year>" + DATED_YEAR + r")\b|"
        + OF_YEAR + r")?",
    ),
    _rule(
        "ordinal_day",
        r"\b(?:on|by|until|till|since|from)\s+(?:the\s+" + PART + r"\s+of\s+)?"
        r"(?P<span>(?:(?P<weekday>" + WEEKDAY + r")\s+(?:the\s+)?|the\s+)(?P<day>"
        r"[12]?1st|[12]?2nd|[12]?3rd|(?:[12]?[4-9]|1[0-3]|20|30)th|31st|" + DAY_SPELLED
        + r"|" + DAY_SPELLED_ALONE + r")(?:\s+of\s+(?P<deictic>this|the|"
        r"that|next|last)\s+month)?)(?=\s*(?:[,.;:!?)]|$)|\s+(?:to|at|in|when|after|before|as|for|with|but)\b)",
    ),
    _rule(
        "month",
        r"\b(?:(?P<deictic>last|next|this|this\s+past|that|the\s+same)\s+)?(?P<modifier>"
        + APPROX + r")?(?P<month>" + MONTH
        + r")(?!\.?\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?![,.]?\d))"
        r"(?:,?\s+(?:of\s+)?(?P<year>" + YEAR + r")\b|\s+(?:of\s+)?"
        r"(?P<year_deictic>this|last|next|that|the\s+same)\s+year\b|(?=\s*(?:[-\u2013\u2014]|\s(?:to|until|till|through)\s)\s*(?P<range_month>"
        + MONTH + r")\s+(?P<range_year>" + YEAR + r")\b))?",
    ),
    _rule(
        "year",
        r"(?<![\w$£€#.,:/])(?:(?<=\d{4}-)|(?<!-))(?P<modifier>" + APPROX
        + r"|end-|year[\s-]end\s+|the\s+(?:first|second|last)\s+half\s+of\s+|"
        r"(?:the\s+)?(?:first|second)\s+half\s+of\s+|(?:the\s+)?(?:first|second|third|fourth)\s+"
        r"quarter\s+of\s+)?(?P<year_kind>(?:fiscal|calendar|the\s+year|model\s+year)\s+)?(?P<year>"
        + YEAR + r")(?:(?=" + SHORT_YEAR_END + r")"
        r"|(?![\w%$]|[.,:/]\d|-(?!" + YEAR + r"\b)\d|'s|\s*(?:percent|%)))",
    ),
    _rule(
        "old_year",  # before 1600 a number is as often a count: a year after a preposition
        r"\b(?:in|since|until|till|from|before|after|around|circa)\s+(?P<span>(?P<year>1[0-5]\d\d))"
        r"(?=\s*(?:[,;:!?)]|\.(?!\d)|$)|\s+(?:and|or|but|when|as|after|before|until|to|by|under|"
        r"with|that|which|during|it|he|she|they|the|a|an|in|on|at|from|for)\b)",
    ),
    _rule(
        "year_continuation",
        r"(?:(?<=FY)|(?<![\w$£€#.,:/-]))" + YEAR + r"(?=" + SHORT_YEAR_END
        + r")[-\u2013/](?P<span>"
        r"(?P<short_year>\d\d))",
    ),
    _rule(
        "spoken_year",
        r"\b(?:the\s+year\s+)?(?:(?P<nineteen>nineteen)[\s-](?P<after_nineteen>" + NUM_WORD
        + r")|(?P<two_thousand>two\s+thousand)(?:\s+(?:and\s+)?(?P<after_thousand>" + NUM_WORD
        + r"))?|(?P<twenty>twenty)\s+(?P<after_twenty>" + NUM_WORD + r"))\b",
    ),
    _rule(
        "decade",
        r"\b(?:the\s+)?(?P<modifier>(?:early|late|mid)[\s-]+|(?:the\s+)?(?:first|last|second)\s+"
        r"half\s+of\s+the\s+)?(?:(?P<year>1[0-9]\d0|20\d0)'?s|'(?P<short_year>\d0)'?s|"
        r"(?P<decade_word>" + alt(list(DECADE_WORDS)) + r"))\b",
    ),
    _rule(
        "century",
        r"\b(?:the\s+)?(?:(?P<modifier>early|late|mid)[\s-]+)?(?P<ordinal>\d{1,2}(?:st|nd|rd|th)|"
        r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
        r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|"
        r"twentieth|twenty[\s-]first)[\s-]+century\b",
    ),
    _rule(
        "quarter",
        r"\b(?:(?P<determiner>the|its|their|this\s+year's|last\s+year's|next\s+year's|a)\s+)?"
        r"(?:(?P<adjective>fiscal|calendar|latest|current|year-earlier|year-ago|comparable|same|"
        r"flat|weak|strong|disappointing|(?:19|20)\d\d)\s+){0,2}(?P<ordinal>first|second|third|"
        r"fourth|1st|2nd|3rd|4th|final|back|front)[\s-]+(?P<unit>quarter|half)(?!s)\b(?:\s+of\s+(?:fiscal\s+)?"
        r"(?P<year>" + YEAR + r")|(?P<of_year>\s+of\s+(?:the|this)\s+year\b)"
        r"|\s+of\s+(?P<of_deictic>next|last)\s+year\b)?",
    ),
    _rule(
        "quarter_code",
        r"\b(?:(?P<year_before>" + YEAR + r")\s+)?(?P<letter>Q|H)(?P<number>[1-4])"
        r"(?:\s+(?:of\s+)?(?:FY\s*)?(?P<year_after>" + YEAR + r"|'\d\d)\b"
        r"|\s+FY\s*(?P<fiscal_after>\d\d)\b|(?=\W|$))"
        r"|\bFY\s*(?P<fiscal_year>" + YEAR + r"|\d\d)\b",
    ),
    _rule(
        "quarter_ref",
        r"\b(?P<determiner>the|this|that|its|their|last\s+year's)\s+"
        r"(?:(?P<adjective>latest|current|recent|"
        r"most\s+recent|year-earlier|year-ago|comparable|corresponding|same|just-ended|previous|"
        r"fiscal|"
        r"(?:19|20)\d\d)\s+){0,2}(?P<unit>quarter|period)\b"
        r"(?:\s+(?P<year_ago>last\s+year|a\s+year\s+(?:ago|earlier)))?",
    ),
    _rule(
        "month_quarter",
        r"\b(?P<first>[a-z]{3,9})(?:[\s-]+(?:to|through)[\s-]+|\s*[-\u2013]\s*)(?P<month>[a-z]{3,9})[\s-]+"
        r"quarter\b(?:\s+of\s+(?P<year>" + YEAR + r"))?",
    ),
    _rule(
        "elided_quarter",
        r"\b(?:in|for)\s+the\s+(?P<span>(?P<ordinal>first|second|third|fourth))"
        r"(?=\s*(?:[.,;:!?)]|$))",
    ),
    _rule(
        "year_ago_adj",
        r"\b(?P<adjective>year-earlier|year-ago)\b",
    ),
    _rule(
        "season",
        r"\b(?:(?P<deictic>last|next|this|this\s+past|early|late|mid|the|that|the\s+early|"
        r"the\s+late|early\s+this|late\s+this|late\s+last|early\s+next|the\s+following|"
        r"the\s+next|the\s+previous)[\s-]+)?(?P<season>spring|summer|fall|autumn|winter)\b"
        r"(?:,?\s+(?:of\s+)?(?P<year>" + YEAR
        + r")(?:[-\u2013/](?P<year_end>\d\d(?![\w%])|" + YEAR + r"\b))?"
        r"|\s+(?P<beyond>before\s+last|after\s+next)\b)?",
    ),
    _rule(
        "rel_unit",
        r"\b(?P<modifier>(?:early|late|earlier|later)\s+(?:in\s+)?|"
        r"(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+)?(?P<deictic>last|next|this\s+past|this|the\s+past|"
        r"the\s+last|the\s+coming|the\s+previous|the\s+following|the\s+current|the\s+latest|"
        r"the\s+same|the\s+full|the\s+fiscal|that(?:\s+same)?|the\s+prior|the\s+next)\s+"
        r"(?P<fiscal>(?:fiscal|financial)\s+)?"
        r"(?P<unit>week(?:end)?|month|year|quarter|decade|century)(?![\w-])",
    ),
    _rule(
        "earlier_in",
        r"\b(?P<modifier>earlier|later)\s+in\s+the\s+(?P<unit>week|month|year|day)\b",
    ),
    _rule(
        "duration",
        r"\b(?P<determiner>(?:each\s+of\s+)?(?:" + QUAL_WORDS + r"\s+)?(?:the|these|those|its|"
        r"his|her|their)\s+)?(?P<direction>(?:past|last|next|first|coming|previous|following|final|"
        r"remaining|initial|latest|same|better\s+part\s+of\s+the|other|year-earlier|year-ago)\s+)?"
        r"(?P<quantity>"
        + QUALIFIER + r"?(?:" + QUANTITY + r"\s+(?:to|or)\s+)?" + QUANTITY
        + r")(?:\s+(?:more|additional|full|straight|trading|business|working|"
        r"consecutive))?[\s-]+(?P<unit>" + UNIT + r")(?P<half>\s+and\s+a\s+half)?"
        r"(?P<age>-old|\s+old)?(?:[\s-]+long)?(?:\s+or\s+so)?"
        r"(?P<relation>\s+(?:ago|earlier|later|from\s+now|hence|before|after)\b)?"
        r"(?:\s+or\s+(?:so|more))?\b",
    ),
    _rule(
        "ago_this",
        r"\b(?P<quantity>" + QUANTITY + r")[\s-]+(?P<unit>weeks?|months?|years?|decades?|"
        r"centur(?:y|ies))\s+ago\s+(?:this\s+(?P<named>week(?:end)?|month|year|spring|summer|"
        r"autumn|fall|winter)|(?P<day_word>today|tonight|tomorrow|yesterday))\b",
    ),
    _rule(
        "from_day_word",
        r"\b(?P<quantity>" + QUANTITY + r")[\s-]+(?P<unit>days?|weeks?|fortnights?|months?|years?)"
        r"\s+(?:from\s+)?(?P<day_word>today|tomorrow)\b",
    ),
    _rule(
        "in_time",
        r"\bin\s+(?P<span>(?P<quantity>" + QUANTITY + r")[\s-]+(?P<unit>days?|weeks?|fortnights?"
        r"|months?|years?)(?:'s|'|\u2019s|\u2019)\s+time)\b",
    ),
    _rule(
        "after_next",
        r"\bthe\s+(?P<unit>week(?:end)?|month|year)\s+(?:after\s+next|(?P<before>before)\s+last)\b",
    ),
    _rule(
        "this_day_in",
        r"\bthis\s+(?P<unit>day|date)\s+in\s+(?P<year>" + YEAR + r")\b",
    ),
    _rule(
        "duration_adj",
        r"\b(?P<unit>day|week|month|year|hour)[\s-]?long\b",
    ),
    _rule(
        "vague_plural",
        r"\b(?:for|in|within|over|took|take|takes|after|lasted|last|spent|spend|waited)\s+"
        r"(?P<span>(?P<unit>" + PLURAL_UNIT + r")\b"
        r"(?P<relation>\s+(?:ago|earlier|later))?)",
    ),
    _rule(
        "opening_units",
        r"(?:^|\n|[.!?,;][\"'\u201d]?\s|\b(?:and|but|then|just|only)\s)\s*(?P<span>(?P<unit>"
        + PLURAL_UNIT + r")\s+(?P<relation>ago|earlier|later))\b",
    ),
    _rule(
        "recent_units",
        r"\b(?:the\s+)?(?P<deictic>recent|coming|future|next\s+few|past\s+few|last\s+few|few)\s+"
        r"(?P<unit>days|weeks|months|quarters|years|decades)\b"
        r"|\bthe\s+(?P<unit_ahead>days|weeks|months|years)\s+ahead\b",
    ),
    _rule(
        "vague_span",
        r"\b(?:for|in|over|within)\s+(?P<span>(?:a\s+(?:long\s+|short\s+)?while|some\s+time|"
        r"a\s+long\s+time|the\s+(?:near|short)\s+term))\b(?!-)",
    ),
    _rule(
        "weekday",
        r"\b(?:(?P<weeks_on>a\s+week|a\s+fortnight|two\s+weeks)\s+(?:from|on)\s+|(?P<count>"
        r"two|three|four|five|six|[2-9])\s+(?=\w+days\s+ago\b))?"
        r"(?:(?P<deictic>last|next|this|this\s+past|that|the\s+previous|the\s+following|"
        r"early|late|coming)\s+)?(?P<weekday>" + WEEKDAY + r")(?P<plural>s(?P<ago>\s+ago\b)?)?"
        r"(?:\s+(?P<part>" + PART + r"s?))?\b(?:,?\s+(?P<month>" + MONTH + r")\s+(?P<day>"
        + DAY_NUM + r")\b|" + OF_WEEK
        + r"|\s+(?P<weeks_after>week|fortnight)\b(?!\s+(?:of|in|to|and)\b))?",
    ),
    _rule(
        "day_word",
        r"\b(?:(?P<modifier>early|late|earlier|later)\s+)?"
        r"(?:the\s+day\s+(?P<beyond>before|after)\s+)?"
        r"(?P<day_word>yesterday|today|tomorrow|tonight)(?:\s+(?P<part>" + PART + r"))?\b",
    ),
    _rule(
        "part_of_day",
        r"\b(?:(?:later|earlier)\s+)?(?:(?P<deictic>this|last|that|early\s+this|late\s+last|"
        r"late\s+this|mid)[\s-]+)(?P<part>morning|afternoon|evening|night)\b"
        r"(?:\s+(?P<day_word>yesterday|today|tomorrow)\b)?|\b(?P<overnight>overnight)\b",
    ),
    _rule(
        "clock",
        r"(?<![\d.:$])(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?\s*"
        r"(?P<meridiem>a\.m\.|p\.m\.|a\.m"
        r"(?![a-z])|p\.m(?![a-z])|am\b|pm\b|o'clock\b|in\s+the\s+(?:morning|afternoon|evening))"
        r"(?:\s+(?P<zone>" + TZ + r")(?![a-z]))?(?:,?\s+(?:on\s+)?(?P<day_word>today|tonight|"
        r"tomorrow|yesterday|" + WEEKDAY + r")\b(?!,?\s+(?:\d|" + MONTH + r"))"
        r"|,?\s+(?:on\s+)?(?P<date_month>" + MONTH + r")\s+(?P<date_day>" + DAY_NUM
        + r")\b(?:,?\s+(?P<date_year>" + YEAR + r")\b)?)?",
    ),
    _rule(
        "clock_words",
        r"(?:\b(?P<lead>at|by|until|till|before|after|around|about|from|since|just)\s+)?"
        r"(?P<span>(?:(?P<minutes>(?:a\s+)?quarter|half|twenty[\s-]five|twenty|ten|five|[1-5]?\d)"
        r"(?:\s+minutes?)?\s+(?:past|after)\s+(?P<hour_past>" + HOUR_WORD + r")"
        r"|(?P<minutes_to>(?:a\s+)?quarter|twenty[\s-]five|twenty|ten|five)\s+to\s+(?P<hour_to>"
        + HOUR_WORD + r")|(?P<hour_oclock>" + HOUR_WORD + r")(?=\s+o'clock))(?:\s+o'clock)?\b"
        r"(?:,?\s+(?:on\s+)?(?P<day_word>today|tonight|tomorrow|yesterday|" + WEEKDAY + r")\b)?)",
    ),
    _rule(
        "bare_hour",
        r"\b(?:at|by|until|till|from|before|after|around|about)\s+(?P<span>(?P<hour>1[0-2]|0?[1-9]|"
        + HOUR_WORD + r"))\b" + PHRASE_END,
    ),
    _rule(
        "clock24",
        r"(?:\b(?:at|by|until|till|from|to|before|after|around|about|since|between|(?<=:\d\d\s)and)"
        r"\s+|(?<![\w:.,$])(?=(?:[01]?\d|2[0-3]):[0-5]\d\s+" + TZ + r"(?![a-z])))"
        r"(?P<span>(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?![\d:])(?:\s+(?:hours|hrs)\b)?"
        r"(?:\s+(?P<zone>" + TZ + r")(?![a-z]))?)",
    ),
    _rule(
        "clock_dotted",
        r"\b(?:at|by|until|till|from|before|after|since)\s+(?:(?:around|about|exactly|precisely|"
        r"approximately|roughly)\s+)?(?P<span>(?P<hour>[01]?\d|2[0-3])\.(?P<minute>[0-5]\d))"
        r"(?=\s+(?:(?:on\s+)?(?:this|that|yesterday|tomorrow|" + WEEKDAY + r")\s+(?P<day_part>"
        r"morning|afternoon|evening|night)\b|on\s+(?:the\s+(?P<part>morning|afternoon|evening|"
        r"night)\s+of\b|" + WEEKDAY + r"\b|(?:the\s+)?" + DAY_NUM + r"\s+(?:of\s+)?" + MONTH
        + r"|" + MONTH + r"\s+\d)|(?:yesterday|today|tonight|tomorrow|GMT|BST|UTC)\b"
        r"|local\s+time\b))",
    ),
    _rule(
        "clock_stamp",  # a live blog's "14:05 The minister ...", "Yesterday 18:20:", "06.00 BST"
        r"(?:(?P<line>(?<![^\n])[ \t]*)|(?<![\w.:$\u00a3\u20ac/-]))(?P<span>(?:(?P<day_word>"
        r"yesterday|today)\s+)?(?P<hour>[01]?\d|2[0-3])(?P<sep>[:.])(?P<minute>[0-5]\d)(?!:?\d)"
        r"(?:\s+(?P<zone>" + TZ + r")(?![a-z]))?)(?![.,]\d)",
    ),
    _rule(
        "clock_military",
        r"(?<![\d.,:$])(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)\s*(?:hours\s+|hrs\s+)?"
        r"(?P<zone>GMT|UTC|Zulu)\b",
    ),
    _rule(
        "noon",
        r"\b(?:(?P<past>(?:a\s+)?quarter|half|a|(?:one|two|three|four|five|six|seven|eight|nine|"
        r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
        r"twenty|twenty-five|thirty|[1-5]?\d)(?:\s+minutes?)?)\s+(?:past|after)\s+)?"
        r"(?P<hour_word>noon|midnight|midday)"
        r"(?:\s+(?:on\s+)?(?P<day_word>today|tomorrow|yesterday|" + WEEKDAY + r"))?\b",
    ),
    _rule(
        "ref",
        r"\b(?P<phrase>right\s+now|now|currently|nowadays|at\s+present|these\s+days|"
        r"(?:more\s+|most\s+)?recently|the\s+past|"
        r"the\s+(?:near\s+|distant\s+)?future|as\s+soon\s+as\s+possible|soon|current|"
        r"a\s+later\s+date)\b(?!-)",
    ),
    _rule(
        "set",
        r"\b(?:(?P<every>every|each|per)\s+(?:other\s+)?(?:(?P<quantity>" + QUANTITY + r")\s+)?"
        r"(?P<unit>day|week|month|year|hour|minute|morning|night|evening|afternoon|summer|winter|spring|"
        r"weekend|quarter|" + WEEKDAY + r"|" + MONTH + r")s?|(?P<adverb>daily|weekly|monthly|"
        r"annually|yearly|hourly|nightly|biweekly))\b",
    ),
    _rule(
        "set_freq",
        r"\b(?:twice|times|once)\s+(?P<span>(?:a|per)\s+(?P<unit>day|week|month|year))\b",
    ),
    _rule(
        "the_unit",
        r"\b(?:(?P<preposition>for|over|during|through|throughout|of|in)\s+)?(?P<span>the\s+"
        r"(?:(?P<new>new)\s+|(?:bank\s+holiday|holiday|long)\s+(?=weekend))?(?P<unit>year|weekend))"
        r"\b(?!-|'s|\u2019s|\s+(?:before|earlier|ago|after)\b)",
    ),
    _rule(
        "year_end",
        r"\b(?P<modifier>around\s+)?(?:the\s+)?(?:year[\s-]end|year's\s+end|(?:end|(?:start|"
        r"beginning|middle)(?=\s+of\s+the\s+month))\s+of\s+the\s+(?P<unit>year|month))\b"
        r"(?!\s+of\s|\s+" + YEAR + r"\b)",
    ),
    _rule(
        "day_anaphor",
        r"\b(?:(?P<modifier>earlier|later|early|late)\s+)?"
        r"(?P<deictic>that|the\s+same|that\s+same|the\s+next|the\s+following|the\s+previous|the\s+preceding)\s+(?P<unit>day|morning|afternoon|evening|"
        r"night)\b",
    ),
    _rule(
        "day_neighbour",
        r"\bthe\s+(?:(?P<unit>day|night|week|month)\s+(?P<direction>before|after)"
        r"|(?P<eve>eve)\s+of)"
        r"(?=\s*(?:[,.;:!?)]|$)|\s+(?:the|a|an|his|her|its|their)\s)",
    ),
    _rule("then", r"\b(?:by|until|till)\s+(?P<span>then)\b"),
    _rule(
        "holiday",
        r"\b(?:the\s+(?P<beside>day|night|week)\s+(?P<side>before|after)\s+)?"
        r"(?:(?P<deictic>last|next|this|this\s+past)\s+)?(?P<holiday>Christmas(?:\s+Day|\s+Eve)?|"
        r"New\s+Year's(?:\s+Day|\s+Eve)?|Thanksgiving(?:\s+Day)?|Independence\s+Day|Halloween|"
        r"Valentine's\s+Day|Boxing\s+Day|Labor\s+Day|Memorial\s+Day|Election\s+Day|"
        r"Easter(?:\s+Sunday|\s+Monday)?|Good\s+Friday|Australia\s+Day|Anzac\s+Day|"
        r"(?:India|Pakistan|Mexico|America)(?:'s|\u2019s)\s+Independence\s+Day|"
        r"(?:summer|winter)\s+solstice)(?:,?\s+(?P<year>" + DATED_YEAR + r"))?\b",
    ),
    _rule(
        "midweek",
        r"\b(?:by|at|until|till|from|before|after|around|in)\s+(?P<span>midweek)\b" + PHRASE_END,
    ),
    _rule(
        "nth_weekday",
        r"\bthe\s+(?P<ordinal>first|second|third|fourth|fifth|last)\s+(?P<weekday>" + WEEKDAY
        + r")\s+(?:of|in)\s+(?P<month>" + MONTH + r")(?:,?\s+(?P<year>" + YEAR + r"))?\b",
    ),
)

TRIGGER_WORDS: frozenset[str] = frozenset().union(*(r.triggers for r in RULES))
TOKEN = re.compile(r"\d+|[A-Za-z]{3,}")
"""Words of three letters or more and numbers ("Q3" and "FY22" yield their digits)."""
MARGIN_BEFORE = 64
"""Longest prefix a match may have before its trigger ("each of the more than ...")."""
MARGIN_AFTER = 48
