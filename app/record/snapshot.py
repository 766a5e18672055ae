"""Keeps the in-memory record current: loads it at start-up and reloads it on a new dataset version.

Every worker process polls the one-row dataset_version table (cheap) and swaps in a freshly built
record when the number moves, either way (a restored backup moves it backwards), so all workers and
replicas follow an ingest within the poll interval. A request reads `snapshot.record` once, so it
sees one version from start to end. The last failed reload is kept for /readyz to report.
"""

import asyncio
import gc
import logging
import threading
from collections.abc import Callable

from sqlalchemy import Engine
from sqlmodel import Session

from app.record.build import Record, load_record
from app.record.cache import RecordCache
from app.storage import queries

log = logging.getLogger("darien")


def settle_heap(*, collect: bool = True) -> None:
    """Exempt the long-lived record from garbage-collector scans.

    The record is built once and then only read; without this, every full collection walks all of
    its objects, and hot-path latency grows with the size of the data. At start-up the collection
    before freezing is skipped (`collect=False`): the build makes no garbage cycles, and a full
    collection of the fresh heap would add a fifth of a second to a large record's start.
    """
    gc.unfreeze()
    if collect:
        gc.collect()
    gc.freeze()


class Snapshot:
    """The current record of one process, and the hooks to run when it is replaced."""

    def __init__(self, engine: Engine, cache: RecordCache | None = None) -> None:
        self.engine = engine
        self.cache = cache  # records built earlier, read back instead of rebuilt (cache.py)
        self.record: Record = load_record(engine, cache)
        self.on_change: list[Callable[[Record], None]] = []
        self.on_error: list[Callable[[str], None]] = []  # each failed reload, with its reason
        self.last_error: str | None = None
        # The watcher, an ingest and /readyz may all refresh at once: one at a time.
        self._lock = threading.Lock()
        self._closed = False
        settle_heap(collect=False)

    def close(self) -> None:
        """Wait for a reload in flight and refuse any later one, so the engine can be disposed.

        Cancelling the watcher does not stop a reload already running in its thread; without this,
        that thread could still hold a connection when the engine is disposed.
        """
        with self._lock:
            self._closed = True
        if self.cache is not None:
            self.cache.wait()

    def stored_version(self) -> int:
        """The dataset version in the database now."""
        with Session(self.engine) as session:
            return queries.get_dataset_version(session)

    def refresh(self) -> bool:
        """Reload if the database holds another version; True when the record was replaced.

        A failure is remembered (and raised) until a later check succeeds.
        """
        with self._lock:
            try:
                record = self._reload()
            except Exception as exc:
                self.last_error = f"{type(exc).__name__}: {exc}".splitlines()[0]
                for on_error in self.on_error:
                    on_error(self.last_error)
                raise
            self.last_error = None
            if record is None:
                return False
            self.record = record
            for hook in self.on_change:
                hook(record)
            settle_heap()
        log.info("dataset version %s loaded", record.version)
        return True

    def _reload(self) -> Record | None:
        """The record of the database's version, or None when this process already has it."""
        if self._closed or self.stored_version() == self.record.version:
            return None
        # Read in one transaction, so the record carries the version it was read at.
        record = load_record(self.engine, self.cache)
        return None if record.version == self.record.version else record

    def unready_reason(self) -> str | None:
        """Why this process should get no traffic now, or None when it serves the database's version.

        It catches up first: another replica's ingest is no reason to leave the pool, only a
        database that does not answer or a record that cannot be rebuilt is.
        """
        try:
            self.refresh()
        except Exception:
            return (
                f"this worker serves dataset version {self.record.version} and cannot reach "
                f"the database's current one: {self.last_error}"
            )
        return None

    async def watch(self, interval: float) -> None:
        """Poll for a new version forever (run as a background task)."""
        while True:
            await asyncio.sleep(interval)
            known = self.last_error
            try:
                await asyncio.to_thread(self.refresh)
            except Exception:  # a database hiccup must not kill the watcher
                if self.last_error != known:  # once per outage, not every poll
                    log.exception("could not check the dataset version")
            else:
                if known is not None:
                    log.info("the database answers again")
