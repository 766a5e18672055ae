"""extract_figures: finds the Darién crossing figures a text states, with their context."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date

from . import cues
from .lexicon import Term, find_terms
from .numbers import NumberMention, find_numbers
from .period_scan import find_periods
from .records import TOTAL, ExtractedFigure, Subject
from .sentences import split_sentences
from .subjects import find_subject_after, find_subject_before
from .timeline import Timeline

_WINDOW_BEFORE = 90
_WINDOW_AFTER = 50
_I = re.NOFLAG  # patterns run on lower-cased text
# A paragraph about crossings lets a bare number ("crossings reached 520,085.") count.
_CROSSING_TALK = re.compile(
    r"\b(?:cross\w*|cruz\w*|cruce\w*|atraves\w*|transit\w*|tránsito|dari[eé]n|jungle|selva|"
    r"entered|entr(?:y|ies|adas?)|ingres\w*|flujo|flow|migra\w*|figure|cifra|total\w*|tally|"
    r"record\w*|registr\w*|counted|contabiliz\w*|llegad\w*|arrivals?|irregular\w*)\b",
    _I,
)
# Words that may follow a bare number that is still a count of people.
_BARE_FOLLOWER = re.compile(
    r"\s*(?:[.,;:)\]\"”»—–]|\Z|(?:in|en|during|durante|this|last|so|el|la|los|las|the|from|"
    r"between|entre|through|until|hasta|according|según|compared|frente|comparado|con|with|while|"
    r"mientras|and|y|a|al|del|de|of|or|for|para|that|que|which|who|lo|crossed|cruzaron|entered|"
    r"ingresaron|transited|transitaron|atravesaron|pasaron|registered|recorded|counted|reported|"
    r"registrad\w*|contabilizad\w*|se|han|have|had|were|was|is|fue|es|desde|since|as|como|by|"
    r"por|made|hicieron|did)\b)",
    _I,
)
_CLAUSE_END = re.compile(r"[,;:()]|\s[—–]\s")
_CONNECTOR = re.compile(r",|;|\b(?:and|y|while|mientras|but|pero|whereas|whilst)\b", _I)
_LINKED = re.compile(
    r"\A[^.;]{0,40}?\b(?:and|y|including|incluidos|incluyendo|among\s+them|entre\s+ellos|"
    r"of\s+(?:those|them|whom)|de\s+(?:ellos|ellas|estos|los\s+cuales|las\s+cuales)|another|"
    r"otros|otras)\b|\A\s*,\s*\Z",
    _I,
)
_OWN_CROSSING = re.compile(r"\b(?:cross\w*|cruz\w*|atraves\w*|transit\w*|entered|ingres\w*)", _I)
# "113,180 minors, or about 22%": a share restating the count before it.
_APPOSITION = re.compile(
    r"\A\s*(?:[,(—–]|\bthat\s+is|\bes\s+decir)\s*(?:(?:or|o|that\s+is|es\s+decir|equivalent\s+to|"
    r"equivalente\s+al?|el|la|about|some|roughly|nearly|around|almost|casi|cerca\s+de|"
    r"alrededor\s+de|un|una)\s*,?\s+)*\Z",
    _I,
)
# "25,565 Chinese ..., eleven times the 2,005 recorded in 2022": the comparison keeps the subject.
_COMPARISON = re.compile(r"\b(?:times|veces|than|que|compared|frente|up\s+from|down\s+from)\b", _I)
# "about 20,300 girls and 20,900 boys": the hedge covers both.
_COORDINATION = re.compile(r"\A\s*[^\W\d]+(?:\s+[^\W\d]+)?\s+(?:and|y)\s+\Z", _I)


@dataclass(frozen=True, slots=True)
class _Outcome:
    number: NumberMention
    figure: ExtractedFigure | None
    rejected_by_context: bool


def extract_figures(
    text: str, published: date | None = None, language: str | None = None
) -> list[ExtractedFigure]:
    """Every figure text states about Darién crossings, in text order."""
    # Every lexicon is bilingual (a Spanish quote may sit inside an English story), so the
    # language changes nothing and is not even detected here; detect_language is for callers.
    del language
    low = cues.lowered(text)
    sentences = split_sentences(text)
    timeline = Timeline(text, find_periods(text, low), sentences, published)
    numbers = [n for n in find_numbers(text, low) if _is_candidate(n, timeline)]
    sentence_starts = [s for s, _ in sentences]
    figures: list[ExtractedFigure] = []
    previous: _Outcome | None = None
    terms: list[Term] = []
    corrections = cues.mentions_correction(low)
    for index, number in enumerate(numbers):
        sentence = sentences[max(0, bisect_right(sentence_starts, number.start) - 1)]
        if previous is None or previous.number.start < sentence[0]:
            previous = None
            terms = find_terms(low, *sentence)  # once per sentence, shared by its numbers
        reader = _Reader(text, low, terms, corrections, numbers, index, sentence, previous)
        previous = reader.read(timeline)
        if previous.figure is not None:
            figures.append(previous.figure)
            timeline.record(number.start, previous.figure.period)
    return figures


def _is_candidate(number: NumberMention, timeline: Timeline) -> bool:
    if number.is_year or number.value <= 0:
        return False
    if number.percent:
        return number.value <= 100
    if number.value != int(number.value) or (number.spelled and number.value < 20):
        return False
    inside = timeline.indices_between(number.start - 40, number.end)
    return not any(
        timeline.mentions[i].start < number.end and timeline.mentions[i].end > number.start
        for i in inside
    )


class _Reader:
    """Reads the context of one number; a short-lived helper for extract_figures."""

    def __init__(
        self,
        original: str,
        text: str,
        terms: list[Term],
        corrections: bool,
        numbers: list[NumberMention],
        index: int,
        sentence: tuple[int, int],
        previous: _Outcome | None,
    ) -> None:
        self.original = original
        self.text = text  # lower-cased, same offsets
        self.terms = terms
        self.corrections = corrections
        self.number = numbers[index]
        self.sentence = sentence
        self.previous = previous
        following = numbers[index + 1] if index + 1 < len(numbers) else None
        self.floor = previous.number.end if previous else sentence[0]
        self.ceiling = (
            following.start if following and following.end <= sentence[1] else sentence[1]
        )

    def read(self, timeline: Timeline) -> _Outcome:
        text, number = self.text, self.number
        if (
            cues.has_unit_after(text, number.end)
            or cues.has_label_before(text, self.floor, number.start)
            or cues.is_superseded(
                text, self.sentence[0], number.start, number.end, self.corrections
            )
        ):
            return _Outcome(number, None, rejected_by_context=False)
        if cues.has_other_context(text, self._before_window(), self._after_window()):
            return _Outcome(number, None, rejected_by_context=True)
        after = find_subject_after(
            text, self.terms, number.end, self._after_limit(), number.percent
        )
        if self._continues_rejected(after):
            return _Outcome(number, None, rejected_by_context=True)
        subject = self._subject(after, timeline)
        if subject is None:
            return _Outcome(number, None, rejected_by_context=False)
        return _Outcome(number, self._figure(subject, timeline), rejected_by_context=False)

    def _after_limit(self) -> int:
        return min(self.ceiling, self.number.end + 80)

    def _before_window(self) -> tuple[int, int]:
        start = max(self.sentence[0], self.number.start - _WINDOW_BEFORE)
        if self.previous is not None and self.previous.number.end > start:
            start = self.previous.number.end
            for match in _CONNECTOR.finditer(self.text, start, self.number.start):
                start = match.end()
        return start, self.number.start

    def _after_window(self) -> tuple[int, int]:
        limit = min(self.ceiling, self.number.end + _WINDOW_AFTER)
        stop = _CLAUSE_END.search(self.text, self.number.end, limit)
        return self.number.end, stop.start() if stop else limit

    def _gap(self) -> str:
        return self.text[self.floor : self.number.start]

    def _continues_rejected(self, after: Subject | None) -> bool:
        """A number listed after a rejected one, without a crossing verb of its own, shares its
        fate: "flights carried 1,200 Venezuelans and 800 Colombians"."""
        if self.previous is None or not self.previous.rejected_by_context:
            return False
        if _OWN_CROSSING.search(self.text, self.number.end, self._after_window()[1]):
            return False
        return after is None or _LINKED.search(self._gap()) is not None

    def _subject(self, after: Subject | None, timeline: Timeline) -> Subject | None:
        text, number = self.text, self.number
        before = find_subject_before(
            text, self.terms, max(self.floor, number.start - 80), number.start
        )
        specific = next((s for s in (after, before) if s is not None and s != TOTAL), None)
        if number.percent:
            return specific or self._previous_subject(_APPOSITION)
        if after is not None:
            return specific or TOTAL
        if not _BARE_FOLLOWER.match(text, number.end) or number.value < 100:
            return None  # "30 shelters", "12 buses": a count of something else
        if before is None and not _CROSSING_TALK.search(text, *timeline.paragraph_of(number.start)):
            return None
        return specific or self._previous_subject(_COMPARISON) or TOTAL

    def _previous_subject(self, link: re.Pattern[str]) -> Subject | None:
        figure = self.previous.figure if self.previous else None
        if figure is None or figure.subject == TOTAL or not link.search(self._gap()):
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
