"""All SQL the service runs: keyword-only functions over a Session, reads first, then writes."""

from collections.abc import Sequence
from datetime import UTC, date, datetime

from sqlalchemy import delete, func, update
from sqlmodel import Session, col, select

from app.models import DatasetVersion, Document, EditorialChoice, Figure, Source

FigureRow = tuple[Figure, Source]


def get_dataset_version(session: Session) -> int:
    """The current dataset version (0 before the first seed)."""
    row = session.get(DatasetVersion, 1)
    return row.version if row else 0


def list_figures_by_kind(
    session: Session, *, metric: str, dimension: str, unit: str, start: date, end: date
) -> Sequence[FigureRow]:
    """Figures of one metric, dimension and unit whose period lies within [start, end]."""
    query = (
        select(Figure, Source)
        .join(Source, col(Figure.source_id) == col(Source.id))
        .where(Figure.metric == metric, Figure.dimension == dimension, Figure.unit == unit)
        .where(Figure.period_start >= start, Figure.period_end <= end)
        .order_by(col(Figure.period_start), col(Figure.period_end), col(Figure.id))
    )
    return session.exec(query).all()


def list_choices(
    session: Session, *, metric: str, dimension: str, unit: str
) -> Sequence[EditorialChoice]:
    """Recorded editorial choices for one metric, dimension and unit."""
    query = select(EditorialChoice).where(
        EditorialChoice.metric == metric,
        EditorialChoice.dimension == dimension,
        EditorialChoice.unit == unit,
    )
    return session.exec(query).all()


def get_figure(session: Session, *, figure_id: str) -> FigureRow | None:
    """One figure with its source."""
    query = (
        select(Figure, Source)
        .join(Source, col(Figure.source_id) == col(Source.id))
        .where(Figure.id == figure_id)
    )
    return session.exec(query).first()


def list_figures_of_source(session: Session, *, source_id: str) -> Sequence[Figure]:
    """The figures one source reports, in document order."""
    query = (
        select(Figure)
        .where(Figure.source_id == source_id)
        .order_by(col(Figure.document_id), col(Figure.ordinal))
    )
    return session.exec(query).all()


def list_sources(session: Session, *, after: str | None, limit: int) -> Sequence[Source]:
    """A page of sources ordered by id, starting after a cursor (keyset pagination)."""
    query = select(Source).order_by(col(Source.id)).limit(limit)
    if after is not None:
        query = query.where(Source.id > after)
    return session.exec(query).all()


def count_figures_by_source(session: Session) -> dict[str, int]:
    """How many figures each source reports."""
    query = select(Figure.source_id, func.count()).group_by(col(Figure.source_id))
    return dict(session.exec(query).all())


def count_sources(session: Session) -> int:
    """How many sources there are."""
    return session.exec(select(func.count()).select_from(Source)).one()


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


def delete_orphan_sources(session: Session) -> None:
    """Remove sources no longer named by any document."""
    used = select(Document.source_id).where(col(Document.source_id).is_not(None))
    session.execute(delete(Source).where(col(Source.id).not_in(used)))


def bump_dataset_version(session: Session) -> int:
    """Increase the dataset version by one and return it."""
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
    return get_dataset_version(session)
