"""Dated events a chart marks (an agreement, a policy change): context, never a figure."""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened on a day, labelled in English and Spanish, with where it is dated."""

    day: date
    label_en: str
    label_es: str
    source: str
    url: str | None

    def label(self, lang: str) -> str:
        """The label in `lang` (en or es)."""
        return self.label_es if lang == "es" else self.label_en

    @property
    def year(self) -> str:
        return f"{self.day.year}"

    @property
    def month(self) -> str:
        return f"{self.day.year}-{self.day.month:02d}"
