"""The edge: request ids, security headers, JSON logs, no internals in errors, hashed API keys."""

import asyncio
import hashlib
import io
import json
import logging
from typing import Any

import pytest

from app.asgi.edge import Edge, html_policy
from app.asgi.requestlog import JsonFormatter, RequestLog
from tests.conftest import ApiClient

YEARLY = "/v1/crossings/yearly"


def log_sink(client: ApiClient) -> tuple[RequestLog, io.StringIO]:
    log: RequestLog = client.client._transport.app.log  # type: ignore[attr-defined]
    log.flush()
    log.stream = sink = io.StringIO()
    return log, sink


def logged(log: RequestLog, sink: io.StringIO) -> list[dict[str, Any]]:
    log.flush()
    return [json.loads(line) for line in sink.getvalue().splitlines()]


def test_a_request_id_is_made_returned_and_logged(client: ApiClient) -> None:
    log, sink = log_sink(client)
    first, second = client.get(YEARLY), client.get(YEARLY)
    ids = [first.headers["x-request-id"], second.headers["x-request-id"]]
    assert ids[0] != ids[1]
    assert all(len(i) >= 16 for i in ids)
    assert [e["request_id"] for e in logged(log, sink)] == ids


def test_a_safe_client_request_id_is_kept_and_an_unsafe_one_replaced(client: ApiClient) -> None:
    kept = client.get(YEARLY, headers={"X-Request-ID": "trace-42.a:b"})
    assert kept.headers["x-request-id"] == "trace-42.a:b"
    for unsafe in ('"}{"evil', "x" * 65, "a b"):
        replaced = client.get(YEARLY, headers={"X-Request-ID": unsafe})
        assert replaced.headers["x-request-id"] != unsafe
        assert replaced.headers["x-request-id"].isalnum()


def test_security_headers_on_every_answer(client: ApiClient) -> None:
    answers = {
        "miss": client.get(YEARLY),
        "hit": client.get(YEARLY),
        "404": client.get("/v1/figures/nope"),
        "post": client.post("/v1/claims/check", json={"text": "nothing"}),
    }
    assert answers["hit"].content == answers["miss"].content
    for name, response in answers.items():
        assert response.headers["x-content-type-options"] == "nosniff", name
        assert response.headers["referrer-policy"] == "no-referrer", name


def test_html_gets_a_policy_unless_it_brings_its_own(client: ApiClient) -> None:
    docs = client.get("/docs")
    assert docs.headers.get_list("content-security-policy") == [
        docs.headers["content-security-policy"]
    ]
    assert "script-src 'self'" in docs.headers["content-security-policy"]
    bare = html_policy([(b"content-type", b"text/html; charset=utf-8")])
    assert bare == [(b"content-security-policy", b"default-src 'none'; frame-ancestors 'none'")]
    assert html_policy([(b"content-type", b"application/json")]) == []


def test_a_route_that_raises_is_a_500_problem_without_internals(client: ApiClient) -> None:
    api = client.client._transport.app.app  # type: ignore[attr-defined]

    def explode() -> None:
        raise RuntimeError("secret internals /etc/passwd")

    api.add_api_route("/v1/explode", explode)
    response = client.get("/v1/explode")
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["type"] == "/v1/problems/server-error"
    assert "secret" not in response.text
    assert "Traceback" not in response.text
    assert response.headers["x-request-id"]


def test_an_error_in_front_of_fastapi_is_a_500_problem_too() -> None:
    async def broken(scope: Any, receive: Any, send: Any) -> None:
        raise RuntimeError("secret")

    sent: list[Any] = []

    async def send(message: Any) -> None:
        sent.append(message)

    sink = io.StringIO()
    edge = Edge(broken, RequestLog(stream=sink), None)
    scope = {"type": "http", "method": "GET", "path": "/x", "query_string": b"", "headers": []}
    asyncio.run(edge(scope, None, send))  # type: ignore[arg-type]
    assert sent[0]["status"] == 500
    assert b"secret" not in sent[1]["body"]
    edge.log.flush()
    assert json.loads(sink.getvalue())["status"] == 500


def test_app_log_records_are_json_with_the_request_id() -> None:
    from app.asgi.requestlog import REQUEST_ID

    REQUEST_ID.set("abc123")
    record = logging.LogRecord("darien", logging.WARNING, __file__, 1, "loaded %s", (7,), None)
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "loaded 7"
    assert line["request_id"] == "abc123"
    assert line["level"] == "warning"


def test_a_key_given_as_a_sha256_digest_is_accepted(make_client: Any) -> None:
    digest = hashlib.sha256(b"clear-key").hexdigest()
    writer: ApiClient = make_client(api_keys=f"sha256:{digest}")
    response = writer.post(
        "/v1/documents", json={"text": ""}, headers={"Authorization": "Bearer clear-key"}
    )
    assert response.status_code == 422  # past authentication, refused for its content
    wrong = writer.post(
        "/v1/documents", json={"text": ""}, headers={"Authorization": f"Bearer {digest}"}
    )
    assert wrong.status_code == 403  # the digest itself is not a key


def test_a_malformed_digest_is_refused_at_start() -> None:
    from app.api.auth import configured_keys

    with pytest.raises(ValueError, match="64 hex digits"):
        configured_keys("sha256:abc")


def test_keys_never_reach_a_log(make_client: Any, capsys: pytest.CaptureFixture[str]) -> None:
    writer: ApiClient = make_client(api_keys="very-secret-key")
    log, sink = log_sink(writer)
    for token in ("very-secret-key", "wrong-secret-key"):
        writer.post("/v1/documents", json={"text": 5}, headers={"Authorization": f"Bearer {token}"})
    lines = logged(log, sink)
    assert len(lines) == 2
    everything = sink.getvalue() + "".join(capsys.readouterr())
    assert "secret-key" not in everything
    settings = writer.client._transport.app.app.state.settings  # type: ignore[attr-defined]
    assert "very-secret-key" not in repr(settings)
