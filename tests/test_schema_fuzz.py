"""Schemathesis generates requests from our own OpenAPI description, valid and deliberately invalid:
none may end in a 5xx, and every error must be a problem+json document.

A quick, in-suite subset of `make fuzz` (scripts/fuzz.py), which runs the schemathesis CLI with
every check (status codes, content types, schemas, positive and negative data, auth, methods)."""

import itertools
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable

from tests.servers import ROOT, UVICORN, running, seeded_sqlite

# The key scripts/fuzz.py gives its server too.
FUZZ_KEY = "fuzz-key"


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real server on a migrated, seeded SQLite copy (fuzzing must not touch other tests' data),
    set up as `make fuzz` sets it up (scripts/fuzz.py: same database, same key)."""
    url = seeded_sqlite(tmp_path_factory.mktemp("fuzz"), ROOT / "seed")
    with running(UVICORN, url, DARIEN_API_KEYS=FUZZ_KEY) as base:
        yield base


def test_generated_requests_never_fail_the_server(live_server: str) -> None:
    schema = schemathesis.openapi.from_url(f"{live_server}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 12
    modes = (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE)
    for operation, mode in itertools.product(operations, modes):

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
        def check(case: Any) -> None:
            response = case.call(headers={"Authorization": f"Bearer {FUZZ_KEY}"})
            where = f"{case.method} {case.formatted_path} {case.query}"
            assert response.status_code < 500, (where, response.text[:300])
            if response.status_code >= 400:
                content_type = response.headers.get("content-type") or [""]
                assert content_type[0] == "application/problem+json", where

        try:
            check()
        except Unsatisfiable:
            # An operation without parameters or body has no invalid request to make.
            assert mode is schemathesis.GenerationMode.NEGATIVE, operation.label
