"""/readyz: ready only while this worker serves the database's current dataset version."""

from typing import Any

import pytest
from sqlmodel import Session

from app.record import snapshot as snapshot_module
from app.storage import queries
from tests.conftest import ApiClient
from tests.databases import engine_for


def bump_version(database_url: str) -> int:
    with engine_for(database_url) as engine, Session(engine) as session, session.begin():
        return queries.bump_dataset_version(session)


def test_ready_when_serving_the_current_version(client: ApiClient) -> None:
    answer = client.get("/readyz")
    assert answer.status_code == 200
    assert answer.json() == {"status": "ready", "dataset_version": 1}


def test_a_new_version_is_caught_up_before_answering(client: ApiClient, database_url: str) -> None:
    version = bump_version(database_url)
    assert client.get("/readyz").json()["dataset_version"] == version
    assert client.get("/v1").json()["dataset_version"] == version


def test_a_failing_reload_is_503_with_its_error_until_it_succeeds(
    client: ApiClient, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: Any) -> Any:
        raise RuntimeError("figure table unreadable")

    monkeypatch.setattr(snapshot_module, "load_record", broken)
    version = bump_version(database_url)
    answer = client.get("/readyz")
    assert answer.status_code == 503
    assert answer.headers["content-type"] == "application/problem+json"
    assert answer.headers["retry-after"] == "5"
    problem = answer.json()
    assert problem["type"] == "/v1/problems/not-ready"
    assert "serves dataset version 1" in problem["detail"]
    assert "RuntimeError: figure table unreadable" in problem["detail"]
    assert client.get("/v1").json()["dataset_version"] == 1  # the old record still serves
    monkeypatch.undo()
    assert client.get("/readyz").json() == {"status": "ready", "dataset_version": version}
