"""`darien serve` prepares its database first: migrated to head under a lock, seeded, or refused."""

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from click.testing import Result
from sqlmodel import Session

import app.cli
from app.ingest.prepare import prepare_database
from app.storage import queries
from app.storage.engine import alembic_config, downgrade
from tests.conftest import SEED_DIR
from tests.databases import engine_for


def state(database_url: str) -> tuple[bool, int, int]:
    """(schema at head, dataset version, document count)."""
    with engine_for(database_url) as engine:
        head = ScriptDirectory.from_config(alembic_config(engine)).get_current_head()
        with engine.connect() as connection:
            current = MigrationContext.configure(connection).get_current_revision()
        with Session(engine) as session:
            if current is None:
                return False, 0, 0
            version = queries.get_dataset_version(session)
            return current == head, version, queries.count_documents(session)


def test_an_existing_database_is_brought_to_head_and_kept(database_url: str) -> None:
    seeded = state(database_url)
    with engine_for(database_url) as engine:
        downgrade(engine)
    assert state(database_url)[0] is False
    prepare_database(database_url, SEED_DIR)
    assert state(database_url) == seeded
    prepare_database(database_url, SEED_DIR)  # at head and seeded: nothing to do
    assert state(database_url) == seeded


def test_replicas_starting_together_migrate_and_seed_once(empty_database_url: str) -> None:
    errors: list[BaseException] = []
    start = threading.Barrier(3)

    def replica() -> None:
        start.wait()
        try:
            prepare_database(empty_database_url, SEED_DIR)
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=replica) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    at_head, version, documents = state(empty_database_url)
    assert (at_head, version) == (True, 1)
    assert documents == len(list(SEED_DIR.rglob("*.md"))) - 1  # every document but the README


def test_a_failed_seed_refuses_to_serve_with_the_reason(
    empty_database_url: str,
    seed_dir: Path,
    darien: Callable[..., Result],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (seed_dir / "sources" / "S001.md").write_text("---\nid: [unclosed\n---\n")
    monkeypatch.setenv("SEED_DIR", str(seed_dir))

    def serve(*args: object, **kwargs: object) -> None:
        raise AssertionError("the server started on an unseeded database")

    monkeypatch.setattr(app.cli.uvicorn, "run", serve)
    result = darien(empty_database_url, "serve")
    assert result.exit_code == 1
    assert "not serving: the database could not be prepared" in result.output
    assert "S001.md" in result.output
    assert state(empty_database_url) == (True, 0, 0)
