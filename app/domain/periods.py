"""Periods as the API and the seed documents write them: "2023", "2023-08" or "2023-01-01/2023-08-15"."""

import calendar
import re
from datetime import date

_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_SPAN = re.compile(r"^(\d{4}-\d{2}-\d{2})/(\d{4}-\d{2}-\d{2})$")


def year_span(year: int) -> tuple[date, date]:
    """1 January to 31 December of a year."""
    return date(year, 1, 1), date(year, 12, 31)


def month_span(year: int, month: int) -> tuple[date, date]:
    """First to last day of a month."""
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def parse_period(text: str) -> tuple[date, date]:
    """Read a period label; raise ValueError with a readable message when it is not one."""
    text = text.strip()
    if m := _YEAR.match(text):
        return year_span(int(m[1]))
    if m := _MONTH.match(text):
        if not 1 <= int(m[2]) <= 12:
            raise ValueError(f"month {m[2]} in {text!r} is not 01-12")
        return month_span(int(m[1]), int(m[2]))
    if m := _SPAN.match(text):
        start, end = date.fromisoformat(m[1]), date.fromisoformat(m[2])
        if end < start:
            raise ValueError(f"period {text!r} ends before it starts")
        return start, end
    raise ValueError(f"period {text!r} is not YYYY, YYYY-MM or YYYY-MM-DD/YYYY-MM-DD")


def parse_month(text: str) -> tuple[int, int]:
    """'2023-08' -> (2023, 8); the caller has checked the pattern."""
    year, month = text.split("-")
    return int(year), int(month)


def format_period(start: date, end: date) -> str:
    """The shortest label for a span: a year, a month, or an ISO 8601 interval."""
    if (start, end) == year_span(start.year):
        return f"{start.year}"
    if (start, end) == month_span(start.year, start.month):
        return f"{start.year}-{start.month:02d}"
    return f"{start.isoformat()}/{end.isoformat()}"


# A cut that starts with a year or month and stops at most this share of it short (the mid-December
# counts the press published as "the 2023 total", or a January count taken on the 30th) is shown
# beside that period's canonical figure, because readers meet it as a figure for the period.
NEAR_COMPLETE_SHARE = 0.05


def near_complete_period(start: date, end: date) -> tuple[date, date] | None:
    """The full year or month a span is a near-complete cut of, or None."""
    for full in (year_span(start.year), month_span(start.year, start.month)):
        length = (full[1] - full[0]).days + 1
        short_by = (full[1] - end).days
        if (
            start == full[0]
            and full[0] <= end < full[1]
            and short_by <= NEAR_COMPLETE_SHARE * length
        ):
            return full
    return None


def period_kind(start: date, end: date) -> str:
    """year, month or span."""
    label = format_period(start, end)
    return "year" if len(label) == 4 else "month" if len(label) == 7 else "span"
