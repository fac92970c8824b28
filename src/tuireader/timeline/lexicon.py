"""Words news prose uses for time: months, weekdays, numbers, units, seasons, parts of day."""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
}  # fmt: skip

UNITS: dict[str, str] = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "fortnight": "W",
    "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE",
}  # fmt: skip
"""TIMEX3 duration letter for each unit (time units take the `PT` prefix)."""

TIME_UNITS = frozenset({"second", "minute", "hour"})

ONES: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "final": 4, "last": 4,
}  # fmt: skip

_SPELLED_ORDINALS = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth", "twentieth",
]  # fmt: skip
DAY_ORDINALS: dict[str, int] = {
    **{w: i for i, w in enumerate(_SPELLED_ORDINALS, 1)},
    **{f"twenty-{w}": 20 + i for i, w in enumerate(_SPELLED_ORDINALS[:9], 1)},
    "thirtieth": 30, "thirty-first": 31,
}  # fmt: skip
"""A day of the month spelled out ("the twenty-third of June", "the Fourth of July")."""


def day_of_month(word: str) -> int | None:
    """The day a numeral ("4th", "23") or a spelled ordinal ("twenty-third") names."""
    w = re.sub(r"[\s\u2011-]+", "-", word.strip().lower())
    digits = re.match(r"\d+", w)
    return int(digits.group(0)) if digits else DAY_ORDINALS.get(w)


VAGUE_QUANTITIES = frozenset(
    {"a few", "few", "several", "many", "some", "a couple of", "dozens of", "hundreds of",
     "the", "recent", "coming"}
)  # fmt: skip

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}  # fmt: skip

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
    "overnight": "NI",
}  # fmt: skip

INSTRUCTION_VERBS = (
    "leave", "let", "allow", "marinate", "soak", "chill", "refrigerate", "rest", "store", "keep",
    "freeze", "defrost", "thaw", "prove", "cover", "stand", "steep", "dry", "cure", "brine",
    "charge", "place", "put", "pop", "transfer", "set", "sit", "water", "run",
)  # fmt: skip
"""Verbs a recipe or a how-to opens an instruction with ("Leave the dough to rise overnight",
"defrost overnight before use")."""

DECADE_WORDS: dict[str, int] = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
    "seventies": 7, "eighties": 8, "nineties": 9,
}  # fmt: skip

TIME_ZONES = (
    "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "GMT", "UTC", "BST", "CET",
    "CEST", "JST", "IST", "AEST",
)  # fmt: skip


def number_value(word: str) -> int | None:
    """The integer a number word or numeral names ("twenty-five", "13", "a"), or None."""
    w = word.lower().replace("\u2011", "-").strip()
    if not w:
        return None
    if w.replace(",", "").isdigit():
        return int(w.replace(",", ""))
    if w in ("a", "an", "one"):
        return 1
    if w in ("a couple of", "couple of"):
        return 2
    if w == "a dozen":
        return 12
    if w in ("a hundred", "hundred"):
        return 100
    if w in ONES:
        return ONES[w]
    if w in TENS:
        return TENS[w]
    parts = w.replace(" ", "-").split("-")
    if len(parts) == 2 and parts[0] in TENS and parts[1] in ONES and ONES[parts[1]] < 10:
        return TENS[parts[0]] + ONES[parts[1]]
    return None
