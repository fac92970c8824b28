"""One article (or several) as a Markdown document: pure and deterministic, same data same bytes.

Layout: YAML front matter; `# Title` and the source; `## Timeline`, one bullet per dated event
in date order with the notes on that event nested under it; `## Notes`, every other note in
the order of its passage in the text, then notes on the whole article, then `### Orphaned
notes` (passage no longer found; kept, never dropped). Each note is one list item: its
passage as a `>` quote whose last line ends in the note's block id `^note-<id>`, the note's
own Markdown, then a line with its times (and the id, when there is no quote).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import yaml

from tuireader.export.escaping import (
    blockquote,
    contained_markdown,
    escape_inline,
    indented,
    one_line,
)
from tuireader.export.timestamps import format_time
from tuireader.library import Article, ArticleText
from tuireader.store import AnchorStatus, Note, ReadingState, locate
from tuireader.timeline import Event, chronological
from tuireader.timeline.labels import trimmed
from tuireader.timeline.note_events import event_of_note
from tuireader.timeline.rows import TimelineRow, timeline_rows

SENTENCE_WIDTH = 400
"""Timeline sentences longer than this are cut with an ellipsis (as `tuireader timeline`)."""
_WEB_URL = re.compile(r"https?://[^\s<>\x00-\x20\x7f]+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ExportItem:
    """Everything one article's export needs, gathered by the caller (see `gather`)."""

    article: Article
    text: ArticleText
    events: Sequence[Event]
    """The article's timeline (all events, as `extract_timeline` returns them)."""
    state: ReadingState
    notes: Sequence[Note]


@dataclass(frozen=True, slots=True)
class PlacedNote:
    """A note with where its passage is in the current body (None: not on a passage)."""

    note: Note
    status: AnchorStatus | None
    start: int | None
    end: int | None
    quote: str | None
    """The passage as it reads now (the stored quote when it can no longer be found)."""


@dataclass(frozen=True, slots=True)
class NoteLayout:
    """Where each note goes in the document."""

    by_event: dict[str, list[PlacedNote]]
    in_text: list[PlacedNote]
    orphaned: list[PlacedNote]


def place_note(note: Note, body: str) -> PlacedNote:
    """Find the note's passage in `body` now (pure: nothing is saved)."""
    if note.anchor is None:
        return PlacedNote(note, None, None, None, None)
    found = locate(note.anchor, body)
    if not found.found:
        return PlacedNote(note, found.status, None, None, note.anchor.quote)
    return PlacedNote(note, found.status, found.start, found.end, body[found.start : found.end])


def layout_notes(body: str, events: Sequence[Event], notes: Sequence[Note]) -> NoteLayout:
    """Put each note under its timeline event, in the text, or among the orphaned."""
    placed_events = chronological(list(events))
    layout = NoteLayout(by_event={}, in_text=[], orphaned=[])
    for note in notes:
        placed = place_note(note, body)
        event = _event_of(placed, placed_events)
        if event is not None:
            layout.by_event.setdefault(event.id, []).append(placed)
        elif placed.status is AnchorStatus.ORPHANED or (
            placed.status is None and note.event_id is not None
        ):
            layout.orphaned.append(placed)
        else:
            layout.in_text.append(placed)
    for group in layout.by_event.values():
        group.sort(key=_text_order)
    layout.in_text.sort(key=_text_order)
    layout.orphaned.sort(
        key=lambda p: (p.note.position or 0, p.note.created.isoformat(), p.note.id)
    )
    return layout


def _text_order(placed: PlacedNote) -> tuple[bool, int, int, str, str]:
    """By passage position; notes on no passage after them, oldest first."""
    return (
        placed.start is None,
        placed.start or 0,
        placed.end or 0,
        placed.note.created.isoformat(),
        placed.note.id,
    )


def _event_of(placed: PlacedNote, events: list[Event]) -> Event | None:
    note = placed.note
    if note.event_id is None:
        return None
    span = None if placed.start is None or placed.end is None else (placed.start, placed.end)
    return event_of_note(note.event_id, note.event_value, span, events)


def front_matter_fields(article: Article, state: ReadingState) -> dict[str, Any]:
    """The article's metadata and reading state, as written into the front matter."""
    return {
        "id": article.id,
        "title": article.title,
        "source": article.source,
        "author": article.author,
        "published": _iso(article.date),
        "tags": list(article.tags),
        "read": state.read,
        "starred": state.starred,
        "last_opened": None if state.last_opened is None else format_time(state.last_opened),
    }


def _iso(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _represent_str(dumper: Any, value: str) -> Any:
    """Multi-line strings double-quoted on one line: no value can put `---` at a line start."""
    style = '"' if any(c in value for c in "\n\r\x85\u2028\u2029") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


# A SafeDumper of our own (built with type(): PyYAML ships no type hints), so the str
# representer does not leak into other users of yaml.SafeDumper.
_FrontMatterDumper: Any = type("_FrontMatterDumper", (yaml.SafeDumper,), {})
_FrontMatterDumper.add_representer(str, _represent_str)


def front_matter(fields: dict[str, Any]) -> str:
    dumped = yaml.dump(
        fields,
        Dumper=_FrontMatterDumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=1_000_000,
    )
    return f"---\n{dumped}---\n"


def render_article(
    article: Article,
    text: ArticleText,
    events: Sequence[Event],
    state: ReadingState,
    notes: Sequence[Note],
    exported_at: datetime,
) -> str:
    """One article's export; the same arguments always give the same string."""
    fields = front_matter_fields(article, state)
    fields["exported_at"] = format_time(exported_at)
    return front_matter(fields) + "\n" + _article_section(article, text, events, notes)


def render_combined(items: Sequence[ExportItem], exported_at: datetime) -> str:
    """Several articles in one document; each article's metadata is listed in the front matter."""
    fields: dict[str, Any] = {
        "title": "tuireader export",
        "exported_at": format_time(exported_at),
        "articles": [front_matter_fields(item.article, item.state) for item in items],
    }
    sections = [
        _article_section(item.article, item.text, item.events, item.notes) for item in items
    ]
    return front_matter(fields) + "\n" + "\n".join(sections)


def render_item(item: ExportItem, exported_at: datetime) -> str:
    return render_article(
        item.article, item.text, item.events, item.state, item.notes, exported_at
    )


def _article_section(
    article: Article, text: ArticleText, events: Sequence[Event], notes: Sequence[Note]
) -> str:
    layout = layout_notes(text.body, events, notes)
    lines = [f"# {escape_inline(one_line(article.title)) or 'Untitled'}", ""]
    source = _source_line(article.source)
    if source:
        lines += [source, ""]
    lines += ["## Timeline", ""]
    lines += _timeline(timeline_rows(text.body, list(events)), layout)
    lines += ["## Notes", ""]
    if layout.in_text:
        for placed in layout.in_text:
            lines += _note_item(placed, 0)
    elif not layout.orphaned:
        lines += ["*No notes.*", ""]
    if layout.orphaned:
        lines += ["### Orphaned notes", ""]
        lines += ["*Their passages are no longer in the article.*", ""]
        for placed in layout.orphaned:
            lines += _note_item(placed, 0)
    return "\n".join(lines)


def _source_line(source: str | None) -> str | None:
    if not source:
        return None
    cleaned = one_line(source)
    if _WEB_URL.fullmatch(cleaned):
        return f"Source: <{cleaned}>"
    return f"Source: {escape_inline(cleaned)}" if cleaned else None


def _timeline(rows: list[TimelineRow], layout: NoteLayout) -> list[str]:
    if not rows:
        return ["*No dated events found.*", ""]
    lines: list[str] = []
    for row in rows:
        sentence = escape_inline(trimmed(row.label, SENTENCE_WIDTH))
        aside = f" ({escape_inline(one_line(row.aside))})" if row.aside else ""
        lines += [f"- **{escape_inline(row.when)}** — {sentence}{aside}", ""]
        for event in row.events:
            for placed in layout.by_event.get(event.id, []):
                lines += _note_item(placed, 2)
    return lines


def _note_item(placed: PlacedNote, depth: int) -> list[str]:
    """One note as a list item `depth` columns in; its content sits 2 columns further.

    The `^note-…` block id ends the quote's last line, so a link to it lands on the passage
    (Obsidian names the block a `^id` ends, after a space); a note without a quote carries
    it on its last line, the times.
    """
    anchor = f" ^{block_id(placed.note.id)}"
    blocks: list[list[str]] = []
    quote = blockquote(placed.quote) if placed.quote else []
    if quote:
        quote[-1] += anchor
        blocks.append(quote)
    body = contained_markdown(placed.note.text)
    if body:
        blocks.append(body)
    blocks.append([_note_meta(placed) + ("" if quote else anchor)])
    content: list[str] = []
    for block in blocks:
        content += [*block, ""]
    item = indented(content, 2)
    first = content[0]
    if first.startswith(" ") or set(first) <= {"-", " "}:
        # "-   ```" would move the item's content column and "- --" is a thematic break:
        # an item may open with an empty line instead, content still 2 columns in.
        item.insert(0, "-")
    else:
        item[0] = "- " + item[0][2:]
    return indented(item, depth)


def _note_meta(placed: PlacedNote) -> str:
    """The note's times and what became of its passage; where the passage is in the file
    (offsets, for scripts) only in a comment, which Markdown viewers do not show."""
    note = placed.note
    parts = [f"created {format_time(note.created)}", f"updated {format_time(note.updated)}"]
    if placed.status is AnchorStatus.FUZZY:
        parts.append("passage edited since")
    elif placed.status is AnchorStatus.ORPHANED:
        parts.append("passage not found")
    elif placed.status is None and note.event_id and note.event_value:
        parts.append(f"about {escape_inline(note.event_value)}")
    meta = f"*{' · '.join(parts)}*"
    if placed.start is not None and placed.end is not None:
        meta += f" <!-- characters {placed.start}-{placed.end} -->"
    return meta


def block_id(note_id: str) -> str:
    """The note's anchor id (`^note-…`, an Obsidian block reference): letters, digits, `-`."""
    return "note-" + re.sub(r"[^A-Za-z0-9-]", "-", note_id)
