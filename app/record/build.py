"""The record in memory: one consistent snapshot of the database that every read is answered from.

Built in one read transaction, so a snapshot never mixes two dataset versions; rebuilt whole when
the version changes (see snapshot.py), never patched. It holds domain values (app.domain.reports),
never response models: the API shapes them per request.
"""

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from functools import cached_property
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Engine

from app.domain.breakdowns import BreakdownIndex, CodeEntry, code_catalog
from app.domain.cells import (
    CanonicalCells,
    CanonicalFigure,
    Series,
    label,
    months_between,
    series_of,
)
from app.domain.nationalities import years_with_nationalities
from app.domain.periods import parse_month, period_kind
from app.domain.reconcile import Choice
from app.domain.reports import Cell, ReportedFigure, SourceInfo
from app.domain.vocabulary import Dimension, Unit
from app.record.rows import choice_of, reported_figure, source_info
from app.storage import queries
from app.storage.engine import read_transaction

if TYPE_CHECKING:
    from app.record.cache import RecordCache

TOTAL_METRIC = "crossings"
Bound = TypeVar("Bound", int, tuple[int, int])  # a year, or a (year, month)


@dataclass(frozen=True)
class Record:
    """Everything the read endpoints serve, for one dataset version."""

    version: int
    figures: dict[str, ReportedFigure]  # by id, in id order
    sources: dict[str, SourceInfo]  # by id, in id order
    figures_by_source: dict[str, list[ReportedFigure]]  # in document order
    canonical: CanonicalCells
    yearly: dict[str, CanonicalFigure] = field(default_factory=dict)
    monthly: dict[str, CanonicalFigure] = field(default_factory=dict)
    choices: dict[Cell, Choice] = field(default_factory=dict)  # the recorded editorial choices

    def __getstate__(self) -> dict[str, object]:
        """What a pickled copy holds (app/record/cache.py): the fields, not the values worked out
        on first use (they may come from library data, such as country names, that the copy's
        key does not cover, and readers may be adding them while the copy is written)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @cached_property
    def cells_by_start(self) -> dict[Cell, list[Cell]]:
        """Canonical cells grouped by everything but their end date (for nearby-period lookups);
        the key's period_end is the group's period_start."""
        groups: dict[Cell, list[Cell]] = {}
        for cell in self.canonical:
            groups.setdefault(start_of(cell), []).append(cell)
        return groups

    @cached_property
    def breakdowns(self) -> BreakdownIndex:
        """The canonical breakdown cells (nationality, age, sex), indexed for tables and series."""
        return BreakdownIndex(self.canonical)

    @cached_property
    def nationalities(self) -> list[CodeEntry]:
        """Every nationality code the record uses, with its figure count and years."""
        return code_catalog(self.figures.values(), Dimension.nationality)

    @cached_property
    def nationality_years(self) -> list[int]:
        """The years with a full-year count of some nationality (the explorer's default year and
        the chart's 404 name them), worked out once per record: it builds every year's table."""
        return years_with_nationalities(self.breakdowns)

    def coverage(self, kind: str) -> list[str]:
        """[first, last] year or month with a canonical total, or [] when none."""
        cells = self.yearly if kind == "year" else self.monthly
        return [min(cells), max(cells)] if cells else []

    def yearly_series(self, year_from: int | None, year_to: int | None) -> Series:
        """Canonical yearly totals from year_from to year_to (default: the covered years)."""
        available = self.coverage("year")
        covered = (int(available[0]), int(available[-1])) if available else None
        span = bounds_with_defaults(year_from, year_to, covered)
        wanted = [str(year) for year in range(span[0], span[1] + 1)] if span else []
        return series_of(self.yearly, wanted, available)

    def monthly_series(self, start: tuple[int, int] | None, end: tuple[int, int] | None) -> Series:
        """Canonical monthly totals between two (year, month) bounds (default: covered months)."""
        available = self.coverage("month")
        covered = (parse_month(available[0]), parse_month(available[-1])) if available else None
        span = bounds_with_defaults(start, end, covered)
        wanted = months_between(*span) if span else []
        return series_of(self.monthly, wanted, available)


def start_of(cell: Cell) -> Cell:
    """A cell's key among the cells that start with it (the end date replaced by the start)."""
    return cell._replace(period_end=cell.period_start)


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


def is_total(cell: Cell) -> bool:
    """A cell of total crossings counted in people."""
    return (cell.metric, cell.dimension, cell.dimension_value, cell.unit) == (
        TOTAL_METRIC,
        Dimension.total,
        None,
        Unit.people,
    )


def kind_of(cell: Cell) -> str:
    """year, month or span."""
    return period_kind(cell.period_start, cell.period_end)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a record is built: the build allocates a great
    many long-lived objects and no cycles, so the collections it would trigger only cost time
    (a third of the build at 100x the figures). The snapshot then freezes the record (settle_heap).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_record(engine: Engine, cache: "RecordCache | None" = None) -> Record:
    """Read the whole record in one transaction and prepare every canonical figure; with a cache,
    a record built earlier at the same dataset version is read back instead, and a new one kept."""
    with collector_paused():
        return read_record(engine, cache)


def read_record(engine: Engine, cache: "RecordCache | None" = None) -> Record:
    """The record of the database's current version (load_record, without the collector paused)."""
    with read_transaction(engine) as session:
        version, stamp = queries.get_version_stamp(session)
        kept = cache.load(version, stamp) if cache else None
        if kept is not None:
            return kept
        rows = queries.list_figure_rows(session)
        sources = {s.id: source_info(s) for s in queries.list_all_sources(session)}
        choices = dict(choice_of(c) for c in queries.list_all_choices(session))
    # Sorted here, not by SQL (a full scan is quicker than one through an index): by_source keeps
    # document order, and ids are in Python's ordering, which pagination bisects and a PostgreSQL
    # collation need not share.
    cells: dict[tuple[Any, ...], Cell] = {}
    by_source: dict[str, list[ReportedFigure]] = {source_id: [] for source_id in sorted(sources)}
    at_document, at_ordinal = (queries.FIGURE_COLUMNS.index(n) for n in ("document_id", "ordinal"))
    in_document_order = [
        reported_figure(row, sources, cells)
        for row in sorted(rows, key=itemgetter(at_document, at_ordinal))
    ]
    for figure in in_document_order:
        by_source[figure.source.id].append(figure)
    figures = {f.id: f for f in sorted(in_document_order, key=attrgetter("id"))}
    record = assemble_record(version, figures, sources, by_source, choices)
    if cache:
        cache.keep(record, stamp)
    return record


def assemble_record(
    version: int,
    figures: dict[str, ReportedFigure],
    sources: dict[str, SourceInfo],
    by_source: dict[str, list[ReportedFigure]],
    choices: dict[Cell, Choice],
) -> Record:
    """A record of these figures and choices, with its canonical cells and series prepared."""
    canonical = CanonicalCells(figures.values(), choices)
    totals = {cell: canonical[cell] for cell in canonical if is_total(cell)}
    return Record(
        version=version,
        figures=figures,
        sources={source_id: sources[source_id] for source_id in sorted(sources)},
        figures_by_source=by_source,
        canonical=canonical,
        yearly={label(cell): c for cell, c in totals.items() if kind_of(cell) == "year"},
        monthly={label(cell): c for cell, c in totals.items() if kind_of(cell) == "month"},
        choices=choices,
    )
