"""One process at a time: the lock that `darien serve` holds while it migrates and seeds.

PostgreSQL: a session-level advisory lock, so replicas on different machines queue on the
database itself. SQLite: an exclusive flock on a file beside the database (same machine only,
which is where an SQLite file lives).
"""

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, text

# Any constant shared by every replica; "darien" in ASCII, to be recognisable in pg_locks.
ADVISORY_KEY = 0x64617269656E


@contextmanager
def startup_lock(engine: Engine) -> Iterator[None]:
    """Hold the database's start-up lock for the duration of the block (waiting for it if taken)."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": ADVISORY_KEY})
            try:
                yield
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": ADVISORY_KEY})
                connection.commit()
        return
    database = engine.url.database
    if not database or database == ":memory:":  # private to this process: nothing to share
        yield
        return
    with Path(f"{database}.lock").open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
