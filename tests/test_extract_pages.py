"""Real-page patterns in app.extract, each shown by a small example written for it."""

from __future__ import annotations

from datetime import date

from app.extract import ExtractedFigure, Period, Subject, extract_figures


def read(text: str, published: date) -> list[tuple[float, str, Period | None, Subject]]:
    return [(f.value, f.unit, f.period, f.subject) for f in extract_figures(text, published)]


def only(text: str, published: date) -> ExtractedFigure:
    figures = extract_figures(text, published)
    assert len(figures) == 1, figures
    return figures[0]


TOTAL = Subject("total", None)


def test_the_half_in_first_half_of_the_year_is_a_period_not_a_share() -> None:
    text = "In the first half of the year 88,000 people crossed the jungle, more than in 2021."
    first_half = Period(date(2022, 1, 1), date(2022, 6, 30))
    assert read(text, date(2022, 7, 9)) == [(88000, "people", first_half, TOTAL)]


def test_a_year_still_running_at_publication_ends_on_the_publication_date() -> None:
    text = "Nearly 61,000 migrants have crossed the Darién in 2025, officials said."
    assert only(text, date(2025, 5, 2)).period == Period(date(2025, 1, 1), date(2025, 5, 2))


def test_a_year_end_review_counts_the_whole_year() -> None:
    text = "In 2022 a total of 248,000 people crossed the Darién, the ministry said."
    assert only(text, date(2022, 12, 29)).period == Period(date(2022, 1, 1), date(2022, 12, 31))
