"""Derived figures on the crossings series: the `?include=` parameter and the rows it adds to."""

from collections.abc import Callable, Mapping
from typing import Annotated, TypeVar

from fastapi import Query

from app.api.present_derived import derived_public
from app.api.problems import invalid
from app.api.schemas import CanonicalFigurePublic
from app.domain.cells import CanonicalFigure
from app.domain.derive import DerivedFigure, change_of, rolling_12_months, year_to_date

Row = TypeVar("Row", bound=CanonicalFigurePublic)

# What each ?include= value adds to a row: its keys and how they are computed from the series.
Deriver = Callable[[str, Mapping[str, CanonicalFigure]], tuple[DerivedFigure, ...]]
DERIVERS: dict[str, Deriver] = {
    "change": change_of,
    "ytd": lambda period, cells: (year_to_date(period, cells),),
    "rolling12": lambda period, cells: (rolling_12_months(period, cells),),
}
YEARLY_INCLUDES = ("change",)
MONTHLY_INCLUDES = ("change", "ytd", "rolling12")


def include_param(
    allowed: tuple[str, ...], hint: str = ""
) -> Callable[[str | None], frozenset[str]]:
    """A dependency reading ?include=a,b (a 422 naming the allowed values, and `hint`, otherwise)."""
    shown = ", ".join(allowed)
    one = "|".join(allowed)

    def include(
        include: Annotated[
            str | None,
            Query(
                max_length=100,
                # Stated for clients and generators; checked below, where a 422 can say more.
                json_schema_extra={"pattern": f"^$|^({one})(,({one}))*$"},
                examples=[",".join(allowed)],
                description=f"Comma-separated derived figures to add to each row: {shown} "
                "(total series only: nothing is added to a nationality= or group= series)",
            ),
        ] = None,
    ) -> frozenset[str]:
        if include is None:
            return frozenset()
        names = {name.strip() for name in include.split(",") if name.strip()}
        unknown = sorted(names - set(allowed))
        if unknown:
            raise invalid(
                "include", f"unknown value(s) {', '.join(unknown)}; allowed: {shown}{hint}", include
            )
        return frozenset(names)

    return include


def cell_key(row: Row, cells: Mapping[str, CanonicalFigure]) -> str:
    """The year or month a row answers for. Its own period, except for a past answer (?as_of=) that
    stands in with a shorter cut ("2024-01-01/2024-12-16" answering for 2024)."""
    if "/" not in row.period:
        return row.period
    return next((key for key, cell in cells.items() if cell.figure.id == row.id), row.period)


def with_derived(row: Row, cells: Mapping[str, CanonicalFigure], include: frozenset[str]) -> Row:
    """The row with the derived figures asked for (none: the row unchanged)."""
    if not include:
        return row
    key = cell_key(row, cells)
    figures = [d for name in sorted(include) for d in DERIVERS[name](key, cells)]
    return row.model_copy(update={d.name: derived_public(d) for d in figures})
