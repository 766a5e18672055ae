"""What the API answers, as typed values. Every model accepts keys it does not know: the API only
ever adds keys within /v1, so a newer server never breaks an older client."""

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Model(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)


class Source(Model):
    """A page or document that reports figures."""

    id: str
    publisher: str
    wire: str | None = None
    title: str
    url: str | None = None
    published: date | None = None
    published_precision: str
    kind: str
    language: str


class SourceListed(Source):
    """A source as the source list gives it."""

    url_api: str
    figure_count: int


class Figure(Model):
    """One reported figure with its provenance."""

    id: str
    url: str
    metric: str
    period: str
    period_start: date
    period_end: date
    dimension: str
    dimension_value: str | None = None
    value: int | float
    unit: str
    qualifier: str
    attributed_to: str
    source: Source
    citation: str
    note: str | None = None
    document_id: int


class Selection(Model):
    """Why a figure is the canonical one of its period."""

    method: str
    reason: str
    reported_count: int
    disagreeing_count: int


class CanonicalFigure(Figure):
    """The figure chosen for a period."""

    selection: Selection


class ComparedFigure(Figure):
    """Another figure of the same period, compared with the canonical one."""

    agrees: bool | None = None
    period_match: str
    difference: int | float | None = None


class CanonicalDetail(CanonicalFigure):
    """A canonical figure with every other figure reported for its period."""

    also_reported: list[ComparedFigure]


class SeriesMeta(Model):
    count: int
    period_from: str = Field(alias="from")
    period_to: str = Field(alias="to")
    missing: list[str]
    available: list[str]
    dataset_version: int


class Series(Model):
    """Canonical figures of a run of years or months; periods without one are in meta.missing."""

    data: list[CanonicalFigure]
    meta: SeriesMeta


class BreakdownRow(CanonicalDetail):
    """One group of a breakdown (a nationality, or an age and sex group)."""

    name_en: str
    name_es: str
    is_country: bool
    partial_period: bool
    period_note: str | None = None
    share: dict[str, Any] | None = None
    reported_share: CanonicalDetail | None = None


class Breakdown(Model):
    """A period's crossings by nationality or by age and sex."""

    data: list[BreakdownRow]
    meta: dict[str, Any]


class Summary(Model):
    """The record at a glance: latest year and month, year to date, record year and month."""

    latest_year: dict[str, Any] | None = None
    latest_month: dict[str, Any] | None = None
    year_to_date: dict[str, Any] | None = None
    record_year: CanonicalFigure | None = None
    record_month: CanonicalFigure | None = None
    meta: dict[str, Any]


class Reference(Model):
    """The figure a claim was compared with."""

    id: str | None = None
    period: str
    value: int | float
    derived: bool
    derived_from: list[str]
    method: str
    citation: str | None = None


class Claim(Model):
    """A figure found in a text, judged against the record."""

    quote: str
    start: int
    end: int
    value: int | float
    unit: str
    qualifier: str
    period: dict[str, date] | None = None
    subject: dict[str, str | None]
    verdict: str
    reference: Reference | None = None
    explanation: str


class Document(Model):
    """A stored document."""

    id: int
    url: str
    path: str
    origin: str
    content_hash: str
    title: str
    source: Source | None = None
    figure_count: int
    created_at: datetime
    updated_at: datetime


class Ingested(Model):
    """The answer to an ingest: the document and the figures read from it."""

    created: bool
    document: Document
    figures: list[Figure]
    unplaced: list[dict[str, Any]]


class Removed(Model):
    """The answer to removing an ingested document."""

    id: int
    removed: bool
    dataset_version: int
