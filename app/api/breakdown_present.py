"""The v1 JSON views of breakdowns, group series and the nationality list (beside present.py)."""

from collections.abc import Sequence

from app.api.breakdown_schemas import (
    BreakdownMeta,
    BreakdownPublic,
    BreakdownRowPublic,
    DerivedSharePublic,
    NationalityListMeta,
    NationalityListPublic,
    NationalityPublic,
)
from app.api.present import canonical_detail_public, canonical_public
from app.api.schemas import SeriesMeta, SeriesPublic
from app.domain.breakdowns import Breakdown, BreakdownRow, CodeEntry, GroupSeries, Share
from app.domain.citation import CITATION_RULE_TEXT
from app.domain.groups import Subject
from app.domain.periods import format_period
from app.domain.reconcile import RULE_TEXT, SPAN_RULE_TEXT
from app.domain.vocabulary import Dimension, Unit

NATIONALITY_LIST_NOTE = (
    "The codes the record uses. Filters accept these and any other ISO 3166-1 alpha-3 code, "
    "in any case (ven finds VEN)."
)


def share_public(share: Share) -> DerivedSharePublic:
    """A derived share with its inputs and formula."""
    return DerivedSharePublic(
        value=share.value,
        unit=Unit.percent,
        qualifier=share.qualifier,
        derived=True,
        derived_from=list(share.derived_from),
        formula=share.formula,
    )


def breakdown_row_public(row: BreakdownRow) -> BreakdownRowPublic:
    """One group's row: the canonical figure's view, its names and its shares."""
    return BreakdownRowPublic.model_validate(
        {
            **canonical_detail_public(row.figure).model_dump(),
            "name_en": row.label.en,
            "name_es": row.label.es,
            "is_country": row.country,
            "partial_period": row.partial,
            "period_note": row.period_note,
            "share": share_public(row.share) if row.share else None,
            "reported_share": (
                canonical_detail_public(row.reported_share) if row.reported_share else None
            ),
        }
    )


def breakdown_public(
    breakdown: Breakdown, dimensions: Sequence[Dimension], version: int
) -> BreakdownPublic:
    """A breakdown table and what it was asked for."""
    start, end = breakdown.period
    meta = BreakdownMeta(
        count=len(breakdown.rows),
        period=format_period(start, end),
        period_start=start,
        period_end=end,
        dimensions=list(dimensions),
        total=canonical_public(breakdown.total) if breakdown.total else None,
        note=breakdown.note,
        dataset_version=version,
        period_rule=SPAN_RULE_TEXT,
        canonical_rule=RULE_TEXT,
        citation_rule=CITATION_RULE_TEXT,
    )
    return BreakdownPublic(data=[breakdown_row_public(r) for r in breakdown.rows], meta=meta)


def subject_name(subject: Subject) -> str:
    """How a group is named in a series' meta: VEN, minors, sex:women."""
    if subject.dimension in (Dimension.nationality, Dimension.age, Dimension.sex_age):
        return subject.code
    return f"{subject.dimension}:{subject.code}"


def group_series_public(series: GroupSeries, version: int) -> SeriesPublic:
    """A series of some groups' counts: gaps listed per group, and in `missing` when any lacks."""
    by_group = {subject_name(s): gaps for s, gaps in series.missing.items()}
    gaps = {period for periods in by_group.values() for period in periods}
    meta = SeriesMeta(
        count=len(series.figures),
        period_from=series.periods[0] if series.periods else "",
        period_to=series.periods[-1] if series.periods else "",
        missing=[p for p in series.periods if p in gaps],
        available=series.available,
        dataset_version=version,
        canonical_rule=f"{SPAN_RULE_TEXT} {RULE_TEXT}",
        groups=list(by_group),
        missing_by_group=by_group,
    )
    return SeriesPublic(data=[canonical_public(f) for f in series.figures], meta=meta)


def nationality_public(entry: CodeEntry) -> NationalityPublic:
    """A nationality code with its names and how much the record holds for it."""
    code = entry.subject.code
    return NationalityPublic(
        code=code,
        name_en=entry.label.en,
        name_es=entry.label.es,
        is_country=entry.country,
        figure_count=entry.figure_count,
        years=entry.years,
        figures_url=f"/v1/figures?dimension=nationality&dimension_value={code}",
    )


def nationality_list_public(entries: Sequence[CodeEntry], version: int) -> NationalityListPublic:
    """Every nationality code of the record."""
    meta = NationalityListMeta(
        count=len(entries), dataset_version=version, note=NATIONALITY_LIST_NOTE
    )
    return NationalityListPublic(data=[nationality_public(e) for e in entries], meta=meta)
