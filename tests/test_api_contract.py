"""The contract other services rely on: index, health, OpenAPI, CORS, and errors as problem+json."""

from typing import Any

from fastapi import APIRouter

from tests.conftest import ApiClient


def test_index_links_every_endpoint(client: ApiClient) -> None:
    body = client.get("/v1").json()
    hrefs = [link["href"] for link in body["links"]]
    assert "http://testserver/v1/crossings/yearly" in hrefs
    for href in hrefs:
        path = href.removeprefix("http://testserver")
        assert client.get(path).status_code == 200, path


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
    assert {p["name"] for p in yearly["parameters"]} == {"from", "to"}


def test_cors_on_data_and_on_errors(client: ApiClient) -> None:
    headers = {"Origin": "https://dashboard.example"}
    for url in ("/v1/crossings/yearly", "/v1/figures/nope"):
        response = client.get(url, headers=headers)
        assert response.headers["access-control-allow-origin"] == "*"


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
    response = client.get("/v1/boom")
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert "secret" not in response.text
    assert "Traceback" not in response.text
