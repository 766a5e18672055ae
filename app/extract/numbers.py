"""Finding and parsing numeric expressions (digits, words, multipliers, percentages)."""

from __future__ import annotations

import re
from typing import NamedTuple

from .number_phrases import DIGITS, parse_digits, read_phrase
from .numerals import MILLION, NUMBER_WORDS, combine
from .patterns import WordScan, WordScanner, folded, lowered

# Every pattern here runs on lower-cased text (see folded()); IGNORECASE is several times slower.
_I = re.NOFLAG


class NumberMention(NamedTuple):  # a tuple: built for every number, and cheaper than a dataclass
    start: int
    end: int
    value: float
    percent: bool
    rounded: bool  # "half a million" and similar imply an approximation
    is_year: bool  # a bare four-digit year such as 2023
    spelled: bool  # written only in words


_FRACTIONS: dict[str, float] = {
    "half a million": 500_000,
    "half-a-million": 500_000,
    "medio millón": 500_000,
    "medio millon": 500_000,
    "quarter of a million": 250_000,
    "quarter-million": 250_000,
    "cuarto de millón": 250_000,
    "cuarto de millon": 250_000,
    "three quarters of a million": 750_000,
    "three-quarters of a million": 750_000,
    "tres cuartos de millón": 750_000,
}
_FRACTION = (
    r"(?:(?:a|one|un)\s+)?(?:"
    + "|".join(
        re.escape(k).replace(r"\ ", r"\s+") for k in sorted(_FRACTIONS, key=len, reverse=True)
    )
    + r")\b"
)
# Articles count as "1" only directly before a scale word ("a million", "un millón").
_ARTICLE_SCALE = r"\b(?:a|one|un|una)\s+(?=(?:hundred|thousand|million|millón|millon|mil)\b)"
_WORD_ALTERNATION = "|".join(
    sorted((w for w in NUMBER_WORDS if len(w) > 2 or w == "un"), key=len, reverse=True)
)
# At a digit only the digits can match, at a letter only the words: two anchors, one per case.
_DIGITS_AT = re.compile(DIGITS, _I)
_WORDS_AT = re.compile(
    r"(?P<fraction>"
    + _FRACTION
    + r")|(?P<article>"
    + _ARTICLE_SCALE
    + r")|\b(?P<word>"
    + _WORD_ALTERNATION
    + r")\b",
    _I,
)
_SCALE_AFTER = re.compile(
    r"[ \u00a0]*(?:-[ \u00a0]*)?(?:thousand|million|millions|mil|millón|millon|millones)\b",
    _I,
)
_AND_A_HALF = re.compile(r"[ \u00a0]+(?:y[ \u00a0]+medio|and[ \u00a0]+a[ \u00a0]+half)\b", _I)
_PERCENT = re.compile(
    r"[ \u00a0]?%|[ \u00a0]+(?:percent|per[ \u00a0]cent|por[ \u00a0]ciento)\b", _I
)
# First characters without which _SCALE_AFTER and _PERCENT cannot match: most numbers are
# followed by neither, and a set lookup is much cheaper than a regex call.
_SCALE_OPENERS = frozenset(" \u00a0-tm")
_PERCENT_OPENERS = frozenset(" \u00a0%")
_LEADING_ARTICLE = re.compile(r"^(?:a|one|un)\s+")
_SPACES = re.compile(r"\s+")
# Where a number can open: digits, number words, or an article or fraction word directly
# before a scale word ("a million", "un cuarto de millón").
_ARTICLES = frozenset(
    ("a", "one", "un", "una", "half", "medio", "quarter", "cuarto", "three", "tres")
)
_BEFORE_SCALE = re.compile(
    r"\s+(?=(?:a\s+|of\s+a\s+|de\s+)?(?:hundred|thousand|million|millón|millon|mil|quarters|"
    r"cuartos)\b)"
)
_OPENER_WORDS = frozenset(w for w in NUMBER_WORDS if len(w) > 2)
VOCABULARY = _ARTICLES | _OPENER_WORDS  # the words find_numbers needs from a WordScan
_SCANNER = WordScanner(VOCABULARY)


def find_numbers(
    text: str, low: str | None = None, scan: WordScan | None = None
) -> list[NumberMention]:
    """Return every numeric expression in text, left to right, without overlaps.

    low, when given, is folded(lowered(text)) (see patterns), and scan a WordScan of low that
    covers VOCABULARY: computing them once per text saves time."""
    low = folded(lowered(text)) if low is None else low
    scan = scan or _SCANNER.scan(low)
    openers = [start for start, _end in scan.digits]
    for start, word in scan.words:
        if word in _OPENER_WORDS or (
            word in _ARTICLES and _BEFORE_SCALE.match(low, start + len(word))
        ):
            openers.append(start)
    openers.sort()
    mentions: list[NumberMention] = []
    last: NumberMention | None = None  # the number read last, even one left out of a run
    free_from = 0
    for start in openers:
        if start < free_from:
            continue
        if low[start].isdecimal():  # what \d matches
            digits = _DIGITS_AT.match(low, start)
            mention = _read_digits(low, digits) if digits else None
        else:
            anchor = _WORDS_AT.match(low, start)
            mention = _read_mention(low, anchor) if anchor else None
        if mention is None:
            continue
        free_from = mention.end
        before, last = last, mention
        if mention.spelled and before and _run_of_words(low, before, mention):
            # Number words back to back that do not make one number ("mil mil", "one two")
            # state nothing: none of them is read, and a page of them costs no reading per word.
            if mentions and mentions[-1] is before:
                mentions.pop()
            continue
        mentions.append(mention)
    return mentions


def _run_of_words(text: str, before: NumberMention, mention: NumberMention) -> bool:
    """Whether a number in words follows another number in words on its line, with nothing but
    spaces between (a line break may end a headline's number and start the next)."""
    gap = text[before.end : mention.start]
    return before.spelled and gap.isspace() and "\n" not in gap


def _read_digits(text: str, anchor: re.Match[str]) -> NumberMention | None:
    end = anchor.end()
    if text[end : end + 1] not in _SCALE_OPENERS or not _SCALE_AFTER.match(text, end):
        # The common case, a plain figure such as "520,085": no phrase to read.
        value = parse_digits(anchor.group())
        return _finish(text, anchor.start(), anchor.end(), value, rounded=False, spelled=False)
    return _read_words(text, anchor.start())


def _read_mention(text: str, anchor: re.Match[str]) -> NumberMention | None:
    if anchor.group("fraction"):
        key = _LEADING_ARTICLE.sub("", anchor.group().lower())
        value = _FRACTIONS[_SPACES.sub(" ", key)]
        return _finish(text, anchor.start(), anchor.end(), value, rounded=True, spelled=True)
    return _read_words(text, anchor.start())


def _read_words(text: str, start: int) -> NumberMention | None:
    tokens, end, has_digits = read_phrase(text, start)
    if not tokens:
        return None
    value = combine(tokens)
    half = _AND_A_HALF.match(text, end)
    if half and tokens[-1][0] == MILLION:
        value += 500_000
        end = half.end()
    return _finish(text, start, end, value, rounded=False, spelled=not has_digits)


def _finish(
    text: str, start: int, end: int, value: float, rounded: bool, spelled: bool
) -> NumberMention:
    percent = _PERCENT.match(text, end) if text[end : end + 1] in _PERCENT_OPENERS else None
    raw = text[start:end]
    is_year = len(raw) == 4 and raw.isdigit() and 1900 <= value <= 2100 and not percent
    end = percent.end() if percent else end
    return NumberMention(start, end, value, percent is not None, rounded, is_year, spelled)
