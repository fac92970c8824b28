"""Export, parse back with PyYAML and a CommonMark parser, compare with the store."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from exported_markdown import ParsedExport, parse_export
from tests.export.conftest import EXPORTED_AT, anchor_of

from tuireader.export import format_time, gather, render_combined, render_item
from tuireader.library import Article, load
from tuireader.store import Database, Note, NoteAnchor
from tuireader.timeline import chronological, extract_timeline
from tuireader.timeline.labels import trimmed
from tuireader.timeline.rows import timeline_rows


@pytest.fixture
def annotated(ferry_file: Path, db: Database) -> tuple[Article, list[Note]]:
    """The fixture article in a real store: state set, notes on a passage, an event, the
    whole article, and one whose passage never existed."""
    loaded = load(ferry_file)
    article, body = loaded.article, loaded.text.body
    events = {e.text: e for e in extract_timeline(body, article.date)}
    talks = events["Monday, 18 March 2024"]
    db.reading.update(article.id, read=True, starred=False,
                      last_opened=datetime(2026, 11, 26, 20, 0, 30, 999, tzinfo=UTC))
    notes = [
        db.notes.add(article.id, "operator's figure?", anchor_of(body, "about 900 commuters")),
        db.notes.add(article.id, "Did they?", anchor_of(body, talks.text), talks.id, talks.value),
        db.notes.add(article.id, "*whole* article"),
        db.notes.add(article.id, "lost", NoteAnchor("a passage that never was", "", "", 5, 29)),
    ]
    return article, notes


def exported(db: Database, article: Article) -> ParsedExport:
    return parse_export(render_item(gather(db, article), EXPORTED_AT))


class TestFrontMatter:
    def test_keys_and_values_equal_the_store(
        self, annotated: tuple[Article, list[Note]], db: Database
    ) -> None:
        article, _ = annotated
        front = exported(db, article).front
        assert front == {
            "id": article.id,
            "title": 'Island ferry crews strike over rosters: "not safe"',
            "source": "https://news.example.net/ferry-strike",
            "author": "Ana Ruiz",
            "published": "2024-03-15",
            "tags": ["transport", "labour"],
            "read": True,
            "starred": False,
            "last_opened": "2026-11-26T20:00:30Z",
            "exported_at": "2026-11-27T07:00:00Z",
        }

    def test_combined_lists_every_article(
        self, annotated: tuple[Article, list[Note]], db: Database, tmp_path: Path
    ) -> None:
        article, _ = annotated
        other = tmp_path / "other.txt"
        other.write_text("Second story\nDate: 2023-01-02\n\nIt rained.\n", encoding="utf-8")
        second = load(other).article
        document = render_combined(
            [gather(db, article), gather(db, second)], EXPORTED_AT
        )
        parsed = parse_export(document)
        assert [a["id"] for a in parsed.front["articles"]] == [article.id, second.id]
        assert parsed.front["articles"][1]["published"] == "2023-01-02"
        assert [h for h in parsed.headings if h[0] == 1] == [
            (1, article.title), (1, "Second story")
        ]


class TestBody:
    def test_title_and_source_link(
        self, annotated: tuple[Article, list[Note]], db: Database
    ) -> None:
        article, _ = annotated
        parsed = exported(db, article)
        assert parsed.headings[0] == (1, article.title)
        links = [n for n in parsed.tree.walk() if n.type == "link"]
        assert links[0].attrs["href"] == "https://news.example.net/ferry-strike"

    def test_timeline_is_every_row_in_date_order(
        self, annotated: tuple[Article, list[Note]], db: Database
    ) -> None:
        article, _ = annotated
        text = load(article.path).text
        events = extract_timeline(text.body, article.date)
        rows = timeline_rows(text.body, events)
        expected = [
            (row.when, trimmed(row.label, 400) + (f" ({row.aside})" if row.aside else ""))
            for row in rows
        ]
        assert len(expected) >= 3
        assert len(rows) < len(chronological(events))  # one row per event, not per expression
        assert exported(db, article).events == expected

    def test_every_note_comes_back_with_its_quote_text_and_times(
        self, annotated: tuple[Article, list[Note]], db: Database
    ) -> None:
        article, notes = annotated
        body = load(article.path).text.body
        parsed = exported(db, article)
        assert set(parsed.notes) == {f"{n.id}" for n in notes}
        for note in db.notes.for_article(article.id):
            back = parsed.notes[note.id]
            assert back.body == note.text
            assert back.created == format_time(note.created)
            assert back.updated == format_time(note.updated)
            if note.anchor is None:
                assert back.quote is None
            elif note.text == "lost":
                assert back.quote == note.anchor.quote
            else:
                assert back.quote == body[note.anchor.start : note.anchor.end]

    def test_sections(self, annotated: tuple[Article, list[Note]], db: Database) -> None:
        article, notes = annotated
        parsed = exported(db, article)
        passage, event, whole, lost = notes
        assert parsed.notes[passage.id].section == "Notes"
        assert parsed.notes[event.id].section == "Timeline"
        assert parsed.notes[event.id].event == "2024-03-18 Mon"
        assert parsed.notes[whole.id].section == "Notes"
        assert parsed.notes[lost.id].section == "Orphaned notes"
        assert parsed.notes[lost.id].quote == "a passage that never was"
        assert [h[1] for h in parsed.headings if h[0] > 1] == [
            "Timeline", "Notes", "Orphaned notes"
        ]

    def test_notes_are_in_text_order_with_whole_article_notes_after(
        self, ferry_file: Path, db: Database
    ) -> None:
        loaded = load(ferry_file)
        article, body = loaded.article, loaded.text.body
        late = db.notes.add(article.id, "late", anchor_of(body, "the operator said"))
        whole = db.notes.add(article.id, "whole")
        early = db.notes.add(article.id, "early", anchor_of(body, "Crews on the island"))
        middle = db.notes.add(article.id, "middle", anchor_of(body, "The union said"))
        assert exported(db, article).note_order == [early.id, middle.id, late.id, whole.id]


class TestObsidianBlockIds:
    """`[[file#^note-…]]` in Obsidian must land on the quoted passage: the block id ends the
    quote's last `>` line (after a space), and no offsets show in the rendered text."""

    def test_the_block_id_ends_the_quote_even_across_paragraphs(
        self, ferry_file: Path, db: Database
    ) -> None:
        loaded = load(ferry_file)
        article, body = loaded.article, loaded.text.body
        start = body.index("stranding about")
        end = body.index("since January 2024") + len("since January 2024")
        note = db.notes.add(article.id, "two paragraphs",
                            NoteAnchor.from_text(body, start, end))
        whole = db.notes.add(article.id, "on the whole article")
        document = render_item(gather(db, article), EXPORTED_AT)
        lines = document.split("\n")
        [quote_end] = [line for line in lines if line.endswith(f"^note-{note.id}")]
        assert quote_end.startswith("  > The union said")
        assert quote_end.endswith('since January 2024 ^note-' + note.id)
        [times] = [line for line in lines if line.endswith(f"^note-{whole.id}")]
        assert times.startswith("  *created ")  # no quote: the id ends the note's last line
        parsed = parse_export(document)  # asserts each id once, on its quote's last line
        assert parsed.notes[note.id].quote == body[start:end]
        assert parsed.notes[note.id].offsets == (start, end)

    def test_offsets_are_not_in_the_rendered_text(
        self, annotated: tuple[Article, list[Note]], db: Database
    ) -> None:
        from markdown_it import MarkdownIt

        article, _ = annotated
        document = render_item(gather(db, article), EXPORTED_AT)
        assert "characters " in document  # kept for scripts, in a comment
        html = MarkdownIt("commonmark").render(document)
        shown = re.sub(r"<!--.*?-->", "", html, flags=re.DOTALL)
        assert not re.search(r"characters \d+-\d+", shown)
