"""Pure extraction of Darién crossing figures from English and Spanish news text."""

from .figures import extract_figures
from .language import detect_language
from .records import ExtractedFigure, Period, Subject

__all__ = ["ExtractedFigure", "Period", "Subject", "detect_language", "extract_figures"]
