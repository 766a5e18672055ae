"""Who a breakdown counts: nationality codes (ISO 3166 alpha-3, named by pycountry) and the record's
own group codes (regions, ages, sexes), each with an English and a Spanish name."""

import gettext
from dataclasses import dataclass
from functools import cache

import pycountry

from app.domain.vocabulary import Dimension


@dataclass(frozen=True, slots=True)
class Label:
    """A group's name in the API's two languages."""

    en: str
    es: str


@dataclass(frozen=True, slots=True)
class Subject:
    """One group of a breakdown: a dimension and its code (nationality VEN, age minors, ...)."""

    dimension: Dimension
    code: str


# Codes the seed uses for nationalities that are not one country.
NATIONALITY_GROUPS = {
    "other": Label("Other nationalities", "Otras nacionalidades"),
    "region_africa": Label("African countries (combined)", "Países africanos (en conjunto)"),
    "region_asia": Label("Asian countries (combined)", "Países asiáticos (en conjunto)"),
}

# The demographic groups, in the order a table lists them. `sex` counts all ages ("75% were men
# and boys"); `sex_age` splits adults from children, as the SNM tables do.
DEMOGRAPHIC_GROUPS = {
    Subject(Dimension.age, "adults"): Label("Adults", "Personas adultas"),
    Subject(Dimension.age, "minors"): Label("Minors (under 18)", "Menores de edad"),
    Subject(Dimension.sex_age, "men"): Label("Men (adults)", "Hombres adultos"),
    Subject(Dimension.sex_age, "women"): Label("Women (adults)", "Mujeres adultas"),
    Subject(Dimension.sex_age, "boys"): Label("Boys", "Niños"),
    Subject(Dimension.sex_age, "girls"): Label("Girls", "Niñas"),
    Subject(Dimension.age, "unaccompanied_minors"): Label(
        "Unaccompanied minors", "Menores no acompañados"
    ),
    Subject(Dimension.sex, "men"): Label("Males (all ages)", "Hombres (todas las edades)"),
    Subject(Dimension.sex, "women"): Label("Females (all ages)", "Mujeres (todas las edades)"),
    Subject(Dimension.age, "minors_aged_0_5"): Label("Minors aged 0-5", "Menores de 0 a 5 años"),
    Subject(Dimension.age, "aged_18_35"): Label("People aged 18-35", "Personas de 18 a 35 años"),
    Subject(Dimension.sex_age, "minors_and_pregnant_women"): Label(
        "Minors and pregnant women (together)", "Menores y mujeres embarazadas (en conjunto)"
    ),
}
DEMOGRAPHIC_DIMENSIONS = (Dimension.age, Dimension.sex_age, Dimension.sex)


@cache
def _spanish() -> gettext.NullTranslations:
    """pycountry's Spanish catalogue of ISO 3166-1 names (its own gettext translations)."""
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["es"], fallback=True)


def is_country(code: str) -> bool:
    """An ISO 3166-1 alpha-3 code of a country (upper case, as the record writes them)."""
    return len(code) == 3 and code.isupper() and pycountry.countries.get(alpha_3=code) is not None


def nationality_label(code: str) -> Label:
    """A nationality's name: the country's common name (pycountry), or a group code's label."""
    if code in NATIONALITY_GROUPS:
        return NATIONALITY_GROUPS[code]
    country = pycountry.countries.get(alpha_3=code) if is_country(code) else None
    if country is None:
        return Label(code, code)
    name = getattr(country, "common_name", None) or country.name
    return Label(name, _spanish().gettext(name))


def subject_label(subject: Subject) -> Label:
    """The name of any breakdown group."""
    if subject.dimension == Dimension.nationality:
        return nationality_label(subject.code)
    fallback = subject.code.replace("_", " ").capitalize()
    return DEMOGRAPHIC_GROUPS.get(subject, Label(fallback, fallback))


def nationality_code(text: str, group_codes: frozenset[str]) -> str | None:
    """The record's spelling of a nationality code given in any case ('ven' -> 'VEN'), or None
    when it is neither an ISO 3166 alpha-3 country nor a group code of the record."""
    wanted = text.strip()
    if is_country(wanted.upper()):
        return wanted.upper()
    lower = wanted.lower()
    return lower if lower in group_codes or lower in NATIONALITY_GROUPS else None


def demographic_subject(text: str, known: frozenset[Subject]) -> Subject | None:
    """A demographic group named as `minors` or `dimension:value` (`sex:women`), in any case.

    A bare value found in several dimensions is read in the order of DEMOGRAPHIC_DIMENSIONS, so
    `women` means adult women (sex_age) and `sex:women` women of all ages.
    """
    dimension_text, _, value = text.strip().lower().rpartition(":")
    dimensions = [
        d for d in DEMOGRAPHIC_DIMENSIONS if d.value == dimension_text or not dimension_text
    ]
    for dimension in dimensions:
        subject = Subject(dimension, value)
        if subject in known or subject in DEMOGRAPHIC_GROUPS:
            return subject
    return None
