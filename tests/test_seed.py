"""Seeding: complete, idempotent, follows edits and removals, and all-or-nothing on a bad document."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from sqlalchemy import Engine, text

from app.ingest.seed import seed
from app.ingest.seed_format import DocumentError
from app.storage.engine import migrate
from tests.conftest import SEED_DIR
from tests.databases import engine_for

TABLES = ["source", "document", "figure", "editorial_choice", "dataset_version"]


def snapshot(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in a stable order."""
    with engine.connect() as conn:
        return {
            t: sorted(map(tuple, conn.execute(text(f"SELECT * FROM {t}"))), key=repr)
            for t in TABLES
        }


def count(engine: Engine, table: str) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def test_seed_loads_every_source_figure_and_decision(database_url: str) -> None:
    with engine_for(database_url) as engine:
        assert count(engine, "source") == 211
        assert count(engine, "figure") == 844
        assert (
            count(engine, "editorial_choice") == 70
        )  # 67 for totals, 3 for breakdowns (VEN March 2023, two 2024 exclusions)
        assert count(engine, "document") == 211 + 1  # one per source, and the reconciliation record


def test_second_seed_changes_nothing(database_url: str) -> None:
    with engine_for(database_url) as engine:
        before = snapshot(engine)
        report = seed(engine, SEED_DIR)
        assert not report.changed
        assert snapshot(engine) == before


def test_edited_document_updates_its_rows(database_url: str, seed_dir: Path) -> None:
    doc = seed_dir / "sources" / "S002.md"
    doc.write_text(doc.read_text().replace("| 1,777 |", "| 1,778 |"))
    with engine_for(database_url) as engine:
        report = seed(engine, seed_dir)
        assert (report.updated, report.added, report.removed) == (1, 0, 0)
        with engine.connect() as conn:
            value = conn.execute(text("SELECT value FROM figure WHERE id = 'F0004'")).scalar_one()
            version = conn.execute(text("SELECT version FROM dataset_version")).scalar_one()
        assert value == 1778
        assert version == 2


def test_removed_document_removes_its_rows(database_url: str, seed_dir: Path) -> None:
    (seed_dir / "sources" / "S010.md").unlink()  # its one figure is no canonical choice
    with engine_for(database_url) as engine:
        report = seed(engine, seed_dir)
        assert report.removed == 1
        with engine.connect() as conn:
            left = conn.execute(
                text("SELECT count(*) FROM figure WHERE source_id = 'S010'")
            ).scalar_one()
            source = conn.execute(
                text("SELECT count(*) FROM source WHERE id = 'S010'")
            ).scalar_one()
        assert (left, source) == (0, 0)
        assert count(engine, "figure") == 844 - 3


@pytest.mark.parametrize(
    ("name", "old", "new", "needle"),
    [
        ("sources/S010.md", "| more_than |", "| more_or_less |", "more_or_less"),
        ("sources/S011.md", "kind: news", "kind: rumour", "kind"),
        ("reconciliation.md", "| F0066 |", "| F9999 |", "F9999 does not exist"),
        ("reconciliation.md", "| F0066 |", "| F0001 |", "not a figure of this period"),
    ],
)
def test_broken_document_leaves_database_unchanged(
    database_url: str, seed_dir: Path, name: str, old: str, new: str, needle: str
) -> None:
    # Change a good document first, so an all-or-nothing failure has something to roll back.
    good = seed_dir / "sources" / "S002.md"
    good.write_text(good.read_text().replace("| 1,777 |", "| 1,778 |"))
    broken = seed_dir / name
    assert old in broken.read_text()
    broken.write_text(broken.read_text().replace(old, new, 1))
    with engine_for(database_url) as engine:
        before = snapshot(engine)
        with pytest.raises(DocumentError) as caught:
            seed(engine, seed_dir)
        assert caught.value.path == name
        assert caught.value.line > 0
        assert needle in caught.value.problem
        assert snapshot(engine) == before


def test_duplicate_figure_id_across_documents_is_refused(seed_dir: Path, database_url: str) -> None:
    doc = seed_dir / "sources" / "S003.md"
    lines = doc.read_text().splitlines()
    row = next(line for line in lines if line.startswith("| F"))
    copy = seed_dir / "sources" / "S002.md"
    copy.write_text(copy.read_text() + row + "\n")
    with engine_for(database_url) as engine, pytest.raises(DocumentError, match="also in"):
        seed(engine, seed_dir)


def test_cli_seed_reports_file_and_line_and_exits_nonzero(
    database_url: str, seed_dir: Path, darien: Callable[..., Result]
) -> None:
    doc = seed_dir / "sources" / "S010.md"
    doc.write_text(doc.read_text().replace("| people |", "| persons |", 1))
    result = darien(database_url, "seed", "--seed-dir", str(seed_dir))
    assert result.exit_code == 1
    assert "sources/S010.md:" in result.output
    assert "persons" in result.output


def test_cli_migrate_and_seed_on_empty_database(
    empty_database_url: str, darien: Callable[..., Result]
) -> None:
    assert darien(empty_database_url, "migrate").exit_code == 0
    first = darien(empty_database_url, "seed", "--seed-dir", str(SEED_DIR))
    second = darien(empty_database_url, "seed", "--seed-dir", str(SEED_DIR))
    assert first.exit_code == 0
    assert "212 added" in first.output
    assert "0 added, 0 updated, 0 removed" in second.output


def test_seed_into_fresh_schema_matches_template(
    empty_database_url: str, database_url: str
) -> None:
    with engine_for(empty_database_url) as fresh, engine_for(database_url) as template:
        migrate(fresh)
        seed(fresh, SEED_DIR)
        fresh_rows, template_rows = snapshot(fresh), snapshot(template)
    for table in ("source", "figure", "editorial_choice"):
        assert fresh_rows[table] == template_rows[table]
