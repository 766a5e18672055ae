"""Hedges read around a number: "more than", "nearly", "or so" make its qualifier."""

from __future__ import annotations

import re

from .patterns import word_start

# Matched against lower-cased text, like cues.py.
_I = re.NOFLAG
# Articles and hedges that may sit between a cue and its number ("superan las", "drop of some").
# English "the" is left out on purpose: "more than the 248,284 of 2022" is a comparison.
QUANT = (
    r"(?:\s+(?:los|las|el|la|an?|un|una|some|about|nearly|around|roughly|almost|approximately|"
    r"over|more\s+than|at\s+least|unos|unas|casi|cerca\s+de|alrededor\s+de|aproximadamente|"
    r"más\s+de|al\s+menos|fewer\s+than|less\s+than|menos\s+de))*\s*"
)

# Qualifiers read immediately before (or, for "or more", after) the number.
_LESS_CUES = (
    r"less\s+than|fewer\s+than|just\s+under|under|below|menos\s+de|inferior(?:es)?\s+a|"
    r"no\s+more\s+than|not\s+more\s+than|no\s+más\s+de|menos\s+del|"
    r"no\s+(?:llegaron|llegó|llegaba|llegaban)\s+a|did\s+not\s+reach|(?:short|shy|south)\s+of"
)
_MORE_CUES = (
    r"more\s+than|well\s+over|just\s+over|over|at\s+least|upwards?\s+of|north\s+of|in\s+excess\s+of|"
    r"exceeding|exceeded|surpassed|passed|topped|above|más\s+del?|al\s+menos|por\s+lo\s+menos|"
    r"superior(?:es)?\s+a|superan?|superaron|superó|superamos|superado|sobrepasan?|sobrepasó|"
    r"pass(?:es)?|tops?|rebasan?|rebasó|rebasaron"
)
_APPROXIMATE_CUES = (
    r"nearly|almost|about|around|some|roughly|approximately|approx\.|close\s+to|"
    r"an\s+estimated|estimated|casi|unos|unas|alrededor\s+del?|cerca\s+del?|aproximadamente|aprox\.|"
    r"en\s+torno\s+a|más\s+o\s+menos|rondan?|rondaron|nears?|nearing|approaching|"
    r"closing\s+in\s+on|se\s+acerca\s+a|se\s+acercan\s+a"
)
# The approximate cues that also say "a little below the number".
_NEARLY = re.compile(word_start(r"nearly|almost|casi") + QUANT + r"\Z", _I)
_LESS = re.compile(word_start(_LESS_CUES) + QUANT + r"\Z", _I)
_MORE = re.compile(word_start(_MORE_CUES) + QUANT + r"\Z", _I)
_APPROXIMATE = re.compile(word_start(_APPROXIMATE_CUES) + QUANT + r"\Z", _I)
# Matches exactly when one of the three does: most numbers carry no hedge, and one search
# then settles it.
_ANY_HEDGE = re.compile(word_start([_LESS_CUES, _MORE_CUES, _APPROXIMATE_CUES]) + QUANT + r"\Z", _I)
_OR_MORE = re.compile(r"\s*(?:or\s+more|o\s+más|and\s+more|y\s+más|\+)", _I)
_OR_SO = re.compile(r"\s*(?:or\s+so|más\s+o\s+menos)\b", _I)


def read_qualifier(text: str, before_start: int, start: int, end: int, rounded: bool) -> str:
    """Classify the hedge attached to the number at text[start:end]."""
    before = text[max(before_start, start - 32) : start]
    hedged = _ANY_HEDGE.search(before) is not None
    if hedged and _LESS.search(before):
        return "less_than"
    if (hedged and _MORE.search(before)) or _OR_MORE.match(text, end):
        return "more_than"
    if (hedged and _APPROXIMATE.search(before)) or _OR_SO.match(text, end) or rounded:
        return "approximate"
    return "exact"


def says_nearly(text: str, before_start: int, start: int) -> bool:
    """Whether the hedge before the number at text[start:] puts it just below ("nearly 250,000")."""
    return _NEARLY.search(text[max(before_start, start - 32) : start]) is not None


# A count named with its article and all its digits after a comparative is the figure compared
# with, not a hedge on it: "ligeramente superior a los 196.371 registrados", "más que las 2.345"
# (a round one is a hedge: "superan los 500.000").
_ARTICLE = re.compile(r"\s(?:los|las)\s*\Z", _I)


def names_compared_figure(text: str, before_start: int, start: int, value: float) -> bool:
    return (
        value % 100 != 0 and _ARTICLE.search(text, max(before_start, start - 6), start) is not None
    )
