"""Stored rows as domain values: the conversions the record is built with.

A large record converts very many rows, so a figure row is read as the driver gives it (see
queries.list_figure_rows) and each distinct cell is converted once and shared.
"""

import sys
from collections.abc import Sequence
from datetime import date
from typing import Any

from app.domain.citation import origin_of
from app.domain.reconcile import Choice
from app.domain.reports import Cell, ReportedFigure, SourceInfo, number
from app.domain.vocabulary import Dimension, FigureStatus, Qualifier, Unit
from app.storage import queries
from app.storage.tables import EditorialChoice, Figure, Source

QUALIFIERS = {q.value: q for q in Qualifier}  # stored text (or the enum itself) to the enum
STATUSES = {s.value: s for s in FigureStatus}


def source_info(source: Source) -> SourceInfo:
    """A stored source as a domain value."""
    return SourceInfo(
        id=source.id,
        publisher=source.publisher,
        wire=source.wire,
        title=source.title,
        url=source.url,
        published=source.published,
        published_precision=source.published_precision,
        kind=source.kind,
        language=source.language,
        origin=origin_of(source.wire, source.publisher),
    )


def figure_row(figure: Figure) -> tuple[Any, ...]:
    """A stored figure as the row list_figure_rows would give for it."""
    return tuple(getattr(figure, name) for name in queries.FIGURE_COLUMNS)


def reported_figure(
    row: Sequence[Any], sources: dict[str, SourceInfo], cells: dict[tuple[Any, ...], Cell]
) -> ReportedFigure:
    """A figure row (queries.FIGURE_COLUMNS) as a domain value.

    `cells` shares one Cell among the figures of a cell, with its names interned: a large record
    repeats them thousands of times.
    """
    cell = cell_of(tuple(row[1:7]), cells)  # metric, dimension, value, unit, start, end
    value, qualifier, attributed_to, source_id, document_id, _, *quoted, status = row[7:]
    return ReportedFigure._make(
        (
            row[0],
            cell,
            number(value),
            QUALIFIERS[qualifier],
            sys.intern(attributed_to),
            sources[source_id],
            document_id,
            *quoted,  # note, quote, quote_start, quote_end
            STATUSES[status],
        )
    )


def cell_of(key: tuple[Any, ...], cells: dict[tuple[Any, ...], Cell]) -> Cell:
    """The one Cell of a stored key (names interned, vocabularies and dates converted once)."""
    cell = cells.get(key)
    if cell is None:
        metric, dimension, dimension_value, unit, period_start, period_end = key
        value_of = sys.intern(dimension_value) if dimension_value is not None else None
        cell = Cell(
            sys.intern(metric),
            Dimension(dimension),
            value_of,
            Unit(unit),
            as_date(period_start),
            as_date(period_end),
        )
        cells[key] = cell
    return cell


def as_date(value: date | str) -> date:
    """A stored date: a date from PostgreSQL, ISO text from SQLite."""
    return value if isinstance(value, date) else date.fromisoformat(value)


def choice_of(choice: EditorialChoice) -> tuple[Cell, Choice]:
    """A recorded editorial choice, keyed by the cell it decides."""
    cell = Cell(
        choice.metric,
        choice.dimension,
        choice.dimension_value,
        choice.unit,
        choice.period_start,
        choice.period_end,
    )
    return cell, Choice(choice.figure_id, choice.reason)
