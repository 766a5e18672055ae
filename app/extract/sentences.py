"""Sentence segmentation with character offsets, tolerant of abbreviations and numbers."""

from __future__ import annotations

import re

# A boundary is terminal punctuation (plus closing quotes) followed by whitespace, or a run of
# whitespace holding a newline. The scan only stops at punctuation and newlines (a pattern that
# opens with one character class is scanned quickly); a newline's run is widened back by hand.
# A run of end marks ("...", "?!") is tried from its first mark only: from each of them, a run
# of thousands not followed by a space cost the square of its length.
_BOUNDARY = re.compile(r"(?<![.!?…])[.!?…\n](?:(?<=\n)\s*|[.!?…]*[\"'”’»)\]]*\s+)")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
# Text copied from a PDF breaks lines inside sentences. A line that ends without punctuation
# continues when the next one opens in lower case ("a total of 87,390\npeople were"), or when
# it ends on a word that cannot end a sentence ("with\n28,610 persons", "and\nCanaán").
_LAST_WORD = re.compile(r"([^\W\d_]+)[ \t]*$")
_OPEN_ENDED = frozenset(
    {"and", "or", "of", "the", "a", "an", "with", "to", "at", "from", "in", "on", "by", "for"}
    | {"as", "than", "against", "y", "o", "de", "del", "la", "el", "los", "las", "un", "una"}
    | {"con", "en", "por", "para", "que", "al", "entre", "frente"}
)
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
        boundary_start, boundary_end = match.span()
        if text[boundary_start] == "\n":
            if _line_continues(text, boundary_start, boundary_end):
                continue
            while boundary_start > start and text[boundary_start - 1].isspace():
                boundary_start -= 1  # the whole run of whitespace, as \s*\n\s* would match
        elif "\n" not in match.group() and not _is_real_boundary(
            text, boundary_start, boundary_end
        ):
            continue
        boundary = text[boundary_start:boundary_end]
        _append_trimmed(text, start, boundary_start + _punct_length(boundary), spans)
        start = boundary_end
    _append_trimmed(text, start, len(text), spans)
    return spans


def _line_continues(text: str, newline: int, end: int) -> bool:
    """Whether a single line break at text[newline] falls inside a sentence (see _OPEN_ENDED)."""
    following = text[end : end + 1]
    if not following.isalnum() or "\n" in text[newline + 1 : end]:
        return False  # a blank line, a bullet or a table row
    word = _LAST_WORD.search(text, max(0, newline - 20), newline)
    if word is None:
        return following.islower() and text[newline - 1 : newline] in (",", ")")
    return (following.islower() and word.group(1) != word.group(1).upper()) or (
        word.group(1) in _OPEN_ENDED
    )


def _punct_length(boundary: str) -> int:
    return len(boundary) - len(boundary.lstrip(".!?…\"'”’»)]"))


# Leader dots between a table's label and its figure: "Venezuela ..... 248,120 ..... (62.4%)".
_LEADER = re.compile(r"[ \t]\.{3,}[ \t]+[\d(]")


def _is_real_boundary(text: str, start: int, end: int) -> bool:
    following = text[end : end + 1]
    if following and following.islower():
        return False  # "aprox. 300" or a lower-case continuation
    if text[start] != ".":
        return True
    if start > 0 and _LEADER.match(text, start - 1):
        return False
    before = _WORD_BEFORE.search(text, max(0, start - 12), start)
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
