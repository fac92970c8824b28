"""Short page furniture both extractors tend to keep: newsletter and subscription pitches,
share prompts, copyright lines. Recognised by their wording, only where furniture sits (at
the text's edges, or in a block just one extractor kept), so an article that mentions a
newsletter in its own paragraphs keeps them."""

from __future__ import annotations

import re

FURNITURE_WORDS = 60
"""Longer blocks are prose, whatever they say."""

_PITCH = re.compile(
    r"\b(?:sign(?:ing)? up|subscribe|subscription|newsletters?|in your inbox|to your inbox"
    r"|follow us|share (?:this|on)|click here|all rights reserved"
    r"|download (?:the|our) app|advertisement|(?:use|accept) cookies|cookie policy)\b|©",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+")


def is_furniture(block: str) -> bool:
    """A short block whose wording is that of page furniture."""
    return len(_WORD.findall(block)) <= FURNITURE_WORDS and _PITCH.search(block) is not None


def trim_furniture(blocks: list[str]) -> list[str]:
    """The blocks without furniture at the start and the end."""
    start, end = 0, len(blocks)
    while start < end and is_furniture(blocks[start]):
        start += 1
    while end > start and is_furniture(blocks[end - 1]):
        end -= 1
    return blocks[start:end]
