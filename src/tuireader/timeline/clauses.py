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
_STRONG_CUT = re.compile(r"[;:]")
"""A cut after which a new clause begins whatever its first word."""
_CLAUSE_START = re.compile(
    r"(?:and|but|so|or|yet|nor|while|whereas|when|after|before|because|although|though|"
    r"since|until|as|if|once)\b", re.IGNORECASE)
_RELATIVE = re.compile(r"(?:which|who|whom|whose)\b")
_PREDICATE = re.compile(
    r"(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|shall|should|did|"
    r"does|came|took|went|left|began|became|made|said|saw|ran|fell|rose|won|lost|met|held|"
    r"kept|gave|found|told|brought|built|sent|struck|spent|remains|remained|[a-z]{3,}ed)\b")
"""A segment that starts with its verb: its subject is in a segment before ("The launch,
from Launch Complex 39B, came after ...")."""
_ADJUNCT = re.compile(
    r"(?:(?:at|on|in|by|from|with|during|about|around|shortly|just|only|some|nearly|almost|"
    r"early|late|between|through|for|within)\b|\d)", re.IGNORECASE)
"""A segment that starts with a time or place phrase ("shortly after 1:20 a.m."), which
belongs to the clause before it unless a subject follows ("on 16 November, the
observatory ...")."""
_NOT_A_BREAK = re.compile(r",\s+\d{4}\b")
""""Nov. 24, 2021": a comma inside a date."""
ADJUNCT_REACH = 200
"""The longest label an adjunct's clause may take to reach back to its subject and verb."""
PREDICATE_REACH = 100
"""The longest label a verb's clause may take to reach back to its subject (past a long
aside, the verb and its date alone read better than half the sentence)."""

Segments = list[tuple[int, int]]


@lru_cache(maxsize=16)
def _breaks(sentence: str) -> tuple[tuple[int, int], ...]:
    """Where `sentence` may be cut into clauses. Kept: each of the sentence's rows asks, and a
    long sentence holds many rows (finding them again for each made long sentences costly)."""
    return tuple(m.span() for m in _BREAK.finditer(sentence)
                 if not _NOT_A_BREAK.match(sentence, m.start()))


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
    pairs = [(a, b) for a, b in pairwise(cuts) if b[0] > a[1]]
    segments = [(a[1], b[0]) for a, b in pairs]
    strong = [i == 0 or bool(_STRONG_CUT.search(text, a[0], a[1]))
              or bool(_CLAUSE_START.match(text, a[1])) for i, (a, _) in enumerate(pairs)]
    first = next(i for i, (a, b) in enumerate(segments) if b > start or i == len(segments) - 1)
    last = next((i for i, (a, b) in enumerate(segments) if b >= end), len(segments) - 1)
    last = max(first, last)
    first, last = _from_clause_start(text, segments, strong, first, last)
    while segments[last][1] - segments[first][0] < MIN_CLAUSE:
        if last + 1 < len(segments):
            last += 1
        elif first > 0:
            first -= 1
        else:
            break
    a, b = segments[first][0], segments[last][1]
    return text[a:b], a


def _from_clause_start(text: str, segments: Segments, strong: list[bool], first: int,
                       last: int) -> tuple[int, int]:
    """(first, last) widened so that the label starts where its clause does: a segment
    that starts with its verb, or with a time phrase that closes the clause before it,
    reaches back to the clause's start (within a reach); a relative clause takes in a short
    name before it ("Hera, which is scheduled ...")."""
    def starts_with(index: int) -> str:
        return _opening(text, segments, index)

    if _RELATIVE.match(starts_with(first)) and first > 0 and not strong[first]:
        before = segments[first - 1]
        if before[1] - before[0] <= 30 and not _ADJUNCT.match(starts_with(first - 1)):
            return first - 1, last
        return first, last
    if strong[first]:
        return first, last
    if _PREDICATE.match(starts_with(first)):
        reach = PREDICATE_REACH
    elif _ADJUNCT.match(starts_with(first)) and not _followed_by_subject(text, segments,
                                                                       strong, first):
        reach = ADJUNCT_REACH
    else:
        return first, last
    back = max(i for i in range(first + 1) if strong[i])
    ahead = last
    while ahead + 1 < len(segments) and not strong[ahead + 1] and (
            _PREDICATE.match(starts_with(ahead + 1))):
        ahead += 1  # "..., at least between 2017 and 2019, took place": the verb too
    if segments[ahead][1] - segments[back][0] > reach:
        return first, last
    return back, ahead


def _followed_by_subject(text: str, segments: Segments, strong: list[bool],
                         index: int) -> bool:
    """Whether the segment after `index` starts a clause of its own ("the observatory
    beamed ..."), which a time phrase before it opens."""
    if index + 1 >= len(segments) or strong[index + 1]:
        return False
    word = _opening(text, segments, index + 1)
    return not (_PREDICATE.match(word) or _ADJUNCT.match(word))


def _opening(text: str, segments: Segments, index: int) -> str:
    """The first words of segment `index` (enough for the patterns above)."""
    return text[segments[index][0]:segments[index][0] + 40]


_COORDINATE = re.compile(
    r",\s+(?:and|but|while|whereas|yet)\s+|;\s+|,\s+(?=(?:it|he|she|they|we|I)\s+[a-z]+\b)"
    r"|\s+(?:and|but)\s+(?=(?:then\s+|later\s+)?[a-z]{2,}ed\b)", re.IGNORECASE)
"""Where one coordinated clause ends and the next begins (", and", ", but", "; "), also a
comma before a pronoun and its verb ("opened in 1998, it expanded in 2005") and "and" before a
second verb ("diagnosed in the spring and died on 30 May")."""


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
