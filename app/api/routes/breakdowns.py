"""Breakdowns of a period's crossings (by nationality, by age and sex) and the nationality codes."""

from typing import Annotated

from fastapi import APIRouter, Query

from app.api.breakdown_present import breakdown_public, nationality_list_public
from app.api.breakdown_schemas import BreakdownPublic, NationalityListPublic
from app.api.deps import RecordDep
from app.api.renderers.columns import DEMOGRAPHIC_BREAKDOWN, NATIONALITIES, NATIONALITY_BREAKDOWN
from app.api.renderers.lists import listed
from app.domain.groups import DEMOGRAPHIC_DIMENSIONS
from app.domain.periods import month_span, year_span
from app.domain.vocabulary import Dimension
from app.record.build import Record

router = APIRouter(tags=["breakdowns"])

YearParam = Annotated[
    int, Query(ge=1900, le=2100, examples=[2023], description="Calendar year of the breakdown")
]
MonthParam = Annotated[
    int | None,
    Query(
        ge=1, le=12, examples=[3], description="1-12: one month of that year (default: the year)"
    ),
]


@listed(
    router,
    "/v1/crossings/by-nationality",
    NATIONALITY_BREAKDOWN,
    summary="Crossings of a year or month by nationality",
)
async def by_nationality(
    record: RecordDep, year: YearParam, month: MonthParam = None
) -> BreakdownPublic:
    """One row per nationality with a figure for the period: its canonical count (or share), the
    share of the period's canonical total, and every other figure reported for it. A row read from
    a cut shorter than the period says so (partial_period, period_note)."""
    return breakdown_of(record, (Dimension.nationality,), year, month)


@listed(
    router,
    "/v1/crossings/demographics",
    DEMOGRAPHIC_BREAKDOWN,
    summary="Crossings of a year or month by age and sex",
)
async def demographics(
    record: RecordDep, year: YearParam, month: MonthParam = None
) -> BreakdownPublic:
    """Adults, minors, men, women, boys, girls, unaccompanied minors, as the record has them, in
    the same shape as by-nationality."""
    return breakdown_of(record, DEMOGRAPHIC_DIMENSIONS, year, month)


def breakdown_of(
    record: Record, dimensions: tuple[Dimension, ...], year: int, month: int | None
) -> BreakdownPublic:
    """The breakdown of a year, or of one of its months, along these dimensions."""
    span = month_span(year, month) if month else year_span(year)
    return breakdown_public(record.breakdowns.table(dimensions, span), dimensions, record.version)


@listed(router, "/v1/nationalities", NATIONALITIES, summary="Nationality codes in the record")
async def list_nationalities(record: RecordDep) -> NationalityListPublic:
    """Every nationality code the record uses (ISO 3166 alpha-3, or a group code such as other),
    with its English and Spanish names, its number of figures and its years."""
    return nationality_list_public(record.nationalities, record.version)
