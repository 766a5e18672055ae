"""The record at a glance (pure): latest year and month, year to date, records, and changes."""

from collections.abc import Mapping
from dataclasses import dataclass

from app.domain.cells import CanonicalFigure
from app.domain.derive import DerivedFigure, change_on_year, year_to_date, year_to_date_change


@dataclass(frozen=True, slots=True)
class Latest:
    """The latest period with a canonical figure, and its change on the same period a year earlier."""

    figure: CanonicalFigure
    change: DerivedFigure
    change_percent: DerivedFigure


@dataclass(frozen=True, slots=True)
class YearToDate:
    """January to the latest month, and its change on the same months a year earlier."""

    total: DerivedFigure
    change: DerivedFigure
    change_percent: DerivedFigure


@dataclass(frozen=True, slots=True)
class Summary:
    """What a reader asks first. None where the record has no canonical figure of that kind."""

    latest_year: Latest | None
    latest_month: Latest | None
    year_to_date: YearToDate | None
    record_year: CanonicalFigure | None  # the highest canonical yearly total
    record_month: CanonicalFigure | None  # the highest canonical monthly total


def latest(cells: Mapping[str, CanonicalFigure]) -> Latest | None:
    """The latest period of a series, with its change on the year."""
    if not cells:
        return None
    period = max(cells)
    return Latest(cells[period], *change_on_year(period, cells))


def highest(cells: Mapping[str, CanonicalFigure]) -> CanonicalFigure | None:
    """The canonical figure with the highest value (the earlier period on a tie)."""
    if not cells:
        return None
    return cells[max(sorted(cells), key=lambda period: cells[period].figure.value)]


def summarise(
    years: Mapping[str, CanonicalFigure], months: Mapping[str, CanonicalFigure]
) -> Summary:
    """The summary of a record's canonical yearly and monthly totals."""
    to_date = None
    if months:
        last = max(months)
        to_date = YearToDate(year_to_date(last, months), *year_to_date_change(last, months))
    return Summary(
        latest_year=latest(years),
        latest_month=latest(months),
        year_to_date=to_date,
        record_year=highest(years),
        record_month=highest(months),
    )
