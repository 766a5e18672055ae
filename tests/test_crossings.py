"""Canonical yearly and monthly totals: golden answers, sums, gaps and the others beside them."""

import json
import os
from typing import Any

import pytest

from tests.conftest import GOLDEN_DIR, ApiClient


def assert_golden(name: str, payload: Any) -> None:
    """Compare with tests/golden/<name>.json; UPDATE_GOLDEN=1 rewrites the file instead."""
    path = GOLDEN_DIR / f"{name}.json"
    text = json.dumps(payload, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"response differs from {path.name}"


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


def test_2022_months_with_the_published_january_april_sum_to_the_year(client: ApiClient) -> None:
    months = client.get("/v1/crossings/monthly", params={"year": 2022}).json()
    year = client.get("/v1/crossings/yearly/2022").json()
    january_april = client.get("/v1/figures/F0580").json()  # the published 19,925
    assert january_april["period"] == "2022-01-01/2022-04-30"
    served = {row["period"]: row["value"] for row in months["data"]}
    assert len(served) == 12
    may_on = [served[f"2022-{month:02d}"] for month in range(5, 13)]
    assert january_april["value"] + sum(may_on[:-1]) == 227987  # the published January-November
    assert january_april["value"] + sum(may_on) == year["value"] == 248284
    # March (N040) is preliminary: the four months served overshoot January-April by 142.
    first_four = sum(served[f"2022-{month:02d}"] for month in range(1, 5))
    assert first_four - january_april["value"] == 142


def test_2021_to_2025_have_49_months_and_the_rest_are_gaps(client: ApiClient) -> None:
    body = client.get("/v1/crossings/monthly", params={"from": "2021-01", "to": "2025-12"}).json()
    assert body["meta"]["count"] == len(body["data"]) == 49
    assert body["meta"]["missing"] == [
        "2021-05", "2021-06", "2021-09", "2021-10", "2024-05", "2024-10",
        "2025-08", "2025-09", "2025-10", "2025-11", "2025-12",
    ]  # fmt: skip


def test_months_without_a_figure_are_missing_not_zero(client: ApiClient) -> None:
    body = client.get("/v1/crossings/monthly", params={"year": 2025}).json()
    periods = [row["period"] for row in body["data"]]
    assert body["meta"]["missing"] == ["2025-08", "2025-09", "2025-10", "2025-11", "2025-12"]
    assert not set(periods) & set(body["meta"]["missing"])
    assert all(row["value"] > 0 for row in body["data"])


def test_excluded_month_is_missing_and_404(client: ApiClient) -> None:
    # May 2024 has only a lower bound ("more than 30,000") that the editor deliberately left out.
    assert client.get("/v1/figures/N115").json()["qualifier"] == "more_than"
    body = client.get("/v1/crossings/monthly", params={"from": "2024-04", "to": "2024-06"}).json()
    assert [row["period"] for row in body["data"]] == ["2024-04", "2024-06"]
    assert body["meta"]["missing"] == ["2024-05"]
    assert client.get("/v1/crossings/monthly/2024/5").status_code == 404


def test_monthly_range_spans_years(client: ApiClient) -> None:
    body = client.get("/v1/crossings/monthly", params={"from": "2023-11", "to": "2024-02"}).json()
    assert [r["period"] for r in body["data"]] == ["2023-11", "2023-12", "2024-01", "2024-02"]
    assert [r["value"] for r in body["data"]] == [37231, 24626, 36001, 37166]


def test_monthly_default_is_whole_coverage(client: ApiClient) -> None:
    body = client.get("/v1/crossings/monthly").json()
    assert body["meta"]["from"] == "2021-01"
    assert body["data"][0]["period"] == "2021-01"
    assert body["meta"]["available"] == ["2021-01", body["data"][-1]["period"]]


@pytest.mark.parametrize(
    ("url", "status", "needle"),
    [
        ("/v1/crossings/yearly/1850", 404, "2010 to 2025"),
        ("/v1/crossings/monthly/2023/13", 422, "month"),
        ("/v1/crossings/monthly/2023/0", 422, "month"),
        ("/v1/crossings/yearly?from=2020&to=2010", 422, "from"),
        ("/v1/crossings/monthly?from=2023-05&to=2023-01", 422, "from"),
        ("/v1/crossings/monthly?from=2023-13", 422, "from"),
        ("/v1/crossings/monthly?year=2023&from=2023-01", 422, "year"),
        ("/v1/crossings/yearly?form=2020", 422, "form"),
        ("/v1/crossings/yearly/abc", 422, "year"),
        ("/v1/crossings/monthly/2019/5", 404, "2021-01"),
    ],
)
def test_bad_requests_get_problem_details(
    client: ApiClient, url: str, status: int, needle: str
) -> None:
    response = client.get(url)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status
    assert body["type"].startswith("/v1/problems/")
    assert needle in body["detail"]
    if status == 422:
        assert body["errors"][0]["param"] == needle
