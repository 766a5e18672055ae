"""Subject vocabulary (nationality, age and sex terms) and a fast token-based phrase matcher."""

from __future__ import annotations

import re
from itertools import product
from typing import Final, NamedTuple

from .demonyms import COUNTRIES, DEMONYMS
from .records import TOTAL, Subject

MINORS: Final = Subject("age", "minors")
UNACCOMPANIED: Final = Subject("age", "unaccompanied_minors")
_MEN, _WOMEN = Subject("sex_age", "men"), Subject("sex_age", "women")
_NAMED: Final[dict[str, Subject]] = {
    "adults": Subject("age", "adults"),
    "adultos": Subject("age", "adults"),
    "adultas": Subject("age", "adults"),
    "men": _MEN,
    "adult men": _MEN,
    "hombres": _MEN,
    "hombres adultos": _MEN,
    "women": _WOMEN,
    "adult women": _WOMEN,
    "mujeres": _WOMEN,
    "mujeres adultas": _WOMEN,
    "boys": Subject("sex_age", "boys"),
    "niños varones": Subject("sex_age", "boys"),
    "girls": Subject("sex_age", "girls"),
    "niñas": Subject("sex_age", "girls"),
    "men women and children": TOTAL,
    "hombres mujeres y niños": TOTAL,
}
_MINOR_PHRASES = (
    "children and adolescents|children and teenagers|boys and girls|niños niñas y adolescentes|"
    "niñas niños y adolescentes|niños y niñas|niñas y niños|niños y adolescentes|menores de edad|"
    "under 18|under the age of 18|menores de 18 años|minors|children|child|kids|adolescents|"
    "teenagers|infants|babies|niños|menores|adolescentes|bebés"
)
# Generic nouns for people or crossings: the figure is a total.
GENERIC_WORDS: Final = (
    "people|persons|migrants|migrant|refugees|asylum seekers|travelers|travellers|individuals|"
    "crossers|foreigners|crossings|arrivals|entries|personas|persona|migrantes|viajeros|"
    "refugiados|extranjeros|cruces|ingresos|entradas|llegadas|tránsitos|transitos"
)


def _unaccompanied_phrases() -> list[str]:
    english = [
        f"{hedge} {noun}"
        for hedge, noun in product(
            (
                "unaccompanied",
                "separated",
                "unaccompanied or separated",
                "unaccompanied and separated",
                "separated or unaccompanied",
            ),
            ("minors", "children", "kids", "adolescents"),
        )
    ]
    spanish = [
        f"{noun} no {acompañados}{tail}"
        for noun, acompañados, tail in product(
            (
                "niños niñas y adolescentes",
                "niños y adolescentes",
                "niños",
                "niñas",
                "menores",
                "menores de edad",
                "adolescentes",
            ),
            ("acompañados", "acompañadas"),
            ("", " o separados", " y separados", " o separadas", " y separadas"),
        )
    ]
    return english + spanish


def _build_phrases() -> dict[tuple[str, ...], Subject]:
    phrases: dict[str, Subject] = dict(_NAMED)
    phrases |= dict.fromkeys(_MINOR_PHRASES.split("|"), MINORS)
    phrases |= dict.fromkeys(GENERIC_WORDS.split("|"), TOTAL)
    phrases |= dict.fromkeys(_unaccompanied_phrases(), UNACCOMPANIED)
    phrases |= {d: Subject("nationality", code) for d, code in DEMONYMS.items()}
    return {tuple(p.split()): s for p, s in phrases.items()}


def _index(
    phrases: dict[tuple[str, ...], Subject],
) -> dict[str, list[tuple[tuple[str, ...], Subject]]]:
    index: dict[str, list[tuple[tuple[str, ...], Subject]]] = {}
    for words, subject in sorted(phrases.items(), key=lambda item: -len(item[0])):
        index.setdefault(words[0], []).append((words, subject))
    return index


_PHRASES: Final = _index(_build_phrases())
_COUNTRIES: Final = _index(
    {tuple(name.split()): Subject("nationality", code) for name, code in COUNTRIES.items()}
)
_PREPOSITIONS: Final = frozenset({"from", "of", "de", "del", "desde"})
_ARTICLES: Final = frozenset({"la", "el", "the"})
_FIRST_WORDS: Final = frozenset(_PHRASES) | _PREPOSITIONS
_WORD = re.compile(r"[^\W\d_]+")
_WORD_GAP = re.compile(r"[ \t\n\u00a0,]+")


class Term(NamedTuple):
    start: int
    end: int
    subject: Subject


def find_terms(text: str, start: int, end: int) -> list[Term]:
    """Subject terms in text[start:end], longest phrase first, left to right."""
    tokens = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text, start, end)]
    terms: list[Term] = []
    i = 0
    while i < len(tokens):
        if tokens[i][2] not in _FIRST_WORDS:
            i += 1
            continue
        found = _match_at(text, tokens, i)
        if found is None:
            i += 1
            continue
        length, subject = found
        terms.append(Term(tokens[i][0], tokens[i + length - 1][1], subject))
        i += length
    return terms


def _match_at(text: str, tokens: list[tuple[int, int, str]], i: int) -> tuple[int, Subject] | None:
    word = tokens[i][2]
    if word in _PREPOSITIONS:  # "procedentes de Venezuela", "people from Haiti"
        skip = 2 if i + 1 < len(tokens) and tokens[i + 1][2] in _ARTICLES else 1
        country = _phrase_at(text, tokens, i + skip, _COUNTRIES)
        if country is not None:
            return country[0] + skip, country[1]
    return _phrase_at(text, tokens, i, _PHRASES)


def _phrase_at(
    text: str,
    tokens: list[tuple[int, int, str]],
    i: int,
    index: dict[str, list[tuple[tuple[str, ...], Subject]]],
) -> tuple[int, Subject] | None:
    if i >= len(tokens):
        return None
    for words, subject in index.get(tokens[i][2], ()):
        if i + len(words) > len(tokens):
            continue
        if all(
            tokens[i + k][2] == words[k]
            and _WORD_GAP.fullmatch(text, tokens[i + k - 1][1], tokens[i + k][0])
            for k in range(1, len(words))
        ):
            return len(words), subject
    return None
