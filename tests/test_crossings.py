"""Canonical yearly and monthly totals: gaps, ranges and errors (the real record's values are
checked in test_real_record.py)."""

import pytest

from tests.conftest import ApiClient


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
        ("/v1/crossings/monthly?from=2023-13", 422, "from"),
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


def test_a_from_after_to_is_an_empty_range_not_an_error(client: ApiClient) -> None:
    # The OpenAPI cannot say "from <= to", so every schema-valid pair must be answered (issue 10).
    for url in (
        "/v1/crossings/yearly?from=2020&to=2010",
        "/v1/crossings/monthly?from=2023-05&to=2023-01",
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert response.json()["data"] == []


def test_year_and_a_month_range_combine(client: ApiClient) -> None:
    both = client.get("/v1/crossings/monthly?year=2023&from=2023-03&to=2024-06").json()
    year = client.get("/v1/crossings/monthly?year=2023").json()
    expected = [row for row in year["data"] if row["period"] >= "2023-03"]
    assert expected
    assert both["data"] == expected
