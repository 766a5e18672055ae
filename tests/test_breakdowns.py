"""Breakdowns (by nationality, by age and sex), group series and the nationality list, on the fixture
seed (tests/fixtures/seed: T050 and T051 hold the breakdown figures of the test year 2030)."""

import csv
import io

from tests.conftest import ApiClient
from tests.fixture_seed import fixture_seed_database  # noqa: F401  (this module's database)


def rows_by_code(body: dict[str, object]) -> dict[str, dict[str, object]]:
    return {row["dimension_value"]: row for row in body["data"]}  # type: ignore[attr-defined,index]


def test_nationality_rows_carry_names_counts_shares_and_provenance(client: ApiClient) -> None:
    body = client.get("/v1/crossings/by-nationality?year=2030").json()
    assert [row["dimension_value"] for row in body["data"]] == ["VEN", "HTI", "CUB", "other"]
    ven = rows_by_code(body)["VEN"]
    assert (ven["value"], ven["unit"], ven["period"], ven["partial_period"]) == (
        600,
        "people",
        "2030",
        False,
    )
    assert (ven["name_en"], ven["name_es"], ven["is_country"]) == ("Venezuela", "Venezuela", True)
    assert ven["share"] == {
        "value": 60.0,
        "unit": "percent",
        "qualifier": "exact",
        "derived": True,
        "derived_from": ["T0501", "T0001"],
        "formula": "round(100 * T0501 / T0001, 1)",
    }
    reported = ven["reported_share"]
    assert (reported["id"], reported["value"], reported["unit"]) == ("T0502", 61, "percent")
    assert ven["source"]["id"] == "T050"
    assert "Test Migration Office" in ven["citation"]
    assert [o["id"] for o in ven["also_reported"]] == ["T0511"]
    assert body["meta"]["total"]["id"] == "T0001"


def test_a_mid_december_cut_is_a_partial_row_that_says_so(client: ApiClient) -> None:
    hti = rows_by_code(client.get("/v1/crossings/by-nationality?year=2030").json())["HTI"]
    assert (hti["value"], hti["period_start"], hti["period_end"], hti["partial_period"]) == (
        190,
        "2030-01-01",
        "2030-12-16",
        True,
    )
    assert "16 December 2030" in hti["period_note"]
    assert "15 days short of 2030" in hti["period_note"]
    # Its share is taken over the total of the same cut (T0004, 950), never the full year's.
    assert hti["share"]["derived_from"] == ["T0504", "T0004"]
    assert hti["share"]["value"] == 20.0


def test_a_full_year_figure_wins_over_a_longer_list_of_cuts(client: ApiClient) -> None:
    ven = rows_by_code(client.get("/v1/crossings/by-nationality?year=2030").json())["VEN"]
    assert ven["id"] == "T0501"  # not the July cut T0503
    assert "T0503" not in {o["id"] for o in ven["also_reported"]}


def test_a_share_alone_stays_a_percent_and_group_codes_keep_their_code(client: ApiClient) -> None:
    rows = rows_by_code(client.get("/v1/crossings/by-nationality?year=2030").json())
    cub = rows["CUB"]
    assert (cub["value"], cub["unit"], cub["share"], cub["reported_share"]) == (
        4,
        "percent",
        None,
        None,
    )
    other = rows["other"]
    assert (other["name_en"], other["name_es"], other["is_country"]) == (
        "Other nationalities",
        "Otras nacionalidades",
        False,
    )


def test_a_month_reads_only_figures_of_that_month(client: ApiClient) -> None:
    body = client.get("/v1/crossings/by-nationality?year=2030&month=1").json()
    assert [(r["dimension_value"], r["value"]) for r in body["data"]] == [("VEN", 50)]
    assert body["data"][0]["share"]["derived_from"] == ["T0507", "T0002"]


def test_a_year_without_a_breakdown_is_empty_with_a_note(client: ApiClient) -> None:
    for path in ("by-nationality", "demographics"):
        response = client.get(f"/v1/crossings/{path}?year=2031")
        assert response.status_code == 200
        body = response.json()
        assert body["data"] == []
        assert "2031" in body["meta"]["note"]
        assert "2030" in body["meta"]["note"]


def test_demographics_list_the_groups_in_their_order(client: ApiClient) -> None:
    body = client.get("/v1/crossings/demographics?year=2030").json()
    assert [(r["dimension"], r["dimension_value"]) for r in body["data"]] == [
        ("age", "adults"),
        ("age", "minors"),
        ("sex_age", "boys"),
    ]
    adults, minors, boys = body["data"]
    assert (adults["share"]["value"], minors["share"]["value"]) == (70.0, 30.0)
    assert (minors["name_en"], minors["name_es"]) == ("Minors (under 18)", "Menores de edad")
    assert [(o["id"], o["agrees"]) for o in minors["also_reported"]] == [("T0512", False)]
    assert (boys["partial_period"], boys["period_end"], boys["share"]) == (True, "2030-06-30", None)


def test_breakdowns_have_csv_twins(client: ApiClient) -> None:
    response = client.get("/v1/crossings/by-nationality.csv?year=2030")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    json_rows = client.get("/v1/crossings/by-nationality?year=2030").json()["data"]
    assert [r["nationality"] for r in rows] == [r["dimension_value"] for r in json_rows]
    hti = next(r for r in rows if r["nationality"] == "HTI")
    assert (hti["partial_period"], hti["share"], hti["source_id"]) == ("true", "20.0", "T050")
    demographics = client.get("/v1/crossings/demographics?year=2030&format=csv").text
    assert demographics.splitlines()[0].startswith("period,dimension,group,name_en")


def test_nationality_filters_give_each_group_its_series(client: ApiClient) -> None:
    body = client.get("/v1/crossings/yearly?nationality=ven,HTI").json()
    assert [(r["period"], r["dimension_value"], r["value"]) for r in body["data"]] == [
        ("2030", "VEN", 600),
        ("2030-01-01/2030-12-16", "HTI", 190),  # a near-complete cut stands for the year
    ]
    assert body["meta"]["groups"] == ["VEN", "HTI"]
    assert body["meta"]["missing_by_group"] == {"VEN": [], "HTI": []}
    months = client.get("/v1/crossings/monthly?year=2030&nationality=VEN").json()
    assert [r["period"] for r in months["data"]] == ["2030-01"]
    assert months["meta"]["missing"] == [f"2030-{m:02d}" for m in range(2, 13)]


def test_a_group_with_only_a_short_cut_is_a_gap_in_its_series(client: ApiClient) -> None:
    body = client.get("/v1/crossings/yearly?group=boys,MINORS").json()
    assert [(r["dimension_value"], r["value"]) for r in body["data"]] == [("minors", 300)]
    assert body["meta"]["missing_by_group"] == {"boys": ["2030"], "minors": []}
    assert body["meta"]["missing"] == ["2030"]


def test_the_total_series_is_unchanged_by_the_filters(client: ApiClient) -> None:
    body = client.get("/v1/crossings/yearly").json()
    assert [(r["id"], r["dimension"]) for r in body["data"]] == [("T0001", "total")]
    assert (body["meta"]["groups"], body["meta"]["missing_by_group"]) == (None, None)


def test_unknown_codes_are_a_422_pointing_to_the_list(client: ApiClient) -> None:
    response = client.get("/v1/crossings/yearly?nationality=VEN,XYZ")
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    problem = response.json()
    assert "XYZ" in problem["detail"]
    assert "/v1/nationalities" in problem["detail"]
    assert problem["errors"][0]["param"] == "nationality"
    group = client.get("/v1/crossings/monthly?group=elderly").json()
    assert group["errors"][0]["param"] == "group"
    assert "minors" in group["detail"]
    both = client.get("/v1/crossings/yearly?nationality=VEN&group=minors").json()
    alone = [
        client.get(f"/v1/crossings/yearly?{q}").json() for q in ("nationality=VEN", "group=minors")
    ]
    assert both["data"] == alone[0]["data"] + alone[1]["data"]


def test_the_nationality_list_names_every_code_with_a_csv_twin(client: ApiClient) -> None:
    body = client.get("/v1/nationalities").json()
    assert [(n["code"], n["figure_count"], n["is_country"]) for n in body["data"]] == [
        ("CUB", 1, True),
        ("HTI", 1, True),
        ("VEN", 5, True),
        ("other", 1, False),
    ]
    hti = body["data"][1]
    assert (hti["name_en"], hti["name_es"], hti["years"]) == ("Haiti", "Haití", [2030])
    rows = list(csv.DictReader(io.StringIO(client.get("/v1/nationalities.csv").text)))
    assert [r["code"] for r in rows] == ["CUB", "HTI", "VEN", "other"]


def test_breakdowns_are_answered_again_from_the_fast_path(client: ApiClient) -> None:
    for url in ("/v1/crossings/by-nationality?year=2030", "/v1/nationalities.csv"):
        first = client.get(url)
        again = client.get(url, headers={"If-None-Match": first.headers["etag"]})
        assert again.status_code == 304, url
