"""Before serving: the schema at head and the seed loaded, done by the first process to start.

`darien serve` runs this before its workers start; replicas starting together take turns (a
PostgreSQL advisory lock, a file lock on SQLite), so exactly one migrates and seeds.
"""

import logging
import os
from pathlib import Path

from sqlmodel import Session

from app.ingest.seed import seed as load_seed
from app.storage import queries
from app.storage.engine import make_engine, migrate
from app.storage.locks import startup_lock

log = logging.getLogger("darien")


def clear_metrics_dir() -> None:
    """Empty PROMETHEUS_MULTIPROC_DIR before the workers start: the files of an earlier run would
    otherwise be added to this one's counts."""
    folder = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        for stale in Path(folder).glob("*.db"):
            stale.unlink()


def prepare_database(database_url: str, seed_dir: Path) -> None:
    """Migrate to head and seed a database that has no data yet, one starting process at a time.

    A seed that fails raises (and changes nothing), so a server never starts on an empty record.
    """
    engine = make_engine(database_url)
    try:
        with startup_lock(engine):
            migrate(engine)
            with Session(engine) as session:
                seeded = queries.get_dataset_version(session) > 0
            if not seeded:
                log.info("unseeded database: loading the seed documents")
                load_seed(engine, seed_dir)
    finally:
        engine.dispose()
