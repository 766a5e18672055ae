"""Finding time expressions quickly: patterns are only tried at likely first words near triggers."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

from . import month_parts
from .calendar_terms import MONTHS, PeriodMention, plausible
from .patterns import WordScan, WordScanner, folded, lowered
from .time_phrases import PATTERNS

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
        "cuatrimestre",
        "bimestre",
        "mitad",
        "week",
        "weeks",
        "semana",
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
        "days",
        "días",
        "then",
        "entonces",
        "momento",
        "annual",
        "yearly",
        "anual",
        # "in the previous three", "los tres anteriores": months left out
        "previous",
        "preceding",
        "anteriores",
        "previos",
        *month_parts.TRIGGERS,
    ]
)
_MARGIN_BEFORE, _MARGIN_AFTER = 40, 1  # expressions start at most a few words before
_DAY, _YEAR, _MONTH_KEY = "<day>", "<year>", "<month>"
# Digit runs by length: a day ("15 de agosto") or ordinal ("1st quarter") has one or two digits,
# a year four; no expression opens with any other run.
_DIGIT_KEYS = {1: _DAY, 2: _DAY, 4: _YEAR}
# The words each kind of expression can begin with; a pattern is only tried where one occurs.
_STARTERS: dict[str, str] = {
    # Optional leading words ("from", "the", "el") are left out: matching from the next word
    # finds the same expression, only a few characters shorter.
    "years": "between from entre de desde <year>",
    "span": "<day> <month> mid mediados",
    "day_span": "between from entre de del desde",
    "part": "this este first second third fourth primer primera segundo segunda tercer tercero "
    "cuarto final <day>",
    "first_months": "first primeros <day> dos tres cuatro cinco seis siete ocho nueve diez once "
    "two three four five six seven eight nine ten eleven",
    "first_days": "first primeros primeras <day> two three four five six seven eight nine ten dos "
    "tres cuatro cinco seis siete ocho nueve diez",
    "month_to_now": "de desde from",
    "months_to": "<day> two three four five six seven eight nine ten eleven twelve dos tres cuatro "
    "cinco seis siete ocho nueve diez once doce year",
    "ytd": "so this the year thus since en desde hasta as este el acumulado",
    "since": "since desde",
    "since_then": "since desde",
    "until": "as by at a al hasta through until up",
    "month": "last pasado this este <day> <month>",
    "relative": "last el del this este en the a un la",
    "same_period": "same mismo mismos mismas misma",
    "vague": "a years hace in en",
    "last_months": "last past previous preceding final últimos pasados último trimestre <day> dos tres "
    "cuatro cinco seis siete ocho nueve diez once doce",
    "month_to_date": "en so",
    "full_year": "full whole entire todo el year annual yearly récord año terminó cerró acabó "
    "ended closed finished",
    "back": "the that this those ese esa esos esas aquel aquellos del trimestre semestre los las "
    "estos estas these "
    "same mismo",
    "months_before": "the los las those esos aquellos",
    "year": "<year>",
    **month_parts.STARTERS,
}


class _Kind(NamedTuple):
    kind: str
    span: int  # number of the group that captures the whole expression
    groups: list[tuple[str, int, bool]]  # name, group number, whether it holds a month name


class _Starter(NamedTuple):
    """Every pattern that may open at one starter word, fused into a single regex: each is
    wrapped in a look-ahead that captures its span, so one call tells which of them match."""

    pattern: re.Pattern[str]
    kinds: list[_Kind]


def _starter_index() -> dict[str, _Starter]:
    by_word: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for kind, pattern in PATTERNS:
        for word in _STARTERS[kind].split():
            by_word.setdefault(word, []).append((kind, pattern))
    index: dict[str, _Starter] = {}
    for word, patterns in by_word.items():
        parts = []
        for number, (_kind, pattern) in enumerate(patterns):
            source = re.sub(r"\(\?P<(\w+)>", rf"(?P<k{number}_\1>", pattern.pattern)
            parts.append(f"(?:(?=(?P<k{number}>{source}))|)")
        fused = re.compile("".join(parts), PATTERNS[0][1].flags)
        kinds = []
        for number, (kind, pattern) in enumerate(patterns):
            names = sorted(pattern.groupindex, key=pattern.groupindex.__getitem__)
            groups = [
                (name, fused.groupindex[f"k{number}_{name}"], len(name) == 2 and name[1] == "m")
                for name in names
            ]
            kinds.append(_Kind(kind, fused.groupindex[f"k{number}"], groups))
        index[word] = _Starter(fused, kinds)
    return index


def _windows(low: str, scan: WordScan) -> list[tuple[int, int]]:
    """Stretches of text around trigger words, merged where they overlap."""
    triggers = [(start, start + len(word)) for start, word in scan.words if word in _TRIGGER_WORDS]
    triggers += [
        (start, end)
        for start, end in scan.digits
        if _is_year(low, start, end)
        # a range of days with no month near: "del 10 al 16" (see month_parts.DAYS_ONLY)
        or (end - start <= 2 and low.startswith(month_parts.DAYS_ONLY_LINKS, end))
    ]
    triggers.sort()
    windows: list[tuple[int, int]] = []
    for trigger_start, trigger_end in triggers:
        start, end = max(0, trigger_start - _MARGIN_BEFORE), trigger_end + _MARGIN_AFTER
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def _is_year(low: str, start: int, end: int) -> bool:
    """A digit run that reads (?<![\\d.,])(?:19|20)\\d\\d(?!\\d)."""
    return (
        end - start == 4
        and low.startswith(("19", "20"), start)
        and low[start - 1 : start] not in (".", ",")
    )


def find_periods(
    text: str, low: str | None = None, scan: WordScan | None = None
) -> list[PeriodMention]:
    """All time expressions in text, longest first where they overlap, in text order.

    low, when given, is folded(lowered(text)) (see patterns), and scan a WordScan of low that
    covers VOCABULARY: computing them once per text saves time."""
    low = folded(lowered(text)) if low is None else low
    scan = scan or _SCANNER.scan(low)
    found: list[PeriodMention] = []
    for window_start, window_end in _windows(low, scan):
        # Every expression opens at a digit run or a starter word that starts in the window.
        # (offset,) sorts before every (offset, ...): bisect the scan's tuples directly.
        first, last = (
            bisect_left(scan.digits, (window_start,)),
            bisect_left(scan.digits, (window_end,)),
        )
        starts = [
            (start, _DIGIT_KEYS[end - start])
            for start, end in scan.digits[first:last]
            if end - start in _DIGIT_KEYS
        ]
        first, last = (
            bisect_left(scan.words, (window_start,)),
            bisect_left(scan.words, (window_end,)),
        )
        for start, word in scan.words[first:last]:
            if word in _STARTER_WORDS:
                starts.append((start, _MONTH_KEY if word in MONTHS else word))
        starts.sort()
        for start, key in starts:
            starter = _STARTER_INDEX.get(key)
            if starter is not None:
                _read_starter(text, starter, starter.pattern.match(low, start), found)
    return _without_overlaps(found)


def _read_starter(
    text: str, starter: _Starter, match: re.Match[str] | None, found: list[PeriodMention]
) -> None:
    """Add the expressions whose look-ahead matched, in the order of PATTERNS."""
    if match is None or match.lastindex is None:
        return  # no look-ahead captured: nothing opens here (the common case)
    low, regs = match.string, match.regs  # spans by group number, (-1, -1) when unmatched
    for kind, span, names in starter.kinds:
        start, end = regs[span]
        if end <= start:
            continue
        groups: list[tuple[str, str]] = []
        months: list[tuple[str, int]] = []
        for name, number, is_month in names:
            group_start, group_end = regs[number]
            if group_start >= 0:
                groups.append((name, low[group_start:group_end]))
                if is_month:
                    months.append((groups[-1][1], group_start))
        if plausible(text, start, end, months):
            found.append(PeriodMention(start, end, kind, tuple(groups)))


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
_STARTER_WORDS = {*MONTHS, *(w for k in _STARTERS.values() for w in k.split())} - {
    _DAY,
    _YEAR,
    _MONTH_KEY,
}
VOCABULARY = _TRIGGER_WORDS | _STARTER_WORDS  # the words find_periods needs from a WordScan
_SCANNER = WordScanner(VOCABULARY)
