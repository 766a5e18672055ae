"""Checks of the real record built from seed/: golden answers, sums and counts.

Behaviour is tested on tests/fixtures/seed; this module alone depends on what the seed documents say,
so editing a seed document should break only these tests.
"""

import io
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from frictionless import Package

from tests.conftest import ApiClient
from tests.golden import assert_golden


def test_year_2023_matches_golden(client: ApiClient) -> None:
    response = client.get("/v1/crossings/yearly/2023")
    assert response.status_code == 200
    assert_golden("yearly_2023", response.json())


def test_august_2023_matches_golden(client: ApiClient) -> None:
    response = client.get("/v1/crossings/monthly/2023/8")
    assert response.status_code == 200
    assert_golden("monthly_2023_08", response.json())


def test_year_2023_is_520085_with_source_and_citation(client: ApiClient) -> None:
    body = client.get("/v1/crossings/yearly/2023").json()
    assert (body["value"], body["qualifier"], body["period"]) == (520085, "exact", "2023")
    assert body["source"]["url"].startswith("https://")
    assert body["source"]["publisher"] in body["citation"]
    assert body["source"]["url"] in body["citation"]
    assert body["selection"]["method"] == "editorial"


def test_other_2023_reports_are_judged_with_their_qualifiers(client: ApiClient) -> None:
    others = client.get("/v1/crossings/yearly/2023").json()["also_reported"]
    by_value = {(o["value"], o["qualifier"]): o for o in others}
    assert by_value[(500000, "more_than")]["agrees"] is True  # "more than half a million"
    assert by_value[(540000, "more_than")]["agrees"] is False  # an error in one article
    cut = by_value[(511103, "exact")]  # a mid-December count published as the year
    assert (cut["agrees"], cut["period_match"], cut["period_end"]) == (
        False,
        "near_complete",
        "2023-12-16",
    )
    assert all(o["source"]["id"] and o["citation"] for o in others)
    assert len(others) == len({o["id"] for o in others})


def test_year_2022_rounded_250000_agrees(client: ApiClient) -> None:
    body = client.get("/v1/crossings/yearly/2022").json()
    assert body["value"] == 248284
    others = body["also_reported"]
    rounded = [o for o in others if (o["value"], o["qualifier"]) == (250000, "approximate")]
    assert rounded
    assert all(o["agrees"] for o in rounded)
    assert all(o["difference"] == 250000 - 248284 for o in rounded)
    # "more than 250,000" is a lower bound that 248,284 does not reach.
    bound = [o for o in others if (o["value"], o["qualifier"]) == (250000, "more_than")]
    assert [o["agrees"] for o in bound] == [False]
    one_less = [o for o in others if o["value"] == 248283]
    assert one_less
    assert not any(o["agrees"] for o in one_less)


def test_yearly_list_covers_2010_to_2025_one_row_each(client: ApiClient) -> None:
    body = client.get("/v1/crossings/yearly").json()
    assert [row["period"] for row in body["data"]] == [str(y) for y in range(2010, 2026)]
    assert body["meta"]["missing"] == []
    assert body["meta"]["count"] == 16


def test_2010_to_2020_sum_to_published_117887(client: ApiClient) -> None:
    body = client.get("/v1/crossings/yearly", params={"from": 2010, "to": 2020}).json()
    assert len(body["data"]) == 11
    assert sum(row["value"] for row in body["data"]) == 117887


def test_twelve_months_of_2023_sum_to_the_year(client: ApiClient) -> None:
    months = client.get("/v1/crossings/monthly", params={"year": 2023}).json()
    year = client.get("/v1/crossings/yearly/2023").json()
    assert len(months["data"]) == 12
    assert sum(row["value"] for row in months["data"]) == year["value"] == 520085


def test_summary_matches_golden(client: ApiClient) -> None:
    response = client.get("/v1/summary")
    assert response.status_code == 200
    assert_golden("summary", response.json())


def test_summary_of_the_real_record(client: ApiClient) -> None:
    body = client.get("/v1/summary").json()
    assert (body["record_year"]["period"], body["record_year"]["value"]) == ("2023", 520085)
    assert body["latest_year"]["figure"]["value"] == 3091
    assert body["year_to_date"]["change"]["missing"] == ["2024-05"]  # a gap stays a gap


def test_2024_fell_about_42_percent_from_2023(client: ApiClient) -> None:
    body = client.get("/v1/crossings/yearly/2024?include=change").json()
    assert (body["change"]["value"], body["change_percent"]["value"]) == (302203 - 520085, -41.9)
    canonical = [client.get(f"/v1/crossings/yearly/{year}").json()["id"] for year in (2024, 2023)]
    assert body["change"]["derived_from"] == canonical


def test_mid_december_2024_sex_and_age_split_falls_10000_short(client: ApiClient) -> None:
    failed = client.get("/v1/checks", params={"result": "fail"}).json()["data"]
    split = next(c for c in failed if c["subject"] == "sex_age: men + women + boys + girls")
    assert (split["period"], split["computed"], split["stated"]["value"]) == (
        "2024-01-01/2024-12-16",
        290549,
        300549,
    )
    assert split["stated"]["id"] == "F0094"
    assert len(split["part_ids"]) == 4


def test_months_of_2023_pass_and_the_preliminary_march_2022_shows(client: ApiClient) -> None:
    checks = {c["id"]: c for c in client.get("/v1/checks?kind=months_sum_to_year").json()["data"]}
    assert checks["months_sum_to_year/2023/months"]["result"] == "pass"
    assert checks["months_sum_to_year/2022/months"]["difference"] == 142
    years = client.get("/v1/checks?kind=period_matches_years").json()["data"]
    assert any(c["period"] == "2010-01-01/2020-12-31" and c["result"] == "pass" for c in years)


def test_coverage_counts_49_of_60_months_for_2021_to_2025(client: ApiClient) -> None:
    rows = [r for r in client.get("/v1/coverage").json()["data"] if 2021 <= r["year"] <= 2025]
    assert sum(r["month_count"] for r in rows) == 49
    assert next(r for r in rows if r["year"] == 2024)["missing_months"] == ["2024-05", "2024-10"]


def test_2023_by_nationality_matches_golden(client: ApiClient) -> None:
    response = client.get("/v1/crossings/by-nationality?year=2023")
    assert response.status_code == 200
    assert_golden("by_nationality_2023", response.json())


def test_2023_demographics_match_golden(client: ApiClient) -> None:
    response = client.get("/v1/crossings/demographics?year=2023")
    assert response.status_code == 200
    assert_golden("demographics_2023", response.json())


def test_2023_total_is_cited_from_an_original_page_not_the_mirror(client: ApiClient) -> None:
    body = client.get("/v1/crossings/yearly/2023").json()
    assert body["value"] == 520085
    assert not any(mark in body["source"]["publisher"] for mark in ("copy", "mirror"))
    mirror = next(o for o in body["also_reported"] if o["id"] == "F0066")
    assert (mirror["source"]["id"], mirror["agrees"]) == ("S007", True)


def test_venezuelans_were_63_percent_of_2023(client: ApiClient) -> None:
    rows = client.get("/v1/crossings/by-nationality?year=2023").json()["data"]
    ven = rows[0]
    assert (ven["dimension_value"], ven["value"], ven["partial_period"]) == ("VEN", 328650, False)
    assert ven["share"]["value"] == 63.2
    assert (ven["reported_share"]["value"], ven["reported_share"]["unit"]) == (63.2, "percent")
    assert sum(row["value"] for row in rows if not row["partial_period"]) < 520085


def test_2023_minors_are_113180_and_adults_and_minors_make_the_year(client: ApiClient) -> None:
    rows = client.get("/v1/crossings/demographics?year=2023").json()["data"]
    by_group = {row["dimension_value"]: row for row in rows}
    assert by_group["minors"]["value"] == 113180
    assert by_group["adults"]["value"] + by_group["minors"]["value"] == 520085
    assert by_group["boys"]["value"] + by_group["girls"]["value"] == 113180


def test_2024_sex_and_age_come_from_the_snm_mid_december_cut(client: ApiClient) -> None:
    rows = client.get("/v1/crossings/demographics?year=2024").json()["data"]
    split = [row for row in rows if row["dimension"] == "sex_age"]
    assert {row["dimension_value"] for row in split} == {"men", "women", "boys", "girls"}
    assert all(row["period_end"] == "2024-12-16" and row["partial_period"] for row in split)
    assert all("16 December 2024" in row["period_note"] for row in split)
    assert sum(row["value"] for row in split) == 290549  # the known typo: 300,549 stated


def test_march_2023_venezuelans_are_the_corrected_20816(client: ApiClient) -> None:
    body = client.get("/v1/crossings/by-nationality?year=2023&month=3").json()
    ven = body["data"][0]
    assert (ven["dimension_value"], ven["value"], ven["selection"]["method"]) == (
        "VEN",
        20816,
        "editorial",
    )
    assert sum(row["value"] for row in body["data"]) == body["meta"]["total"]["value"] == 38099


def test_venezuelan_yearly_series(client: ApiClient) -> None:
    body = client.get("/v1/crossings/yearly?nationality=ven&from=2022&to=2025").json()
    assert [(r["period"], r["value"]) for r in body["data"]][:2] == [
        ("2022", 150327),
        ("2023", 328650),
    ]
    assert body["meta"]["missing_by_group"] == {"VEN": ["2025"]}


def test_2024_as_of_new_year_is_the_mid_december_cut_then_the_final_count(
    client: ApiClient,
) -> None:
    before = client.get("/v1/crossings/yearly/2024?as_of=2025-01-01")
    assert before.status_code == 200
    assert_golden("yearly_2024_as_of_2025_01_01", before.json())
    body = before.json()
    assert (body["value"], body["period_end"]) == (300549, "2024-12-16")
    assert body["period"] == "2024-01-01/2024-12-16"
    after = client.get("/v1/crossings/yearly/2024?as_of=2025-01-03").json()
    assert (after["value"], after["period"]) == (302203, "2024")


def test_history_of_the_2024_total_runs_from_the_december_cuts_to_the_final_count(
    client: ApiClient,
) -> None:
    body = client.get("/v1/figures/F0090/history").json()
    answers: list[tuple[str, int, str]] = []
    for entry in body["data"]:  # a better page citing the same value is a new entry: fold it
        value, period = entry["canonical"]["value"], entry["canonical"]["period"]
        if not answers or answers[-1][1:] != (value, period):
            answers.append((entry["since"], value, period))
    assert answers[-2:] == [
        ("2024-12-18", 300549, "2024-01-01/2024-12-16"),
        ("2025-01-02", 302203, "2024"),
    ]
    assert body["data"][-1]["until"] is None


def test_the_real_bulk_download_is_a_valid_data_package(client: ApiClient, tmp_path: Path) -> None:
    archive = zipfile.ZipFile(io.BytesIO(client.get("/v1/download.zip").content))
    archive.extractall(tmp_path)
    report = Package(str(tmp_path / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    assert len(report.tasks) == 10


def test_yearly_chart_draws_2023_as_520085_and_marks_the_2024_agreement(client: ApiClient) -> None:
    svg = ElementTree.fromstring(client.get("/v1/charts/yearly.svg").content)
    labels = [element.get("aria-label", "") for element in svg.iter()]
    assert any(label.startswith("Year: 2023; People: 520,085;") for label in labels)
    assert any(label.startswith("period: 2024; event: US–Panama agreement") for label in labels)


def test_monthly_chart_of_2024_labels_may_as_missing(client: ApiClient) -> None:
    spec = client.get("/v1/charts/monthly.vl.json", params={"year": 2024}).json()
    rows = {row["period"]: row["value"] for row in spec["data"]["values"]}
    assert rows["2024-05"] is None  # only "more than 30,000" exists: a gap, never a zero
    assert "2024-07" in [row["period"] for row in spec["layer"][2]["data"]["values"]]


def test_explorer_shows_520085_and_the_2023_nationalities(client: ApiClient) -> None:
    browser = {"Accept": "text/html", "Accept-Language": "en"}
    page = client.get("/", params={"year": 2023}, headers=browser).text
    assert "520,085" in page
    assert "Venezuela" in page
    spanish = client.get("/", params={"year": 2023, "lang": "es"}, headers=browser).text
    assert "520.085" in spanish


def test_a_past_answer_s_stand_in_cut_gets_its_change_against_the_year_before(
    client: ApiClient,
) -> None:
    response = client.get("/v1/crossings/yearly?as_of=2025-01-01&include=change")
    assert response.status_code == 200
    row = next(r for r in response.json()["data"] if r["period_start"] == "2024-01-01")
    assert (row["period"], row["change"]["derived_from"][0]) == ("2024-01-01/2024-12-16", row["id"])
    assert row["change"]["value"] == row["value"] - 520085
