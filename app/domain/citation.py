"""How a figure is credited: who counted, who published it, and a one-sentence citation to paste."""

import re
from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from app.domain.reconcile import attribution_rank
from app.domain.reports import ReportedFigure, SourceInfo
from app.domain.vocabulary import DatePrecision, SourceKind

BODY_NAMES = {
    "SNM": "Panama's National Migration Service (SNM)",
    "MinSeg": "Panama's Ministry of Public Security",
    "SENAFRONT": "Panama's National Border Service (SENAFRONT)",
    "SENNIAF": "Panama's child-protection secretariat (SENNIAF)",
    "Panama-gov": "the Government of Panama",
    "IOM": "the International Organization for Migration (IOM)",
    "UNICEF": "UNICEF",
    "UNHCR": "UNHCR",
    "UNHCR/IOM": "UNHCR and IOM",
    "OCHA": "UN OCHA",
    "OHCHR": "the UN Human Rights Office (OHCHR)",
    "HRW": "Human Rights Watch",
    "IFRC": "the IFRC",
    "ICG": "the International Crisis Group",
    "Defensoria-Colombia": "Colombia's Ombudsman's Office",
}
# The same bodies as a Spanish sentence names them (for `.txt?lang=es`).
BODY_NAMES_ES = {
    "SNM": "el Servicio Nacional de Migración de Panamá (SNM)",
    "MinSeg": "el Ministerio de Seguridad Pública de Panamá",
    "SENAFRONT": "el Servicio Nacional de Fronteras de Panamá (SENAFRONT)",
    "SENNIAF": "la Secretaría Nacional de Niñez, Adolescencia y Familia de Panamá (SENNIAF)",
    "Panama-gov": "el Gobierno de Panamá",
    "IOM": "la Organización Internacional para las Migraciones (OIM)",
    "UNICEF": "UNICEF",
    "UNHCR": "ACNUR",
    "UNHCR/IOM": "ACNUR y la OIM",
    "OCHA": "OCHA de la ONU",
    "OHCHR": "la Oficina de Derechos Humanos de la ONU (ACNUDH)",
    "HRW": "Human Rights Watch",
    "IFRC": "la FICR",
    "ICG": "International Crisis Group",
    "Defensoria-Colombia": "la Defensoría del Pueblo de Colombia",
}


class CitationWords(NamedTuple):
    """The fixed words of a citation in one language."""

    bodies: dict[str, str]  # who counted, by attributed_to code
    by: str
    unnamed: str  # the opening when no known body is credited
    wire: str  # format string for the agency of a syndicated story
    figure: str


CITATION_WORDS = {
    "en": CitationWords(BODY_NAMES, ", as reported by ", "Reported by ", " ({} wire)", "figure"),
    "es": CitationWords(BODY_NAMES_ES, ", según ", "Publicado por ", " (cable de {})", "cifra"),
}
MONTHS_ES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
             "septiembre", "octubre", "noviembre", "diciembre")  # fmt: skip
_COPY_MARK = re.compile(r"\s*\([^)]*\bcop(?:y|ies)\b[^)]*\)", re.IGNORECASE)
# How the seed names a page that is not the original: "NBC News (mirror copy)", "Maduradas (AMP
# copy)", "Yahoo Noticias (syndicated copy)", "AFP story on a CloudFront mirror".
_NOT_ORIGINAL = re.compile(r"\bcop(?:y|ies)\b|\bmirror\b", re.IGNORECASE)
AUTHORITATIVE_KINDS = frozenset({SourceKind.official, SourceKind.un_agency})

CITATION_RULE_TEXT = (
    "A canonical figure is cited from the most authoritative page that reports its value (the "
    "same value and qualifier for the same period, credited to a body at least as authoritative): "
    "an official or UN page first, then an original wire or newspaper page, and a mirror, AMP, "
    "syndicated or other copy only when nothing else reports it; among equals, a page a reader can "
    "cite as is (its own title, a publication day) before an untitled or loosely dated one, the "
    "page crediting "
    "the same body as the chosen figure, then a more authoritative body, then the earliest "
    "publication (the original report), then the figure id. The other pages stay in also_reported."
)


def wire_of(wire: str | None) -> str | None:
    """The agency a syndicated story came from; None for an outlet's own (or unknown) story."""
    return wire if wire and wire not in ("none", "unknown") else None


def origin_of(wire: str | None, publisher: str) -> str:
    """The independent origin of a story: its wire if syndicated, else its outlet (copies folded)."""
    return wire_of(wire) or _COPY_MARK.sub("", publisher).strip()


def published_text(published: date | None, precision: str, lang: str = "en") -> str:
    """The publication date as a citation writes it, honest about its precision."""
    if published is None or precision == DatePrecision.unknown:
        return "fecha desconocida" if lang == "es" else "date unknown"
    if lang == "es":
        month = f"{MONTHS_ES[published.month - 1]} de {published.year}"
        day = f"{published.day} de {month}"
        if precision == DatePrecision.month:
            return month
        return f"hacia el {day}" if precision == DatePrecision.approx else day
    day = f"{published.day} {published:%B %Y}"
    if precision == DatePrecision.month:
        return f"{published:%B %Y}"
    if precision == DatePrecision.approx:
        return f"around {day}"
    return day


def cite(figure: ReportedFigure, lang: str = "en") -> str:
    """A one-sentence citation: who counted, who published, title, date, URL, and our figure id."""
    source = figure.source
    return citation_text(
        figure.id,
        figure.attributed_to,
        (source.publisher, source.wire, source.title, source.url),
        (source.published, source.published_precision),
        lang,
    )


def citation_text(
    figure_id: str,
    attributed_to: str,
    page: tuple[str, str | None, str, str | None],
    published: tuple[date | None, str],
    lang: str = "en",
) -> str:
    """cite() from plain values (publisher, wire, title and url of the page; its date and the
    date's precision), in English or Spanish, for renderers that hold a figure as JSON."""
    publisher, wire, title, url = page
    words = CITATION_WORDS[lang]
    body = words.bodies.get(attributed_to)
    credit = f"{body[0].upper()}{body[1:]}{words.by}" if body else words.unnamed
    agency = wire_of(wire)
    wire_text = words.wire.format(agency) if agency else ""
    link = f", {url}" if url else ""
    return (
        f'{credit}{publisher}{wire_text}, "{title}", {published_text(*published, lang)}{link}. '
        f"Darién Crossings API, {words.figure} {figure_id}."
    )


def page_rank(source: SourceInfo) -> int:
    """0 an official or UN page, 1 an original page (wire, newspaper, NGO, research), 2 a copy."""
    if _NOT_ORIGINAL.search(source.publisher):
        return 2
    return 0 if source.kind in AUTHORITATIVE_KINDS else 1


def citable(source: SourceInfo) -> bool:
    """A page with its own title (the seed brackets a title it had to make up) and a known day."""
    return not source.title.startswith("[") and source.published_precision is DatePrecision.day


def cited_figure(chosen: ReportedFigure, peers: Iterable[ReportedFigure]) -> ReportedFigure:
    """The figure to cite for a canonical choice: among the peers stating the same value with the
    same qualifier for the same cell, the one on the most authoritative page (CITATION_RULE_TEXT).
    Credit never moves to a less authoritative body than the chosen figure's."""
    credit = attribution_rank(chosen.attributed_to)
    same = [
        f
        for f in peers
        if (f.cell, f.value, f.qualifier) == (chosen.cell, chosen.value, chosen.qualifier)
        and attribution_rank(f.attributed_to) <= credit
    ]

    def key(f: ReportedFigure) -> tuple[int, bool, bool, int, int, str]:
        published = f.source.published.toordinal() if f.source.published else 10**9
        body = attribution_rank(f.attributed_to)
        other_body = f.attributed_to != chosen.attributed_to
        return (page_rank(f.source), not citable(f.source), other_body, body, published, f.id)

    return min([chosen, *same], key=key)
