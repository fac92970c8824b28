"""Reading state split over a fixed number of small TinyDB files, so a write costs a few
records' worth of serialising instead of the whole library's.

An article's shard is a stable hash of its id (ids are not always hex), so a flush of a few
changes rewrites a few files of ~1/256 of the library each. Every shard is a `SharedTinyDB`
(atomic writes with a backup, batched TinyDB calls) read and written under the database's
one lock.
"""

from __future__ import annotations

import contextlib
import zlib
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from pathlib import Path
from typing import Any

from tuireader.atomic import AtomicBatch, remove_stray_temp_files
from tuireader.gc_pause import paused_gc
from tuireader.store.locks import StoreLock
from tuireader.store.saving import SaveGuard
from tuireader.store.shared_tinydb import SharedTinyDB
from tuireader.store.storage import AtomicJSONStorage
from tuireader.store.tables import KeyedTable, keyed_document

SHARD_DIR = "reading"
SHARD_COUNT = 256
"""Part of the on-disk format: every article's file depends on it (changing it means
moving every record, like the migration from the one-file release)."""
TABLE = "reading"

Docs = dict[str, dict[str, Any]]


def shard_index(article_id: str) -> int:
    """Stable across runs and processes (unlike `hash`), spread evenly by any id."""
    return zlib.crc32(article_id.encode("utf-8", "surrogatepass")) % SHARD_COUNT


def shard_name(index: int) -> str:
    return f"{index:02x}.json"


class ReadingShards:
    """The `reading` table as SHARD_COUNT TinyDB files under `data_dir/reading/`."""

    def __init__(self, data_dir: Path, lock: StoreLock, guard: SaveGuard,
                 report: Callable[[str], None]) -> None:
        self.directory = data_dir / SHARD_DIR
        self.lock = lock
        self._guard = guard
        self.files = [
            SharedTinyDB(
                AtomicJSONStorage(
                    self.directory / shard_name(index),
                    label="reading-state file",
                    contents="reading state",
                    keep_open=False,  # 256 open files would exhaust small descriptor limits
                ),
                lock, guard, report,
            )
            for index in range(SHARD_COUNT)
        ]

    @property
    def storages(self) -> list[AtomicJSONStorage]:
        return [shard.storage for shard in self.files]

    @property
    def writes(self) -> int:
        """Shard files written so far (tests and benchmarks read it)."""
        return sum(shard.storage.writes for shard in self.files)

    # Under the lock -----------------------------------------------------------------------

    def open_locked(self, *, clean: bool) -> None:
        """Read every shard, moving a corrupt one aside; `clean`: first remove the temp
        files of writers that died."""
        if clean:
            targets = [path for s in self.storages for path in (s.path, s.backup_path)]
            remove_stray_temp_files(self.directory, targets)
        with paused_gc():  # the whole library's documents, built in one go
            for shard in self.files:
                shard.refresh_locked()

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """Around changes to the shards (raises `SaveFailedError`, `StoreBusyError`)."""
        with self._guard.saving("the reading state", self.directory), self.lock.held():
            yield

    def apply_locked(self, changes: Docs, *, keep_saved: bool = False) -> None:
        """Write `changes` (fields per article) on top of each shard as it is on disk now:
        one file write per shard touched, all synced together. `keep_saved`: fields already
        saved win (migration)."""
        with AtomicBatch(self.directory) as batch:  # durable on return, one directory sync
            for index, batch_docs in _by_shard(changes).items():
                shard = self.files[index]
                # Re-read even if the signature matches: shards are not kept open, so the
                # signature alone could miss another process's quick rewrites.
                shard.refresh_locked(force=True)
                shard.storage.batch = batch
                try:
                    with shard.batching.batch():  # one file write for the whole shard
                        _merge_into(shard.table(TABLE), batch_docs, keep_saved)
                finally:
                    shard.storage.batch = None
            batch.commit()

    def saved_locked(self, article_id: str) -> dict[str, Any] | None:
        """The document on disk now (re-read)."""
        shard = self.files[shard_index(article_id)]
        shard.refresh_locked(force=True)
        doc = shard.table(TABLE).document(article_id)
        return None if doc is None else dict(doc)

    def remove_locked(self, article_id: str) -> None:
        """Delete the article's document (call after `saved_locked` found it)."""
        shard = self.files[shard_index(article_id)]
        with shard.batching.batch():
            shard.table(TABLE).remove_keys([article_id])

    # Without waiting for the lock ---------------------------------------------------------

    def document(self, article_id: str) -> dict[str, Any] | None:
        """The article's saved document (a copy), through TinyDB."""
        return self.files[shard_index(article_id)].fresh_table(TABLE).document(article_id)

    def documents(self, index: int) -> Mapping[str, Mapping[str, Any]]:
        """Every saved document of shard `index` by article id: the storage's own dicts,
        not copies (do not change them). Refreshed like `document`.

        The one read of the reading state that goes around TinyDB's `Table`, for the scans
        over the whole library (`all`, `read_ids`, `starred_ids`, `last_opened`,
        `find_by_path`): a `Table` copies every document it returns into a `Document`.
        At 10,000 articles, opening the database and reading what the list needs took
        ~2x as long through `Table` (56 -> 126 ms; bench/state_write.py
        --compare-table-scan, figures in bench/README.md).
        """
        shard = self.files[index]
        shard.refresh_if_free()
        return shard.storage.read().get(TABLE, {})

    def close(self) -> None:
        for shard in self.files:
            shard.close()


def _merge_into(table: KeyedTable, docs: Docs, keep_saved: bool) -> None:
    """One TinyDB update for the articles the shard has, one insert for the new ones.

    Each TinyDB call converts the whole table, so a call per article would be quadratic in
    a bulk change (mark all read). The update changes the stored documents in place, so a
    reader on another thread sees each one before or after, never missing.
    """
    saved = table.documents(list(docs))
    present = [str(doc.doc_id) for doc in saved]
    # The updater gets a document, not its id: it finds the id in the document's own
    # `article_id`, which every document we write has (one written by hand may not).
    for key in [key for key, doc in zip(present, saved, strict=True)
                if doc.get("article_id") != key]:
        table.update_keys({"article_id": key}, [key])

    def merge(doc: MutableMapping[str, Any]) -> None:
        fields = docs[doc["article_id"]]
        doc.update({**fields, **doc} if keep_saved else fields)

    if present:
        table.update_keys(merge, present)
    found = set(present)
    missing = [key for key in docs if key not in found]
    if missing:
        table.insert_multiple(
            keyed_document({**docs[key], "article_id": key}, key) for key in missing
        )


def _by_shard(changes: Docs) -> dict[int, Docs]:
    shards: dict[int, Docs] = {}
    for article_id, fields in changes.items():
        shards.setdefault(shard_index(article_id), {})[article_id] = fields
    return shards
