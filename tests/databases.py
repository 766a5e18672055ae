"""Throwaway test databases on SQLite (always) or PostgreSQL (when TEST_DATABASE_URL is set).

A template is built once per session by the real migrations and seed; each test gets its own copy
(a file copy on SQLite, CREATE DATABASE ... TEMPLATE on PostgreSQL), so tests never share state.
"""

import itertools
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

ADMIN_URL = os.environ.get("TEST_DATABASE_URL", "")
BACKEND = "postgresql" if ADMIN_URL else "sqlite"
_counter = itertools.count()


@contextmanager
def _admin() -> Iterator[Connection]:
    engine = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        with engine.connect() as conn:
            yield conn
    finally:
        engine.dispose()


def _pg_url(name: str) -> str:
    return make_url(ADMIN_URL).set(database=name).render_as_string(hide_password=False)


class Databases:
    """Creates and drops the databases of one test session."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.prefix = f"darien_test_{os.getpid()}"
        self.template: str | None = None

    def new_empty(self) -> str:
        """URL of a brand-new empty database."""
        number = next(_counter)
        if BACKEND == "sqlite":
            return f"sqlite:///{self.workdir / f'db{number}.sqlite'}"
        name = f"{self.prefix}_{number}"
        with _admin() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        return _pg_url(name)

    def set_template(self, url: str) -> None:
        """Use this (migrated, seeded, no longer connected) database as the template for copies."""
        self.template = url

    def copy_of_template(self) -> str:
        """URL of a fresh copy of the template database."""
        assert self.template is not None
        number = next(_counter)
        if BACKEND == "sqlite":
            target = self.workdir / f"db{number}.sqlite"
            shutil.copyfile(make_url(self.template).database or "", target)
            return f"sqlite:///{target}"
        name = f"{self.prefix}_{number}"
        source = make_url(self.template).database
        with _admin() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{source}"'))
        return _pg_url(name)

    def drop(self, url: str) -> None:
        """Remove a database made by this class."""
        if BACKEND == "sqlite":
            Path(make_url(url).database or "").unlink(missing_ok=True)
            return
        name = make_url(url).database
        with _admin() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    def drop_all(self) -> None:
        """Remove every database this session made (PostgreSQL; SQLite files go with tmp)."""
        if BACKEND == "sqlite":
            return
        with _admin() as conn:
            names = (
                conn.execute(
                    text("SELECT datname FROM pg_database WHERE datname LIKE :p"),
                    {"p": f"{self.prefix}%"},
                )
                .scalars()
                .all()
            )
            for name in names:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@contextmanager
def engine_for(url: str) -> Iterator[Engine]:
    """An app engine (SQLite pragmas included) that is disposed afterwards."""
    from app.storage.engine import make_engine

    engine = make_engine(url)
    try:
        yield engine
    finally:
        engine.dispose()


@contextmanager
def seeded_from(databases: Databases, seed_dir: Path) -> Iterator[str]:
    """A new database migrated and seeded from another seed folder (a fixture seed), then dropped."""
    from app.ingest.seed import seed
    from app.storage.engine import migrate

    url = databases.new_empty()
    with engine_for(url) as engine:
        migrate(engine)
        seed(engine, seed_dir)
    try:
        yield url
    finally:
        databases.drop(url)
