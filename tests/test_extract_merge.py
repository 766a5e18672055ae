"""Placing shares among numbers: the bisecting merge agrees with the rule it implements."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.extract.numbers import NumberMention
from app.extract.shares import merge


def mention(start: int, length: int, percent: bool) -> NumberMention:
    return NumberMention(start, start + length, 1.0, percent, False, False, percent)


@st.composite
def in_text_order(draw: st.DrawFn, percent: bool, overlapping: bool) -> list[NumberMention]:
    """Mentions left to right; numbers never overlap one another, shares may."""
    mentions, at = [], 0
    for gap, length in draw(st.lists(st.tuples(st.integers(0, 6), st.integers(1, 8)), max_size=12)):
        at += gap
        mentions.append(mention(at, length, percent))
        at += 1 if overlapping else length
    return mentions


def by_the_rule(numbers: list[NumberMention], shares: list[NumberMention]) -> list[NumberMention]:
    """The rule spelled out pair by pair: a share is dropped when a number starts before its end
    and reaches beyond it; a number that starts inside a share that is kept gives way to it."""
    kept = [s for s in shares if not any(n.start < s.end < n.end for n in numbers)]
    left = [n for n in numbers if not any(s.start <= n.start < s.end for s in kept)]
    return sorted(left + kept)


@given(in_text_order(percent=False, overlapping=False), in_text_order(True, overlapping=True))
def test_merge_follows_the_rule(numbers: list[NumberMention], shares: list[NumberMention]) -> None:
    assert merge(numbers, shares) == by_the_rule(numbers, shares)


def test_a_share_replaces_the_number_words_inside_it() -> None:
    one, five = mention(0, 3, False), mention(7, 4, False)
    share = mention(0, 11, True)  # "one in five"
    assert merge([one, five], [share]) == [share]


def test_a_number_covering_a_share_keeps_its_place() -> None:
    quarter_million = mention(0, 22, False)  # "a quarter of a million"
    assert merge([quarter_million], [mention(2, 7, True)]) == [quarter_million]
