"""The record in memory: one consistent snapshot of the database that every read is answered from.

Built in one read transaction, so a snapshot never mixes two dataset versions; rebuilt whole when
the version changes (see snapshot.py), never patched.
"""

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TypeVar

from sqlalchemy import Engine

from app.api.present import figure_public, source_ref
from app.api.schemas import CanonicalDetailPublic, FigurePublic, SeriesPublic, SourcePublic
from app.domain.cells import CellKey, label, months_between, reconcile_all, series_page
from app.domain.periods import parse_month, period_kind
from app.storage import queries
from app.storage.engine import read_transaction

TOTAL_PEOPLE = ("crossings", "total", None, "people")
Bound = TypeVar("Bound", int, tuple[int, int])  # a year, or a (year, month)


@dataclass(frozen=True)
class Record:
    """Everything the read endpoints serve, for one dataset version."""

    version: int
    figures: dict[str, FigurePublic]
    sources: dict[str, SourcePublic]
    figures_by_source: dict[str, list[FigurePublic]]
    canonical: dict[CellKey, CanonicalDetailPublic]
    yearly: dict[str, CanonicalDetailPublic] = field(default_factory=dict)
    monthly: dict[str, CanonicalDetailPublic] = field(default_factory=dict)

    @cached_property
    def cells_by_start(self) -> dict[tuple[str, str, str | None, str, date], list[CellKey]]:
        """Canonical cells grouped by everything but their end date (for nearby-period lookups)."""
        groups: dict[tuple[str, str, str | None, str, date], list[CellKey]] = {}
        for key in self.canonical:
            groups.setdefault(key[:5], []).append(key)
        return groups

    def coverage(self, kind: str) -> list[str]:
        """[first, last] year or month with a canonical total, or [] when none."""
        cells = self.yearly if kind == "year" else self.monthly
        return [min(cells), max(cells)] if cells else []

    def yearly_series(self, year_from: int | None, year_to: int | None) -> SeriesPublic:
        """Canonical yearly totals from year_from to year_to (default: the covered years)."""
        available = self.coverage("year")
        covered = (int(available[0]), int(available[-1])) if available else None
        span = bounds_with_defaults(year_from, year_to, covered)
        wanted = [str(year) for year in range(span[0], span[1] + 1)] if span else []
        return series_page(self.yearly, wanted, available, self.version)

    def monthly_series(
        self, start: tuple[int, int] | None, end: tuple[int, int] | None
    ) -> SeriesPublic:
        """Canonical monthly totals between two (year, month) bounds (default: covered months)."""
        available = self.coverage("month")
        covered = (parse_month(available[0]), parse_month(available[-1])) if available else None
        span = bounds_with_defaults(start, end, covered)
        wanted = months_between(*span) if span else []
        return series_page(self.monthly, wanted, available, self.version)


def bounds_with_defaults(
    first: Bound | None, last: Bound | None, covered: tuple[Bound, Bound] | None
) -> tuple[Bound, Bound] | None:
    """A requested range whose missing ends come from the covered range (None: no range at all).

    A single bound beyond the coverage gives a range of that bound alone, so `from=2030` answers
    with 2030 listed as missing rather than with an inverted, empty range.
    """
    if first is None and last is None:
        return covered
    if first is None:
        assert last is not None
        first = min(covered[0], last) if covered else last
    if last is None:
        last = max(covered[1], first) if covered else first
    return first, last


def load_record(engine: Engine) -> Record:
    """Read the whole record in one transaction and prepare every canonical figure."""
    with read_transaction(engine) as session:
        version = queries.get_dataset_version(session)
        rows = queries.list_all_figures(session)
        sources = queries.list_all_sources(session)
        choices = queries.list_all_choices(session)
        session.expunge_all()
    # Sorted here, not by SQL: pagination bisects these ids with Python's ordering, which a
    # PostgreSQL collation need not share.
    figures = {f.id: figure_public(f, s) for f, s in sorted(rows, key=lambda row: row[0].id)}
    by_source: dict[str, list[FigurePublic]] = {source.id: [] for source in sources}
    for figure, _ in sorted(rows, key=lambda row: (row[0].document_id, row[0].ordinal)):
        by_source[figure.source_id].append(figures[figure.id])
    canonical = reconcile_all(rows, choices, figures)
    totals = {key: detail for key, detail in canonical.items() if key[:4] == TOTAL_PEOPLE}
    return Record(
        version=version,
        figures=figures,
        sources={
            s.id: SourcePublic(
                **source_ref(s).model_dump(),
                url_api=f"/v1/sources/{s.id}",
                figure_count=len(by_source[s.id]),
            )
            for s in sorted(sources, key=lambda source: source.id)
        },
        figures_by_source=by_source,
        canonical=canonical,
        yearly={label(k): d for k, d in totals.items() if period_kind(k[4], k[5]) == "year"},
        monthly={label(k): d for k, d in totals.items() if period_kind(k[4], k[5]) == "month"},
    )
