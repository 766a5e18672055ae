"""Very long sentences (a page sent to wear the checker down) are read by the same rules."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.extract import extract_figures
from app.extract.lexicon import Term
from app.extract.records import Subject
from app.extract.subjects import _terms_within

VEN = Subject("nationality", "VEN")


@st.composite
def terms_in_order(draw: st.DrawFn) -> list[Term]:
    """Terms left to right, none overlapping, enough of them to take the bisecting path."""
    terms, at = [], 0
    for gap, length in draw(
        st.lists(st.tuples(st.integers(0, 5), st.integers(1, 6)), min_size=33, max_size=80)
    ):
        at += gap
        terms.append(Term(at, at + length, VEN))
        at += length
    return terms


@given(terms_in_order(), st.integers(0, 400), st.integers(0, 400))
def test_terms_within_a_stretch_are_those_inside_it(terms: list[Term], a: int, b: int) -> None:
    start, end = min(a, b), max(a, b)
    inside = [t for t in terms if start <= t.start < end and t.end <= end]
    assert _terms_within(terms, start, end) == inside


def test_figures_in_a_sentence_thousands_of_words_long_are_still_read() -> None:
    filler = "and the jungle " * 2000
    text = f"In 2023, 520,085 people crossed the Darién {filler}while 113,180 of them were minors."
    values = {figure.value for figure in extract_figures(text)}
    assert {520085, 113180} <= values


def test_number_words_back_to_back_state_nothing() -> None:
    # A page of "mil mil mil ..." once cost a reading per word (0.57 s for 100 KB).
    from app.extract.numbers import find_numbers

    assert find_numbers("cruzaron mil mil mil personas") == []
    assert find_numbers("one two three people crossed") == []
    [thousand] = find_numbers("cruzaron mil migrantes")
    assert thousand.value == 1000
    # Separated by a comma or a line, each number still stands.
    assert [m.value for m in find_numbers("dos mil, tres mil")] == [2000, 3000]
    text = "March 8, 2024\n\nHalf a million people crossed the Darien jungle in 2023."
    assert 500_000 in [m.value for m in find_numbers(text)]
    figures = extract_figures("5,000 people crossed in 2023 " + "mil " * 5_000)
    assert [f.value for f in figures] == [5000]
