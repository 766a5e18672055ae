"""A count "so far" that the story dates elsewhere: the data's stated cut-off wins."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from itertools import groupby
from operator import attrgetter

from .records import ExtractedFigure, Period

# How long before publication a stated end may lie and still be the data's cut-off.
_CUTOFF_REACH = timedelta(days=31)
# A sentence that points back to the total already reported: "Of this year's total, 69.4%",
# "del total de este año", "el total del año".
_THAT_TOTAL = re.compile(
    r"(?i)\b(?:this|the)\s+year['’]s\s+total\b|\btotal\s+(?:de\s+)?(?:este|del)\s+año\b"
)


def stated_cutoffs(figures: list[ExtractedFigure], published: date | None) -> list[ExtractedFigure]:
    """A figure dated up to publication takes the end its own sentence states for the same
    stretch ("superó este año el medio millón: 506.800 personas hasta el 15 de diciembre"), or,
    when it restates the year's total ("Of this year's total, 69.4%"), the end an earlier
    sentence stated. Figures still span whole sentences here: the same start, the same one, so
    each sentence is read once, however many figures it holds."""
    if published is None:
        return figures
    ends: dict[date, date] = {}  # a stretch's start -> its stated end, in earlier sentences
    result: list[ExtractedFigure] = []
    for _, group in groupby(figures, key=attrgetter("start")):
        sentence = list(group)
        own = _stated_ends(sentence, published)
        restates_total = _THAT_TOTAL.search(sentence[0].quote) is not None
        for figure in sentence:
            period = figure.period
            if period is not None and period.end == published:
                end = own.get(period.start)
                if end is None and restates_total:
                    end = ends.get(period.start)
                if end is not None:
                    figure = replace(figure, period=Period(period.start, end))
            result.append(figure)
        ends.update(own)
    return result


def _stated_ends(figures: list[ExtractedFigure], published: date) -> dict[date, date]:
    return {
        f.period.start: f.period.end
        for f in figures
        if f.period is not None
        and published - _CUTOFF_REACH <= f.period.end < published
        and f.period.end - f.period.start > _CUTOFF_REACH  # not a month zoomed in on
    }
