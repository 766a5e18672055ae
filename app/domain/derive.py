"""Figures computed from canonical ones (pure): changes, year-to-date and rolling 12-month sums.

A derived figure is never stored or served as if reported. It names the canonical figures it was
computed from, in formula order, and the operation, so anyone can recompute it. When an input is
missing (a period without a canonical figure) or is a bound rather than a count, the figure is
absent: its value is None and `reason` says why. A month is never worked out from other totals.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from app.domain.cells import CanonicalFigure, months_between
from app.domain.periods import format_period, month_span, parse_month
from app.domain.reports import ReportedFigure, number
from app.domain.vocabulary import Qualifier, Unit

PERCENT_DIGITS = 1  # a percent change is rounded to one decimal place


class Operation(StrEnum):
    """How a derived figure is computed. A is the sum of the first `terms` inputs, B of the rest."""

    sum = "sum"  # A (every input)
    difference = "difference"  # A - B
    percent_change = "percent_change"  # (A - B) / B * 100, rounded to PERCENT_DIGITS


@dataclass(frozen=True, slots=True)
class DerivedFigure:
    """A value computed from canonical figures, or its absence and why."""

    name: str  # change, change_percent, year_to_date, rolling_12_months, ...
    period: str  # the period the value describes
    operation: Operation
    unit: Unit
    value: int | float | None  # None: absent, see reason
    qualifier: Qualifier | None
    input_periods: tuple[str, ...]  # in formula order
    terms: int  # how many of input_periods make up A (the rest make up B)
    inputs: tuple[ReportedFigure, ...]  # the canonical figures found, in formula order
    missing: tuple[str, ...] = ()  # input periods without a canonical figure
    reason: str | None = None

    @property
    def formula(self) -> str:
        """The computation written with figure ids (periods, while an input is missing)."""
        names = [f.id for f in self.inputs] if not self.missing else list(self.input_periods)
        a = _group(names[: self.terms])
        if self.operation is Operation.sum:
            return " + ".join(names)
        b = _group(names[self.terms :])
        if self.operation is Operation.difference:
            return f"{a} - {b}"
        return f"round(({a} - {b}) / {b} * 100, {PERCENT_DIGITS})"


def _group(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else f"({' + '.join(names)})"


def compute(operation: Operation, values: Sequence[int | float], terms: int) -> int | float | None:
    """The operation applied to input values; None when undefined (a percent change from zero)."""
    a, b = sum(values[:terms]), sum(values[terms:])
    if operation is Operation.sum:
        return number(a + b)
    if operation is Operation.difference:
        return number(a - b)
    if b == 0:
        return None
    return round(100 * (a - b) / b, PERCENT_DIGITS)


def derive(
    name: str,
    period: str,
    operation: Operation,
    groups: tuple[Sequence[str], Sequence[str]],
    cells: Mapping[str, CanonicalFigure],
) -> DerivedFigure:
    """One derived figure over the canonical figures of two groups of periods (B empty for a sum),
    or its absence with the reason."""
    periods = (*groups[0], *groups[1])
    unit = Unit.percent if operation is Operation.percent_change else Unit.people
    found = tuple(cells[p].figure for p in periods if p in cells)
    missing = tuple(p for p in periods if p not in cells)
    bounded = [f for f in found if f.qualifier in (Qualifier.more_than, Qualifier.less_than)]
    value = (
        None if missing or bounded else compute(operation, [f.value for f in found], len(groups[0]))
    )
    if missing:
        reason: str | None = f"no canonical figure for {', '.join(missing)}"
    elif bounded:
        reason = "an input is a bound, not a count: " + ", ".join(
            f"{f.id} ({f.qualifier})" for f in bounded
        )
    elif value is None:
        reason = "the earlier value is zero, so a percent change is undefined"
    else:
        reason = None
    exact = all(f.qualifier is Qualifier.exact for f in found)
    qualifier = None if value is None else Qualifier.exact if exact else Qualifier.approximate
    return DerivedFigure(
        name,
        period,
        operation,
        unit,
        value,
        qualifier,
        periods,
        len(groups[0]),
        found,
        missing,
        reason,
    )


def year_earlier(period: str) -> str:
    """The same year or month a year earlier: '2023' -> '2022', '2023-08' -> '2022-08'."""
    if len(period) == 4:
        return str(int(period) - 1)
    year, month = parse_month(period)
    return f"{year - 1}-{month:02d}"


def previous_period(period: str) -> str:
    """The year before a year, the month before a month: '2023-01' -> '2022-12'."""
    if len(period) == 4:
        return str(int(period) - 1)
    year, month = parse_month(period)
    return f"{year - 1}-12" if month == 1 else f"{year}-{month - 1:02d}"


def changes(
    name: str, period: str, current: Sequence[str], earlier: Sequence[str],
    cells: Mapping[str, CanonicalFigure],
) -> tuple[DerivedFigure, DerivedFigure]:  # fmt: skip
    """Absolute and percent change of the sum of `current` periods against that of `earlier`."""
    groups = (current, earlier)
    return (
        derive(name, period, Operation.difference, groups, cells),
        derive(f"{name}_percent", period, Operation.percent_change, groups, cells),
    )


def change_of(
    period: str, cells: Mapping[str, CanonicalFigure]
) -> tuple[DerivedFigure, DerivedFigure]:
    """A year against the year before, or a month against the month before."""
    return changes("change", period, [period], [previous_period(period)], cells)


def change_on_year(
    period: str, cells: Mapping[str, CanonicalFigure]
) -> tuple[DerivedFigure, DerivedFigure]:
    """A year or month against the same period a year earlier."""
    return changes("change_on_year", period, [period], [year_earlier(period)], cells)


def months_to(first: tuple[int, int], last: str) -> tuple[str, list[str]]:
    """The span label from a first month to a last one, and its months."""
    end = parse_month(last)
    return (
        format_period(month_span(*first)[0], month_span(*end)[1]),
        months_between(first, end),
    )


def year_to_date_months(month: str) -> tuple[str, list[str]]:
    """January to `month` of its year."""
    return months_to((parse_month(month)[0], 1), month)


def rolling_12_months_months(month: str) -> tuple[str, list[str]]:
    """The twelve months ending with `month`."""
    year, number_of_month = parse_month(month)
    first = (year, number_of_month + 1) if number_of_month < 12 else (year + 1, 1)
    return months_to((first[0] - 1, first[1]), month)


def year_to_date(month: str, months: Mapping[str, CanonicalFigure]) -> DerivedFigure:
    """January to `month`, summed from canonical months (every one must exist)."""
    span, periods = year_to_date_months(month)
    return derive("year_to_date", span, Operation.sum, (periods, []), months)


def rolling_12_months(month: str, months: Mapping[str, CanonicalFigure]) -> DerivedFigure:
    """The twelve months ending with `month`, summed from canonical months (all must exist)."""
    span, periods = rolling_12_months_months(month)
    return derive("rolling_12_months", span, Operation.sum, (periods, []), months)


def year_to_date_change(
    month: str, months: Mapping[str, CanonicalFigure]
) -> tuple[DerivedFigure, DerivedFigure]:
    """Year to date against the same months a year earlier, absolute and percent."""
    span, now = year_to_date_months(month)
    _, before = year_to_date_months(year_earlier(month))
    return changes("year_to_date_change", span, now, before, months)
