"""Sentence segmentation with character offsets, tolerant of abbreviations and numbers."""

from __future__ import annotations

import re

# A boundary is terminal punctuation (plus closing quotes) followed by whitespace, or a newline.
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*\s+|\s*\n\s*")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_ABBREVIATIONS = frozenset(
    [
        "u.s",
        "ee.uu",
        "eeuu",
        "dr",
        "dra",
        "sr",
        "sra",
        "srta",
        "mr",
        "mrs",
        "ms",
        "st",
        "no",
        "núm",
        "nº",
        "etc",
        "vs",
        "aprox",
        "approx",
        "gen",
        "gov",
        "jan",
        "feb",
        "aug",
        "sept",
        "oct",
        "nov",
        "dec",
        "ene",
        "inc",
        "corp",
        "u.n",
        "a.m",
        "p.m",
        "p.ej",
        "ej",
        "art",
        "cap",
        "fig",
        "pág",
        "pp",
    ]
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of sentences, trimmed of surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if "\n" not in match.group() and not _is_real_boundary(text, match):
            continue
        _append_trimmed(text, start, match.start() + _punct_length(match.group()), spans)
        start = match.end()
    _append_trimmed(text, start, len(text), spans)
    return spans


def _punct_length(boundary: str) -> int:
    return len(boundary) - len(boundary.lstrip(".!?…\"'”’»)]"))


def _is_real_boundary(text: str, match: re.Match[str]) -> bool:
    following = text[match.end() : match.end() + 1]
    if following and following.islower():
        return False  # "aprox. 300" or a lower-case continuation
    if not match.group().startswith("."):
        return True
    before = _WORD_BEFORE.search(text, max(0, match.start() - 12), match.start())
    if before is None:
        return True
    word = before.group(1).lower().strip(".")
    return not (word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()))


def _append_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
