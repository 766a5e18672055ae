"""Which time expression a figure belongs to: its clause, its sentence, or the text before it."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import date

from . import clauses, links
from .calendar_terms import PeriodMention
from .records import Period
from .references import ResolvedMentions, is_story_period

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_BROAD_KINDS = frozenset({"ytd", "year"})  # "this year ... as of the end of November"


class Timeline:
    """The period mentions of one document, with the context needed to resolve them."""

    def __init__(
        self,
        text: str,
        mentions: list[PeriodMention],
        sentences: list[tuple[int, int]],
        published: date | None,
        days: list[PeriodMention] | None = None,
        body: int = 0,
    ) -> None:
        self.body = body  # where the body starts, after the headline and byline
        self.text = text
        self.mentions = mentions
        self.starts = [m.start for m in mentions]
        self.sentence_starts = [s for s, _ in sentences]
        self.paragraph_starts = [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]
        self.published = published
        self._resolved = ResolvedMentions(text, mentions, self.sentence_starts, published, days)
        self._figures: list[tuple[int, Period | None]] = []  # accepted figures, in text order
        # per paragraph start: how many figures were read, and the period they leave it at
        self._paragraph_scan: dict[int, tuple[int, Period | None]] = {}
        # per paragraph start: whether it talks of crossings, and whether it is a block of key
        # figures (see Reader._about_crossing)
        self.crossing_talk: dict[int, bool] = {}
        self.key_figures: dict[int, bool] = {}

    def indices_between(self, start: int, end: int) -> range:
        return range(bisect_left(self.starts, start), bisect_left(self.starts, end))

    def paragraph_of(self, position: int) -> tuple[int, int]:
        index = bisect_right(self.paragraph_starts, position) - 1
        following = self.paragraph_starts[index + 1 : index + 2]
        return self.paragraph_starts[index], following[0] if following else len(self.text)

    def counted_in_paragraph(self, position: int) -> bool:
        """Whether a figure was already read in the paragraph before position: then the
        paragraph talks of crossings, whatever its words ("más de 31.000 menores hicieron la
        travesía ..., frente a unos 22.500 en el mismo periodo del año pasado")."""
        start = self.paragraph_of(position)[0]
        index = bisect_left(self._figures, start, key=_position)
        return index < len(self._figures) and self._figures[index][0] < position

    def record(self, position: int, period: Period | None) -> None:
        """Remember an accepted figure: later figures without a time of their own inherit it."""
        self._figures.append((position, period))

    def _attached(self, end: int, limit: int) -> list[int]:
        """The times after a figure (at end) and before limit that no clause break separates
        from it: none past the first punctuation, and none opening a clause of its own."""
        limit = clauses.attached_limit(self.text, end, limit)
        return [
            i
            for i in self.indices_between(end, limit)
            if not clauses.opens_clause(self.text, end, self.starts[i])
        ]

    def period_for(
        self, start: int, end: int, segment: tuple[int, int], sentence: tuple[int, int]
    ) -> Period | None:
        """The period of the figure at text[start:end], from its clause, sentence or earlier text."""
        before = self._last(segment[0], start)
        attached = self._attached(end, segment[1])
        if attached:
            return self._narrowest(attached + ([before] if before is not None else []))
        text, mentions = self.text, self.mentions
        if before is not None and clauses.in_aside(text, mentions[before], start, sentence[0]):
            before = None
        if before is not None and clauses.describes_earlier(text, mentions, before, start):
            before -= 1  # "En junio, último mes del periodo, cruzaron 22.640": June
        fronted = sentence[0]
        if before is not None and clauses.compared_tail(text, mentions[before], segment[0], start):
            before, fronted = None, segment[0]
        elif before is not None and clauses.compared_time(
            text, mentions[before].start, mentions[before].end, start
        ):
            # "un 49 % más que en enero y febrero de 2023, y la proporción ... alcanzó el 27 %"
            fronted = mentions[before].start
            before = None
        if before is None:
            # "...crossing; in 2022 the figure was", "el 12 %, pero ... este año": another clause
            before = self._first(end, clauses.clause_end(text, end, segment[1]))
            if before is not None and clauses.elsewhere(text, end, mentions[before].start):
                before = None
        chosen = before
        if chosen is None:
            chosen = self._last(sentence[0], fronted if fronted > sentence[0] else start)
            if chosen is not None and clauses.closes_comparison(text, mentions[chosen], start):
                # further down a list: "down from about 70 percent over the year as a whole,
                # while Colombians (11 percent) and Ecuadorians (7 percent)"
                earlier = self._last(sentence[0], mentions[chosen].start)
                chosen = earlier
            elif chosen is not None and clauses.compared_time(
                text, mentions[chosen].start, mentions[chosen].end, start
            ):
                # "this year have topped the figure for all of 2022, with 301,458": what was
                # overtaken is not the figure's time; the one before it in the sentence is
                chosen = self._last(sentence[0], mentions[chosen].start)
            if chosen is not None and clauses.in_aside(text, mentions[chosen], start, sentence[0]):
                # "In June, the last month of the quarter, 22,640 crossed": the time the
                # apposition describes, else none
                described = clauses.describes_earlier(text, mentions, chosen, start)
                chosen = chosen - 1 if described else None
        if chosen is not None:
            return self.resolve(chosen)
        if links.PART_OF_THEM.match(text, sentence[0]):
            # "y en diciembre, 4.990. De ellas, menos de la mitad eran venezolanas": December's
            stated = self._last_stated(sentence[0])
            if stated is not None:
                return stated
        inherited, found = self._inherited(sentence[0])
        if found:
            return inherited
        chosen = self._first(end, sentence[1])
        return None if chosen is None else self.resolve(chosen)

    def _last_stated(self, end: int) -> Period | None:
        """The period of the paragraph's last figure before end but a compared one ("menos que en
        agosto, cuando llegaron 81.946"), or of a whole a colon breaks down ("73.166: 36.001 en")."""
        paragraph = self.paragraph_of(end)[0]
        stated = [
            (at, period)
            for at, period in self._figures[bisect_left(self._figures, paragraph, key=_position) :]
            if at < end and period is not None and not self._resolved.compared(at)
        ]
        if not stated:
            return None
        last = stated[-1][0]
        sentence = self.sentence_starts[bisect_right(self.sentence_starts, last) - 1]
        colon = self.text.rfind(":", sentence, last)
        whole = [period for at, period in stated if sentence <= at < colon]
        return whole[-1] if whole else stated[-1][1]

    def _first(self, start: int, end: int) -> int | None:
        found = self.indices_between(start, end)
        return found[0] if found else None

    def _last(self, start: int, end: int) -> int | None:
        found = self.indices_between(start, end)
        return found[-1] if found else None

    def _narrowest(self, options: list[int]) -> Period | None:
        """The first expression after the number, unless it is broad ("this year") and another
        one in the clause ("through October") lies within it."""
        primary = self.resolve(options[0])
        if primary is None or self.mentions[options[0]].kind not in _BROAD_KINDS:
            return primary
        for other in options[1:]:
            period = self.resolve(other)
            if period is not None and primary.start <= period.start and period.end <= primary.end:
                return period
        return primary

    def _inherited(self, sentence_start: int) -> tuple[Period | None, bool]:
        """With no time in its sentence, a figure takes that of its paragraph's first figure or
        time expression, else of the nearest earlier paragraph that has one."""
        first = bisect_right(self.paragraph_starts, sentence_start) - 1
        end = sentence_start
        for paragraph in range(first, -1, -1):
            start = self.paragraph_starts[paragraph]
            found = (
                self._paragraph_period(start, end)
                if paragraph == first
                else self._latest_figure_period(start, end)
            )
            if found is None:
                mention = self._topic_time(start, end)
                if mention is None:
                    end = start
                    continue
                found = self.resolve(mention)
            return (found if paragraph == first else self._widened(found)), True
        return None, False

    def _topic_time(self, start: int, end: int) -> int | None:
        """The first time expression in text[start:end] that is not the other side of a
        comparison: after "The tally is down 41% from the same period last year." the next
        sentence's "Venezuelans made up 69%" is still about the story's period, not last year's."""
        for index in self.indices_between(start, end):
            mention = self.mentions[index]
            if mention.kind != "same_period" and not self._resolved.compared(mention.start):
                return index
        return None

    def _paragraph_period(self, start: int, end: int) -> Period | None:
        """The period a paragraph is at by end: that of its first figure, or of a later figure
        whose period holds it, when the paragraph widens back out. After "In March alone,
        38,100 crossed." the groups listed next are March's; after "Venezuelans made up
        two-thirds of the nine-month flow." they are the nine months'. Figures come in text
        order, so each paragraph is scanned once, however many sentences ask."""
        index, found = self._paragraph_scan.get(start, (-1, None))
        if index < 0:
            index = bisect_left(self._figures, start, key=_position)
        elif index > 0 and self._figures[index - 1][0] >= end:
            index, found = bisect_left(self._figures, start, key=_position), None
        while index < len(self._figures) and self._figures[index][0] < end:
            period = self._figures[index][1]
            if period is not None and (found is None or _holds(period, found)):
                found = period
            index += 1
        self._paragraph_scan[start] = (index, found)
        return found

    def _widened(self, period: Period | None) -> Period | None:
        """A paragraph with no time of its own continues the story's lead, not the detail just
        before it: after "In March, 6,000." a new paragraph's "Haitians were 5%" is about the
        quarter that the lead reported, when March lies within it."""
        lead = next((p for _, p in self._figures if p is not None), None)
        if period is None or lead is None:
            return period
        inside = lead.start <= period.start and period.end <= lead.end
        # A paragraph that only looked back ("already more than the 248,284 of all 2022") does
        # not move the story off its lead either.
        earlier = period.end < lead.start
        return lead if (inside or earlier) and not self._reaches(period, lead) else period

    def _latest_figure_period(self, start: int, end: int) -> Period | None:
        """What an earlier paragraph leaves the story at: of its figures' periods, the one that
        reaches furthest (the widest among those): "last month, 16,600; this year, 295,000" then
        "Venezuelans make up two-thirds" is about the year; a comparison with 2023 never is. A
        stated end beats the publication date: "this year, 506,800 up to 15 December"."""
        latest: Period | None = None
        for position, period in self._figures[bisect_left(self._figures, start, key=_position) :]:
            if position >= end:
                break
            if period is not None and (latest is None or self._reaches(period, latest)):
                latest = period
        return latest

    def _reaches(self, period: Period, than: Period) -> bool:
        so_far = {p.start for p in (period, than) if p.end == self.published}
        if period.start == than.start and so_far and period.end != than.end:
            return period.end != self.published  # the stated end of the same stretch
        return (period.end, than.start) > (than.end, period.start)

    def resolve(self, index: int) -> Period | None:
        """The period of the mention at index; "the period" / "el periodo" with no length of its
        own is the story's, that of its lead figure, not the month just zoomed in on ("September
        alone saw 74,400. Haitians numbered about 45,000 over the period")."""
        if is_story_period(self.mentions[index], self.text):
            # the lead is the body's first figure: a headline's own period may be looser
            lead = next((p for at, p in self._figures if p is not None and at >= self.body), None)
            if lead is not None:
                return lead
        return self._resolved.period(index)


def _holds(wider: Period, narrower: Period) -> bool:
    return wider != narrower and wider.start <= narrower.start and narrower.end <= wider.end


def _position(item: tuple[int, Period | None]) -> int:
    return item[0]
