"""The canonical count of each nationality over one calendar year (pure, read from the cells)."""

from collections.abc import Mapping

from app.domain.cells import CanonicalFigure
from app.domain.periods import year_span
from app.domain.reports import Cell
from app.domain.vocabulary import Dimension, Unit

TOTAL_METRIC = "crossings"


def nationality_figures(
    canonical: Mapping[Cell, CanonicalFigure], year: int
) -> list[CanonicalFigure]:
    """The canonical people count of every nationality with one for the whole year, largest first.

    Shares in percent and part-year cuts are left out: a bar chart of counts must compare like
    with like.
    """
    start, end = year_span(year)
    wanted = [
        canonical[cell]
        for cell in canonical
        if cell.dimension == Dimension.nationality
        and cell.unit == Unit.people
        and cell.metric == TOTAL_METRIC
        and (cell.period_start, cell.period_end) == (start, end)
    ]
    return sorted(wanted, key=lambda c: (-c.figure.value, c.figure.cell.dimension_value or ""))


def years_with_nationalities(canonical: Mapping[Cell, CanonicalFigure]) -> list[int]:
    """The calendar years that have a canonical nationality count, in order."""
    return sorted(
        {
            cell.period_start.year
            for cell in canonical
            if cell.dimension == Dimension.nationality
            and cell.unit == Unit.people
            and (cell.period_start, cell.period_end) == year_span(cell.period_start.year)
        }
    )
