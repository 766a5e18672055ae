"""The contract other services rely on: index, health, OpenAPI, CORS, and errors as problem+json."""

from collections.abc import AsyncIterator
from typing import Any

import pytest
from fastapi import APIRouter

from tests.conftest import ApiClient


def test_index_links_every_endpoint(client: ApiClient) -> None:
    links = client.get("/v1").json()["links"]
    spec = client.get("/openapi.json").json()["paths"]
    assert {path.split("?")[0] for path in spec} - {"/v1", "/v1/problems/{slug}"} <= {
        link["href"].split("?")[0] for link in links
    } | {p for p in spec if "{" in p}
    for link in links:
        if link["method"] == "GET":
            assert client.get(link["href"]).status_code == 200, link
    assert {"rel": "claims", "method": "POST", "href": "/v1/claims/check"}.items() <= next(
        link for link in links if link["rel"] == "claims"
    ).items()


def test_links_use_base_url_and_never_the_host_header(make_client: Any) -> None:
    relative: ApiClient = make_client()
    poisoned = relative.get("/v1/sources?limit=7", headers={"Host": "evil.example"})
    clean = relative.get("/v1/sources?limit=7")
    assert "evil" not in poisoned.text + poisoned.headers["link"]
    assert clean.json()["meta"]["next_url"] == "/v1/sources?limit=7&cursor=S007"
    absolute: ApiClient = make_client(base_url="https://api.example.org")
    body = absolute.get("/v1/sources?limit=7", headers={"Host": "evil.example"}).json()
    assert body["meta"]["next_url"] == "https://api.example.org/v1/sources?limit=7&cursor=S007"
    index = absolute.get("/v1", headers={"Host": "evil.example"}).json()
    assert all(link["href"].startswith("https://api.example.org/") for link in index["links"])


def test_health(client: ApiClient) -> None:
    assert client.get("/healthz").json() == {
        "status": "ok",
        "dataset_version": 1,
        "database_version": 1,
    }


def test_openapi_documents_every_parameter_and_response(client: ApiClient) -> None:
    spec = client.get("/openapi.json").json()
    operations = [op for path in spec["paths"].values() for op in path.values()]
    assert len(operations) >= 9
    for op in operations:
        assert op.get("summary"), op
        assert "200" in op["responses"]
        for param in op.get("parameters", []):
            assert (
                param.get("description") or param["schema"].get("examples") or param.get("examples")
            ), param
    yearly = spec["paths"]["/v1/crossings/yearly"]["get"]
    assert {p["name"] for p in yearly["parameters"]} == {
        "from",
        "to",
        "format",
        "fields",
        "bom",
        "include",
        "nationality",
        "group",
        "as_of",
    }


def test_cors_on_data_and_on_errors(client: ApiClient) -> None:
    headers = {"Origin": "https://dashboard.example"}
    for url in ("/v1/crossings/yearly", "/v1/figures/nope", "/v1/crossings/yearly?x=1"):
        response = client.get(url, headers=headers)
        assert response.headers["access-control-allow-origin"] == "*"


def test_head_is_answered_wherever_get_is(client: ApiClient) -> None:
    for url in ("/healthz", "/v1/crossings/yearly", "/v1/documents/1"):
        head = client.request("HEAD", url)
        assert head.status_code == 200, url
        assert head.content == b""


@pytest.mark.parametrize(
    ("url", "param"),
    [
        ("/v1/crossings/yearly?from=2010&from=2011", "from"),
        ("/v1/crossings/monthly?from=0000-01", "from"),
        ("/v1/crossings/monthly?to=9999-12", "to"),
        ("/v1/documents/99999999999999999999", "document_id"),
        ("/v1/documents?cursor=99999999999999999999", "cursor"),
    ],
)
def test_out_of_range_and_repeated_parameters_are_422(
    client: ApiClient, url: str, param: str
) -> None:
    response = client.get(url)
    assert response.status_code == 422
    assert response.json()["errors"][0]["param"] == param


def test_a_single_bound_beyond_coverage_is_an_honest_empty_range(client: ApiClient) -> None:
    body = client.get("/v1/crossings/yearly?from=2030").json()
    assert (body["data"], body["meta"]["missing"], body["meta"]["from"]) == ([], ["2030"], "2030")
    early = client.get("/v1/crossings/monthly?to=2019-02").json()
    assert early["meta"]["from"] == "2019-02"


def test_overlong_query_is_414_and_oversized_body_413(make_client: Any) -> None:
    client: ApiClient = make_client(max_body_bytes=10_000)
    long_query = client.get(
        "/v1/crossings/yearly?" + "x" * 3000, headers={"Origin": "https://a.example"}
    )
    assert long_query.status_code == 414
    assert long_query.headers["content-type"] == "application/problem+json"
    assert long_query.headers["access-control-allow-origin"] == "*"

    async def chunks() -> AsyncIterator[bytes]:  # no Content-Length: sent chunked
        for _ in range(20):
            yield b"x" * 1000

    chunked = client.post(
        "/v1/claims/check", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert chunked.status_code == 413
    assert "10,000" in chunked.json()["detail"]


def test_method_not_allowed_is_a_problem(client: ApiClient) -> None:
    response = client.request("DELETE", "/v1/crossings/yearly")
    assert response.status_code == 405
    assert response.headers["content-type"] == "application/problem+json"


def test_unhandled_errors_are_500_problems_without_internals(make_client: Any) -> None:
    client: ApiClient = make_client()
    app = client.client._transport.app.app  # type: ignore[attr-defined]
    router = APIRouter()

    @router.get("/v1/boom")
    def boom() -> None:
        raise RuntimeError("secret internals")

    app.include_router(router)
    response = client.get("/v1/boom", headers={"Origin": "https://dashboard.example"})
    assert response.status_code == 500
    assert response.json()["instance"] == "/v1/boom"
    assert response.headers["access-control-allow-origin"] == "*"
    assert response.headers["content-type"] == "application/problem+json"
    assert "secret" not in response.text
    assert "Traceback" not in response.text


def test_each_operation_accepts_exactly_the_query_parameters_it_documents(
    client: ApiClient,
) -> None:
    spec = client.get("/openapi.json").json()
    checked = 0
    for path, operations in spec["paths"].items():
        get = operations.get("get")
        if get is None or "{" in path:
            continue
        documented = sorted(p["name"] for p in get.get("parameters", []) if p["in"] == "query")
        response = client.get(f"{path}?not_a_parameter=1")
        assert response.status_code == 422, path
        assert response.json()["errors"][0]["msg"] == (
            f"unknown parameter; allowed: {', '.join(documented) or 'none'}"
        ), path
        checked += 1
    assert checked >= 20
