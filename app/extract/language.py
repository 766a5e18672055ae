"""Language detection (English or Spanish) from function-word frequencies."""

from __future__ import annotations

import re

# Short, frequent words that almost never occur in the other language.
_SPANISH = frozenset(
    [
        "el",
        "la",
        "los",
        "las",
        "del",
        "de",
        "que",
        "y",
        "en",
        "por",
        "para",
        "con",
        "una",
        "unos",
        "unas",
        "se",
        "su",
        "sus",
        "al",
        "lo",
        "como",
        "más",
        "pero",
        "este",
        "esta",
        "estos",
        "estas",
        "entre",
        "desde",
        "hasta",
        "según",
        "también",
        "fue",
        "han",
        "sido",
        "personas",
        "migrantes",
        "año",
        "años",
        "cruzaron",
        "selva",
        "ya",
        "muy",
        "sin",
        "sobre",
        "cuando",
        "donde",
        "mientras",
        "es",
        "son",
    ]
)
_ENGLISH = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "for",
        "with",
        "that",
        "this",
        "these",
        "those",
        "from",
        "by",
        "on",
        "at",
        "as",
        "was",
        "were",
        "has",
        "have",
        "had",
        "been",
        "people",
        "migrants",
        "year",
        "years",
        "crossed",
        "jungle",
        "which",
        "who",
        "while",
        "according",
        "is",
        "are",
        "it",
        "its",
        "than",
        "more",
        "about",
    ]
)
_WORD = re.compile(r"[a-záéíóúüñ]+", re.IGNORECASE)
_SAMPLE_CHARS = 20_000


def detect_language(text: str) -> str:
    """Return "es" when Spanish function words outnumber English ones, else "en"."""
    spanish = english = 0
    for match in _WORD.finditer(text, 0, min(len(text), _SAMPLE_CHARS)):
        word = match.group().lower()
        if word in _SPANISH:
            spanish += 1
        elif word in _ENGLISH:
            english += 1
    return "es" if spanish > english else "en"
