"""The schema comes only from the Alembic migrations, and they match the models."""

from sqlalchemy import inspect

from app.storage.engine import check_models_match_migrations, downgrade, migrate
from tests.databases import engine_for

TABLES = {"source", "document", "figure", "editorial_choice", "dataset_version"}


def test_upgrade_downgrade_upgrade(empty_database_url: str) -> None:
    with engine_for(empty_database_url) as engine:
        migrate(engine)
        assert set(inspect(engine).get_table_names()) >= TABLES
        downgrade(engine)
        assert not TABLES & set(inspect(engine).get_table_names())
        migrate(engine)
        assert set(inspect(engine).get_table_names()) >= TABLES


def test_models_match_migrations(empty_database_url: str) -> None:
    """What `alembic check` does: autogenerate finds nothing to add."""
    with engine_for(empty_database_url) as engine:
        migrate(engine)
        check_models_match_migrations(engine)
