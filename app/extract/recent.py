"""Periods named relative to publication or to an earlier period: "the last three months",
"en lo que va de agosto", "for the full year", "in those three months", "a year earlier"."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from .calendar_terms import (
    COUNTS,
    MONTHS,
    MONTHS_BY_NUMBER,
    PeriodMention,
    count_of,
    date_in_month,
    day_of,
    last_day,
)
from .records import Period

# In its last week a year is written of as whole: a review out on 28 December counts the year.
LAST_DAYS = 7

if TYPE_CHECKING:  # resolution imports this module for its handlers
    from .resolution import Context


def whole_years(first: int, last: int) -> Period | None:
    return Period(date(first, 1, 1), date(last, 12, 31)) if first <= last else None


def last_months(m: PeriodMention, c: Context) -> Period | None:
    """The whole months before the month of publication ("the last three months"), or the
    latest whole quarter ("the last quarter"; "the last quarter of 2023" is its fourth)."""
    explicit = m.get("y")
    if m.get("prev") and c.published is not None:
        explicit = str(c.published.year - 1)  # "the last three months of last year"
    if explicit:  # the year's final quarter, or its final months: "the last three months of 2023"
        year = int(explicit)
        months = 3 if m.get("q") else count_of(m.get("n") or m.get("n2") or "")
        if not 1 <= months <= 12:
            return None
        return Period(date(year, 13 - months, 1), date(year, 12, 31))
    if c.published is None:
        return None
    if m.get("q"):
        months = 3
        end_month = c.published.year * 12 + (c.published.month - 1) // 3 * 3 - 1
    else:
        months = count_of(m.get("n") or m.get("n2") or "")
        end_month = c.published.year * 12 + c.published.month - 2
    if not 1 <= months <= 24:
        return None
    start_month = end_month - months + 1
    return Period(
        date(start_month // 12, start_month % 12 + 1, 1),
        last_day(end_month // 12, end_month % 12 + 1),
    )


def loose_months(m: PeriodMention, published: date | None) -> bool:
    """Whether "in eight months" is a length ("the flow tripled in three months") rather than
    the year so far, which it is only when that many of the year's months are over at
    publication ("63,000 children crossed in eight months", in September). A loose one must
    not hide the period of the figures near it."""
    raw = m.get("n3") or ""
    if m.kind != "first_months" or not raw:
        return False
    months = count_of(raw)
    return published is None or months != published.month - 1


def month_to_date(m: PeriodMention, c: Context) -> Period | None:
    """The named month up to publication when it is the current one, else the whole month."""
    month = MONTHS[(m.get("mm") or "").lower()]
    year = c.month_year(month)
    if year is None:
        return None
    whole = Period(date(year, month, 1), last_day(year, month))
    if c.published is not None and whole.start <= c.published < whole.end:
        return Period(whole.start, c.published)
    return whole


def full_year(m: PeriodMention, c: Context) -> Period | None:
    """ "For the full year": the year of the period just mentioned, else of publication; a year
    said to have ended ("Panama ended the year with 520,085") is over by publication."""
    if c.reference is not None:
        year = c.reference.end.year
    elif c.published is None:
        return None
    else:
        year = c.published.year
    if (
        m.get("ye")
        and c.published is not None
        and (date(year, 12, 31) - c.published).days > LAST_DAYS
    ):
        year -= 1
    return whole_years(year, year)


def back(m: PeriodMention, c: Context) -> Period | None:
    """ "In those three months": the earlier period the references pick; "that month" / "ese
    mes" is the month that period ends in."""
    if c.reference is None or not m.get("unit3"):
        return c.reference
    end = c.reference.end
    return Period(end.replace(day=1), end)


def months_to(m: PeriodMention, c: Context) -> Period | None:
    """ "The three months to April": the whole months that end with the named one; "the year to
    September" runs from January."""
    month = m.get("tm") or ""
    year = int(m.get("ty") or 0) or c.month_year(MONTHS[month])
    if year is None:
        return None
    end = date_in_month(day_of(m, "t"), month, year, end=True)
    if m.get("yr"):
        return Period(date(year, 1, 1), end)
    raw = m.get("n") or ""
    months = int(raw) if raw.isdigit() else COUNTS[raw]
    first = year * 12 + end.month - months
    return Period(date(first // 12, first % 12 + 1, 1), end) if 1 <= months <= 24 else None


def first_days(m: PeriodMention, c: Context) -> Period | None:
    """ "The first 10 days of August": from the 1st to the 10th; "the first two weeks of July"
    from the 1st to the 14th."""
    month = "january" if m.get("fyr") else m.get("fm") or ""
    year = (
        c.current_year() if m.get("fyr") else int(m.get("fy") or 0) or c.month_year(MONTHS[month])
    )
    raw = m.get("n") or m.get("n2") or ""
    days = count_of(raw) * (7 if m.get("wk") else 1)
    if year is None or not 1 <= days <= 31:
        return None
    start = date_in_month(None, month, year, end=False)
    return Period(start, date_in_month(str(days), month, year, end=True))


def month_before(period: Period) -> Period:
    """The month before a period: the whole month before a whole month ("the previous month"
    after "August"), else the month's worth of days up to its start ("Oct 15 to Nov 15, against
    64,000 in the month before": Sep 15 to Oct 14)."""
    end = date.fromordinal(period.start.toordinal() - 1)
    if period.start.day == 1:
        return Period(end.replace(day=1), end)
    month = period.start.year * 12 + period.start.month - 2
    start = date_in_month(
        str(period.start.day), MONTHS_BY_NUMBER[month % 12 + 1], month // 12, end=False
    )
    return Period(start, end)


def months_before(m: PeriodMention, c: Context) -> Period | None:
    """ "Los tres meses anteriores", "the two months before": the whole months before the period
    just named; with none named, the whole months before that of publication."""
    years = m.get("ny") or m.get("ny2")
    if years is not None:  # "the previous five years": whole years before the one named
        return _years_before(years, c)
    if c.reference is None:  # (with the months left out, only months just named will do)
        return None if m.get("n2") or m.get("n3") else last_months(m, c)
    months = count_of(m.get("n") or m.get("n2") or m.get("n3") or "")
    if not 1 <= months <= 24:
        return None
    end = c.reference.start.year * 12 + c.reference.start.month - 2  # the month before it
    start = end - months + 1
    return Period(date(start // 12, start % 12 + 1, 1), last_day(end // 12, end % 12 + 1))


def _years_before(raw: str, c: Context) -> Period | None:
    """ "The previous five years (put together)": the whole years before the year of the period
    just named, or of publication."""
    years = count_of(raw)
    anchor = c.reference.start if c.reference is not None else c.published
    if anchor is None or not 1 <= years <= 20:
        return None
    return Period(date(anchor.year - years, 1, 1), date(anchor.year - 1, 12, 31))


def quarter_before(m: PeriodMention, c: Context) -> Period | None:
    """ "El trimestre anterior", "the previous quarter": the three months before the period just
    named; with none named, the latest whole quarter before publication."""
    if c.reference is None:
        return last_months(PeriodMention(0, 0, "last_months", (("q", "quarter"),)), c)
    end = c.reference.start.year * 12 + c.reference.start.month - 2  # the month before it
    start = end - 2
    return Period(date(start // 12, start % 12 + 1, 1), last_day(end // 12, end % 12 + 1))


def week_before(published: date) -> Period:
    """ "Last week": Monday to Sunday of the week before publication."""
    monday = date.fromordinal(published.toordinal() - published.weekday() - 7)
    return Period(monday, date.fromordinal(monday.toordinal() + 6))


def relative(m: PeriodMention, c: Context) -> Period | None:
    if m.get("py"):
        # "a year earlier": the period just mentioned, one year back.
        if c.reference is not None:
            return shift_years(c.reference, -1)
        return (
            None if c.published is None else whole_years(c.published.year - 1, c.published.year - 1)
        )
    if m.get("lw"):
        return None if c.published is None else week_before(c.published)
    if m.get("pm") and c.reference is not None:
        return month_before(c.reference)  # "el mes anterior": before the month just named
    if m.get("pq"):
        return quarter_before(m, c)
    if c.published is None:
        return None
    if m.get("ly"):
        return whole_years(c.published.year - 1, c.published.year - 1)
    if m.get("tm"):
        return Period(c.published.replace(day=1), c.published)
    previous = c.published.replace(day=1).toordinal() - 1
    last_month_end = date.fromordinal(previous)
    return Period(last_month_end.replace(day=1), last_month_end)


def since_then(m: PeriodMention, c: Context) -> Period | None:
    """ "Since then": from the start of the time just named (a day too: "took office on July
    1. About 93,000 people have crossed since then") up to publication."""
    if c.reference is None or c.published is None or c.reference.start > c.published:
        return None
    return Period(c.reference.start, c.published)


def same_period(m: PeriodMention, c: Context) -> Period | None:
    """The period mentioned just before, moved to the named (or the previous) year."""
    if c.reference is None:
        return None
    explicit = m.get("y") or m.get("z") or m.get("y3") or m.get("z3")
    target = int(explicit) if explicit else c.reference.start.year - 1
    return shift_years(c.reference, target - c.reference.start.year)


def shift_years(period: Period, years: int) -> Period:
    """The same stretch of the calendar, some years earlier or later (29 February clamps)."""
    start = date_in_month(
        str(period.start.day),
        MONTHS_BY_NUMBER[period.start.month],
        period.start.year + years,
        end=False,
    )
    whole_month = period.end.day == last_day(period.end.year, period.end.month).day
    end = date_in_month(
        None if whole_month else str(period.end.day),
        MONTHS_BY_NUMBER[period.end.month],
        period.end.year + years,
        end=True,
    )
    return Period(start, end)


def not_past(period: Period | None, published: date | None) -> Period | None:
    """A count cannot cover days after the page came out: "crossed in 2024" in a June 2024 story
    is the year so far. In its last days a year is written of as whole (a year-end review out on
    28 December counts the year)."""
    if period is None or published is None or not period.start <= published < period.end:
        return period
    if (period.end - published).days <= LAST_DAYS:
        return period
    return Period(period.start, published)
