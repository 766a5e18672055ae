"""The `darien` command: serve, migrate and seed."""

import sys
from pathlib import Path
from typing import Annotated

import typer
import uvicorn

from app.config import get_settings
from app.db import is_empty, make_engine, migrate
from app.ingest.documents import DocumentError
from app.ingest.seed import seed as load_seed

cli = typer.Typer(help="Darién Gap crossings API", no_args_is_help=True, add_completion=False)


@cli.command("migrate")
def migrate_command() -> None:
    """Apply database migrations up to the latest."""
    engine = make_engine(get_settings().database_url)
    migrate(engine)
    engine.dispose()
    typer.echo("database schema is up to date")


@cli.command("seed")
def seed_command(
    seed_dir: Annotated[Path | None, typer.Option(help="Folder of seed documents")] = None,
) -> None:
    """Load the seed documents (idempotent; all or nothing)."""
    settings = get_settings()
    engine = make_engine(settings.database_url)
    try:
        report = load_seed(engine, seed_dir or settings.seed_dir)
    except DocumentError as exc:
        typer.echo(f"seed failed, nothing was changed: {exc}", err=True)
        raise typer.Exit(1) from None
    finally:
        engine.dispose()
    typer.echo(
        f"seed: {report.added} added, {report.updated} updated, {report.removed} removed, "
        f"{report.unchanged} unchanged; dataset version {report.version}"
    )


@cli.command("serve")
def serve_command(
    host: Annotated[str | None, typer.Option(help="Interface to bind (HOST)")] = None,
    port: Annotated[int | None, typer.Option(help="Port (PORT)")] = None,
    workers: Annotated[int | None, typer.Option(help="Worker processes (WORKERS)")] = None,
) -> None:
    """Serve the API; an empty database is migrated and seeded first."""
    settings = get_settings()
    engine = make_engine(settings.database_url)
    if is_empty(engine):
        typer.echo("empty database: migrating and seeding first")
        migrate(engine)
        load_seed(engine, settings.seed_dir)
    engine.dispose()
    uvicorn.run(
        "app.main:create_app",
        factory=True,
        host=host or settings.host,
        port=port or settings.port,
        workers=workers or settings.workers,
        log_level=settings.log_level,
        access_log=False,  # the app writes its own cheaper, structured line per request
        loop="uvloop",
        http="httptools",
    )


def main() -> None:
    """Console-script entry point."""
    sys.exit(cli())
