"""The pure rules behind the breakdowns: which period a group is read from, and how codes and
groups are named and matched."""

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from app.domain.groups import (
    Label,
    Subject,
    demographic_subject,
    nationality_code,
    nationality_label,
)
from app.domain.periods import year_span
from app.domain.reconcile import choose_span
from app.domain.vocabulary import Dimension

YEAR = year_span(2030)
MID_DECEMBER = (date(2030, 1, 1), date(2030, 12, 16))
JULY_CUT = (date(2030, 1, 1), date(2030, 7, 31))
LATE_START = (date(2030, 2, 1), date(2030, 12, 31))


def test_the_full_period_comes_first() -> None:
    assert choose_span([JULY_CUT, YEAR, MID_DECEMBER], YEAR) == YEAR


def test_failing_that_the_longest_cut_that_starts_with_the_period() -> None:
    assert choose_span([JULY_CUT, MID_DECEMBER, LATE_START], YEAR) == MID_DECEMBER
    assert choose_span([LATE_START], YEAR) is None


def test_a_series_takes_only_a_near_complete_cut() -> None:
    assert choose_span([JULY_CUT, MID_DECEMBER], YEAR, near_only=True) == MID_DECEMBER
    assert choose_span([JULY_CUT], YEAR, near_only=True) is None
    assert choose_span([JULY_CUT], YEAR) == JULY_CUT


@given(st.lists(st.integers(min_value=0, max_value=400), max_size=8))
def test_the_chosen_span_is_one_of_them_and_none_inside_ends_later(offsets: list[int]) -> None:
    spans = [(YEAR[0], date.fromordinal(YEAR[0].toordinal() + n)) for n in offsets]
    chosen = choose_span(spans, YEAR)
    inside = [s for s in spans if s[1] <= YEAR[1]]
    assert (chosen is None) == (not inside)
    if chosen is not None:
        assert chosen in inside
        assert all(s[1] <= chosen[1] for s in inside)


def test_nationality_codes_match_in_any_case() -> None:
    groups = frozenset({"other", "region_africa"})
    assert nationality_code("ven", groups) == "VEN"
    assert nationality_code(" Hti ", groups) == "HTI"
    assert nationality_code("OTHER", groups) == "other"
    assert nationality_code("XYZ", groups) is None
    assert nationality_code("region_mars", groups) is None


def test_countries_are_named_in_english_and_spanish() -> None:
    assert nationality_label("HTI") == Label("Haiti", "Haití")
    assert nationality_label("VEN").en == "Venezuela"  # the common name, not the official one
    assert nationality_label("region_africa").es == "Países africanos (en conjunto)"


def test_demographic_groups_read_a_bare_value_in_a_fixed_order() -> None:
    known = frozenset({Subject(Dimension.sex, "women"), Subject(Dimension.sex_age, "women")})
    assert demographic_subject("Women", known) == Subject(Dimension.sex_age, "women")
    assert demographic_subject("sex:women", known) == Subject(Dimension.sex, "women")
    assert demographic_subject("minors", frozenset()) == Subject(Dimension.age, "minors")
    assert demographic_subject("elderly", known) is None
