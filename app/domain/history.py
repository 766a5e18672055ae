"""What the record could have answered on a past date, and how a cell's answer changed (pure).

A figure counts as known from its source's publication date. A date given only to the month counts
from that month's last day, so nothing is known before it could have been read; a figure whose
source has no date (or an unknown one) is never part of a past answer. On a date, a cell's answer
is the reconcile rule re-run on the figures known then: a recorded editorial choice holds only once
its figure had been published (a deliberate gap, a choice of no figure, always holds). A full year
or month with no figure of its own yet is answered by the best near-complete cut of it (a count to
mid-December, say), chosen by the same rule and served with its own, shorter period.

The history of a cell is the list of its answers over time: one entry per date on which the answer
changed, each valid until the day before the next one.
"""

import calendar
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from app.domain.cells import CanonicalFigure, reconcile_cell
from app.domain.reconcile import Choice
from app.domain.reports import Cell, ReportedFigure, SourceInfo
from app.domain.vocabulary import DatePrecision, PeriodMatch

HISTORY_RULE = (
    "The history of a figure is the answer the API would have given for the figure's own period "
    "and subject on each past date, re-choosing the canonical figure by the same rule from the "
    "figures published by then (a source dated only to the month counts from the month's last "
    "day; undated sources are left out). A recorded editorial choice applies once its figure had "
    "been published. A full year or month with no figure of its own yet is answered by its best "
    "near-complete cut, which keeps its own, shorter period. One entry per date on which the "
    "answer changed."
)


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One answer of a cell and the days it held: since..until inclusive (until None: still)."""

    since: date
    until: date | None
    answer: CanonicalFigure | None  # None: nothing was canonical (a deliberate gap)
    known_count: int  # figures of the cell (and its near-complete cuts) published by `since`


def known_from(source: SourceInfo) -> date | None:
    """The first day a source's figures count as known (None: never, for want of a date)."""
    published = source.published
    if published is None or source.published_precision == DatePrecision.unknown:
        return None
    if source.published_precision == DatePrecision.month:
        last_day = calendar.monthrange(published.year, published.month)[1]
        return published.replace(day=last_day)
    return published


def is_known(figure: ReportedFigure, as_of: date) -> bool:
    """Whether a figure had been published on a date."""
    known = known_from(figure.source)
    return known is not None and known <= as_of


def choices_as_of(choices: Mapping[Cell, Choice], known_ids: Iterable[str]) -> dict[Cell, Choice]:
    """The editorial choices that could have applied: those of a published figure, and the gaps."""
    known = set(known_ids)
    return {
        cell: choice
        for cell, choice in choices.items()
        if choice.figure_id is None or choice.figure_id in known
    }


def stand_in(near: Sequence[ReportedFigure]) -> CanonicalFigure | None:
    """The best near-complete cut of a period that has no figure of its own yet (by the rule)."""
    chosen = reconcile_cell(near, (), None)
    if chosen is None:
        return None
    end = chosen.figure.cell.period_end
    reason = (
        "No figure for the whole period had been published yet; this is the best count of it "
        f"then available, which ends on {end.isoformat()}. " + chosen.reason
    )
    also = tuple(replace(c, period_match=PeriodMatch.near_complete) for c in chosen.also_reported)
    return replace(chosen, reason=reason, also_reported=also)


def answer_as_of(
    figures: Sequence[ReportedFigure],
    near: Sequence[ReportedFigure],
    choice: Choice | None,
    as_of: date,
) -> CanonicalFigure | None:
    """A cell's canonical answer as it could have been given on a date."""
    known = [f for f in figures if is_known(f, as_of)]
    known_near = [f for f in near if is_known(f, as_of)]
    if choice is not None and choice.figure_id not in {None, *(f.id for f in known)}:
        choice = None
    if known:
        return reconcile_cell(known, known_near, choice)
    if choice is not None:  # a deliberate gap stays a gap
        return None
    return stand_in(known_near)


def cell_history(
    figures: Sequence[ReportedFigure], near: Sequence[ReportedFigure], choice: Choice | None
) -> list[HistoryEntry]:
    """The answers of a cell over time, one entry per date on which the answer changed."""
    everything = [*figures, *near]
    dates = sorted({d for f in everything if (d := known_from(f.source)) is not None})
    entries: list[HistoryEntry] = []
    for day in dates:
        answer = answer_as_of(figures, near, choice, day)
        if entries and same_answer(entries[-1].answer, answer):
            continue
        if entries:
            entries[-1] = replace(entries[-1], until=day - timedelta(days=1))
        known = sum(1 for f in everything if is_known(f, day))
        entries.append(HistoryEntry(since=day, until=None, answer=answer, known_count=known))
    return entries


def same_answer(a: CanonicalFigure | None, b: CanonicalFigure | None) -> bool:
    """Whether two answers name the same figure in the same way."""
    if a is None or b is None:
        return a is b
    return (a.figure.id, a.method) == (b.figure.id, b.method)
