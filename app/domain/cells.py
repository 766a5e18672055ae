"""The canonical series: one figure per cell, chosen from every figure reported for it (pure).

Full years and months also gather the near-complete cuts of themselves (see
periods.near_complete_period).
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from app.domain.citation import cited_figure
from app.domain.periods import format_period, near_complete_period
from app.domain.reconcile import Candidate, Choice, choose_canonical
from app.domain.reports import Cell, ReportedFigure, number
from app.domain.vocabulary import FigureStatus, PeriodMatch, SelectionMethod


@dataclass(frozen=True, slots=True)
class ComparedFigure:
    """Another figure reported for a cell, judged against the canonical one."""

    figure: ReportedFigure
    agrees: bool | None
    period_match: PeriodMatch
    difference: int | float  # this value minus the canonical value


@dataclass(frozen=True, slots=True)
class CanonicalFigure:
    """The canonical figure of a cell, why it was chosen, and every other figure beside it."""

    figure: ReportedFigure
    method: SelectionMethod
    reason: str
    reported_count: int
    disagreeing_count: int
    also_reported: tuple[ComparedFigure, ...]


@dataclass(frozen=True, slots=True)
class Series:
    """Canonical figures of a run of periods; the periods without one are listed as missing."""

    periods: list[str]
    figures: list[CanonicalFigure]
    missing: list[str]
    available: list[str]  # first and last period with a canonical figure


def candidate(figure: ReportedFigure) -> Candidate:
    """What the reconciler needs from a reported figure."""
    return Candidate(
        figure_id=figure.id,
        value=figure.value,
        unit=figure.cell.unit,
        qualifier=figure.qualifier,
        attributed_to=figure.attributed_to,
        published=figure.source.published,
        origin=figure.source.origin,
        provisional=figure.status == FigureStatus.provisional,
    )


def reconcile_cell(
    figures: Sequence[ReportedFigure], near: Sequence[ReportedFigure], choice: Choice | None
) -> CanonicalFigure | None:
    """The canonical figure of one cell with the others beside it; None when none is canonical."""
    by_id = {f.id: f for f in (*figures, *near)}
    near_ids = {f.id for f in near}
    outcome = choose_canonical(
        [candidate(f) for f in figures], choice, [candidate(f) for f in near]
    )
    if outcome.canonical_id is None:
        return None
    chosen = by_id[outcome.canonical_id]
    canonical = cited_figure(chosen, figures)
    # The chosen figure gives way to the same value on a better page (citation.cited_figure): it
    # takes that page's place among the others, and agrees by construction.
    others = [
        (chosen.id, True) if c.figure_id == canonical.id else (c.figure_id, c.agrees)
        for c in outcome.others
    ]
    also = tuple(
        ComparedFigure(
            figure=by_id[figure_id],
            agrees=agrees,
            period_match=PeriodMatch.near_complete if figure_id in near_ids else PeriodMatch.same,
            difference=number(by_id[figure_id].value - canonical.value),
        )
        for figure_id, agrees in others
    )
    return CanonicalFigure(
        figure=canonical,
        method=SelectionMethod(outcome.method),
        reason=outcome.reason,
        reported_count=len(figures) + len(near),
        disagreeing_count=sum(1 for c in also if c.agrees is False),
        also_reported=also,
    )


class CanonicalCells(Mapping[Cell, CanonicalFigure]):
    """The canonical figure of every cell that has one, worked out the first time it is asked for.

    Which cells have one is known at once (every cell with a figure, unless an editorial choice
    excludes it); ranking and comparing wait until a reader asks, so a large record loads fast.
    Two threads asking at once both compute the same value; either result is kept.
    """

    def __init__(self, figures: Iterable[ReportedFigure], choices: dict[Cell, Choice]) -> None:
        self._cells: dict[Cell, list[ReportedFigure]] = defaultdict(list)
        self._near: dict[Cell, list[ReportedFigure]] = defaultdict(list)
        for figure in figures:
            self._cells[figure.cell].append(figure)
        for cell, reported in self._cells.items():
            if full := near_complete_period(cell.period_start, cell.period_end):
                self._near[cell._replace(period_start=full[0], period_end=full[1])] += reported
        self._choices = choices
        excluded = {cell for cell, choice in choices.items() if choice.figure_id is None}
        self._order = sorted((c for c in self._cells if c not in excluded), key=repr)
        self._known = frozenset(self._order)
        self._chosen: dict[Cell, CanonicalFigure] = {}

    def __getitem__(self, cell: Cell) -> CanonicalFigure:
        chosen = self._chosen.get(cell)
        if chosen is None:
            if cell not in self._known:
                raise KeyError(cell)
            near = self._near.get(cell, [])
            chosen = reconcile_cell(self._cells[cell], near, self._choices.get(cell))
            assert chosen is not None  # only excluded cells have none, and they are not known
            self._chosen[cell] = chosen
        return chosen

    def __getstate__(self) -> dict[str, object]:
        """What a pickled copy holds (app/record/cache.py): the figures and choices, and the
        canonical figures worked out so far as one copy taken at once, since readers in other
        threads may be adding to them while the copy is written."""
        state = self.__dict__.copy()
        state["_chosen"] = self._chosen.copy()
        return state

    def reported(self, cell: Cell) -> tuple[list[ReportedFigure], list[ReportedFigure]]:
        """The figures reported for a cell, and the near-complete cuts compared with them."""
        return list(self._cells.get(cell, ())), list(self._near.get(cell, ()))

    def __contains__(self, cell: object) -> bool:
        return cell in self._known

    def __iter__(self) -> Iterator[Cell]:
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)


def series_of(cells: dict[str, CanonicalFigure], wanted: list[str], available: list[str]) -> Series:
    """The canonical figures of `wanted` periods, the rest listed as missing."""
    return Series(
        periods=wanted,
        figures=[cells[p] for p in wanted if p in cells],
        missing=[p for p in wanted if p not in cells],
        available=available,
    )


def months_between(start: tuple[int, int], end: tuple[int, int]) -> list[str]:
    """YYYY-MM labels from start to end inclusive."""
    months = []
    year, month = start
    while (year, month) <= end:
        months.append(f"{year}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def label(cell: Cell) -> str:
    """The period label of a cell."""
    return format_period(cell.period_start, cell.period_end)
