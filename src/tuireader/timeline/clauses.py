"""A timeline row's label: the clause that carries its event, not the whole paragraph."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

SHORT_SENTENCE = 140
"""A sentence this short is its own label."""
MIN_CLAUSE = 45
"""A clause shorter than this ("On 12 March 2021") takes in its neighbours."""

_BREAK = re.compile(r"[;:]\s+|,\s+|\s[-\u2013\u2014]\s|\s*[()]\s*|\u2014")


@lru_cache(maxsize=16)
def _breaks(sentence: str) -> tuple[tuple[int, int], ...]:
    """Where `sentence` may be cut into clauses. Kept: each of the sentence's rows asks, and a
    long sentence holds many rows (finding them again for each made long sentences costly)."""
    return tuple(m.span() for m in _BREAK.finditer(sentence))


def clause_around(text: str, sentence_start: int, sentence_end: int, start: int, end: int
                  ) -> tuple[str, int]:
    """(the clause of text[sentence_start:sentence_end] holding [start, end), its offset)."""
    if sentence_end - sentence_start <= SHORT_SENTENCE:
        return text[sentence_start:sentence_end], sentence_start
    cuts = [(sentence_start, sentence_start)]
    cuts += [(sentence_start + a, sentence_start + b)
             for a, b in _breaks(text[sentence_start:sentence_end])
             if not (start < sentence_start + b and sentence_start + a < end)]
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


_COORDINATE = re.compile(r",\s+(?:and|but|while|whereas|yet)\s+|;\s+", re.IGNORECASE)
"""Where one coordinated clause ends and the next begins (", and", ", but", "; ")."""


def coordinated_parts(text: str, sentence_start: int, sentence_end: int,
                      spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """For each of the spans (the dates of a sentence's rows), the stretch of the sentence
    that is its own coordinated clause: "Congress directed NASA to build the SLS in 2010"
    and "the agency once hoped to fly it ... in 2017". Only a cut that falls between two
    spans counts, so a sentence with one date, a range or a list of dates sharing one verb
    ("taken in 2011 and in 2021") stays whole; a clause runs from the last cut before its
    first date to the first cut after its last."""
    order = sorted(range(len(spans)), key=lambda i: spans[i])
    groups: list[list[int]] = []
    gaps: list[list[re.Match[str]]] = []
    for i in order:
        if groups:
            a = max(spans[j][1] for j in groups[-1])
            cuts = list(_COORDINATE.finditer(text, a, spans[i][0])) if a <= spans[i][0] else []
            if cuts:
                gaps.append(cuts)
                groups.append([i])
                continue
            groups[-1].append(i)
            continue
        groups.append([i])
    parts = [(sentence_start, sentence_end)] * len(spans)
    for k, group in enumerate(groups):
        start = gaps[k - 1][-1].end() if k > 0 else sentence_start
        end = gaps[k][0].start() if k < len(gaps) else sentence_end
        for i in group:
            parts[i] = (start, end)
    return parts
