"""Value types returned by the figure extractor."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

# Who a figure counts: everyone, or one breakdown (ISO alpha-3 for a nationality).
Dimension = Literal["total", "nationality", "age", "sex", "sex_age"]
DIMENSIONS: tuple[Dimension, ...] = ("total", "nationality", "age", "sex", "sex_age")


@dataclass(frozen=True, slots=True)
class Period:
    start: date
    end: date


@dataclass(frozen=True, slots=True)
class Subject:
    dimension: Dimension
    value: str | None


@dataclass(frozen=True, slots=True)
class ExtractedFigure:
    quote: str
    start: int
    end: int
    value: int | float
    unit: str  # people | percent
    qualifier: str  # exact | approximate | more_than | less_than
    period: Period | None
    subject: Subject
    nearly: bool = False  # hedged as just below the number ("nearly", "almost", "casi")


EVERYONE = Subject("total", None)  # the whole population crossing, no breakdown
