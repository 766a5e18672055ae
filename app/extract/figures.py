"""extract_figures: finds the Darién crossing figures a text states, with their context."""

from __future__ import annotations

from bisect import bisect_right
from datetime import date

from . import cues
from .numbers import VOCABULARY as NUMBER_WORDS
from .numbers import NumberMention, find_numbers
from .patterns import WordScanner, folded
from .period_scan import VOCABULARY as PERIOD_WORDS
from .period_scan import find_periods
from .reading import Outcome, Reader, SentenceTerms
from .records import ExtractedFigure
from .sentences import split_sentences
from .timeline import Timeline

_SCANNER = WordScanner(NUMBER_WORDS | PERIOD_WORDS)


def extract_figures(
    text: str, published: date | None = None, language: str | None = None
) -> list[ExtractedFigure]:
    """Every figure text states about Darién crossings, in text order."""
    # Every lexicon is bilingual (a Spanish quote may sit inside an English story), so the
    # language changes nothing and is not even detected here; detect_language is for callers.
    del language
    low = cues.lowered(text)
    fold = folded(low)  # for the number and time patterns, written without IGNORECASE
    scan = _SCANNER.scan(fold)  # one scan for both finders
    sentences = split_sentences(text)
    timeline = Timeline(text, find_periods(text, fold, scan), sentences, published)
    numbers = [n for n in find_numbers(text, fold, scan) if _is_candidate(n, timeline)]
    sentence_starts = [s for s, _ in sentences]
    figures: list[ExtractedFigure] = []
    previous: Outcome | None = None
    terms = SentenceTerms(low, (0, 0))
    corrections = cues.mentions_correction(low)
    for index, number in enumerate(numbers):
        sentence = sentences[max(0, bisect_right(sentence_starts, number.start) - 1)]
        if previous is None or previous.number.start < sentence[0]:
            previous = None
            terms = SentenceTerms(low, sentence)  # shared by the sentence's numbers
        reader = Reader(text, low, terms, corrections, numbers, index, sentence, previous)
        previous = reader.read(timeline)
        if previous.figure is not None:
            figures.append(previous.figure)
            timeline.record(number.start, previous.figure.period)
    return figures


# No count of people anywhere comes near this; a longer digit run is an ID, a code or noise
# (and a run of 310+ digits would not even fit a float).
_LARGEST_COUNT = 1e10


def _is_candidate(number: NumberMention, timeline: Timeline) -> bool:
    if number.is_year or not 0 < number.value < _LARGEST_COUNT:
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
