"""All SQL the service runs: keyword-only functions over a Session, reads first, then writes."""

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    Date,
    Enum,
    Row,
    String,
    delete,
    func,
    type_coerce,
    update,
)
from sqlalchemy import select as select_table
from sqlmodel import Session, SQLModel, col, select

from app.domain.vocabulary import FigureStatus
from app.storage.tables import DatasetVersion, Document, EditorialChoice, Figure, Release, Source


def get_dataset_version(session: Session) -> int:
    """The current dataset version (0 before the first seed)."""
    row = session.get(DatasetVersion, 1)
    return row.version if row else 0


def get_version_stamp(session: Session) -> tuple[int, str]:
    """The dataset version, and what identifies this state of it: when the app set it and the
    stamp the database renews on any change of the row (see the dataset_stamp migration)."""
    query = select(DatasetVersion).where(col(DatasetVersion.id) == 1)
    # Read afresh even if this session holds the row: the database sets the stamp, not the app.
    row = session.exec(query.execution_options(populate_existing=True)).first()
    if row is None:
        return 0, ""
    return row.version, f"{row.updated_at.isoformat()} {row.stamp or ''}"


# The columns of a figure row, in the order list_figure_rows gives them.
FIGURE_COLUMNS = (
    "id",
    "metric",
    "dimension",
    "dimension_value",
    "unit",
    "period_start",
    "period_end",
    "value",
    "qualifier",
    "attributed_to",
    "source_id",
    "document_id",
    "ordinal",
    "note",
    "quote",
    "span_start",
    "span_end",
    "status",
)


def list_figure_rows(session: Session) -> Sequence[Row[Any]]:
    """Every figure as a plain row of FIGURE_COLUMNS (no ORM objects: the record loads very many).

    Vocabulary and date columns come as the driver gives them (text on SQLite), not converted per
    row: a large record repeats a few thousand distinct values, which the record converts once each.
    """
    table = Figure.metadata.tables["figure"]
    query = select_table(*(_as_stored(table.c[name]) for name in FIGURE_COLUMNS))
    return session.connection().execute(query).all()


def _as_stored(column: Column[Any]) -> ColumnElement[Any]:
    """A column read without SQLAlchemy's per-value conversion, where that conversion is costly."""
    if isinstance(column.type, Enum | Date):
        return type_coerce(column, String).label(column.name)
    return column


def list_all_sources(session: Session) -> Sequence[Source]:
    """Every source, in id order."""
    return session.exec(select(Source).order_by(col(Source.id))).all()


def list_all_choices(session: Session) -> Sequence[EditorialChoice]:
    """Every recorded editorial choice."""
    return session.exec(select(EditorialChoice).order_by(col(EditorialChoice.id))).all()


def get_document_by_hash(session: Session, *, content_hash: str) -> Document | None:
    """The stored document with this content, if any."""
    return session.exec(select(Document).where(Document.content_hash == content_hash)).first()


def get_document(session: Session, *, document_id: int) -> Document | None:
    """One stored document."""
    return session.get(Document, document_id)


def list_documents(session: Session, *, after: int | None, limit: int) -> Sequence[Document]:
    """A page of documents ordered by id, after a cursor (keyset pagination)."""
    query = select(Document).order_by(col(Document.id)).limit(limit)
    if after is not None:
        query = query.where(col(Document.id) > after)
    return session.exec(query).all()


def count_documents(session: Session) -> int:
    """How many documents are stored."""
    return session.exec(select(func.count()).select_from(Document)).one()


def count_figures_by_document(session: Session, *, document_ids: Sequence[int]) -> dict[int, int]:
    """How many figures were read from each of these documents."""
    query = (
        select(Figure.document_id, func.count())
        .where(col(Figure.document_id).in_(document_ids))
        .group_by(col(Figure.document_id))
    )
    return dict(session.exec(query).all())


def list_figures_of_document(session: Session, *, document_id: int) -> Sequence[Figure]:
    """The figures read from one document, in document order."""
    query = select(Figure).where(Figure.document_id == document_id).order_by(col(Figure.ordinal))
    return session.exec(query).all()


def get_source(session: Session, *, source_id: str) -> Source | None:
    """One source."""
    return session.get(Source, source_id)


def list_seed_documents(session: Session) -> dict[str, Document]:
    """Stored seed documents by path."""
    rows = session.exec(select(Document).where(Document.origin == "seed")).all()
    return {row.path: row for row in rows}


def delete_choices(session: Session) -> None:
    """Remove every editorial choice (they are rewritten from the reconciliation document)."""
    session.execute(delete(EditorialChoice))


def delete_figures_of_document(session: Session, *, document_id: int) -> None:
    """Remove the figures read from one document."""
    session.execute(delete(Figure).where(col(Figure.document_id) == document_id))


def delete_document(session: Session, *, document: Document) -> None:
    """Remove a document and the figures read from it."""
    session.execute(delete(Figure).where(col(Figure.document_id) == document.id))
    session.delete(document)
    session.flush()


def delete_source(session: Session, *, source_id: str) -> None:
    """Remove one source (once nothing names it)."""
    session.execute(delete(Source).where(col(Source.id) == source_id))


def delete_orphan_sources(session: Session) -> None:
    """Remove sources no longer named by any document."""
    used = select(Document.source_id).where(col(Document.source_id).is_not(None))
    session.execute(delete(Source).where(col(Source.id).not_in(used)))


def mark_reviewed(session: Session, *, figure_ids: Sequence[str]) -> list[str]:
    """Mark these provisional figures reviewed; returns the ids that changed."""
    query = select(Figure.id).where(
        col(Figure.id).in_(figure_ids), Figure.status == FigureStatus.provisional
    )
    changed = list(session.exec(query).all())
    if changed:
        session.execute(
            update(Figure).where(col(Figure.id).in_(changed)).values(status=FigureStatus.reviewed)
        )
    return changed


def list_figure_statuses(session: Session, *, figure_ids: Sequence[str]) -> dict[str, str]:
    """The status of each of these figures that exists."""
    query = select(Figure.id, Figure.status).where(col(Figure.id).in_(figure_ids))
    return dict(session.exec(query).all())


def list_releases(session: Session, *, limit: int) -> Sequence[Release]:
    """The latest releases, newest first."""
    query = select(Release).order_by(col(Release.version).desc()).limit(limit)
    return session.exec(query).all()


def record_release(session: Session, *, version: int, change: str, now: datetime) -> None:
    """Write the release row of a new dataset version, with the record's size after it."""

    def count(table: type[SQLModel]) -> int:
        return session.exec(select(func.count()).select_from(table)).one()

    session.add(
        Release(
            version=version,
            created_at=now,
            change=change,
            documents=count(Document),
            figures=count(Figure),
            sources=count(Source),
        )
    )
    session.flush()


def bump_dataset_version(session: Session, change: str = "the dataset changed") -> int:
    """Increase the dataset version by one, record the release (`change` says what), return it."""
    now = datetime.now(UTC)
    if session.get(DatasetVersion, 1) is None:
        session.add(DatasetVersion(id=1, version=0, updated_at=now))
        session.flush()
    session.execute(
        update(DatasetVersion)
        .where(col(DatasetVersion.id) == 1)
        .values(version=DatasetVersion.version + 1, updated_at=now)
    )
    session.flush()
    version = get_dataset_version(session)
    record_release(session, version=version, change=change, now=now)
    return version
