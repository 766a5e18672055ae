"""Public response models for text sent in: claims checked against the record, and documents
ingested. Keys are only ever added, never renamed (see schemas.py)."""

from datetime import date, datetime

from pydantic import BaseModel, Field

from app.api.schemas import FigurePublic, PageMeta, SourceRef
from app.domain.vocabulary import Dimension, Qualifier, Reading, Unit, Verdict


class PeriodPublic(BaseModel):
    """An inclusive date span."""

    start: date
    end: date


class SubjectPublic(BaseModel):
    """Who a figure counts: total, or a breakdown such as nationality=VEN."""

    dimension: Dimension = Field(examples=["total"])
    value: str | None = Field(examples=[None])


class ReferencePublic(BaseModel):
    """The figure a claim was compared with: a canonical one, or one derived from canonical ones."""

    id: str | None = Field(description="Figure id; null for a derived reference")
    url: str | None
    period: str
    value: int | float
    unit: Unit
    qualifier: Qualifier
    derived: bool = Field(description="True when computed (a sum or a share) rather than reported")
    derived_from: list[str] = Field(description="Ids of the canonical figures a derived value uses")
    method: str = Field(description="How the reference was obtained")
    citation: str | None


class ClaimPublic(BaseModel):
    """One figure stated by a text, and whether the record supports it."""

    quote: str = Field(description="The sentence or clause that states the figure")
    start: int = Field(description="Character offset of the quote in the text")
    end: int = Field(description="Offset just after the quote")
    value: int | float
    unit: Unit = Field(description="people or percent")
    qualifier: Qualifier = Field(
        description="exact, approximate, more_than or less_than, as the text words it"
    )
    read_as: Reading = Field(
        description="How the figure was read when judged: exact, approximate (the values that "
        "round to it, half a step either way, at least 1%), nearly (the half step just below "
        "it), more_than or less_than. An unhedged round count is written exact and read "
        "approximate.",
        examples=["approximate"],
    )
    period: PeriodPublic | None = Field(
        description="The span the figure refers to; null if unresolved"
    )
    subject: SubjectPublic
    verdict: Verdict = Field(description="consistent, inconsistent or unverifiable")
    reference: ReferencePublic | None
    explanation: str


class ClaimsPublic(BaseModel):
    """The claims found in a text."""

    claims: list[ClaimPublic]


class DocumentPublic(BaseModel):
    """A stored document (a seed file or an ingested text)."""

    id: int
    url: str = Field(examples=["/v1/documents/1"])
    path: str = Field(description="seed/ path, or ingest/<hash> for an upload")
    origin: str = Field(description="seed or ingest")
    content_hash: str = Field(description="sha256 of the text; identical uploads are stored once")
    title: str
    source: SourceRef | None
    figure_count: int
    created_at: datetime
    updated_at: datetime


class DocumentDetailPublic(DocumentPublic):
    """A document with its text and figures."""

    text: str
    figures: list[FigurePublic]


class DocumentListPublic(BaseModel):
    """A page of documents."""

    data: list[DocumentPublic]
    meta: PageMeta


class UnplacedPublic(BaseModel):
    """A figure found in an upload whose period could not be resolved, so it was not stored."""

    quote: str
    start: int
    end: int
    value: int | float
    unit: Unit
    qualifier: Qualifier
    dimension: Dimension
    dimension_value: str | None


class IngestedPublic(BaseModel):
    """The outcome of an upload."""

    created: bool = Field(description="False when the same content was already stored")
    document: DocumentPublic
    figures: list[FigurePublic]
    unplaced: list[UnplacedPublic]


class RemovedPublic(BaseModel):
    """The outcome of removing an ingested document."""

    id: int = Field(description="The removed document's id")
    removed: bool = Field(description="Always true: the document, its figures and source are gone")
    dataset_version: int = Field(description="The dataset version that no longer holds them")
