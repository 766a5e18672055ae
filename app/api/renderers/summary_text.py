"""/v1/summary as lines a person reads: each figure as text.py writes it, each derived one with its
formula."""

from collections.abc import Mapping
from typing import Any

from app.api.renderers.text import Lang, figure_text, number_text, period_text

HEADINGS = {
    "en": {
        "latest_year": "Latest year",
        "latest_month": "Latest month",
        "year_to_date": "Year to date",
        "record_year": "Record year",
        "record_month": "Record month",
        "change": "Change on a year earlier",
        "total": "Total",
        "people": "people",
        "derived": "derived",
        "absent": "not available",
    },
    "es": {
        "latest_year": "Último año",
        "latest_month": "Último mes",
        "year_to_date": "En lo que va del año",
        "record_year": "Año récord",
        "record_month": "Mes récord",
        "change": "Variación respecto de un año antes",
        "total": "Total",
        "people": "personas",
        "derived": "calculado",
        "absent": "no disponible",
    },
}


def summary_text(summary: Mapping[str, Any], lang: Lang) -> str:
    """Every part of the summary, a heading and its sentences, blank lines between parts."""
    words = HEADINGS[lang]
    parts = []
    for key in ("latest_year", "latest_month"):
        if latest := summary[key]:
            change = change_text(latest["change"], latest["change_percent"], lang)
            parts.append(f"{words[key]}: {figure_text(latest['figure'], lang)}{change}")
    if to_date := summary["year_to_date"]:
        total = to_date["total"]
        when = period_text(total["period"], lang)
        said = derived_text(total, lang, f" {words['people']} {when}")
        change = change_text(to_date["change"], to_date["change_percent"], lang)
        parts.append(f"{words['year_to_date']}: {said}.\n{change}")
    for key in ("record_year", "record_month"):
        if figure := summary[key]:
            parts.append(f"{words[key]}: {figure_text(figure, lang)}")
    return "\n".join(parts)


def derived_text(derived: Mapping[str, Any], lang: Lang, after: str = "") -> str:
    """'3,091 people in 2025 (derived: F0199 + ...)', or why it is not available."""
    words = HEADINGS[lang]
    if derived["value"] is None:
        return f"{words['absent']} ({absent_reason(derived, lang)})"
    value = number_text(derived["value"], lang)
    if derived["unit"] == "percent":
        value = f"{'+' if derived['value'] > 0 else ''}{value}{' ' if lang == 'es' else ''}%"
    elif derived["operation"] != "sum" and derived["value"] > 0:
        value = f"+{value}"
    return f"{value}{after} ({words['derived']}: {derived['formula']})"


def absent_reason(derived: Mapping[str, Any], lang: Lang) -> str:
    """Why a derived figure is absent, in the reader's language."""
    if lang == "en":
        return str(derived["reason"])
    if derived["missing"]:
        return f"sin cifra canónica para {', '.join(derived['missing'])}"
    if derived["operation"] == "percent_change" and "zero" in derived["reason"]:
        return "el valor anterior es cero"
    return "una de las cifras es una cota, no un conteo"


def change_text(change: Mapping[str, Any], percent: Mapping[str, Any], lang: Lang) -> str:
    """'Change on a year earlier: -299,112 (derived: ...); -99.0% (derived: ...).'"""
    said = derived_text(change, lang)
    if percent["value"] is not None:
        said += f"; {derived_text(percent, lang)}"
    return f"{HEADINGS[lang]['change']}: {said}.\n"
