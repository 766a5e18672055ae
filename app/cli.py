"""The `darien` command: serve, migrate, seed, ingest, review and check."""

import asyncio
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import orjson
import typer
import uvicorn
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from app.api.present import claim_public
from app.api.schemas_text import ClaimPublic
from app.asgi.requestlog import json_log_config
from app.config import get_settings
from app.domain.claims import judge_all
from app.extract import extract_figures
from app.ingest.prepare import clear_metrics_dir, prepare_database
from app.ingest.review import UnknownFigures, review_committed
from app.ingest.seed import seed as load_seed
from app.ingest.seed_format import DocumentError
from app.ingest.uploads import (
    NotRemovable,
    ingest_committed,
    parse_markdown_upload,
    remove_committed,
    text_size_problem,
)
from app.main import create_app
from app.record.build import load_record
from app.storage.engine import make_engine, migrate

if TYPE_CHECKING:
    from app.export.static import StaticReport

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


@cli.command("ingest")
def ingest_command(
    files: Annotated[
        list[Path] | None, typer.Argument(help="Markdown files with YAML front matter", exists=True)
    ] = None,
    remove: Annotated[
        list[int] | None,
        typer.Option("--remove", help="Remove this ingested document instead (repeatable)"),
    ] = None,
) -> None:
    """Ingest documents (the same path as POST /v1/documents), each in its own transaction."""
    if bool(files) == bool(remove):
        typer.echo("give files to ingest or --remove ID, not both", err=True)
        raise typer.Exit(2)
    engine = make_engine(get_settings().database_url)
    try:
        outcomes = [ingest_file(engine, path) for path in files or []]
        outcomes += [remove_document(engine, document_id) for document_id in remove or []]
    finally:
        engine.dispose()
    if not all(outcomes):
        raise typer.Exit(1)


def ingest_file(engine: Engine, path: Path) -> bool:
    """Ingest one file and say what happened; False when it was refused."""
    try:
        upload = parse_markdown_upload(path.read_text(encoding="utf-8"))
        if problem := text_size_problem(upload.text, get_settings().max_text_bytes):
            raise ValueError(problem)
        result, (doc_id, count) = ingest_committed(
            engine, upload, lambda _, r: (r.document.id, len(r.figures))
        )
    except (ValueError, DocumentError, SQLAlchemyError) as exc:  # ValidationError is a ValueError
        typer.echo(f"{path}: not ingested: {exc}", err=True)
        return False
    state = "stored" if result.created else "already stored"
    typer.echo(f"{path}: {state} as document {doc_id} with {count} figures")
    return True


def remove_document(engine: Engine, document_id: int) -> bool:
    """Remove one ingested document and say what happened; False when it was refused."""
    try:
        version = remove_committed(engine, document_id)
    except (NotRemovable, SQLAlchemyError) as exc:
        typer.echo(f"document {document_id}: not removed: {exc}", err=True)
        return False
    if version is None:
        typer.echo(f"document {document_id}: no such document", err=True)
        return False
    typer.echo(f"document {document_id}: removed with its figures; dataset version {version}")
    return True


@cli.command("review")
def review_command(
    figure_ids: Annotated[list[str], typer.Argument(help="Ids of ingested figures (D00001-001)")],
) -> None:
    """Mark ingested figures reviewed: they may then be canonical (the dataset version is bumped)."""
    engine = make_engine(get_settings().database_url)
    try:
        report = review_committed(engine, figure_ids)
    except (UnknownFigures, SQLAlchemyError) as exc:
        typer.echo(f"not reviewed: {exc}", err=True)
        raise typer.Exit(1) from None
    finally:
        engine.dispose()
    if report.reviewed:
        typer.echo(f"reviewed: {', '.join(report.reviewed)}; dataset version {report.version}")
    if report.already:
        typer.echo(f"already reviewed: {', '.join(report.already)}")


@cli.command("check")
def check_command(
    sentence: Annotated[str | None, typer.Argument(help="Text to check")] = None,
    file: Annotated[
        Path | None, typer.Option("--file", help="Read the text from a file", exists=True)
    ] = None,
    published: Annotated[str | None, typer.Option(help="Publication date, YYYY-MM-DD")] = None,
    language: Annotated[str | None, typer.Option(help="en or es (detected when absent)")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table")] = False,
) -> None:
    """Check the figures a sentence states against the record; prints claims and verdicts."""
    if (sentence is None) == (file is None):
        typer.echo("give a sentence or --file, not both", err=True)
        raise typer.Exit(2)
    text = sentence if sentence is not None else (file or Path()).read_text(encoding="utf-8")
    try:
        when = date.fromisoformat(published) if published else None
    except ValueError:
        raise typer.BadParameter("use YYYY-MM-DD", param_hint="--published") from None
    engine = make_engine(get_settings().database_url)
    try:
        record = load_record(engine)
    finally:
        engine.dispose()
    claims = [claim_public(j) for j in judge_all(record, extract_figures(text, when, language))]
    if as_json:
        typer.echo(
            orjson.dumps(
                [c.model_dump(mode="json") for c in claims], option=orjson.OPT_INDENT_2
            ).decode()
        )
        return
    typer.echo(claims_table(claims))


def claims_table(claims: list[ClaimPublic]) -> str:
    """A plain-text table: value, qualifier, period, subject, verdict, reference."""
    rows = [("value", "qualifier", "period", "subject", "verdict", "reference")]
    for c in claims:
        period = f"{c.period.start}/{c.period.end}" if c.period else "?"
        subject = c.subject.dimension + (f"={c.subject.value}" if c.subject.value else "")
        reference = f"{c.reference.value:,} ({c.reference.id or 'derived'})" if c.reference else "-"
        rows.append((f"{c.value:,}", c.qualifier, period, subject, c.verdict, reference))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    return "\n".join(lines) if claims else "no figures found"


@cli.command("export")
def export_command(
    target: Annotated[Path, typer.Argument(help="Folder to write into (created if missing)")],
    static: Annotated[
        bool, typer.Option("--static", help="Every GET answer as files, plus nginx.conf")
    ] = False,
    listen: Annotated[
        str, typer.Option(help="--static: nginx's listen address")
    ] = "127.0.0.1:8080",
) -> None:
    """Write the bulk bundle (CSVs, datapackage.json, README.md), or with --static a copy of the
    whole read API that nginx serves (`nginx -c DIR/nginx.conf`)."""
    # Loaded here, not with the module: its HTTP client is not needed to serve.
    from app.export.bundle import export_bundle
    from app.export.static import export_static

    settings = get_settings().model_copy(update={"request_log": False})
    target.mkdir(parents=True, exist_ok=True)
    app = create_app(settings)
    try:
        if static:
            echo_static_report(asyncio.run(export_static(app, settings, target, listen)), target)
        else:
            names = asyncio.run(export_bundle(app, target))
            typer.echo(f"wrote {len(names)} files to {target}: {', '.join(names)}")
    except SQLAlchemyError as exc:
        reason = str(exc).splitlines()[0]
        typer.echo(
            f"not exported: the database could not be read ({reason}); run darien migrate "
            "and darien seed first",
            err=True,
        )
        raise typer.Exit(1) from None


def echo_static_report(report: "StaticReport", target: Path) -> None:
    """What a static export wrote, and what it left out."""
    for path in report.skipped:
        typer.echo(f"not exported (its parameters are not enumerable): {path}", err=True)
    for url in report.failed:
        typer.echo(f"not exported (not a 200): {url}", err=True)
    config = target.resolve() / "nginx.conf"
    typer.echo(f"wrote {report.written} answers to {target}; serve with nginx -c {config}")


@cli.command("serve")
def serve_command(
    host: Annotated[str | None, typer.Option(help="Interface to bind (HOST)")] = None,
    port: Annotated[int | None, typer.Option(help="Port (PORT)")] = None,
    workers: Annotated[int | None, typer.Option(help="Worker processes (WORKERS)")] = None,
) -> None:
    """Serve the API: the schema is migrated to head first, and an unseeded database seeded."""
    settings = get_settings()
    try:
        prepare_database(settings.database_url, settings.seed_dir)
    except (DocumentError, SQLAlchemyError) as exc:
        typer.echo(f"not serving: the database could not be prepared: {exc}", err=True)
        raise typer.Exit(1) from None
    clear_metrics_dir()
    uvicorn.run(
        "app.main:create_app",
        factory=True,
        host=host if host is not None else settings.host,
        port=port if port is not None else settings.port,
        workers=workers if workers is not None else settings.workers,
        log_level=settings.log_level,
        log_config=json_log_config(settings.log_level),
        access_log=False,  # the app writes its own cheaper, structured line per request
        server_header=False,  # no "server: uvicorn" banner
        loop="uvloop",
        http="httptools",
    )
