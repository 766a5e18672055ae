"""A database seeded from tests/fixtures/seed, for modules that test behaviour on it.

Import `fixture_seed_database` into a test module: it replaces that module's `database_url`. Import
`fixture_seed_client` too where the app must also read the fixture seed's folder (its events).
"""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.ingest.seed import seed
from app.storage.engine import migrate
from tests.conftest import ApiClient
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


@pytest.fixture(name="client")
def fixture_seed_client(make_client: Any) -> ApiClient:
    """A client on the fixture seed's database whose charts mark the fixture seed's events."""
    return make_client(seed_dir=FIXTURE_SEED)  # type: ignore[no-any-return]
