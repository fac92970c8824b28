"""Finding a note's passage again after the article file changed (pure functions).

Order of attempts: the recorded offsets (exact); the quote elsewhere, the occurrence whose
context matches best and lies nearest the old offset (moved); an approximate match of the
quote, seeded by exact pieces of it so it stays fast on a 1 MB text (fuzzy); else orphaned.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from enum import StrEnum

from tuireader.store.notes import NoteAnchor

FUZZY_THRESHOLD = 0.75
"""Least similarity (difflib ratio) between the old quote and the new passage."""
MAX_OCCURRENCES = 10_000
"""Occurrences of the quote considered when it appears many times."""
MAX_FUZZY_QUOTE = 600
"""Longer quotes are matched on their first and last parts only, to bound the time."""
MAX_CANDIDATES = 8
MAX_SEED_HITS = 50
LOCAL_WINDOW = 8_192
"""Characters either side of the old offset searched for pieces too common to search all."""
SHORT_QUOTE = 24
"""A fuzzy match of a quote shorter than this needs some of its old context around it."""


class AnchorStatus(StrEnum):
    EXACT = "exact"
    """The quote is still at its recorded offsets."""
    MOVED = "moved"
    """The same quote, found elsewhere (text inserted or removed before it)."""
    FUZZY = "fuzzy"
    """A passage similar to the quote (it was edited slightly)."""
    ORPHANED = "orphaned"
    """The passage is gone; the note is kept and shown on its own."""


@dataclass(frozen=True, slots=True)
class Located:
    start: int
    end: int
    status: AnchorStatus

    @property
    def found(self) -> bool:
        return self.status is not AnchorStatus.ORPHANED


def locate(anchor: NoteAnchor, text: str) -> Located:
    """Where `anchor`'s passage is in `text` now (offsets into `text`)."""
    quote = anchor.quote
    if not quote:
        return _locate_by_context(anchor, text)
    if text[anchor.start : anchor.end] == quote and anchor.end - anchor.start == len(quote):
        return Located(anchor.start, anchor.end, AnchorStatus.EXACT)
    moved = _find_exact(anchor, text)
    if moved is not None:
        return Located(moved, moved + len(quote), AnchorStatus.MOVED)
    fuzzy = _find_fuzzy(anchor, text)
    if fuzzy is not None:
        return Located(fuzzy[0], fuzzy[1], AnchorStatus.FUZZY)
    point = min(anchor.start, len(text))
    return Located(point, point, AnchorStatus.ORPHANED)


def context_score(anchor: NoteAnchor, text: str, start: int, end: int) -> int:
    """How many characters of the old prefix and suffix still surround `text[start:end]`."""
    before = text[max(0, start - len(anchor.prefix)) : start]
    after = text[end : end + len(anchor.suffix)]
    return _common_suffix(anchor.prefix, before) + _common_prefix(anchor.suffix, after)


def _find_exact(anchor: NoteAnchor, text: str) -> int | None:
    quote = anchor.quote
    best: tuple[int, int] | None = None
    best_start: int | None = None
    position = text.find(quote)
    seen = 0
    while position != -1 and seen < MAX_OCCURRENCES:
        key = (
            -context_score(anchor, text, position, position + len(quote)),
            abs(position - anchor.start),
        )
        if best is None or key < best:
            best, best_start = key, position
        seen += 1
        position = text.find(quote, position + 1)
    return best_start


def _locate_by_context(anchor: NoteAnchor, text: str) -> Located:
    """An empty quote (a point) is found by its surrounding text alone."""
    joined = anchor.prefix + anchor.suffix
    if joined:
        position = text.find(joined)
        if position != -1:
            point = position + len(anchor.prefix)
            status = AnchorStatus.EXACT if point == anchor.start else AnchorStatus.MOVED
            return Located(point, point, status)
    point = min(anchor.start, len(text))
    return Located(point, point, AnchorStatus.ORPHANED)


def _seeds(quote: str) -> list[tuple[int, str]]:
    """Exact pieces of the quote (offset, piece) to look for: any that survived the edit
    vote for where the passage starts now."""
    size = max(4, min(16, len(quote) // 6))
    if len(quote) <= size:
        return [(0, quote)]
    offsets = list(range(0, len(quote) - size + 1, size))
    if offsets[-1] != len(quote) - size:
        offsets.append(len(quote) - size)
    if len(offsets) > 64:  # long quotes: a spread of 64 pieces is plenty of votes
        step = len(offsets) / 64
        offsets = [offsets[int(i * step)] for i in range(64)]
    return [(offset, quote[offset : offset + size]) for offset in offsets]


def _candidates(anchor: NoteAnchor, text: str) -> list[int]:
    """Likely new start positions, most votes first, ties nearest the old offset."""
    quote = anchor.quote
    votes: dict[int, int] = {}
    bucket = max(8, len(quote) // 4)
    local_lo = max(0, anchor.start - LOCAL_WINDOW)
    local_hi = anchor.end + LOCAL_WINDOW
    for offset, piece in _seeds(quote):
        hits = _occurrences(text, piece, 0, len(text), MAX_SEED_HITS)
        if len(hits) >= MAX_SEED_HITS:  # a common piece: only trust it near the old place
            hits = _occurrences(text, piece, local_lo, local_hi, MAX_SEED_HITS)
        for position in hits:
            guess = max(0, position - offset)
            votes[guess // bucket] = votes.get(guess // bucket, 0) + 1
    ranked = sorted(votes, key=lambda b: (-votes[b], abs(b * bucket - anchor.start)))
    return [b * bucket for b in ranked[:MAX_CANDIDATES]]


def _occurrences(text: str, piece: str, lo: int, hi: int, limit: int) -> list[int]:
    found: list[int] = []
    position = text.find(piece, lo, hi)
    while position != -1 and len(found) < limit:
        found.append(position)
        position = text.find(piece, position + 1, hi)
    return found


def _find_fuzzy(anchor: NoteAnchor, text: str) -> tuple[int, int] | None:
    quote = anchor.quote
    if len(quote) > MAX_FUZZY_QUOTE:
        return _find_fuzzy_long(anchor, text)
    best: tuple[float, int, int] | None = None
    slack = max(16, len(quote) // 2)
    for guess in _candidates(anchor, text):
        lo = max(0, guess - slack)
        hi = min(len(text), guess + len(quote) + 2 * slack)
        span = _align(quote, text, lo, hi)
        if span is None:
            continue
        start, end, matched = span
        start, end = _extend_to_context(anchor, text, start, end)
        ratio = 2 * matched / (len(quote) + end - start)
        context = context_score(anchor, text, start, end)
        score = ratio + context / 1000
        if len(quote) < SHORT_QUOTE and context < 8:
            continue
        if ratio >= FUZZY_THRESHOLD and (best is None or score > best[0]):
            best = (score, start, end)
    return None if best is None else (best[1], best[2])


def _align(quote: str, text: str, lo: int, hi: int) -> tuple[int, int, int] | None:
    """The part of `text[lo:hi]` that lines up with `quote`, ignoring stray short matches
    at either edge, and how many characters of it match the quote."""
    matcher = difflib.SequenceMatcher(None, quote, text[lo:hi], autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if not blocks:
        return None
    solid = [b for b in blocks if b.size >= 3] or blocks
    first, last = solid[0], solid[-1]
    head_missing = first.a
    tail_missing = len(quote) - (last.a + last.size)
    # A few unmatched characters at an edge are an edited edge: keep them in the span.
    start = lo + first.b - (head_missing if head_missing <= 3 else 0)
    end = lo + last.b + last.size + (tail_missing if tail_missing <= 3 else 0)
    start, end = max(lo, start), min(hi, end)
    matched = sum(b.size for b in blocks if start <= lo + b.b and lo + b.b + b.size <= end)
    return (start, end, matched) if end > start else None


def _extend_to_context(anchor: NoteAnchor, text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a fuzzy span to where the old prefix ends and the old suffix begins, when they
    are close by: an edited first or last word then stays inside the passage."""
    reach = max(16, len(anchor.quote) // 2)
    suffix_head = anchor.suffix[:8].rstrip() or anchor.suffix[:8]
    if suffix_head:
        position = text.find(suffix_head, end, end + reach + len(suffix_head))
        if position != -1:
            end = position
    prefix_tail = anchor.prefix[-8:].lstrip() or anchor.prefix[-8:]
    if prefix_tail:
        position = text.rfind(prefix_tail, max(0, start - reach - len(prefix_tail)), start)
        if position != -1:
            start = position + len(prefix_tail)
    return start, end


def _find_fuzzy_long(anchor: NoteAnchor, text: str) -> tuple[int, int] | None:
    """A very long quote: locate its head and tail separately and take what lies between."""
    head_len = MAX_FUZZY_QUOTE // 2
    head = NoteAnchor(
        anchor.quote[:head_len], anchor.prefix, "", anchor.start, anchor.start + head_len
    )
    tail_start = anchor.end - head_len
    tail = NoteAnchor(anchor.quote[-head_len:], "", anchor.suffix, tail_start, anchor.end)
    head_at = _find_exact(head, text)
    head_span = (head_at, head_at + head_len) if head_at is not None else _find_fuzzy(head, text)
    tail_at = _find_exact(tail, text)
    tail_span = (tail_at, tail_at + head_len) if tail_at is not None else _find_fuzzy(tail, text)
    if head_span is None or tail_span is None or tail_span[1] <= head_span[0]:
        return None
    start, end = head_span[0], tail_span[1]
    length = end - start
    if not (len(anchor.quote) * FUZZY_THRESHOLD <= length <= len(anchor.quote) / FUZZY_THRESHOLD):
        return None
    return start, end


def _common_prefix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


def _common_suffix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[-1 - i] == b[-1 - i]:
        i += 1
    return i
