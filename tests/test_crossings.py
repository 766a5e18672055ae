"""Canonical yearly and monthly totals: gaps, ranges and errors (the real record's values are
checked in test_real_record.py)."""

import pytest

from tests.conftest import ApiClient


def test_months_without_a_figure_are_missing_not_zero(client: ApiClient) -> None:
    body = client.get("/v1/crossings/monthly", params={"year": 2022}).json()
    periods = [row["period"] for row in body["data"]]
    assert body["meta"]["missing"] == ["2022-03", "2022-05", "2022-06", "2022-12"]
    assert not set(periods) & set(body["meta"]["missing"])
    assert all(row["value"] > 0 for row in body["data"])


def test_excluded_month_is_missing_and_404(client: ApiClient) -> None:
    # August 2021 has one rounded figure the editor deliberately left out.
    body = client.get("/v1/crossings/monthly", params={"from": "2021-07", "to": "2021-09"}).json()
    assert body["data"] == []
    assert body["meta"]["missing"] == ["2021-07", "2021-08", "2021-09"]
    assert client.get("/v1/crossings/monthly/2021/8").status_code == 404


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
