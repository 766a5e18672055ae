"""Ingest one new document (its text, its source and the figures the extractor finds), or undo one.

Shared by POST and DELETE /v1/documents and `darien ingest [--remove]`; the caller owns the transaction, so a failure
anywhere leaves no partial rows.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from app.domain.vocabulary import (
    DatePrecision,
    Dimension,
    FigureStatus,
    Qualifier,
    SourceKind,
    Unit,
)
from app.extract import ExtractedFigure, detect_language, extract_figures
from app.ingest.seed_format import content_hash, split_front_matter
from app.storage import queries
from app.storage.tables import Document, Figure, Source

T = TypeVar("T")
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# The bounds of `published`, for the OpenAPI (a date's ge/le do not reach the JSON schema).
YEARS_1900_TO_2100 = r"^(19[0-9]{2}|20[0-9]{2}|2100)-"


def calendar_date(value: object) -> object:
    """A date is written YYYY-MM-DD: a number or a timestamp is refused, not read as Unix time."""
    if isinstance(value, int | float) or (isinstance(value, str) and not ISO_DATE.fullmatch(value)):
        raise ValueError("must be a date written YYYY-MM-DD")
    return value


class DocumentMeta(BaseModel):
    """What an uploaded document must say about itself."""

    model_config = ConfigDict(extra="forbid")

    publisher: str = Field(min_length=1, max_length=200, examples=["Agencia EFE"])
    title: str = Field(min_length=1, max_length=500, examples=["Darién crossings fall in 2024"])
    url: str | None = Field(default=None, max_length=1000, pattern=r"^https?://\S+$")
    published: date = Field(
        ge=date(1900, 1, 1),
        le=date(2100, 12, 31),
        examples=["2024-01-10"],
        json_schema_extra={"pattern": YEARS_1900_TO_2100},
    )
    language: Literal["en", "es"] | None = Field(default=None, description="Detected when absent")
    attributed_to: str = Field(
        default="unattributed", min_length=1, max_length=64, examples=["SNM"]
    )
    kind: SourceKind = Field(default=SourceKind.news)
    wire: str | None = Field(default=None, max_length=64, description="Agency, if syndicated")

    _published_is_a_date = field_validator("published", mode="before")(calendar_date)


class DocumentUpload(DocumentMeta):
    """A document sent as JSON: its metadata and its text."""

    text: str = Field(min_length=1, description="The document's text (plain or Markdown)")

    @field_validator("*")
    @classmethod
    def no_nul_characters(cls, value: object) -> object:
        # PostgreSQL text cannot hold U+0000 (SQLite can): refuse it the same way on both.
        if isinstance(value, str) and "\x00" in value:
            raise ValueError("must not contain NUL (U+0000) characters")
        return value


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What an ingest stored (or found already stored)."""

    document: Document
    figures: list[Figure]
    unplaced: list[ExtractedFigure]
    created: bool


def parse_markdown_upload(text: str) -> DocumentUpload:
    """A Markdown document whose YAML front matter carries the metadata; raises ValueError."""
    meta, body_line = split_front_matter("upload", text)
    body = "\n".join(text.splitlines()[body_line - 1 :]).strip("\n")
    return DocumentUpload.model_validate({**meta, "text": body})


def ingest_committed(
    engine: Engine, upload: DocumentUpload, describe: Callable[[Session, IngestResult], T]
) -> tuple[IngestResult, T]:
    """Ingest in a transaction of its own and describe the result before the session closes.

    Two uploads of the same text at once: the loser's insert violates the unique content hash,
    and it is answered as "already stored", like any repeat.
    """
    for attempt in (1, 2):
        try:
            with Session(engine) as session, session.begin():
                result = ingest(session, upload)
                return result, describe(session, result)
        except IntegrityError:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


class NotRemovable(Exception):
    """A document that only the seed may change."""


def remove_committed(engine: Engine, document_id: int) -> int | None:
    """Remove an ingested document, its figures and its source in one transaction.

    Returns the new dataset version, or None when there is no such document.
    """
    with Session(engine) as session, session.begin():
        document = queries.get_document(session, document_id=document_id)
        if document is None:
            return None
        if document.origin != "ingest":
            raise NotRemovable(
                f"document {document_id} ({document.path}) comes from the seed; "
                "edit the seed folder and run darien seed to change it"
            )
        source_id = document.source_id
        change = f"Removed ingested document {document_id} (“{document.title}”) and its figures."
        queries.delete_document(session, document=document)
        if source_id is not None:
            queries.delete_source(session, source_id=source_id)
        return queries.bump_dataset_version(session, change)


def text_size_problem(text: str, limit: int) -> str | None:
    """Why a text is too large to ingest, or None."""
    size = len(text.encode("utf-8"))
    return f"text is {size:,} bytes; the limit is {limit:,}" if size > limit else None


def ingest(session: Session, upload: DocumentUpload) -> IngestResult:
    """Store the document and its figures, or return the stored one with the same content."""
    digest = content_hash(upload.text)
    existing = queries.get_document_by_hash(session, content_hash=digest)
    if existing is not None:
        assert existing.id is not None
        figures = list(queries.list_figures_of_document(session, document_id=existing.id))
        return IngestResult(existing, figures, [], created=False)
    now = datetime.now(UTC)
    language = upload.language or detect_language(upload.text)
    document = Document(
        path=f"ingest/{digest[:16]}",
        origin="ingest",
        content_hash=digest,
        title=upload.title,
        text=upload.text,
        created_at=now,
        updated_at=now,
    )
    session.add(document)
    session.flush()
    assert document.id is not None
    source = Source(
        id=f"D{document.id:05d}",
        publisher=upload.publisher,
        wire=upload.wire,
        title=upload.title,
        url=upload.url,
        published=upload.published,
        published_precision=DatePrecision.day,
        kind=upload.kind,
        language=language,
    )
    session.add(source)
    session.flush()
    document.source_id = source.id
    found = extract_figures(upload.text, upload.published, language)
    placed = [f for f in found if f.period is not None]
    figures = [
        _figure_row(f, n, document.id, source.id, upload.attributed_to)
        for n, f in enumerate(placed, 1)
    ]
    session.add_all(figures)
    session.flush()
    change = (
        f"Ingested document {document.id} (“{upload.title}”, {upload.publisher}) "
        f"with {len(figures)} figures."
    )
    queries.bump_dataset_version(session, change)
    return IngestResult(document, figures, [f for f in found if f.period is None], created=True)


def _figure_row(
    found: ExtractedFigure, ordinal: int, document_id: int, source_id: str, attributed_to: str
) -> Figure:
    assert found.period is not None
    return Figure(
        id=f"{source_id}-{ordinal:03d}",
        metric="crossings",
        period_start=found.period.start,
        period_end=found.period.end,
        dimension=Dimension(found.subject.dimension),
        dimension_value=found.subject.value,
        unit=Unit(found.unit),
        value=float(found.value),
        qualifier=Qualifier(found.qualifier),
        attributed_to=attributed_to,
        source_id=source_id,
        document_id=document_id,
        ordinal=ordinal,
        quote=found.quote,
        span_start=found.start,
        span_end=found.end,
        status=FigureStatus.provisional,  # until an editor runs `darien review`
    )
