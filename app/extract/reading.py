"""Reading the context of one number: rejection cues, subject, qualifier and period."""

from __future__ import annotations

from typing import NamedTuple

from . import corrections, cues, hedges, labels, links, tables, unstated, windows
from .group_links import GroupLinks
from .lexicon import MINORS, UNACCOMPANIED, SentenceTerms
from .numbers import NumberMention
from .openings import sentence_group
from .records import EVERYONE, ExtractedFigure, Subject
from .subjects import find_subject_after, find_subject_before
from .timeline import Timeline

_WINDOW_BEFORE = 90
_WINDOW_AFTER = 50
_SUBJECT_REACH = 80  # how far after a number its noun may be
_REACH_BEFORE = 80  # how far before a count its group may be named
# a share's group may sit before a long aside: "Haitians, who made up the majority of last
# year's crossers, now account for fewer than one in ten"
_SHARE_REACH_BEFORE = 160


class Outcome(NamedTuple):
    number: NumberMention
    figure: ExtractedFigure | None
    rejected_by_context: bool


def _is_base(text: str, share: NumberMention, count: NumberMention) -> bool:
    """Whether count is the whole that share is a part of: "el 72 % de los 211.000 migrantes"."""
    return (
        share.percent
        and not count.percent
        and links.BASE_COUNT.fullmatch(text, share.end, count.start) is not None
    )


def _is_specific(subject: Subject | None) -> bool:
    # "is not" first: most subjects are EVERYONE itself, and dataclass equality is slow
    return subject is not None and subject is not EVERYONE and subject != EVERYONE


class Reader(GroupLinks):
    """Reads the context of one number; a short-lived helper for extract_figures."""

    __slots__ = (
        "abroad",
        "asked",
        "carried",
        "ceiling",
        "corrections",
        "floor",
        "last_group",
        "number",
        "original",
        "pair",
        "previous",
        "reach",
        "sentence",
        "share_before",
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
        self.reach = _SUBJECT_REACH
        if following is not None and (
            links.BRACKETED_SHARE.fullmatch(text, self.number.end, following.start)
            or (self.number.percent and _is_base(text, self.number, following))
            or (
                self.number.spelled
                and following.percent
                and links.APPOSED_SHARE.fullmatch(text, self.number.end, following.start)
            )
        ):
            # "112,000 (64.2%) were Venezuelans": the count reads past its bracketed share;
            # "la mitad de los 166.000 migrantes ... eran venezolanos": the share past its base
            following = numbers[index + 2] if index + 2 < len(numbers) else None
            self.reach += _WINDOW_AFTER  # and further, to the noun after the base's clause
        self.floor = previous.number.end if previous else sentence[0]
        self.carried: Subject | None = None  # the subject the sentence before ended on
        self.last_group: Subject | None = None  # the last figure's, whatever lies between
        self.share_before: Subject | None = None  # the last share's, in this sentence or that one
        self.asked: Subject | None = None  # the group the question just before asks about
        self.abroad = -1  # where another country the sentence opens on ends (cues.abroad_opener)
        self.ceiling = (
            following.start if following and following.end <= sentence[1] else sentence[1]
        )
        self.pair = windows.pair_with(text, self.number.end, numbers[index + 1 : index + 3])

    def read(self, timeline: Timeline) -> Outcome:
        text, number = self.text, self.number
        if (
            labels.has_unit_after(text, number.end)
            or labels.has_label_before(text, self.floor, number.start)
            or corrections.is_superseded(
                text, self.sentence[0], number.start, number.end, self.corrections
            )
            or unstated.is_unstated(text, self.sentence, number.start, number.end)
        ):
            return Outcome(number, None, rejected_by_context=False)
        after_window = windows.after_window(
            text, (self.floor, number.start, number.end), self.sentence[1], self.ceiling, self.pair
        )
        if cues.has_other_context(text, self._before_window(), after_window) or (
            cues.opens_abroad(text, self.abroad, number.start)
        ):
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
        return min(self.ceiling, self.number.end + self.reach)

    def _before_window(self) -> tuple[int, int]:
        start = max(self.sentence[0], self.number.start - _WINDOW_BEFORE)
        if self.previous is not None and self.previous.number.end > start:
            start = self.previous.number.end
            for match in links.CONNECTOR.finditer(self.text, start, self.number.start):
                start = match.end()
        for match in windows.TIME_ASIDE.finditer(self.text, start, self.number.start):
            start = match.end()  # "Since October, when the US began expelling them, 61,000"
        if self.text.find(",", start, self.number.start) >= 0:  # (both kinds end in a comma)
            for match in windows.CONTRAST.finditer(self.text, start, self.number.start):
                start = match.end()  # "...expulsion rule on May 11, but the Darien count in May"
        near = self.text[max(start, self.number.start - 24) : self.number.start]
        if " of " in near or " de " in near:  # (a look before the pattern: most numbers fail)
            record = links.RECORD_OF.search(self.text, start, self.number.start)
            if record is not None:
                start = record.start()  # "could approach the record of 520,085 set in 2023"
        return start, self.number.start

    @property
    def _previous_figure(self) -> ExtractedFigure | None:
        return self.previous.figure if self.previous else None

    def _continues_rejected(self, after: Subject | None, window_end: int) -> bool:
        """A number listed after a rejected one, without a crossing verb of its own, shares its
        fate: "flights carried 1,200 Venezuelans and 800 Colombians"."""
        if self.previous is None or not self.previous.rejected_by_context:
            return False
        if links.OWN_CROSSING.search(self.text, self.number.end, window_end):
            return False
        if links.FRESH_CLAUSE.search(self._gap()):
            return False  # "18 % menos que el mes anterior, cuando la cifra fue de 25.600"
        return after is None or links.LINKED.search(self._gap()) is not None

    def _subject(self, after: Subject | None, timeline: Timeline) -> Subject | None:
        text, number = self.text, self.number
        reach = _SHARE_REACH_BEFORE if number.percent else _REACH_BEFORE
        before = find_subject_before(
            text,
            self.terms.get(),
            max(self.floor, number.start - reach),
            number.start,
            number.percent,
        )
        specific = after if _is_specific(after) else before if _is_specific(before) else None
        if number.percent:
            if (
                links.OF_THEM.match(text, number.end)
                and self._previous_subject(links.ANY) is not None
            ):
                return None  # "40,000 children, a fifth of them under 5": a share of a group
            return (
                specific
                or self._previous_subject(links.APPOSITION)
                or self._compared_share()
                or self._share_of_count()
                or self._pronoun_subject()
                or (
                    sentence_group(text, self.sentence, number.start)
                    if self.previous is None
                    else None
                )
                or (self.asked if _is_specific(self.asked) else None)
            )
        if self._alone_of_minors(before):
            return UNACCOMPANIED
        if after is not None:
            if self.previous is not None and _is_base(text, self.previous.number, number):
                return EVERYONE  # the base of the share before it: all who crossed
            return self._travelling_alone(specific) or self._restated_share() or EVERYONE
        if links.TRAVELS_ALONE.match(text, number.end) and MINORS in (
            self._previous_subject(links.ANY),
            self.carried,
        ):
            return UNACCOMPANIED
        if not links.BARE_FOLLOWER.match(text, number.end) or (
            number.value < 100
            and not tables.in_cell(text, number.start, number.end)
            and not windows.small_count_stated(
                text, self._previous_figure, self.floor, number.start
            )
        ):
            return None  # "30 shelters", "12 buses": a count of something else ("May | 46" is not)
        # "Cubans came next. They totaled 4,900": a pronoun or bare verb opens the sentence
        pronoun = self._pronoun_subject() if before is None else None
        if before is None and self.asked is None and not self._about_crossing(timeline, pronoun):
            return None  # (an answer to a question about a group is about the story)
        restated = (  # (or set against it: "2,005 Chinese ..., and in 2010-2021 just 376")
            self._previous_subject(links.COMPARISON)
            or self._previous_subject(links.APPOSITION)
            or self._previous_subject(windows.SMALL_CONTRAST)
        )
        return (
            specific or restated or pronoun or (self.asked if before is None else None) or EVERYONE
        )

    def _qualifier(self) -> str:
        number = self.number
        qualifier = hedges.read_qualifier(
            self.text, self.floor, number.start, number.end, number.rounded
        )
        if qualifier != "exact" and hedges.names_compared_figure(
            self.text, self.floor, number.start, number.value
        ):
            return "exact"
        figure = self.previous.figure if self.previous else None
        if qualifier == "exact" and figure is not None and links.COORDINATION.match(self._gap()):
            return figure.qualifier
        return qualifier

    def _figure(self, subject: Subject, timeline: Timeline) -> ExtractedFigure:
        number = self.number
        value: int | float = number.value if number.percent else round(number.value)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        start, end = self.sentence
        qualifier = self._qualifier()
        return ExtractedFigure(
            quote=self.original[start:end],
            start=start,
            end=end,
            value=value,
            unit="percent" if number.percent else "people",
            qualifier=qualifier,
            period=timeline.period_for(
                number.start, number.end, (self.floor, self.ceiling), self.sentence
            ),
            subject=subject,
            nearly=qualifier == "approximate"
            and hedges.says_nearly(self.text, self.floor, number.start),
        )
