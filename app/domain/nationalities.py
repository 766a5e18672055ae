"""The nationality bars of a year: the breakdown table's full-year counts (pure).

A bar chart must compare like with like, so it takes from the nationality breakdown
(breakdowns.BreakdownIndex.table) only the rows that are a count of people for the whole year:
no shares in percent, no cuts that stop short of 31 December.
"""

from app.domain.breakdowns import BreakdownIndex
from app.domain.cells import CanonicalFigure
from app.domain.periods import year_span
from app.domain.vocabulary import Dimension, Unit


def nationality_figures(breakdowns: BreakdownIndex, year: int) -> list[CanonicalFigure]:
    """The canonical full-year count of every nationality that has one, largest first."""
    rows = breakdowns.table([Dimension.nationality], year_span(year)).rows
    counts = [
        row.figure for row in rows if not row.partial and row.figure.figure.cell.unit == Unit.people
    ]
    return sorted(counts, key=lambda c: (-c.figure.value, c.figure.cell.dimension_value or ""))


def years_with_nationalities(breakdowns: BreakdownIndex) -> list[int]:
    """The calendar years that have a full-year count of at least one nationality, in order."""
    years = breakdowns.start_years(Dimension.nationality)
    return [year for year in years if nationality_figures(breakdowns, year)]
