"""The OpenAPI documents every error an operation can answer, as the problem+json it really is,
and the server answers as documented: 400 for malformed JSON, 415 for a wrong content type, 405
with every method of the path. (make fuzz checks the same against generated requests.)"""

from typing import Any

import pytest

from tests.conftest import ApiClient

KEY = "problem-key"


@pytest.fixture
def spec(client: ApiClient) -> dict[str, Any]:
    body: dict[str, Any] = client.get("/openapi.json").json()
    return body


def operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [(m, p, op) for p, ops in spec["paths"].items() for m, op in ops.items()]


def test_every_error_of_every_operation_is_problem_json(spec: dict[str, Any]) -> None:
    for method, path, operation in operations(spec):
        responses = operation["responses"]
        assert {"414", "422", "429"} <= set(responses), (method, path)
        for status, response in responses.items():
            if status[0] in "45":
                media = response["content"]["application/problem+json"]
                assert media["schema"] == {"$ref": "#/components/schemas/Problem"}, (path, status)
        if "{" in path:
            assert "404" in responses, (method, path)
        if "requestBody" in operation:
            assert {"400", "413", "415"} <= set(responses), (method, path)
    assert "Retry-After" in spec["paths"]["/v1/documents"]["post"]["responses"]["503"]["headers"]


def test_the_ingestion_key_is_a_bearer_security_scheme(spec: dict[str, Any]) -> None:
    scheme = spec["components"]["securitySchemes"]["ApiKey"]
    assert scheme == {**scheme, "type": "http", "scheme": "bearer"}
    secured = {(m, p) for m, p, op in operations(spec) if op.get("security")}
    assert secured == {("post", "/v1/documents"), ("delete", "/v1/documents/{document_id}")}
    for method, path in secured:
        assert {"401", "403", "503"} <= set(spec["paths"][path][method]["responses"])


def test_malformed_json_is_400_on_both_writes(make_client: Any) -> None:
    client = make_client(api_keys=KEY)
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {KEY}"}
    for path in ("/v1/claims/check", "/v1/documents"):
        response = client.post(path, content=b'{"text": "unfinished', headers=headers)
        assert response.status_code == 400, path
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["type"] == "/v1/problems/malformed-json"


def test_a_wrong_content_type_is_415(make_client: Any) -> None:
    client = make_client(api_keys=KEY)
    response = client.post(
        "/v1/documents",
        content=b"<doc/>",
        headers={"Content-Type": "application/xml", "Authorization": f"Bearer {KEY}"},
    )
    assert response.status_code == 415
    assert response.headers["content-type"] == "application/problem+json"


def test_405_names_every_method_of_the_path(client: ApiClient) -> None:
    response = client.request("PUT", "/v1/documents/1")
    assert response.status_code == 405
    assert response.headers["content-type"] == "application/problem+json"
    assert {"GET", "DELETE", "HEAD"} <= set(response.headers["allow"].split(", "))
