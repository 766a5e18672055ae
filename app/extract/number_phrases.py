"""Reading number phrases token by token: "cuarenta y cuatro mil", "1,2 millones", "520 mil 85"."""

from __future__ import annotations

import re

from .numerals import AMOUNT, NUMBER_WORDS, SCALE_KINDS, TENS_VALUES

_I = re.NOFLAG  # patterns run on lower-cased text

# Thousands groups may be separated by ",", "." or a (non-breaking) space, and a stray space
# after the separator ("36, 001") still belongs to the number when every group has one: in
# "through Sept. 30, 390,000 people" the day and the count are two numbers.
_SEP = r"(?:[.,]|[ \u00a0\u202f])"
_STRAY = r"\d{1,3}(?:[.,][ \u00a0]\d{3})+(?![.,]?\d)"
DIGITS = (
    r"(?<![\w.,/+$€-])(?:" + _STRAY + r"|\d{1,3}(?:" + _SEP + r"\d{3})+|\d+(?:[.,]\d+)?)"
    r"(?![\d])(?![.,]\d)(?![.,]?[^\W\d_])(?!-\d)(?!:\d)"
)
_TOKEN = re.compile(r"(?P<digits>" + DIGITS + r")|(?P<word>[^\W\d_]+)", _I)
_JOINER = re.compile(r"[ \u00a0]+(?P<conj>and|y)[ \u00a0]+|[ \u00a0]*-[ \u00a0]*|[ \u00a0]+", _I)
_SINGLE_GROUP = re.compile(r"\d{1,3}[.,]\d{1,3}")
_NOT_DIGIT = re.compile(r"\D")
_THOUSANDS_GROUPED = re.compile(r"\d{1,3}(?:(?:[.,][ \u00a0]?|[ \u00a0\u202f])\d{3})+")


def parse_digits(raw: str, before_scale: bool = False) -> float:
    """Parse "520,085", "520.085", "36, 001" or a decimal such as "1,2" (before "millones")."""
    if raw.isdigit():
        return float(raw)
    if _THOUSANDS_GROUPED.fullmatch(raw) and not (
        before_scale and _SINGLE_GROUP.fullmatch(raw) is not None
    ):
        return float(_NOT_DIGIT.sub("", raw))
    return float(raw.replace(",", "."))


def read_phrase(text: str, pos: int) -> tuple[list[tuple[str, float]], int, bool]:
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
