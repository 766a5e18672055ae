"""Derived figures, summary, coverage and checks on a small seed written for them
(tests/fixtures/derived_seed: every month of 2040 is 100, February 2041 is a gap)."""

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ApiClient
from tests.databases import Databases, seeded_from

DERIVED_SEED = Path(__file__).parent / "fixtures" / "derived_seed"


@pytest.fixture
def database_url(databases: Databases) -> Iterator[str]:
    """This module's clients read a database seeded from the derived-figures fixture seed."""
    with seeded_from(databases, DERIVED_SEED) as url:
        yield url


def by_period(body: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {row["period"]: row for row in body["data"]}


def test_yearly_change_names_its_inputs_and_formula(client: ApiClient) -> None:
    rows = by_period(client.get("/v1/crossings/yearly?include=change").json())
    change, percent = rows["2041"]["change"], rows["2041"]["change_percent"]
    assert (change["derived"], change["value"], change["derived_from"]) == (
        True,
        -600,
        ["D0002", "D0001"],
    )
    assert change["formula"] == "D0002 - D0001"
    assert (percent["value"], percent["unit"]) == (-50.0, "percent")
    assert [i["citation"].endswith(f"figure {i['id']}.") for i in change["inputs"]] == [True, True]


def test_first_year_change_is_absent_with_the_reason(client: ApiClient) -> None:
    change = by_period(client.get("/v1/crossings/yearly?include=change").json())["2040"]["change"]
    assert (change["value"], change["missing"]) == (None, ["2039"])
    assert change["reason"] == "no canonical figure for 2039"


def test_rows_carry_no_derived_keys_unless_asked(client: ApiClient) -> None:
    row = client.get("/v1/crossings/monthly?year=2040").json()["data"][0]
    assert not {"change", "change_percent", "year_to_date", "rolling_12_months"} & set(row)


def test_year_to_date_and_rolling_sums_need_every_month(client: ApiClient) -> None:
    body = client.get("/v1/crossings/monthly?from=2040-11&to=2041-03&include=ytd,rolling12").json()
    rows = by_period(body)
    assert rows["2040-12"]["year_to_date"]["value"] == 1200
    assert rows["2040-12"]["year_to_date"]["period"] == "2040"
    assert rows["2041-01"]["rolling_12_months"]["value"] == 11 * 100 + 50
    assert rows["2041-01"]["rolling_12_months"]["period"] == "2040-02-01/2041-01-31"
    ytd = rows["2041-03"]["year_to_date"]
    assert (ytd["value"], ytd["missing"], ytd["derived_from"]) == (
        None,
        ["2041-02"],
        ["D0201", "D0203"],
    )
    assert "2041-02" in ytd["reason"]
    assert rows["2041-03"]["rolling_12_months"]["value"] is None
    assert "2041-02" not in rows  # the gap is never filled in by a derived figure
    assert "2041-02" in body["meta"]["missing"]


def test_month_over_month_change_on_a_single_month(client: ApiClient) -> None:
    body = client.get("/v1/crossings/monthly/2041/1?include=change").json()
    assert (body["value"], body["change"]["value"], body["change_percent"]["value"]) == (
        50,
        -50,
        -50.0,
    )
    assert body["change"]["input_periods"] == ["2041-01", "2040-12"]


def test_include_rejects_values_the_endpoint_does_not_offer(client: ApiClient) -> None:
    response = client.get("/v1/crossings/yearly?include=ytd")
    assert response.status_code == 422
    problem = response.json()
    assert problem["errors"][0]["param"] == "include"
    assert "allowed: change" in problem["detail"]


def test_summary_parts_with_provenance(client: ApiClient) -> None:
    body = client.get("/v1/summary").json()
    assert (body["latest_year"]["figure"]["id"], body["latest_year"]["change"]["value"]) == (
        "D0002",
        -600,
    )
    latest_month = body["latest_month"]
    assert latest_month["figure"]["period"] == "2041-03"
    assert latest_month["change"]["derived_from"] == ["D0203", "D0103"]  # March a year earlier
    assert body["year_to_date"]["total"]["value"] is None
    assert body["year_to_date"]["change"]["missing"] == ["2041-02"]
    assert body["record_year"]["id"] == "D0001"
    assert body["record_month"]["period"] == "2040-01"  # the earlier of twelve equal months
    assert body["record_year"]["citation"]


def test_summary_text_in_both_languages(client: ApiClient) -> None:
    english = client.get("/v1/summary.txt").text
    spanish = client.get("/v1/summary.txt?lang=es").text
    assert "Latest year: 600 people crossed the Darién Gap in 2041" in english
    assert "-50.0% (derived: round((D0002 - D0001) / D0001 * 100, 1))" in english
    assert "Record year: 1,200 people" in english
    assert "Último año: 600 personas cruzaron el Darién en 2041" in spanish
    assert "Año récord: 1.200 personas" in spanish
    assert "no disponible (sin cifra canónica para 2041-02)" in spanish


def test_coverage_lists_months_and_breakdowns(client: ApiClient) -> None:
    rows = {row["year"]: row for row in client.get("/v1/coverage").json()["data"]}
    assert sorted(rows) == [2040, 2041]
    assert (rows[2040]["month_count"], rows[2040]["missing_months"]) == (12, [])
    assert rows[2041]["months"] == ["2041-01", "2041-03"]
    assert rows[2041]["missing_months"][0] == "2041-02"
    assert rows[2040]["age"]["full_year"] == ["adults", "minors"]
    assert (rows[2041]["nationality"]["subjects"], rows[2041]["age"]["available"]) == (
        ["VEN"],
        False,
    )


def test_coverage_csv_flattens_breakdowns(client: ApiClient) -> None:
    response = client.get("/v1/coverage.csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert rows[1]["months"] == "2041-01;2041-03"
    assert (rows[0]["age_subjects"], rows[0]["nationality_available"]) == ("adults;minors", "false")


def test_checks_list_each_discrepancy_with_its_figures(client: ApiClient) -> None:
    body = client.get("/v1/checks").json()
    checks = {row["id"]: row for row in body["data"]}
    assert checks["months_sum_to_year/2040/months"]["result"] == "pass"
    age = checks["parts_sum_to_total/2040/age-adults-minors"]
    assert (age["result"], age["computed"], age["stated"]["value"], age["difference"]) == (
        "fail",
        1150,
        1200,
        -50,
    )
    assert age["part_ids"] == ["D0401", "D0402"]
    partial_year = checks["months_sum_to_year/2041/months"]
    assert (partial_year["comparison"], partial_year["missing"]) == (
        "at_most",
        ["2041-02", *[f"2041-{m:02d}" for m in range(4, 13)]],
    )
    cut = checks["period_matches_months/2040-01-01/2040-12-16/months-2040-01-to-2040-12"]
    assert (cut["comparison"], cut["computed"], cut["computed_upper"], cut["result"]) == (
        "within",
        1100,
        1200,
        "pass",
    )
    assert (body["meta"]["passed"], body["meta"]["failed"]) == (4, 1)


def test_checks_filter_by_result_and_kind(client: ApiClient) -> None:
    failed = client.get("/v1/checks.csv?result=fail").text.splitlines()
    assert len(failed) == 2
    assert failed[1].startswith("parts_sum_to_total/2040/age-adults-minors,")
    kinds = client.get("/v1/checks?kind=period_matches_months").json()["data"]
    assert {row["kind"] for row in kinds} == {"period_matches_months"}
    assert client.get("/v1/checks?result=maybe").status_code == 422


def test_csv_twin_carries_derived_columns_only_when_asked(client: ApiClient) -> None:
    plain = client.get("/v1/crossings/monthly.csv?year=2041").text.splitlines()[0]
    assert "change" not in plain.split(",")
    asked = client.get("/v1/crossings/monthly.csv?year=2041&include=change,ytd").text
    rows = list(csv.DictReader(io.StringIO(asked)))
    assert [(r["period"], r["change"], r["year_to_date"]) for r in rows] == [
        ("2041-01", "-50", "50"),
        ("2041-03", "", ""),
    ]
    assert rows[1]["year_to_date_reason"] == "no canonical figure for 2041-02"
    assert "rolling_12_months" not in rows[0]


def test_an_empty_include_adds_nothing_and_monthly_sums_are_pointed_to(client: ApiClient) -> None:
    row = client.get("/v1/crossings/yearly?include=").json()["data"][0]
    assert "change" not in row
    detail = client.get("/v1/crossings/yearly/2040?include=rolling12").json()["detail"]
    assert "/v1/crossings/monthly" in detail
