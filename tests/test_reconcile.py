"""The canonical rule and the agreement test, on plain values (no database)."""

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from app.domain.reconcile import Candidate, Choice, agrees, bounds, choose_canonical, rounding_step


def fig(
    figure_id: str,
    value: float,
    qualifier: str = "exact",
    attributed_to: str = "SNM",
    published: date | None = date(2024, 1, 5),
    origin: str = "EFE",
    unit: str = "people",
) -> Candidate:
    return Candidate(figure_id, value, unit, qualifier, attributed_to, published, origin)


def test_official_attribution_beats_agency_beats_press() -> None:
    press = fig("A", 100, attributed_to="unattributed")
    agency = fig("B", 101, attributed_to="IOM")
    official = fig("C", 102, attributed_to="MinSeg")
    assert choose_canonical([press, agency, official]).canonical_id == "C"
    assert choose_canonical([press, agency]).canonical_id == "B"


def test_exact_beats_rounded_at_equal_attribution() -> None:
    rounded = fig("A", 250000, qualifier="approximate", published=date(2024, 6, 1))
    exact = fig("B", 248284, published=date(2023, 1, 1))
    assert choose_canonical([rounded, exact]).canonical_id == "B"


def test_later_publication_beats_preliminary() -> None:
    early = fig("A", 35903, published=date(2024, 4, 3))
    later = fig("B", 36841, published=date(2024, 9, 1))
    outcome = choose_canonical([early, later])
    assert (outcome.canonical_id, outcome.method) == ("B", "rule")


def test_more_independent_origins_win_and_syndicated_copies_count_once() -> None:
    # Three copies of one EFE story against two independent outlets on the same day.
    efe = [fig(f"E{i}", 100, origin="EFE") for i in range(3)]
    independent = [fig("I1", 101, origin="AP"), fig("I2", 101, origin="Reuters")]
    assert choose_canonical([*efe, *independent]).canonical_id == "I1"


def test_editorial_choice_wins_over_the_rule() -> None:
    rule_pick = fig("A", 3430, published=date(2026, 1, 10))
    chosen = fig("B", 1777, published=date(2023, 8, 1))
    outcome = choose_canonical([rule_pick, chosen], Choice("B", "sum check"))
    assert (outcome.canonical_id, outcome.method, outcome.reason) == ("B", "editorial", "sum check")
    assert [(c.figure_id, c.agrees) for c in outcome.others] == [("A", False)]


def test_excluded_cell_has_no_canonical() -> None:
    outcome = choose_canonical([fig("A", 25000, "approximate")], Choice(None, "too vague"))
    assert outcome.canonical_id is None
    assert outcome.method == "excluded"
    assert [c.agrees for c in outcome.others] == [None]


def test_near_complete_cuts_are_compared_but_never_chosen() -> None:
    full = fig("A", 520085, published=date(2024, 1, 2))
    cut = fig("B", 511103, published=date(2024, 2, 1))
    outcome = choose_canonical([full], near=[cut])
    assert outcome.canonical_id == "A"
    assert [(c.figure_id, c.agrees) for c in outcome.others] == [("B", False)]


def test_qualifiers_are_understood() -> None:
    canonical = fig("C", 520085)
    assert agrees(fig("X", 500000, "more_than"), canonical)
    assert not agrees(fig("X", 540000, "more_than"), canonical)
    assert agrees(fig("X", 250000, "approximate"), fig("C", 248284))  # "nearly 250,000"
    assert not agrees(fig("X", 511103), canonical)
    assert not agrees(fig("X", 540000, "approximate"), canonical)
    assert agrees(fig("X", 600000, "less_than"), canonical)
    assert not agrees(fig("X", 69, unit="percent"), canonical)


def test_rounding_step_and_bounds() -> None:
    assert rounding_step(250000) == 10000
    assert rounding_step(520085) == 1
    assert rounding_step(70.1) == 0.1
    assert bounds(250000, "approximate", "people") == (245000, 255000)
    assert bounds(63, "exact", "percent") == (62.5, 63.5)


def test_an_approximate_figure_covers_what_rounds_to_it_and_at_least_one_percent() -> None:
    assert bounds(300000, "approximate", "people") == (250000, 350000)  # half of 100,000
    assert bounds(302000, "approximate", "people") == (298980, 305020)  # 1% beats 500
    assert bounds(63.4, "approximate", "percent") == (63.4 - 0.634, 63.4 + 0.634)


def test_nearly_covers_the_half_step_just_below() -> None:
    assert bounds(250000, "nearly", "people") == (245000, 250000)
    assert agrees(fig("X", 250000, "nearly"), fig("C", 248284))
    assert not agrees(fig("X", 250000, "nearly"), fig("C", 251000))
    assert agrees(fig("X", 250000, "approximate"), fig("C", 251000))


def test_about_300000_agrees_with_302203_but_no_longer_with_380000() -> None:
    about = fig("X", 300000, "approximate")
    assert agrees(about, fig("C", 302203))
    assert not agrees(about, fig("C", 380000))
    assert not agrees(about, fig("C", 240000))


@given(st.integers(min_value=1, max_value=10**7))
def test_an_exact_figure_agrees_with_itself_and_its_lower_bound(value: int) -> None:
    exact = fig("C", value)
    assert agrees(fig("X", value), exact)
    assert agrees(fig("X", value, "more_than"), exact)
    assert agrees(fig("X", value, "approximate"), exact)
    assert not agrees(fig("X", value + 1), exact)


@given(st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=8))
def test_canonical_is_always_one_of_the_candidates_and_others_are_the_rest(
    values: list[int],
) -> None:
    candidates = [fig(f"F{i}", v, published=date(2024, 1, 1 + i)) for i, v in enumerate(values)]
    outcome = choose_canonical(candidates)
    ids = {c.figure_id for c in candidates}
    assert outcome.canonical_id in ids
    assert {c.figure_id for c in outcome.others} == ids - {outcome.canonical_id}
