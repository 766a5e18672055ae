"""?as_of= and /v1/figures/{id}/history on the fixture seed, and the stand-in rule on plain values.

The fixture seed: T002 (published 2030-12-17) has a cut to 16 December 2030 (950), "about 1,000"
for 2030 from IOM and a vague February; T001 (2031-01-10) has the final 1,000, the editorial choice.
"""

from datetime import date

import pytest

from app.domain.history import answer_as_of, cell_history, known_from
from app.domain.reports import Cell, ReportedFigure, SourceInfo
from app.domain.vocabulary import DatePrecision, Dimension, Qualifier, SourceKind, Unit
from tests.conftest import ApiClient
from tests.fixture_seed import fixture_seed_database  # noqa: F401  (this module's database)

YEAR = "/v1/crossings/yearly/2030"


def test_before_the_final_count_the_year_is_the_rule_s_choice_among_what_was_published(
    client: ApiClient,
) -> None:
    body = client.get(f"{YEAR}?as_of=2030-12-20").json()
    assert (body["id"], body["value"], body["selection"]["method"]) == ("T0005", 1000, "rule")
    assert [o["id"] for o in body["also_reported"]] == ["T0004"]


def test_from_the_final_count_on_the_editorial_choice_holds(client: ApiClient) -> None:
    body = client.get(f"{YEAR}?as_of=2031-01-10").json()
    assert (body["id"], body["selection"]["method"]) == ("T0001", "editorial")
    assert body == client.get(YEAR).json()


def test_nothing_published_yet_is_a_404(client: ApiClient) -> None:
    assert client.get(f"{YEAR}?as_of=2030-12-16").status_code == 404
    assert client.get("/v1/figures/T0001?as_of=2031-01-09").status_code == 404
    assert client.get("/v1/figures/T0004?as_of=2030-12-17").json()["value"] == 950


def test_lists_show_only_what_was_published(client: ApiClient) -> None:
    monthly = client.get("/v1/crossings/monthly?year=2030&as_of=2030-12-31").json()
    assert monthly["data"] == []
    figures = client.get("/v1/figures?as_of=2030-12-31").json()["data"]
    assert [f["id"] for f in figures] == ["T0004", "T0005", "T0006"]
    csv = client.get("/v1/crossings/yearly.csv?as_of=2030-12-31").text
    assert csv.splitlines()[1].startswith("T0005,")


@pytest.mark.parametrize("bad", ["2031-02-30", "yesterday", "2031-1-5", "1924992000"])
def test_a_bad_date_is_a_422_naming_as_of(client: ApiClient, bad: str) -> None:
    response = client.get(f"{YEAR}?as_of={bad}")
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    assert [e["param"] for e in response.json()["errors"]] == ["as_of"]


def test_as_of_answers_are_cached_and_revalidated(client: ApiClient) -> None:
    first = client.get(f"{YEAR}?as_of=2030-12-20")
    again = client.get(f"{YEAR}?as_of=2030-12-20", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304
    assert client.get(YEAR).headers["etag"] != first.headers["etag"]


def test_history_lists_each_answer_and_the_days_it_held(client: ApiClient) -> None:
    body = client.get("/v1/figures/T0001/history").json()
    assert (body["figure"]["id"], body["published"], body["undated"]) == ("T0001", "2031-01-10", [])
    entries = [
        (e["since"], e["until"], e["known_count"], e["canonical"]["id"]) for e in body["data"]
    ]
    assert entries == [("2030-12-17", "2031-01-09", 2, "T0005"), ("2031-01-10", None, 3, "T0001")]
    assert client.get("/v1/figures/T9999/history").status_code == 404


def test_an_excluded_month_has_a_history_of_no_answer(client: ApiClient) -> None:
    body = client.get("/v1/figures/T0006/history").json()
    assert [(e["since"], e["canonical"]) for e in body["data"]] == [("2030-12-17", None)]


def source(published: date | None, precision: DatePrecision = DatePrecision.day) -> SourceInfo:
    return SourceInfo("S", "P", None, "t", None, published, precision, SourceKind.news, "en", "P")


def figure(figure_id: str, value: int, end: date, published: date) -> ReportedFigure:
    cell = Cell("crossings", Dimension.total, None, Unit.people, date(2040, 1, 1), end)
    return ReportedFigure(
        figure_id, cell, value, Qualifier.exact, "SNM", source(published), 1, None, None, None, None
    )


def test_a_year_without_its_own_figure_is_answered_by_its_best_cut() -> None:
    cut = figure("C", 950, date(2040, 12, 16), date(2040, 12, 18))
    final = figure("Y", 1000, date(2040, 12, 31), date(2041, 1, 3))
    answer = answer_as_of([final], [cut], None, date(2041, 1, 1))
    assert answer is not None
    assert (answer.figure.id, answer.figure.cell.period_end) == ("C", date(2040, 12, 16))
    assert "ends on 2040-12-16" in answer.reason
    assert [
        (e.since, e.answer and e.answer.figure.id) for e in cell_history([final], [cut], None)
    ] == [
        (date(2040, 12, 18), "C"),
        (date(2041, 1, 3), "Y"),
    ]


def test_a_date_given_to_the_month_counts_from_its_last_day() -> None:
    assert known_from(source(date(2040, 2, 1), DatePrecision.month)) == date(2040, 2, 29)
    assert known_from(source(date(2040, 2, 1), DatePrecision.unknown)) is None
    assert known_from(source(None)) is None
