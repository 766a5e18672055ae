"""The v1 JSON views of the record's values: every route shapes its answer here.

The domain hands over plain values (app.domain.reports, cells, claims); this module turns them into
the documented response models, whose keys are only ever added.
"""

from app.api.schemas import (
    CanonicalDetailPublic,
    CanonicalFigurePublic,
    ComparedFigurePublic,
    FigureHistoryPublic,
    FigurePublic,
    HistoryEntryPublic,
    Selection,
    SeriesMeta,
    SeriesPublic,
    SourcePublic,
    SourceRef,
)
from app.api.schemas_text import ClaimPublic, PeriodPublic, ReferencePublic, SubjectPublic
from app.domain.cells import CanonicalFigure, ComparedFigure, Series
from app.domain.citation import cite
from app.domain.claims import Judgement, Reference
from app.domain.history import HISTORY_RULE
from app.domain.periods import format_period
from app.domain.reconcile import RULE_TEXT
from app.domain.reports import ReportedFigure, SourceInfo
from app.record.history import FigureHistory


def source_ref(source: SourceInfo) -> SourceRef:
    """The short description of a source carried by every figure."""
    return SourceRef.model_validate(source, from_attributes=True)


def source_public(source: SourceInfo, figure_count: int) -> SourcePublic:
    """A source with the number of figures it reports."""
    return SourcePublic(
        **source_ref(source).model_dump(),
        url_api=f"/v1/sources/{source.id}",
        figure_count=figure_count,
    )


def figure_fields(figure: ReportedFigure) -> dict[str, object]:
    """The fields every view of a figure shares (FigurePublic and its subclasses)."""
    cell = figure.cell
    return {
        "id": figure.id,
        "url": f"/v1/figures/{figure.id}",
        "metric": cell.metric,
        "period": format_period(cell.period_start, cell.period_end),
        "period_start": cell.period_start,
        "period_end": cell.period_end,
        "dimension": cell.dimension,
        "dimension_value": cell.dimension_value,
        "value": figure.value,
        "unit": cell.unit,
        "qualifier": figure.qualifier,
        "attributed_to": figure.attributed_to,
        "source": source_ref(figure.source),
        "citation": cite(figure),
        "note": figure.note,
        "document_id": figure.document_id,
        "quote": figure.quote,
        "quote_start": figure.quote_start,
        "quote_end": figure.quote_end,
        "status": figure.status,
    }


def figure_public(figure: ReportedFigure) -> FigurePublic:
    """The public view of a reported figure."""
    return FigurePublic.model_validate(figure_fields(figure))


def compared_public(compared: ComparedFigure) -> ComparedFigurePublic:
    """Another figure of a cell, with how it compares to the canonical one."""
    return ComparedFigurePublic.model_validate(
        {
            **figure_fields(compared.figure),
            "agrees": compared.agrees,
            "period_match": compared.period_match,
            "difference": compared.difference,
        }
    )


def selection_public(canonical: CanonicalFigure) -> Selection:
    """Why a figure is the canonical one."""
    return Selection(
        method=canonical.method,
        reason=canonical.reason,
        reported_count=canonical.reported_count,
        disagreeing_count=canonical.disagreeing_count,
    )


def canonical_public(canonical: CanonicalFigure) -> CanonicalFigurePublic:
    """A canonical figure without the others (for list endpoints)."""
    return CanonicalFigurePublic.model_validate(
        {**figure_fields(canonical.figure), "selection": selection_public(canonical)}
    )


def canonical_detail_public(canonical: CanonicalFigure) -> CanonicalDetailPublic:
    """A canonical figure with every other figure reported for its period."""
    return CanonicalDetailPublic.model_validate(
        {
            **figure_fields(canonical.figure),
            "selection": selection_public(canonical),
            "also_reported": [compared_public(c) for c in canonical.also_reported],
        }
    )


def series_public(series: Series, version: int) -> SeriesPublic:
    """A list answer: the canonical figures of a run of periods, the rest listed as missing."""
    meta = SeriesMeta(
        count=len(series.figures),
        period_from=series.periods[0] if series.periods else "",
        period_to=series.periods[-1] if series.periods else "",
        missing=series.missing,
        available=series.available,
        dataset_version=version,
        canonical_rule=RULE_TEXT,
    )
    return SeriesPublic(data=[canonical_public(c) for c in series.figures], meta=meta)


def reference_public(reference: Reference) -> ReferencePublic:
    """The figure a claim was compared with."""
    figure = reference.figure
    return ReferencePublic(
        id=figure.id if figure else None,
        url=f"/v1/figures/{figure.id}" if figure else None,
        period=reference.period,
        value=reference.value,
        unit=reference.unit,
        qualifier=reference.qualifier,
        derived=reference.derived,
        derived_from=list(reference.derived_from),
        method=reference.method,
        citation=cite(figure) if figure else None,
    )


def claim_public(judgement: Judgement) -> ClaimPublic:
    """One claim of a text, its verdict and why."""
    claim = judgement.claim
    period = claim.period
    return ClaimPublic(
        quote=claim.quote,
        start=claim.start,
        end=claim.end,
        value=claim.value,
        unit=claim.unit,
        qualifier=claim.qualifier,
        read_as=judgement.read_as,
        period=PeriodPublic(start=period.start, end=period.end) if period else None,
        subject=SubjectPublic(dimension=claim.subject.dimension, value=claim.subject.value),
        verdict=judgement.verdict,
        reference=reference_public(judgement.reference) if judgement.reference else None,
        explanation=judgement.explanation,
    )


def history_public(history: FigureHistory) -> FigureHistoryPublic:
    """A figure and the answers its period gave over time."""
    return FigureHistoryPublic(
        figure=figure_public(history.figure),
        published=history.known_from,
        rule=HISTORY_RULE,
        undated=history.undated,
        data=[
            HistoryEntryPublic(
                since=entry.since,
                until=entry.until,
                known_count=entry.known_count,
                canonical=canonical_public(entry.answer) if entry.answer else None,
            )
            for entry in history.entries
        ],
    )
