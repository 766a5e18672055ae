"""Database engines, sessions and migrations, for SQLite (embedded default) and PostgreSQL."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, event, inspect
from sqlalchemy.engine import make_url
from sqlmodel import Session, create_engine

from app.config import PROJECT_ROOT

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = PROJECT_ROOT / "migrations"
# The newest migration. A start on a schema already there skips loading Alembic, a tenth of a
# server's start-up; tests/test_migrations.py checks that this is Alembic's own head.
SCHEMA_HEAD = "3f6b2c8d1e47"


def _enable_sqlite_foreign_keys(dbapi_connection: Any, _record: Any) -> None:
    # SQLite ignores FOREIGN KEY clauses unless asked on every connection.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_engine(database_url: str) -> Engine:
    """An engine for the URL; creates the folder of an SQLite file on demand."""
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    if url.database and url.database != ":memory:":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _enable_sqlite_foreign_keys)
    return engine


@contextmanager
def read_transaction(engine: Engine) -> Iterator[Session]:
    """A session whose reads all see one state of the database, however many statements they take.

    PostgreSQL: REPEATABLE READ. SQLite: an explicit BEGIN, because the sqlite3 module opens a
    transaction only before a write and otherwise runs each SELECT on its own.
    """
    with Session(engine) as session, session.begin():
        if engine.dialect.name == "postgresql":
            session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        else:
            session.connection().exec_driver_sql("BEGIN")
        yield session


def alembic_config(engine: Engine) -> "Config":
    """An Alembic config that runs the project's migrations on this engine."""
    from alembic.config import Config  # Alembic is loaded only when a migration command runs

    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


def schema_revision(engine: Engine) -> str | None:
    """The migration the database's schema is at, or None before the first."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        revision: str | None = connection.exec_driver_sql(
            "SELECT version_num FROM alembic_version"
        ).scalar()
        return revision


def migrate(engine: Engine, revision: str = "head") -> None:
    """Upgrade the schema to a revision (head by default); nothing to do at head already."""
    if revision == "head" and schema_revision(engine) == SCHEMA_HEAD:
        return
    from alembic import command

    command.upgrade(alembic_config(engine), revision)
    renew_stamp(engine)


def downgrade(engine: Engine, revision: str = "base") -> None:
    """Downgrade the schema to a revision (base by default)."""
    from alembic import command

    command.downgrade(alembic_config(engine), revision)
    renew_stamp(engine)


def renew_stamp(engine: Engine) -> None:
    """Touch the dataset_version row after a migration, so that its trigger renews the stamp: a
    migration may change data without a new version, and a record kept from before it must not
    be read again (app/record/cache.py)."""
    with engine.begin() as connection:
        if inspect(connection).has_table("dataset_version"):
            connection.exec_driver_sql("UPDATE dataset_version SET version = version")


def check_models_match_migrations(engine: Engine) -> None:
    """Raise if the SQLModel tables and the migrations disagree (what `alembic check` does)."""
    from alembic import command

    command.check(alembic_config(engine))


def session_scope(engine: Engine) -> Iterator[Session]:
    """One session per request, closed afterwards."""
    with Session(engine) as session:
        yield session
