"""Where the windows read around a number start and stop: the clause ends after it, the asides
it reads past, and the clauses before it (a contrast, a "when" aside) whose words do not
describe it."""

from __future__ import annotations

import re

from .patterns import word_start

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
