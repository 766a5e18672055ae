"""Nationality vocabulary: demonyms and country names in English and Spanish, keyed to ISO alpha-3."""

from __future__ import annotations

from typing import Final

import pycountry

# alpha-3: (English demonym, Spanish masculine singular demonym, Spanish country name).
# English plurals are derived by adding "s" unless the demonym ends in "ese" or "ch"/"sh".
_TABLE: Final[dict[str, tuple[str, str, str]]] = {
    "VEN": ("Venezuelan", "venezolano", "Venezuela"),
    "HTI": ("Haitian", "haitiano", "Haití"),
    "ECU": ("Ecuadorian", "ecuatoriano", "Ecuador"),
    "CHN": ("Chinese", "chino", "China"),
    "COL": ("Colombian", "colombiano", "Colombia"),
    "CUB": ("Cuban", "cubano", "Cuba"),
    "CHL": ("Chilean", "chileno", "Chile"),
    "IND": ("Indian", "indio", "India"),
    "AFG": ("Afghan", "afgano", "Afganistán"),
    "CMR": ("Cameroonian", "camerunés", "Camerún"),
    "PER": ("Peruvian", "peruano", "Perú"),
    "BRA": ("Brazilian", "brasileño", "Brasil"),
    "BGD": ("Bangladeshi", "bangladesí", "Bangladés"),
    "NPL": ("Nepali", "nepalí", "Nepal"),
    "SOM": ("Somali", "somalí", "Somalia"),
    "SEN": ("Senegalese", "senegalés", "Senegal"),
    "AGO": ("Angolan", "angoleño", "Angola"),
    "UZB": ("Uzbek", "uzbeko", "Uzbekistán"),
    "VNM": ("Vietnamese", "vietnamita", "Vietnam"),
    "PAK": ("Pakistani", "pakistaní", "Pakistán"),
    "DOM": ("Dominican", "dominicano", "República Dominicana"),
    "GIN": ("Guinean", "guineano", "Guinea"),
    "GHA": ("Ghanaian", "ghanés", "Ghana"),
    "MRT": ("Mauritanian", "mauritano", "Mauritania"),
    "ERI": ("Eritrean", "eritreo", "Eritrea"),
    "ETH": ("Ethiopian", "etíope", "Etiopía"),
    "COD": ("Congolese", "congoleño", "Congo"),
    "SYR": ("Syrian", "sirio", "Siria"),
    "RUS": ("Russian", "ruso", "Rusia"),
    "TUR": ("Turkish", "turco", "Turquía"),
    "LKA": ("Sri Lankan", "esrilanqués", "Sri Lanka"),
    "NGA": ("Nigerian", "nigeriano", "Nigeria"),
    "MLI": ("Malian", "maliense", "Malí"),
    "SLE": ("Sierra Leonean", "sierraleonés", "Sierra Leona"),
    "YEM": ("Yemeni", "yemení", "Yemen"),
    "IRN": ("Iranian", "iraní", "Irán"),
    "NIC": ("Nicaraguan", "nicaragüense", "Nicaragua"),
    "HND": ("Honduran", "hondureño", "Honduras"),
    "GTM": ("Guatemalan", "guatemalteco", "Guatemala"),
    "SLV": ("Salvadoran", "salvadoreño", "El Salvador"),
    "MEX": ("Mexican", "mexicano", "México"),
    "PAN": ("Panamanian", "panameño", "Panamá"),
    "BOL": ("Bolivian", "boliviano", "Bolivia"),
    "ARG": ("Argentine", "argentino", "Argentina"),
    "URY": ("Uruguayan", "uruguayo", "Uruguay"),
    "PRY": ("Paraguayan", "paraguayo", "Paraguay"),
    "JAM": ("Jamaican", "jamaicano", "Jamaica"),
    "EGY": ("Egyptian", "egipcio", "Egipto"),
    "MAR": ("Moroccan", "marroquí", "Marruecos"),
    "SDN": ("Sudanese", "sudanés", "Sudán"),
    "GMB": ("Gambian", "gambiano", "Gambia"),
    "KEN": ("Kenyan", "keniano", "Kenia"),
    "BFA": ("Burkinabe", "burkinés", "Burkina Faso"),
    "JOR": ("Jordanian", "jordano", "Jordania"),
    "IRQ": ("Iraqi", "iraquí", "Irak"),
    "PHL": ("Filipino", "filipino", "Filipinas"),
    "TJK": ("Tajik", "tayiko", "Tayikistán"),
    "KGZ": ("Kyrgyz", "kirguís", "Kirguistán"),
}
_EXTRA_ENGLISH: Final = {
    "Ecuadorean": "ECU",
    "Ecuadoreans": "ECU",
    "Nepalese": "NPL",
    "Argentinian": "ARG",
    "Argentinians": "ARG",
    "Turks": "TUR",
    "Salvadorans": "SLV",
    "Salvadorean": "SLV",
    "Salvadoreans": "SLV",
}


def _english_forms(demonym: str) -> list[str]:
    if demonym.endswith(("ese", "ch", "sh", "Turkish")):
        return [demonym]
    return [demonym, demonym + "s"]


def _spanish_forms(word: str) -> list[str]:
    """Inflect a masculine singular Spanish demonym for gender and number."""
    if word.endswith("o"):
        stem = word[:-1]
        return [stem + "o", stem + "a", stem + "os", stem + "as"]
    if word.endswith(("és", "ís")):
        stem = word[:-2] + word[-2].translate(str.maketrans("éí", "ei"))
        return [word, stem + "sa", stem + "ses", stem + "sas"]
    if word.endswith(("í", "ú")):
        return [word, word + "es", word + "s"]
    return [word, word + "s"]  # -ense, -ita, -ope: one form per number


def _build_demonyms() -> dict[str, str]:
    forms: dict[str, str] = {}
    for alpha3, (english, spanish, _country) in _TABLE.items():
        for form in _english_forms(english) + _spanish_forms(spanish):
            forms[form.lower()] = alpha3
    for form, alpha3 in _EXTRA_ENGLISH.items():
        forms[form.lower()] = alpha3
    return forms


def _build_countries() -> dict[str, str]:
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "common_name"):
            name = getattr(country, attribute, None)
            if isinstance(name, str):
                names[name.split(",")[0].lower()] = str(country.alpha_3)
    for alpha3, (_english, _spanish, country_es) in _TABLE.items():
        names[country_es.lower()] = alpha3
        names[country_es.lower().translate(str.maketrans("áéíóú", "aeiou"))] = alpha3
    # Panama is where the crossing is counted ("the migration service of Panama, against
    # 213,600"), never the group counted; its demonym stays.
    for name in ("panama", "panamá"):
        names.pop(name, None)
    return names


DEMONYMS: Final = _build_demonyms()
COUNTRIES: Final = _build_countries()
