"""Number words of English and Spanish and the arithmetic that combines them."""

from __future__ import annotations

from typing import Final

# Token kinds: a plain amount, or a scale that multiplies what came before it.
AMOUNT: Final = "amount"
HUNDRED: Final = "hundred"
THOUSAND: Final = "thousand"
MILLION: Final = "million"

_EN_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_EN_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ES_UNITS = [
    "cero",
    "uno",
    "dos",
    "tres",
    "cuatro",
    "cinco",
    "seis",
    "siete",
    "ocho",
    "nueve",
    "diez",
    "once",
    "doce",
    "trece",
    "catorce",
    "quince",
    "dieciséis",
    "diecisiete",
    "dieciocho",
    "diecinueve",
]
_ES_TWENTIES = [
    "veinte",
    "veintiuno",
    "veintidós",
    "veintitrés",
    "veinticuatro",
    "veinticinco",
    "veintiséis",
    "veintisiete",
    "veintiocho",
    "veintinueve",
]
_ES_TENS = ["treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa"]
_ES_HUNDREDS = [
    "doscientos",
    "trescientos",
    "cuatrocientos",
    "quinientos",
    "seiscientos",
    "setecientos",
    "ochocientos",
    "novecientos",
]


def _build_words() -> dict[str, tuple[str, float]]:
    words: dict[str, tuple[str, float]] = {}
    for value, word in enumerate(_EN_UNITS):
        words[word] = (AMOUNT, value)
    for index, word in enumerate(_EN_TENS):
        words[word] = (AMOUNT, 20 + 10 * index)
    for value, word in enumerate(_ES_UNITS):
        words[word] = (AMOUNT, value)
    for index, word in enumerate(_ES_TWENTIES):
        words[word] = (AMOUNT, 20 + index)
    for index, word in enumerate(_ES_TENS):
        words[word] = (AMOUNT, 30 + 10 * index)
    for index, word in enumerate(_ES_HUNDREDS):
        words[word] = (AMOUNT, 200 + 100 * index)
        words[word[:-2] + "as"] = (AMOUNT, 200 + 100 * index)  # feminine: doscientas
    words.update(
        {
            "a": (AMOUNT, 1),
            "un": (AMOUNT, 1),
            "una": (AMOUNT, 1),
            "veintiún": (AMOUNT, 21),
            "dieciseis": (AMOUNT, 16),
            "veintidos": (AMOUNT, 22),
            "veintitres": (AMOUNT, 23),
            "veintiseis": (AMOUNT, 26),
            "cien": (AMOUNT, 100),
            "ciento": (AMOUNT, 100),
            "hundred": (HUNDRED, 100),
            "thousand": (THOUSAND, 1000),
            "mil": (THOUSAND, 1000),
            "million": (MILLION, 1_000_000),
            "millions": (MILLION, 1_000_000),
            "millón": (MILLION, 1_000_000),
            "millon": (MILLION, 1_000_000),
            "millones": (MILLION, 1_000_000),
        }
    )
    return words


NUMBER_WORDS: Final = _build_words()
# Words that end a tens step and may be followed by "y"/"and" plus a unit.
TENS_VALUES: Final = frozenset(range(20, 100, 10))
SCALE_KINDS: Final = frozenset({HUNDRED, THOUSAND, MILLION})


def combine(tokens: list[tuple[str, float]]) -> float:
    """Evaluate a sequence such as [(amount, 44), (thousand, 1000)] into 44000."""
    total = 0.0
    current = 0.0
    for kind, value in tokens:
        if kind == AMOUNT:
            current += value
        elif kind == HUNDRED:
            current = (current or 1) * 100
        elif kind == THOUSAND:
            total += (current or 1) * 1000
            current = 0.0
        else:
            total = (total + (current or 1)) * 1_000_000
            current = 0.0
    return total + current
