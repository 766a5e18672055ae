"""Resolution of a time expression to the date range it stands for, given its context."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from . import month_parts, recent
from .calendar_terms import (
    COUNTS,
    MONTHS,
    ORDINALS,
    PeriodMention,
    date_in_month,
    day_of,
    implied_year,
    last_day,
)
from .recent import whole_years
from .records import Period


class Context(NamedTuple):
    """What a time expression is resolved against (a tuple, so that results can be cached)."""

    published: date | None
    sentence_year: int | None  # latest explicit year earlier in the sentence
    doc_year: int | None  # latest explicit year earlier in the document
    reference: Period | None = None  # the period "the same period" refers back to

    def month_year(self, month: int) -> int | None:
        return implied_year(month, self.published, self.sentence_year)

    def current_year(self) -> int | None:
        if self.sentence_year is not None:
            return self.sentence_year
        return self.published.year if self.published else None


def resolve_mention(mention: PeriodMention, context: Context) -> Period | None:
    """The dates a time expression stands for, or None when the context cannot fix them."""
    return _resolve(mention.kind, mention.groups, context)


# Resolution is pure, and the same expressions ("2023", "in August") recur within and across
# texts: results (immutable Periods) are remembered. Handlers read only the kind and groups.
@lru_cache(maxsize=4096)
def _resolve(kind: str, groups: tuple[tuple[str, str], ...], context: Context) -> Period | None:
    try:
        return _HANDLERS[kind](PeriodMention(0, 0, kind, groups), context)
    except (ValueError, KeyError, TypeError):
        return None


def _years(m: PeriodMention, c: Context) -> Period | None:
    return whole_years(int(m.get("y") or m.get("z") or ""), int(m.get("y2") or m.get("z2") or ""))


def _span(m: PeriodMention, c: Context) -> Period | None:
    first, last = MONTHS[(m.get("am") or "").lower()], MONTHS[(m.get("bm") or "").lower()]
    explicit_end = m.get("by") or m.get("ay")
    # ("between January and May of last year": the year before publication)
    end_year = int(explicit_end) if explicit_end else _previous_year(m, c) or c.month_year(last)
    if end_year is None:
        return None
    start_year = int(m.get("ay") or (end_year - 1 if first > last else end_year))
    start = date_in_month(day_of(m, "a"), m.get("am") or "", start_year, end=False)
    end = date_in_month(day_of(m, "b"), m.get("bm") or "", end_year, end=True)
    return Period(start, end) if start <= end else None


def _day_span(m: PeriodMention, c: Context) -> Period | None:
    """ "Between 1 and 26 May": from the first day to the second, both in the named month."""
    month, last = m.get("bm") or "", day_of(m, "b")
    year = int(m.get("by") or 0) or c.month_year(MONTHS[month.lower()])
    if year is None or last is None:
        return None
    start = date_in_month(m.get("d"), month, year, end=False)
    end = date_in_month(last, month, year, end=True)
    return Period(start, end) if start <= end else None


# How many months a named part of the year covers; Spanish counts years in thirds and sixths too.
_PART_MONTHS = {
    **{"quarter": 3, "trimestre": 3, "half": 6, "semestre": 6, "mitad": 6},
    **{"cuatrimestre": 4, "bimestre": 2},
}


def _part(m: PeriodMention, c: Context) -> Period | None:
    """A quarter or half of a year: "the first half of 2024", "el primer trimestre"."""
    size = _PART_MONTHS[(m.get("unit") or m.get("unit_now") or "").lower()]
    if m.get("unit_now"):
        if c.reference is not None:
            return c.reference  # "este semestre" after "el primer semestre de 2024"
        if c.published is None:
            return None
        number = (c.published.month - 1) // size + 1  # "this quarter": the current one
    else:
        # "the final quarter" is the fourth, "the final half" the second
        order = (m.get("ord") or "").lower()
        number = 12 // size if order == "final" else ORDINALS[order]
    year = int(m.get("y") or 0) or _previous_year(m, c) or c.current_year()
    if year is None or number * size > 12:
        return None
    return _not_after(
        Period(date(year, number * size - size + 1, 1), last_day(year, number * size)), m, c
    )


def _not_after(period: Period, m: PeriodMention, c: Context) -> Period:
    """A quarter or half named without a year ("the third quarter", "el segundo semestre") is
    the latest one that has begun by publication: a story in January 2024 reporting "the
    second half" means that of 2023."""
    if m.get("y") or m.get("prev") or c.sentence_year is not None or c.published is None:
        return period
    if period.start > c.published:
        return recent.shift_years(period, -1)
    if (
        period.end > c.published
        and c.reference is not None
        and c.reference.end.year < period.start.year
    ):
        # not over yet, after a part of an earlier year: "entre julio y diciembre cruzaron
        # 111.860, mientras que en el primer semestre habían sido 190.343" in January
        return recent.shift_years(period, c.reference.end.year - period.start.year)
    return period


def _first_months(m: PeriodMention, c: Context) -> Period | None:
    raw = (m.get("n") or m.get("n2") or m.get("n3") or "").lower()
    months = int(raw) if raw.isdigit() else COUNTS[raw]
    if m.get("n3") and c.published is not None:  # "in eight months": the year so far (see
        # recent.loose_months, which drops the others)
        return Period(date(c.published.year, 1, 1), last_day(c.published.year, months))
    year = int(m.get("y") or 0) or _previous_year(m, c) or c.current_year()
    if year is None or not 1 <= months <= 12:
        return None
    period = Period(date(year, 1, 1), last_day(year, months))
    if m.get("y") or m.get("prev") or c.sentence_year is not None or c.published is None:
        return period
    # "the first six months" without a year are months already over: a review published on
    # 3 January 2025 means those of 2024
    return recent.shift_years(period, -1) if period.end > c.published else period


def _previous_year(m: PeriodMention, c: Context) -> int | None:
    """The year a part names with "of last year" / "del año pasado": the one before publication."""
    if m.get("prev") is None or c.published is None:
        return None
    return c.published.year - 1


def _ytd(m: PeriodMention, c: Context) -> Period | None:
    explicit = m.get("y") or m.get("z")
    if explicit is None:
        if c.published is None:
            return None
        if m.get("yt") and c.doc_year is not None and c.doc_year < c.published.year:
            # "the year's total" is the year the story is about: "Venezuelans made up 70% of
            # the year's total" after "crossed the Darien Gap in 2024", published in January
            return whole_years(c.doc_year, c.doc_year)
        return Period(date(c.published.year, 1, 1), c.published)
    year = int(explicit)
    if c.published is not None and c.published.year == year:
        return Period(date(year, 1, 1), c.published)
    return whole_years(year, year)


def _since(m: PeriodMention, c: Context) -> Period | None:
    if c.published is None:
        return None
    if m.get("y"):
        start = date(int(m.get("y") or ""), 1, 1)
    else:
        month = m.get("sm") or ""
        year = int(m.get("sy") or 0) or c.month_year(MONTHS[month.lower()])
        if year is None:
            return None
        start = date_in_month(day_of(m, "s"), month, year, end=False)
    return Period(start, c.published) if start <= c.published else None


def _until(m: PeriodMention, c: Context) -> Period | None:
    month = m.get("um") or ""
    year = int(m.get("uy") or 0) or c.month_year(MONTHS[month.lower()])
    if year is None:
        return None
    return Period(date(year, 1, 1), date_in_month(day_of(m, "u"), month, year, end=True))


def _month(m: PeriodMention, c: Context) -> Period | None:
    month = m.get("xm") or ""
    number = MONTHS[month.lower()]
    year = _month_year(m, c, number)
    if year is None:
        return None
    day = day_of(m, "x")
    if day is not None:
        point = date_in_month(day, month, year, end=False)
        return Period(point, point)
    return Period(date(year, number, 1), last_day(year, number))


def _month_year(m: PeriodMention, c: Context, number: int) -> int | None:
    if m.get("xy"):
        return int(m.get("xy") or "")
    rel = m.get("rel")
    relation = re.sub(r"\s+", " ", rel.lower()) if rel else ""
    if c.published is not None and ("last year" in relation or "año pasado" in relation):
        return c.published.year - 1
    if c.published is not None and ("this year" in relation or "este año" in relation):
        return c.published.year
    if c.published is not None and m.get("thism"):
        return c.published.year  # "this August", "este agosto": the year of publication
    if c.published is not None and (m.get("last") or relation == "pasado"):
        return c.published.year if number < c.published.month else c.published.year - 1
    return c.month_year(number)


def _vague(m: PeriodMention, c: Context) -> Period | None:
    return None  # "a decade ago": a time is given, but no dates


def _year(m: PeriodMention, c: Context) -> Period | None:
    year = int(m.get("y") or "")
    return whole_years(year, year)


_HANDLERS: dict[str, Callable[[PeriodMention, Context], Period | None]] = {
    "years": _years,
    "span": _span,
    "day_span": _day_span,
    "part": _part,
    "first_months": _first_months,
    "ytd": _ytd,
    "since": _since,
    "until": _until,
    "month": _month,
    "relative": recent.relative,
    "same_period": recent.same_period,
    "since_then": recent.since_then,
    "months_before": recent.months_before,
    "vague": _vague,
    "last_months": recent.last_months,
    "months_to": recent.months_to,
    "first_days": recent.first_days,
    "month_to_now": _since,
    "month_to_date": recent.month_to_date,
    "full_year": recent.full_year,
    "back": recent.back,
    "year": _year,
    "month_days": month_parts.month_days,
    "days_month": month_parts.month_days,
    "month_part": month_parts.month_part,
    "week": month_parts.week,
    "month_end": month_parts.month_end,
    "month_own_part": month_parts.month_own_part,
    "days_only": month_parts.days_only,
}
