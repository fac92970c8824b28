from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tuireader.store import AnchorStatus, Database, NoteAnchor, NoteNotFoundError

TEXT = (
    "Storm season opens early\n\n"
    "Forecasters expect the first named storm by Friday. Coastal towns began filling "
    "sandbags on Monday, and the ferry service stops at noon tomorrow. "
    "Officials will review the evacuation plan next week.\n"
)


def anchor(quote: str, text: str = TEXT) -> NoteAnchor:
    start = text.index(quote)
    return NoteAnchor.from_text(text, start, start + len(quote))


class Clock:
    """A clock that ticks one minute per call, so created/updated are predictable."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 27, 6, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


@pytest.fixture
def clocked(data_dir: Path) -> Database:
    return Database(data_dir, clock=Clock())


class TestNoteLifecycle:
    def test_add_is_on_disk_when_it_returns(
        self, db: Database, on_disk: Callable[[], dict[str, Any]]
    ) -> None:
        note = db.notes.add("storm", "check the ferry", anchor("ferry service stops at noon"))
        stored = on_disk()["notes"][note.id]
        assert stored["text"] == "check the ferry"
        assert stored["article_id"] == "storm"
        assert stored["anchor"]["quote"] == "ferry service stops at noon"

    def test_notes_survive_a_restart(self, data_dir: Path) -> None:
        with Database(data_dir) as first:
            note = first.notes.add(
                "storm",
                "which storm?",
                anchor("first named storm"),
                event_id="ev-1",
                event_value="2026-11-27",
            )
        with Database(data_dir) as second:
            assert second.notes.get(note.id) == note
            assert second.notes.article_ids_with_notes() == {"storm"}

    def test_update_changes_text_and_updated_time(self, clocked: Database) -> None:
        note = clocked.notes.add("storm", "draft")
        changed = clocked.notes.update(note.id, "final")
        assert changed.text == "final"
        assert changed.created == datetime(2026, 11, 27, 6, 1, tzinfo=UTC)
        assert changed.updated == datetime(2026, 11, 27, 6, 2, tzinfo=UTC)
        clocked.close()

    def test_delete(self, db: Database) -> None:
        note = db.notes.add("storm", "gone soon")
        assert db.notes.delete(note.id) is True
        assert db.notes.get(note.id) is None
        assert db.notes.delete(note.id) is False
        assert db.notes.article_ids_with_notes() == set()

    def test_updating_a_missing_note_says_so(self, db: Database) -> None:
        with pytest.raises(NoteNotFoundError, match="no note with id 'nope'"):
            db.notes.update("nope", "text")

    def test_note_without_article_is_refused(self, db: Database) -> None:
        with pytest.raises(ValueError, match="article"):
            db.notes.add("", "text")


class TestOrdering:
    def test_for_article_is_in_text_order(self, clocked: Database) -> None:
        clocked.notes.add("storm", "third", anchor("evacuation plan"))
        clocked.notes.add("storm", "whole article")
        clocked.notes.add("storm", "first", anchor("first named storm"))
        clocked.notes.add("other", "elsewhere", anchor("Forecasters"))
        clocked.notes.add("storm", "second", anchor("sandbags"))
        assert [n.text for n in clocked.notes.for_article("storm")] == [
            "first",
            "second",
            "third",
            "whole article",
        ]
        assert [n.text for n in clocked.notes.all()] == [
            "elsewhere",
            "first",
            "second",
            "third",
            "whole article",
        ]
        assert clocked.notes.article_ids_with_notes() == {"storm", "other"}
        clocked.close()


class TestReanchor:
    def test_reanchor_saves_moved_and_fuzzy_and_keeps_orphans(self, data_dir: Path) -> None:
        with Database(data_dir) as db:
            ferry = db.notes.add("storm", "ferry", anchor("the ferry service stops at noon"))
            plan = db.notes.add("storm", "plan", anchor("review the evacuation plan"))
            storm = db.notes.add("storm", "storm", anchor("expect the first named storm"))
            edited = (
                TEXT.replace("Forecasters expect the first named storm by Friday. ", "")
                .replace("the ferry service stops", "the ferry service halts")
                .replace("Storm season", "UPDATED: Storm season")
            )
            results = {note.id: (note, found) for note, found in db.notes.reanchor("storm", edited)}
            assert results[storm.id][1].status is AnchorStatus.ORPHANED
            assert results[plan.id][1].status is AnchorStatus.MOVED
            assert results[ferry.id][1].status is AnchorStatus.FUZZY
            moved = results[plan.id][1]
            assert edited[moved.start : moved.end] == "review the evacuation plan"
            fuzzy = results[ferry.id][1]
            assert edited[fuzzy.start : fuzzy.end] == "the ferry service halts at noon"
        with Database(data_dir) as reopened:
            assert reopened.notes.get(storm.id) == storm
            plan_anchor = reopened.notes.get(plan.id)
            assert plan_anchor is not None and plan_anchor.anchor is not None
            assert plan_anchor.anchor.start == edited.index("review the evacuation plan")
            ferry_now = reopened.notes.get(ferry.id)
            assert ferry_now is not None and ferry_now.anchor is not None
            assert ferry_now.anchor.quote == "the ferry service halts at noon"

    def test_move_article_takes_its_notes_along(self, db: Database) -> None:
        kept = db.notes.add("old-id", "a")
        db.notes.add("old-id", "b")
        db.notes.add("another", "c")
        assert db.notes.move_article("old-id", "new-id") == 2
        assert {n.text for n in db.notes.for_article("new-id")} == {"a", "b"}
        assert db.notes.for_article("old-id") == []
        assert db.notes.get(kept.id) is not None


class TestSettings:
    def test_settings_round_trip(self, data_dir: Path) -> None:
        with Database(data_dir) as db:
            db.settings.set("date_override:storm", "2026-11-01")
            db.settings.set("library", ["/home/me/news"])
            assert db.settings.delete("missing") is False
        with Database(data_dir) as db:
            assert db.settings.get("date_override:storm") == "2026-11-01"
            assert db.settings.all() == {
                "date_override:storm": "2026-11-01",
                "library": ["/home/me/news"],
            }
            assert db.settings.delete("library") is True
            assert db.settings.get("library", "default") == "default"

    def test_unserialisable_setting_is_refused(self, db: Database) -> None:
        with pytest.raises(TypeError, match="cannot be stored as JSON"):
            db.settings.set("bad", object())
