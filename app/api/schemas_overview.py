"""Public response models of the record's overview: summary, coverage and checks (keys only added)."""

from pydantic import BaseModel, Field

from app.api.schemas import CanonicalFigurePublic, DerivedFigurePublic


class LatestPublic(BaseModel):
    """The latest period with a canonical figure, and its change on a year earlier (derived)."""

    figure: CanonicalFigurePublic
    change: DerivedFigurePublic = Field(description="Against the same period a year earlier")
    change_percent: DerivedFigurePublic


class YearToDatePublic(BaseModel):
    """January to the latest month with a figure, and its change on the same months a year earlier."""

    total: DerivedFigurePublic
    change: DerivedFigurePublic
    change_percent: DerivedFigurePublic


class SummaryMeta(BaseModel):
    """About a summary."""

    dataset_version: int
    notes: list[str] = Field(description="How each part of the summary is chosen")


class SummaryPublic(BaseModel):
    """The record at a glance; each figure with its provenance, each derived one with its inputs."""

    latest_year: LatestPublic | None = Field(description="The latest year with a canonical total")
    latest_month: LatestPublic | None = Field(description="The latest month with a canonical total")
    year_to_date: YearToDatePublic | None = Field(
        description="January to the latest month (absent, with the reason, when a month is missing)"
    )
    record_year: CanonicalFigurePublic | None = Field(
        description="The year with the highest canonical total"
    )
    record_month: CanonicalFigurePublic | None = Field(
        description="The month with the highest canonical total"
    )
    meta: SummaryMeta
