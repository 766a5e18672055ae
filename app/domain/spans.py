"""Checks of figures for partial periods against the canonical months or years inside them (pure)."""

from collections.abc import Mapping
from datetime import date, timedelta

from app.domain.cells import CanonicalFigure, months_between
from app.domain.checks import (
    Check,
    CheckKind,
    Comparison,
    months_sum_to_year,
    parts_sum_to_total,
)
from app.domain.periods import period_kind
from app.domain.reports import Cell, ReportedFigure


def month_bounds(start: date, end: date) -> tuple[list[str], list[str]]:
    """The months wholly inside [start, end], and the months it touches."""
    touched = months_between((start.year, start.month), (end.year, end.month))
    first_inside = touched[0] if start.day == 1 else None
    last_inside = touched[-1] if (end + timedelta(days=1)).day == 1 else None
    inside = [
        m
        for i, m in enumerate(touched)
        if (i > 0 or first_inside) and (i < len(touched) - 1 or last_inside)
    ]
    return inside, touched


def whole_years(start: date, end: date) -> list[str] | None:
    """The years [start, end] is made of, or None when it is not whole years."""
    if (start.month, start.day, end.month, end.day) != (1, 1, 12, 31):
        return None
    return [str(year) for year in range(start.year, end.year + 1)]


def span_check(
    figure: ReportedFigure,
    years: Mapping[str, CanonicalFigure],
    months: Mapping[str, CanonicalFigure],
) -> Check | None:
    """A partial period against the periods inside it, where the record has all of them."""
    start, end = figure.cell.period_start, figure.cell.period_end
    if (in_years := whole_years(start, end)) is not None:
        if not all(y in years for y in in_years):
            return None
        parts = tuple(years[y].figure for y in in_years)
        subject = f"years {in_years[0]} to {in_years[-1]}"
        return Check(CheckKind.period_matches_years, subject, Comparison.equal, figure, parts)
    inside, touched = month_bounds(start, end)
    have = [m for m in touched if m in months]
    subject = f"months {touched[0]} to {touched[-1]}" if len(touched) > 1 else f"month {touched[0]}"
    inner = tuple(months[m].figure for m in inside if m in months)
    if inside == touched and len(have) == len(touched):
        return Check(CheckKind.period_matches_months, subject, Comparison.equal, figure, inner)
    if len(have) == len(touched):
        outer = tuple(months[m].figure for m in touched)
        return Check(
            CheckKind.period_matches_months, subject, Comparison.within, figure, inner, outer
        )
    if inside and all(m in months for m in inside):
        subject = f"months {inside[0]} to {inside[-1]}" if len(inside) > 1 else f"month {inside[0]}"
        return Check(CheckKind.period_matches_months, subject, Comparison.at_most, figure, inner)
    return None


def spans_match_periods(
    cells: Mapping[Cell, CanonicalFigure],
    years: Mapping[str, CanonicalFigure],
    months: Mapping[str, CanonicalFigure],
) -> list[Check]:
    """Every canonical total for a partial period (or a run of years) that the record can check."""
    spans = [
        cells[cell].figure
        for cell in cells
        if (cell.metric, cell.dimension, cell.unit) == ("crossings", "total", "people")
        and period_kind(cell.period_start, cell.period_end) == "span"
    ]
    checks = [c for c in (span_check(f, years, months) for f in spans) if c is not None]
    return sorted(checks, key=lambda c: (c.stated.cell.period_start, c.stated.cell.period_end))


def record_checks(
    cells: Mapping[Cell, CanonicalFigure],
    years: Mapping[str, CanonicalFigure],
    months: Mapping[str, CanonicalFigure],
) -> list[Check]:
    """Every check the record supports: months against years, parts against totals, spans."""
    return [
        *months_sum_to_year(years, months),
        *parts_sum_to_total(cells),
        *spans_match_periods(cells, years, months),
    ]
