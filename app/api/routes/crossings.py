"""Canonical crossing totals by year and by month."""

from collections.abc import Mapping
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from app.api.breakdown_present import group_series_public
from app.api.deps import RecordAsOfDep
from app.api.derived import MONTHLY_INCLUDES, YEARLY_INCLUDES, include_param, with_derived
from app.api.group_filters import GroupFilter
from app.api.present import canonical_detail_public, series_public
from app.api.problems import Problem
from app.api.renderers.columns import CANONICAL_FIGURES
from app.api.renderers.lists import listed
from app.api.renderers.text_routes import text_twin
from app.api.schemas import CanonicalDetailPublic, SeriesPublic
from app.domain.cells import CanonicalFigure, Series
from app.domain.groups import Subject
from app.domain.periods import parse_month
from app.record.build import Record

router = APIRouter(prefix="/v1/crossings", tags=["crossings"])

MONTH_PATTERN = r"^(19\d\d|20\d\d|2100)-(0[1-9]|1[0-2])$"  # 1900-01 to 2100-12, like the years
MONTHLY_ONLY = " (ytd and rolling12 are offered on /v1/crossings/monthly)"
YearlyInclude = Annotated[frozenset[str], Depends(include_param(YEARLY_INCLUDES, MONTHLY_ONLY))]
MonthlyInclude = Annotated[frozenset[str], Depends(include_param(MONTHLY_INCLUDES))]


@listed(router, "/yearly", CANONICAL_FIGURES, summary="Canonical total per year")
async def list_yearly(
    record: RecordAsOfDep,
    groups: GroupFilter,
    year_from: Annotated[
        int | None,
        Query(
            alias="from",
            ge=1900,
            le=2100,
            examples=[2010],
            description="First year (default: first covered)",
        ),
    ] = None,
    year_to: Annotated[
        int | None,
        Query(
            alias="to",
            ge=1900,
            le=2100,
            examples=[2025],
            description="Last year (default: last covered)",
        ),
    ] = None,
    include: YearlyInclude = frozenset(),
) -> SeriesPublic:
    """One canonical figure per year; years without one are listed in meta.missing. With
    nationality= or group=, those groups' counts instead, gaps listed per group.

    A `from` after `to` is an empty range: an empty series, as for years nothing covers.
    """
    totals = record.yearly_series(year_from, year_to)
    return _answer(record, totals, groups, include, record.yearly)


@router.get("/yearly/{year}", summary="Canonical total of one year, with every other report")
@text_twin(router, "/yearly/{year}", summary="Canonical total of one year")
async def get_yearly(
    record: RecordAsOfDep,
    year: Annotated[int, Path(examples=[2023], description="Calendar year")],
    include: YearlyInclude = frozenset(),
) -> CanonicalDetailPublic:
    """The canonical figure for a year and, in also_reported, every other figure for that year."""
    detail = record.yearly.get(str(year))
    if detail is None:
        raise _not_covered(record, "year", str(year))
    return with_derived(canonical_detail_public(detail), record.yearly, include)


@listed(router, "/monthly", CANONICAL_FIGURES, summary="Canonical total per month")
async def list_monthly(
    record: RecordAsOfDep,
    groups: GroupFilter,
    year: Annotated[
        int | None, Query(ge=1900, le=2100, examples=[2023], description="All months of one year")
    ] = None,
    month_from: Annotated[
        str | None,
        Query(
            alias="from",
            pattern=MONTH_PATTERN,
            examples=["2023-01"],
            description="First month, YYYY-MM",
        ),
    ] = None,
    month_to: Annotated[
        str | None,
        Query(
            alias="to",
            pattern=MONTH_PATTERN,
            examples=["2023-12"],
            description="Last month, YYYY-MM",
        ),
    ] = None,
    include: MonthlyInclude = frozenset(),
) -> SeriesPublic:
    """One canonical figure per month; months without one are absent and listed in meta.missing.

    Filters combine: `year` with `from`/`to` is the months of that year within the range; a `from`
    after `to` is an empty range. With nationality= or group=, those groups' counts instead, gaps
    listed per group.
    """
    totals = monthly_series(record, year, month_from, month_to)
    return _answer(record, totals, groups, include, record.monthly)


def monthly_series(
    record: Record, year: int | None, month_from: str | None, month_to: str | None
) -> Series:
    """The months of one year, of a from/to range (YYYY-MM, either end optional), or both."""
    start = parse_month(month_from) if month_from else None
    end = parse_month(month_to) if month_to else None
    if year is not None:
        start = max(start or (year, 1), (year, 1))
        end = min(end or (year, 12), (year, 12))
    return record.monthly_series(start, end)


def _answer(
    record: Record,
    totals: Series,
    groups: list[Subject] | None,
    include: frozenset[str],
    cells: Mapping[str, CanonicalFigure],
) -> SeriesPublic:
    """The total series with what `include` derives, or over the same periods the groups asked for
    (their rows as reported: `include` adds nothing to a group's series)."""
    if groups is not None:  # derived figures are computed on the total series only
        return group_series_public(record.breakdowns.series(groups, totals.periods), record.version)
    body = series_public(totals, record.version)
    body.data = [with_derived(row, cells, include) for row in body.data]
    return body


@router.get(
    "/monthly/{year}/{month}", summary="Canonical total of one month, with every other report"
)
@text_twin(router, "/monthly/{year}/{month}", summary="Canonical total of one month")
async def get_monthly(
    record: RecordAsOfDep,
    year: Annotated[int, Path(examples=[2023], description="Calendar year")],
    month: Annotated[int, Path(ge=1, le=12, examples=[8], description="1-12")],
    include: MonthlyInclude = frozenset(),
) -> CanonicalDetailPublic:
    """The canonical figure for a month and, in also_reported, every other figure for it."""
    detail = record.monthly.get(f"{year}-{month:02d}")
    if detail is None:
        raise _not_covered(record, "month", f"{year}-{month:02d}")
    return with_derived(canonical_detail_public(detail), record.monthly, include)


def _not_covered(record: Record, kind: str, wanted: str) -> Problem:
    available = record.coverage(kind)
    span = f"{available[0]} to {available[-1]}" if available else "none"
    listed = (
        record.yearly_series(None, None) if kind == "year" else record.monthly_series(None, None)
    )
    gaps = f"; without a canonical figure: {', '.join(listed.missing)}" if listed.missing else ""
    return Problem(
        404,
        "not-found",
        f"No canonical {kind}ly figure",
        f"No canonical figure for {wanted}. {kind.capitalize()}s available: {span}{gaps}.",
    )
