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
