"""Pure extraction of Darién crossing figures from English and Spanish news text.

The extractor's patterns (several hundred regular expressions) are compiled when it is first
used, not when this package is imported: a server that has not yet been asked to read a text
starts a third of a second sooner.
"""

from __future__ import annotations

from datetime import date

from .language import detect_language
from .records import ExtractedFigure, Period, Subject

__all__ = ["ExtractedFigure", "Period", "Subject", "detect_language", "extract_figures"]


def extract_figures(
    text: str, published: date | None = None, language: str | None = None
) -> list[ExtractedFigure]:
    """Every figure text states about Darién crossings, in text order (see figures.py)."""
    from .figures import extract_figures as extract

    return extract(text, published, language)
