"""The quote of a figure: the shortest clause of its sentence that states it, with offsets."""

from __future__ import annotations

import re
from itertools import pairwise

# Where a sentence may be cut between two figures, strongest first: a semicolon or colon, a
# dash, a connector ("and", "while", "compared with", after a comma or not), a bare comma.
_CONNECTOR = (
    r"(?:and|y|e|or|o|while|whereas|but|mientras|pero|compared\s+(?:with|to)|up\s+from|down\s+from|"
    r"frente\s+a)\s+"
)
# Each starts where a run of white space starts ((?<!\s)), so a long run is tried once, not
# from each of its characters (which cost the square of its length).
_CUTS = [
    re.compile(r"(?<!\s)\s*[;:]\s+" + f"(?:{_CONNECTOR})?", re.IGNORECASE),
    re.compile(r"(?<!\s)\s+[—–]\s+"),
    re.compile(rf"(?<!\s)(?:\s*,)?\s+{_CONNECTOR}", re.IGNORECASE),
    re.compile(r"(?<!\s)\s*,\s+"),
]


def clause_spans(
    text: str, sentence: tuple[int, int], numbers: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """For each figure's number (in text order, all in sentence), the clause that states it.

    Between two figures the sentence is cut once, at the strongest break, so "56,600 were
    Haitians and 12,800 Cubans, while Venezuelans numbered 240,000" gives three quotes and
    "los ecuatorianos, 57.250; los haitianos, 46.558" two. A dateline opening the clause and an
    attribution closing it ("..., officials said on Sunday") are left out."""
    starts: list[int | None] = [sentence[0]]
    ends: list[int | None] = []
    for (_, previous_end), (next_start, _) in pairwise(numbers):
        cut = _strongest_cut(text, previous_end, next_start)
        ends.append(None if cut is None else cut[0])
        starts.append(None if cut is None else cut[1])
    ends.append(sentence[1])
    return [
        _trimmed(text, clause, number)
        for clause, number in zip(_fill(starts, ends), numbers, strict=True)
    ]


def _trimmed(text: str, clause: tuple[int, int], number: tuple[int, int]) -> tuple[int, int]:
    start, end = clause
    dateline = _DATELINE.match(text, start, number[0])
    attribution = _ATTRIBUTION.search(text, number[1], end)
    return (
        dateline.end() if dateline else start,
        attribution.start() if attribution else end,
    )


# "PANAMA CITY, Oct 8 (Reuters) - ", "Ciudad de Panamá, 3 sep (EFE).- ": a lead's dateline.
# "PANAMA CITY, July 3 — ", "Caracas.- ": one without an agency.
_DATELINE = re.compile(
    r"(?:[^\n()]{0,80}?\([A-Z][\w .]{0,30}\)\s*\.?\s*[-–—]+|"
    r"[A-ZÁÉÍÓÚÑ]{3,}[^\n.]{0,60}?\s[-–—]|[A-ZÁÉÍÓÚÑ][^\n.]{0,60}?\.-)\s*"
)
# ", officials said on Sunday, ...", ", según Migración": the attribution closing a clause.
_ATTRIBUTION = re.compile(
    r",\s+(?:[^,;.]{0,50}?\b(?:said|says|told|reported|announced|added|dijo|dijeron|informó|"
    r"informaron|señaló|indicó|añadió|aseguró)\b|(?:according\s+to|según)\b)[^;]*\Z"
)


def _strongest_cut(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The first break of the strongest kind between two numbers; None when there is none
    ("150,300 of them (71.2%)": one clause states both)."""
    for pattern in _CUTS:
        match = pattern.search(text, start, end)
        if match is not None:
            return match.span()
    return None


def _fill(starts: list[int | None], ends: list[int | None]) -> list[tuple[int, int]]:
    """Figures with no break between them share the clause that spans them both."""
    spans: list[tuple[int, int]] = []
    group_start = 0
    for index, end in enumerate(ends):
        start = starts[index]
        if start is not None:
            group_start = start
        if end is None:
            continue
        spans += [(group_start, end)] * (index + 1 - len(spans))
    return spans
