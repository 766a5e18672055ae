"""Public response models of the breakdowns (by nationality, demographics) and the nationality list.
Keys are only ever added, never renamed."""

from datetime import date

from pydantic import BaseModel, Field

from app.api.schemas import CanonicalDetailPublic, CanonicalFigurePublic
from app.domain.vocabulary import Dimension, Qualifier, Unit


class DerivedSharePublic(BaseModel):
    """A share computed here, not reported: a count over the canonical total of its period."""

    value: float = Field(examples=[63.2])
    unit: Unit = Field(description="Always percent")
    qualifier: Qualifier = Field(
        description="The count's qualifier when the total is exact, else approximate"
    )
    derived: bool = Field(description="Always true: computed from the figures in derived_from")
    derived_from: list[str] = Field(
        description="The count's figure id, then the canonical total's",
        examples=[["F0367", "N095"]],
    )
    formula: str = Field(examples=["round(100 * F0367 / N095, 1)"])


class BreakdownRowPublic(CanonicalDetailPublic):
    """One group of a breakdown: its canonical figure (a count, else a share in percent), with
    every other figure reported for it, and its shares."""

    name_en: str = Field(
        description="English name (pycountry for countries)", examples=["Venezuela"]
    )
    name_es: str = Field(description="Spanish name", examples=["Venezuela"])
    is_country: bool = Field(
        description="True for an ISO 3166 alpha-3 country; false for a group code (other, "
        "region_africa, ...) and for demographic groups"
    )
    partial_period: bool = Field(
        description="True when the figure covers less than the period asked for (a count to "
        "mid-December, say); period_start/period_end give its span"
    )
    period_note: str | None = Field(description="What a partial row covers; null when full")
    share: DerivedSharePublic | None = Field(
        description="Derived share of the canonical total of the same period, where both exist"
    )
    reported_share: CanonicalDetailPublic | None = Field(
        description="The canonical share reported in percent for this group, beside its count"
    )


class BreakdownMeta(BaseModel):
    """About a breakdown table."""

    count: int
    period: str = Field(description="The period asked for", examples=["2023"])
    period_start: date
    period_end: date
    dimensions: list[Dimension] = Field(description="The dimensions the table breaks down")
    total: CanonicalFigurePublic | None = Field(
        description="The canonical total of the period asked for (null when there is none)"
    )
    note: str | None = Field(description="Why the table is empty, when it is")
    dataset_version: int
    period_rule: str = Field(description="How each row's period is chosen")
    canonical_rule: str
    citation_rule: str


class BreakdownPublic(BaseModel):
    """A breakdown of one period's crossings, one row per group."""

    data: list[BreakdownRowPublic]
    meta: BreakdownMeta


class NationalityPublic(BaseModel):
    """A nationality code the record uses."""

    code: str = Field(examples=["VEN"])
    name_en: str = Field(examples=["Venezuela"])
    name_es: str = Field(examples=["Venezuela"])
    is_country: bool = Field(description="False for group codes such as other or region_africa")
    figure_count: int = Field(description="How many reported figures give this nationality")
    years: list[int] = Field(description="Years in which its figures' periods start")
    figures_url: str = Field(
        examples=["/v1/figures?dimension=nationality&dimension_value=VEN"],
        description="Its reported figures",
    )


class NationalityListMeta(BaseModel):
    """About the nationality list."""

    count: int
    dataset_version: int
    note: str


class NationalityListPublic(BaseModel):
    """Every nationality code the record uses."""

    data: list[NationalityPublic]
    meta: NationalityListMeta
