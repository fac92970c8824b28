"""Sentence boundaries with offsets, so each event can point back at where it was said."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import pairwise

_BOUNDARY = re.compile(
    r"(?<=[.!?])[\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])|\n[ \t]*\n\s*"
    r"|(?<=[.!?:\"\u201d])[ \t]*\n\s*"
    r"|\n(?=[ \t]*[-*\u2022\u2013\u2014#>])"
)
_ABBREVIATIONS = frozenset(
    [
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "sen", "rep", "gov", "lt", "col",
        "sgt", "capt", "maj", "adm", "cmdr", "no", "vs", "etc", "inc", "corp", "co", "ltd", "jan",
        "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "a.m", "p.m",
        "u.s", "u.k", "u.n", "e.g", "i.e", "mt", "ft", "rev", "fig", "approx", "dept", "est"
    ]
)  # fmt: skip
_LAST_WORD = re.compile(r"([\w.]+)\.[\"'\u201d\u2019)\]]*\s*$")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Sentences (or list items / paragraphs) of `text`, stripped, with their offsets."""
    cuts = [0]
    for m in _BOUNDARY.finditer(text):
        if "\n" not in m.group(0):
            tail = text[max(0, m.start() - 12) : m.start()]
            last = _LAST_WORD.search(tail)
            word = last.group(1) if last else ""
            if word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                # an initial ("J. Smith"), not a day ("on May 1. Two weeks later")
                continue
        cuts.append(m.end())
    cuts.append(len(text))
    out: list[Sentence] = []
    for a, b in pairwise(cuts):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append(Sentence(a, b, text[a:b]))
    return out


def sentence_at(sentences: list[Sentence], starts: list[int], offset: int) -> Sentence | None:
    """The sentence that holds `offset` (`starts` are the sentences' start offsets)."""
    i = bisect_right(starts, offset) - 1
    if i < 0:
        return sentences[0] if sentences else None
    return sentences[i]
