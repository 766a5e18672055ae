"""The in-memory record follows the database's dataset version, either way, one reload at a time."""

import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlmodel import Session

from app.ingest.seed import seed
from app.record import snapshot as snapshot_module
from app.record.snapshot import Snapshot
from app.storage import queries
from tests.databases import engine_for


def bump(database_url: str, seed_dir: Path, value: str) -> None:
    doc = seed_dir / "sources" / "S002.md"
    doc.write_text(
        doc.read_text().replace("| 1,777 |", f"| {value} |").replace("| 1,778 |", f"| {value} |")
    )
    with engine_for(database_url) as engine:
        seed(engine, seed_dir)


def test_refresh_loads_a_new_version_once(database_url: str, seed_dir: Path) -> None:
    with engine_for(database_url) as engine:
        snap = Snapshot(engine)
        seen: list[int] = []
        snap.on_change.append(lambda record: seen.append(record.version))
        assert snap.refresh() is False
        bump(database_url, seed_dir, "1,778")
        threads = [threading.Thread(target=snap.refresh) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert seen == [2]
        assert snap.record.yearly["2012"].figure.value == 1778


def test_refresh_follows_a_restored_backup_backwards(database_url: str, seed_dir: Path) -> None:
    with engine_for(database_url) as engine:
        snap = Snapshot(engine)
        bump(database_url, seed_dir, "1,778")
        assert snap.refresh() is True
        assert snap.record.version == 2
        bump(database_url, seed_dir, "1,777")
        with Session(engine) as session, session.begin():  # what a restored backup looks like
            session.execute(text("UPDATE dataset_version SET version = 1"))
        assert snap.refresh() is True
        assert (snap.record.version, snap.record.yearly["2012"].figure.value) == (1, 1777)


def test_the_record_is_read_in_one_transaction(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    real = queries.list_all_sources

    def spy(session: Session) -> Any:
        connection = session.connection()
        if connection.dialect.name == "sqlite":
            seen.append(connection.connection.driver_connection.in_transaction)  # type: ignore[union-attr]
        else:
            level = connection.exec_driver_sql("SHOW transaction_isolation").scalar()
            seen.append(level == "repeatable read")
        return real(session)

    monkeypatch.setattr(queries, "list_all_sources", spy)
    with engine_for(database_url) as engine:
        Snapshot(engine)
    assert seen == [True]


def test_a_failed_reload_is_remembered_until_one_succeeds(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with engine_for(database_url) as engine:
        snap = Snapshot(engine)
        with Session(engine) as session, session.begin():
            queries.bump_dataset_version(session)

        def broken(*_: Any) -> Any:
            raise RuntimeError("figure table unreadable")

        monkeypatch.setattr(snapshot_module, "load_record", broken)
        with pytest.raises(RuntimeError):
            snap.refresh()
        assert snap.last_error == "RuntimeError: figure table unreadable"
        monkeypatch.undo()
        assert snap.refresh() is True
        assert snap.last_error is None
