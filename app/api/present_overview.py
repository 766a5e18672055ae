"""The v1 JSON views of coverage and checks (app.domain.coverage, checks, spans)."""

import re

from app.api.present_derived import input_public
from app.api.schemas_overview import (
    BreakdownCoveragePublic,
    CheckListPublic,
    CheckPublic,
    ChecksMeta,
    CoverageListPublic,
    CoverageMeta,
    CoveragePublic,
)
from app.domain.checks import Check, Comparison, Outcome
from app.domain.coverage import BreakdownCoverage, YearCoverage

CHECK_RULE = (
    "Each figure is read as the range of values its qualifier allows (an exact count is itself; "
    "a rounded one allows its rounding; a bound is one-sided). equal passes when the parts' sum "
    "and the stated figure overlap; at_most when the sum does not exceed it; within when the "
    "stated figure lies between the sum of the months inside its period and the sum of the months "
    "it touches. Only canonical figures are summed, and a period without one is never filled in."
)


def breakdown_public(breakdown: BreakdownCoverage) -> BreakdownCoveragePublic:
    return BreakdownCoveragePublic(
        available=breakdown.available,
        full_year=list(breakdown.full_year),
        months=list(breakdown.months),
        periods=list(breakdown.periods),
        subjects=list(breakdown.subjects),
    )


def coverage_row(year: YearCoverage) -> CoveragePublic:
    """One year of the coverage table."""
    total = year.total.figure if year.total else None
    breakdowns = {b.dimension.value: breakdown_public(b) for b in year.breakdowns}
    return CoveragePublic(
        year=year.year,
        total=total is not None,
        total_id=total.id if total else None,
        total_value=total.value if total else None,
        month_count=len(year.months),
        months=list(year.months),
        missing_months=list(year.missing_months),
        **breakdowns,
    )


def coverage_public(years: list[YearCoverage], version: int) -> CoverageListPublic:
    """The coverage table."""
    rows = [coverage_row(year) for year in years]
    return CoverageListPublic(
        data=rows, meta=CoverageMeta(count=len(rows), dataset_version=version)
    )


def explain_check(check: Check) -> str:
    """The check in one sentence, with its numbers."""
    stated = f"{check.stated.id} ({check.stated.value:,}, {check.stated.qualifier})"
    summed = f"the sum of {check.subject} is {check.computed:,}"
    missing = f" ({', '.join(check.missing)} missing, left out)" if check.missing else ""
    verdict = "passes" if check.outcome is Outcome.passed else "fails"
    if check.comparison is Comparison.equal:
        said = f"{summed}{missing} against {stated}: a difference of {check.difference:+,}"
    elif check.comparison is Comparison.at_most:
        said = f"{summed}{missing}, which must not exceed {stated}"
    else:
        said = (
            f"{stated} must lie between the whole months inside its period ({check.computed:,}) "
            f"and the months it touches ({check.computed_upper:,})"
        )
    return f"{said[0].upper()}{said[1:]}; the check {verdict}."


def check_id(check: Check) -> str:
    """A stable id: kind, period, and what is summed."""
    named = "nationality" if check.subject.startswith("nationality") else check.subject
    subject = re.sub(r"[^a-z0-9_]+", "-", named.lower()).strip("-")
    return f"{check.kind}/{check.period}/{subject}"


def check_public(check: Check) -> CheckPublic:
    """One check with the figures involved."""
    cell = check.stated.cell
    return CheckPublic(
        id=check_id(check),
        kind=check.kind,
        period=check.period,
        period_start=cell.period_start,
        period_end=cell.period_end,
        subject=check.subject,
        comparison=check.comparison,
        result=check.outcome,
        stated=input_public(check.stated),
        computed=check.computed,
        computed_upper=check.computed_upper,
        difference=check.difference,
        part_ids=[f.id for f in check.parts],
        outer_ids=[f.id for f in check.outer],
        missing=list(check.missing),
        parts=[input_public(f) for f in check.parts],
        explanation=explain_check(check),
    )


def checks_public(shown: list[Check], version: int) -> CheckListPublic:
    """The checks shown (after filters), with counts over them."""
    rows = [check_public(check) for check in shown]
    failed = sum(1 for row in rows if row.result is Outcome.failed)
    meta = ChecksMeta(
        count=len(rows),
        passed=len(rows) - failed,
        failed=failed,
        dataset_version=version,
        rule=CHECK_RULE,
    )
    return CheckListPublic(data=rows, meta=meta)
