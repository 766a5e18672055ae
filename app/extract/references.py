"""The period each time expression names, read with what the text said before it: the year last
named, and for a phrase that points back ("a year earlier", "those three months", "este
semestre") the period it points to."""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date

from .calendar_terms import COUNTS, PeriodMention, last_day, months_in
from .recent import not_past, shift_years
from .records import Period
from .resolution import Context, resolve_mention

_ANAPHORIC_KINDS = frozenset(
    {
        "same_period",
        "relative",
        "part",
        "full_year",
        "back",
        "months_before",
        "since_then",
        "month_part",
        "week",
        "month_end",
        "days_only",
    }
)
# How many months "those three months", "the quarter", "el semestre" point back to.
# ("the same quarter a year earlier", "el mismo mes del año pasado" likewise)
_BACK_SIZES = {"quarter": 3, "trimestre": 3, "semestre": 6, "half": 6, "month": 1, "mes": 1}
# Bare years ("in 2024", "between 2021 and 2024"); a named part ("the first half") keeps its end.
_WHOLE_YEAR_KINDS = frozenset({"year", "years"})
# Words before a time that make it the other side of a comparison, not the story's topic
# ("than" before a number is a hedge: "more than 30,000 children crossed in").
_COMPARED = re.compile(
    r"(?i)\b(?:frente\s+a|compared\s+(?:with|to)|down\s+from|up\s+from|than(?!\s+\d)|versus|"
    r"(?:más|menos)\s+que|(?:inferior|superior)\s+al?|multiplica\w*\s+por|"
    r"(?:doubl|tripl|quadrupl)(?:e|es|ed|ing)|(?:duplic|triplic|cuadruplic)\w*|"
    r"(?:doble|triple|cuádruple)\s+(?:que|de)|"  # "más del doble que en todo 2022"
    r"times\s+(?:the|as|that|what)|veces\s+(?:l[oa]s?|el|la|lo\s+de)|"
    r"vs\.?|"
    # "muy por debajo de las cifras del año pasado" ("fell below 10,000 in March" is no comparison)
    r"(?:below|above|por\s+(?:debajo|encima)\s+de)(?!\s+[\d.,]*\d)|"
    r"(?:from|against)\s+[\d.,]+|desde\s+(?:los\s+|las\s+)?[\d.,]+)\b[^;]*\Z"
)
# The year before the one just named, as a whole: "in the previous year", "durante el año anterior"
# ("a year earlier" moves the period just named back a year instead).
_IN_YEAR_BEFORE = re.compile(
    r"(?i)\b(?:in|during|throughout|over|en|durante)\s+(?:the\s+(?:previous|prior|preceding)\s+"
    r"year|the\s+year\s+before|el\s+año\s+(?:anterior|previo))\Z"
)
# What may stand between a fronted year and "the same months": "Last year, in those same".
_FRONTED = re.compile(r"\s*,?\s*(?:(?:in|during|over|for|en|durante)\s+)?", re.IGNORECASE)
_COMPARED_REACH = 60  # characters: room for "than the 202,431 people recorded in"
_WORDS_BETWEEN = re.compile(r"[^\W\d_]{3}")  # a word of its own between two times


class ResolvedMentions:
    """The period mentions of one document, each resolved on first use."""

    def __init__(
        self,
        text: str,
        mentions: list[PeriodMention],
        sentence_starts: list[int],
        published: date | None,
        days: list[PeriodMention] | None = None,
    ) -> None:
        self.text, self.mentions, self.published = text, mentions, published
        self.sentence_starts = sentence_starts
        self._cache: dict[int, Period | None] = {}
        self._days = days or []  # single days ("on July 1"), which "since then" may point to
        self._day_ends = [d.end for d in self._days]

    def period(self, index: int) -> Period | None:
        """The period the mention at index names, resolved once."""
        if index not in self._cache:
            mention = self.mentions[index]
            period = resolve_mention(mention, self._context(index))
            if mention.kind in _WHOLE_YEAR_KINDS:
                period = not_past(period, self.published)
            elif mention.kind == "back" and mention.get("same") and period is not None:
                period = self._fronted_year(index, period)
            elif period is not None and mention.get("py") and self._whole_year_before(mention):
                # "In the previous year, when 520,085 people crossed": that whole year
                period = Period(date(period.start.year, 1, 1), date(period.start.year, 12, 31))
            self._cache[index] = period
        return self._cache[index]

    def _whole_year_before(self, mention: PeriodMention) -> bool:
        start = max(0, mention.start - 12)  # room for "throughout "
        return _IN_YEAR_BEFORE.search(self.text, start, mention.end) is not None

    def _fronted_year(self, index: int, period: Period) -> Period:
        """ "Last year, in those same five months, Venezuelans made up 54 percent": a year set
        right before "the same months" moves the months pointed back to into it."""
        if index == 0:
            return period
        before = self.mentions[index - 1]
        fronted = before.kind == "year" or (
            before.kind == "relative" and (before.get("ly") or before.get("py")) is not None
        )
        if not fronted or not _FRONTED.fullmatch(self.text, before.end, self.mentions[index].start):
            return period
        year = self.period(index - 1)
        return period if year is None else shift_years(period, year.start.year - period.start.year)

    def _context(self, index: int) -> Context:
        mention = self.mentions[index]
        sentence_start = self.sentence_starts[
            max(0, bisect_right(self.sentence_starts, mention.start) - 1)
        ]
        sentence_year = doc_year = None
        # "the year's total" is the story's year, not one it is compared with ("a higher
        # proportion than in 2023")
        story_year = mention.kind == "ytd" and mention.get("yt") is not None
        for earlier in range(index - 1, -1, -1):
            year = self.mentions[earlier].explicit_year
            if year is not None and story_year and self.compared(self.mentions[earlier].start):
                continue
            if (
                year is not None
                and self.mentions[earlier].kind == "same_period"
                and _WORDS_BETWEEN.search(self.text, self.mentions[earlier].end, mention.start)
            ):
                # "down 3% from the same stretch of 2023, and June saw 21,950": the year a
                # period is moved to for a comparison is not the sentence's, unless the time
                # right after spells that period out ("el mismo periodo de 2021, de enero a julio")
                continue
            if year is not None:
                doc_year = year
                if self.mentions[earlier].start >= sentence_start:
                    sentence_year = year
                break
        reference = self._reference(index) if mention.kind in _ANAPHORIC_KINDS else None
        return Context(self.published, sentence_year, doc_year, reference)

    def _reference(self, index: int) -> Period | None:
        """The period an anaphoric expression ("a year earlier", "este semestre") points back to."""
        mention = self.mentions[index]
        if mention.kind == "since_then":
            return self._time_before(index)
        size = _back_size(mention) if mention.kind in ("back", "same_period") else None
        if mention.kind in ("month_end", "days_only") or (
            mention.kind == "month_part" and not mention.get("qm")
        ):
            size = 1  # "through the end of the month", "la última semana del mes": a month's
        for earlier in range(index - 1, -1, -1):
            candidate = self.mentions[earlier]
            if mention.kind == "part" and candidate.kind != "part":
                continue
            if candidate.kind == "vague" or (
                # "compared with 127,700 in the same period of 2023, when ... an annual record":
                # only the year of a period moved to another year is that period's
                candidate.kind in ("same_period", "relative")
                and mention.kind != "full_year"
                and (
                    candidate.kind == "same_period"
                    # ("A year earlier, 37,200 had crossed in that month alone" is that one)
                    or (candidate.get("py") is not None and mention.get("unit3") is None)
                )
            ):
                continue  # ("up almost 25% on a year earlier. ... of the quarter's flow")
            period = self.period(earlier)
            if period is None or (size is not None and months_in(period.start, period.end) != size):
                continue
            if _in_weeks(mention) and _whole_months(period):
                continue  # "From July 1 to mid-August ... In July alone ... In the same weeks"
            if mention.kind in ("back", "relative") and self.compared(candidate.start):
                # "frente a 104.000 de marzo a mayo": a comparison is not the topic, nor what
                # "un año antes" counts back from ("frente a 8.594 en 2020. ... Un año antes")
                continue
            if mention.kind != "back" or period.start != period.end:
                return period
        return self._enclosing_part(index, size)

    def _enclosing_part(self, index: int, size: int | None) -> Period | None:
        """With no earlier period of its length, "del semestre" / "the quarter" is the part of
        the year that holds the latest period named: a story about the second quarter means
        the first half by "el total del semestre"."""
        if self.mentions[index].kind != "back" or size not in (3, 6):
            return None
        for earlier in range(index - 1, -1, -1):
            candidate = self.mentions[earlier]
            period = None if candidate.kind == "vague" else self.period(earlier)
            if period is None or self.compared(candidate.start):
                continue
            first = (period.end.month - 1) // size * size + 1
            if period.start < date(period.end.year, first, 1):
                return None  # the latest period runs across parts
            return Period(
                date(period.end.year, first, 1), last_day(period.end.year, first + size - 1)
            )
        return None

    def _time_before(self, index: int) -> Period | None:
        """The time named last before the mention at index, a single day included (read with
        the publication date: "on July 1" is the latest July 1 by then)."""
        start = self.mentions[index].start
        found = bisect_right(self._day_ends, start)
        day = self._days[found - 1] if found else None
        if index > 0 and (day is None or self.mentions[index - 1].start > day.start):
            return self.period(index - 1)
        if day is None:
            return None
        return resolve_mention(day, Context(self.published, day.explicit_year, None))

    def compared(self, start: int) -> bool:
        """Whether the time at start is the other side of a comparison, said in its sentence
        shortly before it: "3% fewer than the 202,431 recorded in the first half of 2023"."""
        sentence = self.sentence_starts[max(0, bisect_right(self.sentence_starts, start) - 1)]
        return (
            _COMPARED.search(self.text, max(sentence, start - _COMPARED_REACH), start) is not None
        )


def _in_weeks(mention: PeriodMention) -> bool:
    """ "The same weeks of 2023", "las mismas semanas": a stretch counted in weeks or days."""
    return mention.kind == "same_period" and any(mention.get(g) for g in ("wk", "wk2", "wk3"))


def _whole_months(period: Period) -> bool:
    return period.start.day == 1 and period.end == last_day(period.end.year, period.end.month)


def _back_size(mention: PeriodMention) -> int | None:
    """The length "those three months" or "del trimestre" asks of the period it refers to."""
    count = (
        mention.get("n")
        or mention.get("n3")
        or mention.get("n4")
        or mention.get("n5")
        or mention.get("n6")
    )
    if count is not None:
        return int(count) if count.isdigit() else COUNTS.get(count)
    return _BACK_SIZES.get(mention.get("unit") or mention.get("unit2") or "")


_STORY_UNITS = frozenset({"period", "periodo", "período", "lapso"})


_DEFINITE = ("the ", "del ", "el ")


def is_story_period(mention: PeriodMention, text: str) -> bool:
    """ "Over the period", "del periodo", "en el mismo periodo": a period pointed back to with
    the definite article and without a length ("that period", "ese lapso" point to the one just
    named)."""
    if mention.kind != "back":
        return False
    if mention.get("unit4"):
        return True
    return (
        _back_size(mention) is None
        and (mention.get("unit") or mention.get("unit2")) in _STORY_UNITS
        and text[mention.start : mention.start + 4].lower().startswith(_DEFINITE)
    )


def is_point(mention: PeriodMention) -> bool:
    """A single day ("Oct 20", "5 de marzo de 2024"): a dateline, byline or event date, never
    the period of a count."""
    return mention.kind == "month" and (mention.get("xd") or mention.get("xe")) is not None
