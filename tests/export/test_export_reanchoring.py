"""Exports follow the article: after it is edited, notes point at where their passages are
now (and the store learns it); after it is moved, its notes still come with it."""

from __future__ import annotations

import shutil
from pathlib import Path

from exported_markdown import ParsedExport, parse_export
from tests.export.conftest import EXPORTED_AT, anchor_of

from tuireader.export import gather, render_item
from tuireader.library import Article, load, scan
from tuireader.store import Database
from tuireader.timeline import extract_timeline

PASSAGE = "stranding about 900 commuters"


def exported(db: Database, article: Article) -> ParsedExport:
    return parse_export(render_item(gather(db, article), EXPORTED_AT))


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


class TestAfterAnEdit:
    def test_text_inserted_before_moves_the_note(self, ferry_file: Path, db: Database) -> None:
        loaded = load(ferry_file)
        note = db.notes.add(loaded.article.id, "figure?", anchor_of(loaded.text.body, PASSAGE))
        old_start = loaded.text.body.index(PASSAGE)
        edit(ferry_file, "Crews on", "UPDATE: a new opening paragraph.\n\nCrews on")
        parsed = exported(db, loaded.article)
        new_body = load(ferry_file).text.body
        new_start = new_body.index(PASSAGE)
        assert new_start > old_start
        back = parsed.notes[note.id]
        assert back.quote == PASSAGE
        assert back.offsets == (new_start, new_start + len(PASSAGE))
        stored = db.notes.get(note.id)
        assert stored is not None and stored.anchor is not None
        assert stored.anchor.start == new_start

    def test_edited_passage_is_quoted_as_it_reads_now(self, ferry_file: Path, db: Database) -> None:
        loaded = load(ferry_file)
        note = db.notes.add(loaded.article.id, "figure?", anchor_of(loaded.text.body, PASSAGE))
        edit(ferry_file, "about 900 commuters", "about 950 commuters")
        back = exported(db, loaded.article).notes[note.id]
        assert back.section == "Notes"
        assert back.quote == "stranding about 950 commuters"
        assert back.extra is not None and back.extra.endswith("passage edited since")

    def test_deleted_passage_makes_an_orphan_that_is_kept(
        self, ferry_file: Path, db: Database
    ) -> None:
        loaded = load(ferry_file)
        note = db.notes.add(loaded.article.id, "figure?", anchor_of(loaded.text.body, PASSAGE))
        edit(ferry_file, ", stranding about 900 commuters at the harbour", "")
        back = exported(db, loaded.article).notes[note.id]
        assert back.section == "Orphaned notes"
        assert back.quote == PASSAGE
        assert back.body == "figure?"

    def test_event_note_stays_under_its_event_when_ids_change(
        self, ferry_file: Path, db: Database
    ) -> None:
        loaded = load(ferry_file)
        body = loaded.text.body
        talks = next(e for e in extract_timeline(body, loaded.article.date)
                     if e.text == "Monday, 18 March 2024")
        note = db.notes.add(loaded.article.id, "did they?", anchor_of(body, talks.text),
                            talks.id, talks.value)
        edit(ferry_file, "Crews on", "A longer opening paragraph.\n\nCrews on")
        new_events = extract_timeline(load(ferry_file).text.body, loaded.article.date)
        assert talks.id not in {e.id for e in new_events}  # ids follow offsets
        back = exported(db, loaded.article).notes[note.id]
        assert (back.section, back.event) == ("Timeline", "2024-03-18 Mon")


class TestAfterAMove:
    def test_moved_and_renamed_file_keeps_its_notes(
        self, ferry_file: Path, db: Database, tmp_path: Path
    ) -> None:
        loaded = load(ferry_file)
        note = db.notes.add(loaded.article.id, "figure?", anchor_of(loaded.text.body, PASSAGE))
        elsewhere = tmp_path / "archive" / "2024"
        elsewhere.mkdir(parents=True)
        moved = Path(shutil.move(ferry_file, elsewhere / "renamed.md"))
        [article] = scan([tmp_path / "archive"]).articles
        assert article.path == moved and article.id == loaded.article.id
        parsed = exported(db, article)
        assert parsed.notes[note.id].quote == PASSAGE
        assert parsed.front["id"] == loaded.article.id

    def test_moved_and_edited(self, ferry_file: Path, db: Database, tmp_path: Path) -> None:
        loaded = load(ferry_file)
        note = db.notes.add(loaded.article.id, "figure?", anchor_of(loaded.text.body, PASSAGE))
        edit(ferry_file, "Crews on", "Correction appended above.\n\nCrews on")
        moved = Path(shutil.move(ferry_file, tmp_path / "moved.md"))
        [article] = scan([moved]).articles
        back = exported(db, article).notes[note.id]
        new_start = load(moved).text.body.index(PASSAGE)
        assert back.offsets == (new_start, new_start + len(PASSAGE))
