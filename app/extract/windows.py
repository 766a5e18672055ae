"""Where the windows read around a number start and stop: the clause ends after it, the asides
it reads past, and the clauses before it (a contrast, a "when" aside) whose words do not
describe it."""

from __future__ import annotations

import re

from .calendar_terms import ENGLISH_MONTHS, SPANISH_MONTHS
from .numbers import NumberMention
from .patterns import word_start
from .records import ExtractedFigure

_I = re.NOFLAG  # patterns run on lower-cased text

# What ends the clause after a number: a mark, or a clause of its own after "as" or "while"
# ("390,000 in nine months as arrests at US border climb" says nothing of the 390,000).
# (not when the same people go on: "3,000 migrants stayed in Necoclí while waiting for boats",
# "as they waited")
# (the branches after a space share it: the engine tries them only there)
CLAUSE_END = re.compile(
    r"[,;:()]|\s(?:[—–]\s|(?:as|while|whereas|mientras\s+que)\s"
    r"(?!(?:of|part|well|many|much|a|an|per|result|usual|such|if|though|high|low|they|we|he|"
    r"she|it|[^\W\d]+ing)\b))"
)
# An aside on who the people were, after which the clause goes on about them: "More than 7,000
# people, most of them Venezuelans, have travelled south", or on a part of them, numbers and
# all: "as many as 800,000 people, including 160,000 children, could cross".
GROUP_ASIDE = re.compile(
    r",\s*(?:most|many|some|nearly\s+all|almost\s+all|all|en\s+su\s+mayoría|la\s+mayoría|"
    r"muchos|muchas|casi\s+todos|casi\s+todas|including|incluidos|incluidas|incluyendo|"
    r"among\s+them|entre\s+ell[oa]s)\b(?:[^,;.()]|(?<=\d)[.,](?=\d)){0,50},(?!\d)",
    _I,
)
# The same aside seen from the count inside it, whose clause goes on after the aside closes:
# "up to 800,000 people, including 160,000 children, could cross".
IN_PART_ASIDE = re.compile(
    r",\s*(?:including|incluidos|incluidas|incluyendo|among\s+them|entre\s+ell[oa]s)\s+"
    r"(?:[^\W\d]+\s+){0,3}\Z",
    _I,
)


def past_aside(text: str, stop: int, number: tuple[int, int], end: int) -> int | None:
    """Where the clause of a number (its floor and start) goes on past an aside that opens at
    stop ("7,000 people, most of them Venezuelans, have") or that closes there on the number
    ("including 160,000 children, could"); None when no aside does."""
    aside = GROUP_ASIDE.match(text, stop, end)
    if aside:
        return aside.end()
    floor, start = number
    if text[stop] == "," and IN_PART_ASIDE.search(text, max(floor, start - 40), start):
        return stop + 1
    return None


# A contrast opens a clause of its own, which what the clause before said does not describe.
# So does a concession closed by a comma: "Despite the deaths, 30,000 people crossed".
CONTRAST = re.compile(
    word_start(r"despite|in\s+spite\s+of|pese\s+a|a\s+pesar\s+de")
    + r"\b[^,;.]{0,60},|,\s*(?:but|pero|yet|whereas|sin\s+embargo)\b",
    _I,
)
# A clause saying when something else happened sits between a time and its count; what it
# talks about (expulsions, a policy) does not describe the count.
TIME_ASIDE = re.compile(r",\s*(?:when|cuando)\b[^,;]{0,100},", _I)


_WINDOW_AFTER = 50  # how far after a number the words that may describe it are read

# Two numbers joined as a pair or a range share the words after the second, which describe the
# first as well: "Los picos de 3.000 y 4.000 llegadas diarias", "between 2,000 and 3,000 a day".
PAIR_JOIN = re.compile(r"\s*(?:and|or|to|y|o|a|[-–])\s*")


def pair_with(text: str, end: int, following: list[NumberMention]) -> tuple[int, int] | None:
    """Where the second of a pair ends and the next number starts (-1 for none), when the
    number ending at end opens a pair with the one after it; None when it does not."""
    if not following or not PAIR_JOIN.fullmatch(text, end, following[0].start):
        return None
    return following[0].end, following[1].start if len(following) > 1 else -1


def after_window(
    text: str,
    number: tuple[int, int, int],
    sentence_end: int,
    ceiling: int,
    pair: tuple[int, int] | None,
) -> tuple[int, int]:
    """The clause after a number (its floor, start and end), up to the next number or past
    the second of a pair, whose words may say it counts something other than crossings."""
    floor, start, end = number
    read_from = end
    if pair is not None and pair[0] <= sentence_end:  # read past "y 4.000" to "llegadas diarias"
        read_from = pair[0]
        ceiling = pair[1] if 0 <= pair[1] <= sentence_end else sentence_end
    limit = min(ceiling, read_from + _WINDOW_AFTER)
    stop = CLAUSE_END.search(text, read_from, limit)
    resume = stop and past_aside(text, stop.start(), (floor, start), sentence_end)
    if resume:  # read on past "most of them Venezuelans," to what the people did
        # (past a count inside it too: "800,000 people, including 160,000 children, could")
        ceiling = ceiling if resume <= ceiling else sentence_end
        limit = min(ceiling, resume + _WINDOW_AFTER)
        stop = CLAUSE_END.search(text, resume, limit)
    return end, stop.start() if stop else limit


# A small count set against the one before it in a clause of its own time, hedged as a low one:
# "31.055 personas; en julio de este año, apenas 9", "40,000 in May; in July, just 12" (and
# a count of the same group: "2,005 Chinese crossers, and over 2010-2021 it recorded just 376")
SMALL_CONTRAST = re.compile(
    r"[;,]\s*(?:(?:and|but|while|y|pero|mientras\s+que)\s+)?(?:in|en|over|durante)\s[^;.]{0,70}?,?\s*"
    r"(?:apenas|solo|sólo|only|just|barely)\s*\Z",
    _I,
)


# A month's count named as such: "April's count of 73", "la cifra de abril fue de 46".
_MONTHS = "|".join(ENGLISH_MONTHS)
_MESES = "|".join(SPANISH_MONTHS)
MONTH_COUNT = re.compile(
    rf"\b(?:(?:{_MONTHS})['’]s\s+(?:count|tally|total|figure)\s+(?:of|was|stood\s+at)|"
    rf"(?:la\s+cifra|el\s+(?:total|conteo))\s+de\s+(?:{_MESES})\s+(?:fue\s+de|llegó\s+a))"
    r"\s+(?:(?:just|only|apenas|solo)\s+)?\Z"
)


def small_count_stated(text: str, previous: ExtractedFigure | None, floor: int, start: int) -> bool:
    """Whether a small bare count (under 100, which prose uses for much else: "30 shelters") is
    set against the count of people just before it, so that it counts them too, or is named as
    a month's count."""
    if MONTH_COUNT.search(text, max(floor, start - 60), start) is not None:
        return True
    return (
        previous is not None
        and previous.unit == "people"
        and SMALL_CONTRAST.search(text, floor, start) is not None
    )
