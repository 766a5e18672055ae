"""Corrections: a number the story marks as an earlier figure it then corrects is not stated."""

from __future__ import annotations

import re

from .patterns import word_start

_I = re.NOFLAG  # matched against lower-cased text, like cues.py

_INITIAL_PHRASES = (
    "initially",
    "originally",
    "first reported",
    "erroneously",
    "mistakenly",
    "incorrectly",
    "in error",
    "earlier version",
    "previous version",
    "previously reported",
    "misstated",
    "misreported",
    "misprinted",
    "inicialmente",
    "originalmente",
    "en un principio",
    "por error",
    "erróneamente",
    "equivocadamente",
    "versión anterior",
    "primera versión",
    "se había informado",
)
_INITIAL = re.compile(word_start(p.replace(" ", r"\s+") for p in _INITIAL_PHRASES) + r"\b", _I)
_CORRECTED = re.compile(
    word_start(
        r"correct\w*|revised|actually|in\s+fact|corregid[oa]|rectific\w+|revisad[oa]|"
        r"ajustad[oa]|en\s+realidad|cifra\s+real|real\s+figure|true\s+figure"
    )
    + r"\b",
    _I,
)
_NEGATED = re.compile(
    word_start(r"not|y\s+no|and\s+not|no") + r"\s+(?:the\s+|los\s+|las\s+)?\Z", _I
)
_AS_REPORTED = re.compile(
    r",?\s*(?:as|como)\s+[^,.;]{0,30}?\b(?:initially|originally|previously|erroneously|"
    r"mistakenly|wrongly|first|inicialmente|originalmente|anteriormente|por\s+error|"
    r"erróneamente|se\s+había)\b",
    _I,
)


_HINT_WORDS = ("previously", "anteriormente", "first", "wrongly")
_AS_REPORTED_HINT = re.compile(
    r"\b(?:as|como)\s+[^,.;]{0,30}?\b(?:" + "|".join(_HINT_WORDS) + r")\b"
)
# Words without which neither pattern can match: "x in text" is far cheaper than a regex scan.
_CORRECTION_WORDS = frozenset(max(p.split(), key=len) for p in _INITIAL_PHRASES) | {*_HINT_WORDS}


def mentions_correction(text: str) -> bool:
    """Whether a text talks about earlier figures at all (most do not; saves work per number)."""
    if not any(map(text.__contains__, _CORRECTION_WORDS)):
        return False
    return _INITIAL.search(text) is not None or _AS_REPORTED_HINT.search(text) is not None


def is_superseded(
    text: str, sentence_start: int, start: int, end: int, corrections: bool = True
) -> bool:
    """True when the story marks this number as an earlier, corrected figure."""
    if _NEGATED.search(text[max(sentence_start, start - 16) : start]):
        return True
    if not corrections:
        return False
    before = text[max(sentence_start, start - 100) : start]
    if _AS_REPORTED.match(text, end):
        return True
    last_kind = None
    for pattern, kind in ((_INITIAL, "initial"), (_CORRECTED, "corrected")):
        for match in pattern.finditer(before):
            if last_kind is None or match.start() > last_kind[0]:
                last_kind = (match.start(), kind)
    return last_kind is not None and last_kind[1] == "initial"
