from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tuireader.export import ExportItem
from tuireader.library import LoadedArticle, load
from tuireader.store import Database, Note, NoteAnchor, ReadingState
from tuireader.timeline import Event, EventType, Granularity, Interval, Resolution

FIXTURES = Path(__file__).parent / "fixtures"
GOLDEN = Path(__file__).parent / "golden"
FERRY = FIXTURES / "ferry-strike.md"
EXPORTED_AT = datetime(2026, 11, 27, 7, 0, tzinfo=UTC)
T0 = datetime(2026, 11, 27, 6, 0, tzinfo=UTC)


class Clock:
    """Ticks one minute per call, so created/updated times are known in advance."""

    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def db(data_dir: Path) -> Iterator[Database]:
    with Database(data_dir, clock=Clock()) as database:
        yield database


@pytest.fixture
def ferry_file(tmp_path: Path) -> Path:
    """A copy of the fixture article the test may edit or move."""
    folder = tmp_path / "library"
    folder.mkdir()
    return Path(shutil.copy(FERRY, folder / FERRY.name))


def anchor_of(body: str, quote: str, occurrence: int = 1) -> NoteAnchor:
    start = -1
    for _ in range(occurrence):
        start = body.index(quote, start + 1)
    return NoteAnchor.from_text(body, start, start + len(quote))


def frozen_note(
    note_id: str,
    article_id: str,
    text: str,
    minutes: int,
    anchor: NoteAnchor | None = None,
    event: Event | None = None,
    edited_after: int = 0,
) -> Note:
    created = T0 + timedelta(minutes=minutes)
    return Note(
        id=note_id,
        article_id=article_id,
        text=text,
        created=created,
        updated=created + timedelta(minutes=edited_after),
        anchor=anchor,
        event_id=None if event is None else event.id,
        event_value=None if event is None else event.value,
    )


def day_event(body: str, event_id: str, text: str, value: str, resolution: Resolution) -> Event:
    """A hand-made event (golden files must not change when the extractor improves)."""
    start = body.index(text)
    sentence_start = body.rfind("\n", 0, start) + 1
    sentence_end = body.find("\n", start)
    moment = datetime.fromisoformat(value)
    if "T" in value:
        interval = Interval(moment, moment + timedelta(minutes=1), Granularity.MINUTE)
        kind = EventType.TIME
    else:
        interval = Interval(moment, moment + timedelta(days=1), Granularity.DAY)
        kind = EventType.DATE
    return Event(
        id=event_id,
        start=start,
        end=start + len(text),
        text=text,
        type=kind,
        value=value,
        interval=interval,
        sentence=body[sentence_start:sentence_end],
        sentence_start=sentence_start,
        resolution=resolution,
    )


def ferry_item(loaded: LoadedArticle | None = None) -> ExportItem:
    """The fixture article with fixed events, reading state and five kinds of note."""
    loaded = loaded or load(FERRY)
    article, body = loaded.article, loaded.text.body
    walkout = day_event(body, "e-walkout", "6:15 a.m.", "2024-03-14T06:15", Resolution.INFERRED)
    day = day_event(body, "e-day", "14 March 2024", "2024-03-14", Resolution.ABSOLUTE)
    talks = day_event(body, "e-talks", "Monday, 18 March 2024", "2024-03-18", Resolution.ABSOLUTE)
    notes = [
        frozen_note("n-talks", article.id, "Check whether the talks happened.", 5,
                    anchor_of(body, "Monday, 18 March 2024"), talks),
        frozen_note("n-stranded", article.id, "900 is the operator's figure; the union says "
                    "**1,200**.\n\n- ask the harbour master\n- compare with last year", 1,
                    anchor_of(body, "stranding about 900 commuters"), edited_after=30),
        frozen_note("n-rosters", article.id, "Quote has Markdown in it:\n\n```\nunclosed fence",
                    2, anchor_of(body, '"# doubled > overnight"')),
        frozen_note("n-whole", article.id, "Follow up next week.", 3),
        frozen_note("n-gone", article.id, "This passage was cut from the article.", 4,
                    NoteAnchor("a sentence the editor removed", "", "", 10, 39)),
    ]
    state = ReadingState(article.id, read=True, starred=True,
                         last_opened=datetime(2026, 11, 26, 21, 30, tzinfo=UTC), position=120)
    return ExportItem(article, loaded.text, (walkout, day, talks), state, tuple(notes))
