"""Public response models of the record's overview: summary, coverage and checks (keys only added)."""

from datetime import date

from pydantic import BaseModel, Field

from app.api.schemas import CanonicalFigurePublic
from app.api.schemas_derived import DerivedFigurePublic, InputPublic
from app.domain.checks import CheckKind, Comparison, Outcome


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


class BreakdownCoveragePublic(BaseModel):
    """The figures of one breakdown within a year."""

    available: bool = Field(description="Whether any figure of this breakdown touches the year")
    full_year: list[str] = Field(description="Subjects with a figure for the whole year")
    months: list[str] = Field(description="Months with a figure of this breakdown")
    periods: list[str] = Field(description="Other periods (cuts, spans) with a figure")
    subjects: list[str] = Field(description="Every subject with a figure (VEN, minors, ...)")


class CoveragePublic(BaseModel):
    """One year: its canonical total, the months that have one and those that do not, and which
    breakdowns have figures."""

    year: int = Field(examples=[2024])
    total: bool = Field(description="Whether the year has a canonical total")
    total_id: str | None = Field(description="The canonical total's figure id")
    total_value: int | float | None
    month_count: int = Field(description="How many months have a canonical total")
    months: list[str] = Field(description="Months with a canonical total")
    missing_months: list[str] = Field(description="Months without one (gaps, never zero)")
    nationality: BreakdownCoveragePublic
    sex: BreakdownCoveragePublic
    age: BreakdownCoveragePublic
    sex_age: BreakdownCoveragePublic


class CoverageMeta(BaseModel):
    """About the coverage table."""

    count: int
    dataset_version: int


class CoverageListPublic(BaseModel):
    """What the record covers, year by year."""

    data: list[CoveragePublic]
    meta: CoverageMeta


class CheckPublic(BaseModel):
    """One arithmetic check of the record: a stated figure against the canonical figures that
    should add up to it, and the result."""

    id: str = Field(examples=["parts_sum_to_total/2024-01-01/2024-12-16/sex_age"])
    kind: CheckKind = Field(
        description="months_sum_to_year, parts_sum_to_total, period_matches_months or "
        "period_matches_years"
    )
    period: str
    period_start: date
    period_end: date
    subject: str = Field(description="What is summed", examples=["age: adults + minors"])
    comparison: Comparison = Field(
        description="equal (the sum equals the stated figure), at_most (does not exceed it: some "
        "parts missing or a partial list) or within (the stated figure lies between the months "
        "inside its period and the months it touches)"
    )
    result: Outcome = Field(description="pass or fail, reading each figure with its qualifier")
    stated: InputPublic = Field(description="The figure the parts are compared with")
    computed: int | float = Field(description="The sum of the parts")
    computed_upper: int | float | None = Field(
        description="For within: the sum of the months the period touches"
    )
    difference: int | float = Field(description="computed minus the stated value")
    part_ids: list[str]
    outer_ids: list[str] = Field(description="For within: the figures of the upper sum")
    missing: list[str] = Field(description="Periods without a canonical figure, left out")
    parts: list[InputPublic] = Field(description="The canonical figures summed, with provenance")
    explanation: str


class ChecksMeta(BaseModel):
    """About the checks."""

    count: int
    passed: int
    failed: int
    dataset_version: int
    rule: str


class CheckListPublic(BaseModel):
    """The arithmetic checks the record supports, and their results."""

    data: list[CheckPublic]
    meta: ChecksMeta
