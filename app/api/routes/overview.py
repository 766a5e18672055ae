"""What the record covers and whether it adds up: GET /v1/coverage and /v1/checks (and CSV twins)."""

from typing import Annotated

from fastapi import APIRouter, Query

from app.api.deps import RecordDep
from app.api.present_overview import checks_public, coverage_public
from app.api.renderers.columns import CHECKS, COVERAGE
from app.api.renderers.lists import listed
from app.api.schemas_overview import CheckListPublic, CoverageListPublic
from app.domain.checks import CheckKind, Outcome
from app.domain.coverage import coverage
from app.domain.spans import record_checks

router = APIRouter(prefix="/v1", tags=["derived"])


@listed(router, "/coverage", COVERAGE, summary="Which months and breakdowns have figures, by year")
async def list_coverage(record: RecordDep) -> CoverageListPublic:
    """Per year: the canonical total, the months with and without one, and which breakdowns
    (nationality, sex, age, sex_age) have figures for the whole year, for months or for cuts."""
    years = coverage(record.canonical, record.yearly, record.monthly)
    return coverage_public(years, record.version)


@listed(router, "/checks", CHECKS, summary="Arithmetic checks of the record and their results")
async def list_checks(
    record: RecordDep,
    result: Annotated[
        Outcome | None, Query(description="Only checks with this result", examples=["fail"])
    ] = None,
    kind: Annotated[
        CheckKind | None,
        Query(description="Only checks of this kind", examples=["parts_sum_to_total"]),
    ] = None,
) -> CheckListPublic:
    """Months against their year, breakdown parts against their total, and partial-period figures
    against the months inside them, each with the figures involved."""
    checks = record_checks(record.canonical, record.yearly, record.monthly)
    shown = [
        c
        for c in checks
        if (result is None or c.outcome is result) and (kind is None or c.kind is kind)
    ]
    return checks_public(shown, record.version)
