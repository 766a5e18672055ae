"""Subject vocabulary (nationality, age and sex terms) and a fast token-based phrase matcher."""

from __future__ import annotations

import re
from itertools import accumulate, product
from typing import Final, NamedTuple

from .demonyms import COUNTRIES, DEMONYMS
from .records import EVERYONE, Subject

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
    # every female or male crosser, of any age
    "women and girls": Subject("sex", "women"),
    "mujeres y niñas": Subject("sex", "women"),
    "mujeres y las niñas": Subject("sex", "women"),  # "las mujeres y las niñas representaron"
    "men and boys": Subject("sex", "men"),
    "men women and children": EVERYONE,
    "hombres mujeres y niños": EVERYONE,
}
_MINOR_PHRASES = (
    "children and adolescents|children and teenagers|boys and girls|niños niñas y adolescentes|"
    "niñas niños y adolescentes|niños y niñas|niñas y niños|niños y adolescentes|menores de edad|"
    "menor de edad|niño niña o adolescente|niña niño o adolescente|niño o niña|niño o adolescente|"
    "menores de 18 años|minors|minor|children|child|kids|adolescents|"
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
    phrases |= dict.fromkeys(GENERIC_WORDS.split("|"), EVERYONE)
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
_FIRST_WORDS: Final = frozenset(_PHRASES) | _PREPOSITIONS | frozenset(_COUNTRIES)
# A country named right before its count, as pages list them: "Venezuela (208,400)", "Haití: 9.235".
_COUNT_FOLLOWS: Final = re.compile(
    # leader dots too: "Haiti ..... 41,230"; a chart's bar: "Ecuador  ████  47,700 (12%)"
    r"\s*(?:[(:|]|\.{3,}|[█▇▆▅▄▃▂▁■▪]+)\s*\d"
)
# ... or its share straight after it, as summaries list them: "Venezuela 66% · Ecuador 7%".
_SHARE_FOLLOWS: Final = re.compile(r"\s+\d{1,2}(?:[.,]\d)?\s?(?:%|percent|por\s+ciento)")
# ... but a line that opens with "Panamá:" is a headline, unless the count ends it: "Haití: 28.900".
# ... or its share ("• Venezuela: 63%", a summary's bullet).
# ... or a table's row ("Venezuela | 1.032 | 47,8"), flattened too: "Venezuela 94.690 (68 %)",
# "Venezuela — 328,650 — 63.2%" (a line holding nothing but the country and its numbers).
_LINE_OF_ITS_OWN: Final = re.compile(
    r"\s*(?:[:|—–-]|\.{3,})?\s*[\d.,]+\s*%?(?:\s*(?:\||\.{3,}|[—–-])?\s*\(?[\d.,]+\s*%?\)?)*\s*"
)
# Words that open a one-word phrase and nothing else (most demonyms and nouns): no lookahead.
_ONE_WORD: Final = {
    w: found[0][1]
    for w, found in _PHRASES.items()
    if len(found) == 1 and len(found[0][0]) == 1 and w not in _PREPOSITIONS
}
_FIRST_WORDS_AND_BOUNDS: Final = _FIRST_WORDS | {"under"}
_WORDS = re.compile(r"([^\W\d_]+)")  # split() on it alternates gaps and words
# Words stop at digits, so the age bound of minors is read on its own: "were under 18".
_UNDER_ADULT_AGE = re.compile(
    r"under\s+(?:the\s+age\s+of\s+)?18\b(?!\s*(?:%|percent|per\s+cent|[.,]\d))"
)
_WORD_GAP = re.compile(r"[ \t\n\u00a0,]+")


class Term(NamedTuple):
    start: int
    end: int
    subject: Subject


def find_terms(text: str, start: int, end: int) -> list[Term]:
    """Subject terms in text[start:end] (lower-cased text), longest phrase first, left to right."""
    parts = _WORDS.split(text[start:end])
    words = parts[1::2]  # word k is parts[2k + 1]; the gap before it is parts[2k]
    candidates = [i for i, word in enumerate(words) if word in _FIRST_WORDS_AND_BOUNDS]
    terms: list[Term] = []
    offsets: list[int] = []  # of every part, computed once a term is found
    free = 0  # the first word not taken by a term already found
    for i in candidates:
        if i < free:
            continue
        single = _ONE_WORD.get(words[i])
        found = (1, single) if single is not None else _match_at(words, parts, i)
        if found is None and words[i] == "under":
            offsets = offsets or list(accumulate(map(len, parts), initial=start))
            under = _UNDER_ADULT_AGE.match(text, offsets[2 * i + 1], end)
            if under is not None:
                terms.append(Term(under.start(), under.end(), MINORS))
            continue
        if found is None:
            continue
        offsets = offsets or list(accumulate(map(len, parts), initial=start))
        length, subject = found
        terms.append(Term(offsets[2 * i + 1], offsets[2 * (i + length)], subject))
        free = i + length
    return terms


def _match_at(words: list[str], parts: list[str], i: int) -> tuple[int, Subject] | None:
    word = words[i]
    if word in _PREPOSITIONS:  # "procedentes de Venezuela", "people from Haiti"
        skip = 2 if i + 1 < len(words) and words[i + 1] in _ARTICLES else 1
        # most prepositions lead to no country: look the word up before reading a phrase
        if i + skip < len(words) and words[i + skip] in _COUNTRIES:
            country = _phrase_at(words, parts, i + skip, _COUNTRIES)
            if country is not None:
                return country[0] + skip, country[1]
    found = _phrase_at(words, parts, i, _PHRASES) if word in _PHRASES else None
    if found is None and word in _COUNTRIES:
        country = _phrase_at(words, parts, i, _COUNTRIES)
        after = parts[2 * (i + country[0])] if country is not None else ""
        # a colon after a country opening a line is a headline's dateline ("Panamá: 126.000 ...")
        last = 2 * (i + country[0]) == len(parts) - 1 if country is not None else False
        own_line = (last or "\n" in after) and _LINE_OF_ITS_OWN.fullmatch(after) is not None
        listed = "(" in after or (i > 0 and "\n" not in parts[2 * i]) or own_line
        if country is not None and (
            (listed and _COUNT_FOLLOWS.match(after)) or _SHARE_FOLLOWS.match(after) or own_line
        ):
            return country
        if country is not None and after == " " and _ranks_as_group(words, parts, i + country[0]):
            return country
    return found


# A country ranked as a group of the flow: "Ecuador fue la segunda nacionalidad, con el 8 %",
# "Haiti was the third-largest group", "China followed, with 4%", "Colombia ranked fifth with".
_RANK_VERBS: Final = frozenset(
    [
        "fue",
        "es",
        "era",
        "was",
        "is",
        "remained",
        "ranked",
        "came",
        "followed",
        "follows",  # "Haiti follows with 7,900"
        "ocupó",
        "quedó",
        "siguió",
        "sigue",
    ]
)
_RANK_WORDS: Final = frozenset(
    ["nationality", "nacionalidad", "source", "group", "grupo", "lugar", "place", "with", "con"]
)


def _ranks_as_group(words: list[str], parts: list[str], after: int) -> bool:
    if after >= len(words):
        return False
    if words[after] in ("with", "con"):  # "followed by Ecuador with 5,740, Colombia with 5,102"
        return parts[2 * after + 2][:1] == " " and parts[2 * after + 2][1:2].isdigit()
    return words[after] in _RANK_VERBS and not _RANK_WORDS.isdisjoint(words[after + 1 : after + 6])


def _phrase_at(
    words: list[str],
    parts: list[str],
    i: int,
    index: dict[str, list[tuple[tuple[str, ...], Subject]]],
) -> tuple[int, Subject] | None:
    if i >= len(words):
        return None
    for phrase, subject in index.get(words[i], ()):
        if len(phrase) == 1:
            return 1, subject  # the commonest case, and the last to try: phrases go longest first
        if i + len(phrase) > len(words):
            continue
        if all(
            words[i + k] == phrase[k] and _is_gap(parts[2 * (i + k)]) for k in range(1, len(phrase))
        ):
            return len(phrase), subject
    return None


def _is_gap(gap: str) -> bool:
    return gap == " " or _WORD_GAP.fullmatch(gap) is not None


class SentenceTerms:
    """The subject terms of a sentence, found only once a number there needs them: numbers
    rejected by their context (units, labels, distractors) never do."""

    __slots__ = ("_low", "_sentence", "_terms")

    def __init__(self, low: str, sentence: tuple[int, int]) -> None:
        self._low, self._sentence = low, sentence
        self._terms: list[Term] | None = None

    def get(self) -> list[Term]:
        if self._terms is None:
            self._terms = find_terms(self._low, *self._sentence)
        return self._terms
