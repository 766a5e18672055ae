"""Regex helpers for the scanners: fast word alternations, a shared word scan, case folding."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

_QUANTIFIERS = "?*+{"


def word_start(alternation: str | Iterable[str], also: Iterable[str] = ()) -> str:
    r"""A group equivalent to \b(?:alternation), which the engine scans several times faster.

    Python's engine only skips cheaply to likely starts when every branch opens with a literal
    character, and tries every branch at every position otherwise. So the alternatives (a
    "|"-separated source or a list; a leading "(?:a|b)" group is spread over its tail) are
    grouped by first letter, and the \b becomes a look-behind placed after that letter. The
    order of alternatives sharing a first letter is kept, so every match is the same one.

    also: extra branches taken as they are (no \b), each opening with a literal character."""
    sources = [alternation] if isinstance(alternation, str) else list(alternation)
    groups: dict[str, list[str]] = {}
    for fragment in (f for source in sources for f in _spread(source)):
        if not fragment[:1].isalnum() or fragment[1:2] in _QUANTIFIERS:
            raise ValueError(f"alternative must open with a letter or digit: {fragment!r}")
        groups.setdefault(fragment[0], []).append(fragment[1:])
    branches = [rf"{first}(?<!\w.)(?:{'|'.join(rests)})" for first, rests in groups.items()]
    return "(?:" + "|".join([*branches, *also]) + ")"


def longest_first(words: Iterable[str]) -> list[str]:
    """Words ordered so that no word is tried before a longer one it is a prefix of."""
    return sorted(words, key=len, reverse=True)


class WordScan(NamedTuple):
    """Where the digit runs and the words of a vocabulary are in a text, in text order."""

    digits: list[tuple[int, int]]  # spans of runs of \d
    words: list[tuple[int, str]]  # start and word, for whole words of the vocabulary


class WordScanner:
    """Finds the words of a vocabulary in one pass; the number and time expression finders
    share a single scan of each text rather than scanning it for their own words."""

    _DIGIT_RUN = re.compile(r"\d+")

    def __init__(self, vocabulary: Iterable[str]) -> None:
        self.vocabulary = frozenset(vocabulary)
        self._words = re.compile(
            word_start(re.escape(w) + r"\b" for w in longest_first(self.vocabulary))
        )

    def scan(self, low: str) -> WordScan:
        """Scan folded lower-case text (see folded)."""
        return WordScan(
            [m.span() for m in self._DIGIT_RUN.finditer(low)],
            [(m.start(), m.group()) for m in self._words.finditer(low)],
        )


def _spread(source: str) -> list[str]:
    """The top-level alternatives of source, with "(?:a|b)tail" spread into "atail|btail"."""
    spread: list[str] = []
    for alternative in _split(source):
        if alternative.startswith("(?:"):
            close = _group_end(alternative)
            tail = alternative[close + 1 :]
            if not tail[:1] or tail[0] not in _QUANTIFIERS:
                spread += [inner + tail for inner in _spread(alternative[3:close])]
                continue
        spread.append(alternative)
    return spread


def _split(source: str) -> list[str]:
    """source split at the "|" that are outside groups, classes and escapes."""
    cuts = [index for index, char, depth in _syntax(source) if char == "|" and depth == 0]
    return [source[a + 1 : b] for a, b in zip([-1, *cuts], [*cuts, len(source)], strict=True)]


def _group_end(source: str) -> int:
    """Offset of the ")" closing the group that source opens with."""
    for index, char, depth in _syntax(source):
        if char == ")" and depth == 1:
            return index
    raise ValueError(f"unbalanced group: {source!r}")


def _syntax(source: str) -> Iterator[tuple[int, str, int]]:
    """The "(", ")" and "|" of source outside classes and escapes, with the depth before each."""
    depth, index, in_class = 0, 0, False
    while index < len(source):
        char = source[index]
        if char == "\\":
            index += 1  # the escaped character is never syntax
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            index += source.startswith("^", index + 1)
            index += source.startswith("]", index + 1)  # "[]a]": a leading "]" is literal
        elif char in "()|":
            yield index, char, depth
            depth += {"(": 1, ")": -1, "|": 0}[char]
        index += 1


def lowered(text: str) -> str:
    """text in lower case with every character offset unchanged."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


# Letters that IGNORECASE matches to i or s although lower() leaves them alone.
_IGNORECASE_ONLY = "\u0130\u0131\u017f"
_FOLD = str.maketrans(_IGNORECASE_ONLY, "iis")


def folded(low: str) -> str:
    """lowered() text as IGNORECASE sees it, so patterns compiled without the flag (several
    times faster) match exactly what they matched on the original text with it."""
    if low.isascii() or not any(c in low for c in _IGNORECASE_ONLY):
        return low
    return low.translate(_FOLD)
