"""The canonical series: one figure per year or month, chosen from every figure reported for it."""

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from sqlmodel import Session

from app import queries
from app.models import EditorialChoice, Figure, Source
from app.periods import format_period, month_span, near_complete_period, period_kind, year_span
from app.present import candidate, figure_public, number
from app.public import (
    CanonicalDetailPublic,
    CanonicalFigurePublic,
    ComparedFigurePublic,
    Selection,
    SeriesMeta,
    SeriesPublic,
)
from app.reconcile import RULE_TEXT, Choice, choose_canonical

METRIC, DIMENSION, UNIT = "crossings", "total", "people"
CellKey = tuple[date, date, str | None]


def reconcile_cell(
    rows: Sequence[tuple[Figure, Source]],
    near_rows: Sequence[tuple[Figure, Source]],
    choice: EditorialChoice | None,
) -> CanonicalDetailPublic | None:
    """The canonical figure of one cell with the others beside it; None when none is canonical."""
    by_id = {figure.id: (figure, source) for figure, source in [*rows, *near_rows]}
    near_ids = {figure.id for figure, _ in near_rows}
    decision = Choice(choice.figure_id, choice.reason) if choice else None
    outcome = choose_canonical(
        [candidate(f, s) for f, s in rows], decision, [candidate(f, s) for f, s in near_rows]
    )
    if outcome.canonical_id is None:
        return None
    canonical = figure_public(*by_id[outcome.canonical_id])
    also = []
    for comparison in outcome.others:
        other = figure_public(*by_id[comparison.figure_id])
        also.append(
            ComparedFigurePublic(
                **other.model_dump(),
                agrees=comparison.agrees,
                period_match="near_complete" if other.id in near_ids else "same",
                difference=number(other.value - canonical.value),
            )
        )
    selection = Selection(
        method=outcome.method,
        reason=outcome.reason,
        reported_count=len(rows) + len(near_rows),
        disagreeing_count=sum(1 for c in outcome.others if c.agrees is False),
    )
    return CanonicalDetailPublic(**canonical.model_dump(), selection=selection, also_reported=also)


def canonical_cells(
    session: Session, kind: str, start: date, end: date
) -> dict[str, CanonicalDetailPublic]:
    """Canonical totals of every full year or month ('year' / 'month') within [start, end]."""
    rows = queries.list_figures_by_kind(
        session, metric=METRIC, dimension=DIMENSION, unit=UNIT, start=start, end=end
    )
    cells: dict[CellKey, list[tuple[Figure, Source]]] = defaultdict(list)
    near: dict[CellKey, list[tuple[Figure, Source]]] = defaultdict(list)
    for figure, source in rows:
        span = (figure.period_start, figure.period_end)
        if period_kind(*span) == kind:
            cells[(*span, figure.dimension_value)].append((figure, source))
        elif (full := near_complete_period(*span)) and period_kind(*full) == kind:
            near[(*full, figure.dimension_value)].append((figure, source))
    choices = {
        (c.period_start, c.period_end, c.dimension_value): c
        for c in queries.list_choices(session, metric=METRIC, dimension=DIMENSION, unit=UNIT)
    }
    result = {}
    for key, cell_rows in sorted(cells.items()):
        detail = reconcile_cell(cell_rows, near.get(key, []), choices.get(key))
        if detail is not None:
            result[detail.period] = detail
    return result


def _summary(detail: CanonicalDetailPublic) -> CanonicalFigurePublic:
    return CanonicalFigurePublic(**detail.model_dump(exclude={"also_reported"}))


def _series(
    session: Session,
    cells: dict[str, CanonicalDetailPublic],
    wanted: list[str],
    available: list[str],
) -> SeriesPublic:
    meta = SeriesMeta(
        count=sum(1 for p in wanted if p in cells),
        period_from=wanted[0] if wanted else "",
        period_to=wanted[-1] if wanted else "",
        missing=[p for p in wanted if p not in cells],
        available=available,
        dataset_version=queries.get_dataset_version(session),
        canonical_rule=RULE_TEXT,
    )
    return SeriesPublic(data=[_summary(cells[p]) for p in wanted if p in cells], meta=meta)


def coverage(session: Session, kind: str) -> list[str]:
    """[first, last] period with a canonical figure, or [] when there is none."""
    cells = canonical_cells(session, kind, date(1, 1, 1), date(9999, 12, 31))
    return [min(cells), max(cells)] if cells else []


def yearly_series(session: Session, year_from: int | None, year_to: int | None) -> SeriesPublic:
    """Canonical yearly totals from year_from to year_to (default: all covered years)."""
    available = coverage(session, "year")
    first = year_from or (int(available[0]) if available else 0)
    last = year_to or (int(available[-1]) if available else -1)
    cells = (
        canonical_cells(session, "year", year_span(first)[0], year_span(last)[1])
        if first <= last
        else {}
    )
    return _series(session, cells, [str(y) for y in range(first, last + 1)], available)


def monthly_series(
    session: Session, start: tuple[int, int] | None, end: tuple[int, int] | None
) -> SeriesPublic:
    """Canonical monthly totals between two (year, month) bounds (default: all covered months)."""
    available = coverage(session, "month")
    if start is None:
        start = _month_tuple(available[0]) if available else (1, 1)
    if end is None:
        end = _month_tuple(available[-1]) if available else (0, 1)
    wanted = [f"{y}-{m:02d}" for y, m in _months(start, end)]
    cells = (
        canonical_cells(session, "month", month_span(*start)[0], month_span(*end)[1])
        if wanted
        else {}
    )
    return _series(session, cells, wanted, available)


def period_detail(
    session: Session, kind: str, start: date, end: date
) -> CanonicalDetailPublic | None:
    """The canonical total of exactly one year or month, with also_reported; None when none."""
    return canonical_cells(session, kind, start, end).get(format_period(start, end))


def _month_tuple(label: str) -> tuple[int, int]:
    year, month = label.split("-")
    return int(year), int(month)


def _months(start: tuple[int, int], end: tuple[int, int]) -> list[tuple[int, int]]:
    months = []
    year, month = start
    while (year, month) <= end:
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months
