"""Fixtures for modules that read the small fixture seed (tests/fixtures/seed) instead of the real one.

Import `database_url` and `client` from here to override conftest's fixtures of the same names.
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


@pytest.fixture
def database_url(databases: Databases) -> Iterator[str]:
    """A database of this test's own, seeded from the fixture seed."""
    url = databases.new_empty()
    with engine_for(url) as engine:
        migrate(engine)
        seed(engine, FIXTURE_SEED)
    yield url
    databases.drop(url)


@pytest.fixture
def client(make_client: Any) -> ApiClient:
    """A client on the fixture seed's database whose charts mark the fixture seed's events."""
    return make_client(seed_dir=FIXTURE_SEED)  # type: ignore[no-any-return]
