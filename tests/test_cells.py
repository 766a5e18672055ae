"""Canonical cells on hand-made domain values (no database): choice, exclusion, near-complete cuts."""

from datetime import date

from app.domain.cells import CanonicalCells
from app.domain.reconcile import Choice
from app.domain.reports import Cell, ReportedFigure, SourceInfo
from app.domain.vocabulary import DatePrecision, Dimension, PeriodMatch, Qualifier, SourceKind, Unit

WIRE = SourceInfo(
    id="T1",
    publisher="A wire service",
    wire=None,
    title="Crossings in a test year",
    url="https://example.org/t1",
    published=date(2031, 1, 5),
    published_precision=DatePrecision.day,
    kind=SourceKind.news,
    language="en",
    origin="A wire service",
)


def cell(start: date, end: date, dimension: Dimension = Dimension.total) -> Cell:
    value = None if dimension is Dimension.total else "VEN"
    return Cell("crossings", dimension, value, Unit.people, start, end)


def figure(
    figure_id: str, where: Cell, value: int, qualifier: Qualifier = Qualifier.exact
) -> ReportedFigure:
    return ReportedFigure(
        figure_id, where, value, qualifier, "SNM", WIRE, 1, None, None, None, None
    )


YEAR = cell(date(2030, 1, 1), date(2030, 12, 31))
MID_DECEMBER = cell(date(2030, 1, 1), date(2030, 12, 16))
VENEZUELANS = cell(date(2030, 1, 1), date(2030, 12, 31), Dimension.nationality)


def test_year_is_chosen_and_a_mid_december_cut_stands_beside_it() -> None:
    figures = [
        figure("F1", YEAR, 1000),
        figure("F2", YEAR, 1000, Qualifier.approximate),
        figure("F3", MID_DECEMBER, 950),
    ]
    canonical = CanonicalCells(figures, {})
    year = canonical[YEAR]
    assert year.figure.id == "F1"
    assert (year.reported_count, year.disagreeing_count) == (3, 1)
    compared = {c.figure.id: c for c in year.also_reported}
    assert (compared["F2"].agrees, compared["F2"].period_match) == (True, PeriodMatch.same)
    cut = compared["F3"]
    assert (cut.agrees, cut.period_match, cut.difference) == (False, PeriodMatch.near_complete, -50)
    assert set(canonical) == {YEAR, MID_DECEMBER}


def test_an_excluded_cell_has_no_canonical_figure() -> None:
    figures = [figure("F1", YEAR, 1000), figure("F4", VENEZUELANS, 600)]
    canonical = CanonicalCells(figures, {VENEZUELANS: Choice(None, "too vague")})
    assert VENEZUELANS not in canonical
    assert canonical.get(VENEZUELANS) is None
    assert list(canonical) == [YEAR]
    assert len(canonical) == 1


def test_an_editorial_choice_wins_and_keeps_its_reason() -> None:
    figures = [figure("F1", YEAR, 1000), figure("F5", YEAR, 990)]
    chosen = CanonicalCells(figures, {YEAR: Choice("F5", "the later count")})[YEAR]
    assert (chosen.figure.id, chosen.method, chosen.reason) == (
        "F5",
        "editorial",
        "the later count",
    )
    assert [(c.figure.id, c.difference) for c in chosen.also_reported] == [("F1", 10)]
