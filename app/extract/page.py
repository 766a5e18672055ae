"""The lines of a page above its body: a headline's figures, and a date line's date."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from .calendar_terms import MONTHS, PeriodMention
from .records import ExtractedFigure

# A sentence of the body ends in terminal punctuation; a headline, a byline, a section name or
# a dateline on its own line does not.
_BODY_END = re.compile(r"[.!?…][\"'”’»)\]]*\Z")


def body_start(text: str, sentences: list[tuple[int, int]]) -> int:
    """Where the body begins: at the first sentence that ends in terminal punctuation."""
    return next((s for s, e in sentences if _BODY_END.search(text, s, e)), len(text))


def date_line(mentions: list[PeriodMention], body: int) -> date | None:
    """The publication date a page states above its body ("By Ana Ruiz | November 4, 2022",
    "Publicado el 5 de marzo de 2024"), for callers that do not know it."""
    for mention in mentions:
        if mention.start >= body:
            return None
        day, month, year = (
            mention.get("xd") or mention.get("xe"),
            mention.get("xm"),
            mention.get("xy"),
        )
        if mention.kind == "month" and day and month and year:
            return _date(int(year), month, int(day))
    return None


def _date(year: int, month: str, day: int) -> date | None:
    try:
        return date(year, MONTHS[month], day)
    except ValueError:
        return None


# "the assessment, published in November": when a document came out, not what it counts.
_PUBLISHED = re.compile(
    r"\b(?:published|released|issued|publicad[oa]s?|divulgad[oa]s?|difundid[oa]s?)"
    r"(?:\s+(?:in|on|en|el|this|last|este|el\s+pasado))*\s+\Z"
)


def dates_a_document(low: str, start: int) -> bool:
    """Whether the time expression at low[start:] says when a report was published."""
    return _PUBLISHED.search(low, max(0, start - 30), start) is not None


# "the lowest monthly figure since February", "la cifra más alta desde 2021": a record's
# reach back in time, not a period anything was counted over.
_SUPERLATIVE = re.compile(
    r"\b(?:highest|lowest|most|fewest|biggest|largest|smallest|busiest|quietest|best|worst|"
    r"strongest|weakest|más\s+(?:alt[oa]s?|baj[oa]s?|grandes?|pequeñ[oa]s?|intens[oa]s?)|"
    r"mayor(?:es)?|menor(?:es)?|máxim[oa]s?|mínim[oa]s?)\b[^.;,\d]{0,40}\Z"
)


# "Junio fue el mes de mayor afluencia del semestre, con 15.200", "the busiest month of the
# quarter": the period a month is ranked within, not the count's.
_RANKED_IN = re.compile(
    r"\b(?:highest|lowest|busiest|quietest|biggest|largest|mayor|menor|más\s+alt[oa]|"
    r"más\s+baj[oa])\s+(?:[^\W\d]+\s+){0,3}?(?:of|in|de|del|en)\s+\Z"
)
_RANKING_KINDS = frozenset({"back", "part", "year", "ytd"})


def only_ranks(low: str, mention: PeriodMention) -> bool:
    """Whether a time only says how far back a record reaches ("the lowest since February") or
    within what a month is ranked ("el mes de mayor afluencia del semestre")."""
    before = max(0, mention.start - 60)
    if mention.kind == "since":
        return _SUPERLATIVE.search(low, before, mention.start) is not None
    if mention.kind in _RANKING_KINDS:
        # "del semestre" opens on its own "del": look before it
        start = mention.start + 4 if low.startswith("del ", mention.start) else mention.start
        # most times follow no "of" / "de" at all: a look at the few characters before first
        if not low.endswith(_RANKED_TAILS, max(0, start - 4), start):
            return False
        return _RANKED_IN.search(low, before, start) is not None
    return False


_RANKED_TAILS = (" of ", " in ", " de ", "del ", " en ")


def date_headlines(
    body: int, figures: list[ExtractedFigure], published: date | None = None
) -> list[ExtractedFigure]:
    """A figure in the lines above the body ("Darién crossings pass 400,000") that has no time
    of its own is about what the lead reports: it takes the period of the body figure it
    restates (the same unit, within a tenth of its value: "menos de 3.000" for 2,950), else of
    the body's first figure."""
    dated = [f for f in figures if f.start >= body and f.period is not None]
    if not dated:
        return figures
    return [_headline_period(f, dated, published) if f.end <= body else f for f in figures]


def _headline_period(
    headline: ExtractedFigure, dated: list[ExtractedFigure], published: date | None
) -> ExtractedFigure:
    """A headline's own time may be looser than the lead's: "as 2022 total nears 130,000" is
    the year so far, which the lead dates exactly ("between January 1 and September 11"). A
    stated end is not loose: "118,100 people crossed from 1 January to 10 April" keeps it."""
    restated = _restated(headline, dated)
    own = headline.period
    if own is None:
        return replace(headline, period=restated.period if restated else dated[0].period)
    closer = restated.period if restated is not None else None
    loose = own.end == published or (own.end.month, own.end.day) == (12, 31)
    if closer is not None and closer.start == own.start and closer.end < own.end and loose:
        return replace(headline, period=closer)
    return headline


def _restated(headline: ExtractedFigure, dated: list[ExtractedFigure]) -> ExtractedFigure | None:
    for figure in dated:
        if (
            figure.unit == headline.unit
            and abs(figure.value - headline.value) <= headline.value / 10
        ):
            return figure
    return None
