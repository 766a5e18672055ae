"""Checks of the real record built from seed/: golden answers, sums and counts.

Behaviour is tested on tests/fixtures/seed; this module alone depends on what the seed documents say,
so editing a seed document should break only these tests.
"""

from xml.etree import ElementTree

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
