"""Reading an export back the way other tools would: PyYAML for the front matter, a CommonMark
parser (markdown-it-py) for the rest. Tests compare what comes out with the store."""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

META = re.compile(
    r"^\*created (?P<created>\S+) · updated (?P<updated>\S+)(?: · (?P<extra>[^*]*))?\*"
    r"(?: <!-- characters (?P<start>\d+)-(?P<end>\d+) -->)?"
    r"(?: \^note-(?P<id>[A-Za-z0-9-]+))?$"
)
BLOCK_ID = re.compile(r" \^note-(?P<id>[A-Za-z0-9-]+)$")
"""A note's block id, ending its quote's last line (Obsidian: `^id` after a space ends the
block it names)."""


@dataclass
class ParsedNote:
    id: str
    section: str
    """The `##`/`###` heading the note sits under."""
    event: str | None
    """The date label of the timeline event it is nested under."""
    quote: str | None
    body: str
    """The note's Markdown as it stands in the file, de-indented."""
    created: str
    updated: str
    extra: str | None
    offsets: tuple[int, int] | None
    """Where the passage is in the body, from the comment on the times line."""


@dataclass
class ParsedExport:
    front: dict[str, Any]
    markdown: str
    tree: SyntaxTreeNode
    headings: list[tuple[int, str]] = field(default_factory=list)
    events: list[tuple[str, str]] = field(default_factory=list)
    """(date label, sentence) of each timeline bullet, in order."""
    notes: dict[str, ParsedNote] = field(default_factory=dict)
    note_order: list[str] = field(default_factory=list)


def split_front_matter(document: str) -> tuple[dict[str, Any], str]:
    assert document.startswith("---\n"), "no front matter"
    end = document.index("\n---\n", 3)
    front = yaml.safe_load(document[4 : end + 1])
    assert isinstance(front, dict)
    return front, document[end + 5 :]


def inline_text(node: SyntaxTreeNode) -> str:
    """The text of an inline node that must be plain text (no emphasis, code, links, HTML)."""
    parts: list[str] = []
    for child in node.children:
        if child.type == "text":
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        else:
            raise AssertionError(f"plain text came out as {child.type}: {node.content!r}")
    return "".join(parts)


def block_text(node: SyntaxTreeNode) -> str:
    """Paragraphs of plain text (a heading, a block quote), joined by blank lines."""
    if node.type in ("paragraph", "heading"):
        return inline_text(node.children[0])
    return "\n\n".join(block_text(child) for child in node.children)


def parse_export(document: str) -> ParsedExport:
    front, markdown = split_front_matter(document)
    tokens = MarkdownIt("commonmark").parse(markdown)
    tree = SyntaxTreeNode(tokens)
    parsed = ParsedExport(front=front, markdown=markdown, tree=tree)
    lines = markdown.split("\n")
    section = ""
    for node in tree.children:
        if node.type == "heading":
            level = int(node.tag[1])
            title = block_text(node)
            parsed.headings.append((level, title))
            if level >= 2:
                section = title
        elif node.type == "bullet_list":
            for item in node.children:
                if section == "Timeline":
                    _timeline_item(parsed, item, lines)
                else:
                    _note_item(parsed, item, lines, section, None)
    return parsed


def _timeline_item(parsed: ParsedExport, item: SyntaxTreeNode, lines: list[str]) -> None:
    first = item.children[0].children[0]
    # markdown-it puts an empty text token before a leading delimiter run
    children = [c for c in first.children if c.type != "text" or c.content]
    strong = children[0]
    assert strong.type == "strong", first.content
    label = inline_text(strong)
    rest = children[1:]
    sentence = "".join(c.content for c in rest if c.type == "text")
    assert all(c.type in ("text", "softbreak") for c in rest), first.content
    assert sentence.startswith(" — ")
    parsed.events.append((label, sentence[3:]))
    for child in item.children[1:]:
        assert child.type == "bullet_list", child.type
        for note in child.children:
            _note_item(parsed, note, lines, "Timeline", label)


def _note_item(
    parsed: ParsedExport,
    item: SyntaxTreeNode,
    lines: list[str],
    section: str,
    event: str | None,
) -> None:
    children = item.children
    meta_node = children[-1]
    assert meta_node.type == "paragraph", f"note item ends with {meta_node.type}"
    meta = META.match(meta_node.children[0].content)
    assert meta, f"no meta line: {meta_node.children[0].content!r}"
    quote = None
    note_id = meta["id"]
    body_start = item.map[0] if item.map else 0
    # (a note on the whole article may itself start with a block quote of the user's, in
    # the user's own Markdown: its last line does not end in the block id)
    first = children[0]
    if first.type == "blockquote" and first.map is not None and BLOCK_ID.search(
        lines[first.map[1] - 1]
    ):
        text = block_text(first)
        on_quote = BLOCK_ID.search(text)
        assert on_quote is not None, f"the block id is not on the quote's last line: {text!r}"
        assert note_id is None, f"note {note_id} has two block ids"
        note_id, quote = on_quote["id"], text[: on_quote.start()]
        body_start = first.map[1]
        last_line = lines[body_start - 1].lstrip(" -")
        assert last_line.startswith(">") and last_line.endswith(f" ^note-{note_id}"), (
            f"the block id is not on the quote's last line: {last_line!r}")
    assert note_id is not None, f"no block id: {meta_node.children[0].content!r}"
    assert meta_node.map is not None
    body_lines = lines[body_start : meta_node.map[0]]
    if body_lines and quote is None:
        body_lines[0] = body_lines[0].replace("- ", "  ", 1)
    body = textwrap.dedent("\n".join(body_lines)).strip("\n")
    note = ParsedNote(
        id=note_id,
        section=section,
        event=event,
        quote=quote,
        body=body,
        created=meta["created"],
        updated=meta["updated"],
        extra=meta["extra"],
        offsets=None if meta["start"] is None else (int(meta["start"]), int(meta["end"])),
    )
    assert note.id not in parsed.notes, f"note {note.id} exported twice"
    parsed.notes[note.id] = note
    parsed.note_order.append(note.id)
