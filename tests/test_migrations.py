"""The schema comes only from the Alembic migrations, and they match the models."""

from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from app.storage.engine import (
    SCHEMA_HEAD,
    alembic_config,
    check_models_match_migrations,
    downgrade,
    migrate,
    schema_revision,
)
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


def test_the_head_the_server_skips_alembic_at_is_alembics_own(empty_database_url: str) -> None:
    with engine_for(empty_database_url) as engine:
        heads = ScriptDirectory.from_config(alembic_config(engine)).get_heads()
        assert heads == [SCHEMA_HEAD]  # a new migration must move SCHEMA_HEAD too
        assert schema_revision(engine) is None
        migrate(engine, "c2b92dba7f03")  # the first migration: a start must go on from there
        migrate(engine)
        assert schema_revision(engine) == SCHEMA_HEAD
        migrate(engine)  # already there: nothing to do, nothing fails
        assert schema_revision(engine) == SCHEMA_HEAD
