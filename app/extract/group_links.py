"""How a number takes the group of the figure before it (a share set against or restating an
earlier one, a count restating a share, a sentence continuing with a pronoun, a part of the
minors said to travel alone), and whether what was read before makes a bare count one of
crossings."""

from __future__ import annotations

import re

from . import links
from .lexicon import MINORS, UNACCOMPANIED
from .numbers import NumberMention
from .records import EVERYONE, ExtractedFigure, Subject
from .timeline import Timeline


class GroupLinks:
    """The part of Reader that links a number to the figures read before it."""

    __slots__ = ()
    # set by Reader
    text: str
    number: NumberMention
    floor: int
    carried: Subject | None
    last_group: Subject | None
    share_before: Subject | None
    sentence: tuple[int, int]
    ceiling: int

    @property
    def _previous_figure(self) -> ExtractedFigure | None:
        raise NotImplementedError

    def _gap(self) -> str:
        return self.text[self.floor : self.number.start]

    def _about_crossing(self, timeline: Timeline, group: Subject | None = None) -> bool:
        """Whether the paragraph of a bare count is about crossings: its words say so, or a
        figure was read in it before, or it is a block of key figures ("Third quarter
        (July-September 2023): 211,980") after a paragraph where one was. A group the sentence
        carries from the one before is enough ("Los haitianos fueron el segundo grupo.
        Sumaron 6.950")."""
        if group is not None and group != EVERYONE:
            return True
        position = self.number.start
        if timeline.counted_in_paragraph(position):
            return True
        start, end = timeline.paragraph_of(position)
        # each paragraph's words are read once, however many bare counts it holds
        talks = timeline.crossing_talk.get(start)
        if talks is None:
            talks = links.talks_of_crossing(self.text, timeline.paragraph_of, position)
            timeline.crossing_talk[start] = talks
        if talks:
            return True
        if start == 0 or not timeline.counted_in_paragraph(start - 1):
            return False
        if links.COUNT_NAMED.search(self.text, max(start, position - 40), position):
            return True  # "In the same months of 2023 the count was 399,500": the story's count
        key_figures = timeline.key_figures.get(start)
        if key_figures is None:
            key_figures = bool(
                links.LABELLED_LINES.fullmatch(self.text, start, end)
                or links.COUNT_LIST.fullmatch(self.text, start, end)
            )
            timeline.key_figures[start] = key_figures
        return key_figures

    def _alone_of_minors(self, before: Subject | None) -> bool:
        """ "Roughly 2,700 of them were unaccompanied" after minors were counted, "Of the
        children, 2,400 - about 4% - were travelling alone", "Of that total, 3,300 were making
        the trip without a parent": a part of the minors said to travel alone is the
        unaccompanied minors, whatever stands between it and the verb."""
        text, end = self.text, self.number.end
        part = links.OF_THEM.match(text, end) or links.PART_OF_THEM.fullmatch(
            text, self.sentence[0], self.number.start
        )
        if before != MINORS and not part:
            return False
        if not links.ALONE.match(text, end, self.sentence[1]):
            return False
        # ("Unos 3.600 de ellos viajaban no acompañados" may open a paragraph of its own)
        last = self.last_group if part else None
        return MINORS in (before, self._previous_subject(links.ANY), self.carried, last)

    def _compared_share(self) -> Subject | None:
        """ "rose to 21% of all crossers, from 19% in 2023": a share set against the share
        before it counts the same group, also past the count that share was of ("35% of the
        520,085 people who crossed last year, up from 29% in 2022"), and so does "the share"
        named again ("In January, the share rose to 38%")."""
        figure = self._previous_figure
        if figure is not None and figure.unit == "percent":
            return (
                self._previous_subject(links.SHARE_COMPARED)
                or self._previous_subject(links.SHARE_AGAIN)
                or self._previous_subject(links.FIGURE_AGAIN)
            )
        gap = self._gap()
        if self.share_before is None or not (
            links.SHARE_COMPARED.search(gap) or links.SHARE_AGAIN.search(gap)
        ):
            return None
        return self.share_before

    def _share_of_count(self) -> Subject | None:
        """ "24,000 Chinese nationals crossed ..., making up about 5% of the 460,000": a share
        closing the clause of a count is the part of the whole that count's group makes."""
        figure = self._previous_figure
        if figure is None or figure.unit != "people":
            return None
        match = links.SHARE_OF_COUNT.search(self._gap())
        if match is None or not (
            match.group("verb") or links.WHOLE_AFTER.match(self.text, self.number.end)
        ):
            return None
        return self._previous_subject(links.ANY)

    def _restated_share(self) -> Subject | None:
        """ "Venezuelans made up roughly 70% of that total, or about 152,900 people": a count
        restating the share just before it counts the share's group."""
        figure = self._previous_figure
        if figure is None or figure.unit != "percent":
            return None
        return self._previous_subject(links.APPOSITION)

    def _pronoun_subject(self) -> Subject | None:
        """ "More than 150,000 Venezuelans crossed. They make up 72% of ...": a sentence whose
        subject is a pronoun, or a verb alone in Spanish, speaks of the group named before."""
        if self.carried is None or not links.PRONOUN_OPENER.match(self.text, self.sentence[0]):
            return None
        return self.carried

    def _previous_subject(self, link: re.Pattern[str]) -> Subject | None:
        figure = self._previous_figure
        if figure is None or figure.subject == EVERYONE or not link.search(self._gap()):
            return None
        return figure.subject

    def _travelling_alone(self, subject: Subject | None) -> Subject | None:
        """ "4,000 of the children were unaccompanied", "2.400 niños viajaban sin un adulto":
        children that the clause then says travel alone are unaccompanied minors."""
        if subject != MINORS or not links.ALONE.match(self.text, self.number.end, self.ceiling):
            return subject
        return UNACCOMPANIED
