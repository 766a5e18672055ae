"""The v1 JSON views of derived figures, coverage and checks (see app.domain.derive, coverage, checks)."""

from app.api.present import canonical_public
from app.api.schemas_derived import DerivedFigurePublic, InputPublic
from app.api.schemas_overview import LatestPublic, SummaryMeta, SummaryPublic, YearToDatePublic
from app.domain.citation import cite
from app.domain.derive import DerivedFigure
from app.domain.periods import format_period
from app.domain.reports import ReportedFigure
from app.domain.summary import Latest, Summary


def input_public(figure: ReportedFigure) -> InputPublic:
    """A figure used in a computation, with where it comes from."""
    return InputPublic(
        id=figure.id,
        url=f"/v1/figures/{figure.id}",
        period=format_period(figure.cell.period_start, figure.cell.period_end),
        value=figure.value,
        qualifier=figure.qualifier,
        source_id=figure.source.id,
        citation=cite(figure),
    )


def derived_public(derived: DerivedFigure) -> DerivedFigurePublic:
    """A derived figure, its formula and its inputs."""
    return DerivedFigurePublic(
        derived=True,
        name=derived.name,
        period=derived.period,
        value=derived.value,
        unit=derived.unit,
        qualifier=derived.qualifier,
        operation=derived.operation,
        formula=derived.formula,
        terms=derived.terms,
        derived_from=[f.id for f in derived.inputs],
        input_periods=list(derived.input_periods),
        missing=list(derived.missing),
        reason=derived.reason,
        inputs=[input_public(f) for f in derived.inputs],
    )


def latest_public(latest: Latest | None) -> LatestPublic | None:
    """The latest period and its change on the year."""
    if latest is None:
        return None
    return LatestPublic(
        figure=canonical_public(latest.figure),
        change=derived_public(latest.change),
        change_percent=derived_public(latest.change_percent),
    )


def summary_public(summary: Summary, version: int) -> SummaryPublic:
    """The summary with every figure's provenance."""
    to_date = summary.year_to_date
    return SummaryPublic(
        latest_year=latest_public(summary.latest_year),
        latest_month=latest_public(summary.latest_month),
        year_to_date=YearToDatePublic(
            total=derived_public(to_date.total),
            change=derived_public(to_date.change),
            change_percent=derived_public(to_date.change_percent),
        )
        if to_date
        else None,
        record_year=canonical_public(summary.record_year) if summary.record_year else None,
        record_month=canonical_public(summary.record_month) if summary.record_month else None,
        meta=SummaryMeta(dataset_version=version, notes=list(SUMMARY_NOTES)),
    )


SUMMARY_NOTES = (
    "latest_year and latest_month are the latest periods with a canonical total.",
    "Changes compare with the same period a year earlier: A - B, and (A - B) / B * 100.",
    "year_to_date sums the canonical months from January to latest_month; it is absent, with the "
    "reason, when a month has no canonical figure. Months are never worked out from other totals.",
    "record_year and record_month are the highest canonical totals (the earlier one on a tie).",
)
