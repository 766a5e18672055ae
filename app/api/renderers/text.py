"""One figure as two lines a person reads in a terminal: the sentence, then its citation."""

from collections.abc import Mapping
from datetime import date
from functools import cache
from typing import Any, Literal

from app.domain.citation import MONTHS_ES, citation_text
from app.domain.groups import nationality_label

Lang = Literal["en", "es"]
QUALIFIERS = {
    "en": {"approximate": "about ", "more_than": "more than ", "less_than": "fewer than "},
    "es": {"approximate": "unas ", "more_than": "más de ", "less_than": "menos de "},
}
GROUPS_ES = {
    "minors": "menores de edad",
    "adults": "adultos",
    "unaccompanied_minors": "menores no acompañados",
    "boys": "niños",
    "girls": "niñas",
    "men": "hombres",
    "women": "mujeres",
}
WORDS = {
    "en": {
        "people": "people",
        "crossed": "crossed the Darién Gap",
        "share": "of those who crossed the Darién Gap",
        "reported": "reported by",
        "source": "Source",
        "projection": " (a projection)",
        "provisional": " Provisional: ingested, not yet reviewed by an editor.",
    },
    "es": {
        "people": "personas",
        "crossed": "cruzaron el Darién",
        "share": "de quienes cruzaron el Darién",
        "reported": "según",
        "source": "Fuente",
        "projection": " (una proyección)",
        "provisional": " Provisional: ingresada, aún sin revisar por un editor.",
    },
}


def figure_text(figure: Mapping[str, Any], lang: Lang) -> str:
    """'520,085 people crossed the Darién Gap in 2023 (SNM, reported by X).' and 'Source: …'."""
    words = WORDS[lang]
    qualifier = QUALIFIERS[lang].get(figure["qualifier"], "")
    when = period_text(figure["period"], lang)
    who = group_text(figure["dimension"], figure["dimension_value"], lang)
    if figure["unit"] == "percent":
        space = " " if lang == "es" else ""  # Spanish writes 62 %, English 62%
        said = f"{qualifier}{number_text(figure['value'], lang)}{space}% {words['share']} {when}"
        said += f" ({who})" if who else ""
    else:
        people = f"{words['people']} {who}" if who else words["people"]
        said = f"{qualifier}{number_text(figure['value'], lang)} {people} {words['crossed']} {when}"
    if figure["metric"] != "crossings":
        said += words["projection"]
    body = figure["attributed_to"]
    by = f"{body}, " if body != "unattributed" else ""
    said = f"{said[0].upper()}{said[1:]} ({by}{words['reported']} {figure['source']['publisher']})."
    if figure.get("status") == "provisional":
        said += words["provisional"]
    return f"{said}\n{words['source']}: {citation_in(figure, lang)}\n"


def citation_in(figure: Mapping[str, Any], lang: Lang) -> str:
    """The figure's citation: as served in English, or written again in Spanish."""
    if lang == "en":
        return str(figure["citation"])
    source = figure["source"]
    published = date.fromisoformat(source["published"]) if source["published"] else None
    return citation_text(
        figure["id"],
        figure["attributed_to"],
        (source["publisher"], source["wire"], source["title"], source["url"]),
        (published, source["published_precision"]),
        lang,
    )


def number_text(value: float, lang: Lang) -> str:
    """520,085 in English; 520.085 (and 62,5) in Spanish."""
    written = f"{value:,}"
    return written.translate(str.maketrans(",.", ".,")) if lang == "es" else written


def period_text(period: str, lang: Lang) -> str:
    """in 2023, in August 2023, or between two dates (for a cut such as 2023-01-01/2023-12-16)."""
    if "/" in period:
        start, end = period.split("/")
        return f"between {start} and {end}" if lang == "en" else f"entre el {start} y el {end}"
    if len(period) == 7:
        year, month = period.split("-")
        if lang == "es":
            return f"en {MONTHS_ES[int(month) - 1]} de {year}"
        return f"in {date(int(year), int(month), 1):%B %Y}"  # the C locale's English names
    return f"in {period}" if lang == "en" else f"en {period}"


def group_text(dimension: str, value: str | None, lang: Lang) -> str:
    """Who is counted: '' for everyone, 'from Venezuela', 'minors', …"""
    if dimension == "total" or value is None:
        return ""
    if dimension == "nationality":
        name = country_name(value, lang)
        return f"from {name}" if lang == "en" else f"de {name}"
    if lang == "es":
        return GROUPS_ES.get(value, value.replace("_", " "))
    return value.replace("_", " ")


@cache
def country_name(code: str, lang: Lang) -> str:
    """A nationality's name in `lang`: a country's common name, or a group code's label."""
    label = nationality_label(code)
    return label.es if lang == "es" else label.en
