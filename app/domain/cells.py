"""The canonical series: one figure per cell, chosen from every figure reported for it (pure).

A cell is (metric, dimension, dimension_value, unit, period_start, period_end). Full years and
months also gather the near-complete cuts of themselves (see periods.near_complete_period).
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date

from app.api.present import candidate, number
from app.api.schemas import (
    CanonicalDetailPublic,
    CanonicalFigurePublic,
    ComparedFigurePublic,
    FigurePublic,
    Selection,
    SeriesMeta,
    SeriesPublic,
)
from app.domain.periods import format_period, near_complete_period
from app.domain.reconcile import RULE_TEXT, Choice, choose_canonical
from app.storage.queries import FigureRow
from app.storage.tables import EditorialChoice, Figure

CellKey = tuple[str, str, str | None, str, date, date]


def cell_of(figure: Figure) -> CellKey:
    """The cell a figure reports on."""
    return (
        figure.metric,
        figure.dimension,
        figure.dimension_value,
        figure.unit,
        figure.period_start,
        figure.period_end,
    )


def reconcile_cell(
    rows: Sequence[FigureRow],
    near_rows: Sequence[FigureRow],
    choice: EditorialChoice | None,
    public: dict[str, FigurePublic],
) -> CanonicalDetailPublic | None:
    """The canonical figure of one cell with the others beside it; None when none is canonical."""
    near_ids = {figure.id for figure, _ in near_rows}
    decision = Choice(choice.figure_id, choice.reason) if choice else None
    outcome = choose_canonical(
        [candidate(f, s) for f, s in rows], decision, [candidate(f, s) for f, s in near_rows]
    )
    if outcome.canonical_id is None:
        return None
    canonical = public[outcome.canonical_id]
    also = [
        ComparedFigurePublic(
            **public[c.figure_id].model_dump(),
            agrees=c.agrees,
            period_match="near_complete" if c.figure_id in near_ids else "same",
            difference=number(public[c.figure_id].value - canonical.value),
        )
        for c in outcome.others
    ]
    selection = Selection(
        method=outcome.method,
        reason=outcome.reason,
        reported_count=len(rows) + len(near_rows),
        disagreeing_count=sum(1 for c in outcome.others if c.agrees is False),
    )
    return CanonicalDetailPublic(**canonical.model_dump(), selection=selection, also_reported=also)


def reconcile_all(
    rows: Sequence[FigureRow], choices: Iterable[EditorialChoice], public: dict[str, FigurePublic]
) -> dict[CellKey, CanonicalDetailPublic]:
    """The canonical figure of every cell that has one (`public`: every figure's public view)."""
    cells: dict[CellKey, list[FigureRow]] = defaultdict(list)
    near: dict[CellKey, list[FigureRow]] = defaultdict(list)
    for figure, source in rows:
        key = cell_of(figure)
        cells[key].append((figure, source))
        if full := near_complete_period(figure.period_start, figure.period_end):
            near[(*key[:4], *full)].append((figure, source))
    decided: dict[CellKey, EditorialChoice] = {
        (c.metric, c.dimension, c.dimension_value, c.unit, c.period_start, c.period_end): c
        for c in choices
    }
    result = {}
    for key in sorted(cells, key=repr):
        detail = reconcile_cell(cells[key], near.get(key, []), decided.get(key), public)
        if detail is not None:
            result[key] = detail
    return result


def summary(detail: CanonicalDetailPublic) -> CanonicalFigurePublic:
    """A canonical figure without its also_reported list (for list endpoints)."""
    return CanonicalFigurePublic(**detail.model_dump(exclude={"also_reported"}))


def series_page(
    cells: dict[str, CanonicalDetailPublic], wanted: list[str], available: list[str], version: int
) -> SeriesPublic:
    """A list answer: the canonical figures of `wanted` periods, the rest listed as missing."""
    meta = SeriesMeta(
        count=sum(1 for p in wanted if p in cells),
        period_from=wanted[0] if wanted else "",
        period_to=wanted[-1] if wanted else "",
        missing=[p for p in wanted if p not in cells],
        available=available,
        dataset_version=version,
        canonical_rule=RULE_TEXT,
    )
    return SeriesPublic(data=[summary(cells[p]) for p in wanted if p in cells], meta=meta)


def months_between(start: tuple[int, int], end: tuple[int, int]) -> list[str]:
    """YYYY-MM labels from start to end inclusive."""
    months = []
    year, month = start
    while (year, month) <= end:
        months.append(f"{year}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def label(key: CellKey) -> str:
    """The period label of a cell."""
    return format_period(key[4], key[5])
