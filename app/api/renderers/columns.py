"""The CSV columns of each list endpoint. A new list declares its Columns here and passes them to
`listed` (see lists.py); the renderer needs nothing else."""

from app.api.renderers.csv import Columns

# Where a figure comes from: every row that carries a figure carries these.
PROVENANCE: tuple[str | tuple[str, str], ...] = (
    ("source_id", "source.id"),
    ("publisher", "source.publisher"),
    ("wire", "source.wire"),
    ("title", "source.title"),
    ("source_url", "source.url"),
    ("published", "source.published"),
    ("published_precision", "source.published_precision"),
    "note",
    "citation",
)

FIGURE_VALUE: tuple[str | tuple[str, str], ...] = (
    "id",
    "metric",
    "period",
    "period_start",
    "period_end",
    "dimension",
    "dimension_value",
    "value",
    "unit",
    "qualifier",
    "attributed_to",
)

CANONICAL_FIGURES = Columns(
    *FIGURE_VALUE,
    ("selection_method", "selection.method"),
    ("selection_reason", "selection.reason"),
    ("reported_count", "selection.reported_count"),
    ("disagreeing_count", "selection.disagreeing_count"),
    *PROVENANCE,
    "document_id",
    "url",
)

FIGURES = Columns(
    *FIGURE_VALUE,
    *PROVENANCE,
    "document_id",
    "quote",
    "quote_start",
    "quote_end",
    "url",
)

SOURCES = Columns(
    "id",
    "publisher",
    "wire",
    "title",
    "url",
    "published",
    "published_precision",
    "kind",
    "language",
    "figure_count",
    "url_api",
)

DOCUMENTS = Columns(
    "id",
    "title",
    "path",
    "origin",
    "content_hash",
    "figure_count",
    ("source_id", "source.id"),
    ("publisher", "source.publisher"),
    ("source_url", "source.url"),
    ("published", "source.published"),
    "created_at",
    "updated_at",
    "url",
)


def breakdown_columns(*group: str | tuple[str, str]) -> Columns:
    """A breakdown table's columns: the group, its figure and shares, then its provenance."""
    return Columns(
        "period",
        *group,
        "name_en",
        "name_es",
        "is_country",
        "value",
        "unit",
        "qualifier",
        "partial_period",
        "period_start",
        "period_end",
        "period_note",
        ("share", "share.value"),
        ("share_qualifier", "share.qualifier"),
        ("share_formula", "share.formula"),
        ("reported_share", "reported_share.value"),
        ("reported_share_qualifier", "reported_share.qualifier"),
        ("reported_share_id", "reported_share.id"),
        "id",
        "attributed_to",
        ("selection_method", "selection.method"),
        ("reported_count", "selection.reported_count"),
        ("disagreeing_count", "selection.disagreeing_count"),
        *PROVENANCE,
        "url",
    )


NATIONALITY_BREAKDOWN = breakdown_columns(("nationality", "dimension_value"))
DEMOGRAPHIC_BREAKDOWN = breakdown_columns("dimension", ("group", "dimension_value"))

NATIONALITIES = Columns(
    "code", "name_en", "name_es", "is_country", "figure_count", "years", "figures_url"
)
