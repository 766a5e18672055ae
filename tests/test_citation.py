"""The citation-page rule on hand-made values: which page a canonical figure is cited from."""

from dataclasses import replace
from datetime import date

from app.domain.cells import CanonicalCells
from app.domain.citation import cited_figure, page_rank
from app.domain.reconcile import Choice
from app.domain.reports import Cell, ReportedFigure, SourceInfo
from app.domain.vocabulary import DatePrecision, Dimension, Qualifier, SourceKind, Unit
from tests.test_cells import WIRE

YEAR = Cell("crossings", Dimension.total, None, Unit.people, date(2030, 1, 1), date(2030, 12, 31))
PAPER = replace(WIRE, id="P1", publisher="A newspaper", origin="A newspaper")
MIRROR = replace(PAPER, id="P2", publisher="A newspaper (mirror copy)")
AMP = replace(PAPER, id="P3", publisher="Another outlet (AMP copy)", published=date(2031, 1, 2))
AGENCY = replace(PAPER, id="P4", publisher="A UN agency", kind=SourceKind.un_agency)
LATER_PAPER = replace(PAPER, id="P5", publisher="A later paper", published=date(2031, 3, 1))


def figure(
    figure_id: str,
    source: SourceInfo,
    value: int = 1000,
    qualifier: Qualifier = Qualifier.exact,
    attributed_to: str = "SNM",
) -> ReportedFigure:
    return ReportedFigure(
        figure_id, YEAR, value, qualifier, attributed_to, source, 1, None, None, None, None
    )


def test_pages_rank_official_and_un_then_originals_then_copies() -> None:
    assert page_rank(AGENCY) < page_rank(PAPER) < page_rank(MIRROR)
    assert page_rank(AMP) == page_rank(MIRROR)
    assert page_rank(replace(PAPER, publisher="AFP story on a CloudFront mirror")) == 2


def test_a_mirror_copy_gives_way_to_the_original_page_of_the_same_value() -> None:
    chosen = figure("F1", MIRROR)
    peers = [chosen, figure("F2", PAPER), figure("F3", AMP)]
    assert cited_figure(chosen, peers).id == "F2"


def test_an_un_page_comes_before_a_newspaper_and_earlier_before_later() -> None:
    chosen = figure("F1", MIRROR)
    assert cited_figure(chosen, [figure("F2", LATER_PAPER), figure("F3", PAPER)]).id == "F3"
    assert cited_figure(chosen, [figure("F2", PAPER), figure("F4", AGENCY)]).id == "F4"


def test_a_titled_page_with_a_day_comes_before_an_untitled_or_loosely_dated_one() -> None:
    untitled = replace(PAPER, id="P6", title="[Crossings fell]")
    approx = replace(PAPER, id="P7", published_precision=DatePrecision.approx)
    chosen = figure("F1", untitled)
    assert cited_figure(chosen, [figure("F2", approx), figure("F3", LATER_PAPER)]).id == "F3"
    assert cited_figure(chosen, [figure("F2", approx)]).id == "F1"  # earlier, among equals


def test_only_the_same_value_and_qualifier_can_stand_in() -> None:
    chosen = figure("F1", MIRROR)
    peers = [figure("F2", PAPER, value=1001), figure("F3", PAPER, qualifier=Qualifier.approximate)]
    assert cited_figure(chosen, peers).id == "F1"  # nothing else reports it: the copy is cited


def test_credit_never_moves_to_a_less_authoritative_body() -> None:
    chosen = figure("F1", MIRROR)
    unattributed = figure("F2", PAPER, attributed_to="unattributed")
    assert cited_figure(chosen, [unattributed]).id == "F1"


def test_the_canonical_cell_cites_the_better_page_and_keeps_the_choice_beside_it() -> None:
    figures = [figure("F1", MIRROR), figure("F2", PAPER), figure("F3", PAPER, value=900)]
    cells = CanonicalCells(figures, {YEAR: Choice("F1", "The editor's choice.")})
    canonical = cells[YEAR]
    assert (canonical.figure.id, canonical.method, canonical.reason) == (
        "F2",
        "editorial",
        "The editor's choice.",
    )
    others = {c.figure.id: c.agrees for c in canonical.also_reported}
    assert others == {"F1": True, "F3": False}
    assert (canonical.reported_count, canonical.disagreeing_count) == (3, 1)
