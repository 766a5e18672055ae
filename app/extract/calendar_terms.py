"""Calendar words (months, ordinals, counts), the time-expression record, and date helpers."""

from __future__ import annotations

import calendar
from datetime import date
from functools import cache
from typing import NamedTuple

# The full month names, in calendar order.
ENGLISH_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
SPANISH_MONTHS = (
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
)
MONTHS = {name: index % 12 + 1 for index, name in enumerate(ENGLISH_MONTHS + SPANISH_MONTHS)} | {
    "setiembre": 9
}
# Abbreviations as wires write them ("Oct 8", "Sept. 30", "3 ene"): only those that are no other
# word ("mar" is the sea, "ago" ends "two years ago", "may" and "march" are checked apart).
MONTHS |= {"jan": 1, "feb": 2, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
MONTHS |= {"ene": 1, "abr": 4, "dic": 12}
MONTHS_BY_NUMBER = {number: name for name, number in MONTHS.items() if name.isascii()}
ORDINALS = {
    "first": 1,
    "primer": 1,
    "primera": 1,
    "1st": 1,
    "second": 2,
    "segundo": 2,
    "segunda": 2,
    "2nd": 2,
    "third": 3,
    "tercer": 3,
    "tercero": 3,
    "3rd": 3,
    "fourth": 4,
    "cuarto": 4,
    "4th": 4,
}
COUNTS = {
    w: i + 2
    for i, w in enumerate(
        ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"]
    )
}
COUNTS |= {
    w: i + 2
    for i, w in enumerate(
        ["dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once"]
    )
}
COUNTS |= {"twelve": 12, "doce": 12}


def count_of(raw: str) -> int:
    """How many a count in a time phrase says, in digits or words ("3", "three", "tres"); 0
    for none."""
    return int(raw) if raw.isdigit() else COUNTS.get(raw.lower(), 0)


class PeriodMention(NamedTuple):  # a tuple: built for every expression, cheaper than a dataclass
    start: int
    end: int
    kind: str
    groups: tuple[tuple[str, str], ...]  # the named groups that matched

    def get(self, name: str) -> str | None:
        for key, value in self.groups:
            if key == name:
                return value
        return None

    @property
    def explicit_year(self) -> int | None:
        for key, value in self.groups:
            if key in ("y", "z", "ay", "by", "sy", "uy", "xy", "ty", "fy", "gy", "ry", "qy", "wy"):
                return int(value)
        return None


def plausible(text: str, start: int, end: int, months: list[tuple[str, int]]) -> bool:
    """English "may"/"march" are months only when capitalised; day numbers must fit.

    months are the lower-case month words matched in text[start:end], with their offsets."""
    for month, offset in months:
        if month in ("may", "march") and not text[offset].isupper():
            return False
    return text[start:end].strip() != ""


@cache  # a few dozen distinct months in any corpus; monthrange is comparatively slow
def last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def implied_year(month: int, published: date | None, context_year: int | None) -> int | None:
    if context_year is not None:
        return context_year
    if published is None:
        return None
    return published.year if month <= published.month else published.year - 1


def day_of(mention: PeriodMention, prefix: str) -> str | None:
    """The day a date names ("15 de agosto", "August 15", "mid-August" is the 15th), if any."""
    if mention.get(prefix + "h"):
        return "15"
    if mention.get(prefix + "f"):
        return "31"  # "the end of April": date_in_month keeps it within the month
    return mention.get(prefix + "d") or mention.get(prefix + "e")


def months_in(start: date, end: date) -> int:
    """How many calendar months the days from start to end touch."""
    return (end.year - start.year) * 12 + end.month - start.month + 1


def date_in_month(day: str | None, month: str, year: int, end: bool) -> date:
    month_number = MONTHS[month.lower()]
    if day is not None:
        return date(year, month_number, min(int(day), last_day(year, month_number).day))
    return last_day(year, month_number) if end else date(year, month_number, 1)
