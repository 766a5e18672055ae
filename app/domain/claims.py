"""Claim checking (pure): judge each figure a text states against the canonical record.

A claim is consistent when the range of values it allows overlaps the range the reference allows
(the same rule as reconcile.agrees). The qualifier is kept as written; how it was read is said
apart (Judgement.read_as): a bare round number ("520,000 people crossed") is read as rounded,
because a writer who rounds rarely says so, and "nearly X" as the half step just below X. The reference is the canonical figure of exactly the
claimed period and subject; failing that, a derived one (the sum of canonical months that exactly
cover the period, or a share computed from two canonical counts), which says it is derived and
from what. With neither, the claim is unverifiable.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from app.domain.cells import months_between
from app.domain.periods import format_period
from app.domain.reconcile import Candidate, agrees, bounds, rounding_step
from app.domain.reports import Cell, ReportedFigure
from app.domain.vocabulary import Dimension, Qualifier, Reading, Unit, Verdict
from app.extract import ExtractedFigure
from app.record.build import TOTAL_METRIC, Record, start_of

# How far apart two period ends may be for a reported cut to stand in for a claimed period.
NEARBY_DAYS = 3


@dataclass(frozen=True, slots=True)
class Reference:
    """The figure a claim is compared with: a canonical one, or one derived from canonical ones."""

    period: str
    value: int | float
    unit: Unit
    qualifier: Qualifier
    method: str  # how the reference was obtained
    figure: ReportedFigure | None = None  # the canonical figure; None when derived
    derived_from: tuple[str, ...] = ()  # ids of the canonical figures a derived value uses

    @property
    def derived(self) -> bool:
        """True when computed (a sum or a share) rather than reported."""
        return self.figure is None


@dataclass(frozen=True, slots=True)
class Judgement:
    """One claim with its verdict, reference and a sentence explaining both."""

    claim: ExtractedFigure
    verdict: Verdict
    reference: Reference | None
    explanation: str
    read_as: Reading  # how the claim's qualifier was read (see reading_of)


def cell_of_claim(
    claim: ExtractedFigure, unit: str | None = None, dimension: tuple[str, str | None] | None = None
) -> Cell:
    """The cell a claim speaks of (or of its unit or subject replaced)."""
    assert claim.period is not None
    dim, value = dimension or (claim.subject.dimension, claim.subject.value)
    return Cell(
        TOTAL_METRIC,
        Dimension(dim),
        value,
        Unit(unit or claim.unit),
        claim.period.start,
        claim.period.end,
    )


def reading_of(claim: ExtractedFigure) -> Reading:
    """How a claim is read: an unhedged round count as approximate, "nearly X" as just below X."""
    if claim.qualifier == "exact" and claim.unit == "people" and rounding_step(claim.value) >= 100:
        return Reading.approximate
    if claim.qualifier == "approximate" and claim.nearly:
        return Reading.nearly
    return Reading(claim.qualifier)


def claim_candidate(claim: ExtractedFigure) -> Candidate:
    """The claim as the reconciler sees it, read as reading_of says."""
    reading = reading_of(claim)
    return Candidate("claim", float(claim.value), claim.unit, reading, "claim", None, "claim")


def canonical_reference(figure: ReportedFigure) -> Reference:
    """A stored canonical figure as a reference."""
    cell = figure.cell
    return Reference(
        period=format_period(cell.period_start, cell.period_end),
        value=figure.value,
        unit=cell.unit,
        qualifier=figure.qualifier,
        method="canonical figure of this period",
        figure=figure,
    )


def months_covering(start: date, end: date) -> list[str] | None:
    """The whole months that exactly cover [start, end], or None when it is not whole months."""
    if start.day != 1 or (end + timedelta(days=1)).day != 1:
        return None
    return months_between((start.year, start.month), (end.year, end.month))


def summed_reference(record: Record, claim: ExtractedFigure) -> Reference | None:
    """Derived: the sum of canonical monthly totals covering the claimed span (total, people)."""
    if claim.period is None or claim.subject.dimension != "total" or claim.unit != "people":
        return None
    months = months_covering(claim.period.start, claim.period.end)
    if not months or len(months) < 2:
        return None
    parts = [record.monthly.get(month) for month in months]
    figures = [p.figure for p in parts if p is not None]
    if len(figures) < len(parts) or any(f.qualifier != "exact" for f in figures):
        return None
    return Reference(
        period=format_period(claim.period.start, claim.period.end),
        value=sum(f.value for f in figures),
        unit=Unit.people,
        qualifier=Qualifier.exact,
        method=f"derived: sum of the {len(figures)} canonical monthly totals",
        derived_from=tuple(f.id for f in figures),
    )


def share_reference(record: Record, claim: ExtractedFigure) -> Reference | None:
    """Derived: a share in percent from the canonical count of the subject and of the total."""
    if claim.period is None or claim.unit != "percent" or claim.subject.dimension == "total":
        return None
    part_of = record.canonical.get(cell_of_claim(claim, unit="people"))
    whole_of = record.canonical.get(cell_of_claim(claim, unit="people", dimension=("total", None)))
    if part_of is None or whole_of is None:
        return None
    part, whole = part_of.figure, whole_of.figure
    if not whole.value or "exact" not in (part.qualifier, whole.qualifier):
        return None
    approximate = "approximate" in (part.qualifier, whole.qualifier)
    return Reference(
        period=format_period(part.cell.period_start, part.cell.period_end),
        value=round(100 * part.value / whole.value, 1),
        unit=Unit.percent,
        qualifier=Qualifier.approximate if approximate else Qualifier.exact,
        method=f"derived: {part.value:,} {claim.subject.value} / {whole.value:,} in total",
        derived_from=(part.id, whole.id),
    )


def nearby_reference(record: Record, claim: ExtractedFigure) -> Reference | None:
    """The canonical figure of a period that starts with the claim's and ends within a few days of it.

    "So far this year" resolves to the publication date, but the count it repeats usually stops a
    day or two earlier: the record files it with its real cut-off date.
    """
    wanted = cell_of_claim(claim)
    end = wanted.period_end
    near = [
        cell
        for cell in record.cells_by_start.get(start_of(wanted), [])
        if abs((cell.period_end - end).days) <= NEARBY_DAYS
    ]
    if not near:
        return None
    closest = min(near, key=lambda cell: (abs((cell.period_end - end).days), cell.period_end))
    reference = canonical_reference(record.canonical[closest].figure)
    days = (closest.period_end - end).days
    shift = f"{abs(days)} day{'s' if abs(days) != 1 else ''} {'longer' if days > 0 else 'shorter'}"
    return replace(reference, method=f"canonical figure of the closest period ({shift})")


def find_reference(record: Record, claim: ExtractedFigure) -> Reference | None:
    """The canonical figure for the claim's cell; else one a few days off; else a derived one."""
    if claim.period is None:
        return None
    canonical = record.canonical.get(cell_of_claim(claim))
    if canonical is not None:
        return canonical_reference(canonical.figure)
    return (
        nearby_reference(record, claim)
        or summed_reference(record, claim)
        or share_reference(record, claim)
    )


def judge(record: Record, claim: ExtractedFigure) -> Judgement:
    """One claim with its verdict, reference and a sentence explaining both."""
    reference = find_reference(record, claim)
    candidate = claim_candidate(claim)
    if claim.period is None:
        verdict = Verdict.unverifiable
        why = "The period this figure refers to could not be worked out."
    elif reference is None:
        verdict = Verdict.unverifiable
        why = f"The record has no canonical figure for {describe(claim)}."
    else:
        ref = Candidate(
            "ref", float(reference.value), reference.unit, reference.qualifier, "", None, ""
        )
        consistent = agrees(candidate, ref)
        verdict = Verdict.consistent if consistent else Verdict.inconsistent
        why = explain(claim, candidate, reference, consistent)
    return Judgement(
        claim=claim,
        verdict=verdict,
        reference=reference,
        explanation=why,
        read_as=Reading(candidate.qualifier),
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
    claim: ExtractedFigure, candidate: Candidate, reference: Reference, consistent: bool
) -> str:
    """Why the verdict: what the claim allows and what the record says."""
    low, high = bounds(candidate.value, candidate.qualifier, candidate.unit)
    allowed = allowed_range(low, high, candidate.unit)
    figure_id = reference.figure.id if reference.figure else None
    source = reference.method if reference.derived else f"{reference.method}, {figure_id},"
    word = "fits" if consistent else "does not fit"
    written = claim.qualifier.replace("_", " ")
    read = candidate.qualifier.replace("_", " ")
    how = f"Read as {read}" if read == written else f"Written {written} and read as {read}"
    return (
        f"{how}, the claim allows {allowed}; the record's "
        f"{source} for {subject_text(claim)} in {reference.period} is {reference.value:,}, which {word}."
    )


def judge_all(record: Record, claims: Sequence[ExtractedFigure]) -> list[Judgement]:
    """Every claim of a text, judged."""
    return [judge(record, claim) for claim in claims]
