"""Finding and parsing numeric expressions (digits, words, multipliers, percentages)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numerals import AMOUNT, MILLION, NUMBER_WORDS, SCALE_KINDS, TENS_VALUES, combine


@dataclass(frozen=True, slots=True)
class NumberMention:
    start: int
    end: int
    value: float
    percent: bool
    rounded: bool  # "half a million" and similar imply an approximation
    is_year: bool  # a bare four-digit year such as 2023
    spelled: bool  # written only in words


# Thousands groups may be separated by ",", "." or a (non-breaking) space, and a stray space
# after the separator ("36, 001") still belongs to the number.
_SEP = r"(?:[.,][ \u00a0]?|[ \u00a0\u202f])"
_DIGITS = (
    r"(?<![\w.,/+$€-])(?:\d{1,3}(?:" + _SEP + r"\d{3})+|\d+(?:[.,]\d+)?)"
    r"(?![\d])(?![.,]\d)(?![.,]?[^\W\d_])(?!-\d)(?!:\d)"
)
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
_ANCHOR = re.compile(
    r"(?P<fraction>"
    + _FRACTION
    + r")|(?P<article>"
    + _ARTICLE_SCALE
    + r")|(?P<digits>"
    + _DIGITS
    + r")|\b(?P<word>"
    + _WORD_ALTERNATION
    + r")\b",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"(?P<digits>" + _DIGITS + r")|(?P<word>[^\W\d_]+)", re.IGNORECASE)
_JOINER = re.compile(
    r"[ \u00a0]+(?P<conj>and|y)[ \u00a0]+|[ \u00a0]*-[ \u00a0]*|[ \u00a0]+", re.IGNORECASE
)
_SCALE_AFTER = re.compile(
    r"[ \u00a0]*-?[ \u00a0]*(?:thousand|million|millions|mil|millón|millon|millones)\b",
    re.IGNORECASE,
)
_AND_A_HALF = re.compile(
    r"[ \u00a0]+(?:y[ \u00a0]+medio|and[ \u00a0]+a[ \u00a0]+half)\b", re.IGNORECASE
)
_PERCENT = re.compile(
    r"[ \u00a0]?%|[ \u00a0]+(?:percent|per[ \u00a0]cent|por[ \u00a0]ciento)\b", re.IGNORECASE
)
_SINGLE_GROUP = re.compile(r"\d{1,3}[.,]\d{1,3}")
_NOT_DIGIT = re.compile(r"\D")
_THOUSANDS_GROUPED = re.compile(r"\d{1,3}(?:" + _SEP + r"\d{3})+")


def parse_digits(raw: str, before_scale: bool = False) -> float:
    """Parse "520,085", "520.085", "36, 001" or a decimal such as "1,2" (before "millones")."""
    if raw.isdigit():
        return float(raw)
    single_group = _SINGLE_GROUP.fullmatch(raw) is not None
    if _THOUSANDS_GROUPED.fullmatch(raw) and not (before_scale and single_group):
        return float(_NOT_DIGIT.sub("", raw))
    return float(raw.replace(",", "."))


# Where a number can open, matched on lower-cased text: digits, number words, or an article or
# fraction word directly before a scale word ("a million", "un cuarto de millón").
_OPENER = re.compile(
    r"\d+|\b(?:a|one|un|una|half|medio|quarter|cuarto|three|tres)\s+(?=(?:a\s+|of\s+a\s+|de\s+)?"
    r"(?:hundred|thousand|million|millón|millon|mil|quarters|cuartos)\b)|\b(?:"
    + "|".join(sorted((w for w in NUMBER_WORDS if len(w) > 2), key=len, reverse=True))
    + r")\b"
)


def find_numbers(text: str, low: str | None = None) -> list[NumberMention]:
    """Return every numeric expression in text, left to right, without overlaps.

    low, when given, is text lower-cased with the same offsets (it speeds up the scan)."""
    mentions: list[NumberMention] = []
    free_from = 0
    for opener in _OPENER.finditer(text.lower() if low is None else low):
        start = opener.start()
        if start < free_from:
            continue
        anchor = _ANCHOR.match(text, start)
        mention = _read_mention(text, anchor) if anchor else None
        if mention is not None:
            mentions.append(mention)
            free_from = mention.end
    return mentions


def _read_mention(text: str, anchor: re.Match[str]) -> NumberMention | None:
    if anchor.group("fraction"):
        key = re.sub(r"^(?:a|one|un)\s+", "", anchor.group().lower())
        value = _FRACTIONS[re.sub(r"\s+", " ", key)]
        return _finish(text, anchor.start(), anchor.end(), value, rounded=True, spelled=True)
    digits = anchor.group("digits")
    if digits and not _SCALE_AFTER.match(text, anchor.end()):
        # The common case, a plain figure such as "520,085": no phrase to read.
        value = parse_digits(digits)
        return _finish(text, anchor.start(), anchor.end(), value, rounded=False, spelled=False)
    tokens, end, has_digits = _read_phrase(text, anchor.start())
    if not tokens:
        return None
    value = combine(tokens)
    half = _AND_A_HALF.match(text, end)
    if half and tokens[-1][0] == MILLION:
        value += 500_000
        end = half.end()
    return _finish(text, anchor.start(), end, value, rounded=False, spelled=not has_digits)


def _finish(
    text: str, start: int, end: int, value: float, rounded: bool, spelled: bool
) -> NumberMention:
    percent = _PERCENT.match(text, end)
    raw = text[start:end]
    is_year = len(raw) == 4 and raw.isdigit() and 1900 <= value <= 2100 and not percent
    return NumberMention(
        start=start,
        end=percent.end() if percent else end,
        value=value,
        percent=percent is not None,
        rounded=rounded,
        is_year=is_year,
        spelled=spelled,
    )


def _read_phrase(text: str, pos: int) -> tuple[list[tuple[str, float]], int, bool]:
    """Read number tokens joined by spaces, hyphens or "y"/"and" while the sequence stays valid."""
    tokens: list[tuple[str, float]] = []
    end = pos
    has_digits = previous_digits = conjunction = False
    while True:
        token = _classify(text, pos)
        if token is None or not _may_follow(tokens, previous_digits, token, conjunction):
            break
        kind, value, token_end, is_digits = token
        if is_digits and _next_is_scale(text, token_end):
            value = parse_digits(text[pos:token_end], before_scale=True)
        tokens.append((kind, value))
        has_digits = has_digits or is_digits
        previous_digits = is_digits
        end = token_end
        joiner = _JOINER.match(text, end)
        if joiner is None:
            break
        conjunction = joiner.group("conj") is not None
        pos = joiner.end()
    return tokens, end, has_digits


def _classify(text: str, pos: int) -> tuple[str, float, int, bool] | None:
    match = _TOKEN.match(text, pos)
    if match is None:
        return None
    if match.group("digits"):
        return AMOUNT, parse_digits(match.group()), match.end(), True
    word = NUMBER_WORDS.get(match.group().lower())
    if word is None:
        return None
    if match.group().lower() in ("a", "one", "un", "una") and not _next_is_scale(text, match.end()):
        return (word[0], word[1], match.end(), False) if match.group().lower() == "one" else None
    return word[0], word[1], match.end(), False


def _next_is_scale(text: str, pos: int) -> bool:
    following = _TOKEN.match(text, pos + 1) if pos < len(text) and text[pos] in " \u00a0" else None
    if following is None or following.group("digits"):
        return False
    word = NUMBER_WORDS.get(following.group().lower())
    return word is not None and word[0] in SCALE_KINDS


def _may_follow(
    tokens: list[tuple[str, float]],
    previous_digits: bool,
    token: tuple[str, float, int, bool],
    conjunction: bool,
) -> bool:
    if not tokens:
        return True
    kind, value, _end, is_digits = token
    previous_kind, previous_value = tokens[-1]
    if conjunction:
        # "cuarenta y cuatro", "two hundred and five"; never "100 and 200".
        tens = previous_kind == AMOUNT and previous_value in TENS_VALUES and value < 10
        after_scale = previous_kind in SCALE_KINDS and kind == AMOUNT
        return not is_digits and not previous_digits and (tens or after_scale)
    if previous_kind == AMOUNT:
        if is_digits:
            return False  # "2023 520,085" are two numbers
        if kind in SCALE_KINDS:
            return True  # "520 mil", "forty thousand", "1.2 million"
        return not previous_digits and _smaller_word(previous_value, value)
    # After a scale word: digits only below 1000 ("520 mil 85"), words of a different size.
    return kind != previous_kind and (not is_digits or value < 1000)


def _smaller_word(previous: float, value: float) -> bool:
    """Words after an amount must be smaller units: "ciento veinte", "twenty four"."""
    if previous >= 100:
        return value < 100
    return previous in TENS_VALUES and value < 10
