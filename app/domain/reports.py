"""What the record holds: the sources, the figures they report, and the cells those figures fill."""

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from app.domain.vocabulary import (
    DatePrecision,
    Dimension,
    FigureStatus,
    Qualifier,
    SourceKind,
    Unit,
)


class Cell(NamedTuple):
    """What a figure counts: a metric and breakdown, in a unit, over a period."""

    metric: str
    dimension: Dimension
    dimension_value: str | None
    unit: Unit
    period_start: date
    period_end: date


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """A page or document that reports figures: who published it, when, from which wire."""

    id: str
    publisher: str
    wire: str | None
    title: str
    url: str | None
    published: date | None
    published_precision: DatePrecision
    kind: SourceKind
    language: str
    origin: str  # the independent origin of the story (see citation.origin_of)


class ReportedFigure(NamedTuple):
    """One figure as one source states it. A NamedTuple: the record holds very many of them."""

    id: str
    cell: Cell
    value: int | float
    qualifier: Qualifier
    attributed_to: str
    source: SourceInfo
    document_id: int
    note: str | None
    quote: str | None
    quote_start: int | None
    quote_end: int | None
    status: FigureStatus = FigureStatus.reviewed  # provisional: ingested, not yet reviewed


def number(value: float) -> int | float:
    """Whole numbers as int, so 520085 is never shown (or summed into text) as 520085.0."""
    return int(value) if value == int(value) else value
