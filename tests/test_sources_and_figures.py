"""Sources (paginated, with their figures) and single figures with provenance."""

from tests.conftest import ApiClient


def test_sources_are_paginated_with_next_links(client: ApiClient) -> None:
    seen: list[str] = []
    url: str | None = "/v1/sources?limit=50"
    pages = 0
    while url:
        response = client.get(url)
        assert response.status_code == 200
        body = response.json()
        seen += [s["id"] for s in body["data"]]
        url = body["meta"]["next_url"]
        if url:
            assert response.headers["link"] == f'<{url}>; rel="next"'
        pages += 1
    assert pages == 5
    assert len(seen) == len(set(seen)) == 211
    assert seen == sorted(seen)


def test_source_detail_lists_its_figures(client: ApiClient) -> None:
    body = client.get("/v1/sources/S002").json()
    assert body["publisher"] == "Pledge Times"
    assert body["wire"] == "EFE"
    assert body["figure_count"] == len(body["figures"]) == 10
    assert all(f["source"]["id"] == "S002" for f in body["figures"])


def test_source_without_figures_is_still_listed(client: ApiClient) -> None:
    body = client.get("/v1/sources/S055").json()
    assert (body["figure_count"], body["figures"]) == (0, [])


def test_figure_has_provenance_and_citation(client: ApiClient) -> None:
    body = client.get("/v1/figures/F0085").json()
    assert (body["value"], body["period"]) == (511103, "2023-01-01/2023-12-16")
    assert body["source"]["id"] == "S144"
    assert body["note"]
    assert "figure F0085" in body["citation"]


def test_whole_numbers_are_ints_and_shares_keep_their_decimal(client: ApiClient) -> None:
    share = client.get("/v1/figures/F0266").json()
    assert (share["value"], share["unit"], share["dimension_value"]) == (70.1, "percent", "VEN")
    count = client.get("/v1/figures/F0066").json()["value"]
    assert count == 520085
    assert isinstance(count, int)


def test_unknown_ids_are_404_problems(client: ApiClient) -> None:
    for url in ("/v1/figures/F9999", "/v1/sources/S999"):
        response = client.get(url)
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["instance"] == url


def test_bad_pagination_parameters(client: ApiClient) -> None:
    for url, param in (("/v1/sources?limit=0", "limit"), ("/v1/sources?cursor=a%20b", "cursor")):
        response = client.get(url)
        assert response.status_code == 422
        assert response.json()["errors"][0]["param"] == param


def test_figures_list_pages_through_every_figure(client: ApiClient) -> None:
    seen: list[str] = []
    url: str | None = "/v1/figures?limit=500"
    while url:
        body = client.get(url).json()
        seen += [f["id"] for f in body["data"]]
        url = body["meta"]["next_url"]
    assert len(seen) == len(set(seen)) == 844
    assert seen == sorted(seen)


def test_figures_list_filters_combine(client: ApiClient) -> None:
    body = client.get(
        "/v1/figures",
        params={
            "year": 2023,
            "dimension": "nationality",
            "dimension_value": "VEN",
            "unit": "people",
            "limit": 500,
        },
    ).json()
    assert body["data"]
    for figure in body["data"]:
        assert (figure["dimension"], figure["dimension_value"], figure["unit"]) == (
            "nationality",
            "VEN",
            "people",
        )
        assert figure["period_start"].startswith("2023")
        assert figure["period_end"].startswith("2023")
    assert {f["value"] for f in body["data"]} >= {328650, 328667}
    by_source = client.get("/v1/figures", params={"source": "S002"}).json()
    assert by_source["meta"]["total"] == 10


def test_figures_list_rejects_unknown_enum_values(client: ApiClient) -> None:
    response = client.get("/v1/figures", params={"dimension": "religion"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["param"] == "dimension"
