"""Table models: what is stored."""

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Column, Index, UniqueConstraint
from sqlalchemy import Enum as SAEnum
from sqlmodel import Field, SQLModel

from app.domain.vocabulary import (
    DatePrecision,
    Dimension,
    FigureStatus,
    Qualifier,
    SourceKind,
    Unit,
)


def _enum(enum: type[StrEnum], name: str, server_default: str | None = None) -> Column[str]:
    # Stored as plain strings (native_enum off) so a new member needs no ALTER TYPE on PostgreSQL.
    column_type = SAEnum(enum, name=name, native_enum=False, length=16)
    return Column(column_type, nullable=False, server_default=server_default)


class Source(SQLModel, table=True):
    """A page or document that reports figures: who published it, when, and from which wire."""

    id: str = Field(primary_key=True, max_length=32)
    publisher: str = Field(max_length=200)
    wire: str | None = Field(default=None, max_length=64)
    title: str = Field(max_length=500)
    url: str | None = Field(default=None, max_length=1000)
    published: date | None = None
    published_precision: DatePrecision = Field(sa_column=_enum(DatePrecision, "date_precision"))
    kind: SourceKind = Field(sa_column=_enum(SourceKind, "source_kind"))
    language: str = Field(max_length=8)


class Document(SQLModel, table=True):
    """A stored document (a seed file or an ingested text) that figures were read from."""

    __table_args__ = (UniqueConstraint("path"), UniqueConstraint("content_hash"))

    id: int | None = Field(default=None, primary_key=True)
    path: str = Field(
        max_length=300, description="seed/ relative path, or ingest/<hash> for uploads"
    )
    origin: str = Field(max_length=16, description="seed or ingest")
    content_hash: str = Field(max_length=64, description="sha256 of the document bytes")
    source_id: str | None = Field(default=None, foreign_key="source.id", index=True)
    title: str = Field(max_length=500)
    text: str
    created_at: datetime
    updated_at: datetime


class Figure(SQLModel, table=True):
    """One reported figure: a value for a metric, period and breakdown, as one source states it."""

    __table_args__ = (
        Index("ix_figure_cell", "metric", "dimension", "unit", "period_start", "period_end"),
    )

    id: str = Field(primary_key=True, max_length=32)
    metric: str = Field(max_length=32)
    period_start: date
    period_end: date
    dimension: Dimension = Field(sa_column=_enum(Dimension, "dimension"))
    dimension_value: str | None = Field(default=None, max_length=64)
    unit: Unit = Field(sa_column=_enum(Unit, "unit"))
    value: float
    qualifier: Qualifier = Field(sa_column=_enum(Qualifier, "qualifier"))
    attributed_to: str = Field(max_length=64)
    source_id: str = Field(foreign_key="source.id", index=True)
    document_id: int = Field(foreign_key="document.id", index=True)
    ordinal: int = Field(description="position of the figure in its document")
    note: str | None = None
    quote: str | None = Field(default=None, description="span of the document that states it")
    span_start: int | None = None
    span_end: int | None = None
    # Uploads are provisional until `darien review`; rows older than the column were all reviewed.
    status: FigureStatus = Field(
        default=FigureStatus.reviewed,
        sa_column=_enum(FigureStatus, "figure_status", server_default=FigureStatus.reviewed),
    )


class EditorialChoice(SQLModel, table=True):
    """A recorded decision about which figure is canonical for a cell (figure_id null: none is)."""

    __tablename__ = "editorial_choice"
    __table_args__ = (
        UniqueConstraint(
            "metric", "dimension", "dimension_value", "unit", "period_start", "period_end"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    metric: str = Field(max_length=32)
    period_start: date
    period_end: date
    dimension: Dimension = Field(sa_column=_enum(Dimension, "dimension"))
    dimension_value: str | None = Field(default=None, max_length=64)
    unit: Unit = Field(sa_column=_enum(Unit, "unit"))
    figure_id: str | None = Field(default=None, foreign_key="figure.id")
    reason: str
    document_id: int = Field(foreign_key="document.id", index=True)


class DatasetVersion(SQLModel, table=True):
    """A single row whose version is bumped by every write, so readers know when to refresh."""

    __tablename__ = "dataset_version"

    id: int = Field(default=1, primary_key=True)
    version: int = 0
    updated_at: datetime
    # Renewed by the database on every change of this row (a trigger, see the dataset_stamp
    # migration), never by the app: the record cache's proof that the data is the same.
    stamp: str | None = Field(default=None, max_length=32)


class Release(SQLModel, table=True):
    """One dataset version as published: when, what changed, and the record's size after it."""

    version: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    created_at: datetime
    change: str = Field(description="What changed, in words: documents added, updated or removed")
    documents: int = Field(description="Stored documents once this version was written")
    figures: int = Field(description="Reported figures once this version was written")
    sources: int = Field(description="Sources once this version was written")
