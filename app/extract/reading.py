"""Reading the context of one number: rejection cues, subject, qualifier and period."""

from __future__ import annotations

import re
from typing import NamedTuple

from . import cues
from .lexicon import Term, find_terms
from .numbers import NumberMention
from .patterns import word_start
from .records import EVERYONE, ExtractedFigure, Subject
from .subjects import find_subject_after, find_subject_before
from .timeline import Timeline

_WINDOW_BEFORE = 90
_WINDOW_AFTER = 50
_I = re.NOFLAG  # patterns run on lower-cased text
# A paragraph about crossings lets a bare number ("crossings reached 520,085.") count.
_CROSSING_TALK = re.compile(
    word_start(
        r"cross\w*|cruz\w*|cruce\w*|atraves\w*|transit\w*|tránsito|dari[eé]n|jungle|selva|"
        r"entered|entr(?:y|ies|adas?)|ingres\w*|flujo|flow|migra\w*|figure|cifra|total\w*|tally|"
        r"record\w*|registr\w*|counted|contabiliz\w*|llegad\w*|arrivals?|irregular\w*"
    )
    + r"\b",
    _I,
)
# Words that may follow a bare number that is still a count of people.
_BARE_FOLLOWER = re.compile(
    r"[ \t]*\n|\s*(?:[.,;:()\]\"”»—–]|\Z|(?:in|en|during|durante|this|last|so|el|la|los|las|the|from|"
    r"between|entre|through|until|hasta|according|según|compared|frente|comparado|con|with|while|"
    r"mientras|and|y|a|al|del|de|of|or|for|para|that|que|which|who|lo|crossed|cruzaron|entered|"
    r"ingresaron|transited|transitaron|atravesaron|pasaron|registered|recorded|counted|reported|"
    r"registrad\w*|contabilizad\w*|se|han|have|had|were|was|is|fue|es|desde|since|as|como|by|"
    r"por|made|hicieron|did)\b)",
    _I,
)
_CLAUSE_END = re.compile(r"[,;:()]|\s[—–]\s")
_CONNECTOR = re.compile(
    word_start(r"(?:and|y|while|mientras|but|pero|whereas|whilst)\b", also=(",", ";")), _I
)
_LINKED = re.compile(
    r"\A[^.;]{0,40}?\b(?:and|y|including|incluidos|incluyendo|among\s+them|entre\s+ellos|"
    r"of\s+(?:those|them|whom)|de\s+(?:ellos|ellas|estos|los\s+cuales|las\s+cuales)|another|"
    r"otros|otras)\b|\A\s*,\s*\Z",
    _I,
)
_OWN_CROSSING = re.compile(
    word_start(r"cross\w*|cruz\w*|atraves\w*|transit\w*|entered|ingres\w*"), _I
)
# "113,180 minors, or about 22%": a share restating the count before it.
_APPOSITION = re.compile(
    r"\A\s*(?:[,(—–]|\bthat\s+is|\bes\s+decir)\s*(?:(?:or|o|that\s+is|es\s+decir|equivalent\s+to|"
    r"equivalente\s+al?|el|la|about|some|roughly|nearly|around|almost|casi|cerca\s+de|"
    r"alrededor\s+de|un|una)\s*,?\s+)*\Z"
    # "150,300 of them (71.2%)": a share in brackets right after the count
    r"|\A(?:\s*[^\W\d]+){0,3}\s*\(\s*\Z"
    # "a quarter of the total, or 97,500": a count restating the share before it
    r"|\A\s*(?:of|de|del)\s+(?:the\s+|all\s+)?(?:total|them|ellos|ellas)\s*,\s*"
    r"(?:or|o|es\s+decir|that\s+is)\s+\Z",
    _I,
)
_BRACKETED_SHARE = re.compile(r"\s*\(\s*", _I)
# A clause saying when something else happened sits between a time and its count; what it
# talks about (expulsions, a policy) does not describe the count.
_TIME_ASIDE = re.compile(r",\s*(?:when|cuando)\b[^,;]{0,100},", _I)
_PRONOUN_OPENER = re.compile(
    r"\s*(?:they|these|those|ellos|ellas|estos|estas|representan|representaron|representaban|"
    r"constituyen|constituyeron|suponen|supusieron|equivalen|equivalían)\b",
    _I,
)
_FRESH_CLAUSE = re.compile(
    r",\s*(?:when|cuando)\b|\b(?:the\s+(?:figure|total|number)|la\s+cifra|el\s+(?:total|número))\b",
    _I,
)
_OF_THEM = re.compile(r"\s+(?:of\s+them|of\s+whom|de\s+ell[oa]s)\b", _I)
_ANY = re.compile(r"", _I)
# "25,565 Chinese ..., eleven times the 2,005 recorded in 2022": the comparison keeps the subject.
_COMPARISON = re.compile(
    word_start(r"times|veces|than|que|compared|frente|up\s+from|down\s+from") + r"\b", _I
)
# "about 20,300 girls and 20,900 boys": the hedge covers both.
_COORDINATION = re.compile(r"\A\s*[^\W\d]+\s+(?:and|y)\s+\Z", _I)


class Outcome(NamedTuple):
    number: NumberMention
    figure: ExtractedFigure | None
    rejected_by_context: bool


class SentenceTerms:
    """The subject terms of a sentence, found only once a number there needs them: numbers
    rejected by their context (units, labels, distractors) never do."""

    __slots__ = ("_low", "_sentence", "_terms")

    def __init__(self, low: str, sentence: tuple[int, int]) -> None:
        self._low, self._sentence = low, sentence
        self._terms: list[Term] | None = None

    def get(self) -> list[Term]:
        if self._terms is None:
            self._terms = find_terms(self._low, *self._sentence)
        return self._terms


def _is_specific(subject: Subject | None) -> bool:
    # "is not" first: most subjects are EVERYONE itself, and dataclass equality is slow
    return subject is not None and subject is not EVERYONE and subject != EVERYONE


class Reader:
    """Reads the context of one number; a short-lived helper for extract_figures."""

    __slots__ = (
        "carried",
        "ceiling",
        "corrections",
        "floor",
        "number",
        "original",
        "previous",
        "sentence",
        "terms",
        "text",
    )

    def __init__(
        self,
        original: str,
        text: str,
        terms: SentenceTerms,
        corrections: bool,
        numbers: list[NumberMention],
        index: int,
        sentence: tuple[int, int],
        previous: Outcome | None,
    ) -> None:
        self.original = original
        self.text = text  # lower-cased, same offsets
        self.terms = terms
        self.corrections = corrections
        self.number = numbers[index]
        self.sentence = sentence
        self.previous = previous
        following = numbers[index + 1] if index + 1 < len(numbers) else None
        if following is not None and _BRACKETED_SHARE.fullmatch(
            text, self.number.end, following.start
        ):
            # "112,000 (64.2%) were Venezuelans": the count reads past its bracketed share
            following = numbers[index + 2] if index + 2 < len(numbers) else None
        self.floor = previous.number.end if previous else sentence[0]
        self.carried: Subject | None = None  # the subject the sentence before ended on
        self.ceiling = (
            following.start if following and following.end <= sentence[1] else sentence[1]
        )

    def read(self, timeline: Timeline) -> Outcome:
        text, number = self.text, self.number
        if (
            cues.has_unit_after(text, number.end)
            or cues.has_label_before(text, self.floor, number.start)
            or cues.is_superseded(
                text, self.sentence[0], number.start, number.end, self.corrections
            )
        ):
            return Outcome(number, None, rejected_by_context=False)
        after_window = self._after_window()
        if cues.has_other_context(text, self._before_window(), after_window):
            return Outcome(number, None, rejected_by_context=True)
        after = find_subject_after(
            text, self.terms.get(), number.end, self._after_limit(), number.percent
        )
        if self._continues_rejected(after, after_window[1]):
            return Outcome(number, None, rejected_by_context=True)
        subject = self._subject(after, timeline)
        if subject is None:
            return Outcome(number, None, rejected_by_context=False)
        return Outcome(number, self._figure(subject, timeline), rejected_by_context=False)

    def _after_limit(self) -> int:
        return min(self.ceiling, self.number.end + 80)

    def _before_window(self) -> tuple[int, int]:
        start = max(self.sentence[0], self.number.start - _WINDOW_BEFORE)
        if self.previous is not None and self.previous.number.end > start:
            start = self.previous.number.end
            for match in _CONNECTOR.finditer(self.text, start, self.number.start):
                start = match.end()
        for match in _TIME_ASIDE.finditer(self.text, start, self.number.start):
            start = match.end()  # "Since October, when the US began expelling them, 61,000"
        return start, self.number.start

    def _after_window(self) -> tuple[int, int]:
        limit = min(self.ceiling, self.number.end + _WINDOW_AFTER)
        stop = _CLAUSE_END.search(self.text, self.number.end, limit)
        return self.number.end, stop.start() if stop else limit

    def _gap(self) -> str:
        return self.text[self.floor : self.number.start]

    def _continues_rejected(self, after: Subject | None, window_end: int) -> bool:
        """A number listed after a rejected one, without a crossing verb of its own, shares its
        fate: "flights carried 1,200 Venezuelans and 800 Colombians"."""
        if self.previous is None or not self.previous.rejected_by_context:
            return False
        if _OWN_CROSSING.search(self.text, self.number.end, window_end):
            return False
        if _FRESH_CLAUSE.search(self._gap()):
            return False  # "18 % menos que el mes anterior, cuando la cifra fue de 25.600"
        return after is None or _LINKED.search(self._gap()) is not None

    def _subject(self, after: Subject | None, timeline: Timeline) -> Subject | None:
        text, number = self.text, self.number
        before = find_subject_before(
            text, self.terms.get(), max(self.floor, number.start - 80), number.start
        )
        specific = after if _is_specific(after) else before if _is_specific(before) else None
        if number.percent:
            if _OF_THEM.match(text, number.end) and self._previous_subject(_ANY) is not None:
                return None  # "40,000 children, a fifth of them under 5": a share of a group
            return specific or self._previous_subject(_APPOSITION) or self._pronoun_subject()
        if after is not None:
            return specific or EVERYONE
        if not _BARE_FOLLOWER.match(text, number.end) or number.value < 100:
            return None  # "30 shelters", "12 buses": a count of something else
        if before is None and not _CROSSING_TALK.search(text, *timeline.paragraph_of(number.start)):
            return None
        restated = self._previous_subject(_COMPARISON) or self._previous_subject(_APPOSITION)
        return specific or restated or EVERYONE

    def _pronoun_subject(self) -> Subject | None:
        """ "More than 150,000 Venezuelans crossed. They make up 72% of ...": a sentence whose
        subject is a pronoun, or a verb alone in Spanish, speaks of the group named before."""
        if self.carried is None or not _PRONOUN_OPENER.match(self.text, self.sentence[0]):
            return None
        return self.carried

    def _previous_subject(self, link: re.Pattern[str]) -> Subject | None:
        figure = self.previous.figure if self.previous else None
        if figure is None or figure.subject == EVERYONE or not link.search(self._gap()):
            return None
        return figure.subject

    def _qualifier(self) -> str:
        number = self.number
        qualifier = cues.read_qualifier(
            self.text, self.floor, number.start, number.end, number.rounded
        )
        figure = self.previous.figure if self.previous else None
        if qualifier == "exact" and figure is not None and _COORDINATION.match(self._gap()):
            return figure.qualifier
        return qualifier

    def _figure(self, subject: Subject, timeline: Timeline) -> ExtractedFigure:
        number = self.number
        value: int | float = number.value if number.percent else round(number.value)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        start, end = self.sentence
        return ExtractedFigure(
            quote=self.original[start:end],
            start=start,
            end=end,
            value=value,
            unit="percent" if number.percent else "people",
            qualifier=self._qualifier(),
            period=timeline.period_for(
                number.start, number.end, (self.floor, self.ceiling), self.sentence
            ),
            subject=subject,
        )
