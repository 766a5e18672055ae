"""Labels and units right next to a number that make it no count of people: a change ("up
12%"), a rate ("average of"), money, a page or a law's number, years, kilometres, dollars."""

from __future__ import annotations

import re

from .hedges import QUANT
from .patterns import word_start

# Matched against lower-cased text, like cues.py.
_I = re.NOFLAG
# Directly before the number: changes, rates, money and labels that are not counts.
_BEFORE_LABEL = re.compile(
    word_start(
        r"(?:increase|rise|jump|drop|decline|decrease|fall|growth|surge|dip)\s+of|"
        r"(?:increased|rose|risen|fell|fallen|dropped|grew|grown|declined|decreased|jumped|climbed|"
        r"surged|plunged|plummeted|soared|slid)(?:\s+by)?|"
        # "up" or "down", but not "made up": word_start needs the look-behind after a letter
        r"u(?<!made\su)(?<!make\su)(?<!makes\su)(?<!making\su)p(?:\s+by)?|"
        r"d(?<!made\sd)(?<!make\sd)(?<!makes\sd)own(?:\s+by)?|"
        r"(?:aument|increment|creci|cay|baj|subi|disminuy|descendi|redujo|disparó)\w*\s+(?:en|un)|"
        r"(?:aumento|incremento|alza|caída|descenso|disminución|reducción|crecimiento|variación|"
        r"subida|repunte|baja)\s+del?|"
        r"(?:average|averaging|averaged|promedio|media)(?:\s+(?:of|de|diario|daily|weekly))?|"
        # a difference: "la cifra de este año ya supera en más de 130.000 la de 2022"
        r"(?:supera\w*|superó|exceed\w*|surpass\w*|outnumber\w*)\s+(?:en|by)|"
        r"daily|weekly|diarios?|us\$|usd|b/\.|"
        r"page|pages|página|páginas|pp?\.|no\.|núm\.?|número|number|article|artículo|decree|"
        r"decreto|law|ley|route|ruta|km|kilómetro|kilometre|kilometer|mile|code|código|room|line|"
        r"línea|phone|tel\.?|teléfono|whatsapp|call|llame|aged|edad\s+de|age\s+of|ages|edades|"
        r"de\s+entre|between\s+the\s+ages\s+of|chapter|capítulo|section|sección|vol\.?|issue|"
        r"n\s*=|"  # a survey's sample size: "(n = 640)"
        # a revision or a return, not a count: "adjusted by fewer than 200 people", "has
        # returned about 1,900 migrants"
        r"(?:adjusted|revised|corrected)\s+by|(?:ajustad|corregid|revisad)[oa]s?\s+en|returned|"
        # a threshold a month is ranked against: "the first month of the year below 30,000",
        # "el tercer mes consecutivo por encima de los 30.000"
        r"(?:month|mes|week|semana)(?:\s+(?:of\s+the\s+year|del\s+año|in\s+a\s+row|running|"
        r"consecutiv[oa]))?\s+(?:below|above|under|over|por\s+(?:debajo|encima)\s+de)"
        r"(?:\s+(?:the|los|las))?|"
        # a page's counters: "Vistas: 3.412 | Compartido: 1.204 veces"
        r"(?:views|vistas|visitas|lecturas|reads|shares?|compartid[oa]s?|compartir|likes|comments|"
        r"comentarios|followers|seguidores)\s*:",
        also=(r"up\s+to", r"\$", "€", "£"),  # no \b before these
    )
    + QUANT
    + r"\Z",
    _I,
)
# Directly after the number: units that are not people.
# (the first end of a range takes the unit of the second: "pagan entre 200 y 260 dólares")
_AFTER_UNIT = re.compile(
    r"(?:\s*(?:and|y|to|a|or|o|-|–)\s*\d[\d.,]*)?"
    r"\s*(?:-\s*)?(?:de\s+)?(?:years?|año|años|-year|year-old|meses|months?|-month|días|days?|hours?|"
    r"horas|km|kilómetros|kilometres|kilometers|miles|millas|hectares|hectáreas|ha|metros|meters|"
    r"metres|m\b|square|dollars|dólares|usd|euros|balboas|pesos|\$|views|vistas|"
    r"visualizaciones|reproducciones|visitas|shares|likes|comments|comentarios|lecturas|"
    r"followers|seguidores|pages?|páginas|-page|kg|kilos|tons|toneladas|times|veces|"
    r"litros|liters|litres|gallons|galones|(?:hygiene\s+)?kits|meals|comidas|raciones|doses|dosis|"
    r"nationalities|nacionalidades|countries|países|"
    # places, not people: "4 migrant reception stations operating"
    r"(?:migrant\s+|migratory\s+)?(?:reception\s+)?(?:stations|centers|centres|shelters|camps)|"
    r"estaciones|albergues|campamentos)\b",
    _I,
)


# A scale word straight after digits the number finder left alone ("US$160.5 million": the
# "$" keeps the digits out) is the tail of that amount, never "a million" people by itself.
_DIGITS_BEFORE = re.compile(r"\d\s*\Z", _I)
_SCALE_WORD = re.compile(r"(?:million|millones|millón|billion|thousand|mil)\b", _I)


def has_label_before(text: str, floor: int, start: int) -> bool:
    if _SCALE_WORD.match(text, start) and _DIGITS_BEFORE.search(text, max(0, start - 3), start):
        return True
    return _BEFORE_LABEL.search(text[max(floor, start - 36) : start]) is not None


def has_unit_after(text: str, end: int) -> bool:
    return _AFTER_UNIT.match(text, end) is not None
