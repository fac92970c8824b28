"""The app's one way to the store: it opens the database off the UI thread, keeps the
reading-state changes made meanwhile in order, and writes and flushes them.

Every reading-state change of a running app goes through `Session.update` (or
`update_many`), from any thread. Before the database is open the changes wait in a queue; the
opening writes them, in order, before anyone sees the database. A change is dropped only when
the database could not be opened at all (and the user has been told so).
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tuireader.store.database import Database
    from tuireader.store.reading_state import ReadingState

logger = logging.getLogger(__name__)

WAIT_SECONDS = 15.0
"""The longest anything waits for the database to open (its file lock gives up after 10 s)."""
CHUNK = 2000
"""Queued changes are written this many at a time, so a flush of 100,000 "read" marks never
holds the lock (and a keypress's `update`) for long: 2,000 updates take ~20 ms."""


@dataclass(slots=True)
class SavedState:
    """What the list shows from the database, read once it opens."""

    read: set[str] = field(default_factory=set)
    starred: set[str] = field(default_factory=set)
    noted: set[str] = field(default_factory=set)
    reference_dates: dict[str, date | datetime] = field(default_factory=dict)
    """Dates given to articles to count their timelines from (`ReferenceDates`)."""
    last_opened: str | None = None
    error: str | None = None


@dataclass(slots=True)
class _Change:
    article_ids: Sequence[str]
    fields: dict[str, Any]


class Session:
    """Reading state for the app's lifetime: `open` (in a worker), `update` (anywhere),
    `flush` (in a worker, or at exit), `close` (at exit)."""

    def __init__(self, data_dir: Path, clock: Callable[[], datetime]) -> None:
        self.data_dir = data_dir
        self._clock = clock
        self._lock = threading.RLock()
        self._queue: deque[_Change] = deque()
        self._database: Database | None = None
        self._settled = threading.Event()
        self._started = False
        self._told_unsaved = False
        self.error: str | None = None
        """Why the database could not be opened (None while opening and once open)."""

    @classmethod
    def of(cls, database: Database, clock: Callable[[], datetime]) -> Session:
        """A session around a database that is already open (tests, embedders)."""
        session = cls(database.path.parent, clock)
        session._database = database
        session._started = True
        session._settled.set()
        return session

    @property
    def database(self) -> Database | None:
        """The open database (None while opening, and when it could not be opened)."""
        return self._database

    @property
    def opening(self) -> bool:
        """True until the database is open or has failed to open."""
        return not self._settled.is_set()

    def open(self) -> SavedState:
        """Open the database, write the changes queued meanwhile, and read what the list
        shows. Blocking: call it from a worker thread. On failure `error` says why."""
        with self._lock:
            self._started = True
        try:
            from tuireader.store.database import Database

            database = Database(self.data_dir, clock=self._clock)
        except Exception as error:  # a locked or unwritable store must not stop reading
            logger.exception("could not open the database in %s", self.data_dir)
            self.error = f"Reading state will not be saved: {error}"
            with self._lock:
                dropped = sum(len(change.article_ids) for change in self._queue)
                self._queue.clear()
            if dropped:
                logger.warning("%d reading-state changes not saved (no database)", dropped)
            self._settled.set()
            return SavedState(error=self.error)
        while True:  # a chunk at a time: a keypress's `update` never waits long
            with self._lock:
                if not self._queue:
                    self._database = database
                    break
                self._write_chunk(database)
        self._settled.set()
        return read_saved_state(database)

    def wait(self, timeout: float = WAIT_SECONDS) -> Database | None:
        """For worker threads: the database once it is open (None if it could not be)."""
        self._settled.wait(timeout)
        return self._database

    def update(self, article_id: str, **fields: Any) -> None:
        """One article's reading state changes (`read`, `starred`, `position`, ...)."""
        self.update_many((article_id,), **fields)

    def update_many(self, article_ids: Sequence[str], **fields: Any) -> None:
        """The same change for many articles ("mark all read"): queued at once, written in
        chunks by the next `flush`."""
        if not article_ids:
            return
        with self._lock:
            database = self._database
            if database is not None and not self._queue and len(article_ids) <= CHUNK:
                for article_id in article_ids:
                    database.reading.update(article_id, **fields)
            elif self._settled.is_set() and database is None:
                if not self._told_unsaved:  # once: this runs on every scroll step
                    self._told_unsaved = True
                    logger.warning("reading-state changes are not saved (no database)")
            else:
                self._queue.append(_Change(list(article_ids), dict(fields)))

    def get(self, article_id: str) -> ReadingState | None:
        """The article's reading state with every change made to it, written or queued
        (None while the database is not open)."""
        with self._lock:
            database = self._database
            if database is None:
                return None
            state = database.reading.get(article_id)
            for change in self._queue:
                if article_id in change.article_ids:
                    state = replace(state, **change.fields)
            return state

    @property
    def pending(self) -> bool:
        """Whether a `flush` has anything to write."""
        with self._lock:
            database = self._database
            return bool(self._queue or (database is not None and database.reading.pending))

    def flush(self) -> None:
        """Write every queued change and put the reading state on disk (blocking: a worker,
        or exit). Raises OSError when the disk refuses; the changes stay pending."""
        database = self._database
        if database is None:
            return
        while True:
            with self._lock:  # a chunk at a time: updates made meanwhile wait ~20 ms at most
                if not self._queue:
                    break
                self._write_chunk(database)
        database.reading.flush()

    def close(self) -> None:
        """At exit: wait for an opening in progress (a change made already is saved all the
        same), open the database if changes wait and it never started, then flush and close."""
        with self._lock:
            start_now = not self._started and bool(self._queue)
        if start_now:
            self.open()
        elif self._started:
            self._settled.wait(WAIT_SECONDS)
        database = self._database
        if database is None:
            return
        try:
            with self._lock:
                while self._queue:
                    self._write_chunk(database)
        finally:
            self._database = None
            try:
                database.close()
            except OSError:  # the disk refused the last write: what was saved before stays
                logger.exception("reading-state changes could not be saved at exit")

    def _write_chunk(self, database: Database) -> None:
        change = self._queue[0]
        chunk, rest = change.article_ids[:CHUNK], change.article_ids[CHUNK:]
        for article_id in chunk:
            database.reading.update(article_id, **change.fields)
        if rest:
            change.article_ids = rest
        else:
            self._queue.popleft()


def read_saved_state(database: Database) -> SavedState:
    """Read and starred articles, those with notes, and the last one open."""
    state = SavedState()
    try:
        state.read = database.reading.read_ids()
        state.starred = database.reading.starred_ids()
        last = database.reading.last_opened()
        state.last_opened = last.article_id if last is not None else None
        state.noted = database.notes.article_ids_with_notes()
        state.reference_dates = database.reference_dates.all()
    except Exception as error:  # shown as unread, and said so; changes are still saved
        logger.exception("could not read the reading state")
        state.error = f"Could not read the reading state: {error}"
    return state

