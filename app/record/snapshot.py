"""Keeps the in-memory record current: loads it at start-up and reloads it on a new dataset version.

Every worker process polls the one-row dataset_version table (cheap) and swaps in a freshly built
record when the number moves, so all workers and replicas follow an ingest within the poll interval.
A request reads `snapshot.record` once, so it sees one version from start to end.
"""

import asyncio
import gc
import logging
import threading
from collections.abc import Callable

from sqlalchemy import Engine
from sqlmodel import Session

from app.record.build import Record, load_record
from app.storage import queries

log = logging.getLogger("darien")


def settle_heap() -> None:
    """Exempt the long-lived record from garbage-collector scans.

    The record is built once and then only read; without this, every full collection walks all of
    its objects, and hot-path latency grows with the size of the data.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()


class Snapshot:
    """The current record of one process, and the hooks to run when it is replaced."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.record: Record = load_record(engine)
        self.on_change: list[Callable[[Record], None]] = []
        # The watcher and an ingest may both refresh at once: one at a time, and never backwards.
        self._lock = threading.Lock()
        self._closed = False
        settle_heap()

    def close(self) -> None:
        """Wait for a reload in flight and refuse any later one, so the engine can be disposed.

        Cancelling the watcher does not stop a reload already running in its thread; without this,
        that thread could still hold a connection when the engine is disposed.
        """
        with self._lock:
            self._closed = True

    def stored_version(self) -> int:
        """The dataset version in the database now."""
        with Session(self.engine) as session:
            return queries.get_dataset_version(session)

    def refresh(self) -> bool:
        """Reload if the database holds a newer version; True when the record was replaced."""
        with self._lock:
            if self._closed or self.stored_version() <= self.record.version:
                return False
            record = load_record(self.engine)
            if record.version <= self.record.version:
                return False
            self.record = record
            for hook in self.on_change:
                hook(record)
            settle_heap()
        log.info("dataset version %s loaded", record.version)
        return True

    async def watch(self, interval: float) -> None:
        """Poll for a new version forever (run as a background task)."""
        while True:
            await asyncio.sleep(interval)
            try:
                await asyncio.to_thread(self.refresh)
            except Exception:  # a database hiccup must not kill the watcher
                log.exception("could not check the dataset version")
