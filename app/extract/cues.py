"""Context cues that make a number something other than a crossing count.

Labels and units right next to a number are in labels.py, hedges (qualifiers) in hedges.py,
corrections in corrections.py.
"""

from __future__ import annotations

import re

from .patterns import lowered, word_start

__all__ = ["lowered"]  # re-exported: extract_figures lowers each text once

# Every pattern here is matched against lower-cased text (see lowered()); IGNORECASE would make
# the large alternations several times slower.
_I = re.NOFLAG
# The countries further north on the route, whose own counts a story often quotes.
_NEIGHBOURS = r"costa\s+rica|mexico|méxico|honduras|guatemala|nicaragua"
# Contexts that make a number something other than a crossing count (searched near it).
_OTHER_CONTEXT = (
    # deportations, returns and the southbound "reverse flow"
    r"deport\w*|repatri\w*|expel\w*|expuls\w*|removals?|sent\s+back|devuelt[oa]s?|devolvi\w*|"
    r"retornad[oa]s|return(?:ed|ing)?\s+(?:flights?|south|home|on|aboard|by\s+air)|been\s+returned|vuelos?|flights?|"
    r"flujo\s+inverso|reverse\s+flow|camino\s+inverso|ruta\s+inversa|sentido\s+(?:contrario|inverso)|"
    r"in\s+reverse|reverse\s+(?:journey|route|direction)|en\s+reversa|a\s+la\s+inversa|"
    r"opposite\s+direction|the\s+other\s+way|southbound|(?:travel\w*|went|moved|head\w*|going|walk\w*|"
    r"back)\s+south|hacia\s+el\s+sur|rumbo\s+al\s+sur|de\s+regreso|regres\w+|retorn\w+|"
    r"fly\s+home|go\s+home|return\s+home|turned\s+(?:back|away)|rechaz\w+|denied\s+entry|"
    # "has sent 1,200 people home on 29 flights"
    r"(?:has|have|had)\s+sent|home\s+(?:on|by|aboard)|"
    # a flight's passengers: "el primero aterrizó en Maiquetía con 130 venezolanos a bordo"
    r"aterriz\w+|landed|touched\s+down|"
    # people coming back north-to-south: "1,910 people arriving from Panama" (in Colombia),
    # "2,000 migrants who entered from Costa Rica" (into Panama)
    r"(?:arriv\w+|coming|came|entered|entering|llegad[oa]s|llegaron|llegan|procedentes|"
    r"ingresaron|entraron)\s+(?:back\s+)?(?:from|desde|de)\s+(?:panam[aá]|costa\s+rica)\b|"
    # boats leave Panama only southwards: "unas 2.300 personas han tomado lanchas en Panamá"
    r"(?:boats?|lanchas|embarcaciones)\s+(?:in|en|from|desde)\s+panam[aá]\b|"
    # the United States border, and status granted to people already living there: "Temporary
    # Protected Status for roughly 472,000 Venezuelans already in the United States"
    r"temporary\s+protected\s+status|tps|estatus\s+de\s+protección\s+temporal|"
    r"humanitarian\s+parole|parole\s+(?:program|process)|permiso\s+humanitario|"
    r"already\s+(?:living\s+)?in\s+the\s+(?:united\s+states|u\.?s\.?\b)|"
    r"ya\s+(?:están\s+|viven\s+|residen\s+)?en\s+(?:los\s+)?(?:ee\.?\s?uu\.?|estados\s+unidos)|"
    r"encounter(?:s|ed)?|encuentros?|apprehen\w*|aprehen\w*|border\s+patrol|patrulla\s+fronteriza|cbp|"
    r"frontera\s+(?:sur\s+)?(?:estadounidense|norteamericana)|u\.?s\.?[-–]mexico\s+border|"
    r"u\.?s\.?\s+(?:southern\s+)?border|southern\s+border|frontera\s+(?:sur\s+)?"
    r"(?:de|con)\s+(?:los\s+)?(?:ee\.?\s?uu\.?|estados\s+unidos|méxico)|detain\w*|detenid[oa]s|"
    r"detention|detención|custody|"
    r"arrest\w*|sentenced|convicted|condenó|condenad[oa]s|charged\s+with|imputad[oa]s|"
    # deaths
    r"died|dead|deaths?|bodies|killed|drown\w*|perish\w*|lost\s+their\s+lives|remains\s+of|"
    r"capsiz\w+|sank|naufrag\w+|"  # "Una lancha con 25 migrantes naufragó"
    r"human\s+remains|murieron|muert[oea]s?|fallec\w+|cuerpos|cadáver\w*|restos|ahogad\w*|"
    r"perdieron\s+la\s+vida|missing|desaparecid\w*|"
    # forecasts
    r"forecast\w*|project(?:ed|ion|ions|s)|expect\w*|predict\w*|on\s+(?:track|pace)|"
    r"podría\w*|podrá\w*|prevé|preveía\w*|prevén|se\s+espera|esperan?\s+que|proyect\w+|"
    r"pronóstic\w+|llegaría\w*|alcanzaría\w*|superaría\w*|cruzarían|cruzarán|cruzará|"
    r"intentarían|intentarán|next\s+year|el\s+próximo\s+año|próximo\s+año|el\s+año\s+(?:próximo|que\s+viene)|"
    # a planning figure: "UNHCR's planning figure for next year is 650,000 arrivals"
    r"planning\s+(?:figure|scenario|assumption)|working\s+figure|cifra\s+de\s+planificación|"
    r"escenario\s+de\s+planificación|"
    r"llegarán|llegará|superará\w*|alcanzará\w*|sumará\w*|rondará\w*|habrá|estim\w+\s+que|"
    r"calcula\w*\s+que|(?:could|would|might|may|will)\s+(?:(?:well|soon|again|even|easily|still)\s+)?"
    r"(?:reach|top|"
    r"exceed|surpass|hit|rise|climb|grow|cross|attempt|increase|double|triple|swell|soar|see|"
    r"pass|near|approach|break|push|take|bring|lift|drive|put|send|raise|rebound|recover|"
    r"bounce|return|fall|drop|decline|slow|ease|jump|surge|balloon|shrink|dip)|"
    r"on\s+course\s+to|en\s+camino\s+de\s+(?:superar|alcanzar)|"
    # attempts, not crossings: "intentaron pasar unas 3.400 personas", "tried to cross"
    r"intent(?:aron|ó|an|aban)\s+(?:pasar|cruzar|llegar)|(?:attempted|tried)\s+to\s+(?:cross|reach)|"
    # other countries' counts: "In Costa Rica, authorities counted ...", "Mexico reported"
    rf"(?:in|en)\s+(?:{_NEIGHBOURS}|el\s+salvador)\b|"
    r"(?:costa\s+rican|mexican|honduran|guatemalan|nicaraguan|colombian)\s+side|"
    r"lado\s+(?:costarricense|mexicano|hondureño|guatemalteco|nicaragüense|colombiano)|"
    # ("Neighbouring Costa Rica, the next stop for most migrants, said 58,000", "Costa Rica, por
    # su parte, informó que 70.000")
    rf"(?:{_NEIGHBOURS})"
    r"(?:,[^,.;]{0,60},|,\s*(?:which|that|where|que|donde))?\s+"
    r"(?:(?:said|says|dijo|indicó|informó|señaló)\s+(?:it\s+|que\s+)?(?:had\s+|has\s+|había\s+|ha\s+)?)?"
    r"(?:reported|registered|counted|recorded|registró|registrado|contabilizó|reportó)|"
    rf"(?:{_NEIGHBOURS})(?:,[^,.;]{{0,60}},)?\s+"
    r"(?:said|says|dijo|indicó|informó|señaló|reportó)(?:\s+(?:that|que))?(?=\s+\w*\s*\Z)|"
    # another country's agency or service: "Mexico's migration agency detected 588,000",
    # "Costa Rica's government says its bus service moved 80,000", "Costa Rica, por su parte,"
    rf"(?:{_NEIGHBOURS})(?:['’]s|,\s*(?:por\s+su\s+parte|"
    r"for\s+its\s+part))|bus(?:es)?\s+(?:service|company|companies)|bused|bussed|"
    # the southbound exit, not the crossing: "people leaving Panama toward Colombia", "rumbo a
    # Colombia"
    r"(?:toward|towards|hacia|rumbo\s+a)\s+colombia|leaving\s+panama|irregular\s+exit|"
    r"salida\s+irregular|"
    # a claim checked, not a count: "A post shared ... says \"one million", "Circula en WhatsApp
    # un mensaje que asegura que", "nowhere near a million"
    r"claim\s*:|(?:the|a|false)\s+claim|claims?\s+that|post\s+shared|viral|"
    r"circula\s+(?:en|por)|un\s+mensaje|asegura\s+que|bulo|"
    r"(?:nowhere|anywhere)\s+near|"
    # a goal: "hopes to cut at least 100,000 crossings", "busca reducir en 100.000"
    r"hopes?\s+to|aims?\s+to|goal\s+of|target\s+of|busca\s+reducir|pretende|"
    # people spoken to, sheltered or sleeping somewhere, or driven from home
    r"spoke\s+(?:to|with)|talked\s+(?:to|with)|habló\s+con|conversó\s+con|"
    # or one person's sighting: "He walked four days and saw maybe 300 people", "vimos unas 50"
    r"(?:he|she|i|we|they)\s(?:[^\W\d]+\s){0,6}?(?:saw|seen)(?=\s+(?:(?:maybe|perhaps|about|some|only|"
    r"just|around|roughly)\s+)?\Z)|vi(?:mos)?(?=\s+(?:(?:como|unas?|apenas|solo)\s+)?\Z)|"
    r"vi(?:o|mos)?\s+a(?=\s+(?:(?:como|unas?|apenas|solo)\s+)?\Z)|"  # "dijo que vio a unas 100"
    # the villages that receive them: "los 2.000 panameños de las comunidades receptoras"
    r"comunidades\s+receptoras|host\s+communit\w+|"
    r"alberga|albergan|albergaba|albergar|duermen|durmieron|dormían|"
    r"sleep(?:s|ing)?\s+(?:in|on|rough)|"
    r"slept\s+(?:in|on|rough|outside|outdoors)|relocat\w+|reubicad[oa]s|"
    r"(?:pushed|driven|forced)\s+out|carrying|"
    # that other country's own count: "las autoridades de ese país reportaron unas 3.000"
    r"(?:autoridades|gobierno)\s+de\s+(?:ese|aquel)\s+país|that\s+country['’]s|"
    r"(?:authorities|officials|government)\s+(?:of|in)\s+that\s+country|"
    # people already further north: "2,200 migrants who had reached Mexico"
    r"(?:had|have|has|habían|han|había|ha)\s+(?:reached|llegado\s+a)\s+(?:mexico|méxico|"
    r"the\s+united\s+states|the\s+u\.?s|estados\s+unidos|ee\.?\s?uu)|"
    # the border posts further north: "412,000 people at the Paso Canoas center"
    r"paso\s+canoas|peñas\s+blancas|tapachula|"
    # counts of a survey or of the world, not of the crossing
    r"surveyed|interviewed|interviews?\s+with|surveys?\s+of|polled|respondents|consultad[oa]s|"
    r"encuest\w+|entrevist\w+|worldwide|around\s+the\s+world|resid\w+|"
    r"(?:in|en)\s+el\s+mundo|a\s+nivel\s+mundial|"
    # a daily rate named before the count: "the average daily flow had fallen to about 710"
    r"(?:daily|weekly)\s+(?:flow|average|rate|arrivals|count|tally|total)|monthly\s+average|"
    r"flujo\s+(?:diario|semanal)|promedio\s+(?:diario|semanal|mensual)|"
    # aid and services: "to support 400,000 people", "para atender a 90.000"
    r"(?:to|para)\s+(?:support|assist|help|serve|reach|atender|apoyar|asistir|ayudar)|"
    r"(?:support|assistance|care|aid|services|help|apoyo|asistencia|atención|ayuda|servicios)"
    r"\s+(?:to|a)(?=\s+(?:about|some|around|nearly|over|more\s+than|unos|unas|más\s+de)?\s*\Z)|"
    r"flew|flown|returning|devolviendo|retornando|"
    # transport and supplies: "the program had carried about 2,100 people", "delivered water to"
    r"carried|transport\w*|traslad\w+|delivered|distributed|supplied|entreg\w+|distribuy\w+|"
    # ("provided clean water to 45,000 people", "brindó atención a 9.000"; not "data provided by")
    r"(?:provid(?:ed|es|ing)|proporcion\w+|brind\w+)\s+(?:[^\W\d]+\s+){0,3}(?:to|a)"
    r"(?=\s+(?:(?:about|some|nearly|over|more\s+than|unos|unas|más\s+de)\s+)?\Z)|"
    # a place's size: "this village of about 400 people"
    # (the window ends at the number, so \Z stands for "right before it")
    # ("a country of four million people", "un país de 4 millones de habitantes")
    # (and one group travelling together: "His group of 40 people was robbed")
    r"(?:village|town|city|country|nation|community|hamlet|group)\s+of|grupo\s+de"
    r"(?=\s+(?:(?:about|some|around|nearly|roughly)\s+)?\Z)|"
    # people who are somewhere, or served, rather than crossing
    r"(?:built|designed|meant)\s+(?:for|to\s+hold)(?=\s+(?:up\s+to\s+)?\Z)|"
    # ("has room for 800 people", "con cupo para 400 personas")
    r"(?:room|space|beds|places)\s+for(?=\s+(?:up\s+to\s+|about\s+|some\s+)?\Z)|"
    r"(?:espacio|cupo|camas|lugar|plazas)\s+para(?=\s+(?:unas?\s+|hasta\s+)?\Z)|"
    r"(?:construid|diseñad|pensad)[oa]s?\s+para(?=\s+(?:albergar\s+a\s+)?\Z)|"
    r"capacity|capacidad|(?:can|could|to)\s+hold|holds?\s+up\s+to|accommodat\w*|caben|stranded|"
    r"stuck|varad[oa]s|atrapad[oa]s|waiting|waited\s+(?:for|in|at)|"
    # ("Some 1,500 Venezuelans are now camped in the capital")
    r"camped|camping|acampad[oa]s|acampan|"
    r"aguard\w+|esperando|esperaban?\b|en\s+espera|esperan(?!\s+que)|"
    r"esperan\s+(?:embarc\w+|cruzar|abordar|subir|turno)|housed|sheltered|hosting|hosted|"
    r"(?:is|was|are|were)\s+(?:housing|sheltering|holding)|albergad[oa]s|alojad[oa]s|treated|attended|"
    r"atendi\w+|vaccinat\w*|vacun\w+|rescued|rescat\w+|residents|habitantes|inhabitants|"
    # (but "the population counted by SNM" is the crossers)
    r"live\s+in|viven|population(?!\s+(?:counted|registered|recorded|who|that|crossing))|"
    r"población(?!\s+(?:adulta|migrante|infantil|menor))|working|worked|works?\s+(?:in|at|for)|"
    r"trabajan\w*|laboran|"
    # emigration from a country, not the crossing: "7.7 million people have left Venezuela"
    r"leave\s+(?:their|the)\s+(?:country|homeland)|left\s+(?:their|the)\s+(?:country|homeland)|"
    r"fled\s+(?:their|the)\s+(?:country|homeland)|"
    r"han\s+(?:salido|huido)\s+de(?:l)?\s+(?:su\s+)?país|han\s+(?:dejado|abandonado)\s+(?:su|el)\s+país|emigra\w*|diaspora|diáspora|"
    # rates named before the count: "Every day, about 1,300 people board buses"
    r"(?:every|each)\s+(?:single\s+)?(?:day|week)|cada\s+(?:día|semana)|diariamente|a\s+diario|"
    # single days
    r"some\s+days|on\s+days\s+when|días\s+en\s+que|on\s+(?:a|one|some)\s+(?:busy|peak|single|"
    r"typical|normal|good)?\s*days?|in\s+(?:a|one)\s+single\s+day|en\s+un\s+(?:solo\s+)?día|"
    # ("On its busiest day, the station received 4,000", "en su día más concurrido")
    r"(?:busiest|peak|record|quietest|worst)\s+day|día\s+(?:más\s+(?:concurrido|intenso|ocupado|activo)|de\s+mayor\s+afluencia|pico|récord)"
)
_OTHER_BEFORE = re.compile(word_start(_OTHER_CONTEXT) + r"\b", _I)
_OTHER_AFTER = re.compile(
    word_start(
        [
            _OTHER_CONTEXT,
            r"could|would|might|will|asked|pidieron|solicit\w+|requested|"
            r"applied|a\s+day|per\s+day|each\s+day|every\s+day|daily|a\s+week|per\s+week|each\s+week|"
            # (but a month ranked among others is no rate: "4,849 was the lowest monthly count")
            r"every\s+week|weekly|a\s+month|per\s+month|m(?<!est\sm)(?<!record\sm)onthly|"
            r"an\s+hour|per\s+hour|al\s+día|por\s+día|"
            r"a\s+year(?!\s+(?:earlier|before|ago|later))|per\s+year|annually|por\s+año|anualmente|"
            r"cada\s+día|diari[oa]s|diariamente|a\s+diario|a\s+la\s+semana|por\s+semana|cada\s+semana|"
            r"semanal\w*|al\s+mes|por\s+mes|cada\s+mes|m(?<!flujo\sm)(?<!total\sm)ensual\w*|por\s+hora|on\s+average|"
            r"por\s+jornada|per\s+(?:person|head)|por\s+(?:persona|cabeza)|"
            # "more" comparing, but not hedging a base: "61 percent of the more than 400,000"
            # (the look-behinds sit after the first letter, as word_start needs)
            # (but "about 8,100 more people were recorded" is a count of its own)
            r"en\s+promedio|de\s+promedio|"
            # ("13,600 more arrived in the first eight days of October": more of them, unless a
            # "than" follows)
            r"m(?<!the\sm)(?<!los\sm)(?<!las\sm)(?:ore(?!\s+(?:(?:people|migrants|crossers)\s+)?"
            r"(?:were|have|had|crossed|arrived|came|made)\b(?![^.;]{0,40}\bthan\b))|ás|enos)|"
            r"f(?<!the\sf)ewer|additional|adicionales|higher|lower|"
            r"increase|rise|jump|drop|decline|decrease|aumento|incremento|alza|caída|descenso|"
            r"disminución|reducción|crecimiento|year[- ]on[- ]year|interanual",
        ]
    )
    + r"\b",
    _I,
)


def has_other_context(text: str, before: tuple[int, int], after: tuple[int, int]) -> bool:
    """True when the windows around a number say it counts something other than crossings."""
    return bool(_OTHER_BEFORE.search(text, *before) or _OTHER_AFTER.search(text, *after))


# A sentence that opens on another country is about that country's counts, however far into it
# the number comes: "Costa Rica, por su parte, informó de que su centro de atención en la
# frontera sur recibió a 120.000 migrantes".
_ABROAD_OPENER = re.compile(
    r"\s*(?:(?:farther|further|más\s+al)\s+(?:north|norte),\s*)?(?:(?:in|en)\s+)?"
    rf"(?:neighbou?ring\s+|(?:la\s+)?vecina\s+)?(?:{_NEIGHBOURS})(?:['’]s)?\b"
    r"(?![-–]|\s+(?:and|y|or|o)\b)",
    _I,
)


# (unless another clause starts before the number: "Costa Rica braces as Darien crossings near
# 390,000")
_NEW_CLAUSE = re.compile(r";|\b(?:as|while|whereas|but|mientras|pero)\b", _I)


def abroad_opener(text: str, sentence_start: int) -> int:
    """Where the other country a sentence opens on is named (-1 if it opens on none); read
    once per sentence."""
    match = _ABROAD_OPENER.match(text, sentence_start)
    return -1 if match is None else match.end()


def opens_abroad(text: str, opener_end: int, start: int) -> bool:
    """Whether the number at start is in the clause of that opener."""
    return opener_end >= 0 and _NEW_CLAUSE.search(text, opener_end, start) is None
