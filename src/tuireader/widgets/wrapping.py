"""Word-wrapping a body into screen lines as offsets, so positions map both ways at any width."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from rich.cells import cell_len

_TOKEN = re.compile(r"^\s+|\S+\s*")


def _cells(text: str) -> int:
    """Screen cells, counting a tab as the one space the reader draws for it."""
    return cell_len(text) + text.count("\t")


@dataclass(frozen=True, slots=True)
class WrappedLines:
    """Screen line `i` shows `body[starts[i]:ends[i]]` (trailing spaces may overhang)."""

    starts: list[int]
    ends: list[int]
    width: int
    paragraphs: list[int]
    """The first screen line of each paragraph (source line)."""

    def __len__(self) -> int:
        return len(self.starts)

    def paragraph_start(self, line: int) -> int:
        """The body offset where the paragraph shown on screen line `line` begins (found
        without searching the body: a one-line 5 MB body is one paragraph)."""
        return self.starts[self.paragraphs[bisect_right(self.paragraphs, line) - 1]]

    def line_of(self, offset: int) -> int:
        """The screen line holding a body offset (the last line for offsets past the end)."""
        if not self.starts:
            return 0
        return max(0, bisect_right(self.starts, offset) - 1)


def _hard_split(text: str, start: int, width: int, ascii_only: bool) -> list[tuple[int, int]]:
    """Cut an over-long word into pieces of at most `width` cells."""
    pieces: list[tuple[int, int]] = []
    if ascii_only:
        for offset in range(0, len(text), width):
            pieces.append((start + offset, start + min(offset + width, len(text))))
        return pieces
    piece_start = 0
    used = 0
    for index, char in enumerate(text):
        char_width = _cells(char)
        if used + char_width > width and index > piece_start:
            pieces.append((start + piece_start, start + index))
            piece_start = index
            used = 0
        used += char_width
    pieces.append((start + piece_start, start + len(text)))
    return pieces


def wrap(body: str, width: int) -> WrappedLines:
    """Greedy word wrap of every paragraph (one source line each) to `width` cells."""
    width = max(width, 1)
    starts: list[int] = []
    ends: list[int] = []
    paragraphs: list[int] = []
    position = 0
    for paragraph in body.split("\n"):
        paragraphs.append(len(starts))
        length = len(paragraph)
        ascii_only = paragraph.isascii()
        if length <= width and (ascii_only or _cells(paragraph) <= width):
            starts.append(position)
            ends.append(position + length)
            position += length + 1
            continue
        line_start = position
        used = 0
        for match in _TOKEN.finditer(paragraph):
            token = match.group()
            word = token.rstrip()
            word_width = len(word) if ascii_only else _cells(word)
            token_width = len(token) if ascii_only else _cells(token)
            token_start = position + match.start()
            if used and used + word_width > width:
                starts.append(line_start)
                ends.append(token_start)
                line_start = token_start
                used = 0
            if word_width > width:
                pieces = _hard_split(word, token_start, width, ascii_only)
                # Anything before the word on this line takes no room: keep it with the word.
                pieces[0] = (line_start, pieces[0][1])
                for piece_start, piece_end in pieces[:-1]:
                    starts.append(piece_start)
                    ends.append(piece_end)
                line_start = pieces[-1][0]
                last = paragraph[line_start - position : match.end()]
                used = len(last) if ascii_only else _cells(last)
            else:
                used += token_width
        starts.append(line_start)
        ends.append(position + length)
        position += length + 1
    return WrappedLines(starts, ends, width, paragraphs)


def screen_lines(text: str, width: int) -> list[str]:
    """`text` word-wrapped to `width` cells, one string per screen line, each without the
    trailing spaces that overhang the width (kept, they would be cut with an ellipsis)."""
    lines = wrap(text, width)
    return [text[start:end].rstrip() for start, end in zip(lines.starts, lines.ends, strict=True)]


def first_line_and_rest(text: str, width: int) -> tuple[str, str]:
    """The first screen line of `text` at `width` cells and everything after it (a label
    shown over two lines, the second cut where it must be)."""
    lines = wrap(text, width)
    rest = text[lines.starts[1]:] if len(lines) > 1 else ""
    return text[lines.starts[0]:lines.ends[0]].rstrip(), rest
