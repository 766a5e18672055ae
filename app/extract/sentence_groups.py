"""The group a whole sentence is about: the one it opens on (for a sentence after it that goes on
with a pronoun), the one a question asks about (for its answer), and the one a share's own verb
gives its share to."""

from __future__ import annotations

import re

from . import links
from .lexicon import find_terms
from .records import EVERYONE, Subject

_OPENING_REACH = 40  # characters: a sentence's group is named in its first few words


# The words that may open a sentence before the group it is about: "Venezuelans have led".
# A time may come first: "In 2023 Venezuelans were the largest group".
_OPENING = re.compile(
    r"\s*(?:(?:in|en|during|durante|between|entre)\s+[^\W_][\w -]{0,30}?,?\s+)?"
    r"(?:(?:the|los|las|el|la)\s+)?"
)


def opening_subject(text: str, before: tuple[int, int], start: int) -> Subject | None:
    """The group the sentence before start opens on, for one that continues it with a pronoun:
    "Venezuelans have led the flow since 2022. They made up about 70 percent". Only looked for
    when the sentence at start opens on a pronoun or a bare verb."""
    if not links.PRONOUN_OPENER.match(text, start):
        return None
    terms = find_terms(text, before[0], min(before[1], before[0] + _OPENING_REACH))
    if not terms or not _OPENING.fullmatch(text, before[0], terms[0].start):
        return None
    subject = terms[0].subject
    return subject if subject != EVERYONE else None


def asked_subject(text: str, question: tuple[int, int]) -> Subject | None:
    """The group a question asks about, for the answer after it: "Are many of them children?
    Yes, roughly one in five." """
    for term in find_terms(text, *question):
        if term.subject != EVERYONE:
            return term.subject
    return None


# The verb that gives a share to a group named earlier in its sentence: "Los venezolanos fueron
# la nacionalidad más numerosa por primera vez y representaron el 41 %".
_SHARE_VERB = re.compile(
    r"\b(?:represent\w*|accounted\s+for|account\s+for|accounting\s+for|made\s+up|make\s+up|"
    r"making\s+up|constitu\w+|"
    r"supon\w+|supusieron)\s+(?:(?:el|la|un|una|about|some|roughly|nearly|around|almost|casi|"
    r"cerca\s+del?|alrededor\s+del?|más\s+del?|menos\s+del?)\s+)*\Z"
)


def sentence_group(text: str, sentence: tuple[int, int], start: int) -> Subject | None:
    """The group a sentence opens on, for a share its own verb gives to it: "Los venezolanos
    fueron la nacionalidad más numerosa por primera vez en el año y representaron el 41 %"."""
    if _SHARE_VERB.search(text, max(sentence[0], start - 40), start) is None:
        return None
    terms = find_terms(text, sentence[0], min(start, sentence[0] + _OPENING_REACH))
    if not terms or not _OPENING.fullmatch(text, sentence[0], terms[0].start):
        return None
    return terms[0].subject if terms[0].subject != EVERYONE else None
