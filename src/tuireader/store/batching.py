"""A TinyDB middleware that turns the writes of several TinyDB calls into one file write."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from tinydb.middlewares import Middleware

from tuireader.store.storage import AtomicJSONStorage, Tables


class BatchedWrites(Middleware):
    """Every TinyDB call writes the whole file; inside `batch()` the writes wait in memory
    and reach the storage as one write when the block ends.

    A block that raises writes nothing, and the storage re-reads its file at the next
    refresh, so half-applied changes never linger in memory.
    """

    def __init__(self, storage: AtomicJSONStorage) -> None:
        super().__init__(lambda: storage)
        self.storage: AtomicJSONStorage = storage
        self._depth = 0
        self._waiting: Tables | None = None

    def __call__(self) -> BatchedWrites:
        """TinyDB calls its storage argument to make the storage: we are made already."""
        return self

    def read(self) -> Tables:
        return self.storage.read() if self._waiting is None else self._waiting

    def write(self, data: Tables) -> None:
        if self._depth:
            self._waiting = data
        else:
            self.storage.write(data)

    def close(self) -> None:
        self.storage.close()

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """One storage write for every TinyDB write inside the block (nestable)."""
        self._depth += 1
        try:
            yield
        except BaseException:
            self._depth -= 1
            if not self._depth and self._waiting is not None:
                self._waiting = None
                self.storage.invalidate()
            raise
        self._depth -= 1
        if not self._depth and self._waiting is not None:
            data, self._waiting = self._waiting, None
            self.storage.write(data)
