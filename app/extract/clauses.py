"""Clause boundaries around a figure: which nearby time expressions belong to its clause, and
which sit in an aside, a contrast or the other side of a comparison."""

from __future__ import annotations

import re

from .calendar_terms import PeriodMention

# A time after the number belongs to it unless a clause ends first: punctuation, or "and in
# June" opening a clause of its own ("39,000 in the first quarter and in April, 21,000").
# The punctuation is looked for once per figure; the connector only in the few characters
# before each time (looking from the figure on, for every time, costs the square of a long
# sentence's length).
_PUNCTUATION_BREAK = re.compile(r"[,;:()·|•]|\s[—–]\s")
_CONNECTOR_BREAK = re.compile(
    r"\s(?:and|y|but|pero|while|mientras)\s+"
    r"(?:(?:in|en|during|durante|between|entre|since|desde|from|de|for)\s+)?"
    r"(?:(?:the|el|la|los|las)\s+)?\Z",
    re.I,
)
_CONNECTOR_REACH = 60  # characters: the longest connector, with room for its spaces
# Words that turn a later time into the other side of a comparison: "9.683 menores, siete veces
# más que en los mismos meses de 2022" is not a count of 2022.
# ("Sumaron 6.950, muy por debajo de las cifras del año pasado", "4,900, well below 2021's")
_COMPARED_AHEAD = re.compile(
    r"(?i)\b(?:than|compared\s+(?:with|to)|versus|vs\.?|against|frente\s+a|respecto\s+a|"
    r"below|above|por\s+(?:debajo|encima)\s+de|"
    r"que\s+(?:en|el|la|los|las|durante|hace))\b"
)
# A relative clause, or an apposition ("Venezuelans, the leading group throughout 2022,").
_ASIDE = re.compile(
    r",\s*(?:who|which|whose|when|que|quienes|cuyos?|cuyas?|cuando|the|once)\b", re.I
)
# After a figure, an indefinite apposition describes its group, and a time inside it is not the
# figure's: "3,900 were Chinese, a nationality that barely appeared two years ago".
# ("un 4,4 % del total, una proporción impensable hace tres años")
_TRAILING_ASIDE = re.compile(_ASIDE.pattern + r"|,\s*(?:a|an|un|una)\s+[^\W\d]+\b", re.I)
# A clause the figure is not in: after a semicolon, or a contrast ("el 12 %, pero su número
# casi se ha duplicado este año").
# ("registrados, y los haitianos ocupaban el primer lugar durante varias semanas de enero": a
# clause with a subject of its own)
_CLAUSE_STOP = re.compile(
    r";|,\s*(?:but|pero|while|whilst|whereas|mientras|aunque|although|though|yet|however|"
    r"sin\s+embargo|si\s+bien|(?:and|y|e)\s+(?:the|los|las|el|la)\s+[^\W\d]+\s+(?!(?:in|en)\b)[^\W\d]+)\b",
    re.I,
)
# A figure that is the other side of a comparison: "down from about 70 percent", "frente a 104.000".
_COMPARED_FIGURE = re.compile(
    # ("more than 30,000 children crossed ... in the first four months" is a hedge, no comparison,
    # but an apposed one is: "Chinese migrants, fewer than 3,000 in the whole of 2022, topped")
    r"\b(?:from|(?<!more\s)(?<!less\s)(?<!fewer\s)than|(?<=,\s)(?:more|fewer|less)\s+than|"
    r"against|versus|vs\.?|compared\s+(?:with|to)|"
    r"frente\s+al?|respecto\s+al?|"
    r"comparado\s+con)\s+(?:[^\W\d]+\s+){0,2}[\d.,]*\d(?:\s*(?:%|percent|per\s+cent|por\s+ciento))?"
    r"\s*\Z",
    re.I,
)
# What a time's apposition says of it: "June, the last month of", "junio, último mes".
_APPOSED = re.compile(
    r",\s*(?:[^\W\d]+\s+){0,3}?(?:month|mes|week|semana|day|día)\b[^,;.\d]{0,15}", re.I
)


def attached_limit(text: str, end: int, limit: int) -> int:
    """Where the times attached to a figure ending at end may start: up to the first mark."""
    punctuation = _PUNCTUATION_BREAK.search(text, end, limit)
    return limit if punctuation is None else punctuation.start() + 1  # a time may start on it


def opens_clause(text: str, end: int, start: int) -> bool:
    """Whether the time at start, after a figure ending at end, opens a clause of its own."""
    return _CONNECTOR_BREAK.search(text, max(end, start - _CONNECTOR_REACH), start) is not None


def clause_end(text: str, end: int, limit: int) -> int:
    """Where the clause of a figure ending at end stops looking ahead for its time."""
    stop = _CLAUSE_STOP.search(text, end, limit)
    return limit if stop is None else stop.start()


def elsewhere(text: str, end: int, start: int) -> bool:
    """Whether a time at start, after a figure ending at end, belongs to something else: the
    other side of a comparison, or another group's relative clause ("28.000 eran venezolanas,
    y los haitianos, que dominaban en 2021")."""
    return bool(
        _COMPARED_AHEAD.search(text, end, start) or _TRAILING_ASIDE.search(text, end, start)
    )


def describes_earlier(text: str, mentions: list[PeriodMention], index: int, start: int) -> bool:
    """Whether the time at index sits in an apposition to the time just before it, closed
    before the figure at start: "In June, the last month of the quarter, 22,640 crossed"."""
    if index == 0:
        return False
    mention, earlier = mentions[index], mentions[index - 1]
    return (
        _APPOSED.fullmatch(text, earlier.end, mention.start) is not None
        and "," in text[mention.end : start]
    )


def compared_tail(text: str, mention: PeriodMention, floor: int, start: int) -> bool:
    """Whether a time closes the other side of a comparison made by the figure before (ending
    at floor), in a clause the figure at start does not share: after "58 percent of December's
    crossers, down from about 70 percent over the year as a whole, while Colombians (11
    percent)" the 11 percent is December's, not the year's."""
    return (
        _PUNCTUATION_BREAK.search(text, floor, mention.start) is None
        and _PUNCTUATION_BREAK.search(text, mention.end, start) is not None
        and _COMPARED_FIGURE.search(text, max(0, floor - 60), floor) is not None
    )


def in_aside(text: str, mention: PeriodMention, start: int, sentence_start: int) -> bool:
    """Whether a time expression sits in a relative clause that closes before the figure:
    "Los haitianos, que fueron mayoría en 2021, representaron el 5 %"."""
    # an aside never runs across a semicolon: "...de 2023, cuando...; entre 2021 y 2023, la"
    opening = max(sentence_start, text.rfind(";", sentence_start, mention.start))
    comma = text.rfind(",", opening, mention.start)
    return comma >= 0 and _ASIDE.match(text, comma) is not None and "," in text[mention.end : start]


_RELATIVE = re.compile(r",\s*(?:who|which|whose|que|quienes|cuy[oa]s?)\b", re.I)


def in_relative(text: str, sentence: tuple[int, int], start: int, end: int) -> bool:
    """Whether the number at text[start:end] sits in a relative clause closed before the end
    of its sentence: "Haitians, who had made up about 60 percent in 2021, fell to 9 percent"."""
    comma = text.rfind(",", sentence[0], start)
    return (
        comma >= 0
        and _RELATIVE.match(text, comma) is not None
        and text.find(",", end, sentence[1]) >= 0
    )


# A time named as the other side of a comparison: "un 49 % más que en enero y febrero de 2023".
_COMPARED_TIME = re.compile(
    r"\b(?:(?:than|(?:más|menos|mayor|menor|doble|triple|cuádruple|veces)\s+que|frente\s+a|"
    r"compared\s+(?:with|to))\s+(?:(?:in|en|el|la|los|las|the|during|durante|over)\s+)*|"
    # what was overtaken: "overtook the total for all of 2022", "superó la cifra de todo 2022"
    r"(?:overt[oa]ok|overtaken|surpass\w*|exceed\w*|super[óa]\w*|rebas\w+|sobrepas\w+)\s+"
    r"(?:[^\W\d]+\s+){0,5}|"
    # "has already passed the total for all of last year", "topped the 2022 figure": with a
    # total named, so that "passed through the jungle in 2022" stays that year's own
    r"(?:passed|topped|outstripped|outpaced|eclipsed|beat(?:en)?|igual[óa]\w*)\s+"
    r"(?:[^\W\d]+\s+){0,2}(?:total|figure|mark|count|tally|number|record|cifra|marca|"
    r"récord|total\s+de)\s+(?:[^\W\d]+\s+){0,3})\Z",
    re.I,
)
_WHEN = re.compile(r",\s*(?:when|cuando)\b", re.I)


def compared_time(text: str, start: int, end: int, figure: int) -> bool:
    """Whether the time at text[start:end] is what something is compared with, and the figure
    at figure is not that time's own count ("más del doble que en 2021, cuando fueron 133.726")."""
    return (
        _COMPARED_TIME.search(text, max(0, start - 30), start) is not None
        and _WHEN.search(text, end, figure) is None
    )


_CLOSES_COMPARED = re.compile(
    # ("more than 30,000 children crossed ... in the first four months" is a hedge, no comparison,
    # but an apposed one is: "Chinese migrants, fewer than 3,000 in the whole of 2022, topped")
    r"\b(?:from|(?<!more\s)(?<!less\s)(?<!fewer\s)than|(?<=,\s)(?:more|fewer|less)\s+than|"
    r"against|versus|vs\.?|compared\s+(?:with|to)|"
    r"frente\s+al?|respecto\s+al?|"
    r"comparado\s+con)\s+(?:[^\W\d]+\s+){0,2}[\d.,]*\d(?:\s*(?:%|percent|per\s+cent|por\s+ciento))?"
    r"\s+(?:[^\W\d]+\s+){0,2}\Z",
    re.I,
)


def closes_comparison(text: str, mention: PeriodMention, start: int) -> bool:
    """Whether a time closes the other side of a comparison ("down from about 70 percent over
    the year as a whole") in a clause that ends before the figure at start."""
    return (
        _CLOSES_COMPARED.search(text, max(0, mention.start - 80), mention.start) is not None
        and _PUNCTUATION_BREAK.search(text, mention.end, start) is not None
    )
