"""Patterns that tie a number to its neighbours: crossing talk, lists, appositions, asides."""

from __future__ import annotations

import re
from collections.abc import Callable

from .calendar_terms import MONTHS
from .patterns import word_start

MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))

_I = re.NOFLAG  # patterns run on lower-cased text
# A paragraph about crossings lets a bare number ("crossings reached 520,085.") count.
CROSSING_TALK = re.compile(
    word_start(
        r"cross\w*|cruz\w*|cruce\w*|atraves\w*|transit\w*|tránsito|dari[eé]n|jungle|selva|"
        r"entered|entr(?:y|ies|adas?)|ingres\w*|flujo|flow|migra\w*|figure|cifra|total\w*|tally|"
        r"record\w*|registr\w*|register\w*|counted|contabiliz\w*|llegad\w*|arrivals?|irregular\w*|"
        r"traves[ií]a|trek\w*|"
        # a month zoomed in on is the story's count: "Solo en noviembre fueron 25.600"
        rf"(?:solo|sólo|solamente|únicamente)\s+en\s+(?:{MONTH_NAMES})|"
        rf"(?:in|during)\s+(?:{MONTH_NAMES})\s+alone"
    )
    + r"\b",
    _I,
)
# A paragraph made of labelled counts only: "Mes a mes: julio, 21.700; agosto, 21.900.",
# "Monthly: January 24,634 | February 24,657 | March 38,099".
COUNT_LIST = re.compile(
    r"\s*(?:[^\W\d]+(?:\s+[^\W\d]+){0,3}\s*:\s*)?"
    r"(?:[^\W\d]+(?:\s+[^\W\d]+){0,2}[,:]?\s+\d[\d.,]*\s*[;,.|]?\s*)+",
    _I,
)
# Words that may follow a bare number that is still a count of people.
BARE_FOLLOWER = re.compile(
    r"[ \t]*\n|\s*(?:[.,;:()\]\"”»—–·|•]|\Z|(?:in|en|during|durante|over|across|throughout|this|last|so|el|la|los|las|the|from|"
    r"between|entre|through|until|hasta|according|según|compared|frente|comparado|con|with|while|"
    r"mientras|and|y|a|al|del|de|of|or|o|for|para|that|que|which|who|lo|crossed|cruzaron|entered|"
    r"ingresaron|transited|transitaron|atravesaron|pasaron|registered|recorded|counted|reported|"
    # ("double the 248,284 logged in 2022", "el récord de 520.085 alcanzado en 2023")
    r"registrad\w*|contabilizad\w*|logged|alcanzad[oa]|se|han|have|had|were|was|is|fue|es|desde|"
    r"since|as|como|by|"
    r"por|made|hicieron|did|it|they|at|within|"
    # a crossing verb straight after the count: "16,980 arrived between Sept. 8 and Sept. 14",
    # "13,600 more arrived" (a comparison's "more ... than" is rejected elsewhere)
    r"arrived|came|llegaron|salieron|more|más|"
    # or in a headline's present: "Over 109,000 cross Darien Gap in first quarter"
    r"cross(?!-)|enter|arrive|cruzan|atraviesan|llegan)\b|"
    # or its participle after "with", before the rest of the clause: "with 58,300 crossing in
    # that span", "con 58.300 cruzando en ese lapso" (not a modifier: "3,000 crossing permits")
    r"(?:crossing|making|entering|passing|transiting|arriving|coming|walking|trekking|emerging|"
    r"cruzando|ingresando|transitando|atravesando|pasando|llegando)"
    r"(?=\s*(?:[.,;:]|\Z|(?:in|into|over|during|through|from|the|this|that|since|between|en|el|"
    r"la|por|desde|durante)\b)))",  # "the 33,800 it recorded"
    _I,
)
CONNECTOR = re.compile(
    word_start(r"(?:and|y|while|mientras|but|pero|whereas|whilst)\b", also=(",", ";")), _I
)
LINKED = re.compile(
    # ("deported 12,000 Venezuelans, but only 300 Colombians": the contrast shares the verb)
    r"\A[^.;]{0,60}?\b(?:and|y|but|pero|including|incluidos|incluyendo|among\s+them|entre\s+ellos|"
    r"of\s+(?:those|them|whom)|de\s+(?:ellos|ellas|estos|los\s+cuales|las\s+cuales)|"
    r"entre\s+ell[oa]s|another|"
    r"otros|otras)\b|\A\s*,\s*\Z",
    _I,
)
OWN_CROSSING = re.compile(
    word_start(r"cross\w*|cruz\w*|atraves\w*|transit\w*|entered|ingres\w*"), _I
)
# "113,180 minors, or about 22%": a share restating the count before it.
# The count's own noun may come first ("113,180 were minors, a little over a fifth"), and a
# source between them ("196.800, según las cifras oficiales, es decir, dos de cada tres"). Each
# word ends at a word boundary, so no word is tried as several shorter ones (which made a gap
# that does not match cost milliseconds of backtracking).
APPOSITION = re.compile(
    # (a year among the words: "numbered more than 25,000 in 2023, a share of about 5%")
    r"\A(?:\s*(?:[^\W\d]+|(?:19|20)\d\d)\b(?:[-'’][^\W\d]+\b)?){0,6}"
    r"(?:\s*,\s*(?:según|according\s+to)\b[^,;.]{0,60})?"
    # ("con 12.100 o un 5,2 % del flujo": "or" alone will do)
    # ("representaron el 14 % del total; es decir, unos 14.300")
    r"\s*(?:[,(—–|]|;(?=\s*(?:es\s+decir|that\s+is|or|o)\b)|\bthat\s+is|\bes\s+decir|\bor\b|\bo\b)"
    r"\s*(?:(?:or|o|that\s+is|es\s+decir|equivalent\s+to|"
    r"algo\s+más\s+de|a\s+little\s+(?:over|under|more\s+than|less\s+than)|slightly\s+(?:over|under)|"
    r"equivalente\s+al?|el|la|about|some|roughly|nearly|around|almost|close\s+to|casi|"
    r"cerca\s+del?|alrededor\s+del?|unos|unas|un|una|more\s+than|over|just\s+(?:over|under)|"
    r"less\s+than|fewer\s+than|only|just|barely|apenas|solo|sólo|"  # "13.400, apenas el 3 %"
    r"a\s+share\s+of|una\s+(?:proporción|cuota)\s+del?|"  # "25,000 in 2023, a share of about 5%"
    r"más\s+de|menos\s+de|poco\s+más\s+de|lo\s+que\s+(?:equivale|representa|supone)\s+al?|"
    # "40,593 were Venezuelan, which is to say close to 68%", "o sea, el 12 %"
    r"(?:which|that)\s+is\s+to\s+say|o\s+sea|in\s+other\s+words|en\s+otras\s+palabras|"
    r"which\s+is)\s*,?\s+)*\Z"
    # "150,300 of them (71.2%)": a share in brackets right after the count
    # ("unos 10.000, fueron el segundo grupo (7 %)")
    r"|\A\s*(?:\.{3,}\s*)?,?(?:\s*[^\W\d]+\b){0,4}\s*\(\s*\Z"
    # "a quarter of the total, or 97,500": a count restating the share before it
    # ("una cuarta parte del total, unos 113.000": the hedge alone will do)
    # ("about 62% of the 11-month total, or some 78,500 people")
    r"|\A\s*(?:of|de|del)\s+(?:the\s+|all\s+)?(?:[\w-]+\s+)?(?:total|them|ellos|ellas)\s*,\s*"
    r"(?:(?:or|o|es\s+decir|that\s+is)\s+)?(?:(?:about|some|roughly|nearly|around|almost|unos|"
    r"unas|casi|cerca\s+de|alrededor\s+de)\s+)?\Z",
    _I,
)
# A share after the clause of a count, saying what part of the whole that count is: "24,000
# Chinese nationals crossed between January and October, making up about 5% of the 460,000",
# "2,005 Chinese citizens were registered, about 0.8% of the total" (a bare hedge only when
# the share is then said to be of the whole: see WHOLE_AFTER).
SHARE_OF_COUNT = re.compile(
    # ("238,000 Venezuelans were registered between January and September, or 61% of everyone";
    # the count an aside before its verb: "los venezolanos, 1.402, representan casi la mitad")
    r",\s*(?:(?:or|o|that\s+is|es\s+decir)\s+)?(?P<verb>making\s+up|accounting\s+for|representing|"
    r"representando|(?:que\s+)?representa(?:n|ron)?|ma(?:de|ke)\s+up|account(?:ed)?\s+for|"
    r"lo\s+que\s+(?:representa|supone|equivale\s+a)l?|equivalent\s+to|equivalentes?\s+al?)?"
    r"(?:\s*(?:about|some|roughly|nearly|around|almost|just|only|over|more\s+than|casi|cerca\s+del?|"
    r"alrededor\s+del?|apenas|solo|más\s+del?|el|un))*\s*\Z",
    _I,
)
WHOLE_AFTER = re.compile(
    r"\s+(?:of|de|del)\s+(?:the\s+|los\s+|las\s+|all\s+)?(?:total|all\b|todos|todas|everyone|"
    r"everybody|roughly|about|"
    r"some|nearly|more\s+than|unos|unas|casi|más\s+de|\d)|"
    # "86.900 niños ... cruzaron, más de uno de cada cinco migrantes que hicieron la travesía"
    r"\s+(?:migrants|migrantes|people|personas|crossers|travell?ers|viajeros)\b",
    _I,
)
# A record already set, named right before its number: whatever the sentence forecasts is
# measured against it ("el flujo podría acercarse al récord de 520.085 personas").
RECORD_OF = re.compile(
    word_start(
        r"(?:record|récord|máximo\s+histórico)(?:\s+(?:annual|yearly|anual|histórico|high))?|"
        # a past year's total: "on track to pass last year's total of 248,284"
        r"(?:last\s+year['’]s|the\s+previous\s+year['’]s)\s+(?:total|tally|count|figure)|"
        r"(?:19|20)\d\d['’]s\s+(?:total|tally|count|figure)|"
        r"total\s+del\s+año\s+(?:pasado|anterior)"
    )
    + r"\s+(?:of|de)\s+(?:(?:about|some|nearly|almost|more\s+than|over|unos|unas|casi|más\s+de)\s+)?\Z",
    _I,
)
# (and after leader dots, "of them", or with a hedge: "40,438 of them (about one in five) were")
BRACKETED_SHARE = re.compile(
    r"\s*(?:\.{3,}\s*|(?:of\s+them|de\s+ell[oa]s)\s*)?\(\s*"
    r"(?:(?:about|some|roughly|nearly|around|almost|unos|unas|casi)\s+)?",
    _I,
)
# A share restated in figures between commas: "más de la mitad, el 51 %, eran venezolanos".
APPOSED_SHARE = re.compile(
    r"(?:\s+[^\W\d]+){0,2}\s*,\s*(?:(?:or|o|el|that\s+is|es\s+decir)\s+)?", _I
)
PRONOUN_OPENER = re.compile(
    # a time may come first: "Hasta el 31 de octubre sumaban 196.800"
    r"\s*(?:(?:hasta|desde|en|through|by|until|since|in)\s[^,.;]{0,30}?\s)?"
    r"(?:they|these|those|ellos|ellas|estos|estas|representan|representaron|representaban|"
    r"constituyen|constituyeron|suponen|supusieron|equivalen|equivalían|suman|sumaron|sumaban|"
    r"totalizaron|totalizan)\b",
    _I,
)
# (the other side of a comparison is a count of its own: "2% more than the 166,600 counted")
FRESH_CLAUSE = re.compile(
    r",\s*(?:when|cuando)\b|\b(?:the\s+(?:figure|total|number)|la\s+cifra|el\s+(?:total|número))\b|"
    # a share named as a new subject: "un 49 % más que en 2023, y la proporción de niños alcanzó"
    r"\b(?:the\s+(?:share|proportion|percentage)|la\s+proporción|el\s+porcentaje)\b|"
    r"\b(?:than|que)\s+(?:the|los|las|el|la)\s+(?:[^\W\d]+\s+){0,2}?(?:(?:of|de)\s+)?\Z|"
    r"\b(?:than|que)\s+(?:the|los|las|el|la)\s*\Z|\bfrente\s+a(?:\s+(?:los|las))?\s*\Z|"
    # ("a 96% drop from the 73,500 recorded a year earlier", "casi el doble de los 248.284")
    r"\b(?:from|against|versus|compared\s+(?:with|to))\s+the\s*\Z|"
    r"\b(?:doble|triple|double|twice|mitad|half)\s+(?:de|of|que)\s+(?:the|los|las)\s*\Z",
    _I,
)
OF_THEM = re.compile(r"\s+(?:of\s+them|of\s+whom|de\s+ell[oa]s)\b", _I)
# ... or fronted, opening the sentence: "Of that total, 3,300", "Among them, 900", "De ellos, 1.230"
PART_OF_THEM = re.compile(
    r"\s*(?:of|among|de|entre)\s+(?:that\s+total|those|them|these|ese\s+total|ell[oa]s|"
    r"est[oa]s|es[oa]s)\s*,?\s*",
    re.IGNORECASE,  # also read on the original text, for the period (see Timeline.period_for)
)
ANY = re.compile(r"", _I)
# "25,565 Chinese ..., eleven times the 2,005 recorded in 2022": the comparison keeps the subject.
COMPARISON = re.compile(
    word_start(r"times|veces|than|que|compared|frente|up\s+from|down\s+from") + r"\b", _I
)
# "a quarter were minors, and the share stayed close to 20% in 2024": the share named again.
SHARE_AGAIN = re.compile(
    word_start(
        r"(?:the|that|this|its)\s+(?:share|proportion|percentage)|"
        r"(?:la|esa|esta|su)\s+(?:proporción|porcentaje|cuota)|(?:el|ese|este|su)\s+porcentaje"
    )
    # ("The proportion was higher in the first six months of the year, when it reached 21%")
    + r"\b[^.;\d]{0,80}\Z",
    _I,
)
# The story's count named as such right before a bare number, in a paragraph after one that gave
# a figure: "In the same months of 2023 the count was 399,500", "the total stands at 2,940".
COUNT_NAMED = re.compile(
    r"\b(?:the\s+(?:count|figure|total|tally)|la\s+cifra|el\s+(?:total|conteo|acumulado))\s+"
    r"(?:was|is|stood\s+at|stands\s+at|reached|fue\s+de|era\s+de|es\s+de|llegó\s+a|"
    r"ascendió\s+a|ascendía\s+a)\s+(?:(?:about|some|roughly|nearly|around|unos|unas|casi)\s+)?\Z",
    _I,
)
# ... and, right after a share, "the figure" named again: "Children make up one in five of all
# migrants; in 2022 the figure was 16%", "la cifra era del 16 %".
FIGURE_AGAIN = re.compile(
    word_start(r"(?:the|that|this)\s+figure|(?:la|esa|esta)\s+cifra") + r"\b[^.;\d]{0,40}\Z", _I
)
# "rose to 21% of all crossers, from 19% in 2023", "el 22 %, frente al 16 % de 2022": a share
# set against the share just before it is the same group's.
SHARE_COMPARED = re.compile(
    word_start(
        r"from|against|compared\s+with|compared\s+to|versus|vs\.?|frente\s+al?|contra|"
        r"comparado\s+con|respecto\s+al?|en\s+comparación\s+con|"
        # the same group's share moving on: "who had made up 60 percent ..., fell to 9 percent"
        r"(?:fell|dropped|declined|slipped|rose|climbed|grew|increased|jumped)\s+to|"
        r"(?:bajó|bajaron|cayó|cayeron|descendió|descendieron|subió|subieron|aumentó|aumentaron|"
        r"creció|crecieron|pasó|pasaron)\s+al?|"
        # the same group's share at another time: "cuando en 2017 eran apenas el 2 por ciento",
        # "when in 2021 they were 12%"
        r"(?:cuando|when)\s+(?:(?:in|en)\s+(?:19|20)\d\d,?\s+)?(?:eran|era|fueron|fue|they\s+were|"
        r"it\s+was)"
    )
    + r"\s+(?:(?:the|el|la|un|una|about|some|roughly|around|nearly|just|only|barely|apenas|unos|casi)\s+)*\Z",
    _I,
)
# "about 20,300 girls and 20,900 boys": the hedge covers both.
COORDINATION = re.compile(r"\A\s*[^\W\d]+\s+(?:and|y)\s+\Z", _I)
# Children said to travel alone, in the clause after their count.
ALONE = re.compile(
    r"[^.;:]{0,60}?\b(?:unaccompanied|separated\s+from|no\s+acompañad[oa]s|solos|solas|alone|"
    r"without\s+(?:a\s+|an\s+|their\s+)?(?:parents?|guardians?|adults?|famil(?:y|ies))|"
    r"sin\s+(?:un\s+adulto|(?:sus\s+|la\s+)?(?:padres|familias?|acompañantes?|compañía)))\b",
    _I,
)
# A bare count that travels alone, right after children were counted: "entre ellos, 1.950
# viajaban sin la compañía de un adulto", "Unos 430 viajaban solos".
# ("including 1,260 who were unaccompanied": the adjective needs no verb of travel)
TRAVELS_ALONE = re.compile(
    r"\s+(?:(?:who|que)\s+)?(?:were\s+|eran\s+|estaban\s+)?(?:unaccompanied|no\s+acompañad[oa]s)|"
    r"\s+(?:were\s+)?(?:viaj\w+|travel\w+|iban|llegaron|arrived|came)\s+(?:solos|solas|alone|"
    r"unaccompanied|no\s+acompañad[oa]s|sin\s+(?:la\s+)?(?:compañía|un\s+adulto|sus\s+padres|"
    r"acompañante)|"
    r"without\s+(?:a\s+|an\s+|their\s+)?(?:parents?|adults?|guardians?))\b",
    _I,
)
# Between a share and the count it is a share of: "half of the 166,000", "el 72 % de los".
# A hedge may come before the count: "61 percent of the more than 400,000 people".
BASE_COUNT = re.compile(
    r"\s+(?:of|de|del)\s+(?:the\s+|los\s+|las\s+|all\s+(?:the\s+)?)?"
    r"(?:(?:more\s+than|over|nearly|almost|about|some|around|roughly|más\s+de|unos|unas|casi|"
    r"cerca\s+de|alrededor\s+de|poco\s+más\s+de)\s+)?",
    _I,
)

# A block of key figures, one "label: figure" per line ("Third quarter (July-September 2023):
# 211,980"), goes on with the paragraph before it.
LABELLED_LINES = re.compile(
    r"(?:[^\W\d][^\n:\d]{0,40}\n[ \t]*)?"  # a heading: "KEY FIGURES"
    r"(?:[^\n:]{1,80}:[ \t]*[+\-]?\d[\d.,]*[ \t]*%?[ \t]*(?:\n[ \t]*|\Z))+\s*",
    _I,
)


def talks_of_crossing(
    text: str, paragraph_of: Callable[[int], tuple[int, int]], position: int
) -> bool:
    """Whether the paragraph at position talks of crossings; a paragraph that is only a list of
    labelled counts ("Mes a mes: julio, 21.700; agosto, 21.900.") goes on with the one before."""
    start, end = paragraph_of(position)
    if CROSSING_TALK.search(text, start, end):
        return True
    if start == 0 or not (
        COUNT_LIST.fullmatch(text, start, end) or LABELLED_LINES.fullmatch(text, start, end)
    ):
        return False
    return CROSSING_TALK.search(text, *paragraph_of(start - 1)) is not None
