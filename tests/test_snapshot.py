"""The in-memory record follows the database's dataset version: forwards only, one reload at a time."""

import threading
from pathlib import Path
from typing import Any

import pytest

from app.ingest.seed import seed
from app.record import snapshot as snapshot_module
from app.record.snapshot import Snapshot
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


def test_refresh_never_goes_backwards(
    database_url: str, seed_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with engine_for(database_url) as engine:
        snap = Snapshot(engine)
        old = snap.record
        bump(database_url, seed_dir, "1,778")
        assert snap.refresh() is True
        newer = snap.record
        bump(database_url, seed_dir, "1,779")

        def stale_load(_: Any) -> Any:  # a slow reload that read the database before the bump
            return old

        monkeypatch.setattr(snapshot_module, "load_record", stale_load)
        assert snap.refresh() is False
        assert snap.record is newer
