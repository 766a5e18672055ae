"""Canonical crossing totals by year and by month."""

from typing import Annotated

from fastapi import APIRouter, Path, Query

from app.api.deps import RecordDep
from app.api.present import canonical_detail_public, series_public
from app.api.problems import Problem, invalid
from app.api.renderers.columns import CANONICAL_FIGURES
from app.api.renderers.lists import listed
from app.api.renderers.text_routes import text_twin
from app.api.schemas import CanonicalDetailPublic, SeriesPublic
from app.domain.cells import Series
from app.domain.periods import parse_month
from app.record.build import Record

router = APIRouter(prefix="/v1/crossings", tags=["crossings"])

MONTH_PATTERN = r"^(19\d\d|20\d\d|2100)-(0[1-9]|1[0-2])$"  # 1900-01 to 2100-12, like the years


@listed(router, "/yearly", CANONICAL_FIGURES, summary="Canonical total per year")
async def list_yearly(
    record: RecordDep,
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
) -> SeriesPublic:
    """One canonical figure per year; years without one are listed in meta.missing."""
    if year_from is not None and year_to is not None and year_from > year_to:
        raise invalid("from", f"must not be after to ({year_to})", year_from)
    return series_public(record.yearly_series(year_from, year_to), record.version)


@router.get("/yearly/{year}", summary="Canonical total of one year, with every other report")
@text_twin(router, "/yearly/{year}", summary="Canonical total of one year")
async def get_yearly(
    record: RecordDep,
    year: Annotated[int, Path(examples=[2023], description="Calendar year")],
) -> CanonicalDetailPublic:
    """The canonical figure for a year and, in also_reported, every other figure for that year."""
    detail = record.yearly.get(str(year))
    if detail is None:
        raise _not_covered(record, "year", str(year))
    return canonical_detail_public(detail)


@listed(router, "/monthly", CANONICAL_FIGURES, summary="Canonical total per month")
async def list_monthly(
    record: RecordDep,
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
) -> SeriesPublic:
    """One canonical figure per month; months without one are absent and listed in meta.missing."""
    return series_public(monthly_series(record, year, month_from, month_to), record.version)


def monthly_series(
    record: Record, year: int | None, month_from: str | None, month_to: str | None
) -> Series:
    """The months of one year, or of a from/to range (YYYY-MM, either end optional)."""
    if year is not None and (month_from or month_to):
        raise invalid("year", "use either year or from/to, not both", year)
    if year is not None:
        return record.monthly_series((year, 1), (year, 12))
    start = parse_month(month_from) if month_from else None
    end = parse_month(month_to) if month_to else None
    if start and end and start > end:
        raise invalid("from", f"must not be after to ({month_to})", month_from)
    return record.monthly_series(start, end)


@router.get(
    "/monthly/{year}/{month}", summary="Canonical total of one month, with every other report"
)
@text_twin(router, "/monthly/{year}/{month}", summary="Canonical total of one month")
async def get_monthly(
    record: RecordDep,
    year: Annotated[int, Path(examples=[2023], description="Calendar year")],
    month: Annotated[int, Path(ge=1, le=12, examples=[8], description="1-12")],
) -> CanonicalDetailPublic:
    """The canonical figure for a month and, in also_reported, every other figure for it."""
    detail = record.monthly.get(f"{year}-{month:02d}")
    if detail is None:
        raise _not_covered(record, "month", f"{year}-{month:02d}")
    return canonical_detail_public(detail)


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
