"""Sentence and paragraph boundaries in an article body, for selecting a passage to annotate.

Work stays local to the paragraph around an offset, so a keypress costs the same in a 1 MB
body as in a short one. Offsets are into the body the reader shows (`ArticleText.body`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from tuireader.timeline.sentences import split_sentences

Span = tuple[int, int]
"""A passage as body offsets: body[start:end]."""


class Unit(StrEnum):
    SENTENCE = "sentence"
    PARAGRAPH = "paragraph"


def _line_start(body: str, offset: int) -> int:
    return body.rfind("\n", 0, offset) + 1


def _line_end(body: str, offset: int) -> int:
    end = body.find("\n", offset)
    return len(body) if end == -1 else end


def _is_blank(body: str, start: int, end: int) -> bool:
    return body[start:end].isspace() or start == end


def paragraph_at(body: str, offset: int) -> Span | None:
    """The paragraph (run of non-blank lines, outer whitespace trimmed) holding `offset`;
    from a blank line, the next paragraph (else the previous one); None for a blank body."""
    offset = max(0, min(offset, len(body)))
    start = _line_start(body, offset)
    end = _line_end(body, offset)
    probe = start
    while _is_blank(body, start, end):  # forward to the next non-blank line
        if end >= len(body):
            return _paragraph_before(body, probe)
        start, end = end + 1, _line_end(body, end + 1)
    while start > 0:
        previous = _line_start(body, start - 1)
        if _is_blank(body, previous, start - 1):
            break
        start = previous
    while end < len(body):
        following = _line_end(body, end + 1)
        if _is_blank(body, end + 1, following):
            break
        end = following
    return _trim(body, start, end)


def _paragraph_before(body: str, offset: int) -> Span | None:
    """The last paragraph ending before `offset` (None if only blank lines precede it)."""
    position = offset
    while position > 0:
        start = _line_start(body, position - 1)
        if not _is_blank(body, start, position - 1):
            return paragraph_at(body, start)
        position = start
    return None


def _trim(body: str, start: int, end: int) -> Span | None:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def next_paragraph(body: str, span: Span) -> Span | None:
    """The paragraph after the one ending `span`, or None at the end of the body."""
    current = paragraph_at(body, max(span[1] - 1, span[0]))
    if current is None or current[1] >= len(body):
        return None
    following = paragraph_at(body, _line_end(body, current[1]) + 1)
    if following is None or following[0] < current[1]:
        return None
    return following


def previous_paragraph(body: str, span: Span) -> Span | None:
    """The paragraph before the one starting `span`, or None at the start of the body."""
    current = paragraph_at(body, span[0])
    if current is None:
        return None
    return _paragraph_before(body, _line_start(body, current[0]))


def sentences_in(body: str, paragraph: Span) -> list[Span]:
    """The sentences (or list items) of one paragraph, as body offsets."""
    start, end = paragraph
    return [(start + s.start, start + s.end) for s in split_sentences(body[start:end])]


def sentence_at(body: str, offset: int) -> Span | None:
    """The sentence holding `offset`, or the next one when `offset` is between sentences."""
    paragraph = paragraph_at(body, offset)
    if paragraph is None:
        return None
    sentences = sentences_in(body, paragraph)
    for sentence in sentences:
        if offset < sentence[1]:
            return sentence
    return sentences[-1] if sentences else paragraph


def first_sentence_from(body: str, offset: int) -> Span | None:
    """The first sentence that starts at or after `offset` (the reader's top line), else
    the one holding it: where reading resumes."""
    sentence = sentence_at(body, offset)
    if sentence is None or sentence[0] >= offset:
        return sentence
    return next_sentence(body, sentence) or sentence


def next_sentence(body: str, span: Span) -> Span | None:
    """The sentence after `span`, crossing into the next paragraph; None at the end."""
    paragraph = paragraph_at(body, max(span[1] - 1, span[0]))
    if paragraph is None:
        return None
    for sentence in sentences_in(body, paragraph):
        if sentence[0] >= span[1]:
            return sentence
    following = next_paragraph(body, paragraph)
    if following is None:
        return None
    sentences = sentences_in(body, following)
    return sentences[0] if sentences else following


def previous_sentence(body: str, span: Span) -> Span | None:
    """The sentence before `span`, crossing into the previous paragraph; None at the start."""
    paragraph = paragraph_at(body, span[0])
    if paragraph is None:
        return None
    for sentence in reversed(sentences_in(body, paragraph)):
        if sentence[1] <= span[0]:
            return sentence
    before = previous_paragraph(body, paragraph)
    if before is None:
        return None
    sentences = sentences_in(body, before)
    return sentences[-1] if sentences else before


@dataclass(frozen=True, slots=True)
class PassageSelection:
    """A selection grown from where it started (`anchor`) to where the keys moved it
    (`head`); the passage is everything from the earlier to the later of the two."""

    anchor: Span
    head: Span

    @classmethod
    def at(cls, body: str, offset: int) -> PassageSelection | None:
        """A selection of the sentence where reading resumes at `offset`."""
        sentence = first_sentence_from(body, offset)
        return None if sentence is None else cls(sentence, sentence)

    @property
    def span(self) -> Span:
        return (min(self.anchor[0], self.head[0]), max(self.anchor[1], self.head[1]))

    def extended(self, body: str, unit: Unit, step: int) -> PassageSelection:
        """Move the head one sentence forward (step > 0) or back, or to the end (start) of
        its paragraph, then of the next (previous) one; at either end of the body the
        selection stays as it is."""
        head = self.head
        moved: Span | None
        if unit is Unit.SENTENCE:
            moved = next_sentence(body, head) if step > 0 else previous_sentence(body, head)
        else:
            moved = _paragraph_edge(body, head, step)
        return self if moved is None else replace(self, head=moved)


def _paragraph_edge(body: str, head: Span, step: int) -> Span | None:
    """The last (step > 0) or first sentence of the head's paragraph, or of the next
    (previous) paragraph when the head is already there."""
    paragraph = paragraph_at(body, max(head[1] - 1, head[0]) if step > 0 else head[0])
    if paragraph is not None and (head[1] >= paragraph[1] if step > 0 else head[0] <= paragraph[0]):
        paragraph = (next_paragraph if step > 0 else previous_paragraph)(body, paragraph)
    if paragraph is None:
        return None
    sentences = sentences_in(body, paragraph) or [paragraph]
    return sentences[-1] if step > 0 else sentences[0]
