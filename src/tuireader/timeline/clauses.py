"""A timeline row's label: the clause that carries its event, not the whole paragraph."""

from __future__ import annotations

import re
from itertools import pairwise

SHORT_SENTENCE = 140
"""A sentence this short is its own label."""
MIN_CLAUSE = 45
"""A clause shorter than this ("On 12 March 2021") takes in its neighbours."""

_BREAK = re.compile(r"[;:]\s+|,\s+|\s[-\u2013\u2014]\s|\s*[()]\s*|\u2014")


def clause_around(text: str, sentence_start: int, sentence_end: int, start: int, end: int
                  ) -> tuple[str, int]:
    """(the clause of text[sentence_start:sentence_end] holding [start, end), its offset)."""
    if sentence_end - sentence_start <= SHORT_SENTENCE:
        return text[sentence_start:sentence_end], sentence_start
    cuts = [(sentence_start, sentence_start)]
    cuts += [m.span() for m in _BREAK.finditer(text, sentence_start, sentence_end)
             if not (start < m.end() and m.start() < end)]
    cuts.append((sentence_end, sentence_end))
    segments = [(a[1], b[0]) for a, b in pairwise(cuts) if b[0] > a[1]]
    first = next(i for i, (a, b) in enumerate(segments) if b > start or i == len(segments) - 1)
    last = next((i for i, (a, b) in enumerate(segments) if b >= end), len(segments) - 1)
    last = max(first, last)
    while segments[last][1] - segments[first][0] < MIN_CLAUSE:
        if last + 1 < len(segments):
            last += 1
        elif first > 0:
            first -= 1
        else:
            break
    a, b = segments[first][0], segments[last][1]
    return text[a:b], a
