"""The arithmetic the record can be checked against, and the results (pure).

Three kinds of check: the canonical months of a year against its total; the parts of a breakdown
(adults and minors, men, women, boys and girls, nationalities) against the total of the same
period; and a figure for a partial period against the canonical months (or years) inside it. Every
figure is read as the range of values it allows (reconcile.bounds), so a rounded figure passes when
the sum falls within its rounding.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from app.domain.cells import CanonicalFigure, label, months_between
from app.domain.reconcile import bounds
from app.domain.reports import Cell, ReportedFigure, number


class CheckKind(StrEnum):
    months_sum_to_year = "months_sum_to_year"
    parts_sum_to_total = "parts_sum_to_total"
    period_matches_months = "period_matches_months"  # a partial period against the months in it
    period_matches_years = "period_matches_years"  # a span of whole years against those years


class Comparison(StrEnum):
    """What is asserted of the parts' sum and the stated figure."""

    equal = "equal"  # the sum equals the stated figure (within their ranges)
    at_most = "at_most"  # the sum does not exceed it (some parts missing, or a partial list)
    within = "within"  # the stated figure lies between the months inside it and those around it


class Outcome(StrEnum):
    passed = "pass"
    failed = "fail"


@dataclass(frozen=True, slots=True)
class Check:
    """One check: a stated figure, the canonical figures it is compared with, and the result."""

    kind: CheckKind
    subject: str  # what is summed: "months", "age: adults + minors", ...
    comparison: Comparison
    stated: ReportedFigure
    parts: tuple[ReportedFigure, ...]
    outer: tuple[ReportedFigure, ...] = ()  # for within: the parts of the upper sum
    missing: tuple[str, ...] = ()  # periods or subjects without a canonical figure

    @property
    def period(self) -> str:
        return label(self.stated.cell)

    @property
    def computed(self) -> int | float:
        return number(sum(f.value for f in self.parts))

    @property
    def computed_upper(self) -> int | float | None:
        return number(sum(f.value for f in self.outer)) if self.outer else None

    @property
    def difference(self) -> int | float:
        """The parts' sum minus the stated figure."""
        return number(self.computed - self.stated.value)

    @property
    def outcome(self) -> Outcome:
        low, high = range_of(self.stated)
        parts_low, parts_high = sum_range(self.parts)
        if self.comparison is Comparison.equal:
            ok = parts_low <= high and low <= parts_high
        elif self.comparison is Comparison.at_most:
            ok = parts_low <= high
        else:
            ok = parts_low <= high and low <= sum_range(self.outer)[1]
        return Outcome.passed if ok else Outcome.failed


def range_of(figure: ReportedFigure) -> tuple[float, float]:
    """The values a figure allows, read with its qualifier."""
    return bounds(figure.value, figure.qualifier, figure.cell.unit)


def sum_range(figures: Sequence[ReportedFigure]) -> tuple[float, float]:
    """The values a sum of figures allows."""
    ranges = [range_of(f) for f in figures]
    return sum(low for low, _ in ranges), sum(high for _, high in ranges)


def months_sum_to_year(
    years: Mapping[str, CanonicalFigure], months: Mapping[str, CanonicalFigure]
) -> list[Check]:
    """Each year with canonical months: the twelve months against the year (at most, if some are
    missing)."""
    checks = []
    for year in sorted(years):
        wanted = months_between((int(year), 1), (int(year), 12))
        parts = tuple(months[m].figure for m in wanted if m in months)
        if not parts:
            continue
        missing = tuple(m for m in wanted if m not in months)
        comparison = Comparison.at_most if missing else Comparison.equal
        checks.append(
            Check(
                CheckKind.months_sum_to_year,
                "months",
                comparison,
                years[year].figure,
                parts,
                (),
                missing,
            )
        )
    return checks


def canonical_figures(
    cells: Mapping[Cell, CanonicalFigure], wanted: Sequence[Cell]
) -> list[ReportedFigure]:
    """The canonical figures of the wanted cells that have one, in order."""
    return [cells[cell].figure for cell in wanted if cell in cells]


# Breakdowns whose parts make up a whole: (what is summed, parts, the whole), as (dimension, value).
Subject = tuple[str, str | None]
TOTAL: Subject = ("total", None)
PARTITIONS: tuple[tuple[str, tuple[Subject, ...], Subject], ...] = (
    ("age: adults + minors", (("age", "adults"), ("age", "minors")), TOTAL),
    ("sex: men + women", (("sex", "men"), ("sex", "women")), TOTAL),
    (
        "sex_age: men + women + boys + girls",
        (("sex_age", "men"), ("sex_age", "women"), ("sex_age", "boys"), ("sex_age", "girls")),
        TOTAL,
    ),
    ("sex_age: boys + girls", (("sex_age", "boys"), ("sex_age", "girls")), ("age", "minors")),
    ("sex_age: men + women", (("sex_age", "men"), ("sex_age", "women")), ("age", "adults")),
)
# A list of nationalities is complete only when it ends with the rest ("other"); otherwise its sum
# can only be checked not to exceed the total.
REST_OF_NATIONALITIES = "other"


def parts_sum_to_total(cells: Mapping[Cell, CanonicalFigure]) -> list[Check]:
    """Each period with a breakdown and its whole: the parts against the whole."""
    groups: dict[tuple[date, date], dict[Subject, ReportedFigure]] = {}
    for cell in cells:
        if cell.metric == "crossings" and cell.unit == "people":
            key = (cell.period_start, cell.period_end)
            groups.setdefault(key, {})[(cell.dimension, cell.dimension_value)] = cells[cell].figure
    checks = []
    for key in sorted(groups):
        figures = groups[key]
        for subject, parts, whole in PARTITIONS:
            if whole in figures and all(p in figures for p in parts):
                found = tuple(figures[p] for p in parts)
                checks.append(
                    Check(
                        CheckKind.parts_sum_to_total,
                        subject,
                        Comparison.equal,
                        figures[whole],
                        found,
                    )
                )
        checks += nationalities_within_total(figures)
    return checks


def nationalities_within_total(figures: Mapping[Subject, ReportedFigure]) -> list[Check]:
    """The nationalities of one period against its total (at most, unless the list is complete)."""
    parts = tuple(f for (dim, _), f in sorted(figures.items(), key=repr) if dim == "nationality")
    if TOTAL not in figures or len(parts) < 2:
        return []
    complete = ("nationality", REST_OF_NATIONALITIES) in figures
    subject = "nationality: " + " + ".join(f.cell.dimension_value or "" for f in parts)
    comparison = Comparison.equal if complete else Comparison.at_most
    return [Check(CheckKind.parts_sum_to_total, subject, comparison, figures[TOTAL], parts)]
