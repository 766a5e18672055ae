"""Which periods and breakdowns of the record have figures, year by year (pure)."""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from app.domain.cells import CanonicalFigure, label, months_between
from app.domain.periods import period_kind
from app.domain.reports import Cell
from app.domain.vocabulary import Dimension

BREAKDOWNS = (Dimension.nationality, Dimension.sex, Dimension.age, Dimension.sex_age)
COUNTED_METRIC = "crossings"  # a projection is not a figure of what happened


@dataclass(frozen=True, slots=True)
class BreakdownCoverage:
    """The figures of one breakdown within a year."""

    dimension: Dimension
    full_year: tuple[str, ...]  # subjects with a figure for the whole year
    months: tuple[str, ...]  # months with a figure of this breakdown
    periods: tuple[str, ...]  # other periods (cuts, spans) with a figure
    subjects: tuple[str, ...]  # every subject with a figure touching the year

    @property
    def available(self) -> bool:
        return bool(self.subjects)


@dataclass(frozen=True, slots=True)
class YearCoverage:
    """One year: its canonical total, which months have one and which do not, and its breakdowns."""

    year: int
    total: CanonicalFigure | None
    months: tuple[str, ...]
    missing_months: tuple[str, ...]
    breakdowns: tuple[BreakdownCoverage, ...]


def years_of(cell: Cell) -> range:
    """Every calendar year a cell's period touches."""
    return range(cell.period_start.year, cell.period_end.year + 1)


def breakdown_of(year: int, dimension: Dimension, cells: Iterable[Cell]) -> BreakdownCoverage:
    """The figures of one breakdown that touch a year."""
    full, months, periods, subjects = set(), set(), set(), set()
    for cell in cells:
        kind, subject = period_kind(cell.period_start, cell.period_end), cell.dimension_value or ""
        subjects.add(subject)
        if kind == "year":
            full.add(subject)
        elif kind == "month":
            months.add(label(cell))
        else:
            periods.add(label(cell))
    return BreakdownCoverage(
        dimension, *(tuple(sorted(s)) for s in (full, months, periods, subjects))
    )


def coverage(
    cells: Iterable[Cell],
    years: Mapping[str, CanonicalFigure],
    months: Mapping[str, CanonicalFigure],
) -> list[YearCoverage]:
    """Every year from the first to the last with a figure, in order."""
    by_year: dict[tuple[int, Dimension], list[Cell]] = defaultdict(list)
    touched = {int(year) for year in years} | {int(month[:4]) for month in months}
    for cell in cells:
        if cell.metric == COUNTED_METRIC and cell.dimension in BREAKDOWNS:
            for year in years_of(cell):
                by_year[(year, cell.dimension)].append(cell)
                touched.add(year)
    if not touched:
        return []
    rows = []
    for year in range(min(touched), max(touched) + 1):
        wanted = months_between((year, 1), (year, 12))
        rows.append(
            YearCoverage(
                year=year,
                total=years.get(str(year)),
                months=tuple(m for m in wanted if m in months),
                missing_months=tuple(m for m in wanted if m not in months),
                breakdowns=tuple(breakdown_of(year, d, by_year[(year, d)]) for d in BREAKDOWNS),
            )
        )
    return rows
