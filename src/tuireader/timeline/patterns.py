"""The candidate grammar: one compiled regex per expression family, built once at import.

Every pattern is a sequence of bounded alternations of fixed words (no nested repetition), so
matching stays linear in the length of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tuireader.timeline.lexicon import DECADE_WORDS, ONES, TENS, TIME_ZONES


def _alt(words: list[str] | tuple[str, ...]) -> str:
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


_NUM_WORD = (
    "(?:" + _alt(list(TENS)) + r"(?:[\s-]" + _alt([w for w in ONES if ONES[w] < 10]) + ")?"
    "|" + _alt(list(ONES)) + ")"
)
MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|"
    r"Nov\.?|Dec\.?)(?![\w-])"
)
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_QUAL_WORDS = (
    r"(?:nearly|(?:no\s+)?more\s+than|less\s+than|fewer\s+than|at\s+least|up\s+to|"
    r"some|roughly|approximately)"
)
_QUALIFIER = r"(?:" + _QUAL_WORDS + r"\s+)"
QUANTITY = (
    r"(?:(?:\d+|" + _NUM_WORD + r")[\s-]+and[\s-]+a[\s-]+half|"
    r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+|\s+1/2|-1/2)?|" + _NUM_WORD + r"|a\s+couple\s+of|"
    r"couple\s+of|a\s+few|few|several|many|a\s+dozen|dozens\s+of|hundreds\s+of|a\s+hundred|"
    r"a|an|one\s+and\s+a\s+half)"
)
UNIT = r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|" \
    r"decades?|centur(?:y|ies))"
_DAY_NUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_TZ = (
    r"(?:" + "|".join(TIME_ZONES)
    + r"|(?-i:ET|PT|CT|HKT|SGT|MSK|EET|EEST|AEDT|NZST|NZDT)|local\s+time)"
)
"""Short zones ("3:30 p.m. ET") only in capitals, so "et" and "pt" in prose never count."""
_APPROX = r"(?:(?:early|late|mid|the\s+middle\s+of|the\s+end\s+of|the\s+beginning\s+of|" \
    r"the\s+start\s+of|the\s+close\s+of|the\s+turn\s+of|end\s+of|mid)[\s-]+)"
_PART = r"(?:morning|afternoon|evening|night)"


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
_TRIGGERS: dict[str, str] = {
    "iso_date": "#4", "numeric_date": "#1 #2", "other_numeric": "#1 #2 #4",
    "month_day": _MONTH_T, "day_month": _MONTH_T, "day_continuation": _MONTH_T,
    "day_pair_first": _MONTH_T,
    "month": _MONTH_T, "year": "#4", "spoken_year": "nineteen thousand",
    "decade": "#4 #2 " + " ".join(DECADE_WORDS), "century": "century",
    "quarter": "quarter half", "quarter_ref": "quarter period",
    "quarter_code": "#1 #2 #4", "year_ago_adj": "year",
    "season": "spring summer fall autumn winter", "rel_unit": _UNIT_T, "earlier_in": _UNIT_T,
    "duration": _UNIT_T, "duration_adj": _UNIT_T, "vague_plural": _UNIT_T,
    "recent_units": _UNIT_T, "vague_span": "while time term", "weekday": _WEEKDAY_T,
    "day_word": "yesterday today tomorrow tonight",
    "part_of_day": "morning afternoon evening night overnight", "clock": "#1 #2",
    "clock24": "#1 #2", "clock_military": "#4", "noon": "noon midnight midday",
    "ref": "now currently nowadays present days recently past future possible date soon current",
    "set": "every each per daily weekly monthly annually yearly hourly nightly biweekly",
    "set_freq": "day week month year",
    "the_unit": "year weekend",
    "day_anaphor": "day morning afternoon evening night", "year_end": "year end",
    "holiday": "christmas new thanksgiving independence halloween valentine boxing labor "
    "memorial easter election",
}  # fmt: skip


def _rule(name: str, pattern: str) -> Rule:
    return Rule(name, re.compile(pattern, re.IGNORECASE), frozenset(_TRIGGERS[name].split()))


RULES: tuple[Rule, ...] = (
    _rule(
        "iso_date",
        r"(?<![\w/.-])(?P<y>" + _YEAR + r")-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-2]\d|3[01])"
        r"(?:[T ](?P<h>[01]\d|2[0-3]):(?P<mi>[0-5]\d))?(?![\w/-])",
    ),
    _rule(
        "numeric_date",
        r"(?<![\w/.$-])(?P<a>[01]?\d|[23]\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)\d\d|\d\d)(?![\w/])",
    ),
    _rule(
        "other_numeric",
        r"(?<![\w/.:$-])(?P<a>\d{1,4})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<c>\d{2,4})"
        r"(?![\w/]|[.:-]\d)",
    ),
    _rule(
        "month_day",
        r"\b(?:(?P<wd>" + WEEKDAY + r"),?\s+)?(?P<mod>" + _APPROX + r")?(?P<m>" + MONTH
        + r")\s+(?P<d>" + _DAY_NUM + r")(?![\d:,.]\d)\b(?:,?\s+(?P<y>" + _YEAR + r")\b|(?=\s*(?:-|"
        r"\u2013|and|to|through)\s*" + _DAY_NUM + r",?\s+(?P<ly>" + _YEAR + r")\b))?",
    ),
    _rule(
        "day_continuation",
        r"\b(?P<m>" + MONTH + r")\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s*(?:-|\u2013|and|"
        r"to|through|or)\s*(?P<span>(?P<d>" + _DAY_NUM + r")\b(?![,.]?\d|\s*(?:%|percent|"
        r"people|years|days))(?:,?\s+(?P<y>" + _YEAR + r")\b)?)",
    ),
    _rule(
        "day_pair_first",
        r"\b(?P<span>(?P<d>" + _DAY_NUM + r"))\s*(?:-|\u2013|and|to|or)\s*" + _DAY_NUM
        + r"\s+(?:of\s+)?(?P<m>" + MONTH + r")(?:,?\s+(?P<y>" + _YEAR + r")\b)?",
    ),
    _rule(
        "day_month",
        r"\b(?:(?P<wd>" + WEEKDAY + r"),?\s+)?(?:the\s+)?(?P<d>" + _DAY_NUM
        + r")\s+(?:of\s+)?(?P<m>" + MONTH + r")(?:,?\s+(?P<y>" + _YEAR + r")\b)?",
    ),
    _rule(
        "month",
        r"\b(?:(?P<w>last|next|this|this\s+past|that|the\s+same)\s+)?(?P<mod>" + _APPROX
        + r")?(?P<m>" + MONTH + r")(?!\.?\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?![,.]?\d))"
        r"(?:,?\s+(?:of\s+)?(?P<y>" + _YEAR + r")\b|\s+(?:of\s+)?"
        r"(?P<yw>this|last|next)\s+year\b)?",
    ),
    _rule(
        "year",
        r"(?<![\w$£€#.,:/])(?:(?<=\d{4}-)|(?<!-))(?P<mod>" + _APPROX
        + r"|the\s+(?:first|second|last)\s+half\s+of\s+|"
        r"(?:the\s+)?(?:first|second)\s+half\s+of\s+|(?:the\s+)?(?:first|second|third|fourth)\s+"
        r"quarter\s+of\s+)?(?P<fy>(?:fiscal|calendar|the\s+year|model\s+year)\s+)?(?P<y>"
        + _YEAR + r")(?![\w%$]|[.,:/]\d|-(?!" + _YEAR + r"\b)\d|'s|\s*(?:percent|%))",
    ),
    _rule(
        "spoken_year",
        r"\b(?:the\s+year\s+)?(?:(?P<c>nineteen)[\s-](?P<r>" + _NUM_WORD
        + r")|(?P<k>two\s+thousand)(?:\s+(?:and\s+)?(?P<kr>" + _NUM_WORD + r"))?)\b",
    ),
    _rule(
        "decade",
        r"\b(?:the\s+)?(?P<mod>(?:early|late|mid)[\s-]+|(?:the\s+)?(?:first|last|second)\s+"
        r"half\s+of\s+the\s+)?(?:(?P<y>1[0-9]\d0|20\d0)'?s|'(?P<yy>\d0)'?s|(?P<w>"
        + _alt(list(DECADE_WORDS)) + r"))\b",
    ),
    _rule(
        "century",
        r"\b(?:the\s+)?(?:(?P<mod>early|late|mid)[\s-]+)?(?P<n>\d{1,2}(?:st|nd|rd|th)|"
        r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
        r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|"
        r"twentieth|twenty[\s-]first)[\s-]+century\b",
    ),
    _rule(
        "quarter",
        r"\b(?:(?P<det>the|its|their|this\s+year's|last\s+year's|next\s+year's|a)\s+)?"
        r"(?:(?P<adj>fiscal|calendar|latest|current|year-earlier|year-ago|comparable|same|"
        r"flat|weak|strong|disappointing|(?:19|20)\d\d)\s+){0,2}(?P<o>first|second|third|"
        r"fourth|1st|2nd|3rd|4th|final)[\s-]+(?P<u>quarter|half)(?!s)\b(?:\s+of\s+(?:fiscal\s+)?"
        r"(?P<y>" + _YEAR + r"))?",
    ),
    _rule(
        "quarter_code",
        r"\b(?:(?P<y1>" + _YEAR + r")\s+)?(?P<l>Q|H)(?P<n>[1-4])(?:\s+(?:of\s+)?(?:FY\s*)?(?P<y2>"
        + _YEAR + r"|'\d\d)\b|(?=\W|$))|\bFY\s*(?P<fy>" + _YEAR + r"|\d\d)\b",
    ),
    _rule(
        "quarter_ref",
        r"\b(?P<det>the|this|that|its|their|last\s+year's)\s+(?:(?P<adj>latest|current|recent|"
        r"most\s+recent|year-earlier|year-ago|comparable|corresponding|same|just-ended|previous|"
        r"fiscal|"
        r"(?:19|20)\d\d)\s+){0,2}(?P<u>quarter|period)\b(?:\s+(?P<ly>last\s+year|a\s+year\s+(?:ago|"
        r"earlier)))?",
    ),
    _rule(
        "year_ago_adj",
        r"\b(?P<a>year-earlier|year-ago)\b",
    ),
    _rule(
        "season",
        r"\b(?:(?P<w>last|next|this|this\s+past|early|late|mid|the|that|the\s+early|the\s+late|"
        r"early\s+this|late\s+this|late\s+last|early\s+next)[\s-]+)?"
        r"(?P<s>spring|summer|fall|autumn|winter)\b(?:,?\s+(?:of\s+)?(?P<y>" + _YEAR + r"))?",
    ),
    _rule(
        "rel_unit",
        r"\b(?P<mod>(?:early|late|earlier|later)\s+(?:in\s+)?|(?:the\s+)?(?:end|beginning|start|middle)"
        r"\s+of\s+)?(?P<w>last|next|this\s+past|this|the\s+past|"
        r"the\s+last|the\s+coming|the\s+previous|the\s+following|the\s+current|the\s+latest|"
        r"the\s+same|the\s+full|the\s+fiscal|that|the\s+prior|the\s+next)\s+(?P<f>fiscal\s+)?"
        r"(?P<u>week(?:end)?|month|year|quarter|decade|century)(?![\w-])",
    ),
    _rule(
        "earlier_in",
        r"\b(?P<mod>earlier|later)\s+in\s+the\s+(?P<u>week|month|year|day)\b",
    ),
    _rule(
        "duration",
        r"\b(?P<pre>(?:each\s+of\s+)?(?:" + _QUAL_WORDS + r"\s+)?(?:the|these|those|its|"
        r"his|her|their)\s+)?(?P<dir>(?:past|last|next|first|coming|previous|following|final|"
        r"remaining|initial|latest|same|better\s+part\s+of\s+the|other|year-earlier|year-ago)\s+)?"
        r"(?P<q>"
        + _QUALIFIER + r"?(?:" + QUANTITY + r"\s+(?:to|or)\s+)?" + QUANTITY
        + r")(?:\s+(?:more|additional|full|straight|trading|business|working|"
        r"consecutive))?[\s-]+(?P<u>" + UNIT + r")(?P<half>\s+and\s+a\s+half)?(?P<old>-old|\s+old)?"
        r"(?:[\s-]+long)?(?:\s+or\s+so)?(?P<rel>\s+(?:ago|earlier|later|from\s+now|hence|before|"
        r"after)\b)?(?:\s+or\s+(?:so|more))?\b",
    ),
    _rule(
        "duration_adj",
        r"\b(?P<u>day|week|month|year|hour)[\s-]?long\b",
    ),
    _rule(
        "vague_plural",
        r"\b(?:for|in|within|over|took|take|takes|after|lasted|last|spent|spend|waited)\s+"
        r"(?P<span>(?P<u>seconds|minutes|hours|days|weeks|months|years|decades|centuries)\b"
        r"(?P<rel>\s+(?:ago|earlier|later))?)",
    ),
    _rule(
        "recent_units",
        r"\b(?:the\s+)?(?P<w>recent|coming|future|next\s+few|past\s+few|last\s+few|few)\s+"
        r"(?P<u>days|weeks|months|quarters|years|decades)\b|\bthe\s+(?P<ahead>days|weeks|months|"
        r"years)\s+ahead\b",
    ),
    _rule(
        "vague_span",
        r"\b(?:for|in|over|within)\s+(?P<span>(?:a\s+(?:long\s+|short\s+)?while|some\s+time|"
        r"a\s+long\s+time|the\s+(?:near|short)\s+term))\b(?!-)",
    ),
    _rule(
        "weekday",
        r"\b(?:(?P<w>last|next|this|this\s+past|that|the\s+previous|the\s+following|"
        r"early|late|coming)\s+)?(?P<d>" + WEEKDAY + r")(?P<pl>s)?(?:\s+(?P<p>" + _PART
        + r"s?))?\b(?:,?\s+(?P<m>" + MONTH + r")\s+(?P<dn>" + _DAY_NUM + r")\b)?",
    ),
    _rule(
        "day_word",
        r"\b(?:(?P<mod>early|late|earlier|later)\s+)?(?P<d>yesterday|today|tomorrow|tonight)"
        r"(?:\s+(?P<p>" + _PART + r"))?\b",
    ),
    _rule(
        "part_of_day",
        r"\b(?:(?:later|earlier)\s+)?(?:(?P<w>this|last|that|early\s+this|late\s+last|"
        r"late\s+this|mid)[\s-]+)(?P<p>morning|afternoon|evening|night)\b(?:\s+(?P<day>yesterday|"
        r"today|tomorrow)\b)?|\b(?P<o>overnight)\b",
    ),
    _rule(
        "clock",
        r"(?<![\d.:$])(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.|p\.m\.|a\.m"
        r"(?![a-z])|p\.m(?![a-z])|am\b|pm\b|o'clock\b|in\s+the\s+(?:morning|afternoon|evening))"
        r"(?:\s+(?P<tz>" + _TZ + r")(?![a-z]))?(?:,?\s+(?:on\s+)?(?P<day>today|tonight|"
        r"tomorrow|yesterday|" + WEEKDAY + r")\b|,?\s+(?:on\s+)?(?P<cm>" + MONTH + r")\s+(?P<cd>"
        + _DAY_NUM + r")\b(?:,?\s+(?P<cy>" + _YEAR + r")\b)?)?",
    ),
    _rule(
        "clock24",
        r"\b(?:at|by|until|till|from|to|before|after|around|about|since)\s+(?P<span>(?P<h>[01]?\d|"
        r"2[0-3]):(?P<mi>[0-5]\d)(?![\d:])(?:\s+(?:hours|hrs)\b)?(?:\s+(?P<tz>" + _TZ
        + r")(?![a-z]))?)",
    ),
    _rule(
        "clock_military",
        r"(?<![\d.,:$])(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s*(?:hours\s+|hrs\s+)?(?P<tz>GMT|UTC|"
        r"Zulu)\b",
    ),
    _rule(
        "noon",
        r"\b(?P<n>noon|midnight|midday)(?:\s+(?:on\s+)?(?P<day>today|tomorrow|yesterday|"
        + WEEKDAY + r"))?\b",
    ),
    _rule(
        "ref",
        r"\b(?P<r>right\s+now|now|currently|nowadays|at\s+present|these\s+days|"
        r"(?:more\s+|most\s+)?recently|the\s+past|"
        r"the\s+(?:near\s+|distant\s+)?future|as\s+soon\s+as\s+possible|soon|current|"
        r"a\s+later\s+date)\b(?!-)",
    ),
    _rule(
        "set",
        r"\b(?:(?P<e>every|each|per)\s+(?:other\s+)?(?:(?P<q>" + QUANTITY + r")\s+)?(?P<u>"
        r"day|week|month|year|hour|minute|morning|night|evening|afternoon|summer|winter|spring|"
        r"weekend|quarter|" + WEEKDAY + r"|" + MONTH + r")s?|(?P<adv>daily|weekly|monthly|"
        r"annually|yearly|hourly|nightly|biweekly))\b",
    ),
    _rule(
        "set_freq",
        r"\b(?:twice|times|once)\s+(?P<span>(?:a|per)\s+(?P<u>day|week|month|year))\b",
    ),
    _rule(
        "the_unit",
        r"\b(?:(?P<lead>for|over|during|through|throughout|of|in)\s+)?(?P<span>the\s+"
        r"(?P<u>year|weekend))\b(?!-|\s+(?:before|earlier|ago|after)\b)",
    ),
    _rule(
        "year_end",
        r"\b(?P<mod>around\s+)?(?:the\s+)?(?:year[\s-]end|year's\s+end|end\s+of\s+the\s+"
        r"(?P<u>year|month))\b",
    ),
    _rule(
        "day_anaphor",
        r"\b(?:(?P<mod>earlier|later|early|late)\s+)?(?P<w>that|the\s+same|that\s+same|the\s+next|"
        r"the\s+following|the\s+previous|the\s+preceding)\s+(?P<u>day|morning|afternoon|evening|"
        r"night)\b",
    ),
    _rule(
        "holiday",
        r"\b(?:(?P<w>last|next|this|this\s+past)\s+)?(?P<h>Christmas(?:\s+Day|\s+Eve)?|"
        r"New\s+Year's(?:\s+Day|\s+Eve)?|Thanksgiving(?:\s+Day)?|Independence\s+Day|Halloween|"
        r"Valentine's\s+Day|Boxing\s+Day|Labor\s+Day|Memorial\s+Day|Election\s+Day|"
        r"Easter(?:\s+Sunday)?)(?:,?\s+(?P<y>" + _YEAR + r"))?\b",
    ),
)

TRIGGER_WORDS: frozenset[str] = frozenset().union(*(r.triggers for r in RULES))
TOKEN = re.compile(r"\d+|[A-Za-z]{3,}")
"""Words of three letters or more and numbers ("Q3" and "FY22" yield their digits)."""
MARGIN_BEFORE = 64
"""Longest prefix a match may have before its trigger ("each of the more than ...")."""
MARGIN_AFTER = 48
