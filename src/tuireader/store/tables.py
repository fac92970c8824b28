"""TinyDB tables keyed by our own string ids, with no query cache."""

from __future__ import annotations

from collections.abc import Callable, Mapping, MutableMapping
from typing import Any, cast

from tinydb import TinyDB
from tinydb.table import Document, Table


class NoQueryCache(dict[Any, list[Document]]):
    """TinyDB's query cache, switched off (`Table.query_cache_class`).

    Our readers never wait for a writer (the UI thread reads while a worker writes), and a
    search that started before a write could store its stale result after the write cleared
    the cache; TinyDB's LRU cache is not thread-safe either. Searching again is cheap.
    """

    def __init__(self, capacity: int | None = None) -> None:
        super().__init__()

    def get(self, key: Any, default: Any = None) -> Any:
        return default

    def __setitem__(self, key: Any, value: list[Document]) -> None:
        return None


class KeyedTable(Table):
    """A TinyDB table whose document ids are our own string keys (article id, note id).

    Keys we choose ourselves never collide between processes, unlike TinyDB's per-instance
    counter of integer ids.
    """

    document_id_class = str  # type: ignore[assignment]
    query_cache_class = NoQueryCache  # type: ignore[assignment]

    # TinyDB's calls by id, typed for our string ids (its hints say int).

    def document(self, key: str) -> Document | None:
        return self.get(doc_id=_as_id(key))

    def documents(self, keys: list[str]) -> list[Document]:
        """The saved documents among `keys` (one pass over the table)."""
        return self.get(doc_ids=keys)

    def has(self, key: str) -> bool:
        return self.contains(doc_id=_as_id(key))

    def update_keys(self, fields: Mapping[str, Any] | Callable[[MutableMapping[str, Any]], None],
                    keys: list[str]) -> None:
        self.update(fields, doc_ids=[_as_id(key) for key in keys])

    def remove_keys(self, keys: list[str]) -> None:
        self.remove(doc_ids=[_as_id(key) for key in keys])


class KeyedTinyDB(TinyDB):
    table_class = KeyedTable

    def keyed_table(self, name: str) -> KeyedTable:
        table = self.table(name)
        assert isinstance(table, KeyedTable)
        return table


def keyed_document(data: Mapping[str, Any], key: str) -> Document:
    """A TinyDB `Document` with a string id (TinyDB's hints say int; `KeyedTable` uses str)."""
    return Document(data, doc_id=_as_id(key))


def _as_id(key: str) -> int:
    """Our string key where TinyDB's hints want its int ids (`document_id_class` is str)."""
    return cast(int, key)
