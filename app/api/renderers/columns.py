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
    "status",  # reviewed, or provisional: ingested through the API and not yet reviewed
)

# Derived figures a series row carries only when asked (?include=): value, formula, and reason.
DERIVED = tuple(
    (f"{name}{part}", f"{name}.{key}")
    for name in ("change", "change_percent", "year_to_date", "rolling_12_months")
    for part, key in (("", "value"), ("_formula", "formula"), ("_reason", "reason"))
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
    optional=DERIVED,
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

BREAKDOWN_COVERAGE = tuple(
    (f"{dimension}_{part}", f"{dimension}.{part}")
    for dimension in ("nationality", "sex", "age", "sex_age")
    for part in ("available", "full_year", "months", "periods", "subjects")
)

COVERAGE = Columns(
    "year",
    "total",
    "total_id",
    "total_value",
    "month_count",
    "months",
    "missing_months",
    *BREAKDOWN_COVERAGE,
)

CHECKS = Columns(
    "id",
    "kind",
    "period",
    "period_start",
    "period_end",
    "subject",
    "comparison",
    "result",
    ("stated_id", "stated.id"),
    ("stated_value", "stated.value"),
    ("stated_qualifier", "stated.qualifier"),
    "computed",
    "computed_upper",
    "difference",
    "part_ids",
    "outer_ids",
    "missing",
    "explanation",
    ("stated_source_id", "stated.source_id"),
    ("stated_citation", "stated.citation"),
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
