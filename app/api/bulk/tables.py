"""The tables of the bulk download: each list the API serves as CSV, whole and unpaginated.

A table names the CSV columns its list endpoint declares (renderers/columns.py) and the public
model of one row, and builds its rows with the same presentation functions the list endpoint uses,
so a row of `data/figures.csv` is byte for byte a row of `/v1/figures.csv`. A new list endpoint
joins the bulk download by adding one Table here.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, TypeAdapter
from sqlmodel import Session

from app.api.breakdown_present import breakdown_public, nationality_list_public
from app.api.breakdown_schemas import BreakdownRowPublic, NationalityPublic
from app.api.present import figure_public, series_public, source_public
from app.api.present_overview import checks_public, coverage_public
from app.api.renderers.columns import (
    CANONICAL_FIGURES,
    CHECKS,
    COVERAGE,
    DEMOGRAPHIC_BREAKDOWN,
    DOCUMENTS,
    FIGURES,
    NATIONALITIES,
    NATIONALITY_BREAKDOWN,
    SOURCES,
)
from app.api.renderers.csv import Columns, render_csv
from app.api.routes.documents import all_documents
from app.api.schemas import CanonicalFigurePublic, FigurePublic, SourcePublic
from app.api.schemas_overview import CheckPublic, CoveragePublic
from app.api.schemas_text import DocumentPublic
from app.domain.coverage import coverage
from app.domain.groups import DEMOGRAPHIC_DIMENSIONS
from app.domain.periods import year_span
from app.domain.spans import record_checks
from app.domain.vocabulary import Dimension
from app.record.build import Record

Rows = Callable[[Record, Session], Sequence[BaseModel]]


@dataclass(frozen=True)
class Table:
    """One resource of the data package: its name, the list it mirrors, columns and row model."""

    name: str
    title: str
    description: str
    endpoint: str
    columns: Columns
    row_model: type[BaseModel]
    rows: Rows

    @property
    def path(self) -> str:
        return f"data/{self.name}.csv"

    def json_rows(self, record: Record, session: Session) -> list[dict[str, Any]]:
        """The rows as the JSON view serialises them."""
        adapter: TypeAdapter[list[Any]] = TypeAdapter(list[self.row_model])  # type: ignore[name-defined]
        return adapter.dump_python(list(self.rows(record, session)), mode="json", by_alias=True)  # type: ignore[no-any-return]

    def csv(self, record: Record, session: Session) -> bytes:
        """The whole table as RFC 4180 CSV, by the list endpoint's own columns and writer."""
        rows = self.json_rows(record, session)
        return render_csv(rows, self.columns.for_rows(rows))


def _yearly(record: Record, _: Session) -> Sequence[BaseModel]:
    return series_public(record.yearly_series(None, None), record.version).data


def _monthly(record: Record, _: Session) -> Sequence[BaseModel]:
    return series_public(record.monthly_series(None, None), record.version).data


def _figures(record: Record, _: Session) -> Sequence[BaseModel]:
    return [figure_public(record.figures[key]) for key in sorted(record.figures)]


def _sources(record: Record, _: Session) -> Sequence[BaseModel]:
    return [source_public(s, len(record.figures_by_source[s.id])) for s in record.sources.values()]


def _documents(_: Record, session: Session) -> Sequence[BaseModel]:
    return all_documents(session)


def _breakdowns(dimensions: tuple[Dimension, ...]) -> Rows:
    """The breakdown of every year along these dimensions, one year after another."""

    def rows(record: Record, _: Session) -> Sequence[BaseModel]:
        years = sorted({int(key[:4]) for key in record.yearly})
        tables = [record.breakdowns.table(dimensions, year_span(year)) for year in years]
        return [row for t in tables for row in breakdown_public(t, dimensions, record.version).data]

    return rows


def _nationalities(record: Record, _: Session) -> Sequence[BaseModel]:
    return nationality_list_public(record.nationalities, record.version).data


def _coverage(record: Record, _: Session) -> Sequence[BaseModel]:
    return coverage_public(
        coverage(record.canonical, record.yearly, record.monthly), record.version
    ).data


def _checks(record: Record, _: Session) -> Sequence[BaseModel]:
    checks = record_checks(record.canonical, record.yearly, record.monthly)
    return checks_public(checks, record.version).data


TABLES: dict[str, Table] = {
    table.name: table
    for table in (
        Table(
            "yearly",
            "Canonical crossings per year",
            "One canonical total per calendar year, with why it was chosen and its source.",
            "/v1/crossings/yearly.csv",
            CANONICAL_FIGURES,
            CanonicalFigurePublic,
            _yearly,
        ),
        Table(
            "monthly",
            "Canonical crossings per month",
            "One canonical total per month; months without one are absent (never estimated).",
            "/v1/crossings/monthly.csv",
            CANONICAL_FIGURES,
            CanonicalFigurePublic,
            _monthly,
        ),
        Table(
            "figures",
            "Every reported figure",
            "Each figure as one source states it: totals and breakdowns, canonical or not.",
            "/v1/figures.csv",
            FIGURES,
            FigurePublic,
            _figures,
        ),
        Table(
            "sources",
            "Sources",
            "The pages and documents the figures come from.",
            "/v1/sources.csv",
            SOURCES,
            SourcePublic,
            _sources,
        ),
        Table(
            "documents",
            "Stored documents",
            "Seed files and ingested texts that figures were read from.",
            "/v1/documents.csv",
            DOCUMENTS,
            DocumentPublic,
            _documents,
        ),
        Table(
            "by_nationality",
            "Crossings of each year by nationality",
            "The yearly /v1/crossings/by-nationality tables, one year after another.",
            "/v1/crossings/by-nationality.csv",
            NATIONALITY_BREAKDOWN,
            BreakdownRowPublic,
            _breakdowns((Dimension.nationality,)),
        ),
        Table(
            "demographics",
            "Crossings of each year by age and sex",
            "The yearly /v1/crossings/demographics tables, one year after another.",
            "/v1/crossings/demographics.csv",
            DEMOGRAPHIC_BREAKDOWN,
            BreakdownRowPublic,
            _breakdowns(DEMOGRAPHIC_DIMENSIONS),
        ),
        Table(
            "nationalities",
            "Nationality codes",
            "Every nationality code the record uses, with its names, figure count and years.",
            "/v1/nationalities.csv",
            NATIONALITIES,
            NationalityPublic,
            _nationalities,
        ),
        Table(
            "coverage",
            "Coverage by year",
            "Which months and breakdowns have figures, year by year.",
            "/v1/coverage.csv",
            COVERAGE,
            CoveragePublic,
            _coverage,
        ),
        Table(
            "checks",
            "Arithmetic checks",
            "Months against their year, parts against their total, cuts against their months.",
            "/v1/checks.csv",
            CHECKS,
            CheckPublic,
            _checks,
        ),
    )
}
