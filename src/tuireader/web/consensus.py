"""Two extractors' readings of one page merged into one, block by block, by agreement.

trafilatura and readability-lxml fail differently: one keeps a run of "related stories"
headlines or a comment section the other leaves out, or misses a lead paragraph or a caption
the other finds. Blocks both keep are the article's core. A block only one keeps is kept when
it sits inside the core (between its first and last agreed blocks), dropped after it (where
bios, newsletters and teasers follow an article), and kept before it only when it is a real
paragraph, not a heading or a short line (lead paragraphs come first; so do navigation
headlines and the page title). An unagreed block that reads like page furniture (a
newsletter pitch) is dropped anywhere.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from tuireader.web.boilerplate import is_furniture

_WORD = re.compile(r"\w+")
SHINGLE = 3
"""Words per shingle: long enough that common words alone do not make two blocks agree."""
AGREED = 0.5
"""Share of a block's shingles the other reading must have for the block to be agreed on."""
MIN_OVERLAP = 0.3
"""Below this share of the primary reading found in the other, they read different parts
of the page: the primary reading is taken alone."""
LEAD_WORDS = 8
"""Fewest words for an unagreed block before the core to be kept as a lead paragraph."""

Shingle = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Block:
    text: str
    shingles: frozenset[Shingle]
    words: int


def merge_readings(primary: Sequence[str], secondary: Sequence[str]) -> list[str]:
    """One list of Markdown blocks from two extractions of a page, in page order.

    The primary's blocks give the structure; the secondary's unagreed blocks are placed after
    the primary block that their nearest agreed predecessor matches.
    """
    first = [_block(text) for text in primary]
    second = [_block(text) for text in secondary]
    if not second:
        return list(primary)
    if not first:
        return list(secondary)
    first_shingles = frozenset().union(*(block.shingles for block in first))
    second_shingles = frozenset().union(*(block.shingles for block in second))
    if _share(first_shingles, second_shingles) < MIN_OVERLAP:
        return list(primary)
    first_agreed = [_share(block.shingles, second_shingles) >= AGREED for block in first]
    second_agreed = [_share(block.shingles, first_shingles) >= AGREED for block in second]
    if not any(first_agreed):
        return list(primary)
    inserts = _insertions(first, second, second_agreed)
    start, end = _core(first_agreed)
    merged: list[str] = list(_kept(second, inserts.get(-1, []), before_core=True))
    for index, block in enumerate(first):
        if first_agreed[index] or (
            not is_furniture(block.text)
            and (start < index < end or (index < start and _is_lead(block)))
        ):
            merged.append(block.text)
        merged.extend(_kept(second, inserts.get(index, []), before_core=index < start))
    return merged


def _insertions(
    first: list[_Block], second: list[_Block], second_agreed: list[bool]
) -> dict[int, list[int]]:
    """Unagreed secondary blocks by the primary block they follow (-1: before all).

    Those after the secondary's last agreed block are left out: that is past the core.
    """
    inserts: dict[int, list[int]] = {}
    anchor = -1
    last_agreed = max((i for i, agreed in enumerate(second_agreed) if agreed), default=-1)
    for index, block in enumerate(second):
        if second_agreed[index]:
            anchor = _best_match(block, first, anchor)
        elif index < last_agreed:
            inserts.setdefault(anchor, []).append(index)
    return inserts


def _kept(second: list[_Block], indexes: list[int], *, before_core: bool) -> list[str]:
    return [
        second[i].text
        for i in indexes
        if not is_furniture(second[i].text) and (not before_core or _is_lead(second[i]))
    ]


def _best_match(block: _Block, first: list[_Block], after: int) -> int:
    """The primary block sharing most shingles with `block`, preferring order (not before
    `after`) when tied; `after` when none shares any."""
    best, best_common = after, 0
    for index in range(max(after, 0), len(first)):
        common = len(block.shingles & first[index].shingles)
        if common > best_common:
            best, best_common = index, common
    return best


def _core(agreed: list[bool]) -> tuple[int, int]:
    indexes = [index for index, value in enumerate(agreed) if value]
    return indexes[0], indexes[-1]


def _is_lead(block: _Block) -> bool:
    return not block.text.startswith("#") and block.words >= LEAD_WORDS


def _share(shingles: frozenset[Shingle], other: frozenset[Shingle]) -> float:
    return len(shingles & other) / len(shingles) if shingles else 0.0


def _block(text: str) -> _Block:
    words = [word.casefold() for word in _WORD.findall(text)]
    if len(words) < SHINGLE:
        shingles = frozenset({tuple(words)}) if words else frozenset()
    else:
        shingles = frozenset(
            tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)
        )
    return _Block(text, shingles, len(words))
