"""extract_figures: finds the Darién crossing figures a text states, with their context."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from datetime import date

from . import (
    clauses,
    corrections,
    cues,
    cutoff,
    month_parts,
    openings,
    page,
    recent,
    shares,
    tables,
)
from .calendar_terms import PeriodMention
from .events import since_event_days as events_from
from .lexicon import SentenceTerms
from .numbers import VOCABULARY as NUMBER_WORDS
from .numbers import NumberMention, find_numbers
from .patterns import WordScanner, folded
from .period_scan import VOCABULARY as PERIOD_WORDS
from .period_scan import find_periods
from .quotes import clause_spans
from .reading import Outcome, Reader
from .records import ExtractedFigure, Subject
from .references import is_point
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
    mentions = find_periods(text, fold, scan)
    body = page.body_start(text, sentences)
    if published is None:
        published = page.date_line(mentions, body)
    dated = [
        m
        for m in mentions
        if not is_point(m)
        and not page.dates_a_document(low, m.start)
        and not page.only_ranks(low, m)
        and not recent.loose_months(m, published)
    ]
    dated = month_parts.without_loose_weeks(dated)
    days = [m for m in mentions if is_point(m) and m.start >= body]
    events = events_from(low, days)
    if events:  # "since Mr. Mulino was sworn in on July 1"
        dated = sorted(dated + events, key=_start)
    timeline = Timeline(text, dated, sentences, published, days, body)
    found = shares.merge(find_numbers(text, fold, scan), shares.find_shares(fold))
    found = tables.mark_share_columns(low, found)
    numbers = [n for n in found if _is_candidate(n, mentions) and not _is_age_bound(low, n)]
    sentence_starts = [s for s, _ in sentences]
    figures: list[ExtractedFigure] = []
    spans: list[tuple[int, int]] = []  # the number each figure was read from
    previous: Outcome | None = None
    terms = SentenceTerms(low, (0, 0))
    talks_of_corrections = corrections.mentions_correction(low)
    carried: tuple[int, Subject] | None = None  # the last figure's sentence end and subject
    share: tuple[int, Subject] | None = None  # the same for the last share
    before_sentence: tuple[Subject | None, Subject | None] = (None, None)  # carried, asked
    abroad = -1  # where the other country the sentence opens on ends, if it opens on one
    columns = tables.column_periods(low, timeline)  # tables whose headers name times
    for index, number in enumerate(numbers):
        at = max(0, bisect_right(sentence_starts, number.start) - 1)
        sentence = sentences[at]
        if previous is None or previous.number.start < sentence[0]:
            previous = None
            terms = SentenceTerms(low, sentence)  # shared by the sentence's numbers
            # what the sentences before say of this one's group, read once per sentence
            before_sentence = _before_sentence(text, low, sentences, at, carried)
            abroad = cues.abroad_opener(low, sentence[0])
        reader = Reader(text, low, terms, talks_of_corrections, numbers, index, sentence, previous)
        reader.carried, reader.asked = before_sentence
        reader.last_group = carried[1] if carried is not None else None
        reader.abroad = abroad
        if share is not None and (share[0] == sentence[1] or _follows(text, share[0], sentence[0])):
            reader.share_before = share[1]
        previous = reader.read(timeline)
        figure = previous.figure
        if figure is not None:
            column = tables.column_period(low, columns, number.start) if columns else None
            if column is not None and figure.period != column:
                figure = replace(figure, period=column)
                previous = previous._replace(figure=figure)
            figures.append(figure)
            spans.append((number.start, number.end))
            # a figure in a relative clause is background ("Haitians, who had made up about 60
            # percent of crossers in 2021, fell to roughly 9 percent last year"): it does not
            # set the period the paragraph goes on with
            background = clauses.in_relative(low, sentence, number.start, number.end)
            timeline.record(number.start, None if background else figure.period)
            carried = (sentence[1], figure.subject)
            if figure.unit == "percent":
                share = carried
    figures = cutoff.stated_cutoffs(figures, published)
    return page.date_headlines(body, _quote_clauses(text, figures, spans), published)


def _before_sentence(
    text: str,
    low: str,
    sentences: list[tuple[int, int]],
    at: int,
    carried: tuple[int, Subject] | None,
) -> tuple[Subject | None, Subject | None]:
    """The group the sentence before ended on (its last figure's, else the one it opens on)
    and the group a question right before asks about."""
    sentence = sentences[at]
    if carried is not None and _follows(text, carried[0], sentence[0]):
        group: Subject | None = carried[1]
    elif at > 0 and _follows(text, sentences[at - 1][1], sentence[0]):
        group = openings.opening_subject(low, sentences[at - 1], sentence[0])
    else:
        group = None
    asked = None
    if at > 0:
        end = sentences[at - 1][1]
        if text[end - 1] == "?" and text[end : sentence[0]].isspace():
            asked = openings.asked_subject(low, sentences[at - 1])
    return group, asked


def _follows(text: str, end: int, start: int) -> bool:
    """Whether a sentence starting at start comes right after the one ending at end, in the
    same paragraph."""
    return end <= start and not text[end:start].count("\n") > 1 and start - end < 5


def _quote_clauses(
    text: str, figures: list[ExtractedFigure], spans: list[tuple[int, int]]
) -> list[ExtractedFigure]:
    """Narrow each figure's quote from its sentence to the clause that states it."""
    quoted: list[ExtractedFigure] = []
    first = 0
    while first < len(figures):
        sentence = (figures[first].start, figures[first].end)
        last = first
        while (
            last + 1 < len(figures) and (figures[last + 1].start, figures[last + 1].end) == sentence
        ):
            last += 1
        clauses = clause_spans(text, sentence, spans[first : last + 1])
        quoted += [
            replace(f, quote=text[s:e], start=s, end=e) if (s, e) != sentence else f
            for f, (s, e) in zip(figures[first : last + 1], clauses, strict=True)
        ]
        first = last + 1
    return quoted


# No count of people anywhere comes near this; a longer digit run is an ID, a code or noise
# (and a run of 310+ digits would not even fit a float).
_LARGEST_COUNT = 1e10


def _is_candidate(number: NumberMention, mentions: list[PeriodMention]) -> bool:
    if number.is_year or not 0 < number.value < _LARGEST_COUNT:
        return False
    if number.percent:
        if number.value > 100:
            return False
    elif number.value != int(number.value) or (number.spelled and number.value < 20):
        return False
    # "the first half of the year" holds a share's words, "15 de agosto" a count's digits
    first = bisect_left(mentions, number.start - 40, key=_start)
    for mention in mentions[first:]:
        if mention.start >= number.end:
            return True
        if mention.end > number.start:
            return False  # the number is part of a time expression
    return True


# "children under 18", "menores de 5 años": an age that bounds a group is no count, and it must
# not stand between the group's noun and the count that follows ("under 18 numbered 66,300").
_AGE_BOUND = re.compile(
    r"\b(?:under|younger\s+than|older\s+than|aged|menores\s+de|mayores\s+de)"
    r"(?:\s+the\s+age\s+of)?\s+\Z"
)
_OLDEST_AGE = 25


def _is_age_bound(low: str, number: NumberMention) -> bool:
    return (
        not number.percent
        and number.value < _OLDEST_AGE
        and _AGE_BOUND.search(low, max(0, number.start - 30), number.start) is not None
    )


def _start(mention: PeriodMention) -> int:
    return mention.start
