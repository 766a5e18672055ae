"""Numbers a text does not state as fact: asked about, denied, or quoted from a claim."""

from __future__ import annotations

import re

from .patterns import word_start

_I = re.NOFLAG  # patterns run on lower-cased text
# A number the text asks about, denies or reports as someone's claim is not a figure it states:
# "¿Cruzaron 800.000 migrantes?", "a million people did not cross", "a post says "ONE MILLION".
# A question why or how many took place takes the number as given ("Why did half a million
# people walk through a jungle?"); one whether it did, does not.
_WH = r"(?:why|how|what|when|where|who|which|por\s+qué|cómo|qué|cuándo|dónde|quién|cuál)\b"
_ASKED = re.compile(rf"¿(?!\s*{_WH})[^?.!]*\Z", _I)
# Read at most 200 characters on: a sentence with thousands of numbers and no end would
# otherwise be read to its end once per number.
_ASKED_AFTER = re.compile(r"[^.!?;\n]{0,200}\?", _I)
_WH_OPENER = re.compile(rf"[\s\"“«¿]*{_WH}", _I)
# (with the verbs for the trek too: "No, 1 million Chinese migrants did not walk through the
# Darién", "no caminaron")
_DENIED = re.compile(
    r"(?:\s+[^\W\d]+){0,2}\s+(?:did\s+not|didn['’]t|never|no|nunca)\s+"
    r"(?:cross|walk|trek|make|pass|enter|cruz|atraves|camin|recorr|pasar|ingres|entrar)",
    _I,
)
_CLAIMED = re.compile(
    word_start(r"posts?|publicaci\w+|mensajes?|imagen|video|tweets?|tuits?|memes?|claims?")
    + r"\b[^.;]{0,40}\b(?:says|said|claims|claimed|asegura\w*|afirma\w*|dice|decía)\b"
    r"(?:\s+que)?\s*[\"“«]?\s*(?:[^\W\d]+\s+){0,2}\Z",
    _I,
)

# The verbs _CLAIMED needs, looked for first (most numbers have none before them).
_CLAIM_VERBS = ("says", "said", "claim", "asegura", "afirma", "dice", "decía")

# A line of links to other stories: their headlines' numbers are those stories' figures.
_LINK_LINE = re.compile(
    r"[ \t]*(?:read\s+more|also\s+read|see\s+also|related|lea\s+también|lee\s+también|"
    r"te\s+puede\s+interesar|le\s+puede\s+interesar|noticias\s+relacionadas|ver\s+también)\b",
    _I,
)


def in_link_line(text: str, start: int) -> bool:
    """ "Lea también: EE.UU. suma 2,1 millones de detenciones": a number in a link's line."""
    return _LINK_LINE.match(text, _line_start(text, start), start) is not None


# The last line start found and the text it was found in: numbers are read in text order, so
# the next one's line start is found by looking on from the last number, not back to the line's
# start (a page of one 100 KB line would cost each of its numbers a walk back over it). One
# tuple, read and replaced whole, so that texts read at the same time never mix their entries.
_last_line: tuple[str, int, int] = ("", 0, 0)  # text, position, line start


def _line_start(text: str, start: int) -> int:
    global _last_line
    last_text, position, line_start = _last_line
    if last_text is text and position <= start:
        newline = text.rfind("\n", position, start)
        found = newline + 1 if newline >= 0 else line_start
    else:
        found = text.rfind("\n", 0, start) + 1
    _last_line = (text, start, found)
    return found


def is_unstated(text: str, sentence: tuple[int, int], start: int, end: int) -> bool:
    """True when the number is asked about, denied, quoted from a claim being checked or
    in a link to another story."""
    before = text[max(sentence[0], start - 100) : start]
    # (a look for the question marks first: neither pattern can match without one, and most
    # numbers have none near)
    return bool(
        in_link_line(text, start)
        or ("¿" in before and _ASKED.search(before))
        or (
            text.find("?", end, min(sentence[1], end + 201)) >= 0
            and _ASKED_AFTER.match(text, end, sentence[1]) is not None
            and _WH_OPENER.match(text, sentence[0]) is None
        )
        or _DENIED.match(text, end, sentence[1])
        or (any(verb in before for verb in _CLAIM_VERBS) and _CLAIMED.search(before))
    )
