"""The record as it stood on a past date (`?as_of=`), and the history of one figure's cell.

A past view is a whole Record built from the figures published by then (see app.domain.history),
so every endpoint answers it exactly as it answers the present. Views are kept per record and per
*effective* date, the last publication date on or before the date asked for: every day between two
publications gives the same view, so a year of dates costs as many views as there were releases.
"""

import threading
from bisect import bisect_right
from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field, replace
from datetime import date

from app.domain.cells import CanonicalFigure, label
from app.domain.history import (
    HistoryEntry,
    cell_history,
    choices_as_of,
    is_known,
    known_from,
    stand_in,
)
from app.domain.periods import near_complete_period
from app.domain.reports import Cell, ReportedFigure
from app.record.build import Record, assemble_record, is_total, kind_of

VIEWS_PER_RECORD = 16  # past views kept per record; each costs about as much as the record
RECORDS_KEPT = 2  # the current record and the one a reload just replaced


@dataclass(frozen=True, slots=True)
class FigureHistory:
    """A figure, when it was published, and the answers its cell gave over time."""

    figure: ReportedFigure
    known_from: date | None
    entries: list[HistoryEntry]
    undated: list[str]  # figures of the cell that no past answer can include (no usable date)


@dataclass
class PastViews:
    """The past views of one record, by effective date."""

    record: Record
    dates: list[date]  # every distinct publication date, sorted
    views: OrderedDict[date | None, Record] = field(default_factory=OrderedDict)

    def effective(self, as_of: date) -> date | None:
        """The last publication date on or before as_of (None: nothing had been published)."""
        at = bisect_right(self.dates, as_of)
        return self.dates[at - 1] if at else None


_past: OrderedDict[int, PastViews] = OrderedDict()
_lock = threading.Lock()


def past_views(record: Record) -> PastViews:
    """The cache of past views of a record (made on first use; old records' caches dropped)."""
    with _lock:
        past = _past.get(id(record))
        if past is None or past.record is not record:
            dates = {known_from(s) for s in record.sources.values()}
            past = PastViews(record, sorted(d for d in dates if d is not None))
            _past[id(record)] = past
            while len(_past) > RECORDS_KEPT:
                _past.popitem(last=False)
        return past


def record_as_of(record: Record, as_of: date) -> Record:
    """The record as it could have been answered from on a date."""
    past = past_views(record)
    day = past.effective(as_of)
    view = past.views.get(day)
    if view is None:
        view = view_on(record, day)
        with _lock:
            past.views[day] = view
            while len(past.views) > VIEWS_PER_RECORD:
                past.views.popitem(last=False)
    return view


def view_on(record: Record, day: date | None) -> Record:
    """A record of only the figures published by `day`, with stand-ins for unfinished periods."""
    known = {i: f for i, f in record.figures.items() if day is not None and is_known(f, day)}
    sources = {
        source_id: source
        for source_id, source in record.sources.items()
        if day is not None and (first := known_from(source)) is not None and first <= day
    }
    by_source = {
        source_id: [f for f in record.figures_by_source.get(source_id, []) if f.id in known]
        for source_id in sources
    }
    choices = choices_as_of(record.choices, known)
    view = assemble_record(record.version, known, sources, by_source, choices)
    stand_ins = stand_ins_of(view)
    yearly = {label(c): s for c, s in stand_ins.items() if kind_of(c) == "year"}
    monthly = {label(c): s for c, s in stand_ins.items() if kind_of(c) == "month"}
    return replace(view, yearly={**yearly, **view.yearly}, monthly={**monthly, **view.monthly})


def stand_ins_of(view: Record) -> dict[Cell, CanonicalFigure]:
    """Total years and months with no figure of their own yet, answered by a near-complete cut."""
    cuts: dict[Cell, list[ReportedFigure]] = defaultdict(list)
    for figure in view.figures.values():
        cell = figure.cell
        if is_total(cell) and (full := near_complete_period(cell.period_start, cell.period_end)):
            cuts[cell._replace(period_start=full[0], period_end=full[1])].append(figure)
    found = {
        cell: stand_in(near)
        for cell, near in cuts.items()
        if cell not in view.canonical and cell not in view.choices
    }
    return {cell: answer for cell, answer in found.items() if answer is not None}


def figure_history(record: Record, figure: ReportedFigure) -> FigureHistory:
    """The answers the cell of a figure gave over time (see app.domain.history)."""
    figures, near = record.canonical.reported(figure.cell)
    entries = cell_history(figures, near, record.choices.get(figure.cell))
    undated = sorted(f.id for f in (*figures, *near) if known_from(f.source) is None)
    return FigureHistory(figure, known_from(figure.source), entries, undated)
