"""Stretches shorter than a month: a range of days within one ("September 1-14", "June 1 to 7",
"24-30 June") and a named part of one ("the first half of August", "la primera quincena de
agosto", "the last week of September", "la segunda semana del mes")."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from .calendar_terms import MONTHS, PeriodMention, count_of, date_in_month, last_day
from .records import Period

if TYPE_CHECKING:
    from .resolution import Context

_MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_ORD = r"(?:st|nd|rd|th)?"
# what may not follow a day, lest a number or a share be read as one ("August 15 and 20%")
_NOT_NUMBER = r"(?![\d]|[.,]\d|\s*(?:%|percent|per\s*cent|por\s*ciento))"

# "September 1-14", "from June 1 to 7", "Sept. 8 through 14, 2023": the month named first
MONTH_DAYS = (
    # ("Septiembre (1 al 23): 55.300": the days in brackets after the month)
    rf"(?P<gm>{_MONTH})\.?\s+(?:\(\s*)?(?:del?\s+)?(?P<gd>{_DAY}){_ORD}\s*"
    r"(?:[-–]|\s(?:to|through|thru|and|until|y|al?|hasta)\s)\s*(?:the\s+|el\s+)?"
    rf"(?P<ge>{_DAY}){_ORD}{_NOT_NUMBER}(?:,?\s+(?:del?\s+)?(?P<gy>{_YEAR}))?"
)
# "24-30 June", "27-28 de mayo" (or with an en dash): the days named first, joined by a dash
DAYS_MONTH = (
    rf"(?<![\d.,])(?P<rd>{_DAY})\s*[-–]\s*(?P<re>{_DAY})\s+(?:de\s+|of\s+)?(?P<rm>{_MONTH})\b"
    rf"(?:,?\s+(?:del?\s+)?(?P<ry>{_YEAR}))?"
)
# "the first half of August", "la primera quincena de agosto", "the last week of the month"
MONTH_PART = (
    r"(?P<qo>first|second|third|fourth|last|final|primera|primer|segunda|segundo|tercera|tercer|"
    r"cuarta|cuarto|última|último)\s+(?P<qu>half|week|fortnight|quincena|semana|mitad)\s+"
    rf"(?:of|de|del)\s+(?:(?P<qm>{_MONTH})\b\.?(?:,?\s+(?:del?\s+|of\s+)?(?P<qy>{_YEAR})|"
    r"\s+(?P<qthis>this\s+year|de\s+este\s+año))?|"
    r"(?P<qmo>the\s+month|mes)\b)"
)
# "week 10", "epidemiological week 10 of 2024", "semana epidemiológica 10": a numbered week of
# the year (Monday to Sunday); "this week" / "esta semana": the week the page dates itself by
WEEK = (
    r"(?:(?:epidemiological\s+|epi\s+)?week\s+(?:no\.\s*|number\s+)?|"
    r"semana\s+(?:epidemiológica\s+)?(?:n\.?º\s*|número\s+)?)"
    rf"(?P<wn>[1-9]|[1-4]\d|5[0-3])\b(?![.,]\d)(?:,?\s+(?:of\s+|del?\s+)?(?P<wy>{_YEAR}))?"
    r"|(?P<wt>this\s+week|esta\s+semana)\b"
)
# "through the end of the month", "hasta el cierre del mes": a cut-off at the end of the month
# just named; "hasta el día 25", "through the 25th": at a day of it
MONTH_END = (
    r"(?:through|until|up\s+to|to|by|at|as\s+of)\s+the\s+end\s+of\s+the\s+month|"
    r"(?:hasta|a|al)\s+(?:el\s+)?(?:cierre|final|fin|finales)\s+(?:del|de)\s+mes|"
    rf"hasta\s+el\s+día\s+(?P<cd>{_DAY})\b(?!\s+de\s)|"
    rf"(?:through|until|up\s+to)\s+the\s+(?P<ce>{_DAY})(?:st|nd|rd|th)\b(?!\s+of\s)"
)
# "September's first two weeks", "August's second half": a part of a month, named possessively
MONTH_OWN_PART = (
    rf"(?P<sm>{_MONTH})['’]s\s+(?:(?P<so>first|second|third|fourth|last|final)\s+"
    r"(?P<su>half|week|fortnight)|first\s+(?P<sn>\d{1,2}|two|three|four|five|six|seven|eight|"
    r"nine|ten)\s+(?P<sw>days|weeks))\b"
)
# "La semana siguiente, del 10 al 16, el registro bajó", "from the 8th to the 14th": days of the
# month just named (never a share, an age or a walk: "entre 4 y 6 días")
DAYS_ONLY = (
    rf"(?:del|from\s+the)\s+(?P<od>{_DAY})(?:st|nd|rd|th)?\s+(?:al|to\s+the)\s+"
    rf"(?P<oe>{_DAY})(?:st|nd|rd|th)?\b(?![.,]\d|\s*(?:%|percent|por|de\s|del\s|of\s|días|days|años|"
    r"years|mil\b|millones|million))"
)
# What follows the first day of such a range: where find_periods must look although no month or
# year is near.
DAYS_ONLY_LINKS = (" al ", "th to the ", "st to the ", "nd to the ", "rd to the ")
STARTERS = {
    "days_only": "del from",
    "month_own_part": "<month>",
    "month_end": "through until up to by at as hasta a al",
    "week": "week epidemiological epi semana this esta",
    "month_days": "<month>",
    "days_month": "<day>",
    "month_part": "first second third fourth last final primera primer segunda segundo tercera "
    "tercer cuarta cuarto última último",
}
TRIGGERS = ("fortnight", "quincena", "día")

_ORDER = {
    "first": 1,
    "primera": 1,
    "primer": 1,
    "second": 2,
    "segunda": 2,
    "segundo": 2,
    "third": 3,
    "tercera": 3,
    "tercer": 3,
    "fourth": 4,
    "cuarta": 4,
    "cuarto": 4,
}
_HALVES = frozenset({"half", "quincena", "mitad"})


def month_days(m: PeriodMention, c: Context) -> Period | None:
    """A range of days within one month, both ends included."""
    month = m.get("gm") or m.get("rm") or ""
    explicit = m.get("gy") or m.get("ry")
    year = int(explicit) if explicit else c.month_year(MONTHS[month])
    first, last = m.get("gd") or m.get("rd"), m.get("ge") or m.get("re")
    if year is None or first is None or last is None or int(first) >= int(last):
        return None
    return Period(
        date_in_month(first, month, year, end=False), date_in_month(last, month, year, end=True)
    )


def week(m: PeriodMention, c: Context) -> Period | None:
    """A numbered week of the year, Monday to Sunday; "this week" is a stretch of at most seven
    days named before it (a bulletin's "4-10 March 2024"); with none, it is when something was
    said ("officials told researchers this week"), no period."""
    if m.get("wt"):
        if c.reference is not None and (c.reference.end - c.reference.start).days < 7:
            return c.reference
        return None
    year = int(m.get("wy") or 0) or c.current_year()
    if year is None:
        return None
    first = date.fromisocalendar(year, int(m.get("wn") or ""), 1)
    return Period(first, first + timedelta(days=6))


def month_end(m: PeriodMention, c: Context) -> Period | None:
    """The year up to the end of the month named before ("the 2024 total stands at 260,300
    through the end of the month"), or that month up to a day of it ("este agosto, hasta el día
    25")."""
    if c.reference is None:
        return None
    end = c.reference.end
    day = m.get("cd") or m.get("ce")
    if day is None:
        return Period(date(end.year, 1, 1), last_day(end.year, end.month))
    if int(day) > last_day(end.year, end.month).day:
        return None
    return Period(end.replace(day=1), end.replace(day=int(day)))


def month_own_part(m: PeriodMention, c: Context) -> Period | None:
    """ "September's first two weeks" as "the first two weeks of September", "August's second
    half" as "the second half of August"."""
    month = m.get("sm") or ""
    if m.get("so"):
        return month_part(
            PeriodMention(
                0,
                0,
                "month_part",
                (("qo", m.get("so") or ""), ("qu", m.get("su") or ""), ("qm", month)),
            ),
            c,
        )
    raw = m.get("sn") or ""
    days = count_of(raw) * (7 if m.get("sw") == "weeks" else 1)
    year = c.month_year(MONTHS[month])
    if year is None or not 1 <= days <= last_day(year, MONTHS[month]).day:
        return None
    return Period(date(year, MONTHS[month], 1), date(year, MONTHS[month], days))


def days_only(m: PeriodMention, c: Context) -> Period | None:
    """Days of the single month named before."""
    if c.reference is None:
        return None
    end = last_day(c.reference.end.year, c.reference.end.month)
    first, last = int(m.get("od") or 0), int(m.get("oe") or 0)
    if not 1 <= first < last <= end.day:
        return None
    return Period(end.replace(day=first), end.replace(day=last))


def month_part(m: PeriodMention, c: Context) -> Period | None:
    """A half, fortnight or week of a month; "the month" is the one the period named before ends
    in. A half or "quincena" is the 1st-15th or the 16th-end, a fortnight 14 days, a week seven
    (the last week the month's last seven days)."""
    month = m.get("qm")
    if month is not None:
        year = int(m.get("qy") or 0) or c.month_year(MONTHS[month])
        if m.get("qthis") and c.published is not None:
            year = c.published.year
        if year is None:
            return None
        end_of_month = last_day(year, MONTHS[month])
    elif c.reference is not None:
        end_of_month = last_day(c.reference.end.year, c.reference.end.month)
    else:
        return None
    unit, order = m.get("qu") or "", m.get("qo") or ""
    length = 15 if unit in _HALVES else 14 if unit == "fortnight" else 7
    if order in ("last", "final", "última", "último"):
        first_day = end_of_month.day - length + 1 if length == 7 else length + 1
    else:
        first_day = (_ORDER[order] - 1) * length + 1
    last_of_part = (
        end_of_month.day if first_day + length > end_of_month.day else first_day + length - 1
    )
    if length != 7 and first_day > 1:
        last_of_part = end_of_month.day  # the second half runs to the month's end
    if first_day > end_of_month.day:
        return None
    return Period(end_of_month.replace(day=first_day), end_of_month.replace(day=last_of_part))


# Kinds that name a stretch of days, which a later "this week" may stand for.
_DAY_STRETCHES = frozenset({"month_days", "days_month", "day_span", "month_part", "week"})


def without_loose_weeks(mentions: list[PeriodMention]) -> list[PeriodMention]:
    """Drop each "this week" that follows no stretch of days: it says when something was said
    ("officials told researchers this week"), and must not hide the period of the figures near
    it."""
    kept: list[PeriodMention] = []
    seen_days = False
    for mention in mentions:
        if mention.kind == "week" and mention.get("wt") and not seen_days:
            continue
        seen_days = seen_days or (mention.kind in _DAY_STRETCHES and not mention.get("wt"))
        kept.append(mention)
    return kept
