"""Shares written in words: "a quarter of", "one in five", "uno de cada cinco", "la mitad de"."""

from __future__ import annotations

import re
from bisect import bisect_left

from .numbers import NumberMention
from .patterns import word_start

_I = re.NOFLAG  # runs on lower-cased text
# Fractions named by a noun: "a fifth of", "un cuarto del", "la quinta parte de".
_FRACTIONS = {
    "half": 50,
    "third": 33.3,
    "quarter": 25,
    "fifth": 20,
    "tenth": 10,
    "mitad": 50,
    "tercio": 33.3,
    "cuarto": 25,
    "quinto": 20,
    "décimo": 10,
    "tercera parte": 33.3,
    "cuarta parte": 25,
    "quinta parte": 20,
    "décima parte": 10,
    "three quarters": 75,
    "three-quarters": 75,
    "tres cuartos": 75,
    "two thirds": 66.7,
    "two-thirds": 66.7,
    "dos tercios": 66.7,
    "dos terceras partes": 66.7,
    "tres cuartas partes": 75,
}
# Fractions of two words are never a number's tail: they stand without an article
# ("made up nearly two-thirds of", "cerca de dos terceras partes (66,1 %)").
_PLURAL = "|".join(k for k in _FRACTIONS if " " in k.replace("-", " ") and not k.endswith(" parte"))
_COUNTS = {
    **{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7},
    **{"eight": 8, "nine": 9, "ten": 10},
    **{"uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6},
    **{"siete": 7, "ocho": 8, "nueve": 9, "diez": 10},
}
_NOUN = "|".join(sorted((re.escape(k) for k in _FRACTIONS), key=len, reverse=True))
_COUNT = "|".join(_COUNTS) + r"|\d{1,2}"
# "18 out of every 100", "6 of 10": a whole of ten or a hundred makes a bare "of" a share
_HUNDREDS = {"hundred": 100, "cien": 100}
_WHOLE = _COUNT + r"|100|" + "|".join(_HUNDREDS)
# English "half" needs no article after a hedge: "more than half were", "almost half, followed by"
_BARE_HALF = r"(?:(?<=than\s)|(?<=nearly\s)|(?<=almost\s)|(?<=about\s)|(?<=roughly\s))(?=half)"
# "of"/"de" must follow a fraction ("a quarter of a million" is a number, read elsewhere, and
# "caen un tercio" is a change); "one in five" and "uno de cada cinco" stand alone.
_SHARE = re.compile(
    # "more than half were", "la mitad son": a share of the group just named
    # "accounted for roughly a quarter.": a share that ends its clause
    rf"\b(?:(?:a|one|un|una|la|el)\s+(?P<noun>{_NOUN})(?=\s+(?:of|de|del)\b)|"
    # "más de la mitad, el 51 %, eran", "la mitad, venezolanos" (a verb left out); "a la mitad"
    # is what a flow fell to
    # ("los venezolanos representan casi la mitad, seguidos de colombianos")
    rf"(?:(?:a|un|una|(?<!\ba\s)la)\s+|{_BARE_HALF})(?P<noun4>{_NOUN})(?=\s*[.;]|\s*,\s+(?:the|el|la|según|"
    r"according|and|y|but|pero|or|o|followed|seguid[oa]s)\b|\s*,\s+[^\W\d]+[ \t]*(?:[.;\n]|\Z))|"
    # "roughly a quarter were Haitians", "casi la mitad eran venezolanos"
    rf"(?:{_BARE_HALF}|(?:a|un|una|la)\s+)(?P<noun3>{_NOUN})"
    r"(?=\s+(?:were|are|was|is|son|eran|fueron|fue|es|era|correspond(?:ió|ieron|e|en|ía|ían))\b)|"
    rf"(?P<noun2>{_NOUN})(?=\s+(?:of|de|del)\s+(?:the|them|all|los|las|ellos|ellas|"
    r"todos|todas|quienes|those|these|this|that|este|esta|estos|estas|ese|esa|esos|esas|"
    r"everyone|everybody|dari[eé]n)\b)|"
    rf"(?P<noun5>{_PLURAL})(?=\s*[(.,;]|\s+(?:of|de|del|were|are|eran|son|fueron)\b)|"
    rf"(?P<part>{_COUNT})\s+(?:in(?:\s+every)?|of\s+every|out\s+of(?:\s+every)?|de\s+cada)\s+(?P<count>{_WHOLE})|"
    rf"(?P<part2>{_COUNT})\s+(?:of|de)\s+(?P<count2>10|100|ten|diez))\b",
    _I,
)
_CUES = (
    *("half", "third", "quarter", "fifth", "tenth", "mitad", "tercio", "cuart", "quint"),
    *("décim", "parte", " in ", " out of ", " of every", "de cada", " of 10", " de 10"),
    *(" of ten", " de diez"),
)


# Every share names a fraction or joins two counts ("one in five", "6 de cada 10", "6 of 10"):
# the full pattern only runs in stretches around such words, which a page has few of.
_STEMS: tuple[str, ...] = ("half", "third", "quarter", "fifth", "tenth", "mitad", "tercio")
_STEMS += ("cuart", "quint", "décim", "parte")
# (the word joining the counts, then the whole: it opens on a letter, which the engine skips to)
_JOINED = re.compile(
    word_start("in|of|out|de") + rf"\s+(?:every\s+|of\s+every\s+|of\s+|cada\s+)?(?:{_WHOLE})\b",
    _I,
)
# characters: a share opens a few words before its anchor and ends a few words after it; a
# stretch ends just past a stop, so that no look-ahead ("\Z", a word before a full stop) reads
# a cut-off word differently
_BEFORE, _AFTER = 30, 60
_STOP = re.compile(r"[.;\n]")


def _stretches(low: str) -> list[tuple[int, int]]:
    """Merged stretches of low around every fraction word and joined pair of counts."""
    anchors = [m.start() for m in _JOINED.finditer(low)]
    for stem in _STEMS:
        at = low.find(stem)
        while at >= 0:
            anchors.append(at)
            at = low.find(stem, at + 1)
    anchors.sort()
    stretches: list[tuple[int, int]] = []
    for at in anchors:
        stop = _STOP.search(low, at + _AFTER)
        start, end = max(0, at - _BEFORE), stop.end() if stop else len(low)
        if stretches and start <= stretches[-1][1]:
            stretches[-1] = (stretches[-1][0], end)
        else:
            stretches.append((start, end))
    return stretches


def find_shares(low: str) -> list[NumberMention]:
    """Every share written in words in lower-cased text, as a percentage."""
    if not any(cue in low for cue in _CUES):
        return []
    shares = []
    for match in (m for s, e in _stretches(low) for m in _SHARE.finditer(low, s, e)):
        noun = next(filter(None, match.group("noun", "noun2", "noun3", "noun4", "noun5")), None)
        if noun is not None:
            value: float = _FRACTIONS[noun]
        else:
            part = _count(match.group("part") or match.group("part2"))
            whole = _count(match.group("count") or match.group("count2"))
            if not 0 < part < whole:
                continue  # "2 in 2023" is no share
            value = round(100 * part / whole, 1)
        shares.append(NumberMention(match.start(), match.end(), value, True, False, False, True))
    return shares


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _COUNTS.get(word) or _HUNDREDS[word]


def merge(numbers: list[NumberMention], shares: list[NumberMention]) -> list[NumberMention]:
    """numbers and shares in text order; a share replaces the number words inside it ("one in
    five"), and a number that covers a share ("a quarter of a million") keeps its place.

    Both lists are in text order and numbers never overlap one another, so each share is placed
    among the numbers by bisection: a long page costs its length, not numbers times shares."""
    if not shares:
        return numbers
    starts = [n.start for n in numbers]
    kept = [s for s in shares if not _covered(numbers, starts, s)]
    replaced: set[int] = set()
    for share in kept:  # the numbers that start inside the share
        replaced.update(range(bisect_left(starts, share.start), bisect_left(starts, share.end)))
    merged = [n for i, n in enumerate(numbers) if i not in replaced] + kept
    merged.sort()
    return merged


def _covered(numbers: list[NumberMention], starts: list[int], share: NumberMention) -> bool:
    """Whether a number overlaps the share and reaches beyond its end: only the last number to
    start before the share ends can (numbers do not overlap)."""
    before = bisect_left(starts, share.end)
    return before > 0 and numbers[before - 1].end > share.end
