"""Putting untrusted text into Markdown so it reads as written and cannot break the document.

Article text (titles, quotes, sentences) is plain text: every character that could start
Markdown syntax is backslash-escaped. A user's note is their own Markdown and is kept, but it is
placed inside a container block whose end we control, so it cannot swallow what follows.
"""

from __future__ import annotations

import re

from tuireader.library import sanitize

_INLINE_SPECIALS = re.compile(r"([\\`*_\[\]<>#~|])")
"""Characters that can open emphasis, code, links, HTML, headings or (GFM) tables/strikes."""
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
"""An ampersand that would start an entity such as `&amp;` or `&#60;`."""
_LINE_START = re.compile(r"^([-+=]|\d{1,9}(?=[.)]))")
"""A line start that would open a list, a setext underline or a thematic break."""
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")
_HTML_BLOCK_ENDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^ {0,3}<(script|pre|style|textarea)(\s|>|$)", re.IGNORECASE), ""),
    (re.compile(r"^ {0,3}<!--"), "-->"),
    (re.compile(r"^ {0,3}<\?"), "?>"),
    (re.compile(r"^ {0,3}<![A-Za-z]"), ">"),
    (re.compile(r"^ {0,3}<!\[CDATA\["), "]]>"),
)
"""CommonMark HTML blocks that run past blank lines, each with the text that ends it
(empty: the matching closing tag)."""


def clean_lines(text: str) -> list[str]:
    """`text` as lines: newlines normalised, control characters neutralised, leading tabs expanded.

    Only "\\n" splits lines: other Unicode separators are not line endings in Markdown.
    """
    text = sanitize(text.replace("\r\n", "\n").replace("\r", "\n"))
    return [_expand_leading_tabs(line) for line in text.split("\n")]


def _expand_leading_tabs(line: str) -> str:
    """Indentation tabs as spaces, so moving the line into a container keeps its meaning."""
    body = line.lstrip(" \t")
    return line[: len(line) - len(body)].expandtabs(4) + body


def escape_inline(text: str) -> str:
    """One line of plain text as Markdown inline content that renders as the same text."""
    escaped = _INLINE_SPECIALS.sub(r"\\\1", text)
    escaped = _ENTITY.sub(r"\\&", escaped)
    return _LINE_START.sub(_escape_line_start, escaped)


def _escape_line_start(match: re.Match[str]) -> str:
    marker = match.group(1)
    return "\\" + marker if not marker[0].isdigit() else marker + "\\"


def one_line(text: str) -> str:
    """Whitespace (newlines included) collapsed to single spaces: for titles and links."""
    return " ".join(sanitize(text).split())


def plain_paragraphs(text: str) -> list[str]:
    """Plain text as escaped Markdown lines; a run of blank lines becomes one empty line.

    Lines are stripped: leading spaces would make an indented code block, trailing ones a
    hard line break, and neither is part of what the text says.
    """
    lines: list[str] = []
    for raw in clean_lines(text):
        line = raw.strip()
        if line:
            lines.append(escape_inline(line))
        elif lines and lines[-1]:
            lines.append("")
    while lines and not lines[-1]:
        lines.pop()
    return lines


def blockquote(text: str) -> list[str]:
    """Plain text as a `>` block quote (empty list for empty text): paragraphs apart, and a
    line break inside one kept as a hard break (`\\` at the line's end), as the reader shows
    it; Markdown would otherwise run the lines together."""
    lines = plain_paragraphs(text)
    return [
        ">" if not line else f"> {line}\\" if index + 1 < len(lines) and lines[index + 1]
        else f"> {line}"
        for index, line in enumerate(lines)
    ]


def contained_markdown(text: str) -> list[str]:
    """The user's Markdown as lines that end every block they open.

    An unclosed code fence is closed; an unclosed raw-HTML block of the kinds that run past
    blank lines (script, comment, ...) is shown as text. If the result would still run into
    what follows (checked with a CommonMark parser), the note is written as plain text.
    """
    lines = [line if line.strip() else "" for line in clean_lines(text)]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    for _ in range(len(lines) + 1):
        still_open = _open_block(lines)
        if still_open is None:
            break
        index, fence = still_open
        if fence is not None:
            lines.append(lines[index][: len(lines[index]) - len(lines[index].lstrip(" "))] + fence)
            break
        # An unclosed <script> or comment was most likely written about, not meant as HTML:
        # show that line as text rather than invent a closing tag, then look again.
        cut = lines[index].index("<")
        lines[index] = lines[index][:cut] + "\\" + lines[index][cut:]
    if not ends_cleanly(lines):
        return plain_paragraphs(text)
    return lines


def _open_block(lines: list[str]) -> tuple[int, str | None] | None:
    """(line, fence) of a code fence, or (line, None) of an HTML block, left open at the end."""
    fence: str | None = None
    html_end: str | None = None
    start = 0
    for index, line in enumerate(lines):
        if fence is not None:
            if _closes_fence(line, fence):
                fence = None
        elif html_end is not None:
            if html_end in line.lower():
                html_end = None
        else:
            opened = _FENCE.match(line)
            if opened and not (opened.group(1)[0] == "`" and "`" in opened.group(2)):
                fence, start = opened.group(1), index
                continue
            for pattern, end in _HTML_BLOCK_ENDS:
                started = pattern.match(line)
                if started:
                    html_end = end or f"</{started.group(1).lower()}>"
                    start = index
                    if html_end in line[started.end() :].lower():
                        html_end = None
                    break
    if fence is not None:
        return start, fence
    if html_end is not None:
        return start, None
    return None


def _closes_fence(line: str, fence: str) -> bool:
    stripped = line.strip()
    indent = len(line) - len(line.lstrip(" "))
    return indent <= 3 and len(stripped) >= len(fence) and set(stripped) == {fence[0]}


_SENTINEL = "tuireader-end-of-note"


def ends_cleanly(lines: list[str]) -> bool:
    """Whether a paragraph written after `lines` (and a blank line) stays a paragraph of its
    own at the same level, i.e. nothing in `lines` is still open."""
    from markdown_it import MarkdownIt  # only exports pay for the parser

    tokens = MarkdownIt("commonmark").parse("\n".join([*lines, "", _SENTINEL]) + "\n")
    if len(tokens) < 3:
        return False
    opening, inline, closing = tokens[-3:]
    return (
        opening.type == "paragraph_open"
        and opening.level == 0
        and opening.map is not None
        and opening.map[0] == len(lines) + 1
        and inline.content == _SENTINEL
        and closing.type == "paragraph_close"
    )


def indented(lines: list[str], width: int) -> list[str]:
    """Lines moved into a container block `width` columns deep (blank lines stay empty)."""
    pad = " " * width
    return [pad + line if line else "" for line in lines]
