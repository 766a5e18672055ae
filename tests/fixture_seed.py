"""A database seeded from tests/fixtures/seed, for modules that test behaviour on it.

Import `fixture_seed_database` into a test module: it replaces that module's `database_url`.
"""

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.ingest.seed import seed
from app.storage.engine import migrate
from tests.databases import Databases, engine_for

FIXTURE_SEED = Path(__file__).parent / "fixtures" / "seed"


@pytest.fixture(name="database_url")
def fixture_seed_database(databases: Databases) -> Iterator[str]:
    """This module's clients read a database seeded from the fixture seed, not the real one."""
    url = databases.new_empty()
    with engine_for(url) as engine:
        migrate(engine)
        seed(engine, FIXTURE_SEED)
    yield url
    databases.drop(url)
