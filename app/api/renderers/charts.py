"""Vega-Lite specifications of the charts, built from domain values: the one source of every chart.

The same spec is served as JSON (for dashboards) and rendered to SVG and PNG (chart_images.py).
Data is inlined, so a spec needs nothing from any host. A period without a canonical figure stays a
row with a null value: it is drawn as a "no figure" label on the axis, never as a zero bar.
"""

from collections.abc import Sequence
from typing import Any, Literal

from app.api.renderers.text import country_name
from app.domain.cells import CanonicalFigure, Series, label
from app.domain.citation import BODY_NAMES
from app.domain.events import Event

Lang = Literal["en", "es"]
Spec = dict[str, Any]
SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"  # an identifier; never fetched
NUMBER = ",.0f"  # whole numbers with the locale's thousands separator
LOCALES: dict[Lang, dict[str, Any]] = {
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["$", ""]},
    "es": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " €"]},
}
BAR, GAP, EVENT = "#3a6ea5", "#8a8a8a", "#b3261e"
WORDS: dict[Lang, dict[str, str]] = {
    "en": {
        "yearly": "People crossing the Darién Gap, by year",
        "monthly": "People crossing the Darién Gap, by month",
        "nationality": "People crossing the Darién Gap in {year}, by nationality",
        "year": "Year",
        "month": "Month",
        "people": "People",
        "nationality_axis": "Nationality",
        "gap": "no figure",
        "source": "Source: {bodies}, as reported in the press; one canonical figure per bar.",
        "gaps": "Periods marked “no figure” have no canonical figure (not zero).",
        "figure": "Figure",
        "counted_by": "Counted by",
        "published_by": "Published by",
    },
    "es": {
        "yearly": "Personas que cruzaron el Darién, por año",
        "monthly": "Personas que cruzaron el Darién, por mes",
        "nationality": "Personas que cruzaron el Darién en {year}, por nacionalidad",
        "year": "Año",
        "month": "Mes",
        "people": "Personas",
        "nationality_axis": "Nacionalidad",
        "gap": "sin cifra",
        "source": "Fuente: {bodies}, según la prensa; una cifra canónica por barra.",
        "gaps": "Los periodos «sin cifra» no tienen cifra canónica (no son cero).",
        "figure": "Cifra",
        "counted_by": "Contado por",
        "published_by": "Publicado por",
    },
}
BODY_NAMES_ES = {"SNM": "Servicio Nacional de Migración de Panamá (SNM)"}


def originators(figures: Sequence[CanonicalFigure], lang: Lang) -> str:
    """Who counted the figures shown, in order of first appearance ('Panama's SNM and IOM')."""
    names: list[str] = []
    for canonical in figures:
        code = canonical.figure.attributed_to
        name = (BODY_NAMES_ES.get(code) if lang == "es" else None) or BODY_NAMES.get(code, code)
        if name not in names and code != "unattributed":
            names.append(name)
    if not names:
        return "the press" if lang == "en" else "la prensa"
    joiner = " and " if lang == "en" else " y "
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])}{joiner}{names[-1]}"


def row_of(period: str, canonical: CanonicalFigure | None) -> dict[str, Any]:
    """One bar's data: the period and its canonical figure, or a null value for a gap."""
    if canonical is None:
        return {"period": period, "value": None, "figure_id": None, "attributed_to": None}
    figure = canonical.figure
    return {
        "period": period,
        "value": figure.value,
        "qualifier": figure.qualifier,
        "figure_id": figure.id,
        "attributed_to": figure.attributed_to,
        "publisher": figure.source.publisher,
    }


def base_spec(title: str, subtitle: list[str], lang: Lang) -> Spec:
    """What every chart shares: schema, title with its source line, locale and fonts."""
    return {
        "$schema": SCHEMA,
        "title": {"text": title, "subtitle": subtitle, "anchor": "start", "subtitleColor": "#444"},
        "config": {
            "locale": {"number": LOCALES[lang]},
            "font": "Liberation Sans, Helvetica, Arial, sans-serif",
            "axis": {"labelFontSize": 11, "titleFontSize": 12},
            "view": {"stroke": None},
        },
        "background": "white",
        "usermeta": {"lang": lang},
    }


def series_spec(series: Series, events: Sequence[Event], kind: str, lang: Lang) -> Spec:
    """A bar per period of a yearly or monthly series, gaps labelled, events marked by a rule."""
    words = WORDS[lang]
    found = {label(c.figure.cell): c for c in series.figures}
    rows = [row_of(period, found.get(period)) for period in series.periods]
    marks = [e for e in events if (e.year if kind == "yearly" else e.month) in series.periods]
    axis = words["year" if kind == "yearly" else "month"]
    x = {
        "field": "period",
        "type": "ordinal",
        "title": axis,
        "scale": {"domain": series.periods},
        "axis": {"labelAngle": 0 if kind == "yearly" else -90},
    }
    spec = base_spec(
        words[kind],
        [words["source"].format(bodies=originators(series.figures, lang)), words["gaps"]],
        lang,
    )
    spec |= {
        "width": {"step": 40 if kind == "yearly" else 14},
        "height": 300,
        "data": {"values": rows},
        "layer": [
            bars_layer(x, words),
            gaps_layer(x, words),
            *events_layers(marks, kind, lang),
        ],
    }
    return spec


def bars_layer(x: dict[str, Any], words: dict[str, str]) -> Spec:
    """The bars: one per period that has a canonical figure."""
    return {
        "transform": [{"filter": "datum.value != null"}],
        "mark": {"type": "bar", "color": BAR},
        "encoding": {
            "x": x,
            "y": {
                "field": "value",
                "type": "quantitative",
                "title": words["people"],
                "axis": {"format": NUMBER},
            },
            "tooltip": [
                {"field": "period", "title": x["title"]},
                {"field": "value", "title": words["people"], "format": NUMBER},
                {"field": "figure_id", "title": words["figure"]},
                {"field": "attributed_to", "title": words["counted_by"]},
                {"field": "publisher", "title": words["published_by"]},
            ],
        },
    }


def gaps_layer(x: dict[str, Any], words: dict[str, str]) -> Spec:
    """A grey upright label at the foot of each period without a figure."""
    return {
        "transform": [{"filter": "datum.value == null"}],
        "mark": {
            "type": "text",
            "angle": 270,
            "align": "left",
            "baseline": "middle",
            "dx": 4,
            "color": GAP,
            "fontStyle": "italic",
        },
        "encoding": {"x": x, "y": {"datum": 0}, "text": {"value": words["gap"]}},
    }


def events_layers(events: Sequence[Event], kind: str, lang: Lang) -> list[Spec]:
    """A dashed rule and a label at each event's period (none when no event falls in range)."""
    if not events:
        return []
    data = {
        "values": [
            {
                "period": e.year if kind == "yearly" else e.month,
                "event": e.label(lang),
                "date": e.day.isoformat(),
            }
            for e in events
        ]
    }
    # A month's event sits at the start of its band (the day is not drawn); a year's at its middle.
    x = {"field": "period", "type": "ordinal", "bandPosition": 0.5 if kind == "yearly" else 0}
    return [
        {
            "data": data,
            "mark": {"type": "rule", "color": EVENT, "strokeDash": [4, 3], "strokeWidth": 1.5},
            "encoding": {"x": x, "tooltip": [{"field": "event"}, {"field": "date"}]},
        },
        {
            "data": data,
            "mark": {"type": "text", "align": "left", "dx": 4, "dy": 6, "color": EVENT},
            "encoding": {"x": x, "y": {"value": 0}, "text": {"field": "event"}},
        },
    ]


def nationality_spec(year: int, figures: Sequence[CanonicalFigure], lang: Lang) -> Spec:
    """A horizontal bar per nationality with a canonical count for the year, largest on top."""
    words = WORDS[lang]
    rows = [
        {
            **row_of(f"{year}", c),
            "nationality": c.figure.cell.dimension_value,
            "name": country_name(c.figure.cell.dimension_value or "", lang),
        }
        for c in figures
    ]
    spec = base_spec(
        words["nationality"].format(year=year),
        [words["source"].format(bodies=originators(figures, lang))],
        lang,
    )
    spec |= {
        "width": 520,
        "height": {"step": 22},
        "data": {"values": rows},
        "layer": nationality_layers(words),
    }
    return spec


def nationality_layers(words: dict[str, str]) -> list[Spec]:
    """The bars, sorted by value, and each bar's count written at its end."""
    y = {"field": "name", "type": "nominal", "title": words["nationality_axis"], "sort": "-x"}
    x = {"field": "value", "type": "quantitative", "title": words["people"]}
    tooltip = [
        {"field": "name", "title": words["nationality_axis"]},
        {"field": "value", "title": words["people"], "format": NUMBER},
        {"field": "figure_id", "title": words["figure"]},
    ]
    return [
        {
            "mark": {"type": "bar", "color": BAR},
            "encoding": {"y": y, "x": {**x, "axis": {"format": NUMBER}}, "tooltip": tooltip},
        },
        {
            "mark": {"type": "text", "align": "left", "dx": 3, "color": "#222"},
            "encoding": {"y": y, "x": x, "text": {"field": "value", "format": NUMBER}},
        },
    ]
