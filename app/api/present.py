"""Shape stored rows into public figures: provenance, period labels and a citation to paste."""

import re

from app.api.schemas import FigurePublic, SourceRef
from app.domain.periods import format_period
from app.domain.reconcile import Candidate
from app.storage.tables import Figure, Source

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


def number(value: float) -> int | float:
    """Whole numbers as int, so JSON shows 520085 rather than 520085.0."""
    return int(value) if value == int(value) else value


def wire_of(source: Source) -> str | None:
    """The agency a syndicated story came from; None for an outlet's own (or unknown) story."""
    return source.wire if source.wire and source.wire not in ("none", "unknown") else None


def origin_of(source: Source) -> str:
    """The independent origin of a story: its wire if syndicated, else its outlet (copies folded)."""
    return wire_of(source) or _COPY_MARK.sub("", source.publisher).strip()


def published_text(source: Source) -> str:
    """The publication date as a citation writes it, honest about its precision."""
    if source.published is None or source.published_precision == "unknown":
        return "date unknown"
    day = f"{source.published.day} {source.published:%B %Y}"
    if source.published_precision == "month":
        return f"{source.published:%B %Y}"
    if source.published_precision == "approx":
        return f"around {day}"
    return day


def cite(figure: Figure, source: Source) -> str:
    """A one-sentence citation: who counted, who published, title, date, URL, and our figure id."""
    body = BODY_NAMES.get(figure.attributed_to)
    by = f"{body[0].upper()}{body[1:]}, as reported by " if body else "Reported by "
    agency = wire_of(source)
    wire = f" ({agency} wire)" if agency else ""
    url = f", {source.url}" if source.url else ""
    return (
        f'{by}{source.publisher}{wire}, "{source.title}", {published_text(source)}{url}. '
        f"Darién Crossings API, figure {figure.id}."
    )


def figure_public(figure: Figure, source: Source) -> FigurePublic:
    """The public view of a stored figure."""
    return FigurePublic(
        id=figure.id,
        url=f"/v1/figures/{figure.id}",
        metric=figure.metric,
        period=format_period(figure.period_start, figure.period_end),
        period_start=figure.period_start,
        period_end=figure.period_end,
        dimension=figure.dimension,
        dimension_value=figure.dimension_value,
        value=number(figure.value),
        unit=figure.unit,
        qualifier=figure.qualifier,
        attributed_to=figure.attributed_to,
        source=source_ref(source),
        citation=cite(figure, source),
        note=figure.note,
        document_id=figure.document_id,
        quote=figure.quote,
        quote_start=figure.span_start,
        quote_end=figure.span_end,
    )


def source_ref(source: Source) -> SourceRef:
    """The short description of a source carried by every figure."""
    return SourceRef.model_validate(source, from_attributes=True)


def candidate(figure: Figure, source: Source) -> Candidate:
    """What the reconciler needs from a stored figure."""
    return Candidate(
        figure_id=figure.id,
        value=figure.value,
        unit=figure.unit,
        qualifier=figure.qualifier,
        attributed_to=figure.attributed_to,
        published=source.published,
        origin=origin_of(source),
    )
