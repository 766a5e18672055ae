"""Who a figure counts: nationality, age and sex terms in both languages, and how they attach."""

from __future__ import annotations

import re
from bisect import bisect_left
from operator import attrgetter

from .calendar_terms import MONTHS
from .lexicon import GENERIC_WORDS, Term
from .records import EVERYONE, Subject

_MONTH_NAMES = "|".join(MONTHS)
# Words that may sit between a number and the noun it counts: "113,180 of them were minors".
_FILLER = re.compile(
    # a relative clause up to its verb: "63% of those who crossed in August were Haitians"
    # a share in brackets between a count and its noun: "112,000 (64.2%) were Venezuelans"
    # a one-word aside: "uno de cada cinco, además, era menor"
    # the same share in figures: "más de la mitad, el 51 %, eran venezolanos"
    r"(?:\s+|\s*\([^()\n]{0,24}\)|\)|,\s*[^\W\d_]+\s*,|"
    r",\s*(?:(?:or|o|el|that\s+is|es\s+decir)\s+)?\d[\d.,]*\s*(?:%|percent|per\s+cent|por\s+ciento)\s*,|,(?=\s*(?:were|was|are|eran|era|fueron|son|es|procede|proceden|proviene|provienen|came|come|comes)\b)|\b(?:who|que|quienes)\s+(?:[^\W_]+\s+){1,10}?(?=(?:were|are|was|is|eran|era|fueron|fue|son|es)\b)|"
    # a participle clause: "a quarter of the people recorded in 2023 were minors", "one in five
    # people stepping off these canoes is a minor"
    r"\b(?:recorded|registered|counted|[^\W\d_]{2,}ing|registrad[oa]s|contabilizad[oa]s|"
    r"censad[oa]s|llegad[oa]s)\s+(?:[^\W_]+\s+){0,8}?(?=(?:were|are|was|is|eran|era|"
    r"fueron|fue|son|es)\b)|"
    r"\b(?:de|del|of|the|a|an|los|las|la|el|them|those|these|whom|who|were|was|are|is|eran|era|es|fue|"
    # "más de la quinta parte correspondió a menores de edad"
    r"correspond(?:ió|ieron|e|en|ía|ían)\s+al?|"
    r"(?:has|have|had)\s+been|ha\s+sido|han\s+sido|(?:este|el)\s+año|this\s+year|"
    # "14,300 migrants listed as Chileans", "registrados como venezolanos"
    r"(?:listed|registered|counted|recorded)\s+as|(?:registrad|contad|inscrit)[oa]s\s+como|"
    r"son|fueron|ellos|ellas|estos|estas|esos|esas|aquellos|aquellas|cuales|que|irregular|"
    r"irregulares|undocumented|northbound|"  # "408 northbound crossings"
    # the group's period between it and its verb: "Seven in ten migrants in first half were"
    r"(?:in|during|en|durante)\s+(?:the\s+|el\s+|la\s+)?(?:first|second|third|fourth|primer|"
    r"primera|segundo|segunda|tercer|cuarto)\s+(?:half|quarter|semestre|trimestre)|"
    # or pointed back to, or a month: "1 in 5 of the migrants in that period were minors",
    # "the migrants over the same span were", "los migrantes de ese lapso", "in July were"
    r"(?:in|during|over|en|durante|de)\s+(?:that|this|the|those|these|ese|esa|este|esta|esos|"
    r"esas|aquel|el|la)\s+(?:same\s+|mismo\s+|misma\s+)?(?:period|periodo|período|span|stretch|"
    r"lapso|months?|weeks?|quarter|half|semestre|trimestre|meses|semanas)|"
    rf"(?:in|during|en|durante)(?=\s+(?:{_MONTH_NAMES})\b)|"
    r"indocumentad[oa]s|nationals?|nacionales|citizens?|ciudadan[oa]s|from|procedentes?|"
    r"provenientes?|originari[oa]s|origen|origin|nacionalidad|nationality|in\s+transit|en\s+tránsito|total|"
    r"dari[eé]n|"  # "6 of 10 Darien migrants"
    r"come|comes|came|vienen|venían|proceden|procede|procedían|proviene|provienen|"  # "12,600 come from Ecuador"
    r"other|otros|otras|all|todos|todas|this\s+year's|year's|['’]s|(?:19|20)\d\d|flujo|flow|"
    r"more|additional|further|adicionales|"  # "about 8,100 more people were recorded"
    # the period the group is of: "siete de cada diez migrantes del cuatrimestre eran"
    r"(?:del|de\s+es[et]e)\s+(?:semestre|trimestre|cuatrimestre|periodo|período|año|mes)|"
    r"(?:of|in)\s+the\s+(?:quarter|half|period|year|month)|"
    # "of the five-month total were minors"
    r"(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)-(?:month|year|week|day)|"
    r"(?:last|this|the)\s+(?:month|year|quarter)['’]s|"
    # the count a share is of: "la mitad de los 166.000 migrantes ... eran venezolanos", with
    # its hedge: "el 61 % de los más de 400.000 migrantes"
    r"\d{1,3}(?:[.,]\d{3})+|more\s+than|más\s+de|nearly|almost|roughly|around|casi|unos|unas|"
    + _MONTH_NAMES
    + r"|"
    + GENERIC_WORDS
    + r")\b)*",
    re.NOFLAG,  # callers pass lower-cased text
)
# A verb left out after a comma, the noun ending the clause: "y el 4,6 %, colombianas."
_GAPPED = re.compile(r",\s*")
_ENDS = re.compile(r"(?:\s+de\s+edad)?[ \t]*(?:[.;\n]|\Z)")
# A group a count is listed as, ending its clause: "lists 11,170 people as Chilean and 7,050 as
# Brazilian" (but "400,000 as Venezuelans dominate" is a conjunction).
_LISTED_AS = re.compile(r"\s+(?:as|como)\s+")
_LIST_ENDS = re.compile(r"\s*(?:[.,;]|\Z|(?:and|y)\s+\d)")
# "63% of adults": after a percentage, a noun introduced by "of" is the base, not the subject.
# ("69.4% are of Venezuelan nationality" is not: a verb before "of" makes it the group's origin)
_BASE = re.compile(
    r"(?<!are\s)(?<!were\s)(?<!son\s)(?<!eran\s)(?<!fueron\s)\b(?:of|de|del)\s+(?:the\s+|los\s+|las\s+|la\s+|el\s+|all\s+)?(?:\d{1,3}(?:[.,]\d{3})+\s+)?\Z"
)
# Words that may link a subject to a later number: "Venezuelans accounted for 63%".
_LINK = re.compile(
    # an aside of a few words: "Haitians, once the largest group, numbered 22,000"
    r"(?:\s+|[:(,—–|-]|\.{3,}|[█▇▆▅▄▃▂▁■▪]+|,\s*(?:who|which|que|quienes)\b[^,;.]{0,80},|,(?:\s*(?:[^\W\d_]+|(?:19|20)\d\d)\b(?:['’][^\W\d_]+\b)?){1,8}\s*,|"
    # "Haitians, many of whom had lived in Chile, made up", "muchos de ellos ..."
    r",\s*(?:many|most|some|all|several|muchos|muchas|la\s+mayoría|varios|varias)\s+"
    r"(?:of\s+(?:whom|them)|de\s+(?:ellos|ellas|los\s+cuales|las\s+cuales))\b[^,;.]{0,80},|"
    # an age bound: "children under 18 numbered 66,300", "menores de 5 años eran 9.000"
    r"\b(?:under|younger\s+than|menores\s+de)\s+(?:the\s+age\s+of\s+)?\d{1,2}(?:\s+años)?|"
    # a relative clause holding the number: "los chinos, que en 2022 no llegaron a 2.100" (or
    # not: "los colombianos que han cruzado la selva en lo que va del año suman 13.400")
    r",\s*(?:who|que|quienes)\s[^,;.]{0,60}?(?=\s)|"
    r"\b(?:who|que)\s+(?:[^\W_]+\s+){1,10}?(?=(?:were|fueron|eran|sumaron|suman|totaled)\b)|"
    r"\b(?:accounted\s+for|made\s+up|makes?\s+up|now|numbered|total(?:l)?ed|reached|were|was|"
    r"at|with|led|topped|came\s+next|follow(?:s|ed)|amounted\s+to|sumaron|suman|sumaban|fueron|eran|"
    r"con|representaron|representan|representaban|representó|representa|volvi(?:ó|eron)\s+a\s+(?:dominar|ser)|alcanzaron|llegaron\s+a|a\s+total\s+of|"
    r"un\s+total\s+de|el|la|los|las|the|a|an|un|una|de|of|some|about|nearly|almost|around|roughly|"
    r"more\s+than|over|at\s+least|less\s+than|fewer\s+than|under|más\s+de|menos\s+de|casi|unos|"
    r"unas|alrededor\s+del?|cerca\s+del?|close\s+to|aproximadamente|al\s+menos|superior\s+a|fue|"
    r"más\s+frecuente|most\s+common|"
    r"(?:second|third|fourth|next)?[- ]?(?:largest|biggest)\s+(?:group|nationality)|largest\s+group|"
    r"biggest\s+group|grupo\s+más\s+numeroso|mayoría|majority|share|proporción|represented|"
    # "remain the great majority: 66 percent", "suponen el 20 %", "alcanzó el 27 por ciento"
    r"great|vast|overwhelming|gran|amplia|suponen|supone|supusieron|suponían|alcanzó|alcanza|"
    r"alcanzaron|equivalen|equivale|constituyen|constituyeron|"
    r"comprised|are|is|son|were\s+counted|(?:han|habían|había|ha|hubieran)\s+sido|"
    r"(?:have|has|had)\s+been|have|has|had|"
    # the group's period named with it: "los menores de edad del semestre sumaron 48.900"
    r"(?:del|de\s+es[et]e)\s+(?:semestre|trimestre|cuatrimestre|periodo|período|año|mes)|"
    r"(?:of|in)\s+the\s+(?:quarter|half|period|year|month)|represents?|constitute[sd]?|came|second|third|fourth|"
    r"fifth|sixth|quint[oa]s?|sext[oa]s?|"
    # the stretch the group is ranked over: "the largest nationality over the five months, with"
    r"(?:over|in|during|durante|en)\s+(?:the|those|these|los|las|esos|estos|ese|este|that|this)\s+"
    r"(?:\w+\s+)?(?:months|meses|weeks|semanas|period|periodo|quarter|trimestre|year|año|"
    r"bimestre|cuatrimestre|semestre|lapso)|"  # "encabezaron el flujo en ese bimestre, con"
    # the total a share is of: "made up the majority of that tally, 61%", "the bulk of the
    # nine-month count", "el grueso de esa cifra"
    r"most|bulk|grueso|mayor\s+parte|(?:of|de)\s+(?:the|that|this|those|these|ese|esa|este|esta|"
    r"el|la|los|las)\s+(?:[\w-]+\s+)?(?:total|tally|count|figure|number|flow|cifra|conteo|flujo|"
    r"número|balance|group|grupo)|"  # "made up the bulk of that group, at 67,150"
    r"segund[oa]s?|tercer[oa]s?|group|grupo|llegaron|vinieron|entonces|then|ya|ahora|already|aún|todavía|(?:in|en)\s+(?:19|20)\d\d|"
    r"así|thus|together|juntos|juntas|"  # "Los venezolanos representan así el 64 %"
    r"distant|close|clear|"  # "Ecuadorians came a distant second with just over 42,000"
    r"(?:in|en)\s+(?:second|third|fourth|segundo|tercer|cuarto)\s+(?:place|lugar)|se\s+contaron|registered|registraron|registrad[oa]s|hubo|nationals|citizens|"
    r"nacionales|ciudadan[oa]s|again|still|only|just|barely|merely|apenas|solo|sólo|también|also|"
    # the group's place and the flow it is a part of: "were by far the largest group, with",
    # "made up the bulk of the flow", "la nacionalidad más numerosa, con"
    r"by\s+far|de\s+lejos|bulk|grueso|nationality|nacionalidad|most\s+numerous|más\s+numeros[oa]s?|"
    r"crossers|the\s+flow|el\s+flujo|accounts?\s+for|so\s+far(?:\s+this\s+year)?|this\s+year|"
    # a participle after the group's clause: "are by far the largest group, accounting for 68%";
    # a threshold passed: "as Venezuelans top 60%"; a group named alone: "the Chinese alone"
    r"accounting\s+for|making\s+up|representing|representando|sumando|alone|solos|solas|"
    r"tops?|topping|pass(?:ed|es)?|exceed(?:ed|s)?|surpass(?:ed|es)?|superan|superaron|"
    r"este\s+año|"
    r"siguen|sigue|siendo|remain(?:ed|s)?|a\s+la\s+cabeza|at\s+the\s+top|in\s+the\s+lead|"
    r"en\s+primer\s+lugar|in\s+first\s+place|"
    r"dominated|dominaron|encabez\w+|lider\w+|lista|list|who|que|up\s+from|down\s+from|"
    r"compared\s+with|frente\s+a|supera\w*|exceed\w*|número|number|next|for|"
    # a level reached, not a change: "the share of children rose to 21%", "subió al 21 %"
    r"(?:rose|climbed|grew|fell|dropped|declined|increased|jumped)\s+to|"
    r"(?:subió|bajó|aumentó|ascendió|llegó|creció|cayó|subieron|bajaron|aumentaron|ascendieron|"
    r"llegaron|crecieron|cayeron|descendió|descendieron)\s+al?(?:\s+un)?)\b)*",
    re.NOFLAG,  # callers pass lower-cased text
)


_FEW_TERMS = 32
_START = attrgetter("start")


def _terms_within(terms: list[Term], start: int, end: int) -> list[Term]:
    # A sentence holds a handful of terms, for which one pass beats two keyed bisections; a
    # sentence of thousands (a page sent to wear the checker down) is bisected (terms are in
    # text order and do not overlap).
    if len(terms) > _FEW_TERMS:
        terms = terms[bisect_left(terms, start, key=_START) : bisect_left(terms, end, key=_START)]
    return [term for term in terms if start <= term.start < end and term.end <= end]


def _reaches(text: str, position: int, term: Term, first: bool) -> bool:
    """Whether the words from position lead on to term: filler, a verb left out before the
    clause's last noun, or the group a count is listed as."""
    if _FILLER.fullmatch(text, position, term.start):
        return True
    if first and _GAPPED.fullmatch(text, position, term.start) and _ENDS.match(text, term.end):
        return True
    return bool(
        _LISTED_AS.fullmatch(text, position, term.start) and _LIST_ENDS.match(text, term.end)
    )


def find_subject_after(
    text: str, terms: list[Term], start: int, limit: int, percent: bool = False
) -> Subject | None:
    """The noun a number counts, read forward across filler words; specific beats generic, and
    a nationality right after an age noun ("niños chilenos") beats the age.

    terms are the subject terms of the surrounding text (see lexicon.find_terms)."""
    generic: Subject | None = None
    position = start
    nearby = _terms_within(terms, start, limit)
    for index, term in enumerate(nearby):
        if not _reaches(text, position, term, index == 0):
            break
        if text.startswith("-", term.end):
            break  # "12 child-friendly spaces": the noun only qualifies another one
        is_base = percent and _BASE.search(text, position, term.start) is not None
        position = term.end
        if is_base:
            continue
        if term.subject is not EVERYONE and term.subject != EVERYONE:  # identity first: cheaper
            following = nearby[index + 1] if index + 1 < len(nearby) else None
            if (
                following is not None
                and term.subject.dimension != "nationality"
                and following.subject.dimension == "nationality"
                and text[term.end : following.start] == " "
            ):
                return following.subject
            return term.subject
        generic = generic or term.subject
    return generic


_RANKED = re.compile(
    r"\s+(?:led|topped|headed|encabez\w+|lider\w+)\s+(?:the|los|las|el|la)\s+[\w-]*\s*"
)


def find_subject_before(
    text: str, terms: list[Term], floor: int, start: int, past_generic: bool = False
) -> Subject | None:
    """A subject named just before a number and linked to it: "Haitians, with 46,558". With
    past_generic (for shares), a group named before a generic noun is the one meant:
    "Venezuelans made up the majority of crossers, at 70 percent"."""
    nearby = _terms_within(terms, floor, start)
    if not nearby:
        return None
    if not _LINK.fullmatch(text, nearby[-1].end, start):
        # "Chileans, most of them sons of Haitian parents, numbered 9,800": not the aside's
        linked = (t for t in reversed(nearby[:-1]) if "," in text[t.end : start])
        return next((t.subject for t in linked if _LINK.fullmatch(text, t.end, start)), None)
    last = nearby[-1]
    # "Chinese migrants, fewer than 3,000": the noun's adjective; "Venezuelans led the
    # January-March arrivals with 54,310": the group that ranks first among them
    if last.subject == EVERYONE and len(nearby) > 1:
        between = text[nearby[-2].end : last.start]
        if between == " " or _RANKED.fullmatch(between):
            return nearby[-2].subject
    if past_generic and nearby[-1].subject == EVERYONE:
        for term in reversed(nearby[:-1]):
            if term.subject != EVERYONE and _LINK.fullmatch(text, term.end, start):
                return term.subject
    return nearby[-1].subject
