"""Public response models: the documented JSON shape. Keys are only ever added, never renamed."""

from datetime import date

from pydantic import BaseModel, Field

from app.api.schemas_derived import DerivedFigurePublic, derived_field
from app.domain.vocabulary import (
    DatePrecision,
    Dimension,
    FigureStatus,
    PeriodMatch,
    Qualifier,
    SelectionMethod,
    SourceKind,
    Unit,
)


class SourceRef(BaseModel):
    """Where a figure was published."""

    id: str = Field(examples=["S002"])
    publisher: str = Field(examples=["Pledge Times"])
    wire: str | None = Field(
        description="Agency the story came from, if syndicated", examples=["EFE"]
    )
    title: str
    url: str | None
    published: date | None = Field(examples=["2023-08-01"])
    published_precision: DatePrecision = Field(
        description="day, month, approx (about +/- 2 weeks) or unknown"
    )
    kind: SourceKind = Field(
        description="official, un_agency, ngo, news or research", examples=["news"]
    )
    language: str = Field(examples=["en"])


class FigurePublic(BaseModel):
    """One reported figure with its provenance."""

    id: str = Field(examples=["F0066"])
    url: str = Field(description="Path of this figure in the API", examples=["/v1/figures/F0066"])
    metric: str = Field(examples=["crossings"])
    period: str = Field(description="YYYY, YYYY-MM or YYYY-MM-DD/YYYY-MM-DD", examples=["2023"])
    period_start: date
    period_end: date
    dimension: Dimension = Field(
        description="total, nationality, sex, age or sex_age", examples=["total"]
    )
    dimension_value: str | None = Field(description="e.g. VEN, minors; null for total")
    value: int | float = Field(examples=[520085])
    unit: Unit = Field(description="people or percent", examples=["people"])
    qualifier: Qualifier = Field(
        description="exact, approximate (rounded, about, nearly), more_than (a lower bound) "
        "or less_than (an upper bound)",
        examples=["exact"],
    )
    attributed_to: str = Field(description="Body the source credits", examples=["SNM"])
    source: SourceRef
    citation: str = Field(description="A ready-to-paste citation")
    note: str | None = Field(description="Editor's caveats")
    document_id: int = Field(description="Stored document the figure was read from")
    quote: str | None = Field(
        default=None,
        description="For an ingested document: the span of its text that states the figure",
    )
    quote_start: int | None = Field(
        default=None, description="Character offset of the quote in the document"
    )
    quote_end: int | None = Field(default=None, description="Offset just after the quote")
    status: FigureStatus = Field(
        default=FigureStatus.reviewed,
        description="reviewed (the seed's figures, and uploads an editor has checked) or "
        "provisional (ingested through the API, not yet reviewed: never canonical where a "
        "reviewed figure exists)",
        examples=["reviewed"],
    )


class ComparedFigurePublic(FigurePublic):
    """Another figure reported for the same cell, judged against the canonical one."""

    agrees: bool | None = Field(
        description="Whether its value, read with its qualifier, is compatible with the canonical "
        "figure; null when the cell has no canonical figure"
    )
    period_match: PeriodMatch = Field(
        description="same: reported for exactly this period; near_complete: a cut that stops a "
        "little short of its end (e.g. a mid-December count published as the year's total)"
    )
    difference: int | float | None = Field(
        description="Derived: this value minus the canonical value (null when there is none)"
    )


class Selection(BaseModel):
    """Why this figure is the canonical one."""

    method: SelectionMethod = Field(
        description="editorial (a recorded decision) or rule (the ranking rule)",
        examples=["editorial"],
    )
    reason: str
    reported_count: int = Field(description="How many figures were reported for this cell")
    disagreeing_count: int = Field(description="How many of them disagree with this one")


class CanonicalFigurePublic(FigurePublic):
    """The canonical figure of a period."""

    selection: Selection
    change: DerivedFigurePublic | None = derived_field(
        "With ?include=change: this period minus the one before (derived)"
    )
    change_percent: DerivedFigurePublic | None = derived_field(
        "With ?include=change: the same change in percent of the period before (derived)"
    )
    year_to_date: DerivedFigurePublic | None = derived_field(
        "Months only, with ?include=ytd: January to this month, summed (derived)"
    )
    rolling_12_months: DerivedFigurePublic | None = derived_field(
        "Months only, with ?include=rolling12: the twelve months to this one, summed (derived)"
    )


class CanonicalDetailPublic(CanonicalFigurePublic):
    """The canonical figure of a period and every other figure reported for it."""

    also_reported: list[ComparedFigurePublic]


class SeriesMeta(BaseModel):
    """About a list of canonical figures."""

    count: int
    period_from: str = Field(alias="from", examples=["2010"])
    period_to: str = Field(alias="to", examples=["2025"])
    missing: list[str] = Field(
        description="Periods in range with no canonical figure (absent from data, never zero)"
    )
    available: list[str] = Field(description="First and last period with a canonical figure")
    dataset_version: int
    canonical_rule: str
    groups: list[str] | None = Field(
        default=None,
        description="The nationalities or groups the series is filtered to (null: the total)",
    )
    missing_by_group: dict[str, list[str]] | None = Field(
        default=None, description="For a filtered series: each group's periods without a figure"
    )

    model_config = {"populate_by_name": True, "serialize_by_alias": True}


class SeriesPublic(BaseModel):
    """A list of canonical figures."""

    data: list[CanonicalFigurePublic]
    meta: SeriesMeta


class SourcePublic(SourceRef):
    """A source, with the number of figures it reports."""

    url_api: str = Field(
        description="Path of this source in the API", examples=["/v1/sources/S002"]
    )
    figure_count: int


class SourceDetailPublic(SourcePublic):
    """A source with every figure it reports."""

    figures: list[FigurePublic]


class PageMeta(BaseModel):
    """Keyset pagination: follow next_url until it is null."""

    count: int
    total: int
    limit: int
    next_cursor: str | None
    next_url: str | None


class SourceListPublic(BaseModel):
    """A page of sources."""

    data: list[SourcePublic]
    meta: PageMeta


class FigureListPublic(BaseModel):
    """A page of reported figures."""

    data: list[FigurePublic]
    meta: PageMeta


class HistoryEntryPublic(BaseModel):
    """One answer a figure's period had, and the days it held."""

    since: date = Field(description="First day of this answer: the publication date that made it")
    until: date | None = Field(description="Last day this answer held; null while it still holds")
    known_count: int = Field(
        description="Figures of the period (and near-complete cuts of it) published by `since`"
    )
    canonical: CanonicalFigurePublic | None = Field(
        description="The answer then; its period may end early (a cut standing in for the whole "
        "period); null while nothing was canonical"
    )


class FigureHistoryPublic(BaseModel):
    """A figure and the canonical answers its period and subject gave over time."""

    figure: FigurePublic
    published: date | None = Field(
        description="From when this figure counts as known (a date given to the month counts "
        "from its last day); null when its source has no usable date"
    )
    rule: str = Field(description="What the history of a figure is and how it is worked out")
    undated: list[str] = Field(
        description="Ids of the period's figures with no usable publication date, which no past "
        "answer includes"
    )
    data: list[HistoryEntryPublic]
