"""Public response models of derived figures: what a figure was computed from, and how."""

from typing import Any

from pydantic import BaseModel, Field

from app.domain.derive import Operation as DerivedOperation
from app.domain.vocabulary import Qualifier, Unit


class InputPublic(BaseModel):
    """A canonical figure a derived figure was computed from, with its provenance."""

    id: str = Field(examples=["F0066"])
    url: str = Field(examples=["/v1/figures/F0066"])
    period: str = Field(examples=["2023"])
    value: int | float = Field(examples=[520085])
    qualifier: Qualifier
    source_id: str = Field(examples=["S002"])
    citation: str


class DerivedFigurePublic(BaseModel):
    """A figure computed from canonical ones, never reported as such; absent (value null) with the
    reason when an input is missing or is a bound."""

    derived: bool = Field(description="Always true: computed, not reported")
    name: str = Field(
        description="change, change_percent, change_on_year, change_on_year_percent, "
        "year_to_date, year_to_date_change, year_to_date_change_percent or rolling_12_months",
        examples=["change"],
    )
    period: str = Field(description="The period the value describes", examples=["2023"])
    value: int | float | None = Field(description="Null when absent: see reason")
    unit: Unit = Field(description="people, or percent for a percent change")
    qualifier: Qualifier | None = Field(
        description="exact when every input is exact, else approximate; null when absent"
    )
    operation: DerivedOperation = Field(
        description="sum (of every input), difference (A - B) or percent_change "
        "((A - B) / B * 100, one decimal), where A sums the first `terms` inputs and B the rest"
    )
    formula: str = Field(examples=["F0066 - F0047"])
    terms: int = Field(description="How many inputs make up A")
    derived_from: list[str] = Field(description="Ids of the canonical figures used, in order")
    input_periods: list[str] = Field(description="The periods of the inputs, in formula order")
    missing: list[str] = Field(description="Input periods without a canonical figure")
    reason: str | None = Field(description="Why the value is absent; null when present")
    inputs: list[InputPublic] = Field(description="The canonical figures used, with provenance")


def _absent(value: object) -> bool:
    return value is None


def derived_field(description: str) -> Any:
    """An optional derived figure, shown only when asked for (?include=...)."""
    return Field(default=None, description=description, exclude_if=_absent)
