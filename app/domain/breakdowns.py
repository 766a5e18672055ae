"""Breakdowns of the crossings of a period, by nationality or by age and sex, and the series of
one group (pure).

A breakdown figure rarely covers a whole year: most are cuts from 1 January to some day. The period
each group is read from follows reconcile.choose_span (the full period first, else the longest cut
that starts with it); within it, the canonical figure is the cell's (cells.CanonicalCells). Counts
and shares in percent are separate cells and are never mixed: a row shows its count and, beside
it, the share reported in percent and the share derived from the period's canonical total.
"""

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from app.domain.cells import CanonicalFigure
from app.domain.groups import (
    DEMOGRAPHIC_GROUPS,
    Label,
    Subject,
    is_country,
    subject_label,
)
from app.domain.periods import format_period, month_span, parse_period, year_span
from app.domain.reconcile import choose_span
from app.domain.reports import Cell, ReportedFigure
from app.domain.vocabulary import Dimension, Qualifier, Unit

METRIC = "crossings"
Span = tuple[date, date]


@dataclass(frozen=True, slots=True)
class Share:
    """A derived share: a count over the canonical total of the same period, in percent."""

    value: float
    qualifier: Qualifier
    derived_from: tuple[str, str]  # the count's figure id, then the total's
    formula: str


@dataclass(frozen=True, slots=True)
class BreakdownRow:
    """One group of a breakdown: its figure (a count, else a share), and its shares."""

    subject: Subject
    label: Label
    country: bool  # an ISO 3166 country, not a group code or a demographic group
    figure: CanonicalFigure
    partial: bool  # the figure covers less than the period asked for
    period_note: str | None
    share: Share | None
    reported_share: CanonicalFigure | None  # a share in percent beside a count


@dataclass(frozen=True, slots=True)
class Breakdown:
    """The rows of one period's breakdown, and the canonical total of that period."""

    period: Span
    rows: list[BreakdownRow]
    total: CanonicalFigure | None
    note: str | None  # why the table is empty, when it is


@dataclass(frozen=True, slots=True)
class GroupSeries:
    """The canonical counts of some groups over a run of periods, gaps listed per group."""

    periods: list[str]
    figures: list[CanonicalFigure]  # by period, then in the order the groups were asked
    missing: dict[Subject, list[str]]
    available: list[str]  # first and last period with a figure of any of the groups


@dataclass(frozen=True, slots=True)
class CodeEntry:
    """A code the record uses for a breakdown group, and how much it reports."""

    subject: Subject
    label: Label
    country: bool
    figure_count: int
    years: list[int]


def total_cell(span: Span) -> Cell:
    """The cell of the canonical total of a period."""
    return Cell(METRIC, Dimension.total, None, Unit.people, span[0], span[1])


def period_note(span: Span, wanted: Span) -> str | None:
    """What a partial row says: the days it covers and how far short of the period it stops."""
    if span == wanted:
        return None
    short = (wanted[1] - span[1]).days
    days = "1 day" if short == 1 else f"{short} days"
    return (
        f"Partial period: covers {day_text(span[0])} to {day_text(span[1])} only, {days} short "
        f"of {format_period(*wanted)} (a count to date, not the full period's)."
    )


def day_text(day: date) -> str:
    """16 December 2024."""
    return f"{day.day} {day:%B %Y}"


def derived_share(count: CanonicalFigure, total: CanonicalFigure | None) -> Share | None:
    """100 x count / total, where both exist for the same period."""
    if total is None or total.figure.cell.period_end != count.figure.cell.period_end:
        return None
    numerator, denominator = count.figure, total.figure
    exact = denominator.qualifier == Qualifier.exact
    return Share(
        value=round(100 * numerator.value / denominator.value, 1),
        qualifier=numerator.qualifier if exact else Qualifier.approximate,
        derived_from=(numerator.id, denominator.id),
        formula=f"round(100 * {numerator.id} / {denominator.id}, 1)",
    )


class BreakdownIndex:
    """The canonical breakdown cells of the record, by group and by the day their period starts."""

    def __init__(self, canonical: Mapping[Cell, CanonicalFigure]) -> None:
        self._canonical = canonical
        self._spans: dict[tuple[Subject, Unit, date], list[Span]] = defaultdict(list)
        self._starts: dict[Dimension, set[date]] = defaultdict(set)
        for cell in canonical:
            if (
                cell.metric != METRIC
                or cell.dimension == Dimension.total
                or not cell.dimension_value
            ):
                continue
            subject = Subject(cell.dimension, cell.dimension_value)
            self._spans[(subject, cell.unit, cell.period_start)].append(
                (cell.period_start, cell.period_end)
            )
            self._starts[cell.dimension].add(cell.period_start)
        self.subjects = frozenset(subject for subject, _, _ in self._spans)

    def pick(
        self, subject: Subject, unit: Unit, wanted: Span, near_only: bool = False
    ) -> CanonicalFigure | None:
        """The canonical figure of a group for a period, by reconcile.choose_span."""
        spans = self._spans.get((subject, unit, wanted[0]), [])
        span = choose_span(spans, wanted, near_only=near_only)
        if span is None:
            return None
        cell = Cell(METRIC, subject.dimension, subject.code, unit, span[0], span[1])
        return self._canonical[cell]

    def row(self, subject: Subject, wanted: Span) -> BreakdownRow | None:
        """A group's row of a breakdown, or None when it has no figure for the period."""
        count = self.pick(subject, Unit.people, wanted)
        percent = self.pick(subject, Unit.percent, wanted)
        shown = count or percent
        if shown is None:
            return None
        cell = shown.figure.cell
        span = (cell.period_start, cell.period_end)
        total = self._canonical.get(total_cell(span)) if count else None
        return BreakdownRow(
            subject=subject,
            label=subject_label(subject),
            country=subject.dimension == Dimension.nationality and is_country(subject.code),
            figure=shown,
            partial=span != wanted,
            period_note=period_note(span, wanted),
            share=derived_share(count, total) if count else None,
            reported_share=percent if count else None,
        )

    def table(self, dimensions: Sequence[Dimension], wanted: Span) -> Breakdown:
        """Every group of these dimensions with a figure for the period, in table order."""
        subjects = [s for s in self.subjects if s.dimension in dimensions]
        rows = [row for s in subjects if (row := self.row(s, wanted))]
        rows.sort(key=row_order)
        total = self._canonical.get(total_cell(wanted))
        note = None if rows else self.empty_note(dimensions, wanted)
        return Breakdown(period=wanted, rows=rows, total=total, note=note)

    def empty_note(self, dimensions: Sequence[Dimension], wanted: Span) -> str:
        """Why a breakdown is empty, and the periods of the same kind that have one."""
        kinds = "nationality" if Dimension.nationality in dimensions else "age and sex"
        starts = sorted({start for d in dimensions for start in self._starts.get(d, ())})
        is_year = wanted == year_span(wanted[0].year)
        spans = [year_span(s.year) if is_year else month_span(s.year, s.month) for s in starts]
        found = [format_period(*span) for span in dict.fromkeys(spans) if span[0] in starts]
        found = [p for p in found if self.has_rows(dimensions, parse_period(p))]
        kind = "Years" if is_year else "Months"
        return (
            f"No {kinds} breakdown is recorded for {format_period(*wanted)} (no figure whose "
            f"period starts with it). {kind} with one: {', '.join(found) or 'none'}."
        )

    def start_years(self, dimension: Dimension) -> list[int]:
        """The years in which some figure of the dimension's groups starts, in order."""
        return sorted({start.year for start in self._starts.get(dimension, ())})

    def has_rows(self, dimensions: Sequence[Dimension], wanted: Span) -> bool:
        """Whether any group of these dimensions has a figure for the period."""
        subjects = [s for s in self.subjects if s.dimension in dimensions]
        return any(self.pick(s, u, wanted) for s in subjects for u in (Unit.people, Unit.percent))

    def series(self, subjects: Sequence[Subject], periods: Sequence[str]) -> GroupSeries:
        """The canonical counts of the groups per period: a full-period figure, else a cut a
        little short of it (a mid-December count); anything shorter is a gap."""
        figures: list[CanonicalFigure] = []
        missing: dict[Subject, list[str]] = {subject: [] for subject in subjects}
        found: list[str] = []
        for period in periods:
            for subject in subjects:
                figure = self.pick(subject, Unit.people, parse_period(period), near_only=True)
                if figure is None:
                    missing[subject].append(period)
                else:
                    figures.append(figure)
                    found.append(period)
        available = [min(found), max(found)] if found else []
        return GroupSeries(list(periods), figures, missing, available)


def row_order(row: BreakdownRow) -> tuple[int, bool, float, str]:
    """Demographic groups in their fixed order; countries by count, largest first, then groups."""
    subject = row.subject
    if subject.dimension == Dimension.nationality:
        rank = 0 if is_country(subject.code) else 1
    else:
        order = list(DEMOGRAPHIC_GROUPS)
        rank = order.index(subject) if subject in DEMOGRAPHIC_GROUPS else len(order)
    figure = row.figure.figure
    return rank, figure.cell.unit == Unit.percent, -figure.value, subject.code


def code_catalog(figures: Iterable[ReportedFigure], dimension: Dimension) -> list[CodeEntry]:
    """Every code the record uses in one dimension, with its figure count and years."""
    counts: dict[str, int] = defaultdict(int)
    years: dict[str, set[int]] = defaultdict(set)
    for figure in figures:
        cell = figure.cell
        if cell.dimension == dimension and cell.dimension_value:
            counts[cell.dimension_value] += 1
            years[cell.dimension_value].add(cell.period_start.year)
    entries = [
        CodeEntry(
            Subject(dimension, code),
            subject_label(Subject(dimension, code)),
            is_country(code),
            counts[code],
            sorted(years[code]),
        )
        for code in counts
    ]
    return sorted(entries, key=lambda e: (not e.country, e.subject.code))
