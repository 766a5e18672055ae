"""Time expressions that point at another time: relative to publication or to the period just
named ("a year earlier", "the previous three", "the same quarter a year earlier", "the full
year", "those three months", "since then"). Their periods are worked out in recent.py and
references.py; time_phrases.PATTERNS lists them with the others."""

from __future__ import annotations

from .calendar_terms import COUNTS

_YEAR = r"(?:19[5-9]\d|20\d\d)"

# "last year", "el mes anterior", "a year earlier": from publication or from the period just named.
RELATIVE = (
    r"\b(?:(?P<ly>last\s+year|(?:el|del)\s+año\s+pasado|el\s+pasado\s+año)|"
    # ("the last month of the quarter" is a part of another period)
    r"(?P<lm>last\s+month(?!\s+of\b)|(?:el|del)\s+mes\s+pasado|el\s+pasado\s+mes|"
    r"(?:el|del)\s+último\s+mes(?!\s+del?\b))|"
    r"(?P<lw>last\s+week|la\s+semana\s+pasada|la\s+pasada\s+semana)|"
    r"(?P<pm>the\s+(?:previous|prior|preceding)\s+month|the\s+month\s+before|"
    r"(?:el|del)\s+mes\s+(?:anterior|previo)|un\s+mes\s+antes)|"
    r"(?P<tm>this\s+month|este\s+mes|en\s+lo\s+que\s+va\s+del\s+mes)|"
    r"(?P<pq>the\s+(?:previous|prior|preceding)\s+quarter|the\s+quarter\s+before|"
    r"(?:el|del)\s+trimestre\s+(?:anterior|previo))|"
    r"(?P<py>the\s+(?:previous|prior|preceding)\s+year|the\s+year\s+before|"
    r"a\s+year\s+(?:earlier|before)|(?:el|del)\s+año\s+(?:anterior|previo)|un\s+año\s+antes))\b"
)
# "los tres meses anteriores", "the two months before": the months before the period just named.
# ("compared with 98,000 in the previous three", "frente a los tres anteriores": months left out)
MONTHS_BEFORE = (
    r"\b(?:the|los|las|those|esos|aquellos)\s+(?:(?P<n>"
    + "|".join(COUNTS)
    + r"|\d{1,2})\s+(?:months|meses)\s+(?:before|earlier|prior|anteriores|previos|antes)\b|"
    # the months left out after months just named: "68,200 in those three months, compared with
    # 98,000 in the previous three", "frente a 98.000 en los tres anteriores" (only before a
    # mark: "the previous three presidents" is no time)
    r"(?:previous|preceding|prior)\s+(?P<n2>"
    + "|".join(COUNTS)
    + r")(?=\s*(?:[.,;:)]|\Z))|(?P<n3>"
    + "|".join(COUNTS)
    + r")\s+(?:anteriores|previos)(?=\s*(?:[.,;:)]|\Z))|"
    # whole years before: "the previous five years put together", "los tres años anteriores"
    r"(?:previous|preceding|prior)\s+(?P<ny>"
    + "|".join(COUNTS)
    + r"|\d{1,2})\s+years|(?P<ny2>"
    + "|".join(COUNTS)
    + r"|\d{1,2})\s+(?:years\s+(?:before|earlier|prior)|años\s+(?:anteriores|previos|antes)))"
)
# "the same period of 2022": the period mentioned just before, moved to another year.
SAME_PERIOD = (
    r"\b(?:the\s+)?same\s+(?:period|stretch|span|time\s*frame|window|(?P<unit>quarter|half|month)|months|"
    # "the same nine months of 2020": with its length, the nine-month period named before
    r"(?P<wk>weeks|days)|(?P<n6>" + "|".join(COUNTS) + r"|\d{1,2})\s+months|\w+\s+months|"
    r"\w+\s+(?P<wk2>weeks))\s+"
    r"(?:(?:of|in|last)\s+"
    rf"(?:(?P<y>{_YEAR})|(?P<prior>last\s+year|the\s+previous\s+year|year))|"
    # "the same quarter a year earlier saw 87,390"
    r"(?P<prior2>a\s+year\s+(?:earlier|before|ago)|the\s+year\s+before))"
    r"|\b(?:(?:(?:el|del)\s+)?mismo\s+(?:periodo|período|lapso|tramo|(?P<unit2>mes|trimestre|semestre))|"
    # "los mismos meses", "los mismos dos meses"
    r"(?:(?:los|las)\s+)?mism[oa]s\s+(?:(?P<n4>"
    + "|".join(COUNTS)
    + r"|\d{1,2})\s+)?(?:meses|(?P<wk3>semanas)|fechas))\s+(?:de(?:l)?\s+)?"
    rf"(?:(?P<z>{_YEAR})|(?P<prior_es>año\s+(?:anterior|pasado)))"
    # "frente a 430.000 a la misma fecha del año pasado", "at the same point last year"
    rf"|\bmisma\s+fecha\s+(?:del?\s+)?(?:(?P<z3>{_YEAR})|año\s+(?:anterior|pasado))"
    rf"|\bsame\s+(?:point|date|time)\s+(?:last\s+year|a\s+year\s+(?:earlier|ago|before)|"
    rf"(?:in|of)\s+(?P<y3>{_YEAR}))"
)
# "for the full year", "todo el año": the whole year of the period just mentioned.
FULL_YEAR = (
    r"\b(?:(?:full|whole|entire)\s+year|todo\s+el\s+año|el\s+año\s+completo|"
    r"year\s+as\s+a\s+whole|el\s+año\s+en\s+su\s+conjunto|el\s+conjunto\s+del\s+año|"
    # a year's record ("went on to set an annual record of 520,085"; a year's total is not one:
    # "hasta el 30 de septiembre, el total anual ascendía a 211.000" runs to its cut-off)
    r"(?:annual|yearly)\s+record|récord\s+anual|"
    # the year's close: "cuando el año terminó con 520.085 cruces", "ended the year with"
    r"(?P<ye>año\s+(?:terminó|cerró|acabó|finalizó)|(?:terminó|cerró|acabó)\s+el\s+año|"
    r"year\s+(?:ended|closed|finished)|(?:ended|closed|finished)\s+the\s+year))\b"
)
# "in those three months", "ese periodo", "del trimestre": a period mentioned earlier.
BACK = (
    r"\b(?:(?:the|that|those|ese|esa|esos|esas|aquel|aquellos)\s+"
    # "in those same five months", "en esos mismos cinco meses" (a year fronted before it moves
    # them: see references.ResolvedMentions)
    r"(?:(?P<same>same|mism[oa]s?)\s+)?(?:(?P<n>" + "|".join(COUNTS) + r"|\d{1,2})\s+)?"
    r"(?P<unit>months|meses|period|periodo|período|lapso|quarter|trimestre|semestre)|"
    # ("En el trimestre, las mujeres y niñas representaron el 27 %")
    # (read from the unit itself: "en" is too common a word to try the pattern at)
    r"(?:del\s+|(?<=\ben\sel\s)(?=trimestre|semestre))(?P<unit2>trimestre|semestre|periodo|período)"
    r"(?!\s+(?:anterior|previo|pasado)\b)|"
    # "Hasta octubre el flujo no paró de crecer: en ese mes cruzaron 59.800": the month the
    # period just named ends in
    r"(?:that|ese|aquel)\s+(?P<unit3>month|mes)|"
    # "En el mismo periodo cruzaron 4.950 ciudadanos de la India": the period just named
    r"(?:same|mismo)\s+(?P<unit4>period|periodo|período|lapso|stretch|span)"
    r"(?!\s+(?:of|de|del|in|last|a\s+year|un\s+año)\b)|"
    # "en los ocho meses", "over these five months": with its length, never a bare "los meses"
    r"(?:los|las|estos|estas|these)\s+(?P<n5>"
    + "|".join(COUNTS)
    + r"|\d{1,2})\s+(?:months|meses)(?!\s+(?:before|earlier|prior|anteriores|previos|antes))|"
    # "of the nine-month flow": the length written as a compound adjective
    r"(?:the|that|this)\s+(?P<n3>"
    + "|".join(COUNTS)
    + r"|\d{1,2})-month\s+(?:flow|total|period|figure|count|stretch|span|tally))\b"
)
# "About 93,000 people have crossed since then", "desde entonces": from the time just named.
SINCE_THEN = (
    r"\b(?:since\s+then|since\s+that\s+(?:day|date|time)|desde\s+entonces|"
    r"desde\s+(?:ese|aquel)\s+(?:día|momento))\b"
)
