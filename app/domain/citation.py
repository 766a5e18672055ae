"""How a figure is credited: who counted, who published it, and a one-sentence citation to paste."""

import re

from app.domain.reports import ReportedFigure, SourceInfo

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
_COPY_MARK = re.compile(r"\s*\([^)]*\bcop(?:y|ies)\b[^)]*\)", re.IGNORECASE)


def wire_of(wire: str | None) -> str | None:
    """The agency a syndicated story came from; None for an outlet's own (or unknown) story."""
    return wire if wire and wire not in ("none", "unknown") else None


def origin_of(wire: str | None, publisher: str) -> str:
    """The independent origin of a story: its wire if syndicated, else its outlet (copies folded)."""
    return wire_of(wire) or _COPY_MARK.sub("", publisher).strip()


def published_text(source: SourceInfo) -> str:
    """The publication date as a citation writes it, honest about its precision."""
    if source.published is None or source.published_precision == "unknown":
        return "date unknown"
    day = f"{source.published.day} {source.published:%B %Y}"
    if source.published_precision == "month":
        return f"{source.published:%B %Y}"
    if source.published_precision == "approx":
        return f"around {day}"
    return day


def cite(figure: ReportedFigure) -> str:
    """A one-sentence citation: who counted, who published, title, date, URL, and our figure id."""
    source = figure.source
    body = BODY_NAMES.get(figure.attributed_to)
    by = f"{body[0].upper()}{body[1:]}, as reported by " if body else "Reported by "
    agency = wire_of(source.wire)
    wire = f" ({agency} wire)" if agency else ""
    url = f", {source.url}" if source.url else ""
    return (
        f'{by}{source.publisher}{wire}, "{source.title}", {published_text(source)}{url}. '
        f"Darién Crossings API, figure {figure.id}."
    )
