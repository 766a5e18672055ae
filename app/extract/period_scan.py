"""Finding time expressions quickly: patterns are only tried at likely first words near triggers."""

from __future__ import annotations

import re
from bisect import bisect_left

from .periods import MONTHS, PATTERNS, PeriodMention, plausible

# Words without which no time expression can occur; patterns are only tried near them.
_TRIGGER_WORDS = frozenset(MONTHS) | frozenset(
    [
        "year",
        "years",
        "año",
        "años",
        "month",
        "months",
        "mes",
        "meses",
        "quarter",
        "trimestre",
        "half",
        "semestre",
        "mitad",
        "weeks",
        "semanas",
        "ago",
        "hace",
        "hoy",
        "fecha",
        "today",
        "typical",
        "típico",
        "normal",
        "period",
        "periodo",
        "período",
        "lapso",
        "decade",
        "década",
    ]
)
_MARGIN_BEFORE, _MARGIN_AFTER = 40, 1  # expressions start at most a few words before
_DIGITS, _MONTH_KEY = "<digits>", "<month>"
# The words each kind of expression can begin with; a pattern is only tried where one occurs.
_STARTERS: dict[str, str] = {
    # Optional leading words ("from", "the", "el") are left out: matching from the next word
    # finds the same expression, only a few characters shorter.
    "years": "between from entre de desde <digits>",
    "span": "<digits> <month>",
    "part": "this este first second third fourth primer primera segundo segunda tercer tercero "
    "cuarto <digits>",
    "first_months": "first primeros",
    "ytd": "so this the year thus since en desde hasta as este el",
    "since": "since desde",
    "until": "as by at a al hasta through until up",
    "month": "last pasado <digits> <month>",
    "relative": "last el del this este en the a un",
    "same_period": "same mismo",
    "vague": "a years hace in en",
    "year": "<digits>",
}


def _starter_index() -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    index: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for kind, pattern in PATTERNS:
        for word in _STARTERS[kind].split():
            index.setdefault(word, []).append((kind, pattern))
    return index


def _windows(low: str) -> list[tuple[int, int]]:
    """Stretches of text around trigger words, merged where they overlap."""
    windows: list[tuple[int, int]] = []
    for match in _TRIGGER.finditer(low):
        start, end = max(0, match.start() - _MARGIN_BEFORE), match.end() + _MARGIN_AFTER
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def find_periods(text: str, low: str | None = None) -> list[PeriodMention]:
    """All time expressions in text, longest first where they overlap, in text order.

    low, when given, is text lower-cased with the same offsets (it speeds up the scan)."""
    low = text.lower() if low is None else low
    found: list[PeriodMention] = []
    for window_start, window_end in _windows(low):
        for token in _STARTER.finditer(low, window_start, min(window_end, len(text))):
            word = token.group()
            key = _DIGITS if word[0].isdigit() else (_MONTH_KEY if word in MONTHS else word)
            for kind, pattern in _STARTER_INDEX.get(key, ()):
                match = pattern.match(text, token.start())
                if match is not None and match.end() > match.start() and plausible(match):
                    groups = tuple((k, v) for k, v in match.groupdict().items() if v is not None)
                    found.append(PeriodMention(match.start(), match.end(), kind, groups))
    return _without_overlaps(found)


def _without_overlaps(found: list[PeriodMention]) -> list[PeriodMention]:
    """Keep the longest of overlapping mentions (the earliest among equals)."""
    found.sort(key=lambda m: (m.start - m.end, m.start))
    kept: list[PeriodMention] = []
    starts: list[int] = []
    for mention in found:
        slot = bisect_left(starts, mention.start)
        if slot > 0 and kept[slot - 1].end > mention.start:
            continue
        if slot < len(starts) and starts[slot] < mention.end:
            continue
        starts.insert(slot, mention.start)
        kept.insert(slot, mention)
    return kept


_STARTER_INDEX = _starter_index()
_TRIGGER = re.compile(
    r"(?<![\d.,])(?:19|20)\d\d(?!\d)|\b(?:"
    + "|".join(sorted(_TRIGGER_WORDS, key=len, reverse=True))
    + r")\b"
)
_STARTER = re.compile(
    r"\d+|\b(?:"
    + "|".join(
        sorted(
            {*MONTHS, *(w for k in _STARTERS.values() for w in k.split())} - {_DIGITS, _MONTH_KEY},
            key=len,
            reverse=True,
        )
    )
    + r")\b"
)
