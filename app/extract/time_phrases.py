"""Time expression patterns: years, months, spans, parts of a year, year-to-date; the ones that
point at another time (relative, back, same period) come from back_phrases.py."""

from __future__ import annotations

import re

from . import month_parts
from .back_phrases import BACK, FULL_YEAR, MONTHS_BEFORE, RELATIVE, SAME_PERIOD, SINCE_THEN
from .calendar_terms import COUNTS, MONTHS

_MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"lunes|martes|miércoles|jueves|viernes|sábado|domingo)"
)
_THIS_YEAR = r"(?:(?:the|this|el|este)\s+)?(?:year|año)"
# "the last quarter of last year", "el primer semestre del año pasado": the year before publication
_LAST_YEAR = r"(?P<prev>last\s+year|(?:el\s+)?año\s+pasado|(?:el\s+)?pasado\s+año)"
# Patterns run on folded lower-case text (see patterns.folded): IGNORECASE is several times slower.
_I = re.NOFLAG


def _date(p: str, ends: bool = False) -> str:
    """A month with an optional day before ("15 de agosto") or after ("August 15"), or its
    middle ("mid-October", "mediados de octubre": the 15th); with ends, also its end ("the end
    of April", "finales de abril": the last day), as a span's bound."""
    end = rf"|(?P<{p}f>(?:the\s+)?end\s+of\s+|(?:finales|fines)\s+de\s+)" if ends else ""
    return (
        rf"(?:(?<![\d.,])(?P<{p}d>{_DAY})(?:\s+de|\s+of)?\s+|(?P<{p}h>mid-?\s?|mediados\s+de\s+){end})?"
        rf"(?P<{p}m>{_MONTH})\.?"
        rf"(?:\s+(?P<{p}e>{_DAY})(?:st|nd|rd|th)?(?![\d]|[.,]\d))?"
    )


def _year_tail(p: str) -> str:
    return rf"(?:,?\s+(?:del?\s+|of\s+)?(?P<{p}y>{_YEAR}))"


_YEARS = (
    rf"\b(?:between|from|entre|de|desde)\s+(?:el\s+)?(?:año\s+)?(?P<y>{_YEAR})\s+"
    rf"(?:and|to|through|until|y|a|al|hasta)\s+(?:el\s+)?(?:año\s+)?(?P<y2>{_YEAR})\b"
    rf"|\b(?P<z>{_YEAR})\s*[-–]\s*(?P<z2>{_YEAR})\b"
)
_SPAN = (
    rf"(?:\b(?:between|from|entre|de|desde|del)\s+(?:el\s+)?)?{_date('a')}{_year_tail('a')}?"
    # "March-to-May", "January-to-mid-August": the hyphenated span of a compound adjective
    # "desde el 1 de enero y hasta el corte del 15 de agosto", "from January 1 and through May 31"
    r"\s*(?:\s(?:(?:and|y)\s+(?=through|until|up|hasta))?"
    r"(?:and|to|through|until|up\s+to|y|a|al|hasta(?:\s+el)?(?:\s+corte\s+del?)?)\s|"
    r"[-–](?:(?:to|through|a)[-–])?)\s*"
    r"(?:el\s+)?"
    rf"{_date('b', ends=True)}{_year_tail('b')}?"
    # "entre enero y abril de este año", "from January to April this year", "entre enero y mayo
    # del año pasado", "the same July-to-mid-September stretch last year"
    r"(?:\s+(?:(?:de|of)\s+)?(?:este|this)\s+(?:año|year)|"
    rf"(?:\s+(?:stretch|period|span|window))?\s+(?:(?:del?|of)\s+)?{_LAST_YEAR})?"
)
# "in June, July and August", "en junio, julio y agosto": the months listed, read as one stretch.
_MONTH_LIST = (
    rf"(?<![\d.,]\s)\b(?P<am>{_MONTH})(?:,\s+{_MONTH})+,?\s+(?:and|y)\s+(?P<bm>{_MONTH})\b"
    rf"{_year_tail('b')}?"
)
# "between 1 and 26 May", "del 1 al 10 de junio": days of one month.
_DAY_SPAN = (
    rf"\b(?:between|from|entre|del?|desde)\s+(?:the\s+|el\s+)?(?P<d>{_DAY})(?:st|nd|rd|th)?\s+"
    r"(?:and|to|through|until|y|al?|hasta)\s+(?:the\s+|el\s+)?"
    rf"{_date('b')}{_year_tail('b')}?"
)
# "in the three months to April", "the year to September": a stretch that ends in a named month.
_MONTHS_TO = (
    rf"\b(?:(?P<n>\d{{1,2}}|{'|'.join(COUNTS)})\s+(?:months|meses)|(?P<yr>year))\s+"
    r"(?:to|through|ending\s+in|ended\s+in|up\s+to|until|hasta)\s+"
    rf"(?:(?:the\s+)?end\s+of\s+|finales\s+de\s+)?{_date('t')}{_year_tail('t')}?"
)
_PART = (
    r"\b(?:(?P<this>this|este|el\s+presente)\s+(?P<unit_now>quarter|trimestre|half|semestre)|"
    r"(?:the\s+|el\s+|la\s+)?(?P<ord>first|second|third|fourth|primer|primera|segundo|segunda|"
    r"tercer|tercero|cuarto|1st|2nd|3rd|4th|final)[\s-]+"
    r"(?P<unit>quarter|trimestre|half|semestre|mitad|cuatrimestre|bimestre)"
    rf"(?:\s+(?:of|de|del)\s+(?:{_LAST_YEAR}|{_THIS_YEAR}|(?P<y>{_YEAR})))?)\b"
)
# "the first five months", and the Spanish order "los cinco primeros meses"; and "in eight
# months" (with no article), the year so far when that many months of it are over.
_FIRST_MONTHS = (
    r"\b(?:(?:the\s+|los\s+)?(?:first|primeros)\s+(?P<n>\w+)|"
    rf"(?P<n2>\d{{1,2}}|{'|'.join(COUNTS)})\s+primeros)\s+(?:months|meses)"
    rf"(?:\s+(?:of|de|del)\s+(?:{_LAST_YEAR}|{_THIS_YEAR}|(?P<y>{_YEAR})))?"
    rf"|(?<=\b[ie]n\s)(?P<n3>\d{{1,2}}|{'|'.join(COUNTS)})\s+(?:months|meses)\b"
    r"(?![\s-]+(?:to|of|de|del|later|después|before|earlier|ago|antes|after|old|running|"
    r"in\s+a\s+row|seguidos|consecutivos)\b)"
)
# "the first 10 days of August", "los primeros 15 días de mayo", "the first two weeks of July",
# "las dos primeras semanas de julio".
_FIRST_DAYS = (
    rf"\b(?:(?:first|primeros|primeras)\s+(?P<n>\d{{1,2}}|{'|'.join(COUNTS)})|"
    rf"(?P<n2>\d{{1,2}}|{'|'.join(COUNTS)})\s+(?:primeros|primeras))\s+"
    r"(?:days|días|(?P<wk>weeks|semanas))\s+(?:of|de|del)\s+"
    # "the first two weeks of the year", "los primeros diez días del año"
    rf"(?:{_date('f')}{_year_tail('f')}?|(?P<fyr>the\s+year|(?:(?:el|este)\s+)?año)\b)"
)
# "de enero a la fecha", "from January to date": the named month up to publication.
_MONTH_TO_NOW = (
    rf"\b(?:de|desde|from)\s+{_date('s')}{_year_tail('s')}?\s+(?:a|hasta|to)\s+"
    r"(?:la\s+fecha|hoy|date|today)\b"
)
_YEAR_TO_DATE = (
    rf"\b(?:so\s+far\s+(?:this\s+year|in\s+(?P<y>{_YEAR}))|(?:this|the)\s+year\s+"
    r"(?:so\s+far|to\s+date)|year[- ]to[- ]date|thus\s+far\s+this\s+year|"
    r"since\s+the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+year|"
    r"en\s+lo\s+(?:que\s+va|corrido)\s+(?:del|de\s+este|de)\s+año|"
    r"(?:en\s+el\s+)?acumulado\s+(?:del|de\s+este)\s+año|"
    rf"en\s+lo\s+(?:que\s+va|corrido)\s+de\s+(?P<z>{_YEAR})|"
    r"desde\s+(?:el\s+|los\s+)?(?:inicios?|comienzos?|principios?)\s+(?:del|de\s+este|de)\s+año|"
    r"hasta\s+(?:el\s+día\s+de\s+)?hoy|hasta\s+la\s+fecha|as\s+of\s+today|"
    r"this\s+year|este\s+año|el\s+año\s+en\s+curso|the\s+current\s+year|"
    # "as year's total tops 330,000" (not last year's)
    r"(?<!last\s)(?<!previous\s)(?P<yt>(?<!this\s)year['’]s\s+(?:total|tally|count)))\b"
)
_SINCE = rf"\b(?:since|desde)\s+(?:(?:el|the)\s+)?(?:{_date('s')}{_year_tail('s')}?|(?P<y>{_YEAR}))"
_UNTIL = (
    r"\b(?:(?:as\s+of|by|at)\s+the\s+end\s+of|a\s+finales\s+de|al\s+cierre\s+de|"
    r"hasta\s+(?:el\s+)?(?:final|fin|cierre|finales|fines)\s+de|(?:through|until|up\s+to)\s+the\s+end\s+of|"
    r"as\s+of|by|through|until|up\s+to|"
    # "al corte del 15 de agosto", "con corte al 30 de junio": a report's cut-off
    r"al\s+corte\s+del?|con\s+corte\s+al?|"
    # "hasta esa fecha de mediados de octubre"
    rf"hasta(?:\s+(?:esa|esta|la)\s+fecha\s+de|\s+el)?|al)\s+"
    # "as of Thursday, Sept. 14", "hasta el domingo 10 de noviembre": a weekday before the date
    rf"(?:{_WEEKDAY},?\s+(?:the\s+|el\s+)?)?{_date('u')}{_year_tail('u')}?"
)
_MONTH_ALONE = (
    rf"(?:\b(?:(?P<last>last|pasado)|(?P<thism>this|este))\s+)?{_date('x')}(?:{_year_tail('x')}|\s+(?P<rel>pasado|"
    r"del\s+año\s+pasado|of\s+last\s+year|last\s+year|de\s+este\s+año|of\s+this\s+year|"
    r"this\s+year))?"
)
# "the last three months", "los últimos 12 meses", "the last quarter": whole months before the
# month of publication.
_LAST_MONTHS = (
    # ("the final three months of 2023": only with its year, as below)
    r"\b(?:(?:last|past|previous|preceding|últimos|pasados|final(?=\s+\w+\s+months\s+of\s+(?:19|20|last)))"
    r"\s+(?P<n>\d{1,2}|[a-z]+)\s+(?:months|meses)|"
    r"(?P<n2>\d{1,2}|[a-z]+)\s+últimos\s+meses|"
    r"(?P<q>(?:last|past)\s+quarter|último\s+trimestre|trimestre\s+pasado))"
    rf"(?:\s+(?:of|de|del)\s+(?:(?P<y>{_YEAR})|{_LAST_YEAR}))?\b"
)
# "en lo que va de agosto", "so far in August": the month up to publication.
_MONTH_TO_DATE = rf"\b(?:en\s+lo\s+(?:que\s+va|corrido)\s+(?:del\s+mes\s+)?de|so\s+far\s+in)\s+(?P<mm>{_MONTH})\b"
# Times that cannot be dated; recognised so that figures do not borrow a neighbour's period.
_VAGUE = (
    r"\b(?:a\s+decade\s+ago|(?:\w+\s+)?years\s+ago|hace\s+(?:una\s+década|(?:\w+\s+)?años)|"
    r"in\s+a\s+typical\s+year|en\s+un\s+año\s+(?:normal|típico))\b"
)
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (kind, re.compile(pattern, _I))
    for kind, pattern in (
        ("years", _YEARS),
        ("span", _SPAN),
        ("span", _MONTH_LIST),
        ("day_span", _DAY_SPAN),
        ("part", _PART),
        ("first_months", _FIRST_MONTHS),
        ("first_days", _FIRST_DAYS),
        ("month_to_now", _MONTH_TO_NOW),
        ("months_to", _MONTHS_TO),
        ("ytd", _YEAR_TO_DATE),
        ("since", _SINCE),
        ("until", _UNTIL),
        ("month", _MONTH_ALONE),
        ("relative", RELATIVE),
        ("same_period", SAME_PERIOD),
        ("since_then", SINCE_THEN),
        ("months_before", MONTHS_BEFORE),
        ("vague", _VAGUE),
        ("last_months", _LAST_MONTHS),
        ("month_to_date", _MONTH_TO_DATE),
        ("full_year", FULL_YEAR),
        ("back", BACK),
        ("month_days", month_parts.MONTH_DAYS),
        ("days_month", month_parts.DAYS_MONTH),
        ("month_part", month_parts.MONTH_PART),
        ("week", month_parts.WEEK),
        ("month_end", month_parts.MONTH_END),
        ("month_own_part", month_parts.MONTH_OWN_PART),
        ("days_only", month_parts.DAYS_ONLY),
    )
]
PATTERNS.append(("year", re.compile(rf"(?<![\d.,])(?P<y>{_YEAR})(?![\d]|[.,]\d)")))
