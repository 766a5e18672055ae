"""Claim checking (pure): judge each figure a text states against the canonical record.

A claim is consistent when the range of values it allows overlaps the range the reference allows
(the same rule as reconcile.agrees). A bare round number ("520,000 people crossed") is read as
rounded: a writer who rounds rarely says so. The reference is the canonical figure of exactly the
claimed period and subject; failing that, a derived one (the sum of canonical months that exactly
cover the period, or a share computed from two canonical counts), which says it is derived and
from what. With neither, the claim is unverifiable.
"""

import math
from collections.abc import Sequence
from datetime import date, timedelta

from app.api.schemas import (
    CanonicalDetailPublic,
    ClaimPublic,
    PeriodPublic,
    ReferencePublic,
    SubjectPublic,
)
from app.domain.cells import CellKey, months_between
from app.domain.periods import format_period
from app.domain.reconcile import Candidate, agrees, bounds, rounding_step
from app.extract import ExtractedFigure
from app.record.build import Record

METRIC = "crossings"
# How far apart two period ends may be for a reported cut to stand in for a claimed period.
NEARBY_DAYS = 3


def _key(
    claim: ExtractedFigure, unit: str | None = None, dimension: tuple[str, str | None] | None = None
) -> CellKey:
    assert claim.period is not None
    dim, value = dimension or (claim.subject.dimension, claim.subject.value)
    return (METRIC, dim, value, unit or claim.unit, claim.period.start, claim.period.end)


def claim_candidate(claim: ExtractedFigure) -> Candidate:
    """The claim as the reconciler sees it; an unhedged round number counts as approximate."""
    qualifier = claim.qualifier
    if qualifier == "exact" and claim.unit == "people" and rounding_step(claim.value) >= 100:
        qualifier = "approximate"
    return Candidate("claim", float(claim.value), claim.unit, qualifier, "claim", None, "claim")


def canonical_reference(detail: CanonicalDetailPublic) -> ReferencePublic:
    """A stored canonical figure as a reference."""
    return ReferencePublic(
        id=detail.id,
        url=detail.url,
        period=detail.period,
        value=detail.value,
        unit=detail.unit,
        qualifier=detail.qualifier,
        derived=False,
        derived_from=[],
        method="canonical figure of this period",
        citation=detail.citation,
    )


def months_covering(start: date, end: date) -> list[str] | None:
    """The whole months that exactly cover [start, end], or None when it is not whole months."""
    if start.day != 1 or (end + timedelta(days=1)).day != 1:
        return None
    return months_between((start.year, start.month), (end.year, end.month))


def summed_reference(record: Record, claim: ExtractedFigure) -> ReferencePublic | None:
    """Derived: the sum of canonical monthly totals covering the claimed span (total, people)."""
    if claim.period is None or claim.subject.dimension != "total" or claim.unit != "people":
        return None
    months = months_covering(claim.period.start, claim.period.end)
    if not months or len(months) < 2:
        return None
    parts = [record.monthly.get(month) for month in months]
    if any(p is None or p.qualifier != "exact" for p in parts):
        return None
    figures = [p for p in parts if p is not None]
    return ReferencePublic(
        id=None,
        url=None,
        period=format_period(claim.period.start, claim.period.end),
        value=sum(p.value for p in figures),
        unit="people",
        qualifier="exact",
        derived=True,
        derived_from=[p.id for p in figures],
        method=f"derived: sum of the {len(figures)} canonical monthly totals",
        citation=None,
    )


def share_reference(record: Record, claim: ExtractedFigure) -> ReferencePublic | None:
    """Derived: a share in percent from the canonical count of the subject and of the total."""
    if claim.period is None or claim.unit != "percent" or claim.subject.dimension == "total":
        return None
    part = record.canonical.get(_key(claim, unit="people"))
    whole = record.canonical.get(_key(claim, unit="people", dimension=("total", None)))
    if (
        part is None
        or whole is None
        or not whole.value
        or "exact" not in (part.qualifier, whole.qualifier)
    ):
        return None
    return ReferencePublic(
        id=None,
        url=None,
        period=part.period,
        value=round(100 * part.value / whole.value, 1),
        unit="percent",
        qualifier="approximate" if "approximate" in (part.qualifier, whole.qualifier) else "exact",
        derived=True,
        derived_from=[part.id, whole.id],
        method=f"derived: {part.value:,} {claim.subject.value} / {whole.value:,} in total",
        citation=None,
    )


def nearby_reference(record: Record, claim: ExtractedFigure) -> ReferencePublic | None:
    """The canonical figure of a period that starts with the claim's and ends within a few days of it.

    "So far this year" resolves to the publication date, but the count it repeats usually stops a
    day or two earlier: the record files it with its real cut-off date.
    """
    key = _key(claim)
    near = [
        k
        for k in record.cells_by_start.get(key[:5], [])
        if abs((k[5] - key[5]).days) <= NEARBY_DAYS
    ]
    if not near:
        return None
    closest = min(near, key=lambda k: (abs((k[5] - key[5]).days), k[5]))
    reference = canonical_reference(record.canonical[closest])
    days = (closest[5] - key[5]).days
    shift = f"{abs(days)} day{'s' if abs(days) != 1 else ''} {'longer' if days > 0 else 'shorter'}"
    return reference.model_copy(
        update={"method": f"canonical figure of the closest period ({shift})"}
    )


def find_reference(record: Record, claim: ExtractedFigure) -> ReferencePublic | None:
    """The canonical figure for the claim's cell; else one a few days off; else a derived one."""
    if claim.period is None:
        return None
    detail = record.canonical.get(_key(claim))
    if detail is not None:
        return canonical_reference(detail)
    return (
        nearby_reference(record, claim)
        or summed_reference(record, claim)
        or share_reference(record, claim)
    )


def judge(record: Record, claim: ExtractedFigure) -> ClaimPublic:
    """One claim with its verdict, reference and a sentence explaining both."""
    reference = find_reference(record, claim)
    candidate = claim_candidate(claim)
    if claim.period is None:
        verdict, why = "unverifiable", "The period this figure refers to could not be worked out."
    elif reference is None:
        verdict = "unverifiable"
        why = f"The record has no canonical figure for {describe(claim)}."
    else:
        ref = Candidate(
            "ref", float(reference.value), reference.unit, reference.qualifier, "", None, ""
        )
        consistent = agrees(candidate, ref)
        verdict = "consistent" if consistent else "inconsistent"
        why = explain(claim, candidate, reference, consistent)
    return ClaimPublic(
        quote=claim.quote,
        start=claim.start,
        end=claim.end,
        value=claim.value,
        unit=claim.unit,
        qualifier=claim.qualifier,
        period=PeriodPublic(start=claim.period.start, end=claim.period.end)
        if claim.period
        else None,
        subject=SubjectPublic(dimension=claim.subject.dimension, value=claim.subject.value),
        verdict=verdict,
        reference=reference,
        explanation=why,
    )


def subject_text(claim: ExtractedFigure) -> str:
    """'total crossings', 'nationality VEN', 'age minors (percent)', ..."""
    if claim.subject.dimension == "total":
        subject = "total crossings"
    else:
        subject = f"{claim.subject.dimension} {claim.subject.value}"
    return subject + (" (percent)" if claim.unit == "percent" else "")


def describe(claim: ExtractedFigure) -> str:
    """'total crossings in 2023', 'nationality VEN in 2023-08', ..."""
    period = (
        format_period(claim.period.start, claim.period.end) if claim.period else "an unknown period"
    )
    return f"{subject_text(claim)} in {period}"


def allowed_range(low: float, high: float, unit: str) -> str:
    """'at least 500,000', '240,000 to 260,000', '62.9% to 63.9%' ..."""

    def shown(value: float) -> str:
        return f"{value:,.1f}%" if unit == "percent" else f"{value:,.0f}"

    if high == math.inf:
        return f"at least {shown(low)}"
    if low == -math.inf:
        return f"at most {shown(high)}"
    return shown(low) if low == high else f"{shown(low)} to {shown(high)}"


def explain(
    claim: ExtractedFigure, candidate: Candidate, reference: ReferencePublic, consistent: bool
) -> str:
    """Why the verdict: what the claim allows and what the record says."""
    low, high = bounds(candidate.value, candidate.qualifier, candidate.unit)
    allowed = allowed_range(low, high, candidate.unit)
    source = reference.method if reference.derived else f"{reference.method}, {reference.id},"
    word = "fits" if consistent else "does not fit"
    return (
        f"Read as {candidate.qualifier.replace('_', ' ')}, the claim allows {allowed}; the record's "
        f"{source} for {subject_text(claim)} in {reference.period} is {reference.value:,}, which {word}."
    )


def judge_all(record: Record, claims: Sequence[ExtractedFigure]) -> list[ClaimPublic]:
    """Every claim of a text, judged."""
    return [judge(record, claim) for claim in claims]
